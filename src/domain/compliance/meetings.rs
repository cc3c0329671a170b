//! Meetings: cadence by kind, topics' materials, quorum (环翠 43), leave (all five; 华容
//! 四十八 in writing), minutes (崆峒 四十七) and documents owed after the meeting, and the
//! lead time of district-wide meetings and events (信州 二十四, 环翠 46).

use super::{
    Finding, ItemRef, RuleRef, Severity, day_after, due_before, finding, late_by, past,
    period_text, rule_of,
};
use crate::clock::fmt_date;
use crate::domain::{Env, MeetingKind, MeetingState, Role};
use crate::profile::in_force;
use chrono::NaiveDate;

pub use super::cadence::{KindHistory, cadence, next_due};

/// A topic (议题) on a meeting's agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicView {
    pub title: String,
    pub materials_on: Option<NaiveDate>,
}

/// A person who asked leave of a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaveView {
    pub name: String,
    pub role: Role,
    /// Whether the person is one of the meeting's members.
    pub member: bool,
    pub requested_on: NaiveDate,
    pub in_writing: bool,
    /// Whom the request was addressed to (id and role), where recorded.
    pub addressed_to: Option<(i64, Role)>,
}

/// A meeting as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingView {
    pub item: ItemRef,
    pub kind: MeetingKind,
    pub day: NaiveDate,
    pub state: MeetingState,
    pub chair_id: Option<i64>,
    pub materials_due: Option<NaiveDate>,
    pub materials_rule: RuleRef,
    pub minutes_due: Option<NaiveDate>,
    pub minutes_rule: RuleRef,
    pub minutes_issued_on: Option<NaiveDate>,
    /// When the minutes were drafted (崆峒 四十七 times the draft, not the issue).
    pub minutes_drafted_on: Option<NaiveDate>,
    pub docs_owed: i64,
    pub docs_due: Option<NaiveDate>,
    pub docs_rule: RuleRef,
    pub docs_issued_on: Option<NaiveDate>,
    /// When a district-wide meeting or event was requested.
    pub requested_on: Option<NaiveDate>,
    pub members: usize,
    pub topics: Vec<TopicView>,
    pub leaves: Vec<LeaveView>,
    /// Members away on the meeting's day (name, back after) who have not asked leave.
    pub away: Vec<(String, NaiveDate)>,
}

/// Every rule on one meeting.
pub fn meeting(env: &Env, m: &MeetingView) -> Vec<Finding> {
    let mut out = Vec::new();
    if m.state == MeetingState::Cancelled {
        return out;
    }
    if m.state == MeetingState::Planned && m.day >= env.today() {
        materials(env, m, &mut out);
        quorum(env, m, &mut out);
        leave(env, m, &mut out);
        large_event(env, m, &mut out);
        super::attendance::attendance(env, m, &mut out);
    }
    if m.day <= env.today() {
        owed(env, m, &mut out);
    }
    out
}

fn materials(env: &Env, m: &MeetingView, out: &mut Vec<Finding>) {
    let Some(due) = m.materials_due else {
        return;
    };
    for t in &m.topics {
        let (zh, en) = match t.materials_on {
            None if past(env, due) => (
                format!(
                    "议题《{}》材料应于 {} 前报送，仍未报送",
                    t.title,
                    fmt_date(due)
                ),
                format!(
                    "materials for topic “{}” were due by {}; not in yet",
                    t.title,
                    fmt_date(due)
                ),
            ),
            Some(on) if on > due => (
                format!(
                    "议题《{}》材料应于 {} 前报送，{} 才报送",
                    t.title,
                    fmt_date(due),
                    fmt_date(on)
                ),
                format!(
                    "materials for topic “{}” were due by {}; in only on {}",
                    t.title,
                    fmt_date(due),
                    fmt_date(on)
                ),
            ),
            _ => continue,
        };
        out.push(finding(
            Severity::Warning,
            &m.materials_rule,
            &m.item,
            day_after(due),
            zh,
            en,
        ));
    }
}

