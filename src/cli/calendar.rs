//! `dutydesk calendar …`: print the working-day calendar and do date arithmetic on it.
//! Plain functions over a writer; the argument parsing lives with the other commands.

use crate::calendar::{Calendar, DayKind, YearBasis};
use crate::error::IoContext as _;
use crate::i18n::Lang;
use crate::{Error, Result};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::io::{BufWriter, Write};

/// One line of `days --json`; field order is the output order.
#[derive(Serialize)]
struct DayLine<'a> {
    date: String,
    /// "Mon" … "Sun".
    weekday: String,
    workday: bool,
    /// "workday", "weekend", "holiday" or "makeup" (a 调休 weekend workday, 补班).
    kind: &'static str,
    /// The holiday of a rest day, or the one a make-up workday belongs to.
    name: Option<&'a str>,
    /// The day's year has no State Council notice yet: counted from the law alone.
    provisional: bool,
}

/// Prints one line per day of `from..=to`: date, weekday, what the day is and, for a
/// holiday or a 补班 make-up workday, the holiday it belongs to — `2026-02-14 周六 补班
/// 春节` / `2026-02-14 Sat make-up workday 春节`; with `json` one object per line. A day
/// of a year without a notice ends with "暂定" / "provisional". Any span is listed: lines
/// are written as they are made, through a buffer, so a century costs no more memory
/// than a day.
pub fn days(
    cal: &Calendar,
    from: NaiveDate,
    to: NaiveDate,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    if to < from {
        return Err(Error::bad_input(
            "to",
            format!("{to} is before the start date {from}"),
        ));
    }
    let mut out = BufWriter::new(out);
    let mut year_state = (None, false);
    for d in from.iter_days().take_while(|d| *d <= to) {
        // The year's basis is asked once a year, not once a day.
        if year_state.0 != Some(d.year()) {
            year_state = (Some(d.year()), !cal.provisional_years(d, d).is_empty());
        }
        let provisional = year_state.1;
        let kind = cal.day_kind(d);
        let name = cal.holiday_name(d);
        let line = if json {
            let row = DayLine {
                date: d.format("%Y-%m-%d").to_string(),
                weekday: d.format("%a").to_string(),
                workday: cal.is_workday(d),
                kind: match kind {
                    DayKind::Workday => "workday",
                    DayKind::Weekend => "weekend",
                    DayKind::Holiday(_) => "holiday",
                    DayKind::MakeupWorkday(_) => "makeup",
                },
                name,
                provisional,
            };
            serde_json::to_string(&row).map_err(|e| Error::bad_input("json", e.to_string()))?
        } else {
            text_line(d, &kind, provisional, lang)
        };
        writeln!(out, "{line}").at_path("<output>")?;
    }
    out.flush().at_path("<output>")
}

/// One day as `calendar days` prints it.
fn text_line(d: NaiveDate, kind: &DayKind, provisional: bool, lang: Lang) -> String {
    let what = match kind {
        DayKind::Workday => lang.pick("工作日", "workday").to_string(),
        DayKind::Weekend => lang.pick("休息", "weekend").to_string(),
        DayKind::Holiday(n) => format!("{} {n}", lang.pick("休息", "holiday")),
        DayKind::MakeupWorkday(n) => format!("{} {n}", lang.pick("补班", "make-up workday")),
    };
    let mut line = format!("{} {} {what}", d.format("%Y-%m-%d"), weekday(d, lang));
    if provisional {
        line.push(' ');
        line.push_str(lang.pick("暂定", "provisional"));
    }
    line
}

/// "周一" … "周日" / "Mon" … "Sun".
fn weekday(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            let i = d.weekday().num_days_from_monday() as usize;
            let names = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
            names.get(i).copied().unwrap_or_default().to_string()
        }
        Lang::En => d.format("%a").to_string(),
    }
}

/// Prints the date `n` working days after `date` (before, for negative `n`).
pub fn add(cal: &Calendar, date: NaiveDate, n: i64, out: &mut dyn Write) -> Result<()> {
    let due = cal.add_workdays(date, n);
    writeln!(out, "{}", due.format("%Y-%m-%d")).at_path("<output>")
}

/// The warnings to print when `from..to` touches years with no official schedule, one
/// line per kind of year: those counted with their statutory holidays (provisional until
/// the notice is imported) and those counted by weekends alone.
pub fn warn_missing(cal: &Calendar, from: NaiveDate, to: NaiveDate, lang: Lang) -> Vec<String> {
    let missing = cal.missing_years(from, to);
    let (statutory, bare): (Vec<i32>, Vec<i32>) = missing
        .into_iter()
        .partition(|y| cal.basis(*y) == YearBasis::Statutory);
    let mut out = Vec::new();
    if !statutory.is_empty() {
        out.push(statutory_warning(&year_ranges(&statutory), lang));
    }
    if !bare.is_empty() {
        out.push(bare_warning(&year_ranges(&bare), lang));
    }
    out
}

