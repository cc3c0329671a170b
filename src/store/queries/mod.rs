//! Pane queries: pure reads behind the board's three panes, the detail view, the header
//! and `dutydesk list`. They return plain structs (no terminal types) and are written for
//! a database holding a million historical items: every pane query walks only open items
//! through the schema's partial indexes, fetches at most `Filter::limit` rows in deadline
//! order, and counts the rest exactly with the same predicate. Working days left are
//! computed on the fetched rows only.
//!
//! The text filter runs in SQL, through the open items' search rows (`search.rs`), over
//! the title, the document number and the department and person names, so the counts
//! agree with the filter.

pub mod approvals;
pub(crate) mod counts;
pub mod detail;
mod filter;
pub mod header;
pub mod history;
pub mod lapsed;
mod matched;
pub mod meetings;
pub(crate) mod search;
pub mod supervision;
pub mod to_print;

pub use approvals::{ApprovalRow, approvals, deemed_on_read};
pub use detail::{Detail, Field, Item, Section, detail};
pub(crate) use filter::{Bounds, fetch_limit, filter_text, resort};
pub use filter::{DEFAULT_DUE_SOON, DEFAULT_LIMIT, Filter, SortKey, like_pattern, within_cutoff};
pub use header::{AwayLeader, Header, header};
pub use meetings::{MeetingRow, Owed, meetings};
pub use supervision::{SupervisionRow, supervision};

use crate::domain::Env;
use crate::error::DbContext as _;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::Serialize;

/// One pane's rows with exact counts over everything that matches (not only the rows
/// fetched).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pane<T> {
    pub rows: Vec<T>,
    /// Items matching the filter.
    pub total: usize,
    /// Of those, overdue.
    pub overdue: usize,
    /// Of those, not overdue but due within the due-soon threshold.
    pub due_soon: usize,
    /// External ids of rows left out because they could not be read (a stored date that
    /// is not a date, a value of no known kind); `dutydesk check` and the 合规 view show
    /// each as a finding (`data.unreadable`).
    pub skipped: Vec<String>,
}

impl<T> Default for Pane<T> {
    fn default() -> Self {
        Pane {
            rows: Vec::new(),
            total: 0,
            overdue: 0,
            due_soon: 0,
            skipped: Vec::new(),
        }
    }
}

/// A deadline as the panes show it: the date, working days left and the rule behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    pub due: NaiveDate,
    /// `workdays_between(today, due)`: negative when overdue.
    pub workdays_left: i64,
    /// Calendar-wise overdue: the due date is before today.
    pub overdue: bool,
    pub rule: String,
    pub article: Option<String>,
    /// Set when the deadline counts working days across a year whose State Council
    /// notice is not loaded yet (`domain::provisional`).
    pub provisional: Option<crate::domain::provisional::Provisional>,
}

impl Due {
    /// Builds the view of a deadline for today.
    pub fn new(env: &Env, due: NaiveDate, rule: Option<String>, article: Option<String>) -> Due {
        let rule = rule.unwrap_or_else(|| "given".to_string());
        Due {
            due,
            workdays_left: env.workdays_left(due),
            overdue: due < env.today(),
            provisional: crate::domain::provisional::of(env, &rule, due),
            rule,
            article,
        }
    }
    /// The date as shown, with "暂定" / "prov." after a provisional one.
    pub fn date_label(&self, lang: crate::i18n::Lang) -> String {
        match self.provisional {
            Some(_) => format!(
                "{} {}",
                self.due,
                crate::domain::provisional::Provisional::mark(lang)
            ),
            None => self.due.to_string(),
        }
    }
    /// "rule (第N条)", "rule (dutydesk default)", or where a hand-set date came from.
    pub fn cite(&self, lang: crate::i18n::Lang) -> String {
        crate::domain::deadline::cite(&self.rule, self.article.as_deref(), lang)
    }
}

/// A person as the panes name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonRef {
    pub id: i64,
    pub login: String,
    pub name: String,
}

/// Who acts for `person_id` while they are away today (the district's stand-in rules:
/// 区长 → `people.mayor_standin`, a deputy → their A/B partner).
pub fn stand_in_for(
    conn: &rusqlite::Connection,
    env: &Env,
    person_id: i64,
) -> Result<Option<PersonRef>> {
    Ok(
        crate::store::people::acting_for(conn, env, person_id, env.today())?.map(|p| PersonRef {
            id: p.id,
            login: p.login,
            name: p.name,
        }),
    )
}

/// A text in both interface languages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Bi {
    pub zh: String,
    pub en: String,
}

