//! One year's official schedule — the State Council's notice as data — and the checks a
//! schedule file must pass before the calendar trusts it.
//!
//! The file layout is the public holiday-cn data set's yearly JSON:
//! `{"year": 2024, "papers": [...], "days": [{"name": "元旦", "date": "2024-01-01",
//! "isOffDay": true}, ...]}`, with optional `$schema` and `$id`.

use crate::{Error, Result};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The first and last notice years a schedule may have. Every date of such a schedule
/// (its year ± 1) then lies inside the calendar's precomputed window, so fast and slow
/// paths can never disagree.
pub const FIRST_YEAR: i32 = 1991;
/// See [`FIRST_YEAR`].
pub const LAST_YEAR: i32 = 2099;

/// One year's notice: rest days and 调休 make-up workdays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearSchedule {
    /// The notice's year (some dates fall in the year before or after).
    pub year: i32,
    /// Where the notice is published.
    pub papers: Vec<String>,
    /// The listed days, in file order.
    pub days: Vec<ScheduleDay>,
}

/// One listed day of a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleDay {
    /// The holiday it belongs to ("春节", "中秋节、国庆节").
    pub name: String,
    pub date: NaiveDate,
    /// `true` for a rest day, `false` for a make-up workday.
    pub off: bool,
}

/// The file layout, as serde sees it.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(rename = "$schema", default, skip_serializing)]
    _schema: Option<String>,
    #[serde(rename = "$id", default, skip_serializing)]
    _id: Option<String>,
    year: i32,
    #[serde(default)]
    papers: Vec<String>,
    days: Vec<RawDay>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDay {
    name: String,
    date: String,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
}

impl YearSchedule {
    /// Parses and validates a schedule file. `source` names it in errors (a path, or
    /// "embedded 2024.json").
    pub fn parse(text: &str, source: &str) -> Result<YearSchedule> {
        let raw: RawFile = serde_json::from_str(text)
            .map_err(|e| Error::invalid(format!("{source}:{}", e.line()), e.to_string()))?;
        let locate = |needle: &str, nth: usize| match line_of(text, needle, nth) {
            Some(line) => format!("{source}:{line}"),
            None => source.to_string(),
        };
        let mut days = Vec::with_capacity(raw.days.len());
        for d in &raw.days {
            let date = parse_date(&d.date).ok_or_else(|| {
                Error::invalid(
                    locate(&format!("\"{}\"", d.date), 0),
                    format!("date {:?} is not a valid YYYY-MM-DD date", d.date),
                )
            })?;
            days.push(ScheduleDay {
                name: d.name.clone(),
                date,
                off: d.is_off_day,
            });
        }
        let schedule = YearSchedule {
            year: raw.year,
            papers: raw.papers,
            days,
        };
        schedule.check(&|date, nth| locate(&format!("\"{date}\""), nth), source)?;
        Ok(schedule)
    }

    /// Checks a schedule built in code the way [`YearSchedule::parse`] checks a file.
    pub fn validate(&self, source: &str) -> Result<()> {
        self.check(&|_, _| source.to_string(), source)
    }

