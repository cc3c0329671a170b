//! The statutory holidays of a year with no official schedule yet, computed from
//! 《全国年节及纪念日放假办法》 as revised in 2024 (in force from 2025): 元旦 1 day, 春节 4 days
//! (除夕 to 正月初三), 清明节 1 day (the day of the 清明 solar term), 劳动节 2 days (5-1, 5-2),
//! 端午节 1 day (五月初五), 中秋节 1 day (八月十五), 国庆节 3 days (10-1 to 10-3).
//!
//! These days are certain in advance; what is not is the State Council's yearly notice that
//! joins them to weekends and moves working days (调休). A year counted with these days only
//! is therefore *provisional*: deadlines across it are marked so until the notice is
//! imported. The lunar dates and the solar term come from the `tyme4rs` crate (the
//! 寿星天文历 algorithms, Beijing time).

use super::lunar_dates::DATES;
use super::schedule::ScheduleDay;
use chrono::NaiveDate;

/// The first year the 2024 revision governs (国务院令第795号, in force 2025-01-01).
pub const STATUTORY_FROM: i32 = 2025;
/// The last year computed: the end of the calendar's precomputed window.
pub const STATUTORY_TO: i32 = 2100;

/// Where the computed days come from, as a schedule's `papers` entry.
pub const SOURCE: &str = "《全国年节及纪念日放假办法》（2024年修订）第二条：法定节假日";

/// The statutory rest days of `year`, in date order. A day two holidays share (中秋 on
/// 10-1..10-3) is listed once under both names, "国庆节、中秋节" as the notices write it; how
/// the lost day is made
/// up is the notice's business, so it is not guessed. Empty outside
/// [`STATUTORY_FROM`]..=[`STATUTORY_TO`].
///
/// The festivals' dates come from a table computed in advance ([`super::lunar_dates`]):
/// the lunar arithmetic for every year to 2100 was most of each command's start-up. A
/// test recomputes the table with `tyme4rs` (the 寿星天文历 algorithms, Beijing time).
pub fn days(year: i32) -> Vec<ScheduleDay> {
    if !(STATUTORY_FROM..=STATUTORY_TO).contains(&year) {
        return Vec::new();
    }
    let Some((_, festivals)) = DATES.iter().find(|(y, _)| *y == year) else {
        return Vec::new();
    };
    let [new_year, qingming, duanwu, mid_autumn] =
        festivals.map(|(m, d)| NaiveDate::from_ymd_opt(year, m, d));
    assemble(year, [new_year, qingming, duanwu, mid_autumn])
}

