//! The document figures of a period, by sender, leader or urgency: received, signed, the
//! approval time in working days from receipt to signature (official calendar), and the
//! share signed within the district's limit (the `due` stored with each document, from
//! `documents.approval_limits` and its article, or the dutydesk default).

use super::stats::{mean, p90};
use super::supervision::{col, each};
use super::{GroupBy, Names, Period, Row, bounds, day};
use crate::domain::deadline::{self, DEFAULTS, Span};
use crate::domain::{Env, Urgency};
use crate::error::Result;
use crate::i18n::Named;
use chrono::NaiveDate;
use rusqlite::{Connection, named_params};
use serde::Serialize;
use std::collections::HashMap;

/// The figures of one row (or of all documents).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DocFigures {
    pub received: u64,
    pub signed: u64,
    /// Signed documents that had a limit.
    pub with_limit: u64,
    /// Of those, signed on or before the limit's last day.
    pub within: u64,
    /// within ÷ with_limit in per cent; None without any.
    pub share_within: Option<f64>,
    pub days_mean: Option<f64>,
    pub days_p90: Option<i64>,
    /// Awaiting approval at the period's end and past their limit.
    pub pending_overdue: u64,
}

#[derive(Default)]
struct Acc {
    f: DocFigures,
    days: Vec<i64>,
}

/// A row's key: a department's or leader's id, or an urgency's name.
type Key = (Option<i64>, String);

/// The figures by `by`, in one pass that also groups by urgency: (rows, total, rows by
/// urgency).
pub(super) type Figures = (Vec<Row<DocFigures>>, DocFigures, Vec<Row<DocFigures>>);

/// The rows, the total and the rows by urgency.
pub(super) fn figures(
    conn: &Connection,
    env: &Env,
    period: &Period,
    as_of: NaiveDate,
    by: GroupBy,
    names: &Names,
) -> Result<Figures> {
    let (start, end, _) = bounds(period.start, as_of);
    let p = named_params! {":start": start, ":end": end};
    let mut rows: HashMap<Key, Acc> = HashMap::new();
    let mut by_urgency: HashMap<Key, Acc> = HashMap::new();
    let mut total = Acc::default();
    let key = |dept: Option<i64>, leader: Option<i64>, urgency: String| -> (Key, Key) {
        let k = match by {
            GroupBy::Dept => (dept, String::new()),
            GroupBy::Leader => (leader, String::new()),
            GroupBy::Source => (None, urgency.clone()),
        };
        (k, (None, urgency))
    };
    let mut add = |(k, u): (Key, Key), f: &dyn Fn(&mut Acc)| {
        f(rows.entry(k).or_default());
        f(by_urgency.entry(u).or_default());
        f(&mut total);
    };
    each(
        conn,
        "SELECT from_dept, leader_id, urgency, count(*) FROM documents
         WHERE received >= :start AND received <= :end GROUP BY 1, 2, 3",
        p,
        |r| {
            let k = key(col(r, 0)?, col(r, 1)?, col(r, 2)?);
            let n: u64 = col(r, 3)?;
            add(k, &|a| a.f.received += n);
            Ok(())
        },
    )?;
    each(
        conn,
        "SELECT from_dept, leader_id, urgency, received, signed_on, due, min(id), count(*)
         FROM documents WHERE signed_on >= :start AND signed_on <= :end
         GROUP BY 1, 2, 3, 4, 5, 6",
        p,
        |r| {
            let k = key(col(r, 0)?, col(r, 1)?, col(r, 2)?);
            let id: i64 = col(r, 6)?;
            let received = day(&col::<String>(r, 3)?, || format!("document {id} received"))?;
            let signed = day(&col::<String>(r, 4)?, || format!("document {id} signed_on"))?;
            let due = col::<Option<String>>(r, 5)?
                .map(|d| day(&d, || format!("document {id} due")))
                .transpose()?;
            let n: u64 = col(r, 7)?;
            let days = env.calendar.workdays_between(received, signed).max(0);
            add(k, &|a| {
                a.f.signed += n;
                a.days.extend(std::iter::repeat_n(days, n as usize));
                if let Some(due) = due {
                    a.f.with_limit += n;
                    a.f.within += if signed <= due { n } else { 0 };
                }
            });
            Ok(())
        },
    )?;
    each(
        conn,
        "SELECT from_dept, leader_id, urgency FROM documents
         WHERE state = '待批' AND due < :end AND +received <= :end
         UNION ALL
         SELECT from_dept, leader_id, urgency FROM documents
         WHERE signed_on > :end AND due < :end AND received <= :end",
        p,
        |r| {
            let k = key(col(r, 0)?, col(r, 1)?, col(r, 2)?);
            add(k, &|a| a.f.pending_overdue += 1);
            Ok(())
        },
    )?;
    let total = finish(total);
    let rows = ranked(rows, by, names);
    Ok((rows, total, ranked(by_urgency, GroupBy::Source, names)))
}

