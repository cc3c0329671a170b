//! The duty rota (值班表) as the board and `rota show` see it: one line per day with its
//! kind (working day, weekend, holiday, 调休 make-up day), the officer and the leader on
//! duty, and what is missing — a day without 值班, a holiday without 带班领导 where the
//! district requires one (信州 四十二).

use crate::calendar::DayKind;
use crate::clock::fmt_date;
use crate::domain::Env;
use crate::error::{DbContext, Result};
use chrono::{Datelike, Days, NaiveDate};
use rusqlite::{Connection, params};
use serde::Serialize;

/// One day of the rota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RotaLine {
    pub day: NaiveDate,
    /// "workday", "weekend", "holiday", "makeup" (调休上班).
    pub kind: &'static str,
    /// The holiday's or make-up day's name, if any.
    pub kind_name: Option<String>,
    pub officer: Option<String>,
    pub officer_login: Option<String>,
    pub leader: Option<String>,
    pub leader_login: Option<String>,
    /// No 值班 on this day.
    pub gap_officer: bool,
    /// A holiday without 带班领导 where the profile requires one.
    pub gap_leader: bool,
}

/// The Monday of `d`'s week.
pub fn monday_of(d: NaiveDate) -> NaiveDate {
    d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// The kind of a day as a token and its name.
pub fn kind_of(env: &Env, d: NaiveDate) -> (&'static str, Option<String>) {
    match env.calendar.day_kind(d) {
        DayKind::Holiday(n) => ("holiday", Some(n)),
        DayKind::MakeupWorkday(n) => ("makeup", Some(n)),
        DayKind::Weekend => ("weekend", None),
        DayKind::Workday => ("workday", None),
    }
}

/// `days` days of the rota from `from`.
pub fn days(conn: &Connection, env: &Env, from: NaiveDate, days: u64) -> Result<Vec<RotaLine>> {
    let to = from
        .checked_add_days(Days::new(days.saturating_sub(1)))
        .unwrap_or(from);
    let mut stmt = conn
        .prepare_cached(
            "SELECT r.day, o.name, o.login, l.name, l.login
             FROM duty_rota r
             LEFT JOIN people o ON o.id = r.officer_id
             LEFT JOIN people l ON l.id = r.leader_id
             WHERE r.day >= ?1 AND r.day <= ?2",
        )
        .db("preparing the rota query")?;
    type Cells = (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let stored: std::collections::HashMap<String, Cells> = stmt
        .query_map(params![fmt_date(from), fmt_date(to)], |r| {
            Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        })
        .db("reading the rota")?
        .collect::<std::result::Result<_, _>>()
        .db("reading the rota")?;
    let needs_leader = env
        .profile
        .people
        .holiday_duty_leader
        .as_ref()
        .is_some_and(|f| f.value);
    let mut out = Vec::new();
    let mut d = from;
    while d <= to {
        let (kind, kind_name) = kind_of(env, d);
        let (officer, officer_login, leader, leader_login) =
            stored.get(&fmt_date(d)).cloned().unwrap_or_default();
        out.push(RotaLine {
            day: d,
            kind,
            kind_name,
            gap_officer: officer.is_none(),
            gap_leader: needs_leader && kind == "holiday" && leader.is_none(),
            officer,
            officer_login,
            leader,
            leader_login,
        });
        let Some(next) = d.succ_opt() else { break };
        d = next;
    }
    Ok(out)
}

/// This week and next (Monday to Sunday), as the board's rota view shows them.
pub fn two_weeks(conn: &Connection, env: &Env) -> Result<Vec<RotaLine>> {
    days(conn, env, monday_of(env.today()), 14)
}
