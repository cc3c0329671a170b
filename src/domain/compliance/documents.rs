//! Documents: approval limits, 特急重要 signing (东昌 二十八), same-day clearance (崆峒
//! 五十四), stand-ins for an absent leader, countersign replies (信州 二十八, 东昌 二十七,
//! 华容 五十四), printing and publishing after signing (崆峒 五十三), one matter per 请示
//! (信州 二十五, 东昌 二十七) and routing by division of work (东昌 二十八 and others).

use super::{
    Finding, ItemRef, RuleRef, Severity, day_after, due_after, finding, late_by, past, period_text,
    rule_of,
};
use crate::clock::fmt_date;
use crate::domain::routing::{Leader, RouteReason, RouteView, route};
use crate::domain::{DocKind, Env, Role, Urgency};
use crate::i18n::Named;
use crate::profile::Profile;
use chrono::NaiveDate;

/// The leader a pending document is routed to, as the rules need them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaderView {
    pub id: i64,
    pub name: String,
    pub role: Role,
    /// An absence on record covers today.
    pub away_today: bool,
    /// Who stands in today while the leader is away (None: present, or nobody can).
    pub standin: Option<String>,
    /// The stand-in rule for this leader's role (profile key or default).
    pub standin_rule: Option<RuleRef>,
}

/// A document awaiting approval (待批).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingDoc {
    pub item: ItemRef,
    pub kind: DocKind,
    pub urgency: Urgency,
    pub received: NaiveDate,
    /// The stored approval deadline and the rule behind it.
    pub due: Option<NaiveDate>,
    pub due_rule: RuleRef,
    pub matters: i64,
    pub carries_request: bool,
    pub leader: Option<LeaderView>,
}

/// Working days ahead of the approval deadline within which an absent leader's stand-in
/// is prompted to act.
pub const STANDIN_PROMPT_WORKDAYS: i64 = 2;

/// Every rule on one pending document.
pub fn pending(env: &Env, d: &PendingDoc) -> Vec<Finding> {
    let mut out = Vec::new();
    let rules = &env.profile.documents;
    let same_day_due = d.due_rule.key == "documents.same_day_clearance";
    if let Some(due) = d.due.filter(|&due| past(env, due) && !same_day_due) {
        let (lz, le) = late_by(env, due);
        out.push(finding(
            Severity::Violation,
            &d.due_rule,
            &d.item,
            day_after(due),
            format!("{}公文应于 {} 前批办，{lz}", d.urgency.zh(), fmt_date(due)),
            format!(
                "{} document was due for approval by {}; {le}",
                d.urgency.en(),
                fmt_date(due)
            ),
        ));
    }
    if d.urgency == Urgency::Critical {
        if let Some(p) = &rules.critical_leader_sign {
            if let Some(limit) = due_after(env, d.received, p).filter(|&l| past(env, l)) {
                let (pz, pe) = period_text(p);
                out.push(finding(
                    Severity::Violation,
                    &rule_of("documents.critical_leader_sign", &p.article),
                    &d.item,
                    day_after(limit),
                    format!(
                        "特急重要公文须由领导在 {pz}内签批（至 {}），仍未签批",
                        fmt_date(limit)
                    ),
                    format!(
                        "a very urgent & major document must be signed by the leader within {pe} (by {}); still unsigned",
                        fmt_date(limit)
                    ),
                ));
            }
        }
    }
    if let Some(p) = &rules.same_day_clearance {
        // The stored deadline when it came from this rule (崆峒 五十四); computed here for
        // a document whose deadline came from a limit by urgency.
        let limit = match d.due {
            Some(due) if same_day_due => Some(due),
            _ => due_after(env, d.received, p),
        };
        if let Some(limit) = limit.filter(|&l| past(env, l)) {
            let (pz, pe) = period_text(p);
            out.push(finding(
                Severity::Warning,
                &rule_of("documents.same_day_clearance", &p.article),
                &d.item,
                day_after(limit),
                format!("领导持有公文已超过 {pz}（当日事当日清），{} 收文", fmt_date(d.received)),
                format!(
                    "held by the leader for more than {pe} (papers are cleared the same day); received {}",
                    fmt_date(d.received)
                ),
            ));
        }
    }
    if let Some(f) = standin(env, d) {
        out.push(f);
    }
    if d.kind == DocKind::Request && d.matters > 1 {
        if let Some(rule) = rules.one_matter_per_request.as_ref().filter(|f| f.value) {
            out.push(finding(
                Severity::Violation,
                &rule_of("documents.one_matter_per_request", &rule.article),
                &d.item,
                d.received,
                format!("请示应一文一事，本件含 {} 个事项", d.matters),
                format!("a 请示 carries one matter; this one carries {}", d.matters),
            ));
        }
    }
    if d.kind == DocKind::Report && d.carries_request {
        if let Some(rule) = rules.no_request_in_report.as_ref().filter(|f| f.value) {
            out.push(finding(
                Severity::Violation,
                &rule_of("documents.no_request_in_report", &rule.article),
                &d.item,
                d.received,
                "报告中不得夹带请示事项".to_string(),
                "a 报告 must not carry a request (请示)".to_string(),
            ));
        }
    }
    out
}

