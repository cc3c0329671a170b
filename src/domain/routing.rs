//! Routing a document to the leader who approves it (分工呈批).
//!
//! The rules (xinzhou 二十九, huancui 60, kongtong 五十, dongchang 二十八, huarong 五十五):
//! a document goes to the leader whose division of work (分管) covers the sending
//! department; a major matter goes to the 区长; where several leaders' divisions are
//! touched, dongchang (二十八) sends it to the 区长 to name the lead. The function here is
//! pure: the caller passes a view of who 分管 the department and who the 区长 is.

use super::Role;
use crate::profile::Profile;

/// A leader as routing sees one: an id the caller understands and a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leader {
    pub id: i64,
    pub role: Role,
}

/// Why a document went to its leader; stored in `documents.route`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RouteReason {
    /// The record named the leader.
    Explicit,
    /// A major matter: to the 区长.
    Major,
    /// Exactly one leader 分管 the sending department.
    Division,
    /// Several leaders 分管 it: the 区长 (profile rule) or the most senior of them.
    Multi,
    /// No leader 分管 it: the 区长.
    None,
    /// A leader sent it on to another (set by the forward action, never by routing).
    Forwarded,
}

impl RouteReason {
    /// Every reason, in order.
    pub const ALL: &'static [RouteReason] = &[
        RouteReason::Explicit,
        RouteReason::Major,
        RouteReason::Division,
        RouteReason::Multi,
        RouteReason::None,
        RouteReason::Forwarded,
    ];
    /// The value stored in `documents.route`.
    pub fn as_str(self) -> &'static str {
        match self {
            RouteReason::Explicit => "explicit",
            RouteReason::Major => "major",
            RouteReason::Division => "division",
            RouteReason::Multi => "multi",
            RouteReason::None => "none",
            RouteReason::Forwarded => "forwarded",
        }
    }
    /// Parses a stored value.
    pub fn parse(s: &str) -> Option<RouteReason> {
        RouteReason::ALL.iter().copied().find(|r| r.as_str() == s)
    }
}

/// What routing needs to know about the organisation.
#[derive(Debug, Clone, Default)]
pub struct RouteView {
    /// The leaders whose divisions include the sending department, in any order.
    pub dividers: Vec<Leader>,
    /// The 区长, if the district has one on record.
    pub mayor: Option<Leader>,
}

/// Where a document goes and why. `leader` is None only when the district has no 区长 on
/// record and nobody 分管 the department.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Routed {
    pub leader: Option<Leader>,
    pub reason: RouteReason,
}

/// Routes a document. `explicit` is the leader the record names (it must be a leader, which
/// the caller checks so that it can name the field); `major` marks a major matter.
pub fn route(profile: &Profile, view: &RouteView, explicit: Option<Leader>, major: bool) -> Routed {
    if let Some(l) = explicit {
        return Routed {
            leader: Some(l),
            reason: RouteReason::Explicit,
        };
    }
    if major {
        return Routed {
            leader: view.mayor,
            reason: RouteReason::Major,
        };
    }
    let mut leaders: Vec<Leader> = view
        .dividers
        .iter()
        .copied()
        .filter(|l| l.role.is_leader())
        .collect();
    // Seniority: 区长, then 常务副区长, then 副区长; among equals, who was recorded first.
    leaders.sort_by_key(|l| (l.role, l.id));
    leaders.dedup_by_key(|l| l.id);
    match leaders.as_slice() {
        [] => Routed {
            leader: view.mayor,
            reason: RouteReason::None,
        },
        [one] => Routed {
            leader: Some(*one),
            reason: RouteReason::Division,
        },
        [first, ..] => {
            let to_mayor = profile
                .documents
                .multi_leader_to_mayor
                .as_ref()
                .is_some_and(|f| f.value);
            let leader = match (to_mayor, view.mayor) {
                (true, Some(m)) => m,
                _ => *first,
            };
            Routed {
                leader: Some(leader),
                reason: RouteReason::Multi,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(multi_to_mayor: bool) -> Profile {
        let mut text = String::from(
            "[district]\nid='t'\nname='测试区'\nprovince='测试'\nsource='测试'\nversion='1'\n",
        );
        if multi_to_mayor {
            text.push_str(
                "[documents]\nmulti_leader_to_mayor = { value = true, article = \"二十八\" }\n",
            );
        }
        toml::from_str(&text).unwrap()
    }

    const MAYOR: Leader = Leader {
        id: 1,
        role: Role::Mayor,
    };
    const EXEC: Leader = Leader {
        id: 2,
        role: Role::ExecutiveDeputy,
    };
    const DEP_A: Leader = Leader {
        id: 3,
        role: Role::DeputyMayor,
    };
    const DEP_B: Leader = Leader {
        id: 4,
        role: Role::DeputyMayor,
    };

    fn view(dividers: &[Leader]) -> RouteView {
        RouteView {
            dividers: dividers.to_vec(),
            mayor: Some(MAYOR),
        }
    }

    #[test]
    fn explicit_leader_wins() {
        let r = route(&profile(true), &view(&[DEP_A]), Some(DEP_B), true);
        assert_eq!(r.leader, Some(DEP_B));
        assert_eq!(r.reason, RouteReason::Explicit);
    }

    #[test]
    fn major_goes_to_the_mayor() {
        let r = route(&profile(false), &view(&[DEP_A]), None, true);
        assert_eq!((r.leader, r.reason), (Some(MAYOR), RouteReason::Major));
    }

    #[test]
    fn one_divider_gets_it() {
        let r = route(&profile(true), &view(&[DEP_A]), None, false);
        assert_eq!((r.leader, r.reason), (Some(DEP_A), RouteReason::Division));
    }

    #[test]
    fn several_dividers_go_to_the_mayor_where_the_profile_says_so() {
        let r = route(&profile(true), &view(&[DEP_B, EXEC]), None, false);
        assert_eq!((r.leader, r.reason), (Some(MAYOR), RouteReason::Multi));
    }

    #[test]
    fn several_dividers_otherwise_go_to_the_most_senior() {
        let r = route(&profile(false), &view(&[DEP_B, DEP_A, EXEC]), None, false);
        assert_eq!((r.leader, r.reason), (Some(EXEC), RouteReason::Multi));
        let r = route(&profile(false), &view(&[DEP_B, DEP_A]), None, false);
        assert_eq!(r.leader, Some(DEP_A), "equal rank: first recorded");
    }

    #[test]
    fn nobody_dividing_goes_to_the_mayor() {
        let r = route(&profile(true), &view(&[]), None, false);
        assert_eq!((r.leader, r.reason), (Some(MAYOR), RouteReason::None));
        let r = route(&profile(true), &RouteView::default(), None, false);
        assert_eq!((r.leader, r.reason), (None, RouteReason::None));
    }

    #[test]
    fn non_leaders_in_the_view_are_ignored() {
        let head = Leader {
            id: 9,
            role: Role::DeptHead,
        };
        let r = route(&profile(false), &view(&[head, DEP_A]), None, false);
        assert_eq!((r.leader, r.reason), (Some(DEP_A), RouteReason::Division));
    }

    #[test]
    fn reasons_round_trip() {
        for r in RouteReason::ALL {
            assert_eq!(RouteReason::parse(r.as_str()), Some(*r));
        }
    }
}
