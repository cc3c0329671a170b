//! The typed rules of a district profile. Every rule value carries the article of the
//! district's working rules that sets it; a rule the district's text does not state is
//! simply absent (`None`), and the code that uses it decides — and shows — the fallback.
//!
//! The TOML layout mirrors these structs one to one (`deny_unknown_fields` everywhere),
//! e.g. `countersign_reply = { workdays = 7, article = "二十七" }`.

use crate::domain::Role;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A span of time with its article: exactly one of `workdays`, `days`, `months` is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workdays: Option<u32>,
    /// Calendar days (天/日).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// The article that sets it, as the district numbers articles ("二十七", "43").
    pub article: String,
    /// A short note where the text qualifies the rule ("原则上", "major revisions").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A yes/no rule with its article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub value: bool,
    pub article: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A number with its article (a count of leaders, of years, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub value: u32,
    pub article: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Who may act: roles in order of preference, with its article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    pub roles: Vec<Role>,
    /// Roles that may act by the principal's delegation (受委托).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delegate: Vec<Role>,
    pub article: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The unit of a cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CadenceUnit {
    Week,
    Month,
    Year,
}

/// How often a meeting kind meets. Either `as_needed = true`, or `times` (at least
/// `times`, at most `times_max`) per `every` × `unit`: "1–2 a month" is
/// `{ times = 1, times_max = 2, every = 1, unit = "month" }`, "every 2 weeks" is
/// `{ times = 1, every = 2, unit = "week" }`, "every half year" is
/// `{ times = 1, every = 6, unit = "month" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cadence {
    #[serde(default)]
    pub as_needed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times_max: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<CadenceUnit>,
    pub article: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Quorum: attendance must be more than `numerator/denominator` of the members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quorum {
    pub more_than_numerator: u32,
    pub more_than_denominator: u32,
    pub article: String,
}

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
    /// Topics and papers must be in this long before the meeting starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials_lead: Option<Period>,
    /// Minutes drafted within this long after the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_within: Option<Period>,
    /// Documents decided at the meeting issued within this long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents_within: Option<Period>,
    /// … or within this long when the meeting asked for major revisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents_within_major_revision: Option<Period>,
    /// Who signs the minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_signer: Option<Roles>,
    /// Leave requests go to the chair (or to the roles named).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leave_to: Option<Roles>,
    /// Department heads ask leave in writing through the office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dept_head_leave_in_writing: Option<Flag>,
    /// Decisions are tracked by the office as supervision items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decisions_tracked: Option<Flag>,
    /// Large meetings and events: the request is due this long ahead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_lead: Option<Period>,
    /// Large meetings and events: at least this long to prepare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preparation: Option<Period>,
}

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
    #[serde(default)]
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
    /// Normative documents are valid at most this many years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normative_validity_years: Option<Count>,
}

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

/// Supervision rules (`[supervision]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SupervisionRules {
    /// Kinds of supervision the district names (综合, 专项, …), for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinds: Option<Named>,
    /// The lead (牵头) department leads; co-departments (协办) help.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_and_co: Option<Flag>,
    /// Items are kept in a ledger and closed out (销号) by the office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close_by_office: Option<Flag>,
    /// Urging an item issues a 督办通知.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_on_urge: Option<Flag>,
    /// Fixed items are re-checked (回头看).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recheck: Option<Flag>,
    /// Default limit for 人大建议 / 政协提案 counted from assignment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal_limit: Option<Period>,
    /// Meeting decisions are tracked and reported regularly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_decisions_tracked: Option<Flag>,
}

/// A list of names with its article (for display only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub names: Vec<String>,
    pub article: String,
}

/// One investment tier: projects of `min_wan` (exclusive unless `min_inclusive`) up to
/// `max_wan` (inclusive unless `max_exclusive`) 万元 follow `steps` in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvestmentTier {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_wan: Option<f64>,
    #[serde(default)]
    pub min_inclusive: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_wan: Option<f64>,
    #[serde(default)]
    pub max_exclusive: bool,
    pub steps: Vec<String>,
    pub article: String,
}

/// Investment and fund rules (`[investment]`, 信州 only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct InvestmentRules {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<InvestmentTier>,
    /// Consulted departments answer a fund request within this long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_consultation: Option<Period>,
}

/// Which district this is and where its rules come from (`[district]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct District {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    pub province: String,
    /// The document the rules come from (title and number).
    pub source: String,
    /// Year or status of the text ("2023", "征求意见稿").
    pub version: String,
}

/// A whole district profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub district: District,
    #[serde(default)]
    pub people: PeopleRules,
    #[serde(default)]
    pub documents: DocumentRules,
    /// Meeting rules keyed by `MeetingKind::key()`.
    #[serde(default)]
    pub meetings: BTreeMap<String, MeetingRules>,
    #[serde(default)]
    pub supervision: SupervisionRules,
    #[serde(default)]
    pub investment: InvestmentRules,
}
