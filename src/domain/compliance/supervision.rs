//! Supervision items (督办事项): overdue items, the feedback cycle, and 回头看 re-checks
//! (环翠 70 and the districts that re-check fixed items).

use super::{Finding, ItemRef, RuleRef, Severity, day_after, finding, late_by, past};
use crate::clock::fmt_date;
use crate::domain::{Env, FeedbackCycle};
use crate::i18n::Named;
use chrono::{Days, Months, NaiveDate};

/// An open (办理中) supervision item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItem {
    pub item: ItemRef,
    pub lead_dept: String,
    pub assigned: NaiveDate,
    pub deadline: NaiveDate,
    pub deadline_rule: RuleRef,
    pub feedback_cycle: FeedbackCycle,
    pub last_progress_on: Option<NaiveDate>,
}

/// When the next progress report is owed: one cycle after the later of assignment and
/// the last progress note. None for items without a cycle.
pub fn feedback_due(
    cycle: FeedbackCycle,
    assigned: NaiveDate,
    last_progress: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let from = last_progress.map_or(assigned, |p| p.max(assigned));
    match cycle {
        FeedbackCycle::Weekly => from.checked_add_days(Days::new(7)),
        FeedbackCycle::Monthly => from.checked_add_months(Months::new(1)),
        FeedbackCycle::None => None,
    }
}

/// Every rule on one open item.
pub fn open_item(env: &Env, s: &OpenItem) -> Vec<Finding> {
    let mut out = Vec::new();
    if past(env, s.deadline) {
        let (lz, le) = late_by(env, s.deadline);
        out.push(finding(
            Severity::Violation,
            &s.deadline_rule,
            &s.item,
            day_after(s.deadline),
            format!(
                "督办事项应于 {} 前办结（牵头：{}），{lz}",
                fmt_date(s.deadline),
                s.lead_dept
            ),
            format!(
                "the item was due by {} (lead: {}); {le}",
                fmt_date(s.deadline),
                s.lead_dept
            ),
        ));
    }
    if let Some(due) =
        feedback_due(s.feedback_cycle, s.assigned, s.last_progress_on).filter(|&d| past(env, d))
    {
        let last_zh = s.last_progress_on.map_or("尚无进展报告".to_string(), |d| {
            format!("上次进展 {}", fmt_date(d))
        });
        let last_en = s
            .last_progress_on
            .map_or("no progress note yet".to_string(), |d| {
                format!("last note {}", fmt_date(d))
            });
        out.push(finding(
            Severity::Warning,
            &RuleRef::new("given.feedback_cycle", None),
            &s.item,
            day_after(due),
            format!(
                "{}反馈逾期：应于 {} 前报送进展（{last_zh}）",
                s.feedback_cycle.zh(),
                fmt_date(due)
            ),
            format!(
                "feedback overdue ({}): progress was due by {} ({last_en})",
                s.feedback_cycle.en(),
                fmt_date(due)
            ),
        ));
    }
    out
}

/// A closed item with a 回头看 re-check date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedItem {
    pub item: ItemRef,
    pub recheck_on: NaiveDate,
    pub last_progress_on: Option<NaiveDate>,
}

/// The re-check date has come and no note has been added since: a notice. The 回头看 is
/// taken as done once a progress note dated on or after the re-check date is on record.
pub fn recheck(env: &Env, c: &ClosedItem) -> Option<Finding> {
    if c.recheck_on > env.today() || c.last_progress_on.is_some_and(|p| p >= c.recheck_on) {
        return None;
    }
    let rule = match env.profile.supervision.recheck.as_ref().filter(|f| f.value) {
        Some(f) => RuleRef::new("supervision.recheck", Some(&f.article)),
        None => RuleRef::new("given.recheck_on", None),
    };
    Some(finding(
        Severity::Notice,
        &rule,
        &c.item,
        c.recheck_on,
        format!(
            "已销号事项定于 {} 回头看，尚无复查记录",
            fmt_date(c.recheck_on)
        ),
        format!(
            "the closed item is due for its re-check (回头看) on {}; no re-check note yet",
            fmt_date(c.recheck_on)
        ),
    ))
}
