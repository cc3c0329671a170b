//! The writes the district rules add for scripts: `printed ID`, `published ID` (崆峒
//! 五十三), `decide MEETING-ID …` (a meeting's decision as a supervision item),
//! `step PROJECT-ID N` (a step of an investment project's route, 信州 三十二) and
//! `rechecked ID --note …` (a 回头看 done, 环翠 70). Each is one transaction with its
//! audit entry; a refusal is an error in the user's language, so the exit code is non-zero.

use super::{Command, Ctx};
use crate::store::actions;
use crate::store::rules_writes::{self as rw, Done, department_id, meeting_id, project_id};
use anyhow::{Result, anyhow, bail};
use std::io::Write;

pub fn run(ctx: &Ctx, cmd: Command, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store()?;
    let env = ctx.env(&store)?;
    let lang = ctx.lang;
    let local = |e: crate::Error| anyhow!(e.localized(lang));
    let done: crate::Result<Done> = match cmd {
        Command::Printed { id } => {
            let id = actions::document_id(store.conn(), &id).map_err(local)?;
            rw::mark_printed(&mut store, &env, id)
        }
        Command::Published { id } => {
            let id = actions::document_id(store.conn(), &id).map_err(local)?;
            rw::mark_published(&mut store, &env, id)
        }
        Command::Decide {
            meeting,
            title,
            lead,
            co,
            deadline,
        } => {
            let conn = store.conn();
            let m = meeting_id(conn, &meeting).map_err(local)?;
            let lead = department_id(conn, &lead).map_err(local)?;
            let co = co
                .iter()
                .filter(|c| !c.trim().is_empty())
                .map(|c| department_id(conn, c))
                .collect::<crate::Result<Vec<_>>>()
                .map_err(local)?;
            rw::record_decision(&mut store, &env, m, &title, lead, &co, deadline)
        }
        Command::Step { project, step } => {
            let id = project_id(store.conn(), &project).map_err(local)?;
            if step == 0 {
                bail!(lang.pick("步骤从 1 开始编号", "steps are numbered from 1"));
            }
            rw::step_done(&mut store, &env, id, step - 1)
        }
        Command::Rechecked { id, note } => {
            let id = actions::supervision_id(store.conn(), &id).map_err(local)?;
            rw::recheck_done(&mut store, &env, id, &note)
        }
        other => bail!("not a rule action: {other:?}"),
    };
    let done = done.map_err(local)?;
    writeln!(out, "{}", done.summary(lang))?;
    Ok(())
}
