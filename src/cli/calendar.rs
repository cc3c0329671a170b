//! `dutydesk calendar …`: print the working-day calendar and do date arithmetic on it.
//! Plain functions over a writer; the argument parsing lives with the other commands.

use crate::calendar::Calendar;
use crate::error::IoContext as _;
use crate::{Error, Result};
use chrono::NaiveDate;
use serde::Serialize;
use std::io::Write;

/// The longest span `days` prints: about ten years, far more than anyone reads, and a
/// guard against a typo printing millions of lines.
pub const MAX_DAYS_SPAN: i64 = 3660;

/// One line of `days --json`; field order is the output order.
#[derive(Serialize)]
struct DayLine<'a> {
    date: String,
    workday: bool,
    name: Option<&'a str>,
}

/// Prints one line per day of `from..=to`: `YYYY-MM-DD workday|rest [name]`, or with
/// `json` one object per line, `{"date":…,"workday":…,"name":…|null}`. The name is the
/// holiday of an official rest day or of a 调休 workday.
pub fn days(
    cal: &Calendar,
    from: NaiveDate,
    to: NaiveDate,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    if to < from {
        return Err(Error::bad_input(
            "to",
            format!("{to} is before the start date {from}"),
        ));
    }
    let span = (to - from).num_days() + 1;
    if span > MAX_DAYS_SPAN {
        return Err(Error::bad_input(
            "to",
            format!("{from}..{to} is {span} days; at most {MAX_DAYS_SPAN} can be listed at once"),
        ));
    }
    for d in from.iter_days().take(span as usize) {
        let workday = cal.is_workday(d);
        let name = cal.holiday_name(d);
        let line = if json {
            let row = DayLine {
                date: d.format("%Y-%m-%d").to_string(),
                workday,
                name,
            };
            serde_json::to_string(&row).map_err(|e| Error::bad_input("json", e.to_string()))?
        } else {
            let kind = if workday { "workday" } else { "rest" };
            match name {
                Some(n) => format!("{} {kind} {n}", d.format("%Y-%m-%d")),
                None => format!("{} {kind}", d.format("%Y-%m-%d")),
            }
        };
        writeln!(out, "{line}").at_path("<output>")?;
    }
    Ok(())
}

/// Prints the date `n` working days after `date` (before, for negative `n`).
pub fn add(cal: &Calendar, date: NaiveDate, n: i64, out: &mut dyn Write) -> Result<()> {
    let due = cal.add_workdays(date, n);
    writeln!(out, "{}", due.format("%Y-%m-%d")).at_path("<output>")
}

/// The warning to print when `from..to` touches years with no official schedule, e.g.
/// `warning: no official holiday schedule for 2027; weekends only`.
pub fn warn_missing(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> Option<String> {
    let missing = cal.missing_years(from, to);
    if missing.is_empty() {
        return None;
    }
    Some(format!(
        "warning: no official holiday schedule for {}; weekends only",
        year_ranges(&missing)
    ))
}

/// "2027", "2027, 2029", "1990–2006, 2027": runs of consecutive years collapsed.
fn year_ranges(years: &[i32]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < years.len() {
        let mut j = i;
        while j + 1 < years.len() && years[j + 1] == years[j] + 1 {
            j += 1;
        }
        parts.push(if j > i {
            format!("{}–{}", years[i], years[j])
        } else {
            years[i].to_string()
        });
        i = j + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn run(f: impl FnOnce(&mut Vec<u8>) -> Result<()>) -> String {
        let mut buf = Vec::new();
        f(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn days_text_and_json() {
        let cal = Calendar::embedded();
        let text = run(|o| days(&cal, ymd(2026, 2, 13), ymd(2026, 2, 16), false, o));
        assert_eq!(
            text,
            "2026-02-13 workday\n2026-02-14 workday 春节\n2026-02-15 rest 春节\n2026-02-16 rest 春节\n"
        );
        let json = run(|o| days(&cal, ymd(2026, 2, 13), ymd(2026, 2, 14), true, o));
        assert_eq!(
            json,
            "{\"date\":\"2026-02-13\",\"workday\":true,\"name\":null}\n\
             {\"date\":\"2026-02-14\",\"workday\":true,\"name\":\"春节\"}\n"
        );
        let weekend = run(|o| days(&cal, ymd(2026, 3, 7), ymd(2026, 3, 7), false, o));
        assert_eq!(weekend, "2026-03-07 rest\n");
    }

    #[test]
    fn days_rejects_reversed_and_huge_spans() {
        let cal = Calendar::embedded();
        let mut sink = Vec::new();
        let e = days(&cal, ymd(2026, 2, 2), ymd(2026, 2, 1), false, &mut sink).unwrap_err();
        assert!(e.to_string().contains("before"), "{e}");
        let e = days(&cal, ymd(2000, 1, 1), ymd(2020, 1, 1), true, &mut sink).unwrap_err();
        assert!(e.to_string().contains("at most 3660"), "{e}");
        assert!(sink.is_empty());
        // Exactly the limit is fine.
        let last = ymd(2000, 1, 1) + chrono::Days::new(3659);
        assert!(days(&cal, ymd(2000, 1, 1), last, false, &mut sink).is_ok());
    }

    #[test]
    fn add_prints_the_date() {
        let cal = Calendar::embedded();
        assert_eq!(run(|o| add(&cal, ymd(2024, 3, 4), 3, o)), "2024-03-07\n");
        assert_eq!(run(|o| add(&cal, ymd(2024, 3, 7), -3, o)), "2024-03-04\n");
    }

    #[test]
    fn warning_names_missing_years() {
        let cal = Calendar::embedded();
        assert_eq!(warn_missing(&cal, ymd(2024, 1, 1), ymd(2026, 12, 31)), None);
        assert_eq!(
            warn_missing(&cal, ymd(2026, 12, 1), ymd(2027, 1, 31)).as_deref(),
            Some("warning: no official holiday schedule for 2027; weekends only")
        );
        assert_eq!(
            year_ranges(&[1990, 1991, 1992, 2027, 2029]),
            "1990–1992, 2027, 2029"
        );
    }
}
