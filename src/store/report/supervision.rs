//! The supervision figures of a period, by lead department, 分管 leader or source.
//!
//! - received: assigned in the period; closed: closed out (销号) in it, on time when on or
//!   before the deadline in force (extensions granted count); open: open at the end of the
//!   period (or today while it runs); overdue: of those, past their deadline.
//! - on-time rate (按期办结率) = closed on time ÷ (closed + still overdue): an item late and
//!   still open weighs against its department until it is closed.
//! - days late: working days on the official calendar from the deadline to the close (or
//!   to the period's end for an item still overdue), `workdays_between(deadline, day)`.
//! - extensions, urges (催办/督办通知) and 回头看 re-checks recorded in the period; a
//!   re-check failed when the item was reopened after it (open now, or closed again later).

use super::lights::{LightRule, Lights};
use super::stats::{mean, p90};
use super::{GroupBy, Names, Period, Row, WEEKS, bounds, day};
use crate::domain::Env;
use crate::error::{DbContext, Result};
use chrono::NaiveDate;
use rusqlite::{Connection, named_params};
use serde::Serialize;
use std::collections::HashMap;

/// The figures of one row (or of the whole district).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SupFigures {
    pub received: u64,
    pub closed: u64,
    pub on_time: u64,
    pub open: u64,
    pub overdue: u64,
    /// Closed on time ÷ (closed + overdue), in per cent; None when nothing was due.
    pub rate: Option<f64>,
    pub late_mean: Option<f64>,
    pub late_p90: Option<i64>,
    pub extensions: u64,
    pub urges: u64,
    pub recheck_done: u64,
    pub recheck_failed: u64,
    pub lights: Lights,
}

impl SupFigures {
    /// Items that had to be finished: closed in the period, or still overdue at its end.
    pub fn due(&self) -> u64 {
        self.closed + self.overdue
    }
    /// Closed after the deadline.
    pub fn closed_late(&self) -> u64 {
        self.closed - self.on_time
    }
    fn is_empty(&self) -> bool {
        self.received + self.closed + self.open + self.extensions + self.urges + self.recheck_done
            == 0
    }
}

/// A row's running totals, with the lateness samples kept until the end.
#[derive(Default)]
struct Acc {
    f: SupFigures,
    late: Vec<i64>,
}

impl Acc {
    fn finish(mut self) -> SupFigures {
        self.f.rate =
            (self.f.due() > 0).then(|| self.f.on_time as f64 * 100.0 / self.f.due() as f64);
        self.f.late_mean = mean(&self.late);
        self.f.late_p90 = p90(&mut self.late);
        self.f
    }
}

/// What a row is keyed by: a department's or leader's id, or a source's name.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    Id(Option<i64>),
    Name(String),
}

struct Groups<'a> {
    by: GroupBy,
    names: &'a Names,
    rows: HashMap<Key, Acc>,
    total: Acc,
}

impl Groups<'_> {
    fn key(&self, dept: i64, source: &str) -> Key {
        match self.by {
            GroupBy::Dept => Key::Id(Some(dept)),
            GroupBy::Leader => Key::Id(self.names.leader_of.get(&dept).copied()),
            GroupBy::Source => Key::Name(source.to_string()),
        }
    }
    /// Applies `f` to the row of (dept, source) and to the total.
    fn add(&mut self, dept: i64, source: &str, f: impl Fn(&mut Acc)) {
        let k = self.key(dept, source);
        f(self.rows.entry(k).or_default());
        f(&mut self.total);
    }
}