/// The routed leader is away today and the document is due within
/// [`STANDIN_PROMPT_WORKDAYS`]: the stand-in should act (a warning when nobody can).
fn standin(env: &Env, d: &PendingDoc) -> Option<Finding> {
    let leader = d.leader.as_ref().filter(|l| l.away_today)?;
    let due = d.due?;
    if env.workdays_left(due) > STANDIN_PROMPT_WORKDAYS {
        return None;
    }
    let rule = leader
        .standin_rule
        .clone()
        .unwrap_or_else(|| RuleRef::new("default.standin", None));
    Some(match &leader.standin {
        Some(s) => finding(
            Severity::Notice,
            &rule,
            &d.item,
            env.today(),
            format!(
                "{}今日不在岗，公文 {} 到期，应由{s}代为批办",
                leader.name,
                fmt_date(due)
            ),
            format!(
                "{} is away today and the document is due {}; {s} should act as stand-in",
                leader.name,
                fmt_date(due)
            ),
        ),
        None => finding(
            Severity::Warning,
            &rule,
            &d.item,
            env.today(),
            format!(
                "{}今日不在岗，公文 {} 到期，且无在岗的代理人",
                leader.name,
                fmt_date(due)
            ),
            format!(
                "{} is away today, the document is due {}, and no stand-in is present",
                leader.name,
                fmt_date(due)
            ),
        ),
    })
}

/// An unanswered countersign (会签/征求意见) request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCountersign {
    /// The document asked about.
    pub item: ItemRef,
    /// The department asked.
    pub dept: String,
    pub requested: NaiveDate,
    pub due: NaiveDate,
    pub due_rule: RuleRef,
    /// The document awaits approval (待批), the only time a deemed answer matters.
    pub awaiting_approval: bool,
}

/// The profile's silence-is-consent rule, when it holds.
pub fn silence_is_consent(env: &Env) -> Option<RuleRef> {
    env.profile
        .documents
        .countersign_silence_is_consent
        .as_ref()
        .filter(|f| f.value)
        .map(|f| rule_of("documents.countersign_silence_is_consent", &f.article))
}

/// Whether an unanswered request due on `due` counts as 逾期视为无不同意见 as of
/// `env.today()`: derived on read, never stored by one (`dutydesk settle` records it).
pub fn is_deemed(env: &Env, due: NaiveDate) -> bool {
    past(env, due) && silence_is_consent(env).is_some()
}

