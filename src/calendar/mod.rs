//! The official working-day calendar: weekends, the State Council's yearly holidays and the
//! 调休 make-up workdays. Schedules for 2007 onwards are compiled in from `data/holidays/`;
//! a database may add or replace years (`dutydesk calendar import`).
//!
//! A period of N working days starts the day after its start date (民法典 第二百零一条):
//! received Monday, 3 working days → due Thursday.
//!
//! A year with no schedule is never guessed beyond what the law fixes: from 2025 on (the
//! 2024 revision of 《全国年节及纪念日放假办法》) the official calendar counts the statutory
//! holidays of such a year ([`statutory`]), computed from the lunar calendar and the solar
//! terms, and nothing of the 调休 the State Council's notice will add; earlier years count
//! Monday–Friday. Either way [`Calendar::missing_years`] tells callers to say so, and
//! [`Calendar::provisional_years`] which deadlines are provisional until the notice is
//! imported.
//!
//! Speed: the board and `list --json` ask for up to a million deadlines, so the calendar
//! keeps a prefix sum of working days over 1990–2100 (built the first time a count needs
//! it): [`Calendar::workdays_between`] is O(1) and [`Calendar::add_workdays`] a binary
//! search. Outside that window no schedule can exist and plain week arithmetic is exact.
//! A quick command that counts a few days never builds it, and reads only the notices of
//! the years it looks at (`notice.rs`).

mod embedded;
mod index;
mod lunar_dates;
mod notice;
mod schedule;
pub mod statutory;
#[cfg(test)]
mod tests;

pub use schedule::{FIRST_YEAR, LAST_YEAR, ScheduleDay, YearSchedule};

use chrono::{Datelike, NaiveDate};
use index::{Window, day_num};
use notice::{Notice, notices_of, statutory_days};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::{Arc, OnceLock};

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

/// The calendar. Cloning is cheap (the tables are shared); it is `Send + Sync`.
#[derive(Clone)]
pub struct Calendar {
    inner: Arc<Inner>,
}

/// What a year's days rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearBasis {
    /// The State Council's notice (compiled in or imported).
    Official,
    /// No notice yet: the statutory holidays computed from the law, without 调休.
    Statutory,
    /// No notice and no statutory computation: Monday–Friday.
    WeekendsOnly,
}

struct Inner {
    /// The notices by year.
    years: BTreeMap<i32, Notice>,
    /// Whether years without a notice get their statutory holidays (the official calendar
    /// does; a test's weekends-only calendar does not).
    statutory: bool,
    /// The listed days of each year of the window (1990–2100), merged on the first look
    /// at that year: a quick command looks at a week or two, and merging every year's
    /// days into one map was a sixth of its start-up. Only the window reads them all.
    listed: Box<[OnceLock<Listed>]>,
    /// Built on first use: a command that counts no working days (most quick ones) does
    /// not pay for its forty thousand days.
    window: OnceLock<Window>,
}

/// One year's listed days: the later notice wins a date two of them list.
type Listed = HashMap<NaiveDate, Entry>;

struct Entry {
    name: String,
    off: bool,
}

/// Counts past this many working days (about 3.8 million years) saturate at chrono's
/// date range; the limit keeps all arithmetic far from `i64` overflow.
const MAX_COUNT: i64 = 1_000_000_000;

/// Working-day counts up to this many are walked a day at a time while the window is not
/// built yet.
const WALK: i64 = 20;

