//! The actions on items, one function per user action. Each runs in one IMMEDIATE
//! transaction: resolve the acting person, load the row, check its state, check the
//! person may act, change it, and record the change in the audit log (before and after)
//! — all of it or none of it. The board and the command line both call these.
//!
//! A [`Done`] names the item whose history received the entry: the document or the
//! supervision item, and for topics and leave requests the meeting they belong to.

mod documents;
mod lookup;
mod meetings;
mod snapshot;
mod supervision;
mod topics;

pub use documents::{forward, return_document, sign};
pub use lookup::{document_id, resolve_target, supervision_id};
pub use meetings::{documents_issued, minutes_issued, request_leave};
pub use supervision::{add_progress, close, extend, reopen, set_recheck};
pub use topics::{add_topic, approve_topic, topic_materials_in};

use crate::domain::Env;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::store::audit::{self, Entry};
use crate::store::people::{self, Person};

use crate::store::Store;
use rusqlite::Connection;

/// What an action did, to show the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    /// "document", "supervision" or "meeting".
    pub entity: &'static str,
    /// The row id of that item.
    pub id: i64,
    pub summary_zh: String,
    pub summary_en: String,
}

impl Done {
    /// The summary in a language.
    pub fn summary(&self, lang: Lang) -> &str {
        lang.pick(&self.summary_zh, &self.summary_en)
    }
}

/// An item that can be urged (催办).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Document(i64),
    Supervision(i64),
}

/// Urges (催办) a document or a supervision item: records who and when (a `notices` row,
/// `urged_count`, `last_urged_at`); for a supervision item the notice is its 督办通知.
pub fn urge(store: &mut Store, env: &Env, target: Target, note: &str) -> Result<Done> {
    match target {
        Target::Document(id) => documents::urge(store, env, id, note),
        Target::Supervision(id) => supervision::urge(store, env, id, note),
    }
}

/// The person acting in `env` (refused when the login is not on the staff list).
fn actor(conn: &Connection, env: &Env) -> Result<Person> {
    people::person_by_login(conn, &env.actor)
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

/// Records an action in the audit log and builds its [`Done`].
struct Record<'a> {
    action: &'a str,
    entity: &'static str,
    id: i64,
    zh: String,
    en: String,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
}

impl Record<'_> {
    fn commit(self, conn: &Connection, env: &Env) -> Result<Done> {
        audit::record(
            conn,
            &Entry {
                actor: &env.actor,
                os_account: &env.account,
                acted_for: None,
                business_date: env.business_date().as_deref(),
                action: self.action,
                entity: self.entity,
                entity_id: Some(self.id),
                summary: &self.zh,
                before: self.before.as_ref(),
                after: self.after.as_ref(),
            },
        )?;
        tracing::info!(action = self.action, entity = self.entity, id = self.id, actor = %env.actor, "{}", self.en);
        Ok(Done {
            entity: self.entity,
            id: self.id,
            summary_zh: self.zh,
            summary_en: self.en,
        })
    }
}

/// A person's name by id (empty when there is none).
fn name_of(conn: &Connection, id: Option<i64>) -> Result<String> {
    match id {
        Some(id) => Ok(people::person_by_id(conn, id)?.name),
        None => Ok(String::new()),
    }
}
