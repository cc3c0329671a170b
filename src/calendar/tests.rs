//! Unit tests of the calendar against its own data and a day-by-day reference.

use super::*;
use chrono::Weekday;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Working day by the schedule entries and the week alone, bypassing the prefix sums.
fn slow_is_workday(cal: &Calendar, d: NaiveDate) -> bool {
    matches!(
        cal.day_kind(d),
        DayKind::Workday | DayKind::MakeupWorkday(_)
    )
}

fn slow_between(cal: &Calendar, a: NaiveDate, b: NaiveDate) -> i64 {
    let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
    let n = lo
        .iter_days()
        .skip(1)
        .take_while(|d| *d <= hi)
        .filter(|d| slow_is_workday(cal, *d))
        .count() as i64;
    sign * n
}

#[test]
fn every_listed_day_behaves_as_listed() {
    let cal = Calendar::embedded();
    let mut makeup = 0;
    for year in cal.years().collect::<Vec<_>>() {
        for day in &cal.schedule(year).unwrap().days {
            assert_eq!(cal.holiday_name(day.date), Some(day.name.as_str()));
            if day.off {
                assert!(
                    !cal.is_workday(day.date),
                    "{} should be a rest day",
                    day.date
                );
                assert_eq!(cal.day_kind(day.date), DayKind::Holiday(day.name.clone()));
            } else {
                makeup += 1;
                assert!(cal.is_workday(day.date), "{} should be a workday", day.date);
                assert!(matches!(day.date.weekday(), Weekday::Sat | Weekday::Sun));
                assert_eq!(
                    cal.day_kind(day.date),
                    DayKind::MakeupWorkday(day.name.clone())
                );
            }
        }
    }
    assert!(makeup > 100, "only {makeup} make-up days");
}

#[test]
fn fast_is_workday_matches_day_kind_across_window_edges() {
    let cal = Calendar::embedded();
    for (from, to) in [
        (ymd(1989, 12, 1), ymd(1990, 2, 1)),
        (ymd(2006, 12, 1), ymd(2027, 2, 1)),
        (ymd(2100, 12, 1), ymd(2101, 2, 1)),
    ] {
        for d in from.iter_days().take_while(|d| *d <= to) {
            assert_eq!(cal.is_workday(d), slow_is_workday(&cal, d), "{d}");
        }
    }
}

#[test]
fn between_matches_loop_across_window_edges() {
    let cal = Calendar::embedded();
    let points = [
        ymd(1985, 6, 3),
        ymd(1989, 12, 30),
        ymd(1990, 1, 1),
        ymd(1990, 1, 6),
        ymd(2024, 2, 9),
        ymd(2100, 12, 30),
        ymd(2100, 12, 31),
        ymd(2101, 1, 1),
        ymd(2103, 3, 4),
    ];
    for a in points {
        for b in points {
            assert_eq!(
                cal.workdays_between(a, b),
                slow_between(&cal, a, b),
                "{a} → {b}"
            );
        }
    }
}

#[test]
fn add_crosses_window_edges_both_ways() {
    let cal = Calendar::embedded();
    for start in [ymd(1989, 12, 20), ymd(2100, 12, 20), ymd(1800, 3, 1)] {
        for n in [-30, -7, -1, 0, 1, 5, 30] {
            let t = cal.add_workdays(start, n);
            if n != 0 {
                assert!(cal.is_workday(t), "{start} {n} → {t}");
            }
            let expect = if cal.is_workday(start) || n >= 0 {
                n
            } else {
                n + 1
            };
            assert_eq!(cal.workdays_between(start, t), expect, "{start} {n} → {t}");
        }
    }
}

#[test]
fn weekend_start_counts_from_the_next_working_day() {
    let cal = Calendar::embedded();
    // Saturday 2024-03-09: +1 is Monday, −1 is Friday.
    assert_eq!(cal.add_workdays(ymd(2024, 3, 9), 1), ymd(2024, 3, 11));
    assert_eq!(cal.add_workdays(ymd(2024, 3, 9), -1), ymd(2024, 3, 8));
    assert_eq!(cal.add_workdays(ymd(2024, 3, 9), 0), ymd(2024, 3, 9));
}

