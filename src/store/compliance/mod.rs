//! Compliance over the database: gathers what each rule needs with indexed queries over
//! the items a rule still governs (pending documents, unanswered countersigns, signed
//! documents owing printing, planned meetings and those owing minutes or documents, open
//! and re-check-due supervision items, current and coming absences, fund requests awaiting
//! a reply) and hands it to the pure rules in `domain::compliance`. No query reads the
//! settled history: each is a range of an index that holds only what a rule can still
//! report (`tests/compliance_plans.rs` asserts it with EXPLAIN QUERY PLAN).
//!
//! The findings come in two parts, so the board can keep them per item and recompute only
//! the items a command touched:
//!
//! - the **item part** ([`check_items`]): findings about one document, supervision item or
//!   meeting, which depend only on that item (its row and child rows), the org chart and
//!   absences, the profile, the calendar and today;
//! - the **district part** ([`check_district`]): findings about kinds, days and groups
//!   (meeting cadence, yearly limits, people, the duty rota and log, investment), cheap
//!   and independent of the number of items.
//!
//! [`check`] is both, sorted. Call them inside a read transaction for one consistent
//! snapshot. They only read: countersign silence the rules count as consent is derived as
//! of `env.today()` and reported as deemed no objection; `dutydesk settle` records it.

mod documents;
mod duties;
mod duty;
mod meetings;
mod others;
mod out;
pub mod provisional;
mod scope;
pub mod unreadable;

pub use scope::{Items, statements};
pub(crate) use scope::{Scope, each, each_row, prepare};

use crate::domain::Env;
use crate::domain::compliance::{self, Finding, ItemRef, RuleRef};
use crate::error::Result;
use chrono::NaiveDate;
use out::Out;

/// Every current finding, most serious first, then oldest first.
pub fn check(conn: &rusqlite::Connection, env: &Env) -> Result<Vec<Finding>> {
    let mut all = check_district(conn, env)?;
    let mut out = Out::collect();
    items(conn, env, &Scopes::ALL, &mut out)?;
    all.extend(out.into_vec());
    compliance::sort(&mut all);
    Ok(all)
}

/// The findings about these items only (documents, supervision items and meetings by row
/// id), unsorted; an id that no longer exists, or that no rule governs, has none. With
/// [`check_district`], the findings of every item give exactly [`check`].
pub fn check_items(conn: &rusqlite::Connection, env: &Env, which: &Items) -> Result<Vec<Finding>> {
    let mut out = Out::collect();
    let s = Scopes {
        documents: Scope::Only(&which.documents),
        supervision: Scope::Only(&which.supervision),
        meetings: Scope::Only(&which.meetings),
    };
    items(conn, env, &s, &mut out)?;
    Ok(out.into_vec())
}

/// The findings about every item (the item part of [`check`]), unsorted.
pub fn check_all_items(conn: &rusqlite::Connection, env: &Env) -> Result<Vec<Finding>> {
    let mut out = Out::collect();
    items(conn, env, &Scopes::ALL, &mut out)?;
    Ok(out.into_vec())
}

/// As [`check_all_items`], handing the findings over in parts of bounded size as they are
/// found (an item's findings may come in several parts): a caller that keeps them need
/// not hold them all at once beside its own copy.
pub fn check_all_items_in_parts(
    conn: &rusqlite::Connection,
    env: &Env,
    mut part: impl FnMut(Vec<Finding>),
) -> Result<()> {
    let mut out = Out::parts(&mut part);
    items(conn, env, &Scopes::ALL, &mut out)?;
    out.finish();
    Ok(())
}

/// The findings about no single item: meeting kinds (cadence, yearly limits, the yearly
/// plan), people and absences, the duty rota and log, investment projects and fund
/// requests. Unsorted.
pub fn check_district(conn: &rusqlite::Connection, env: &Env) -> Result<Vec<Finding>> {
    let mut out = Out::collect();
    meetings::cadence(conn, env, &mut out)?;
    duties::district(conn, env, &mut out)?;
    others::people(conn, env, &mut out)?;
    others::investment(conn, env, &mut out)?;
    duty::gather(conn, env, &mut out)?;
    Ok(out.into_vec())
}

/// The scope of each kind of item.
pub(crate) struct Scopes<'a> {
    pub documents: Scope<'a>,
    pub supervision: Scope<'a>,
    pub meetings: Scope<'a>,
}

impl Scopes<'static> {
    pub(crate) const ALL: Scopes<'static> = Scopes {
        documents: Scope::All,
        supervision: Scope::All,
        meetings: Scope::All,
    };
}

/// Gathers the findings about the items in scope into `out`.
fn items(conn: &rusqlite::Connection, env: &Env, s: &Scopes<'_>, out: &mut Out<'_>) -> Result<()> {
    documents::gather(conn, env, &s.documents, out)?;
    meetings::gather(conn, env, &s.meetings, out)?;
    duties::items(conn, env, s, out)?;
    others::supervision(conn, env, &s.supervision, out)?;
    provisional::gather(conn, env, s, out)?;
    unreadable::gather(conn, env.today(), s, out)
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

/// The rule behind a stored deadline.
pub(crate) fn stored_rule(rule: Option<String>, article: Option<String>) -> RuleRef {
    RuleRef::stored(rule.as_deref(), article.as_deref())
}

/// `YYYY-MM-DD`.
pub(crate) fn ymd(d: NaiveDate) -> String {
    crate::clock::fmt_date(d)
}
