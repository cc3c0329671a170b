//! The environment every core computation runs in: the district's rules, the calendar,
//! the clock, and who is acting.

use crate::calendar::Calendar;
use crate::clock::{self, Clock};
use crate::profile::Profile;
use chrono::{NaiveDate, NaiveDateTime};
use std::sync::Arc;

/// Rules, calendar, clock and actor for one command or one board.
#[derive(Debug, Clone)]
pub struct Env {
    pub profile: Arc<Profile>,
    pub calendar: Calendar,
    pub clock: Clock,
    /// The login of the person acting (`--as`, default the OS user).
    pub actor: String,
}

impl Env {
    pub fn new(
        profile: Profile,
        calendar: Calendar,
        clock: Clock,
        actor: impl Into<String>,
    ) -> Env {
        Env {
            profile: Arc::new(profile),
            calendar,
            clock,
            actor: actor.into(),
        }
    }
    /// Today's local date (pinned or real).
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }
    /// The local date-time now.
    pub fn now(&self) -> NaiveDateTime {
        self.clock.now()
    }
    /// Now as stored: `YYYY-MM-DD HH:MM:SS`.
    pub fn now_str(&self) -> String {
        clock::fmt_datetime(self.now())
    }
    /// Signed working days from today to `due` (negative when overdue).
    pub fn workdays_left(&self, due: NaiveDate) -> i64 {
        self.calendar.workdays_between(self.today(), due)
    }
}
