//! Supervision rules (`[supervision]`).

use super::{Count, Flag, Named, Period};
use serde::{Deserialize, Serialize};

/// Supervision rules (`[supervision]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SupervisionRules {
    /// Kinds of supervision the district names (综合, 专项, …), for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinds: Option<Named>,
    /// What supervision concentrates on (督查重点: work-report tasks, meeting decisions,
    /// leader instructions, …), for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<Named>,
    /// Supervision follows a yearly plan; nothing unplanned without approval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_plan: Option<Flag>,
    /// The lead (牵头) department leads; co-departments (协办) help.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_and_co: Option<Flag>,
    /// Items are kept in a ledger (台账) until fixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger: Option<Flag>,
    /// Items are closed out (销号) by the office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close_by_office: Option<Flag>,
    /// The office urges (催办) and presses (督办) items that fall behind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urging: Option<Flag>,
    /// Urging an item issues a 督办通知.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_on_urge: Option<Flag>,
    /// Fixed items are re-checked (回头看, 复查核验).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recheck: Option<Flag>,
    /// Results are made known in bulletins (通报); the note names further measures (约谈).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulletins: Option<Flag>,
    /// Results may be reviewed by a third party (第三方评估).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub third_party_review: Option<Flag>,
    /// Towns and departments are assessed yearly on the items (年度考核).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yearly_assessment: Option<Flag>,
    /// Default limit for 人大建议 / 政协提案 counted from assignment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal_limit: Option<Period>,
    /// Meeting decisions are tracked and reported regularly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_decisions_tracked: Option<Flag>,
    /// 红黄绿灯: an open item due within this long is yellow (default 5 working days),
    /// as the district's own bulletin scheme sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yellow_within: Option<Period>,
    /// 红黄绿灯: an open item extended this many times is yellow (default once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yellow_after_extensions: Option<Count>,
}
