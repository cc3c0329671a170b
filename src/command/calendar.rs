//! `Command::CalendarImport`: a year's official holiday schedule stored in the database,
//! and every open item's deadlines recomputed with it, in the same transaction.

use super::outcome::{Detail, Done, Record};
use super::recompute::{self, Recomputed};
use crate::calendar::YearSchedule;
use crate::domain::Env;
use crate::error::{DbContext, Result};
use rusqlite::{Connection, params};

/// What a holiday schedule import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalendarImported {
    pub year: i32,
    pub days: usize,
    /// Whether the year replaced one the database or the program already had.
    pub replaced: bool,
    /// The open deadlines recomputed (None: no district profile yet, nothing to recompute).
    pub recomputed: Option<Recomputed>,
}

/// Stores the schedule and recomputes open deadlines under `env` (whose calendar must
/// already include the new year; `has_profile` false on a database without a district).
pub(super) fn perform(
    tx: &Connection,
    env: &Env,
    sched: &YearSchedule,
    source: &str,
    has_profile: bool,
) -> Result<Done> {
    let year = sched.year;
    let replaced = env.calendar.schedule(year).is_some_and(|s| s != sched) || stored(tx, year)?;
    tx.prepare_cached(
        "INSERT INTO holiday_years(year, json, imported_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(year) DO UPDATE SET json = excluded.json, imported_at = excluded.imported_at",
    )
    .db("preparing the holiday year insert")?
    .execute(params![
        year,
        sched.to_json(),
        crate::store::audit::now_utc()
    ])
    .db(format!("storing the {year} schedule"))?;
    let env = Env {
        calendar: env.calendar.clone().with_year(sched.clone()),
        ..env.clone()
    };
    let recomputed = if has_profile {
        Some(recompute::open_items(tx, &env)?)
    } else {
        None
    };
    let days = sched.days.len();
    // The board shows only this summary, so it says how many deadlines moved; the command
    // line lists them from the detail.
    let moved = recomputed.as_ref().map_or(0, |r| r.moved.len());
    let mut done = Record {
        action: "calendar-import",
        entity: "holiday_year",
        id: i64::from(year),
        zh: format!(
            "导入 {year} 年节假日安排（{days} 天，来自 {source}），{moved} 个期限随之变动"
        ),
        en: format!(
            "imported the {year} holiday schedule ({days} days, from {source}); {moved} deadline{} moved",
            if moved == 1 { "" } else { "s" }
        ),
        before: None,
        after: Some(serde_json::json!({
            "year": year,
            "days": days,
            "recomputed": recomputed.as_ref().map(|r| r.total()),
            "moved": moved,
        })),
        acted_for: None,
    }
    .commit(tx, &env)?;
    done.detail = Detail::Calendar(CalendarImported {
        year,
        days,
        replaced,
        recomputed,
    });
    Ok(done)
}

fn stored(tx: &Connection, year: i32) -> Result<bool> {
    tx.prepare_cached("SELECT EXISTS(SELECT 1 FROM holiday_years WHERE year = ?1)")
        .db("preparing the holiday year lookup")?
        .query_row([year], |r| r.get(0))
        .db("looking up a stored holiday year")
}