/// The rest days of `year` from its festivals' dates: 正月初一, 清明, 五月初五, 八月十五.
fn assemble(year: i32, festivals: [Option<NaiveDate>; 4]) -> Vec<ScheduleDay> {
    let [new_year, qingming, duanwu, mid_autumn] = festivals;
    let mut named: Vec<(NaiveDate, &str)> = Vec::with_capacity(13);
    let mut push = |d: Option<NaiveDate>, name| {
        if let Some(d) = d {
            named.push((d, name));
        }
    };
    push(NaiveDate::from_ymd_opt(year, 1, 1), "元旦");
    if let Some(new_year) = new_year {
        // 除夕 is the day before 正月初一, whatever the length of the twelfth month.
        for offset in -1..=2 {
            push(
                new_year.checked_add_signed(chrono::Duration::days(offset)),
                "春节",
            );
        }
    }
    push(qingming, "清明节");
    push(NaiveDate::from_ymd_opt(year, 5, 1), "劳动节");
    push(NaiveDate::from_ymd_opt(year, 5, 2), "劳动节");
    push(duanwu, "端午节");
    push(mid_autumn, "中秋节");
    for day in 1..=3 {
        push(NaiveDate::from_ymd_opt(year, 10, day), "国庆节");
    }
    named.sort_by_key(|(d, _)| *d);
    let mut out: Vec<ScheduleDay> = Vec::with_capacity(named.len());
    for (date, name) in named {
        match out.last_mut() {
            Some(last) if last.date == date => {
                // The later-listed festival first: "国庆节、中秋节", as the notices write it.
                last.name = format!("{name}、{}", last.name);
            }
            _ => out.push(ScheduleDay {
                name: name.to_string(),
                date,
                off: true,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::YearSchedule;
    use crate::calendar::embedded;
    use chrono::Datelike;
    use tyme4rs::tyme::lunar::LunarDay;
    use tyme4rs::tyme::solar::{SolarDay, SolarTerm};

    /// The Gregorian date of a (non-leap) lunar month and day of lunar year `year`.
    fn lunar(year: i32, month: isize, day: usize) -> Option<NaiveDate> {
        let d = LunarDay::new(year as isize, month, day).ok()?;
        solar(&d.get_solar_day())
    }

    /// The day (Beijing time) on which the sun reaches 15° longitude: the 清明 solar term.
    fn qingming(year: i32) -> Option<NaiveDate> {
        let term = SolarTerm::new(year as isize, "清明").ok()?;
        let d = term.get_julian_day().get_solar_day();
        solar(&d)
    }

    fn solar(d: &SolarDay) -> Option<NaiveDate> {
        let y = i32::try_from(d.get_year()).ok()?;
        let m = u32::try_from(d.get_month()).ok()?;
        let day = u32::try_from(d.get_day()).ok()?;
        NaiveDate::from_ymd_opt(y, m, day)
    }

    /// The table of festival dates is the lunar arithmetic's, year by year; on a
    /// difference it prints the table to paste into `lunar_dates.rs`.
    #[test]
    fn the_festival_table_is_the_lunar_arithmetic() {
        let computed: Vec<(i32, [(u32, u32); 4])> = (STATUTORY_FROM..=STATUTORY_TO)
            .map(|y| {
                let md = |d: Option<NaiveDate>| d.map_or((0, 0), |d| (d.month(), d.day()));
                let f = [lunar(y, 1, 1), qingming(y), lunar(y, 5, 5), lunar(y, 8, 15)];
                (y, f.map(md))
            })
            .collect();
        if computed != DATES {
            let rows: String = computed
                .iter()
                .map(|(y, f)| format!("    ({y}, {f:?}),\n"))
                .collect();
            panic!("the table differs from the computation; it should read:\n{rows}");
        }
        for y in STATUTORY_FROM..=STATUTORY_TO {
            let f = [lunar(y, 1, 1), qingming(y), lunar(y, 5, 5), lunar(y, 8, 15)];
            assert_eq!(days(y), assemble(y, f), "{y}");
        }
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn published(year: i32) -> YearSchedule {
        let (_, text) = embedded::FILES
            .iter()
            .find(|(n, _)| *n == format!("{year}.json"))
            .unwrap();
        YearSchedule::parse(text, "published").unwrap()
    }

    /// The statutory days of 2025 and 2026 are rest days of the published notices, under
    /// the same holiday, and the notices' rest days on each festival's own date are ours.
    #[test]
    fn statutory_days_agree_with_the_published_2025_and_2026() {
        for year in [2025, 2026] {
            let computed = days(year);
            assert_eq!(computed.len(), 13, "{year}: {computed:?}");
            let notice = published(year);
            for day in &computed {
                let listed = notice
                    .days
                    .iter()
                    .find(|d| d.date == day.date)
                    .unwrap_or_else(|| panic!("{year}: {} not in the notice", day.date));
                assert!(
                    listed.off,
                    "{year}: {} is a workday in the notice",
                    day.date
                );
                for part in day.name.split('、') {
                    assert!(
                        listed.name.contains(part),
                        "{year}: {} is {} in the notice, {} here",
                        day.date,
                        listed.name,
                        day.name
                    );
                }
            }
        }
    }

    #[test]
    fn known_dates_2025_2026_2027() {
        let dates = |y| days(y).into_iter().map(|d| d.date).collect::<Vec<_>>();
        let d25 = dates(2025);
        for d in [
            ymd(2025, 1, 28), // 除夕
            ymd(2025, 1, 31), // 初三
            ymd(2025, 4, 4),
            ymd(2025, 5, 31),
            ymd(2025, 10, 6),
        ] {
            assert!(d25.contains(&d), "{d}");
        }
        let d26 = dates(2026);
        for d in [
            ymd(2026, 2, 16),
            ymd(2026, 2, 19),
            ymd(2026, 4, 5),
            ymd(2026, 6, 19),
            ymd(2026, 9, 25),
        ] {
            assert!(d26.contains(&d), "{d}");
        }
        // 2027: 春节 on 02-06 (除夕 02-05), 清明 04-05, 端午 06-09, 中秋 09-15.
        let d27 = dates(2027);
        for d in [
            ymd(2027, 1, 1),
            ymd(2027, 2, 5),
            ymd(2027, 2, 8),
            ymd(2027, 4, 5),
            ymd(2027, 5, 2),
            ymd(2027, 6, 9),
            ymd(2027, 9, 15),
            ymd(2027, 10, 3),
        ] {
            assert!(d27.contains(&d), "{d}");
        }
    }

    /// The festivals' own dates match every published notice since they became holidays
    /// (2008): a check of the lunar and solar-term arithmetic over nineteen years.
    #[test]
    fn festival_dates_match_every_published_year_since_2008() {
        for year in 2008..=2026 {
            let notice = published(year);
            let off = |d: NaiveDate| notice.days.iter().any(|x| x.date == d && x.off);
            for (d, what) in [
                (lunar(year, 1, 1).unwrap(), "正月初一"),
                (qingming(year).unwrap(), "清明"),
                (lunar(year, 5, 5).unwrap(), "端午"),
                (lunar(year, 8, 15).unwrap(), "中秋"),
            ] {
                assert!(off(d), "{year}: {what} {d} is not a rest day of the notice");
            }
        }
    }

    #[test]
    fn shared_day_named_once_under_both() {
        // 2028: 中秋 falls on 10-03.
        let d = days(2028);
        let shared = d.iter().find(|x| x.date == ymd(2028, 10, 3)).unwrap();
        assert_eq!(shared.name, "国庆节、中秋节");
        assert_eq!(d.len(), 12);
    }

    #[test]
    fn outside_the_revision_nothing_is_computed() {
        assert!(days(2024).is_empty());
        assert!(days(2101).is_empty());
        assert_eq!(days(2100).len(), 13);
    }
}
