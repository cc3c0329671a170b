//! Who may do what to an item. Pure decisions over roles and ids, so every rule can be
//! tested without a database; the store looks the people up and asks here. Every decision
//! starts from the role matrix ([`super::roles`]); the relation to the item (routed leader,
//! stand-in, chair, department concerned, oneself) decides the conditional grants.

use super::Role;
use super::roles::{self, Act, Grant};
use crate::error::{Error, Result};
use crate::i18n::Named;
use crate::profile::{Flag, Profile};

/// The facts about a person that permissions depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Who {
    pub id: i64,
    pub role: Role,
    pub dept_id: Option<i64>,
}

/// In what capacity an allowed person acts; the summary of the action says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capacity {
    /// The person the item belongs to: the routed leader, the chair, the one asking leave.
    Principal,
    /// Standing in for the absent principal (代).
    StandIn,
    /// Government office staff (办公室主任, 值班员).
    Office,
    /// A government leader (区长, 常务副区长, 副区长).
    Leader,
    /// The head of a department concerned.
    DeptHead,
}

/// What the conditional grants look at, for one item.
#[derive(Debug, Clone, Copy, Default)]
pub struct Relation<'a> {
    /// The leader the document is routed to.
    pub routed: Option<i64>,
    /// Who stands in for that leader today.
    pub standin: Option<i64>,
    /// The meeting's chair.
    pub chair: Option<i64>,
    /// The lead department and the co-departments of a supervision item.
    pub lead: Option<i64>,
    pub co: &'a [i64],
    /// The person a leave request is for.
    pub person: Option<i64>,
}

/// "（第六十四条）" / " (art. 64)", for citing the rule behind a refusal.
fn cite(article: &str) -> (String, String) {
    crate::domain::deadline::article_suffix(article)
}

/// The capacity an unconditional grant gives a role.
fn plain(role: Role) -> Capacity {
    if role.is_office() {
        Capacity::Office
    } else if role.is_leader() {
        Capacity::Leader
    } else {
        Capacity::DeptHead
    }
}

/// Asks the matrix whether `actor` may perform `act` on an item in `rel`; a refusal says
/// who may, citing `rule`'s article where the district's rule is behind the row.
pub fn check(actor: &Who, act: Act, rel: Relation<'_>, rule: Option<&Flag>) -> Result<Capacity> {
    let granted = match roles::grant(Some(actor.role), act) {
        Grant::Yes => Some(
            if (act == Act::ApproveTopic && rel.chair == Some(actor.id))
                || (act == Act::Leave && rel.person == Some(actor.id))
            {
                Capacity::Principal
            } else {
                plain(actor.role)
            },
        ),
        Grant::Routed => routed_leader(actor, rel.routed, rel.standin),
        Grant::Chair => (rel.chair == Some(actor.id)).then_some(Capacity::Principal),
        Grant::Concerned => actor
            .dept_id
            .is_some_and(|d| rel.lead == Some(d) || rel.co.contains(&d))
            .then_some(Capacity::DeptHead),
        Grant::Own => (rel.person == Some(actor.id)).then_some(Capacity::Principal),
        Grant::No => None,
    };
    granted.ok_or_else(|| refusal(act, rule))
}

/// The refusal for `act`: who may, and the district's article where one is behind it.
pub fn refusal(act: Act, rule: Option<&Flag>) -> Error {
    let (zh, en) = roles::who_may(act);
    let (zh_cite, en_cite) = match rule.filter(|f| f.value) {
        Some(f) => cite(&f.article),
        None => (String::new(), String::new()),
    };
    Error::refused(format!("{zh}{zh_cite}"), format!("{en}{en_cite}"))
}

/// Signing (签批) a document.
pub fn may_sign(actor: &Who, routed: Option<i64>, standin: Option<i64>) -> Result<Capacity> {
    let rel = Relation {
        routed,
        standin,
        ..Relation::default()
    };
    check(actor, Act::Sign, rel, None)
}

/// Returning (退回) a document to its department.
pub fn may_return(actor: &Who, routed: Option<i64>, standin: Option<i64>) -> Result<Capacity> {
    let rel = Relation {
        routed,
        standin,
        ..Relation::default()
    };
    check(actor, Act::Return, rel, None)
}

fn routed_leader(actor: &Who, routed: Option<i64>, standin: Option<i64>) -> Option<Capacity> {
    if routed == Some(actor.id) {
        Some(Capacity::Principal)
    } else if standin.is_some() && standin == Some(actor.id) {
        Some(Capacity::StandIn)
    } else {
        None
    }
}

/// Forwarding (转送) a document to another leader.
pub fn may_forward(
    actor: &Who,
    routed: Option<i64>,
    standin: Option<i64>,
    target: &Who,
) -> Result<Capacity> {
    let rel = Relation {
        routed,
        standin,
        ..Relation::default()
    };
    let capacity = check(actor, Act::Forward, rel, None)?;
    if !target.role.is_leader() {
        return Err(Error::refused(
            format!("公文只能转送区政府领导，对方是{}", target.role.zh()),
            format!(
                "a document can only be forwarded to a government leader, not a {}",
                target.role.en()
            ),
        ));
    }
    Ok(capacity)
}

