//! What the demo made, per pane: overdue, due within five working days, later.

use crate::clock::fmt_date;
use crate::domain::Env;
use crate::error::{DbContext, Result};
use chrono::Days;
use rusqlite::{Connection, params};
use serde::Serialize;

/// "Due soon" on the summary: within this many working days.
pub const SOON_WORKDAYS: i64 = 5;

/// Items of one pane by urgency of their deadline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PaneCounts {
    pub overdue: u64,
    pub soon: u64,
    pub later: u64,
}

impl PaneCounts {
    /// All open items of the pane.
    pub fn total(&self) -> u64 {
        self.overdue + self.soon + self.later
    }
}

/// What a database holds, as the demo reports it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub departments: u64,
    pub people: u64,
    /// Documents awaiting approval.
    pub approvals: PaneCounts,
    /// Open supervision items.
    pub supervision: PaneCounts,
    pub meetings: u64,
    /// Meetings in the next 14 days.
    pub meetings_upcoming: u64,
    /// Past meetings whose minutes or documents are overdue.
    pub meetings_owing: u64,
    /// Today's duty officer (login).
    pub duty_officer: Option<String>,
    /// Names of the people away today.
    pub away_today: Vec<String>,
}

fn count(conn: &Connection, sql: &'static str, p: impl rusqlite::Params) -> Result<u64> {
    conn.prepare_cached(sql)
        .db("preparing a summary query")?
        .query_row(p, |r| r.get::<_, i64>(0))
        .map(|n| n.max(0) as u64)
        .db("reading the summary")
}

fn pane(conn: &Connection, sql: &'static str, today: &str, soon: &str) -> Result<PaneCounts> {
    conn.prepare_cached(sql)
        .db("preparing a summary query")?
        .query_row(params![today, soon], |r| {
            Ok(PaneCounts {
                overdue: r.get::<_, i64>(0)?.max(0) as u64,
                soon: r.get::<_, i64>(1)?.max(0) as u64,
                later: r.get::<_, i64>(2)?.max(0) as u64,
            })
        })
        .db("reading the summary")
}

/// Counts what the database holds, relative to today.
pub fn summarize(conn: &Connection, env: &Env) -> Result<Summary> {
    let today = env.today();
    let t = fmt_date(today);
    let soon = fmt_date(env.calendar.add_workdays(today, SOON_WORKDAYS));
    let horizon = fmt_date(today.checked_add_days(Days::new(15)).unwrap_or(today));
    let approvals = pane(
        conn,
        "SELECT COALESCE(SUM(due < ?1), 0), COALESCE(SUM(due >= ?1 AND due <= ?2), 0),
                COALESCE(SUM(due > ?2), 0)
         FROM documents WHERE state = '待批'",
        &t,
        &soon,
    )?;
    let supervision = pane(
        conn,
        "SELECT COALESCE(SUM(deadline < ?1), 0),
                COALESCE(SUM(deadline >= ?1 AND deadline <= ?2), 0),
                COALESCE(SUM(deadline > ?2), 0)
         FROM supervision WHERE state = '办理中'",
        &t,
        &soon,
    )?;
    let mut stmt = conn
        .prepare_cached(
            "SELECT DISTINCT p.name FROM absences a JOIN people p ON p.id = a.person_id
             WHERE a.start_on <= ?1 AND a.end_on >= ?1 ORDER BY p.id",
        )
        .db("preparing the absence query")?;
    let away_today = stmt
        .query_map([&t], |r| r.get(0))
        .db("reading absences")?
        .collect::<rusqlite::Result<Vec<String>>>()
        .db("reading absences")?;
    Ok(Summary {
        departments: count(conn, "SELECT COUNT(*) FROM departments", [])?,
        people: count(conn, "SELECT COUNT(*) FROM people", [])?,
        approvals,
        supervision,
        meetings: count(conn, "SELECT COUNT(*) FROM meetings", [])?,
        meetings_upcoming: count(
            conn,
            "SELECT COUNT(*) FROM meetings WHERE state <> '已取消' AND start_at >= ?1 AND start_at < ?2",
            params![t, horizon],
        )?,
        meetings_owing: count(
            conn,
            "SELECT COUNT(*) FROM meetings WHERE state <> '已取消' AND start_at < ?1 AND (
                 (minutes_due < ?1 AND minutes_issued_on IS NULL)
                 OR (docs_owed > 0 AND docs_issued_on IS NULL AND docs_due < ?1))",
            params![t],
        )?,
        duty_officer: super::duty_officer_today(conn, env)?,
        away_today,
    })
}
