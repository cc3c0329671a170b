//! The period a report covers: a month (`2026-11`), a quarter (`2026Q4`), a year (`2026`)
//! or a custom span (`2026-03-01..2026-05-31`), with both ends inclusive.

use crate::error::{Error, Result};
use crate::i18n::Lang;
use chrono::{Datelike, Months, NaiveDate};

/// The kind of period, which `[` and `]` on the board step by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
    Custom,
}

impl PeriodKind {
    /// The next kind the board's `p` key offers (a custom span is only typed).
    pub fn next(self) -> PeriodKind {
        match self {
            PeriodKind::Month => PeriodKind::Quarter,
            PeriodKind::Quarter => PeriodKind::Year,
            PeriodKind::Year | PeriodKind::Custom => PeriodKind::Month,
        }
    }
}

/// A reporting period, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    /// The period of `kind` that contains `day` (a custom kind gives the month).
    pub fn containing(kind: PeriodKind, day: NaiveDate) -> Period {
        let y = day.year();
        let (kind, start, months) = match kind {
            PeriodKind::Year => (kind, first(y, 1), 12),
            PeriodKind::Quarter => (kind, first(y, (day.month0() / 3) * 3 + 1), 3),
            PeriodKind::Month | PeriodKind::Custom => (PeriodKind::Month, first(y, day.month()), 1),
        };
        Period {
            kind,
            start,
            end: last_day(start, months),
        }
    }

    /// Parses `2026-11`, `2026Q4` (or `2026-Q4`), `2026`, or `FROM..TO` (two dates).
    pub fn parse(s: &str) -> Result<Period> {
        let t = s.trim();
        let bad = || {
            Error::bad_input(
                "period",
                format!("'{s}' is not a period: 2026-11, 2026Q4, 2026 or 2026-01-05..2026-03-31"),
            )
        };
        if let Some((a, b)) = t.split_once("..") {
            let day = |x: &str| NaiveDate::parse_from_str(x.trim(), "%Y-%m-%d").map_err(|_| bad());
            let (start, end) = (day(a)?, day(b)?);
            if end < start {
                return Err(bad());
            }
            return Ok(Period {
                kind: PeriodKind::Custom,
                start,
                end,
            });
        }
        let year = |x: &str| {
            x.parse::<i32>()
                .ok()
                .filter(|y| (1990..=2100).contains(y) && x.len() == 4)
                .ok_or_else(bad)
        };
        let upper = t.to_ascii_uppercase();
        if let Some((y, q)) = upper.split_once('Q') {
            let y = year(y.trim_end_matches('-'))?;
            let q: u32 = q
                .parse()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .ok_or_else(bad)?;
            return Ok(Period::containing(PeriodKind::Quarter, first(y, q * 3 - 2)));
        }
        if let Some((y, m)) = t.split_once('-') {
            let y = year(y)?;
            let m: u32 = m
                .parse()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(bad)?;
            return Ok(Period::containing(PeriodKind::Month, first(y, m)));
        }
        Ok(Period::containing(PeriodKind::Year, first(year(t)?, 1)))
    }

    /// The period of the same kind `n` steps later (earlier for negative `n`); a custom
    /// span moves by its own length.
    pub fn shift(self, n: i32) -> Period {
        match self.kind {
            PeriodKind::Custom => {
                let len = (self.end - self.start).num_days() + 1;
                let by = chrono::Duration::days(len * i64::from(n));
                Period {
                    start: self.start + by,
                    end: self.end + by,
                    ..self
                }
            }
            kind => {
                let months = match kind {
                    PeriodKind::Year => 12,
                    PeriodKind::Quarter => 3,
                    _ => 1,
                } * n;
                let start = if months >= 0 {
                    self.start
                        .checked_add_months(Months::new(months.unsigned_abs()))
                } else {
                    self.start
                        .checked_sub_months(Months::new(months.unsigned_abs()))
                };
                Period::containing(kind, start.unwrap_or(self.start))
            }
        }
    }

    /// The last day the figures look at: the period's end, or today while it runs.
    pub fn as_of(&self, today: NaiveDate) -> NaiveDate {
        self.end.min(today).max(self.start)
    }

    /// "2026年11月" / "November 2026", "2026年第四季度" / "2026 Q4", "2026年度" / "2026".
    pub fn label(&self, l: Lang) -> String {
        let y = self.start.year();
        match (self.kind, l) {
            (PeriodKind::Month, Lang::Zh) => format!("{y}年{}月", self.start.month()),
            (PeriodKind::Month, Lang::En) => self.start.format("%B %Y").to_string(),
            (PeriodKind::Quarter, Lang::Zh) => {
                let q = ["一", "二", "三", "四"][(self.start.month0() / 3) as usize];
                format!("{y}年第{q}季度")
            }
            (PeriodKind::Quarter, Lang::En) => format!("{y} Q{}", self.start.month0() / 3 + 1),
            (PeriodKind::Year, Lang::Zh) => format!("{y}年度"),
            (PeriodKind::Year, Lang::En) => format!("{y}"),
            (PeriodKind::Custom, Lang::Zh) => format!("{}至{}", self.start, self.end),
            (PeriodKind::Custom, Lang::En) => format!("{} to {}", self.start, self.end),
        }
    }

    /// The period as `--period` takes it (`2026-11`, `2026Q4`, `2026`, `A..B`).
    pub fn key(&self) -> String {
        match self.kind {
            PeriodKind::Month => self.start.format("%Y-%m").to_string(),
            PeriodKind::Quarter => {
                format!("{}Q{}", self.start.year(), self.start.month0() / 3 + 1)
            }
            PeriodKind::Year => self.start.year().to_string(),
            PeriodKind::Custom => format!("{}..{}", self.start, self.end),
        }
    }
}

