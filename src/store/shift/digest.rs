//! The digest's facts (`dutydesk digest`, for cron and mail): counts per pane, what is
//! overdue, today's meetings and what they owe, today's duty, yesterday's duty log.

use super::handover::{Duty, duty};
use super::log::{LogFilter, LogLine, entries};
use crate::clock::fmt_date;
use crate::domain::Env;
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::queries::{self, Filter};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

/// A pane's counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub total: usize,
    pub overdue: usize,
    pub due_soon: usize,
}

/// An overdue item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Late {
    pub entity: &'static str,
    pub ext_id: String,
    pub title: String,
    pub due: NaiveDate,
    pub workdays_late: i64,
}

/// A meeting today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Today {
    pub ext_id: String,
    pub title: String,
    pub start: String,
    pub place: String,
    pub owes_zh: Vec<String>,
    pub owes_en: Vec<String>,
}

/// Everything the digest says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Digest {
    pub district: String,
    pub today: NaiveDate,
    pub approvals: Counts,
    pub supervision: Counts,
    pub meetings: Counts,
    pub overdue: Vec<Late>,
    pub meetings_today: Vec<Today>,
    pub duty: Duty,
    pub yesterday_log: Vec<LogLine>,
    pub unreported_incidents: usize,
}

impl Digest {
    /// Whether anything is overdue (the command's exit code 3).
    pub fn any_overdue(&self) -> bool {
        self.approvals.overdue + self.supervision.overdue + self.meetings.overdue > 0
    }
}

/// Reads the digest as of `env`'s today.
pub fn read(conn: &Connection, env: &Env) -> Result<Digest> {
    let today = env.today();
    let all = Filter {
        limit: 100_000,
        ..Filter::default()
    };
    let a = queries::approvals::approvals(conn, env, &all)?;
    let s = queries::supervision::supervision(conn, env, &all)?;
    let m = queries::meetings::meetings(conn, env, &all)?;
    let counts = |total, overdue, due_soon| Counts {
        total,
        overdue,
        due_soon,
    };
    let mut overdue = Vec::new();
    for r in a.rows.iter().filter(|r| r.due.overdue) {
        overdue.push(Late {
            entity: "document",
            ext_id: r.ext_id.clone(),
            title: r.title.clone(),
            due: r.due.due,
            workdays_late: -r.due.workdays_left,
        });
    }
    for r in s.rows.iter().filter(|r| r.deadline.overdue) {
        overdue.push(Late {
            entity: "supervision",
            ext_id: r.ext_id.clone(),
            title: r.title.clone(),
            due: r.deadline.due,
            workdays_late: -r.deadline.workdays_left,
        });
    }
    for r in m.rows.iter().filter(|r| r.overdue) {
        let due = r.next_due.as_ref().map_or(r.day, |d| d.due);
        overdue.push(Late {
            entity: "meeting",
            ext_id: r.ext_id.clone(),
            title: r.title.clone(),
            due,
            workdays_late: r.next_due.as_ref().map_or(0, |d| -d.workdays_left),
        });
    }
    let meetings_today = m
        .rows
        .iter()
        .filter(|r| r.day == today && r.state != crate::domain::MeetingState::Cancelled)
        .map(|r| Today {
            ext_id: r.ext_id.clone(),
            title: r.title.clone(),
            start: r.start.clone(),
            place: r.place.clone(),
            owes_zh: r.owed.iter().map(|o| o.label(Lang::Zh)).collect(),
            owes_en: r.owed.iter().map(|o| o.label(Lang::En)).collect(),
        })
        .collect();
    let yesterday = today.pred_opt().unwrap_or(today);
    let yesterday_log = entries(
        conn,
        &LogFilter {
            since: Some(format!("{} 00:00:00", fmt_date(yesterday))),
            until: Some(format!("{} 23:59:59", fmt_date(yesterday))),
            ..LogFilter::default()
        },
    )?;
    let unreported_incidents = entries(
        conn,
        &LogFilter {
            unreported: true,
            ..LogFilter::default()
        },
    )?
    .len();
    Ok(Digest {
        district: env.profile.district.name.clone(),
        today,
        approvals: counts(a.total, a.overdue, a.due_soon),
        supervision: counts(s.total, s.overdue, s.due_soon),
        meetings: counts(m.total, m.overdue, m.due_soon),
        overdue,
        meetings_today,
        duty: duty(conn, env, today)?,
        yesterday_log,
        unreported_incidents,
    })
}