/// Urging (催办) a document or a supervision item.
pub fn may_urge(actor: &Who) -> Result<Capacity> {
    check(actor, Act::Urge, Relation::default(), None)
}

/// The acts reserved to the government office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeAct {
    Extend,
    Recheck,
    Close,
    Reopen,
    MaterialsIn,
    MinutesIssued,
    MinutesDrafted,
    MeetingReported,
    DocumentsIssued,
}

impl OfficeAct {
    fn act(self) -> Act {
        match self {
            OfficeAct::Extend => Act::Extend,
            OfficeAct::Recheck => Act::Recheck,
            OfficeAct::Close => Act::Close,
            OfficeAct::Reopen => Act::Reopen,
            OfficeAct::MaterialsIn => Act::MaterialsIn,
            OfficeAct::MinutesIssued => Act::MinutesIssued,
            OfficeAct::MinutesDrafted => Act::MinutesDrafted,
            OfficeAct::MeetingReported => Act::MeetingReported,
            OfficeAct::DocumentsIssued => Act::DocumentsIssued,
        }
    }
}

/// An act only office staff may do. For supervision acts the refusal cites the profile's
/// `supervision.close_by_office` rule (the ledger and its close-out are the office's).
pub fn may_office(actor: &Who, act: OfficeAct, close_by_office: Option<&Flag>) -> Result<Capacity> {
    let act = act.act();
    let rule = close_by_office.filter(|_| roles::row(act).rule.is_some());
    check(actor, act, Relation::default(), rule)
}

/// Adding a progress note to a supervision item led by `lead`, helped by `co`.
pub fn may_add_progress(actor: &Who, lead: i64, co: &[i64]) -> Result<Capacity> {
    let rel = Relation {
        lead: Some(lead),
        co,
        ..Relation::default()
    };
    check(actor, Act::Progress, rel, None)
}

/// Adding a topic (议题) to a meeting.
pub fn may_add_topic(actor: &Who) -> Result<Capacity> {
    check(actor, Act::AddTopic, Relation::default(), None)
}

/// Approving a topic: the meeting's chair or the 区长.
pub fn may_approve_topic(actor: &Who, chair: Option<i64>) -> Result<Capacity> {
    let rel = Relation {
        chair,
        ..Relation::default()
    };
    check(actor, Act::ApproveTopic, rel, None)
}

/// Recording a leave request for `person`. `in_writing_rule` is the meeting kind's
/// `dept_head_leave_in_writing` rule (huarong 四十八: department heads ask in writing,
/// through the office).
pub fn may_request_leave(
    actor: &Who,
    person: &Who,
    in_writing: bool,
    in_writing_rule: Option<&Flag>,
) -> Result<Capacity> {
    let rel = Relation {
        person: Some(person.id),
        ..Relation::default()
    };
    let capacity = check(actor, Act::Leave, rel, None)?;
    let rule = in_writing_rule.filter(|f| f.value);
    if let Some(rule) = rule.filter(|_| person.role == Role::DeptHead && !in_writing) {
        let (zh_cite, en_cite) = cite(&rule.article);
        return Err(Error::refused(
            format!("部门负责人须经区政府办公室书面请假{zh_cite}"),
            format!(
                "department heads must ask leave in writing through the government office{en_cite}"
            ),
        ));
    }
    Ok(capacity)
}

/// Who may stand in for an absent leader of `role`, per the profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandInRule {
    /// For the 区长: these roles, first present person in order. Empty for a deputy.
    pub roles: Vec<Role>,
    /// For a deputy: their A/B partner.
    pub partner: bool,
    /// The profile key, or "default.…" where the profile is silent.
    pub rule: &'static str,
    /// The article; None for a dutydesk default.
    pub article: Option<String>,
}

/// The stand-in rule for a leader of `role` (None for roles nobody stands in for).
/// Defaults where the profile is silent: the 常务副区长 for the 区长, the A/B partner
/// for a deputy.
pub fn standin_rule(profile: &Profile, role: Role) -> Option<StandInRule> {
    match role {
        Role::Mayor => Some(match &profile.people.mayor_standin {
            Some(r) => StandInRule {
                roles: r.roles.clone(),
                partner: false,
                rule: "people.mayor_standin",
                article: Some(r.article.clone()),
            },
            None => StandInRule {
                roles: vec![Role::ExecutiveDeputy],
                partner: false,
                rule: "default.mayor_standin",
                article: None,
            },
        }),
        Role::ExecutiveDeputy | Role::DeputyMayor => {
            Some(match &profile.people.ab_partner_standin {
                Some(f) => StandInRule {
                    roles: Vec::new(),
                    partner: f.value,
                    rule: "people.ab_partner_standin",
                    article: Some(f.article.clone()),
                },
                None => StandInRule {
                    roles: Vec::new(),
                    partner: true,
                    rule: "default.ab_partner_standin",
                    article: None,
                },
            })
        }
        _ => None,
    }
}

#[cfg(test)]
#[path = "permission_tests.rs"]
mod tests;
