//! Who may do what to an item. Pure decisions over roles and ids, so every rule can be
//! tested without a database; the store looks the people up and asks here.
//!
//! The table:
//!
//! | action | allowed |
//! |---|---|
//! | sign, return | the routed leader, or whoever stands in for them while they are away |
//! | forward | the routed leader or stand-in, or office staff re-routing; the target is a leader |
//! | urge | office staff and leaders |
//! | extend, re-check, close (销号), reopen | office staff only |
//! | add progress | office staff, leaders, the head of the lead or a co-department |
//! | add topic | office staff and leaders |
//! | approve topic | the meeting's chair or the 区长 |
//! | materials in, minutes issued, documents issued | office staff only |
//! | request leave | the person themself or office staff; written only, for department heads, where the profile says so |

use super::Role;
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

/// "（第六十四条）" / " (art. 64)", for citing the rule behind a refusal.
fn cite(article: &str) -> (String, String) {
    crate::domain::deadline::article_suffix(article)
}

/// Signing (签批) a document.
pub fn may_sign(actor: &Who, routed: Option<i64>, standin: Option<i64>) -> Result<Capacity> {
    routed_leader(actor, routed, standin).ok_or_else(|| {
        Error::refused(
            "只有呈批领导或其代理人可以签批",
            "only the routed leader or their stand-in may sign",
        )
    })
}

/// Returning (退回) a document to its department.
pub fn may_return(actor: &Who, routed: Option<i64>, standin: Option<i64>) -> Result<Capacity> {
    routed_leader(actor, routed, standin).ok_or_else(|| {
        Error::refused(
            "只有呈批领导或其代理人可以退回公文",
            "only the routed leader or their stand-in may return a document",
        )
    })
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
    let capacity = match routed_leader(actor, routed, standin) {
        Some(c) => c,
        None if actor.role.is_office() => Capacity::Office,
        None => {
            return Err(Error::refused(
                "只有呈批领导、其代理人或区政府办公室可以转送公文",
                "only the routed leader, their stand-in or the government office may forward a document",
            ));
        }
    };
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
    office_or_leader(actor).ok_or_else(|| {
        Error::refused(
            "只有区政府办公室或区政府领导可以催办",
            "only the government office or a government leader may urge an item",
        )
    })
}

fn office_or_leader(actor: &Who) -> Option<Capacity> {
    if actor.role.is_office() {
        Some(Capacity::Office)
    } else if actor.role.is_leader() {
        Some(Capacity::Leader)
    } else {
        None
    }
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
    DocumentsIssued,
}

impl OfficeAct {
    fn verb(self) -> (&'static str, &'static str) {
        match self {
            OfficeAct::Extend => ("延期督办事项", "extend a supervision item"),
            OfficeAct::Recheck => ("安排回头看", "set a re-check (回头看)"),
            OfficeAct::Close => ("销号督办事项", "close out (销号) a supervision item"),
            OfficeAct::Reopen => ("重新打开督办事项", "reopen a supervision item"),
            OfficeAct::MaterialsIn => ("登记议题材料", "record topic materials as in"),
            OfficeAct::MinutesIssued => ("登记会议纪要印发", "record minutes as issued"),
            OfficeAct::DocumentsIssued => {
                ("登记会议文件印发", "record meeting documents as issued")
            }
        }
    }
    fn is_supervision(self) -> bool {
        matches!(
            self,
            OfficeAct::Extend | OfficeAct::Recheck | OfficeAct::Close | OfficeAct::Reopen
        )
    }
}

/// An act only office staff may do. For supervision acts the refusal cites the profile's
/// `supervision.close_by_office` rule (the ledger and its close-out are the office's).
pub fn may_office(actor: &Who, act: OfficeAct, close_by_office: Option<&Flag>) -> Result<Capacity> {
    if actor.role.is_office() {
        return Ok(Capacity::Office);
    }
    let (zh_verb, en_verb) = act.verb();
    let (zh_cite, en_cite) = match close_by_office.filter(|f| f.value && act.is_supervision()) {
        Some(f) => cite(&f.article),
        None => (String::new(), String::new()),
    };
    Err(Error::refused(
        format!("只有区政府办公室可以{zh_verb}{zh_cite}"),
        format!("only the government office may {en_verb}{en_cite}"),
    ))
}

/// Adding a progress note to a supervision item led by `lead`, helped by `co`.
pub fn may_add_progress(actor: &Who, lead: i64, co: &[i64]) -> Result<Capacity> {
    if let Some(c) = office_or_leader(actor) {
        return Ok(c);
    }
    let concerned = actor.dept_id.is_some_and(|d| d == lead || co.contains(&d));
    if actor.role == Role::DeptHead && concerned {
        return Ok(Capacity::DeptHead);
    }
    Err(Error::refused(
        "只有区政府办公室、区政府领导或牵头、协办单位负责人可以报送进展",
        "only the government office, a government leader or the head of the lead or a co-department may add progress",
    ))
}

/// Adding a topic (议题) to a meeting.
pub fn may_add_topic(actor: &Who) -> Result<Capacity> {
    office_or_leader(actor).ok_or_else(|| {
        Error::refused(
            "只有区政府办公室或区政府领导可以提出议题",
            "only the government office or a government leader may add a topic",
        )
    })
}

/// Approving a topic: the meeting's chair or the 区长.
pub fn may_approve_topic(actor: &Who, chair: Option<i64>) -> Result<Capacity> {
    if chair == Some(actor.id) {
        Ok(Capacity::Principal)
    } else if actor.role == Role::Mayor {
        Ok(Capacity::Leader)
    } else {
        Err(Error::refused(
            "只有会议主持人或区长可以审定议题",
            "only the meeting's chair or the District Mayor may approve a topic",
        ))
    }
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
    let capacity = if actor.id == person.id {
        Capacity::Principal
    } else if actor.role.is_office() {
        Capacity::Office
    } else {
        return Err(Error::refused(
            "只能本人或由区政府办公室登记请假",
            "a leave request is made by the person themself or recorded by the government office",
        ));
    };
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