fn first(y: i32, m: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN)
}

fn last_day(start: NaiveDate, months: u32) -> NaiveDate {
    start
        .checked_add_months(Months::new(months))
        .and_then(|d| d.pred_opt())
        .unwrap_or(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn parses_the_four_shapes() {
        let m = Period::parse("2026-11").unwrap();
        assert_eq!((m.start, m.end), (d("2026-11-01"), d("2026-11-30")));
        let q = Period::parse("2026Q4").unwrap();
        assert_eq!((q.start, q.end), (d("2026-10-01"), d("2026-12-31")));
        assert_eq!(Period::parse("2026-q1").unwrap().end, d("2026-03-31"));
        let y = Period::parse("2026").unwrap();
        assert_eq!(
            (y.start, y.end, y.kind),
            (d("2026-01-01"), d("2026-12-31"), PeriodKind::Year)
        );
        let c = Period::parse("2026-02-10..2026-03-05").unwrap();
        assert_eq!(
            (c.start, c.end, c.kind),
            (d("2026-02-10"), d("2026-03-05"), PeriodKind::Custom)
        );
        for bad in ["2026-13", "2026Q5", "26", "2026-03-05..2026-02-10", "", "x"] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn shifts_and_labels() {
        let m = Period::parse("2026-01").unwrap().shift(-1);
        assert_eq!(m.key(), "2025-12");
        assert_eq!(Period::parse("2026Q4").unwrap().shift(1).key(), "2027Q1");
        assert_eq!(
            Period::parse("2026Q4").unwrap().label(Lang::Zh),
            "2026年第四季度"
        );
        assert_eq!(m.label(Lang::En), "December 2025");
        let c = Period::parse("2026-02-10..2026-02-19").unwrap().shift(1);
        assert_eq!((c.start, c.end), (d("2026-02-20"), d("2026-03-01")));
        assert_eq!(
            Period::parse("2026-11").unwrap().as_of(d("2026-11-20")),
            d("2026-11-20")
        );
    }
}
