//! Stand-ins, absences and duty (`[people]`).

use super::{Count, Flag, Period, Roles};
use serde::{Deserialize, Serialize};

/// Who stands in for whom, absences and duty (`[people]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PeopleRules {
    /// The title the district gives its executive deputy ("常务副区长", "第一副区长").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executive_title: Option<String>,
    /// Who presides while the 区长 is away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mayor_standin: Option<Roles>,
    /// A deputy's A/B partner acts while they are away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ab_partner_standin: Option<Flag>,
    /// A and B partners are not away at the same time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ab_not_away_together: Option<Flag>,
    /// No more than this many leaders away at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_leaders_away: Option<Count>,
    /// Leaders ask the roles named before leaving.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader_leave_to: Option<Roles>,
    /// Department heads ask (or report to) the roles named before leaving.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dept_head_leave_to: Option<Roles>,
    /// Department heads report leave at least this long ahead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dept_head_leave_notice: Option<Period>,
    /// A leader is on duty (带班) on holidays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holiday_duty_leader: Option<Flag>,
    /// Government members stay reachable around the clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reachable_24h: Option<Flag>,
}
