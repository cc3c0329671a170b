//! Document handling rules (`[documents]`).

use super::{Count, Flag, Named, Period, Roles};
use serde::{Deserialize, Serialize};

/// Approval time limits by urgency (`[documents.approval_limits]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ApprovalLimits {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normal: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgent: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub very_urgent: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub critical: Option<Period>,
}

impl ApprovalLimits {
    /// Whether no limit is set.
    pub fn is_empty(&self) -> bool {
        self.normal.is_none()
            && self.urgent.is_none()
            && self.very_urgent.is_none()
            && self.critical.is_none()
    }
}

/// Document handling rules (`[documents]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DocumentRules {
    /// Everything comes in through the office, never to a leader in person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intake_via_office: Option<Flag>,
    /// A 请示 carries one matter (一文一事).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_matter_per_request: Option<Flag>,
    /// A 报告 carries no 请示.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_request_in_report: Option<Flag>,
    /// Routed to the leader whose division of work (分工) covers the sending department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing_by_division: Option<Flag>,
    /// Major matters go to the 区长.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub major_to_mayor: Option<Flag>,
    /// Where several leaders' divisions are touched, the 区长 names the lead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_leader_to_mayor: Option<Flag>,
    #[serde(default, skip_serializing_if = "ApprovalLimits::is_empty")]
    pub approval_limits: ApprovalLimits,
    /// The leader signs a 特急重要 document within this long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub critical_leader_sign: Option<Period>,
    /// Leaders clear papers the same day (当日事当日清): a warning past this long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_day_clearance: Option<Period>,
    /// Lead time owed to the government for a normal matter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_lead_normal: Option<Period>,
    /// Lead time owed to the government for an urgent matter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_lead_urgent: Option<Period>,
    /// A matter more urgent than 紧急 (特别紧急) carries a written reason for its urgency
    /// (东昌 二十八: 除突发事件外，应附加紧急原因说明).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_urgent_reason: Option<Flag>,
    /// Countersign (会签/征求意见) replies are due within this long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countersign_reply: Option<Period>,
    /// Silence past the reply limit counts as no objection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countersign_silence_is_consent: Option<Flag>,
    /// Printed within this long after signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub print_after_sign: Option<Period>,
    /// Published online within this long after printing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish_after_print: Option<Period>,
    /// Who signs what (签发权限), as the district's short statements, for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_authority: Option<Named>,
    /// Who approves use of the government's seal (印章使用).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal_approval: Option<Roles>,
    /// Normative documents (规范性文件) are filed with the 人大 (备案).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normative_filing: Option<Flag>,
    /// Normative documents pass a legality review (合法性审查) before issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normative_legality_review: Option<Flag>,
    /// Normative documents are valid at most this many years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normative_validity_years: Option<Count>,
}