/// The rows (best on-time rate first) and the district's total.
pub(super) fn figures(
    conn: &Connection,
    env: &Env,
    period: &Period,
    as_of: NaiveDate,
    by: GroupBy,
    names: &Names,
    lights: &LightRule,
) -> Result<(Vec<Row<SupFigures>>, SupFigures)> {
    let cal = &env.calendar;
    let (start, end, next) = bounds(period.start, as_of);
    let mut g = Groups {
        by,
        names,
        rows: HashMap::new(),
        total: Acc::default(),
    };
    let p = named_params! {":start": start, ":end": end, ":next": next};

    // Counts are grouped in SQL; only late items come back one by one (their lateness is
    // counted on the calendar).
    each(
        conn,
        "SELECT lead_dept, source, count(*) FROM supervision
         WHERE assigned >= :start AND assigned <= :end GROUP BY lead_dept, source",
        p,
        |r| {
            let (dept, source, n): (i64, String, u64) = (col(r, 0)?, col(r, 1)?, col(r, 2)?);
            g.add(dept, &source, |a| a.f.received += n);
            Ok(())
        },
    )?;
    each(
        conn,
        "SELECT lead_dept, source, count(*) FROM supervision
         WHERE closed_on >= :start AND closed_on <= :end AND closed_on <= deadline
         GROUP BY lead_dept, source",
        p,
        |r| {
            let (dept, source, n): (i64, String, u64) = (col(r, 0)?, col(r, 1)?, col(r, 2)?);
            g.add(dept, &source, |a| {
                a.f.closed += n;
                a.f.on_time += n;
            });
            Ok(())
        },
    )?;

    each(
        conn,
        "SELECT lead_dept, source, deadline, closed_on, id FROM supervision
         WHERE closed_on >= :start AND closed_on <= :end AND closed_on > deadline",
        p,
        |r| {
            let (dept, source, deadline, closed, id): (i64, String, String, String, i64) =
                (col(r, 0)?, col(r, 1)?, col(r, 2)?, col(r, 3)?, col(r, 4)?);
            let deadline = day(&deadline, || format!("supervision {id} deadline"))?;
            let closed = day(&closed, || format!("supervision {id} closed_on"))?;
            let late = cal.workdays_between(deadline, closed).max(0);
            g.add(dept, &source, |a| {
                a.f.closed += 1;
                a.late.push(late);
            });
            Ok(())
        },
    )?;

    // Open at the end: open now (the partial index over open items: `+assigned` keeps the
    // planner off the history-wide assigned index), or closed only after it. Extensions
    // counted up to then.
    let yellow_until = lights.yellow_until(cal, as_of);
    each(
        conn,
        "SELECT s.lead_dept, s.source, s.deadline, s.id,
                (SELECT count(*) FROM extensions e WHERE e.supervision_id = s.id AND e.at < :next)
         FROM supervision s WHERE s.state = '办理中' AND +s.assigned <= :end
         UNION ALL
         SELECT s.lead_dept, s.source, s.deadline, s.id,
                (SELECT count(*) FROM extensions e WHERE e.supervision_id = s.id AND e.at < :next)
         FROM supervision s WHERE s.closed_on > :end AND s.assigned <= :end",
        p,
        |r| {
            let (dept, source, deadline, id, ext): (i64, String, String, i64, u32) =
                (col(r, 0)?, col(r, 1)?, col(r, 2)?, col(r, 3)?, col(r, 4)?);
            let deadline = day(&deadline, || format!("supervision {id} deadline"))?;
            let light = lights.light(as_of, yellow_until, deadline, ext);
            let late = (deadline < as_of).then(|| cal.workdays_between(deadline, as_of).max(0));
            g.add(dept, &source, |a| {
                a.f.open += 1;
                a.f.lights.add(light);
                if let Some(n) = late {
                    a.f.overdue += 1;
                    a.late.push(n);
                }
            });
            Ok(())
        },
    )?;

    each(
        conn,
        "SELECT s.lead_dept, s.source FROM extensions e JOIN supervision s ON s.id = e.supervision_id
         WHERE e.at >= :start AND e.at < :next",
        p,
        |r| {
            let (dept, source): (i64, String) = (col(r, 0)?, col(r, 1)?);
            g.add(dept, &source, |a| a.f.extensions += 1);
            Ok(())
        },
    )?;
    each(
        conn,
        "SELECT s.lead_dept, s.source FROM notices n JOIN supervision s ON s.id = n.supervision_id
         WHERE n.at >= :start AND n.at < :next",
        p,
        |r| {
            let (dept, source): (i64, String) = (col(r, 0)?, col(r, 1)?);
            g.add(dept, &source, |a| a.f.urges += 1);
            Ok(())
        },
    )?;
    // The 回头看 note's fixed prefix is written by `recheck_done`.
    each(
        conn,
        "SELECT s.lead_dept, s.source, s.closed_on IS NULL OR s.closed_on > p.on_date
         FROM progress_notes p JOIN supervision s ON s.id = p.supervision_id
         WHERE p.on_date >= :start AND p.on_date <= :end AND p.note LIKE '回头看：%'",
        p,
        |r| {
            let (dept, source, failed): (i64, String, bool) = (col(r, 0)?, col(r, 1)?, col(r, 2)?);
            g.add(dept, &source, |a| {
                a.f.recheck_done += 1;
                a.f.recheck_failed += u64::from(failed);
            });
            Ok(())
        },
    )?;

    let mut rows: Vec<Row<SupFigures>> = g
        .rows
        .into_iter()
        .map(|(k, acc)| {
            let (id, name) = match k {
                Key::Id(id) if by == GroupBy::Dept => (id, names.dept(id)),
                Key::Id(id) => (id, names.person(id)),
                Key::Name(n) => (None, n),
            };
            Row {
                id,
                name,
                figures: acc.finish(),
            }
        })
        .filter(|r| !r.figures.is_empty())
        .collect();
    rows.sort_by(|a, b| {
        let (fa, fb) = (&a.figures, &b.figures);
        // Best rate first; rows with nothing due after every rated row.
        fb.rate
            .unwrap_or(-1.0)
            .total_cmp(&fa.rate.unwrap_or(-1.0))
            .then(fa.overdue.cmp(&fb.overdue))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok((rows, g.total.finish()))
}

/// Open items overdue at `as_of` and at each of the 25 weeks before it, oldest first.
pub(super) fn weekly_overdue(conn: &Connection, as_of: NaiveDate) -> Result<Vec<(NaiveDate, u64)>> {
    let weeks: Vec<NaiveDate> = (0..WEEKS as i64)
        .rev()
        .map(|k| as_of - chrono::Duration::days(7 * k))
        .collect();
    let first = weeks.first().copied().unwrap_or(as_of);
    let mut counts = vec![0u64; weeks.len()];
    let p = named_params! {
        ":first": crate::clock::fmt_date(first),
        ":end": crate::clock::fmt_date(as_of),
    };
    each(
        conn,
        "SELECT assigned, deadline, closed_on, min(id), count(*) FROM supervision
         WHERE state = '办理中' AND deadline < :end AND +assigned <= :end
         GROUP BY assigned, deadline, closed_on
         UNION ALL
         SELECT assigned, deadline, closed_on, min(id), count(*) FROM supervision
         WHERE closed_on > :first AND deadline < :end AND assigned <= :end
         GROUP BY assigned, deadline, closed_on",
        p,
        |r| {
            let (assigned, deadline, closed, id, many): (String, String, Option<String>, i64, u64) =
                (col(r, 0)?, col(r, 1)?, col(r, 2)?, col(r, 3)?, col(r, 4)?);
            let assigned = day(&assigned, || format!("supervision {id} assigned"))?;
            let deadline = day(&deadline, || format!("supervision {id} deadline"))?;
            let closed = closed
                .map(|c| day(&c, || format!("supervision {id} closed_on")))
                .transpose()?;
            for (w, n) in weeks.iter().zip(counts.iter_mut()) {
                let open = assigned <= *w && closed.is_none_or(|c| c > *w);
                if open && deadline < *w {
                    *n += many;
                }
            }
            Ok(())
        },
    )?;
    Ok(weeks.into_iter().zip(counts).collect())
}

/// One column of a report row.
pub(super) fn col<T: rusqlite::types::FromSql>(r: &rusqlite::Row<'_>, i: usize) -> Result<T> {
    r.get(i).db("reading a report column")
}

/// Runs a query and hands each row to `f`.
pub(super) fn each(
    conn: &Connection,
    sql: &str,
    params: &[(&str, &dyn rusqlite::ToSql)],
    mut f: impl FnMut(&rusqlite::Row<'_>) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(sql).db("preparing a report query")?;
    // Each query names only the bounds it needs; SQLite refuses a name it does not have.
    let used: Vec<(&str, &dyn rusqlite::ToSql)> = params
        .iter()
        .filter(|(name, _)| sql.contains(name))
        .copied()
        .collect();
    let mut rows = stmt.query(used.as_slice()).db("running a report query")?;
    while let Some(r) = rows.next().db("reading a report row")? {
        f(r)?;
    }
    Ok(())
}