impl Bi {
    /// The same text in both languages (names, dates, free text).
    pub fn same(s: impl Into<String>) -> Bi {
        let s = s.into();
        Bi {
            zh: s.clone(),
            en: s,
        }
    }
    /// A text per language.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Bi {
        Bi {
            zh: zh.into(),
            en: en.into(),
        }
    }
    /// The text for a language.
    pub fn pick(&self, lang: crate::i18n::Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// Collects a query's rows, leaving out (and noting in `skipped`) a row whose values do
/// not convert; an error about the database itself still fails the read.
pub(crate) fn tolerant<T>(
    rows: impl Iterator<Item = rusqlite::Result<T>>,
    skipped: &mut Vec<String>,
    what: &str,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for r in rows {
        match r {
            Ok(v) => out.push(v),
            Err(e) if crate::store::compliance::unreadable::is_row_error(&e) => {
                tracing::warn!(what, "unreadable row skipped: {e}");
                skipped.push("?".to_string());
            }
            Err(e) => return Err(e).db(format!("reading {what}")),
        }
    }
    Ok(out)
}

/// Notes a row left out because one of its values could not be read.
pub(crate) fn skip(skipped: &mut Vec<String>, ext_id: &str, e: &Error) {
    tracing::warn!(ext_id, "unreadable row skipped: {e}");
    skipped.push(ext_id.to_string());
}

/// Parses a stored `YYYY-MM-DD` date, naming the row and column on error.
pub fn parse_day(s: &str, what: impl FnOnce() -> String) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| Error::invalid(what(), format!("'{s}' is not a date (YYYY-MM-DD)")))
}

/// The SQL rank of a document's urgency (0 = 特急重要 … 3 = 一般) over column `col`.
pub(crate) fn urgency_rank(col: &str) -> String {
    format!("CASE {col} WHEN '特急重要' THEN 0 WHEN '特急' THEN 1 WHEN '加急' THEN 2 ELSE 3 END")
}

/// Reads a `usize` count from SQL.
pub(crate) fn count(v: i64) -> usize {
    usize::try_from(v).unwrap_or(0)
}

/// Wraps a pane's rows with its counts: `sql` selects (total, overdue, due soon) over the
/// same filter as the rows. Skipped when the filter asks for rows only (`list`).
pub(crate) fn with_counts<T>(
    conn: &rusqlite::Connection,
    f: &Filter,
    rows: Vec<T>,
    sql: &str,
    params: &[(&str, &dyn rusqlite::ToSql)],
    what: &str,
) -> Result<Pane<T>> {
    if !f.with_counts {
        return Ok(Pane {
            rows,
            ..Pane::default()
        });
    }
    let mut stmt = conn
        .prepare_cached(sql)
        .db(format!("preparing the {what} count"))?;
    bind(&mut stmt, params)?;
    let mut found = stmt.raw_query();
    let row = found
        .next()
        .db(format!("counting {what}"))?
        .ok_or_else(|| Error::NotFound(format!("the {what} count")))?;
    let (total, overdue, due_soon) = (
        row.get::<_, i64>(0).db(format!("counting {what}"))?,
        row.get::<_, i64>(1).db(format!("counting {what}"))?,
        row.get::<_, i64>(2).db(format!("counting {what}"))?,
    );
    Ok(Pane {
        rows,
        total: count(total),
        overdue: count(overdue),
        due_soon: count(due_soon),
        skipped: Vec::new(),
    })
}

/// Binds the named values a statement uses (the statements of a pane differ in which
/// conditions they carry; a value the statement does not name is left out).
pub(crate) fn bind(
    stmt: &mut rusqlite::Statement<'_>,
    params: &[(&str, &dyn rusqlite::ToSql)],
) -> Result<()> {
    for (name, value) in params {
        if let Some(i) = stmt.parameter_index(name).db(format!("binding {name}"))? {
            stmt.raw_bind_parameter(i, value)
                .db(format!("binding {name}"))?;
        }
    }
    Ok(())
}

/// The rows of a bound statement, each mapped by `f`.
pub(crate) fn mapped<'s, T>(
    mut rows: rusqlite::Rows<'s>,
    f: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> impl Iterator<Item = rusqlite::Result<T>> + 's
where
    T: 's,
{
    std::iter::from_fn(move || match rows.next() {
        Ok(Some(r)) => Some(f(r)),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_pattern_escapes_wildcards() {
        assert_eq!(
            like_pattern(Some("50%_a\\")).as_deref(),
            Some("%50\\%\\_a\\\\%")
        );
        assert_eq!(like_pattern(Some("  ")), None);
        assert_eq!(like_pattern(Some("会议")).as_deref(), Some("%会议%"));
    }
}
