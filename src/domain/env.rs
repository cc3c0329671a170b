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
    /// The login of the person acting (the OS account's person, or `--as` where allowed).
    pub actor: String,
    /// The operating-system account of the process, as the audit records it.
    pub account: String,
}

impl Env {
    pub fn new(
        profile: Profile,
        calendar: Calendar,
        clock: Clock,
        actor: impl Into<String>,
    ) -> Env {
        let actor = actor.into();
        Env {
            profile: Arc::new(profile),
            calendar,
            clock,
            account: actor.clone(),
            actor,
        }
    }
    /// The same environment for another OS account.
    pub fn with_account(mut self, account: impl Into<String>) -> Env {
        self.account = account.into();
        self
    }
    /// The business date the audit keeps beside the real time, when the clock is pinned.
    pub fn business_date(&self) -> Option<String> {
        self.clock
            .is_pinned()
            .then(|| clock::fmt_date(self.today()))
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