fn finish(mut a: Acc) -> DocFigures {
    a.f.share_within =
        (a.f.with_limit > 0).then(|| a.f.within as f64 * 100.0 / a.f.with_limit as f64);
    a.f.days_mean = mean(&a.days);
    a.f.days_p90 = p90(&mut a.days);
    a.f
}

/// Urgencies in their order; senders and leaders by share within the limit, best first.
fn ranked(rows: HashMap<Key, Acc>, by: GroupBy, names: &Names) -> Vec<Row<DocFigures>> {
    let mut out: Vec<Row<DocFigures>> = rows
        .into_iter()
        .map(|((id, urgency), acc)| {
            let name = match by {
                GroupBy::Dept => names.dept(id),
                GroupBy::Leader => names.person(id),
                GroupBy::Source => urgency,
            };
            Row {
                id,
                name,
                figures: finish(acc),
            }
        })
        .collect();
    let rank = |name: &str| {
        Urgency::ALL
            .iter()
            .position(|u| u.zh() == name)
            .unwrap_or(usize::MAX)
    };
    out.sort_by(|a, b| match by {
        GroupBy::Source => rank(&a.name).cmp(&rank(&b.name)),
        _ => b
            .figures
            .share_within
            .unwrap_or(-1.0)
            .total_cmp(&a.figures.share_within.unwrap_or(-1.0))
            .then_with(|| a.name.cmp(&b.name)),
    });
    out
}

/// An urgency's approval limit, as the method states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LimitLine {
    pub urgency: Urgency,
    /// The limit in words ("14 个工作日", "14 working days").
    pub zh: String,
    pub en: String,
    /// The profile key or the dutydesk default the limit comes from.
    pub rule: String,
    /// The district's article, None for a dutydesk default.
    pub article: Option<String>,
}

/// The approval limit of each urgency in this district.
pub fn limits(env: &Env) -> Vec<LimitLine> {
    Urgency::ALL
        .iter()
        .map(|u| {
            let d = deadline::approval(env, *u, env.today());
            let span = match profile_span(env, *u) {
                Some(s) => s,
                None => DEFAULTS
                    .iter()
                    .find(|x| x.rule == d.rule)
                    .map_or(Span::Workdays(0), |x| x.period),
            };
            let (zh, en) = match span {
                Span::Workdays(n) => (format!("{n} 个工作日"), format!("{n} working days")),
                Span::Days(n) => (format!("{n} 天"), format!("{n} days")),
                Span::Months(n) => (format!("{n} 个月"), format!("{n} months")),
            };
            LimitLine {
                urgency: *u,
                zh,
                en,
                rule: d.rule,
                article: d.article,
            }
        })
        .collect()
}

fn profile_span(env: &Env, u: Urgency) -> Option<Span> {
    let l = &env.profile.documents.approval_limits;
    let p = match u {
        Urgency::Normal => l.normal.as_ref(),
        Urgency::Urgent => l.urgent.as_ref(),
        Urgency::VeryUrgent => l.very_urgent.as_ref(),
        Urgency::Critical => l.critical.as_ref(),
    }?;
    Some(match p.span()? {
        crate::profile::model::Span::Workdays(n) => Span::Workdays(n),
        crate::profile::model::Span::Days(n) => Span::Days(n),
        crate::profile::model::Span::Months(n) => Span::Months(n),
    })
}
