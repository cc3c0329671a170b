//! The district's clock. The district keeps UTC+8; every command can pin "today" with
//! `--today DATE` or `DUTYDESK_TODAY` so tests and demos see a fixed day.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// Seconds east of UTC for the district's local time (China Standard Time).
pub const UTC_OFFSET_SECS: i32 = 8 * 3600;

/// The district's fixed offset.
pub fn offset() -> FixedOffset {
    // 8 hours is within FixedOffset's ±24h range, so east_opt cannot fail here.
    FixedOffset::east_opt(UTC_OFFSET_SECS).unwrap_or_else(|| Utc.fix())
}

use chrono::Offset as _;

/// Where "now" comes from: the real clock, or a pinned day (time of day still runs, so
/// audit entries keep their order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pinned: Option<NaiveDate>,
    /// A pinned time of day too (tests and the guide's screen captures), else the real one.
    at: Option<NaiveTime>,
}

impl Clock {
    /// The real clock in UTC+8.
    pub fn system() -> Self {
        Clock {
            pinned: None,
            at: None,
        }
    }
    /// A clock whose date is always `day`.
    pub fn pinned(day: NaiveDate) -> Self {
        Clock {
            pinned: Some(day),
            at: None,
        }
    }
    /// A clock whose date and time of day are always `t` (a pinned clock).
    pub fn pinned_at(t: NaiveDateTime) -> Self {
        Clock {
            pinned: Some(t.date()),
            at: Some(t.time()),
        }
    }
    /// Whether the date is pinned.
    pub fn is_pinned(&self) -> bool {
        self.pinned.is_some()
    }
    /// The local date-time now (UTC+8), with the pinned date if any.
    pub fn now(&self) -> NaiveDateTime {
        let real: DateTime<FixedOffset> = Utc::now().with_timezone(&offset());
        match self.pinned {
            Some(day) => day.and_time(self.at.unwrap_or(real.time())),
            None => real.naive_local(),
        }
    }
    /// Today's local date.
    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }
    /// Time until the next local midnight, for the board's day roll-over.
    pub fn until_midnight(&self) -> std::time::Duration {
        let now = self.now();
        let next = now.date().succ_opt().map(|d| d.and_time(NaiveTime::MIN));
        match next {
            Some(next) => (next - now).to_std().unwrap_or_default(),
            None => std::time::Duration::from_secs(3600),
        }
    }
}

/// Parses a date (`YYYY-MM-DD`, or as spreadsheets and people write it: 2026/12/10,
/// 2026.12.10, 2026年12月10日; see [`crate::dates`]) in the supported years, naming the
/// value in the error.
pub fn parse_date(what: &str, s: &str) -> crate::Result<NaiveDate> {
    let d = crate::dates::parse(what, s)?;
    check_range(what, d)
}

/// The first year a date may name: the years the official calendar can compute (a
/// deadline computed from a date outside them could not be stored and read back).
pub const FIRST_YEAR: i32 = crate::calendar::FIRST_YEAR;
/// The last year a date may name (see [`FIRST_YEAR`]).
pub const LAST_YEAR: i32 = crate::calendar::LAST_YEAR;

/// Whether `d` lies in the supported years.
pub fn in_range(d: NaiveDate) -> bool {
    use chrono::Datelike as _;
    (FIRST_YEAR..=LAST_YEAR).contains(&d.year())
}

/// `d` if it lies in the supported years, else an error naming the value: every date that
/// enters the database (import, forms, the command line) passes here, so a stored date —
/// and every deadline computed from it — can always be read back.
pub fn check_range(what: &str, d: NaiveDate) -> crate::Result<NaiveDate> {
    if in_range(d) {
        return Ok(d);
    }
    Err(crate::Error::bad_input(
        what,
        format!("{d} is outside the supported years {FIRST_YEAR}–{LAST_YEAR}"),
    ))
}

/// Parses a date of any year, in any of the written forms (`crate::dates`): for what-if
/// views (`--today`, `:goto`), which only read; a write under a pinned date outside the
/// supported years is refused at the door (`command::identity::check_clock`). A date that
/// does not read is said in both languages, with the forms that do.
pub fn parse_view_date(what: &str, s: &str) -> crate::Result<NaiveDate> {
    crate::dates::parse(what, s.trim())
}

/// Formats a date as `YYYY-MM-DD`.
pub fn fmt_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Formats a local date-time as `YYYY-MM-DD HH:MM:SS`.
pub fn fmt_datetime(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinned_clock_keeps_its_day() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(Clock::pinned(d).today(), d);
    }

    #[test]
    fn parse_date_names_the_value() {
        let e = parse_date("--today", "2026-13-01").unwrap_err().to_string();
        assert!(e.contains("--today"), "{e}");
    }

    #[test]
    fn dates_outside_the_calendar_are_refused() {
        for bad in ["0000-01-01", "9999-12-31", "1990-12-31", "2100-01-01"] {
            let e = parse_date("received", bad).unwrap_err().to_string();
            assert!(e.contains("received") && e.contains("supported"), "{e}");
        }
        assert!(parse_date("received", "2099-12-31").is_ok());
        assert!(parse_date("received", "1991-01-01").is_ok());
    }
}
