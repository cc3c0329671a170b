//! Working-day arithmetic in O(1) / O(log n).
//!
//! Dates are handled as day numbers (chrono's days from the common era: 0001-01-01 is day 1,
//! a Monday). Everything rests on one monotone function, `cum(x)`: the number of working
//! days in `[WINDOW_START, x]`, continued below and above the window by counting plain
//! weekdays, so that for any `a ≤ b`, `cum(b) − cum(a)` is the number of working days in
//! `(a, b]`. Inside the window `cum` is a table lookup (a prefix sum built once per
//! calendar); outside it no schedule can exist (see `schedule::FIRST_YEAR`), so a closed
//! formula over the seven-day week is exact.

use chrono::{Datelike, NaiveDate};

/// A day number: chrono's days from the common era, widened so arithmetic never overflows.
pub(super) type DayNum = i64;

/// The first and last year of the precomputed window.
pub(super) const FIRST_YEAR: i32 = 1990;
pub(super) const LAST_YEAR: i32 = 2100;

/// First day of the precomputed window.
pub(super) const WINDOW_START: NaiveDate = match NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1) {
    Some(d) => d,
    None => panic!("bad window start"), // evaluated at compile time
};
/// Last day of the precomputed window.
pub(super) const WINDOW_END: NaiveDate = match NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31) {
    Some(d) => d,
    None => panic!("bad window end"), // evaluated at compile time
};

pub(super) fn day_num(d: NaiveDate) -> DayNum {
    DayNum::from(d.num_days_from_ce())
}

/// The date of a day number, saturating at chrono's earliest and latest dates: a result
/// past the representable range can only come from an absurd count of days.
pub(super) fn date_of(x: DayNum) -> NaiveDate {
    let clamped = i32::try_from(x).unwrap_or(if x < 0 { i32::MIN } else { i32::MAX });
    NaiveDate::from_num_days_from_ce_opt(clamped).unwrap_or(if x < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// Whether a day number is Monday–Friday (day 1 is a Monday).
pub(super) fn is_weekday(x: DayNum) -> bool {
    (x - 1).rem_euclid(7) < 5
}

/// Weekdays in `[1, x]` for `x ≥ 1`, extended to all `x` so that
/// `weekdays_upto(b) − weekdays_upto(a)` counts the weekdays in `(a, b]`.
fn weekdays_upto(x: DayNum) -> i64 {
    5 * x.div_euclid(7) + x.rem_euclid(7).min(5)
}

/// The smallest `x` with `weekdays_upto(x) ≥ m`: the m-th weekday counted from day 1.
fn first_weekday_reaching(m: i64) -> DayNum {
    let (q, r) = ((m - 1).div_euclid(5), (m - 1).rem_euclid(5));
    1 + 7 * q + r
}

/// The prefix sums over the window.
pub(super) struct Window {
    start: DayNum,
    /// `prefix[i]` = working days in `[start, start + i)`; `prefix.len()` = days + 1.
    prefix: Vec<u32>,
}

impl Window {
    /// Builds the window; `is_workday` is asked once for every day in it.
    pub(super) fn build(is_workday: impl Fn(DayNum) -> bool) -> Window {
        let (start, end) = (day_num(WINDOW_START), day_num(WINDOW_END));
        let mut prefix = Vec::with_capacity((end - start + 2) as usize);
        let mut total = 0u32;
        prefix.push(total);
        for x in start..=end {
            total += u32::from(is_workday(x));
            prefix.push(total);
        }
        Window { start, prefix }
    }

    fn len(&self) -> i64 {
        (self.prefix.len() - 1) as i64
    }

    fn end(&self) -> DayNum {
        self.start + self.len() - 1
    }

    fn total(&self) -> i64 {
        i64::from(self.prefix[self.prefix.len() - 1])
    }

    /// Whether `x` is a working day, if it lies in the window.
    pub(super) fn is_workday(&self, x: DayNum) -> Option<bool> {
        let i = usize::try_from(x - self.start).ok()?;
        let (lo, hi) = (self.prefix.get(i)?, self.prefix.get(i + 1)?);
        Some(hi > lo)
    }

    /// Working days in `[start, x]`, continued outside the window by weekdays.
    pub(super) fn cum(&self, x: DayNum) -> i64 {
        if x < self.start {
            weekdays_upto(x) - weekdays_upto(self.start - 1)
        } else if x <= self.end() {
            i64::from(self.prefix[(x - self.start + 1) as usize])
        } else {
            self.total() + weekdays_upto(x) - weekdays_upto(self.end())
        }
    }

    /// The smallest `x` with `cum(x) ≥ k`; it is always a working day.
    pub(super) fn first_reaching(&self, k: i64) -> DayNum {
        if k <= 0 {
            first_weekday_reaching(k + weekdays_upto(self.start - 1))
        } else if k <= self.total() {
            // prefix[0] = 0 < k ≤ prefix[len], so the point is in 1..=len.
            let i = self.prefix.partition_point(|&p| i64::from(p) < k) as i64;
            self.start + i - 1
        } else {
            first_weekday_reaching(k - self.total() + weekdays_upto(self.end()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    #[test]
    fn day_one_is_monday() {
        let d = date_of(1);
        assert_eq!(d, NaiveDate::from_ymd_opt(1, 1, 1).unwrap());
        assert_eq!(d.weekday(), Weekday::Mon);
        for x in -20..20 {
            let wd = date_of(x).weekday();
            assert_eq!(
                is_weekday(x),
                !matches!(wd, Weekday::Sat | Weekday::Sun),
                "{x}"
            );
        }
    }

    #[test]
    fn weekday_formulas_match_counting() {
        for a in -30i64..30 {
            for b in a..a + 30 {
                let naive = (a + 1..=b).filter(|&x| is_weekday(x)).count() as i64;
                assert_eq!(weekdays_upto(b) - weekdays_upto(a), naive, "({a}, {b}]");
            }
        }
        for m in -20..20 {
            let x = first_weekday_reaching(m);
            assert!(weekdays_upto(x) >= m && weekdays_upto(x - 1) < m, "m={m}");
            assert!(is_weekday(x));
        }
    }

    #[test]
    fn date_of_saturates() {
        assert_eq!(date_of(i64::MAX), NaiveDate::MAX);
        assert_eq!(date_of(i64::MIN), NaiveDate::MIN);
    }
}
