//! The working-day calendar through the library's public API: the official data, due dates
//! around the long holidays worked out by hand from the notices, properties against a
//! day-by-day reference, and the schedule file checks.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use dutydesk::calendar::{Calendar, DayKind, YearSchedule};
use proptest::prelude::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Working day from the day's kind alone — no prefix sums.
fn slow_workday(cal: &Calendar, d: NaiveDate) -> bool {
    matches!(
        cal.day_kind(d),
        DayKind::Workday | DayKind::MakeupWorkday(_)
    )
}

fn slow_between(cal: &Calendar, a: NaiveDate, b: NaiveDate) -> i64 {
    let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
    let mut n = 0;
    let mut d = lo;
    while d < hi {
        d = d.succ_opt().unwrap();
        n += i64::from(slow_workday(cal, d));
    }
    sign * n
}

fn slow_add(cal: &Calendar, a: NaiveDate, n: i64) -> NaiveDate {
    let mut d = a;
    let mut left = n.abs();
    while left > 0 {
        d = if n > 0 {
            d.succ_opt().unwrap()
        } else {
            d.pred_opt().unwrap()
        };
        left -= i64::from(slow_workday(cal, d));
    }
    d
}

#[test]
fn makeup_days_are_weekend_workdays_and_rest_days_are_not_workdays() {
    let cal = Calendar::embedded();
    for year in 2010..=2026 {
        assert!(cal.has_schedule(year), "no schedule for {year}");
        let s = cal.schedule(year).unwrap();
        for day in &s.days {
            if day.off {
                assert!(!cal.is_workday(day.date), "{}", day.date);
            } else {
                assert!(cal.is_workday(day.date), "{}", day.date);
                assert!(is_weekend(day.date), "{} is not a weekend", day.date);
            }
        }
    }
}

#[test]
fn notice_facts_2026() {
    let cal = Calendar::embedded();
    for d in ymd(2026, 1, 1).iter_days().take(3) {
        assert_eq!(cal.day_kind(d), DayKind::Holiday("元旦".into()));
    }
    assert_eq!(
        cal.day_kind(ymd(2026, 1, 4)),
        DayKind::MakeupWorkday("元旦".into())
    );
    for d in ymd(2026, 2, 15).iter_days().take(9) {
        assert!(!cal.is_workday(d), "{d}");
        assert_eq!(cal.holiday_name(d), Some("春节"));
    }
    for d in [ymd(2026, 2, 14), ymd(2026, 2, 28)] {
        assert_eq!(cal.day_kind(d), DayKind::MakeupWorkday("春节".into()));
    }
    for d in ymd(2026, 10, 1).iter_days().take(7) {
        assert_eq!(cal.day_kind(d), DayKind::Holiday("国庆节".into()));
    }
    for d in [ymd(2026, 9, 20), ymd(2026, 10, 10)] {
        assert_eq!(cal.day_kind(d), DayKind::MakeupWorkday("国庆节".into()));
    }
    assert!(cal.is_workday(ymd(2026, 10, 8)));
    assert_eq!(cal.holiday_name(ymd(2026, 10, 8)), None);
}

#[test]
fn civil_code_rule_monday_plus_three_is_thursday() {
    let cal = Calendar::embedded();
    assert_eq!(cal.add_workdays(ymd(2024, 3, 4), 3), ymd(2024, 3, 7));
    assert_eq!(cal.workdays_between(ymd(2024, 3, 4), ymd(2024, 3, 7)), 3);
    assert_eq!(cal.add_workdays(ymd(2024, 3, 4), 0), ymd(2024, 3, 4));
}

/// (year, month, day).
type Ymd = (i32, u32, u32);

