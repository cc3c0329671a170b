//! The cadence of each kind of meeting (a finding about the kind, not about one meeting):
//! a kind with nothing held or planned within its interval (常务会议 1–2 a month, 全体会议
//! every half year, …).

use super::{Finding, ItemRef, Severity, day_after, finding, past, rule_of};
use crate::clock::fmt_date;
use crate::domain::{Env, MeetingKind};
use crate::i18n::Named;
use crate::profile::{Cadence, CadenceUnit};
use chrono::{Days, Months, NaiveDate};

/// The latest day the next meeting is due after one on `last`, by the cadence: "1–2 a
/// month" and "1 a month" → a month later, "every 2 weeks" → 14 days, "1 a year" → a
/// year, "every half year" → 6 months, "every 2 months" → 2 months. With `times` above
/// one the interval is split evenly in days. None for an as-needed cadence.
pub fn next_due(cadence: &Cadence, last: NaiveDate) -> Option<NaiveDate> {
    if cadence.as_needed {
        return None;
    }
    let unit = cadence.unit?;
    let every = cadence.every.unwrap_or(1).max(1);
    let times = cadence.times.unwrap_or(1).max(1);
    let (months, days) = match unit {
        CadenceUnit::Week => (0, 7 * every),
        CadenceUnit::Month => (every, 0),
        CadenceUnit::Year => (12 * every, 0),
    };
    if times == 1 {
        return if months > 0 {
            last.checked_add_months(Months::new(months))
        } else {
            last.checked_add_days(Days::new(u64::from(days)))
        };
    }
    // Several meetings per period: the period in days (a month as 30), split evenly.
    let period_days = if months > 0 { months * 30 } else { days };
    last.checked_add_days(Days::new(u64::from((period_days / times).max(1))))
}

/// What the cadence check needs to know about one kind of meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindHistory {
    pub kind: MeetingKind,
    /// The latest meeting of the kind on or before today that was not cancelled.
    pub last: Option<NaiveDate>,
    /// The next one planned after today, if any.
    pub next_planned: Option<NaiveDate>,
}

/// A kind behind its cadence: nothing held or planned within the window ending today.
pub fn cadence(env: &Env, h: &KindHistory) -> Option<Finding> {
    let rules = env.profile.meeting(h.kind)?;
    let c = rules.cadence.as_ref().filter(|c| !c.as_needed)?;
    let (since, last_zh, last_en) = match h.last {
        Some(last) => {
            let due = next_due(c, last)?;
            if !past(env, due) {
                return None;
            }
            (
                day_after(due),
                format!("上次 {}，应于 {} 前召开", fmt_date(last), fmt_date(due)),
                format!(
                    "last on {}, the next was due by {}",
                    fmt_date(last),
                    fmt_date(due)
                ),
            )
        }
        None => (
            env.today(),
            "没有召开记录".to_string(),
            "none on record".to_string(),
        ),
    };
    let (next_zh, next_en) = match h.next_planned {
        Some(d) => (
            format!("；下次已安排于 {}", fmt_date(d)),
            format!("; the next is planned for {}", fmt_date(d)),
        ),
        None => ("；尚未安排".to_string(), "; none planned".to_string()),
    };
    let item = ItemRef::new("meeting_kind", 0, h.kind.key(), h.kind.zh());
    Some(finding(
        Severity::Warning,
        &rule_of(&format!("meetings.{}.cadence", h.kind.key()), &c.article),
        &item,
        since,
        format!("{}未按规定频次召开：{last_zh}{next_zh}", h.kind.zh()),
        format!("{} is behind its cadence: {last_en}{next_en}", h.kind.en()),
    ))
}
