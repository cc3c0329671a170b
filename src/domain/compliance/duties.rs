//! Duties the seeds set around documents and meetings that no deadline column holds:
//! the lead time a department leaves the government for a matter needing a decision by a
//! date (东昌 二十八), one district-wide meeting per department a year (信州 二十四, 环翠
//! 55, 东昌 二十六), the yearly plan of district-wide meetings filed in early December
//! (东昌 二十六), and the report owed after each 常务会议 (崆峒 四十二).

use super::{Finding, ItemRef, Severity, due_before, finding, period_text, rule_of};
use crate::clock::fmt_date;
use crate::domain::{Env, MeetingKind, Urgency};
use crate::i18n::Named;
use chrono::{Datelike, NaiveDate};

/// The first days of a month that count as its beginning (月初: the first ten, 上旬).
pub const EARLY_MONTH_DAYS: u32 = 10;

/// A pending document that asks the government to decide by a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub item: ItemRef,
    pub urgency: Urgency,
    pub received: NaiveDate,
    /// The day the department needs the decision by (needed_by).
    pub needed_by: NaiveDate,
    /// The written reason for a 特别紧急 matter, where given.
    pub urgent_reason: Option<String>,
}

/// 东昌 二十八: "一般事项不少于14个工作日、紧急事项不少于7个工作日，特别紧急事项，除突发
/// 事件外，应附加紧急原因说明". 一般 documents are the 一般事项, 加急 the 紧急事项; 特急
/// and 特急重要 the 特别紧急事项, which need no lead time but a reason.
pub fn submission(env: &Env, s: &Submission) -> Option<Finding> {
    let rules = &env.profile.documents;
    let lead = match s.urgency {
        Urgency::Normal => rules
            .submission_lead_normal
            .as_ref()
            .map(|p| ("submission_lead_normal", p)),
        Urgency::Urgent => rules
            .submission_lead_urgent
            .as_ref()
            .map(|p| ("submission_lead_urgent", p)),
        Urgency::VeryUrgent | Urgency::Critical => {
            let flag = rules
                .submission_urgent_reason
                .as_ref()
                .filter(|f| f.value)?;
            let given = s
                .urgent_reason
                .as_deref()
                .is_some_and(|r| !r.trim().is_empty());
            if given {
                return None;
            }
            return Some(finding(
                Severity::Warning,
                &rule_of("documents.submission_urgent_reason", &flag.article),
                &s.item,
                s.received,
                format!(
                    "{}事项（需 {} 前决策）未附紧急原因说明（突发事件除外）",
                    s.urgency.zh(),
                    fmt_date(s.needed_by)
                ),
                format!(
                    "a {} matter (decision needed by {}) carries no reason for its urgency (unless an emergency)",
                    s.urgency.en(),
                    fmt_date(s.needed_by)
                ),
            ));
        }
    };
    let (key, p) = lead?;
    let latest = due_before(env, s.needed_by, p)?;
    if s.received <= latest {
        return None;
    }
    let (pz, pe) = period_text(p);
    Some(finding(
        Severity::Warning,
        &rule_of(&format!("documents.{key}"), &p.article),
        &s.item,
        s.received,
        format!(
            "需区政府 {} 前决策的{}事项应至少提前 {pz}报送（最迟 {}），{} 才报送",
            fmt_date(s.needed_by),
            s.urgency.zh(),
            fmt_date(latest),
            fmt_date(s.received)
        ),
        format!(
            "a {} matter needing a decision by {} is due {pe} ahead (by {}); submitted {}",
            s.urgency.en(),
            fmt_date(s.needed_by),
            fmt_date(latest),
            fmt_date(s.received)
        ),
    ))
}

/// A district-wide meeting asked for by a department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requested {
    pub item: ItemRef,
    pub dept: String,
    pub dept_id: i64,
    pub day: NaiveDate,
    pub requested_on: Option<NaiveDate>,
}

