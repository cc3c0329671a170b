//! Meeting rules, one table per meeting kind (`[meetings.<kind key>]`).

use super::{Cadence, Count, Flag, Period, Quorum, Roles};
use serde::{Deserialize, Serialize};

/// The rules for one kind of meeting (`[meetings.<kind key>]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct MeetingRules {
    /// The article that establishes this kind of meeting in the district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadence: Option<Cadence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<Roles>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum: Option<Quorum>,
    /// Who fixes the agenda (议题由…确定).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topics_set_by: Option<Roles>,
    /// Once the agenda is approved no topic is added (不再临时增加议题).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topics_frozen: Option<Flag>,
    /// A topic goes on the agenda only after prior consultation and agreement of the
    /// departments concerned (the note says how: 分管副区长 pre-discussion, 提报单, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic_prior_consultation: Option<Flag>,
    /// The meeting may be called only once the 区长 agrees (报请区长同意后召开).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_mayor_consent: Option<Flag>,
    /// Topics and papers must be in this long before the meeting starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials_lead: Option<Period>,
    /// Papers reach the attendees before the meeting (会前送达), no lead time stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials_before_meeting: Option<Flag>,
    /// Minutes issued (印发) within this long after the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_within: Option<Period>,
    /// Minutes drafted (起草) within this long after the meeting, where the text times the
    /// draft and leaves the signature to the chair without a limit (崆峒 四十七).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_drafted_within: Option<Period>,
    /// Who signs the minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_signer: Option<Roles>,
    /// Documents decided at the meeting issued within this long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents_within: Option<Period>,
    /// … or within this long when the meeting asked for major revisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents_within_major_revision: Option<Period>,
    /// Leave requests go to the chair (or to the roles named).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leave_to: Option<Roles>,
    /// Department heads ask leave in writing through the office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dept_head_leave_in_writing: Option<Flag>,
    /// After each meeting the government reports to the 区委 and the 区人大常委会 and informs
    /// the 区政协 (崆峒 四十二): owed by the meeting until recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_after: Option<Flag>,
    /// Decisions are tracked by the office as supervision items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decisions_tracked: Option<Flag>,
    /// Large meetings and events: the request is due this long ahead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_lead: Option<Period>,
    /// Large meetings and events: at least this long to prepare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preparation: Option<Period>,
    /// Large meetings and events: a department first obtains its 分管 leader's consent,
    /// then sends the request to the government.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub division_leader_consent_first: Option<Flag>,
    /// Large meetings and events follow a yearly plan (the note says when it is filed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yearly_plan: Option<Flag>,
    /// Large meetings and events: the month the yearly plan is filed (东昌 二十六: 每年12月初,
    /// its first ten days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yearly_plan_month: Option<Count>,
    /// Large meetings and events: at most this many district-wide meetings a year per
    /// department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yearly_max_per_department: Option<Count>,
}
