//! Dates as people type them and as spreadsheets write them: 2026-12-10, 2026/12/10,
//! 2026.12.10, 2026年12月10日 (months and days with or without a leading zero, Excel's
//! "2026/12/10 0:00" too), and — where there is a today to count from — 12月10日 (this
//! year) and `+5` (five working days after today on the official calendar).

use crate::calendar::Calendar;
use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate};

/// The forms accepted, as the error messages list them.
const FORMS_ZH: &str = "2026-12-10、2026/12/10、2026.12.10、2026年12月10日";
const FORMS_EN: &str = "2026-12-10, 2026/12/10, 2026.12.10, 2026年12月10日";

/// Year, month and day out of `s` split on any of the separators, if it has exactly three
/// numeric parts (an Excel time after a space is dropped).
fn ymd(s: &str) -> Option<(i32, u32, u32)> {
    let s = s.trim();
    // Excel writes "2026/11/16 0:00" or "2026-11-16 00:00:00" for a date cell.
    let s = s.split_whitespace().next().unwrap_or(s);
    let s = s.strip_suffix('日').unwrap_or(s);
    let parts: Vec<&str> = s.split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || m.is_empty() || d.is_empty() || m.len() > 2 || d.len() > 2 {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
}

fn unclear(what: &str, s: &str, relative: bool) -> Error {
    let (zh_more, en_more) = if relative {
        (
            "、12月10日 或 +5（5 个工作日后）",
            ", 12月10日 or +5 (five working days on)",
        )
    } else {
        ("", "")
    };
    Error::unclear(
        format!("{what}：“{s}”不是日期，可写 {FORMS_ZH}{zh_more}"),
        format!("{what}: '{s}' is not a date; write {FORMS_EN}{en_more}"),
    )
}

/// A full date in any of the written forms.
pub fn parse(what: &str, s: &str) -> Result<NaiveDate> {
    ymd(s)
        .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        .ok_or_else(|| unclear(what, s, false))
}

/// A date typed on a form: a full date, 12月10日 (this year) or `+N` working days after
/// `today` on `calendar`.
pub fn parse_from(what: &str, s: &str, today: NaiveDate, calendar: &Calendar) -> Result<NaiveDate> {
    let t = s.trim();
    if let Some(n) = t.strip_prefix('+') {
        return match n.trim().parse::<i64>() {
            Ok(n) if (0..=3650).contains(&n) => Ok(calendar.add_workdays(today, n)),
            _ => Err(unclear(what, s, true)),
        };
    }
    if let Ok(d) = parse(what, t) {
        return Ok(d);
    }
    let md = t.strip_suffix('日').and_then(|r| r.split_once('月'));
    if let Some((m, d)) = md
        && let (Ok(m), Ok(d)) = (m.trim().parse::<u32>(), d.trim().parse::<u32>())
        && let Some(date) = NaiveDate::from_ymd_opt(today.year(), m, d)
    {
        return Ok(date);
    }
    Err(unclear(what, s, true))
}

/// The question a form asks when a deadline or 回头看 falls on a day off: None on a working
/// day, else (zh, en) naming the day and the next working day.
pub fn day_off_question(d: NaiveDate, calendar: &Calendar) -> Option<(String, String)> {
    if calendar.is_workday(d) {
        return None;
    }
    let next = calendar.add_workdays(d, 1);
    let name = calendar.holiday_name(d).unwrap_or("");
    let (zh_kind, en_kind) = if name.is_empty() {
        ("休息日".to_string(), "a day off".to_string())
    } else {
        (format!("{name}假期"), format!("a day off ({name})"))
    };
    Some((
        format!("{d} 是{zh_kind}，下一个工作日是 {next}。仍用 {d}？(y/n)"),
        format!("{d} is {en_kind}; the next working day is {next}. Keep {d}? (y/n)"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn every_written_form() {
        for s in [
            "2026-12-10",
            "2026/12/10",
            "2026.12.10",
            "2026年12月10日",
            " 2026/12/10 0:00 ",
            "2026-12-10 00:00:00",
        ] {
            assert_eq!(parse("x", s).unwrap(), d(2026, 12, 10), "{s}");
        }
        assert_eq!(parse("x", "2026/1/5").unwrap(), d(2026, 1, 5));
        for bad in ["12/10/2026", "2026-13-01", "tomorrow", "", "2026-1"] {
            assert!(parse("x", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn relative_forms_and_messages_in_both_languages() {
        let cal = Calendar::embedded();
        let today = d(2026, 11, 20); // a Friday
        assert_eq!(
            parse_from("x", "12月10日", today, &cal).unwrap(),
            d(2026, 12, 10)
        );
        assert_eq!(parse_from("x", "+1", today, &cal).unwrap(), d(2026, 11, 23));
        assert_eq!(parse_from("x", "+5", today, &cal).unwrap(), d(2026, 11, 27));
        let e = parse_from("期限", "下周", today, &cal).unwrap_err();
        assert!(e.localized(crate::i18n::Lang::Zh).contains("不是日期"));
        assert!(e.localized(crate::i18n::Lang::En).contains("not a date"));
        assert!(day_off_question(d(2026, 11, 22), &cal).is_some());
        assert!(day_off_question(d(2026, 11, 23), &cal).is_none());
    }
}