impl Calendar {
    /// The calendar with every compiled-in schedule. Built once per process; later calls
    /// share it.
    pub fn embedded() -> Calendar {
        static EMBEDDED: OnceLock<Calendar> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| Calendar {
                inner: Arc::new(Inner::build(embedded::notices(), true)),
            })
            .clone()
    }

    /// A calendar from these notices that also counts the statutory holidays of the years
    /// from 2025 on that have none (see [`statutory`]); [`Calendar::embedded`] is one.
    pub fn official(schedules: impl IntoIterator<Item = YearSchedule>) -> Calendar {
        let years = notices_of(schedules);
        Calendar {
            inner: Arc::new(Inner::build(years, true)),
        }
    }

    /// A calendar with no schedules at all: weekends only.
    pub fn weekends_only() -> Calendar {
        Calendar::from_schedules(Vec::new())
    }

    /// A calendar from these schedules; a later one for the same year replaces an earlier.
    pub fn from_schedules(schedules: impl IntoIterator<Item = YearSchedule>) -> Calendar {
        let years = notices_of(schedules);
        Calendar {
            inner: Arc::new(Inner::build(years, false)),
        }
    }

    /// This calendar with `schedule` added, or replacing the year it covers (a database's
    /// imported years override the compiled-in ones). Schedules should come from
    /// [`YearSchedule::parse`] or pass [`YearSchedule::validate`]; days outside 1990–2100
    /// are ignored.
    pub fn with_year(mut self, schedule: YearSchedule) -> Calendar {
        self.set_year(schedule);
        self
    }

    /// In place: adds or replaces one year (see [`Calendar::with_year`]).
    pub fn set_year(&mut self, schedule: YearSchedule) {
        let mut years = self.inner.years.clone();
        years.insert(schedule.year, Notice::parsed(schedule));
        self.inner = Arc::new(Inner::build(years, self.inner.statutory));
    }

    /// The schedule of a notice year, if there is one.
    pub fn schedule(&self, year: i32) -> Option<&YearSchedule> {
        self.inner.schedule(year)
    }

    /// The notice years this calendar has, ascending.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.inner
            .years
            .iter()
            .filter(|(_, n)| n.get().is_some())
            .map(|(y, _)| *y)
    }

    /// Whether a schedule covers `year`.
    pub fn has_schedule(&self, year: i32) -> bool {
        self.inner.schedule(year).is_some()
    }

    /// The years from `from`'s to `to`'s (either order) that have no schedule, ascending.
    /// Computations over them count weekends only; callers show a marker or a warning.
    pub fn missing_years(&self, from: NaiveDate, to: NaiveDate) -> Vec<i32> {
        let (a, b) = if from <= to { (from, to) } else { (to, from) };
        (a.year()..=b.year())
            .filter(|y| !self.has_schedule(*y))
            .collect()
    }

    /// What `year`'s days rest on.
    pub fn basis(&self, year: i32) -> YearBasis {
        if self.has_schedule(year) {
            YearBasis::Official
        } else if self.inner.computes(year) {
            YearBasis::Statutory
        } else {
            YearBasis::WeekendsOnly
        }
    }

    /// The years from `from`'s to `to`'s (either order) whose notice is still to come:
    /// no schedule, and not before the calendar's first notice (a year before the data
    /// begins is history, not a notice to wait for). A working-day count across one of
    /// them is provisional until its notice is imported. A calendar without any notice
    /// has none.
    pub fn provisional_years(&self, from: NaiveDate, to: NaiveDate) -> Vec<i32> {
        let Some(first) = self.years().next() else {
            return Vec::new();
        };
        self.missing_years(from, to)
            .into_iter()
            .filter(|y| *y >= first)
            .collect()
    }

    /// What kind of day `d` is.
    pub fn day_kind(&self, d: NaiveDate) -> DayKind {
        match self.inner.entry(d) {
            Some(e) if e.off => DayKind::Holiday(e.name.clone()),
            Some(e) => DayKind::MakeupWorkday(e.name.clone()),
            None if index::is_weekday(day_num(d)) => DayKind::Workday,
            None => DayKind::Weekend,
        }
    }

    /// Whether `d` is a working day.
    pub fn is_workday(&self, d: NaiveDate) -> bool {
        let x = day_num(d);
        match self.inner.window.get() {
            Some(w) => w.is_workday(x),
            None => self.inner.entry(d).map(|e| !e.off),
        }
        .unwrap_or_else(|| index::is_weekday(x))
    }

    /// The holiday a date belongs to: the name of an official rest day or of the holiday a
    /// 调休 workday serves; `None` for ordinary days.
    pub fn holiday_name(&self, d: NaiveDate) -> Option<&str> {
        self.inner.entry(d).map(|e| e.name.as_str())
    }

    /// The date `n` working days after `d` (民法典 第二百零一条: counting starts the next
    /// day, so Monday + 3 = Thursday); for negative `n`, the |n|-th working day before `d`;
    /// `d` itself for 0. The result (n ≠ 0) is always a working day. Saturates at chrono's
    /// date range.
    pub fn add_workdays(&self, d: NaiveDate, n: i64) -> NaiveDate {
        // A few days are walked (a quick command's due-soon cutoff) rather than building
        // the window for them.
        if (-WALK..=WALK).contains(&n) && self.inner.window.get().is_none() {
            return self.walk_workdays(d, n);
        }
        self.count_workdays(d, n)
    }

    /// [`Calendar::add_workdays`] over the window.
    fn count_workdays(&self, d: NaiveDate, n: i64) -> NaiveDate {
        let n = n.clamp(-MAX_COUNT, MAX_COUNT);
        let w = self.inner.window();
        let x = day_num(d);
        let target = match n {
            0 => return d,
            // The first day whose count reaches cum(d) + n: the n-th working day after d.
            n if n > 0 => w.first_reaching(w.cum(x) + n),
            // The working day t with exactly |n| working days in [t, d).
            n => w.first_reaching(w.cum(x - 1) + n + 1),
        };
        index::date_of(target)
    }

    /// [`Calendar::add_workdays`] a day at a time: the |n|-th working day after (n > 0) or
    /// before (n < 0) `d`.
    fn walk_workdays(&self, d: NaiveDate, n: i64) -> NaiveDate {
        let mut day = d;
        let mut left = n.abs();
        while left > 0 {
            let next = if n > 0 {
                day.succ_opt()
            } else {
                day.pred_opt()
            };
            let Some(next) = next else {
                return day;
            };
            day = next;
            if self.is_workday(day) {
                left -= 1;
            }
        }
        day
    }

    /// Working days in `(a, b]` when `b ≥ a`; minus those in `(b, a]` when `b < a`.
    pub fn workdays_between(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        let w = self.inner.window();
        w.cum(day_num(b)) - w.cum(day_num(a))
    }
}

