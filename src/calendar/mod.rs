//! The official working-day calendar: weekends, the State Council's yearly holidays and the
//! 调休 make-up workdays. Schedules for 2010 onwards are compiled in from `data/holidays/`;
//! a database may add or replace years (`dutydesk calendar import`).
//!
//! A period of N working days starts the day after its start date (民法典 第二百零一条):
//! received Monday, 3 working days → due Thursday.

use chrono::{Datelike, NaiveDate, Weekday};

/// What kind of day a date is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayKind {
    /// A normal Monday–Friday working day.
    Workday,
    /// A Saturday or Sunday with no schedule entry.
    Weekend,
    /// An official rest day, with its holiday's name.
    Holiday(String),
    /// A weekend day made a working day (调休), with the holiday it serves.
    MakeupWorkday(String),
}

/// The calendar (placeholder: weekends only until schedules are loaded).
#[derive(Debug, Clone, Default)]
pub struct Calendar {}

impl Calendar {
    /// The calendar with every compiled-in schedule.
    pub fn embedded() -> Calendar {
        Calendar {}
    }
    /// What kind of day `d` is.
    pub fn day_kind(&self, d: NaiveDate) -> DayKind {
        match d.weekday() {
            Weekday::Sat | Weekday::Sun => DayKind::Weekend,
            _ => DayKind::Workday,
        }
    }
    /// Whether `d` is a working day.
    pub fn is_workday(&self, d: NaiveDate) -> bool {
        matches!(
            self.day_kind(d),
            DayKind::Workday | DayKind::MakeupWorkday(_)
        )
    }
    /// Whether a schedule covers `year`.
    pub fn has_schedule(&self, _year: i32) -> bool {
        false
    }
    /// The date `n` working days after `d` (before, for negative `n`).
    pub fn add_workdays(&self, d: NaiveDate, n: i64) -> NaiveDate {
        let mut cur = d;
        let step = if n >= 0 { 1 } else { -1 };
        let mut left = n.abs();
        while left > 0 {
            cur = if step > 0 {
                cur.succ_opt().unwrap_or(cur)
            } else {
                cur.pred_opt().unwrap_or(cur)
            };
            if self.is_workday(cur) {
                left -= 1;
            }
        }
        cur
    }
    /// Working days in (a, b] when b ≥ a; minus those in (b, a] when b < a.
    pub fn workdays_between(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        let (lo, hi, sign) = if b >= a { (a, b, 1) } else { (b, a, -1) };
        let mut n = 0;
        let mut cur = lo;
        while cur < hi {
            cur = cur.succ_opt().unwrap_or(hi);
            if self.is_workday(cur) {
                n += 1;
            }
        }
        sign * n
    }
}

/// One year's official schedule (placeholder until the schedule parser lands).
#[derive(Debug, Clone)]
pub struct YearSchedule {
    pub year: i32,
}

impl YearSchedule {
    /// Parses and validates a holiday-cn style yearly JSON file.
    pub fn parse(_text: &str, source: &str) -> crate::Result<YearSchedule> {
        Err(crate::Error::invalid(
            source,
            "schedules are not supported yet",
        ))
    }
}

impl Calendar {
    /// Adds or replaces one year's schedule.
    pub fn with_year(self, _s: YearSchedule) -> Calendar {
        self
    }
}