/// "One district-wide meeting per department a year": with the meetings of one year in
/// order of day, each one of a department beyond the profile's count is flagged.
pub fn yearly_max(env: &Env, meetings: &[Requested]) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(max) = env
        .profile
        .meeting(MeetingKind::LargeEvent)
        .and_then(|r| r.yearly_max_per_department.as_ref())
    else {
        return out;
    };
    let mut sorted: Vec<&Requested> = meetings.iter().collect();
    sorted.sort_by_key(|m| (m.dept_id, m.day.year(), m.day, m.item.id));
    let mut seen: Vec<(i64, i32, u32)> = Vec::new();
    for m in sorted {
        let year = m.day.year();
        let n = match seen
            .iter_mut()
            .find(|(d, y, _)| *d == m.dept_id && *y == year)
        {
            Some(e) => {
                e.2 += 1;
                e.2
            }
            None => {
                seen.push((m.dept_id, year, 1));
                1
            }
        };
        if n <= max.value {
            continue;
        }
        out.push(finding(
            Severity::Warning,
            &rule_of(
                "meetings.large_event.yearly_max_per_department",
                &max.article,
            ),
            &m.item,
            m.requested_on.unwrap_or(m.day),
            format!(
                "{}{year}年第 {n} 次全区性会议（{}），每年不超过 {} 次",
                m.dept,
                fmt_date(m.day),
                max.value
            ),
            format!(
                "{}'s district-wide meeting no. {n} of {year} ({}); at most {} a year",
                m.dept,
                fmt_date(m.day),
                max.value
            ),
        ));
    }
    out
}

/// 东昌 二十六: "由各单位、各部门于每年12月初列出计划并上报区政府办公室" — a reminder over
/// the first ten days of the plan's month, naming the year planned and the last day.
pub fn yearly_plan(env: &Env) -> Option<Finding> {
    let month = env
        .profile
        .meeting(MeetingKind::LargeEvent)
        .and_then(|r| r.yearly_plan_month.as_ref())?;
    let today = env.today();
    if today.month() != month.value || today.day() > EARLY_MONTH_DAYS {
        return None;
    }
    let first = today.with_day(1)?;
    let last = today.with_day(EARLY_MONTH_DAYS)?;
    // A plan filed in December is for the year after; in another month, for this one.
    let year = if month.value == 12 {
        today.year() + 1
    } else {
        today.year()
    };
    let kind = MeetingKind::LargeEvent;
    Some(finding(
        Severity::Notice,
        &rule_of("meetings.large_event.yearly_plan_month", &month.article),
        &ItemRef::new("meeting_kind", 0, kind.key(), kind.zh()),
        first,
        format!(
            "各单位、各部门应于 {} 前列出 {year} 年全区性会议计划，报区政府办公室",
            fmt_date(last)
        ),
        format!(
            "units and departments file their {year} plan of district-wide meetings with the government office by {}",
            fmt_date(last)
        ),
    ))
}

/// A held meeting whose report to the district's bodies is not recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreported {
    pub item: ItemRef,
    pub kind: MeetingKind,
    pub day: NaiveDate,
}

/// 崆峒 四十二: "区政府常务会议召开后，要及时向区委、区人大常委会报告情况，同时向区政协通报
/// 情况". The text says 及时 and sets no number of days, so the finding is a notice from
/// the meeting's day until the report is recorded (`dutydesk reported`).
pub fn report_owed(env: &Env, u: &Unreported) -> Option<Finding> {
    let flag = env
        .profile
        .meeting(u.kind)
        .and_then(|r| r.report_after.as_ref())
        .filter(|f| f.value && crate::profile::in_force(f.effective, u.day))?;
    Some(finding(
        Severity::Notice,
        &rule_of(
            &format!("meetings.{}.report_after", u.kind.key()),
            &flag.article,
        ),
        &u.item,
        u.day,
        format!(
            "{} 召开的{}尚未登记向区委、区人大常委会报告并向区政协通报",
            fmt_date(u.day),
            u.kind.zh()
        ),
        format!(
            "the {} of {} has no report to the 区委 and 区人大常委会 (and notice to the 区政协) on record",
            u.kind.en(),
            fmt_date(u.day)
        ),
    ))
}
