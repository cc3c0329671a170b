//! What a command did: its audit row (one shape for every command) and the [`Done`] the
//! board and the command line show.

use crate::command::audit_log::{self as audit, Entry};
use crate::command::calendar::CalendarImported;
use crate::domain::Env;
use crate::error::Result;
use crate::i18n::Lang;
use crate::interchange::ImportSummary;
use rusqlite::Connection;

/// What a command did, to show the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    /// "document", "supervision", "meeting", "database", "holiday_year", …
    pub entity: &'static str,
    /// The row id of that item (0 for commands on the whole database).
    pub id: i64,
    pub summary_zh: String,
    pub summary_en: String,
    /// Counts for commands that touch many rows.
    pub detail: Detail,
}

/// The counts of a command that touches many rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Detail {
    #[default]
    None,
    Imported(ImportSummary),
    Calendar(CalendarImported),
    Settled(usize),
}

impl Done {
    /// The summary in a language.
    pub fn summary(&self, lang: Lang) -> &str {
        lang.pick(&self.summary_zh, &self.summary_en)
    }
}

/// One audit row and the [`Done`] that reports it.
pub(crate) struct Record<'a> {
    pub action: &'a str,
    pub entity: &'static str,
    pub id: i64,
    pub zh: String,
    pub en: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    /// The login of the person acted for (代录, stand-in), if any.
    pub acted_for: Option<String>,
}

impl Record<'_> {
    /// Writes the audit row (real time, account, person, business date, chain) and returns
    /// what to show.
    pub fn commit(self, conn: &Connection, env: &Env) -> Result<Done> {
        write(conn, env, &self)?;
        Ok(Done {
            entity: self.entity,
            id: self.id,
            summary_zh: self.zh,
            summary_en: self.en,
            detail: Detail::None,
        })
    }
}

/// Writes one audit row for `r` under `env`'s identity.
pub(crate) fn write(conn: &Connection, env: &Env, r: &Record<'_>) -> Result<i64> {
    audit::record(
        conn,
        &Entry {
            os_account: &env.account,
            actor: &env.actor,
            acted_for: r.acted_for.as_deref(),
            action: r.action,
            business_date: env.business_date().as_deref(),
            entity: r.entity,
            entity_id: (r.id != 0).then_some(r.id),
            summary: &r.zh,
            before: r.before.as_ref(),
            after: r.after.as_ref(),
        },
    )
}

/// The acting person, who must be granted `act` by the role matrix with no relation to an
/// item (the office's own writes: printing, decisions, the duty log, …).
pub(crate) fn office_actor(
    conn: &Connection,
    env: &Env,
    act: crate::domain::roles::Act,
) -> Result<crate::store::people::Person> {
    let me = super::identity::person(conn, env)?;
    crate::domain::permission::check(
        &me.who(),
        act,
        crate::domain::permission::Relation::default(),
        None,
    )?;
    Ok(me)
}

/// One audit entry for a change acted for nobody else, and the [`Done`] that reports it.
#[allow(clippy::too_many_arguments)]
pub(crate) fn audited(
    conn: &Connection,
    env: &Env,
    action: &str,
    entity: &'static str,
    id: i64,
    zh: String,
    en: String,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<Done> {
    Record {
        action,
        entity,
        id,
        zh,
        en,
        before,
        after,
        acted_for: None,
    }
    .commit(conn, env)
}