/// The warning for one year without a notice.
pub fn year_warning(cal: &Calendar, year: i32, lang: Lang) -> String {
    match cal.basis(year) {
        YearBasis::Statutory => statutory_warning(&year.to_string(), lang),
        _ => bare_warning(&year.to_string(), lang),
    }
}

fn statutory_warning(years: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "注意：{years} 年尚无国务院节假日安排，只计法定节假日、不含调休，相关期限为暂定"
        ),
        Lang::En => format!(
            "warning: no official holiday schedule for {years}; statutory holidays only, \
             without 调休, so deadlines there are provisional"
        ),
    }
}

fn bare_warning(years: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("注意：{years} 年没有官方节假日安排，仅按周末计算"),
        Lang::En => format!("warning: no official holiday schedule for {years}; weekends only"),
    }
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
    fn days_text_names_weekday_and_makeup_days() {
        let cal = Calendar::embedded();
        let zh = run(|o| days(&cal, ymd(2026, 2, 13), ymd(2026, 2, 16), false, Lang::Zh, o));
        assert_eq!(
            zh,
            "2026-02-13 周五 工作日\n2026-02-14 周六 补班 春节\n2026-02-15 周日 休息 春节\n\
             2026-02-16 周一 休息 春节\n"
        );
        let en = run(|o| days(&cal, ymd(2026, 2, 14), ymd(2026, 2, 15), false, Lang::En, o));
        assert_eq!(
            en,
            "2026-02-14 Sat make-up workday 春节\n2026-02-15 Sun holiday 春节\n"
        );
        let weekend = run(|o| days(&cal, ymd(2026, 3, 7), ymd(2026, 3, 7), false, Lang::En, o));
        assert_eq!(weekend, "2026-03-07 Sat weekend\n");
    }

    #[test]
    fn days_json_and_provisional_2027() {
        let cal = Calendar::embedded();
        let json = run(|o| days(&cal, ymd(2026, 2, 13), ymd(2026, 2, 14), true, Lang::Zh, o));
        assert_eq!(
            json,
            "{\"date\":\"2026-02-13\",\"weekday\":\"Fri\",\"workday\":true,\"kind\":\"workday\",\"name\":null,\"provisional\":false}\n\
             {\"date\":\"2026-02-14\",\"weekday\":\"Sat\",\"workday\":true,\"kind\":\"makeup\",\"name\":\"春节\",\"provisional\":false}\n"
        );
        let ny = run(|o| days(&cal, ymd(2026, 12, 31), ymd(2027, 1, 1), false, Lang::Zh, o));
        assert_eq!(
            ny,
            "2026-12-31 周四 工作日\n2027-01-01 周五 休息 元旦 暂定\n"
        );
    }

    #[test]
    fn days_streams_any_span_and_rejects_reversed() {
        let cal = Calendar::embedded();
        let mut sink = Vec::new();
        let e = days(
            &cal,
            ymd(2026, 2, 2),
            ymd(2026, 2, 1),
            false,
            Lang::En,
            &mut sink,
        );
        assert!(e.unwrap_err().to_string().contains("before"));
        assert!(sink.is_empty());
        // Over ten years: every day, in order.
        let text = run(|o| days(&cal, ymd(2000, 1, 1), ymd(2020, 12, 31), false, Lang::En, o));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 7671);
        assert!(lines[0].starts_with("2000-01-01 Sat"));
        assert!(lines[7670].starts_with("2020-12-31 Thu"));
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
        assert!(warn_missing(&cal, ymd(2024, 1, 1), ymd(2026, 12, 31), Lang::En).is_empty());
        assert_eq!(
            warn_missing(&cal, ymd(2026, 12, 1), ymd(2027, 1, 31), Lang::En),
            vec![
                "warning: no official holiday schedule for 2027; statutory holidays only, \
                 without 调休, so deadlines there are provisional"
            ]
        );
        assert_eq!(
            warn_missing(&cal, ymd(2005, 12, 1), ymd(2006, 1, 31), Lang::Zh),
            vec!["注意：2005–2006 年没有官方节假日安排，仅按周末计算"]
        );
        assert_eq!(
            year_ranges(&[1990, 1991, 1992, 2027, 2029]),
            "1990–1992, 2027, 2029"
        );
    }
}
