//! The one place the board writes: each [`Call`] goes to the same core function the CLI
//! uses (`crate::store::actions`, `crate::store::rules_writes`), in one transaction, and comes back as a summary in
//! both languages or as the core's error (a refusal says why, in both languages).

use super::form::Call;
use crate::domain::Env;
use crate::error::{DbContext, Error, Result};
use crate::store::Store;
use crate::store::actions::{self as act, Target};
use crate::store::queries::{Bi, Item};
use crate::store::rules_writes as rw;
use rusqlite::OptionalExtension;

/// Performs one call.
pub fn perform(store: &mut Store, env: &Env, call: &Call) -> Result<Bi> {
    tracing::info!(?call, actor = %env.actor, "board action");
    let done = match call {
        Call::Sign { doc, instruction } => act::sign(store, env, *doc, instruction)?,
        Call::Return { doc, reason } => act::return_document(store, env, *doc, reason)?,
        Call::Forward { doc, to, note } => act::forward(store, env, *doc, to, note)?,
        Call::Urge { target, note } => {
            let t = match target {
                Item::Document(id) => Target::Document(*id),
                Item::Supervision(id) => Target::Supervision(*id),
                Item::Meeting(_) => {
                    return Err(Error::refused("会议不能催办", "meetings cannot be urged"));
                }
            };
            act::urge(store, env, t, note)?
        }
        Call::Extend { sup, to, reason } => act::extend(store, env, *sup, *to, reason)?,
        Call::Progress { sup, note } => act::add_progress(store, env, *sup, note)?,
        Call::Close { sup, note } => act::close(store, env, *sup, note)?,
        Call::Reopen { sup, reason } => act::reopen(store, env, *sup, reason)?,
        Call::Recheck { sup, on } => act::set_recheck(store, env, *sup, *on)?,
        Call::AddTopic {
            meeting,
            title,
            dept,
        } => {
            let dept = match dept {
                Some(d) => Some(department(store, d)?),
                None => None,
            };
            act::add_topic(store, env, *meeting, title, dept)?
        }
        Call::ApproveTopic { topic } => act::approve_topic(store, env, *topic)?,
        Call::MaterialsIn { topic } => act::topic_materials_in(store, env, *topic)?,
        Call::Leave {
            meeting,
            login,
            reason,
            in_writing,
        } => act::request_leave(store, env, *meeting, login, reason, *in_writing)?,
        Call::MinutesIssued { meeting } => act::minutes_issued(store, env, *meeting)?,
        Call::DocumentsIssued { meeting } => act::documents_issued(store, env, *meeting)?,
        Call::Printed { doc } => rw::mark_printed(store, env, *doc)?,
        Call::Published { doc } => rw::mark_published(store, env, *doc)?,
        Call::Decide {
            meeting,
            title,
            lead,
            co,
            deadline,
        } => {
            let lead = department(store, lead)?;
            let co = co
                .iter()
                .map(|c| department(store, c))
                .collect::<Result<Vec<_>>>()?;
            rw::record_decision(store, env, *meeting, title, lead, &co, *deadline)?
        }
        Call::Rechecked { sup, note } => rw::recheck_done(store, env, *sup, note)?,
    };
    Ok(Bi::new(done.summary_zh, done.summary_en))
}

/// A department by name or external id, as typed in the add-topic and decision forms; an
/// unknown one is bad input, so the form stays open with the message.
fn department(store: &Store, spec: &str) -> Result<i64> {
    store
        .conn()
        .prepare_cached(
            "SELECT id FROM departments WHERE name = ?1 OR ext_id = ?1 ORDER BY id LIMIT 1",
        )
        .db("preparing the department lookup")?
        .query_row([spec.trim()], |r| r.get(0))
        .optional()
        .db("looking up a department")?
        .ok_or_else(|| Error::bad_input(spec, "no department with this name or id"))
}