/// (received, working days, due) worked out by hand from the notices.
const DUE: &[(Ymd, i64, Ymd)] = &[
    // 2024 春节: rest 02-10..17; Sun 02-04 and Sun 02-18 are workdays.
    ((2024, 2, 2), 1, (2024, 2, 4)),
    ((2024, 2, 8), 2, (2024, 2, 18)),
    ((2024, 2, 9), 3, (2024, 2, 20)),
    // 2024 国庆: rest 10-01..07; Sun 09-29 and Sat 10-12 are workdays.
    ((2024, 9, 27), 1, (2024, 9, 29)),
    ((2024, 9, 27), 3, (2024, 10, 8)),
    ((2024, 9, 30), 3, (2024, 10, 10)),
    ((2024, 10, 11), 2, (2024, 10, 14)),
    // 2025 春节: rest 01-28..02-04; Sun 01-26 and Sat 02-08 are workdays.
    ((2025, 1, 24), 1, (2025, 1, 26)),
    ((2025, 1, 27), 3, (2025, 2, 7)),
    ((2025, 1, 27), 4, (2025, 2, 8)),
    ((2025, 1, 27), 5, (2025, 2, 10)),
    // 2025 国庆、中秋: rest 10-01..08; Sun 09-28 and Sat 10-11 are workdays.
    ((2025, 9, 30), 3, (2025, 10, 11)),
    ((2025, 9, 30), 4, (2025, 10, 13)),
    // 2026 元旦: rest 01-01..03; Sun 01-04 is a workday.
    ((2025, 12, 31), 1, (2026, 1, 4)),
    // 2026 春节: rest 02-15..23; Sat 02-14 and Sat 02-28 are workdays.
    ((2026, 2, 13), 1, (2026, 2, 14)),
    ((2026, 2, 13), 2, (2026, 2, 24)),
    ((2026, 2, 14), 3, (2026, 2, 26)),
    ((2026, 2, 26), 2, (2026, 2, 28)),
    // 2026 国庆: rest 10-01..07; Sun 09-20 and Sat 10-10 are workdays.
    ((2026, 9, 18), 1, (2026, 9, 20)),
    ((2026, 9, 30), 3, (2026, 10, 10)),
    ((2026, 9, 30), 4, (2026, 10, 12)),
];

#[test]
fn due_dates_around_the_long_holidays() {
    let cal = Calendar::embedded();
    for &((y, m, d), n, (dy, dm, dd)) in DUE {
        let (from, due) = (ymd(y, m, d), ymd(dy, dm, dd));
        assert_eq!(cal.add_workdays(from, n), due, "{from} + {n}");
        assert_eq!(cal.workdays_between(from, due), n, "{from} → {due}");
        assert_eq!(cal.add_workdays(due, -n), from, "{due} − {n}");
    }
}

/// A date in 2009–2028 from a day offset.
fn date_in_range(offset: u64) -> NaiveDate {
    ymd(2009, 1, 1) + Days::new(offset)
}

const RANGE_DAYS: u64 = 7304; // 2009-01-01 ..= 2028-12-31

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn between_inverts_add(offset in 0..RANGE_DAYS, n in -400i64..400) {
        let cal = Calendar::embedded();
        let d = date_in_range(offset);
        let a = if cal.is_workday(d) { d } else { cal.add_workdays(d, 1) };
        let t = cal.add_workdays(a, n);
        prop_assert_eq!(cal.workdays_between(a, t), n);
        prop_assert_eq!(cal.add_workdays(t, -n), a);
    }

    #[test]
    fn between_is_antisymmetric(x in 0..RANGE_DAYS, y in 0..RANGE_DAYS) {
        let cal = Calendar::embedded();
        let (a, b) = (date_in_range(x), date_in_range(y));
        prop_assert_eq!(cal.workdays_between(a, b), -cal.workdays_between(b, a));
    }

    #[test]
    fn fast_paths_agree_with_day_by_day(x in 0..RANGE_DAYS, y in 0..RANGE_DAYS, n in -300i64..300) {
        let cal = Calendar::embedded();
        let (a, b) = (date_in_range(x), date_in_range(y));
        prop_assert_eq!(cal.workdays_between(a, b), slow_between(&cal, a, b));
        prop_assert_eq!(cal.add_workdays(a, n), slow_add(&cal, a, n));
        prop_assert_eq!(cal.is_workday(a), slow_workday(&cal, a));
    }
}