fn quorum(env: &Env, m: &MeetingView, out: &mut Vec<Finding>) {
    let Some(q) = env.profile.meeting(m.kind).and_then(|r| r.quorum.as_ref()) else {
        return;
    };
    let absent: Vec<&LeaveView> = m.leaves.iter().filter(|l| l.member).collect();
    if m.members == 0 || absent.is_empty() {
        return;
    }
    let present = m.members.saturating_sub(absent.len());
    let (num, den) = (
        q.more_than_numerator as usize,
        q.more_than_denominator.max(1) as usize,
    );
    // Attendance must be more than num/den of the members.
    if present * den > m.members * num {
        return;
    }
    let since = absent
        .iter()
        .map(|l| l.requested_on)
        .max()
        .unwrap_or(env.today());
    out.push(finding(
        Severity::Warning,
        &rule_of(&format!("meetings.{}.quorum", m.kind.key()), &q.article),
        &m.item,
        since,
        format!(
            "法定人数不足之虞：应到 {} 人，请假 {} 人，实到不超过 {} 人（须超过 {num}/{den}）",
            m.members,
            absent.len(),
            present
        ),
        format!(
            "quorum at risk: {} members, {} on leave, at most {} present (more than {num}/{den} needed)",
            m.members,
            absent.len(),
            present
        ),
    ));
}

fn leave(env: &Env, m: &MeetingView, out: &mut Vec<Finding>) {
    let Some(rules) = env.profile.meeting(m.kind) else {
        return;
    };
    if let Some(w) = rules
        .dept_head_leave_in_writing
        .as_ref()
        .filter(|f| f.value)
    {
        for l in m
            .leaves
            .iter()
            .filter(|l| l.role == Role::DeptHead && !l.in_writing)
        {
            out.push(finding(
                Severity::Warning,
                &rule_of(
                    &format!("meetings.{}.dept_head_leave_in_writing", m.kind.key()),
                    &w.article,
                ),
                &m.item,
                l.requested_on,
                format!("{}（部门负责人）请假未经办公室书面提出", l.name),
                format!(
                    "{} (department head) asked leave without a written request through the office",
                    l.name
                ),
            ));
        }
    }
    if let Some(to) = &rules.leave_to {
        for l in &m.leaves {
            let Some((id, role)) = l.addressed_to else {
                continue;
            };
            let allowed = Some(id) == m.chair_id
                || to.roles.contains(&role)
                || to.delegate.contains(&role)
                || role.is_office();
            if !allowed {
                out.push(finding(
                    Severity::Warning,
                    &rule_of(&format!("meetings.{}.leave_to", m.kind.key()), &to.article),
                    &m.item,
                    l.requested_on,
                    format!("{}的请假未向会议主持人提出", l.name),
                    format!("{} did not ask the meeting's chair for leave", l.name),
                ));
            }
        }
    }
}

fn large_event(env: &Env, m: &MeetingView, out: &mut Vec<Finding>) {
    if m.kind != MeetingKind::LargeEvent {
        return;
    }
    let (Some(rules), Some(requested)) = (env.profile.meeting(m.kind), m.requested_on) else {
        return;
    };
    let leads = [
        ("request_lead", rules.request_lead.as_ref(), "提前", "ahead"),
        (
            "preparation",
            rules.preparation.as_ref(),
            "筹备时间不少于",
            "of preparation",
        ),
    ];
    for (key, p, zh_what, en_what) in leads {
        let Some(p) = p else { continue };
        let Some(latest) = due_before(env, m.day, p) else {
            continue;
        };
        if requested <= latest {
            continue;
        }
        let (pz, pe) = period_text(p);
        out.push(finding(
            Severity::Violation,
            &rule_of(&format!("meetings.large_event.{key}"), &p.article),
            &m.item,
            requested,
            format!(
                "全区性会议须{zh_what} {pz}报请（最迟 {}），{} 才报请，会期 {}",
                fmt_date(latest),
                fmt_date(requested),
                fmt_date(m.day)
            ),
            format!(
                "a district-wide meeting needs {pe} {en_what} (request by {}); requested {} for {}",
                fmt_date(latest),
                fmt_date(requested),
                fmt_date(m.day)
            ),
        ));
    }
}

