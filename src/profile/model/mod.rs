//! The typed rules of a district profile. Every rule value carries the article of the
//! district's working rules that sets it; a rule the district's text does not state is
//! simply absent (`None`), and the code that uses it decides — and shows — the fallback.
//!
//! The TOML layout mirrors these structs one to one (`deny_unknown_fields` everywhere),
//! e.g. `countersign_reply = { workdays = 7, article = "二十七" }`.

mod documents;
mod investment;
mod meetings;
mod people;
mod supervision;

pub use documents::{ApprovalLimits, DocumentRules};
pub use investment::{InvestmentRules, InvestmentTier};
pub use meetings::MeetingRules;
pub use people::PeopleRules;
pub use supervision::SupervisionRules;

use crate::vocabulary::{MeetingKind, Role};
use chrono::NaiveDate;
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
    /// The day the rule took effect (`"YYYY-MM-DD"`), where the district's text or
    /// decision says so: items before it are not held to it. Absent: every item recorded
    /// here (settled history aside, docs/rules.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<NaiveDate>,
}

/// Whether a rule that took effect on `effective` governs an item of `day`.
pub fn in_force(effective: Option<NaiveDate>, day: NaiveDate) -> bool {
    effective.is_none_or(|e| day >= e)
}

/// The length of a [`Period`] in its one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// Official working days (工作日).
    Workdays(u32),
    /// Calendar days.
    Days(u32),
    /// Calendar months.
    Months(u32),
}

impl Period {
    /// The period's length, or `None` when not exactly one unit is set (a loaded profile
    /// never has such a period: validation rejects it).
    pub fn span(&self) -> Option<Span> {
        match (self.workdays, self.days, self.months) {
            (Some(n), None, None) => Some(Span::Workdays(n)),
            (None, Some(n), None) => Some(Span::Days(n)),
            (None, None, Some(n)) => Some(Span::Months(n)),
            _ => None,
        }
    }
}

/// A yes/no rule with its article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub value: bool,
    pub article: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The day the rule took effect, as for [`Period::effective`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<NaiveDate>,
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

/// A list of names with its article (for display only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub names: Vec<String>,
    pub article: String,
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
    /// Where this profile was loaded from ("builtin:xinzhou" or a file path); not part
    /// of the file.
    #[serde(skip)]
    pub loaded_from: String,
}

impl Profile {
    /// The rules for a kind of meeting, if the district has that kind.
    pub fn meeting(&self, kind: MeetingKind) -> Option<&MeetingRules> {
        self.meetings.get(kind.key())
    }

    /// The title of the executive deputy in this district ("常务副区长" unless the
    /// profile names another, e.g. "第一副区长").
    pub fn executive_title(&self) -> &str {
        self.people
            .executive_title
            .as_deref()
            .unwrap_or("常务副区长")
    }
}