    /// The checks; `locate(date, nth)` names where the nth mention of a date is.
    fn check(&self, locate: &dyn Fn(NaiveDate, usize) -> String, source: &str) -> Result<()> {
        let year = self.year;
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(Error::invalid(
                source,
                format!("year {year} is outside the supported {FIRST_YEAR}–{LAST_YEAR}"),
            ));
        }
        // An empty list is what a data set publishes before the notice is out; taking it
        // as "no holidays this year" would silently turn every holiday into a workday.
        if self.days.is_empty() {
            return Err(Error::invalid(
                source,
                format!("the {year} schedule lists no days (is the notice published yet?)"),
            ));
        }
        let mut seen = HashSet::with_capacity(self.days.len());
        for day in &self.days {
            let date = day.date;
            if !seen.insert(date) {
                return Err(Error::invalid(
                    locate(date, 1),
                    format!("{date} is listed twice"),
                ));
            }
            // A notice lists its own year's days, and New Year's Day may begin in the last
            // days of December before; anything else is a mislabelled file (a 2027 file
            // must not turn November 2026 into holidays).
            let starts_early = date.year() == year - 1 && date.month() == 12 && date.day() >= 20;
            if date.year() != year && !starts_early {
                return Err(Error::invalid(
                    locate(date, 0),
                    format!(
                        "{date} is outside the notice year {year} (only New Year days from {}-12-20 may precede it)",
                        year - 1
                    ),
                ));
            }
            if day.name.trim().is_empty() {
                return Err(Error::invalid(
                    locate(date, 0),
                    format!("{date} has an empty holiday name"),
                ));
            }
            if !day.off && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
                return Err(Error::invalid(
                    locate(date, 0),
                    format!(
                        "{date} ({}) is listed as a make-up workday (isOffDay: false) but \
                         is not a Saturday or Sunday",
                        date.weekday()
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The schedule in the file layout (pretty JSON, dates in order as listed).
    pub fn to_json(&self) -> String {
        let raw = RawFile {
            _schema: None,
            _id: None,
            year: self.year,
            papers: self.papers.clone(),
            days: self
                .days
                .iter()
                .map(|d| RawDay {
                    name: d.name.clone(),
                    date: d.date.format("%Y-%m-%d").to_string(),
                    is_off_day: d.off,
                })
                .collect(),
        };
        // Strings, integers and bools only: serializing cannot fail, but never panic on it.
        serde_json::to_string_pretty(&raw).unwrap_or_default()
    }
}

/// A zero-padded ISO date; chrono alone would also take "2024-1-1".
fn parse_date(s: &str) -> Option<NaiveDate> {
    // By hand: chrono's format parser was most of reading the compiled-in schedules.
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &b[r];
        part.iter().all(u8::is_ascii_digit).then_some(())?;
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

/// The 1-based line of the `nth` (0-based) occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str, nth: usize) -> Option<usize> {
    let (pos, _) = text.match_indices(needle).nth(nth)?;
    Some(text[..pos].matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(r: Result<YearSchedule>) -> String {
        match r {
            Ok(_) => panic!("expected an error"),
            Err(e) => e.to_string(),
        }
    }

    const GOOD: &str = r#"{
  "year": 2024,
  "papers": [],
  "days": [
    {"name": "元旦", "date": "2024-01-01", "isOffDay": true},
    {"name": "春节", "date": "2024-02-04", "isOffDay": false}
  ]
}"#;

    #[test]
    fn parses_and_round_trips() {
        let s = YearSchedule::parse(GOOD, "good.json").unwrap();
        assert_eq!(s.year, 2024);
        assert_eq!(s.days.len(), 2);
        assert!(!s.days[1].off);
        let again = YearSchedule::parse(&s.to_json(), "again").unwrap();
        assert_eq!(again, s);
    }

    #[test]
    fn accepts_schema_and_id() {
        let text = GOOD.replacen('{', r#"{"$schema": "x", "$id": "y","#, 1);
        assert!(YearSchedule::parse(&text, "s").is_ok());
    }

    #[test]
    fn syntax_error_names_source_and_line() {
        let text = GOOD.replace("\"isOffDay\": false}", "\"isOffDay\": nope}");
        let m = msg(YearSchedule::parse(&text, "bad.json"));
        assert!(m.starts_with("bad.json:6:"), "{m}");
    }

    #[test]
    fn unknown_field_is_an_error() {
        let text = GOOD.replace("\"papers\"", "\"paper\"");
        assert!(msg(YearSchedule::parse(&text, "f.json")).contains("unknown field"));
    }

    #[test]
    fn bad_date_names_line() {
        let text = GOOD.replace("2024-01-01", "2024-13-01");
        let m = msg(YearSchedule::parse(&text, "f.json"));
        assert!(
            m.starts_with("f.json:5:") && m.contains("2024-13-01"),
            "{m}"
        );
    }

    #[test]
    fn empty_days_rejected() {
        let text = r#"{"year": 2027, "papers": [], "days": []}"#;
        assert!(msg(YearSchedule::parse(text, "f")).contains("lists no days"));
    }

    #[test]
    fn year_out_of_range_rejected() {
        let text = GOOD.replace("2024,", "2150,");
        assert!(msg(YearSchedule::parse(&text, "f")).contains("outside the supported"));
    }

    #[test]
    fn validate_checks_code_built_schedules() {
        let mut s = YearSchedule::parse(GOOD, "g").unwrap();
        s.days[0].name = " ".into();
        let m = s.validate("built").unwrap_err().to_string();
        assert!(
            m.starts_with("built:") && m.contains("empty holiday name"),
            "{m}"
        );
    }
}
