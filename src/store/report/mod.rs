//! 督查通报: the figures of the supervision report over a period — on-time rates, lateness
//! in working days on the official calendar, extensions, urges, 回头看, traffic lights and
//! the weekly overdue trend for supervision items; approval time against the district's
//! limits for documents. Pure reads over range indexes (schema v4), shared by
//! `dutydesk report` and the board's 通报 view; nothing here knows about a terminal.

mod documents;
mod lights;
mod period;
mod stats;
mod supervision;

pub use documents::{DocFigures, LimitLine, limits};
pub use lights::{Light, LightRule, Lights};
pub use period::{Period, PeriodKind};
pub use supervision::SupFigures;

use crate::domain::Env;
use crate::error::{DbContext, Error, Result};
use crate::i18n::Lang;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;

/// How the rows of a report are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    /// Supervision by lead (牵头) department; documents by sending department.
    Dept,
    /// Supervision by the 分管 leader of the lead department; documents by the leader
    /// they went to.
    Leader,
    /// Supervision by where the item came from (会议决定, 领导批示, …); documents by urgency.
    Source,
}

impl GroupBy {
    /// The next grouping (the board's `b` key).
    pub fn next(self) -> GroupBy {
        match self {
            GroupBy::Dept => GroupBy::Leader,
            GroupBy::Leader => GroupBy::Source,
            GroupBy::Source => GroupBy::Dept,
        }
    }
    /// The heading of the supervision table's first column.
    pub fn label(self, l: Lang) -> &'static str {
        match self {
            GroupBy::Dept => l.pick("牵头单位", "Lead department"),
            GroupBy::Leader => l.pick("分管领导", "Leader"),
            GroupBy::Source => l.pick("督办来源", "Source"),
        }
    }
    /// The heading of the documents table's first column.
    pub fn doc_label(self, l: Lang) -> &'static str {
        match self {
            GroupBy::Dept => l.pick("来文单位", "Sender"),
            GroupBy::Leader => l.pick("批办领导", "Leader"),
            GroupBy::Source => l.pick("紧急程度", "Urgency"),
        }
    }
}

/// One row of a table: a department, a leader, a source or an urgency, with its figures.
/// `id` is the department's or leader's id (None for a source, an urgency or nobody).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row<F> {
    pub id: Option<i64>,
    pub name: String,
    pub figures: F,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub district: String,
    pub district_en: Option<String>,
    pub period: Period,
    /// The last day looked at: the period's end, or today while the period runs.
    pub as_of: NaiveDate,
    pub by: GroupBy,
    /// Supervision rows, best on-time rate first (rows with nothing due last).
    pub supervision: Vec<Row<SupFigures>>,
    pub supervision_total: SupFigures,
    /// Documents by sender, leader or urgency (following `by`).
    pub documents: Vec<Row<DocFigures>>,
    pub documents_total: DocFigures,
    /// Documents by urgency, each against its limit.
    pub by_urgency: Vec<Row<DocFigures>>,
    /// Open supervision items overdue at the end of each of the last 26 weeks up to
    /// `as_of` (oldest first).
    pub weekly_overdue: Vec<(NaiveDate, u64)>,
    /// How the lights are set, with where the thresholds come from.
    pub light_rule: LightRule,
    /// The approval limits by urgency, with their articles.
    pub limits: Vec<LimitLine>,
    /// Years of the period without an official schedule (weekends only were counted).
    pub missing_years: Vec<i32>,
}

/// How many weeks the trend covers.
pub const WEEKS: usize = 26;

/// Reads the report for `period`, grouped `by`.
pub fn report(conn: &Connection, env: &Env, period: Period, by: GroupBy) -> Result<Report> {
    let as_of = period.as_of(env.today());
    let names = Names::read(conn)?;
    let light_rule = LightRule::from_profile(&env.profile);
    let (supervision, supervision_total) =
        supervision::figures(conn, env, &period, as_of, by, &names, &light_rule)?;
    let (documents, documents_total, by_urgency) =
        documents::figures(conn, env, &period, as_of, by, &names)?;
    let weekly_overdue = supervision::weekly_overdue(conn, as_of)?;
    Ok(Report {
        district: env.profile.district.name.clone(),
        district_en: env.profile.district.name_en.clone(),
        period,
        as_of,
        by,
        supervision,
        supervision_total,
        documents,
        documents_total,
        by_urgency,
        weekly_overdue,
        light_rule,
        limits: limits(env),
        missing_years: env.calendar.missing_years(period.start, period.end),
    })
}

/// Department and people names, and each department's 分管 leader, read once per report
/// so the figures group by id without a join per row.
pub(crate) struct Names {
    pub depts: HashMap<i64, String>,
    pub people: HashMap<i64, String>,
    /// Department → the leader whose division of work covers it (the first by id when
    /// several share it).
    pub leader_of: HashMap<i64, i64>,
}

impl Names {
    fn read(conn: &Connection) -> Result<Names> {
        let map = |sql: &str, what: &str| -> Result<HashMap<i64, String>> {
            let mut stmt = conn.prepare_cached(sql).db(format!("preparing {what}"))?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .db(format!("reading {what}"))?;
            rows.collect::<std::result::Result<_, _>>()
                .db(format!("reading {what}"))
        };
        let depts = map("SELECT id, name FROM departments", "departments")?;
        let people = map("SELECT id, name FROM people", "people")?;
        let mut leader_of = HashMap::new();
        let mut stmt = conn
            .prepare_cached(
                "SELECT d.dept_id, min(d.person_id) FROM divisions d
                 JOIN people p ON p.id = d.person_id
                 WHERE p.role IN ('区长', '常务副区长', '副区长')
                 GROUP BY d.dept_id",
            )
            .db("preparing the divisions query")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
            .db("reading divisions")?;
        for row in rows {
            let (d, p) = row.db("reading divisions")?;
            leader_of.insert(d, p);
        }
        Ok(Names {
            depts,
            people,
            leader_of,
        })
    }

    pub fn dept(&self, id: Option<i64>) -> String {
        id.and_then(|i| self.depts.get(&i).cloned())
            .unwrap_or_else(|| "—".into())
    }

    pub fn person(&self, id: Option<i64>) -> String {
        id.and_then(|i| self.people.get(&i).cloned())
            .unwrap_or_else(|| "—".into())
    }
}

/// A stored day ('YYYY-MM-DD'), read without chrono's general parser: the report reads
/// tens of thousands of them.
pub(crate) fn day(s: &str, what: impl FnOnce() -> String) -> Result<NaiveDate> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let parsed = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?))
        .flatten();
    parsed.ok_or_else(|| Error::invalid(what(), format!("'{s}' is not a date (YYYY-MM-DD)")))
}

/// The stored text of a day, and of the day after (for `at < next` on date-times).
pub(crate) fn bounds(start: NaiveDate, as_of: NaiveDate) -> (String, String, String) {
    let next = as_of.succ_opt().unwrap_or(as_of);
    (
        crate::clock::fmt_date(start),
        crate::clock::fmt_date(as_of),
        crate::clock::fmt_date(next),
    )
}
