//! The actions on items, one function per user action, each run by
//! [`crate::command::perform`] inside its transaction: load the row, check its state, check
//! the person may act, change it, and describe the change for the audit log (before and
//! after).
//!
//! A [`Done`] names the item whose history received the entry: the document or the
//! supervision item, and for topics and leave requests the meeting they belong to.

pub(crate) mod decide;
pub(crate) mod documents;
pub(crate) mod lifecycle;
pub(crate) mod meeting_duties;
pub(crate) mod meetings;
pub mod receive;
pub(crate) mod snapshot;
pub(crate) mod supervision;
pub(crate) mod topics;

pub(crate) use decide::{return_document, sign};
pub(crate) use documents::forward;
pub(crate) use meetings::{documents_issued, minutes_issued, request_leave};
pub(crate) use supervision::{add_progress, close, extend, reopen, set_recheck};
pub(crate) use topics::{add_topic, approve_topic, topic_materials_in};

use super::outcome::{Done, Record};
use super::resolve::Target;
use crate::domain::Env;
use crate::error::{Error, Result};
use crate::store::people::{self, Person};
use rusqlite::Connection;

/// Urges (催办) a document or a supervision item: records who and when (a `notices` row,
/// `urged_count`, `last_urged_at`); for a supervision item the notice is its 督办通知.
pub(crate) fn urge(tx: &Connection, env: &Env, target: Target, note: &str) -> Result<Done> {
    match target {
        Target::Document(id) => documents::urge(tx, env, id, note),
        Target::Supervision(id) => supervision::urge(tx, env, id, note),
    }
}

/// The person acting in `env` (refused when the login is not on the staff list).
fn actor(conn: &Connection, env: &Env) -> Result<Person> {
    super::identity::person(conn, env)
}
/// A required free-text value, trimmed; empty is refused, naming what is missing.
fn required(text: &str, zh: &str, en: &str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        Err(Error::refused(
            format!("请填写{zh}"),
            format!("a {en} is required"),
        ))
    } else {
        Ok(t.to_string())
    }
}

/// "：note" / ": note" when a note was given, else nothing.
fn with_note(note: &str) -> (String, String) {
    let n = note.trim();
    if n.is_empty() {
        (String::new(), String::new())
    } else {
        (format!("：{n}"), format!(": {n}"))
    }
}

/// A person's name by id (empty when there is none).
fn name_of(conn: &Connection, id: Option<i64>) -> Result<String> {
    match id {
        Some(id) => Ok(people::person_by_id(conn, id)?.name),
        None => Ok(String::new()),
    }
}