#[test]
fn absurd_counts_saturate() {
    let cal = Calendar::embedded();
    assert_eq!(cal.add_workdays(ymd(2024, 1, 1), i64::MAX), NaiveDate::MAX);
    assert_eq!(cal.add_workdays(ymd(2024, 1, 1), i64::MIN), NaiveDate::MIN);
    let far = cal.workdays_between(NaiveDate::MIN, NaiveDate::MAX);
    assert!(far > 0);
    assert_eq!(cal.workdays_between(NaiveDate::MAX, NaiveDate::MIN), -far);
}

#[test]
fn with_year_overrides_and_rebuilds() {
    let base = Calendar::embedded();
    let extra = YearSchedule::parse(
        r#"{"year": 2026, "papers": [], "days": [
            {"name": "测试假", "date": "2026-03-02", "isOffDay": true},
            {"name": "测试假", "date": "2026-03-07", "isOffDay": false}]}"#,
        "test",
    )
    .unwrap();
    let cal = base.clone().with_year(extra);
    // The replaced year's old entries are gone, the new ones count.
    assert!(cal.is_workday(ymd(2026, 2, 17)));
    assert!(!cal.is_workday(ymd(2026, 3, 2)));
    assert!(cal.is_workday(ymd(2026, 3, 7)));
    assert_eq!(cal.holiday_name(ymd(2026, 3, 2)), Some("测试假"));
    assert_eq!(cal.add_workdays(ymd(2026, 2, 27), 1), ymd(2026, 3, 3));
    // The original is untouched.
    assert!(!base.is_workday(ymd(2026, 2, 17)));
    assert!(base.is_workday(ymd(2026, 3, 2)));
}

#[test]
fn later_notice_wins_a_shared_date() {
    let y = |year: i32, off: bool| {
        YearSchedule::parse(
            &format!(
                r#"{{"year": {year}, "papers": [], "days": [
                {{"name": "n{year}", "date": "2030-12-28", "isOffDay": {off}}}]}}"#
            ),
            "t",
        )
        .unwrap()
    };
    let cal = Calendar::from_schedules([y(2031, true), y(2030, false)]);
    assert_eq!(cal.holiday_name(ymd(2030, 12, 28)), Some("n2031"));
    assert!(!cal.is_workday(ymd(2030, 12, 28)));
}

#[test]
fn missing_years_and_weekends_only() {
    let cal = Calendar::embedded();
    assert_eq!(
        cal.missing_years(ymd(2026, 12, 1), ymd(2028, 1, 5)),
        vec![2027, 2028]
    );
    assert_eq!(
        cal.missing_years(ymd(2028, 1, 5), ymd(2026, 12, 1)),
        vec![2027, 2028]
    );
    assert!(
        cal.missing_years(ymd(2010, 1, 1), ymd(2026, 12, 31))
            .is_empty()
    );
    // 2027 has its statutory days and nothing of the notice to come: 10-01..10-03 rest,
    // Monday 10-04 (a rest day in every notice so far) still a workday.
    assert_eq!(
        cal.day_kind(ymd(2027, 10, 1)),
        DayKind::Holiday("国庆节".into())
    );
    assert_eq!(cal.day_kind(ymd(2027, 10, 4)), DayKind::Workday);
    assert!(!cal.is_workday(ymd(2027, 1, 1)));
    assert_eq!(cal.basis(2027), YearBasis::Statutory);
    assert_eq!(cal.basis(2026), YearBasis::Official);
    assert_eq!(cal.basis(2001), YearBasis::WeekendsOnly);
    assert_eq!(
        cal.provisional_years(ymd(2026, 12, 28), ymd(2027, 1, 6)),
        vec![2027]
    );
    // Before the data begins is history, not a notice to wait for.
    assert!(
        cal.provisional_years(ymd(2001, 1, 1), ymd(2001, 2, 1))
            .is_empty()
    );
    // The 加急 paper of issue 13: received 2026-12-28, 7 working days, across 元旦 2027.
    assert_eq!(cal.add_workdays(ymd(2026, 12, 28), 7), ymd(2027, 1, 7));
    let none = Calendar::default();
    assert!(
        none.provisional_years(ymd(2027, 1, 1), ymd(2027, 2, 1))
            .is_empty()
    );
    assert!(none.is_workday(ymd(2027, 1, 1)));
    assert_eq!(none.years().count(), 0);
    assert!(none.is_workday(ymd(2024, 10, 1)));
}

