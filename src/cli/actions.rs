//! The item actions for scripts: sign, return, forward, urge, extend, progress, close,
//! reopen, recheck. Items are named by their external id; each action is one core call
//! (one transaction, one audit entry) and prints what was done in the user's language.
//! A refusal is an error carrying the reason in that language, so the exit code is
//! non-zero.

use super::{Command, Ctx};
use crate::store::actions::{self, Done};
use anyhow::{Result, anyhow, bail};
use std::io::Write;

pub fn run(ctx: &Ctx, cmd: Command, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store()?;
    let env = ctx.env(&store)?;
    let lang = ctx.lang;
    // Core errors (refusals above all) are shown in the user's language.
    let local = |e: crate::Error| anyhow!(e.localized(lang));
    let doc = |store: &crate::store::Store, id: &str| {
        actions::document_id(store.conn(), id).map_err(local)
    };
    let sup = |store: &crate::store::Store, id: &str| {
        actions::supervision_id(store.conn(), id).map_err(local)
    };
    let done: crate::Result<Done> = match cmd {
        Command::Sign { id, text } => {
            let id = doc(&store, &id)?;
            actions::sign(&mut store, &env, id, &text)
        }
        Command::Return { id, reason } => {
            let id = doc(&store, &id)?;
            actions::return_document(&mut store, &env, id, &reason)
        }
        Command::Forward { id, to, note } => {
            let id = doc(&store, &id)?;
            actions::forward(&mut store, &env, id, &to, &note)
        }
        Command::Urge { id, note } => {
            let target = actions::resolve_target(store.conn(), &id).map_err(local)?;
            actions::urge(&mut store, &env, target, &note)
        }
        Command::Extend { id, to, reason } => {
            let id = sup(&store, &id)?;
            actions::extend(&mut store, &env, id, to, &reason)
        }
        Command::Progress { id, note } => {
            let id = sup(&store, &id)?;
            actions::add_progress(&mut store, &env, id, &note)
        }
        Command::Close { id, note } => {
            let id = sup(&store, &id)?;
            actions::close(&mut store, &env, id, &note)
        }
        Command::Reopen { id, reason } => {
            let id = sup(&store, &id)?;
            actions::reopen(&mut store, &env, id, &reason)
        }
        Command::Recheck { id, on } => {
            let id = sup(&store, &id)?;
            actions::set_recheck(&mut store, &env, id, on)
        }
        other => bail!("not an item action: {other:?}"),
    };
    let done = done.map_err(local)?;
    writeln!(out, "{}", done.summary(lang))?;
    Ok(())
}
