//! Compliance over the database: gathers what each rule needs with indexed queries over
//! open items only (pending documents, unanswered countersigns, signed documents still
//! owing printing, planned meetings and those owing minutes or documents, open and
//! re-check-due supervision items, current and coming absences, fund requests awaiting a
//! reply) and hands it to the pure rules in `domain::compliance`.
//!
//! Call [`check`] inside a read transaction for one consistent snapshot. It only reads:
//! countersign silence the rules count as consent is derived as of `env.today()` and
//! reported as deemed no objection; `dutydesk settle` is what records it.

mod documents;
mod duties;
mod duty;
mod meetings;
mod others;
pub mod provisional;
pub mod unreadable;

use crate::domain::Env;
use crate::domain::compliance::{self, Finding, ItemRef, RuleRef};
use crate::error::Result;
use chrono::NaiveDate;

/// Every current finding, most serious first, then oldest first.
pub fn check(conn: &rusqlite::Connection, env: &Env) -> Result<Vec<Finding>> {
    let mut out = Vec::new();
    documents::gather(conn, env, &mut out)?;
    meetings::gather(conn, env, &mut out)?;
    duties::gather(conn, env, &mut out)?;
    others::supervision(conn, env, &mut out)?;
    others::people(conn, env, &mut out)?;
    others::investment(conn, env, &mut out)?;
    provisional::gather(conn, env, &mut out)?;
    duty::gather(conn, env, &mut out)?;
    unreadable::gather(conn, env.today(), &mut out)?;
    compliance::sort(&mut out);
    Ok(out)
}

/// A stored `YYYY-MM-DD` date (or the date part of a `YYYY-MM-DD HH:MM` time); None for
/// NULL or a malformed value, which is logged and the rule skipped rather than failing
/// the whole check.
pub(crate) fn day(what: &str, id: i64, s: Option<&str>) -> Option<NaiveDate> {
    let s = s?;
    let part = s.get(..10).unwrap_or(s);
    match NaiveDate::parse_from_str(part, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            tracing::warn!(what, id, value = s, "malformed date; rule skipped");
            None
        }
    }
}

/// The rule behind a stored deadline.
/// The item a finding is about, read from three columns from `first`: id, ext_id, title.
pub(crate) fn item_at(
    r: &rusqlite::Row<'_>,
    entity: &'static str,
    first: usize,
) -> rusqlite::Result<ItemRef> {
    Ok(ItemRef::new(
        entity,
        r.get(first)?,
        r.get::<_, String>(first + 1)?,
        r.get::<_, String>(first + 2)?,
    ))
}

pub(crate) fn stored_rule(rule: Option<String>, article: Option<String>) -> RuleRef {
    RuleRef::stored(rule.as_deref(), article.as_deref())
}

/// `YYYY-MM-DD`.
pub(crate) fn ymd(d: NaiveDate) -> String {
    crate::clock::fmt_date(d)
}