fn parse_err(text: &str, source: &str) -> String {
    match YearSchedule::parse(text, source) {
        Ok(_) => panic!("{source} should not parse"),
        Err(e) => e.to_string(),
    }
}

fn file_with(days: &str) -> String {
    format!("{{\n  \"year\": 2024,\n  \"papers\": [],\n  \"days\": [\n{days}\n  ]\n}}\n")
}

#[test]
fn duplicate_date_is_rejected() {
    let text = file_with(
        r#"    {"name": "元旦", "date": "2024-01-01", "isOffDay": true},
    {"name": "元旦", "date": "2024-01-01", "isOffDay": true}"#,
    );
    let m = parse_err(&text, "dup.json");
    assert!(
        m.starts_with("dup.json:6:") && m.contains("2024-01-01 is listed twice"),
        "{m}"
    );
}

#[test]
fn date_two_years_off_is_rejected() {
    let text = file_with(r#"    {"name": "元旦", "date": "2026-01-01", "isOffDay": true}"#);
    let m = parse_err(&text, "far.json");
    assert!(
        m.starts_with("far.json:5:") && m.contains("outside the notice year 2024"),
        "{m}"
    );
}

#[test]
fn a_date_in_another_month_of_the_year_before_is_rejected() {
    // A file labelled 2024 must not turn November 2023 into holidays; late December (a
    // New Year's break that starts early) is the one exception.
    let text = file_with(r#"    {"name": "元旦", "date": "2023-11-24", "isOffDay": true}"#);
    let m = parse_err(&text, "label.json");
    assert!(
        m.starts_with("label.json:5:") && m.contains("outside the notice year 2024"),
        "{m}"
    );
}

#[test]
fn empty_name_is_rejected() {
    let text = file_with(r#"    {"name": "", "date": "2024-01-01", "isOffDay": true}"#);
    let m = parse_err(&text, "noname.json");
    assert!(
        m.starts_with("noname.json:5:") && m.contains("empty holiday name"),
        "{m}"
    );
}

#[test]
fn makeup_workday_on_a_weekday_is_rejected() {
    // 2024-02-05 is a Monday.
    let text = file_with(r#"    {"name": "春节", "date": "2024-02-05", "isOffDay": false}"#);
    let m = parse_err(&text, "makeup.json");
    assert!(
        m.starts_with("makeup.json:5:") && m.contains("not a Saturday or Sunday"),
        "{m}"
    );
}

#[test]
fn rest_day_on_a_weekend_is_fine() {
    let text = file_with(r#"    {"name": "端午节", "date": "2024-06-08", "isOffDay": true}"#);
    assert!(YearSchedule::parse(&text, "ok.json").is_ok());
}

#[test]
fn malformed_json_names_source_and_line() {
    let text = file_with(r#"    {"name": "元旦", "date": "2024-01-01", "isOffDay": maybe}"#);
    let m = parse_err(&text, "broken.json");
    assert!(m.starts_with("broken.json:5:"), "{m}");
}

/// A quick timing of the fast path; run with
/// `cargo test --release --test calendar -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing_one_million_between_calls() {
    use std::time::Instant;
    let cal = Calendar::embedded();
    // A small deterministic generator keeps the timing about the calendar, not the RNG.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let pairs: Vec<(NaiveDate, NaiveDate)> = (0..1_000_000)
        .map(|_| {
            (
                date_in_range(next() % RANGE_DAYS),
                date_in_range(next() % RANGE_DAYS),
            )
        })
        .collect();
    let t = Instant::now();
    let sum: i64 = pairs.iter().map(|&(a, b)| cal.workdays_between(a, b)).sum();
    let between = t.elapsed();
    let t = Instant::now();
    let last = pairs
        .iter()
        .enumerate()
        .map(|(i, &(a, _))| cal.add_workdays(a, (i % 800) as i64 - 400))
        .max();
    let add = t.elapsed();
    println!("1e6 workdays_between: {between:?} (checksum {sum})");
    println!("1e6 add_workdays: {add:?} (max {last:?})");
}