/// Minutes and documents owed after the meeting, past their stored deadlines.
fn owed(env: &Env, m: &MeetingView, out: &mut Vec<Finding>) {
    let drafting = crate::domain::deadline::is_drafting_rule(&m.minutes_rule.key);
    let minutes = in_force(effective(env, m.kind, &m.minutes_rule.key), m.day);
    let docs = in_force(effective(env, m.kind, &m.docs_rule.key), m.day);
    if let (true, true, Some(due), None) = (minutes, drafting, m.minutes_due, m.minutes_issued_on) {
        drafted(env, m, due, out);
    } else if let (true, false, Some(due), None) =
        (minutes, drafting, m.minutes_due, m.minutes_issued_on)
    {
        if past(env, due) {
            let (lz, le) = late_by(env, due);
            out.push(finding(
                Severity::Violation,
                &m.minutes_rule,
                &m.item,
                day_after(due),
                format!("会议纪要应于 {} 前起草印发，{lz}", fmt_date(due)),
                format!("the minutes were due by {}; {le}", fmt_date(due)),
            ));
        }
    }
    if let (true, Some(due), None) = (docs && m.docs_owed > 0, m.docs_due, m.docs_issued_on) {
        if past(env, due) {
            let (lz, le) = late_by(env, due);
            out.push(finding(
                Severity::Violation,
                &m.docs_rule,
                &m.item,
                day_after(due),
                format!(
                    "会议决定印发的 {} 份文件应于 {} 前印发，{lz}",
                    m.docs_owed,
                    fmt_date(due)
                ),
                format!(
                    "{} document(s) decided at the meeting were due by {}; {le}",
                    m.docs_owed,
                    fmt_date(due)
                ),
            ));
        }
    }
}

/// The day the profile rule behind a stored minutes or documents deadline took effect
/// (None for a dutydesk default or a rule without one).
fn effective(env: &Env, kind: MeetingKind, key: &str) -> Option<NaiveDate> {
    let r = env.profile.meeting(kind)?;
    let p = match key.rsplit('.').next()? {
        "minutes_within" => r.minutes_within.as_ref(),
        "minutes_drafted_within" => r.minutes_drafted_within.as_ref(),
        "documents_within" => r.documents_within.as_ref(),
        "documents_within_major_revision" => r.documents_within_major_revision.as_ref(),
        _ => None,
    };
    p.filter(|_| key.starts_with("meetings."))?.effective
}

/// The drafting step of the minutes (崆峒 四十七: "2个工作日内完成起草，由会议主持人签发"):
/// the draft is due within the limit; the chair's signature has none, so a draft made on
/// time and signed later breaks nothing. A draft not made by its day, or made after it
/// while the minutes are still owed, is the violation.
fn drafted(env: &Env, m: &MeetingView, due: NaiveDate, out: &mut Vec<Finding>) {
    let (zh, en) = match m.minutes_drafted_on {
        None if past(env, due) => {
            let (lz, le) = late_by(env, due);
            (
                format!("会议纪要应于 {} 前完成起草，{lz}", fmt_date(due)),
                format!("the minutes were to be drafted by {}; {le}", fmt_date(due)),
            )
        }
        Some(on) if on > due => (
            format!(
                "会议纪要应于 {} 前完成起草，{} 才起草完成",
                fmt_date(due),
                fmt_date(on)
            ),
            format!(
                "the minutes were to be drafted by {}; drafted only on {}",
                fmt_date(due),
                fmt_date(on)
            ),
        ),
        _ => return,
    };
    out.push(finding(
        Severity::Violation,
        &m.minutes_rule,
        &m.item,
        day_after(due),
        zh,
        en,
    ));
}