/// An unanswered request past its limit: a warning where silence is not consent; where it
/// is, a notice that it counts as no objection while the document awaits approval (the
/// leader need not wait for the reply). Nothing needs recording for it to hold.
pub fn countersign(env: &Env, c: &OpenCountersign) -> Option<Finding> {
    if !past(env, c.due) {
        return None;
    }
    let (lz, le) = late_by(env, c.due);
    Some(match silence_is_consent(env) {
        Some(_) if !c.awaiting_approval => return None,
        Some(rule) => finding(
            Severity::Notice,
            &rule,
            &c.item,
            day_after(c.due),
            format!(
                "{}会签意见逾期未复（{} 到期），逾期视为无不同意见",
                c.dept,
                fmt_date(c.due)
            ),
            format!(
                "{} did not answer the countersign request by {}: deemed no objection",
                c.dept,
                fmt_date(c.due)
            ),
        ),
        None => finding(
            Severity::Warning,
            &c.due_rule,
            &c.item,
            day_after(c.due),
            format!("{}会签意见应于 {} 前答复，{lz}", c.dept, fmt_date(c.due)),
            format!(
                "{}'s countersign reply was due by {}; {le}",
                c.dept,
                fmt_date(c.due)
            ),
        ),
    })
}

pub use super::signed::{SignedDoc, after_signing, print_deadline, publish_deadline};

/// Where the routing rules send a document: the leaders it may be with and the rule that
/// says so. Computed with `domain::routing::route`; a major matter goes to the 区长 only
/// where the profile says so (`documents.major_to_mayor`); where several leaders 分管 the
/// sender and the profile does not send such papers to the 区长, any of them will do.
/// None where no rule applies (routing by division absent, or nobody 分管 the sender).
pub fn expected_route(
    profile: &Profile,
    view: &RouteView,
    major: bool,
) -> Option<(Vec<Leader>, RuleRef)> {
    let docs = &profile.documents;
    let by_division = docs.routing_by_division.as_ref().filter(|f| f.value)?;
    let major_rule = docs.major_to_mayor.as_ref().filter(|f| f.value && major);
    let routed = route(profile, view, None, major_rule.is_some());
    let leader = routed.leader?;
    Some(match routed.reason {
        RouteReason::Major => (
            vec![leader],
            rule_of("documents.major_to_mayor", &major_rule?.article),
        ),
        RouteReason::Division => (
            vec![leader],
            rule_of("documents.routing_by_division", &by_division.article),
        ),
        RouteReason::Multi => match docs.multi_leader_to_mayor.as_ref().filter(|f| f.value) {
            Some(f) if leader.role == Role::Mayor => (
                vec![leader],
                rule_of("documents.multi_leader_to_mayor", &f.article),
            ),
            _ => (
                view.dividers
                    .iter()
                    .copied()
                    .filter(|l| l.role.is_leader())
                    .collect(),
                rule_of("documents.routing_by_division", &by_division.article),
            ),
        },
        RouteReason::Explicit | RouteReason::None | RouteReason::Forwarded => return None,
    })
}

/// A pending document and where the routing rules would send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteCheck {
    pub item: ItemRef,
    pub received: NaiveDate,
    /// The leader on record, and their name (empty when none).
    pub routed: Option<i64>,
    pub routed_name: String,
    /// The leaders the rules allow, their names joined for display, and the rule.
    pub allowed: Vec<i64>,
    pub expected_name: String,
    pub rule: RuleRef,
}

/// A pending document not with a leader the routing rules name (东昌 二十八: several
/// leaders' divisions touched and not with the 区长; elsewhere by division of work).
pub fn routing(r: &RouteCheck) -> Option<Finding> {
    if r.allowed.is_empty() || r.routed.is_some_and(|l| r.allowed.contains(&l)) {
        return None;
    }
    let (now_zh, now_en) = if r.routed_name.is_empty() {
        ("未分送".to_string(), "nobody".to_string())
    } else {
        (r.routed_name.clone(), r.routed_name.clone())
    };
    Some(finding(
        Severity::Warning,
        &r.rule,
        &r.item,
        r.received,
        format!("按分工应呈{}批办，现呈{now_zh}", r.expected_name),
        format!(
            "by the routing rules this goes to {}; it is with {now_en}",
            r.expected_name
        ),
    ))
}