impl Inner {
    fn build(years: BTreeMap<i32, Notice>, statutory: bool) -> Inner {
        let count = usize::try_from(LAST_LISTED - FIRST_LISTED + 1).unwrap_or(0);
        Inner {
            years,
            statutory,
            listed: std::iter::repeat_with(OnceLock::new).take(count).collect(),
            window: OnceLock::new(),
        }
    }

    /// Whether `year`'s statutory holidays are counted: the official calendar, no notice
    /// for the year, and a year the law's revision governs.
    fn computes(&self, year: i32) -> bool {
        self.statutory && self.schedule(year).is_none() && !statutory_days(year).is_empty()
    }

    /// `year`'s notice, if it has one that reads.
    fn schedule(&self, year: i32) -> Option<&YearSchedule> {
        self.years.get(&year)?.get()
    }

    /// The listed day `d`, if it is one.
    fn entry(&self, d: NaiveDate) -> Option<&Entry> {
        self.listed_in(d.year())?.get(&d)
    }

    /// `year`'s listed days, merged on first use; `None` outside the window.
    fn listed_in(&self, year: i32) -> Option<&Listed> {
        let slot = usize::try_from(year - FIRST_LISTED)
            .ok()
            .and_then(|i| self.listed.get(i))?;
        Some(slot.get_or_init(|| self.merge(year)))
    }

    /// The days listed for dates in `year`: statutory days first, so that a notice that
    /// lists the same date (its own year's, or a neighbour's spilling over New Year) has
    /// the last word; then the year's notice and the next year's (which may begin in the
    /// last days of December: no notice lists other years' days, see
    /// [`YearSchedule::validate`]), the later one winning.
    fn merge(&self, year: i32) -> Listed {
        let mut listed = HashMap::new();
        let mut put = |day: &ScheduleDay, off: bool| {
            if day.date.year() == year {
                let entry = Entry {
                    name: day.name.clone(),
                    off,
                };
                listed.insert(day.date, entry);
            }
        };
        for y in (year - 1..=year + 1).filter(|y| self.computes(*y)) {
            statutory_days(y).iter().for_each(|d| put(d, true));
        }
        for s in [year, year + 1]
            .into_iter()
            .filter_map(|y| self.schedule(y))
        {
            s.days.iter().for_each(|d| put(d, d.off));
        }
        listed
    }

    fn window(&self) -> &Window {
        self.window.get_or_init(|| self.window_of())
    }

    /// The window over the listed days: their places in the window, then one pass over
    /// its forty thousand days as plain numbers (a hash lookup and a date per day were a
    /// fifth of a quick command's start-up).
    fn window_of(&self) -> Window {
        let first = day_num(index::WINDOW_START);
        let place = |x: index::DayNum| usize::try_from(x - first).ok();
        let mut listed: Vec<Option<bool>> =
            vec![None; place(day_num(index::WINDOW_END)).map_or(0, |i| i + 1)];
        for year in FIRST_LISTED..=LAST_LISTED {
            for (date, e) in self.listed_in(year).into_iter().flatten() {
                if let Some(slot) = place(day_num(*date)).and_then(|i| listed.get_mut(i)) {
                    *slot = Some(!e.off);
                }
            }
        }
        Window::build(
            |x| match place(x).and_then(|i| listed.get(i).copied()).flatten() {
                Some(workday) => workday,
                None => index::is_weekday(x),
            },
        )
    }
}

/// The years whose listed days are kept: the window's (days outside it are ignored).
const FIRST_LISTED: i32 = index::FIRST_YEAR;
const LAST_LISTED: i32 = index::LAST_YEAR;

impl Default for Calendar {
    /// Weekends only, like [`Calendar::weekends_only`].
    fn default() -> Self {
        Calendar::weekends_only()
    }
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("years", &self.years().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}