#[test]
fn an_imported_notice_replaces_the_statutory_year() {
    let cal = Calendar::embedded();
    // A 2027 notice joining 元旦 to the weekend and adding a make-up day.
    let notice = YearSchedule {
        year: 2027,
        papers: vec!["test".into()],
        days: vec![
            ScheduleDay {
                name: "元旦".into(),
                date: ymd(2027, 1, 1),
                off: true,
            },
            ScheduleDay {
                name: "元旦".into(),
                date: ymd(2027, 1, 2),
                off: true,
            },
            ScheduleDay {
                name: "元旦".into(),
                date: ymd(2027, 1, 3),
                off: true,
            },
        ],
    };
    let with = cal.clone().with_year(notice);
    assert_eq!(with.basis(2027), YearBasis::Official);
    assert!(
        with.provisional_years(ymd(2027, 1, 1), ymd(2027, 3, 1))
            .is_empty()
    );
    // The notice is the whole word on its year: no statutory 春节 is kept beside it.
    assert!(with.is_workday(ymd(2027, 2, 8)));
    assert!(!cal.is_workday(ymd(2027, 2, 8)));
    // 2028 keeps its statutory days.
    assert_eq!(with.basis(2028), YearBasis::Statutory);
}

#[test]
fn calendar_is_cheap_to_share() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Calendar>();
    let a = Calendar::embedded();
    let b = Calendar::embedded();
    assert!(Arc::ptr_eq(&a.inner, &b.inner));
    assert!(format!("{a:?}").contains("2026"));
}

#[test]
fn a_few_working_days_walked_give_what_the_window_counts() {
    let cal = Calendar::embedded();
    let mut d = NaiveDate::from_ymd_opt(2024, 12, 1).unwrap();
    while d < NaiveDate::from_ymd_opt(2027, 2, 1).unwrap() {
        for n in -WALK..=WALK {
            assert_eq!(
                cal.walk_workdays(d, n),
                cal.count_workdays(d, n),
                "{d} {n:+}"
            );
        }
        d = d.succ_opt().unwrap();
    }
}

/// The days listed year by year, on first use, are the days of every notice merged at
/// once: statutory days first, then the notices in ascending years, the later one winning.
#[test]
fn days_merged_year_by_year_are_every_notice_merged_at_once() {
    let cal = Calendar::embedded();
    let mut reference: HashMap<NaiveDate, (String, bool)> = HashMap::new();
    for y in statutory::STATUTORY_FROM..=statutory::STATUTORY_TO {
        if !cal.has_schedule(y) {
            for d in statutory::days(y) {
                reference.insert(d.date, (d.name, true));
            }
        }
    }
    for y in cal.years().collect::<Vec<_>>() {
        for d in &cal.schedule(y).unwrap().days {
            reference.insert(d.date, (d.name.clone(), d.off));
        }
    }
    // Looked at in an order that builds years out of turn, then through the window.
    let mut days: Vec<NaiveDate> = ymd(1990, 1, 1)
        .iter_days()
        .take_while(|d| d.year() <= 2100)
        .collect();
    days.sort_by_key(|d| (d.ordinal(), d.year()));
    for d in days {
        let expected = match reference.get(&d) {
            Some((name, true)) => DayKind::Holiday(name.clone()),
            Some((name, false)) => DayKind::MakeupWorkday(name.clone()),
            None if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) => DayKind::Weekend,
            None => DayKind::Workday,
        };
        assert_eq!(cal.day_kind(d), expected, "{d}");
        assert_eq!(cal.is_workday(d), slow_is_workday(&cal, d), "{d}");
    }
    assert_eq!(cal.years().count(), embedded::FILES.len());
    let (a, b) = (ymd(2006, 12, 1), ymd(2028, 1, 31));
    assert_eq!(cal.workdays_between(a, b), slow_between(&cal, a, b));
}
