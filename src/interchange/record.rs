//! The typed records of the interchange format (docs/import.md), one per line.
//!
//! Optional fields are `Option`s: left out of a record they keep the stored value when the
//! record updates an existing row (and take their default on insert), so re-importing an
//! intake file never undoes what was done on the board. A list given replaces the child
//! rows it describes; a list left out keeps them.

use crate::domain::{
    DocKind, DocState, FeedbackCycle, MeetingKind, MeetingState, Role, Secrecy, SupSource,
    SupState, UnitKind, Urgency,
};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

pub use super::countersign_record::Countersign;
pub use super::minute;
pub use super::rules_records::{Fund, Investment};

/// One record of an import or export file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum Record {
    Department(Department),
    Person(Person),
    Absence(Absence),
    Duty(Duty),
    Meeting(Meeting),
    Document(Document),
    Supervision(Supervision),
    Investment(Investment),
    Fund(Fund),
}

/// The record types, in dependency order (the order of an export).
pub const TYPES: &[&str] = &[
    "department",
    "person",
    "absence",
    "duty",
    "meeting",
    "document",
    "supervision",
    "investment",
    "fund",
];

impl Record {
    /// The record's `type`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Record::Department(_) => "department",
            Record::Person(_) => "person",
            Record::Absence(_) => "absence",
            Record::Duty(_) => "duty",
            Record::Meeting(_) => "meeting",
            Record::Document(_) => "document",
            Record::Supervision(_) => "supervision",
            Record::Investment(_) => "investment",
            Record::Fund(_) => "fund",
        }
    }
    /// The record's external id (a duty day's date), for finding an id given twice in
    /// one file.
    pub fn key(&self) -> String {
        match self {
            Record::Department(r) => r.id.clone(),
            Record::Person(r) => r.id.clone(),
            Record::Absence(r) => r.id.clone(),
            Record::Duty(r) => r.date.to_string(),
            Record::Meeting(r) => r.id.clone(),
            Record::Document(r) => r.id.clone(),
            Record::Supervision(r) => r.id.clone(),
            Record::Investment(r) => r.id.clone(),
            Record::Fund(r) => r.id.clone(),
        }
    }
    /// The record's position in [`TYPES`].
    pub fn type_index(&self) -> usize {
        TYPES
            .iter()
            .position(|t| *t == self.type_name())
            .unwrap_or(0)
    }
}

/// A department or a town/street.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<UnitKind>,
    /// Short names the department is known by (住建局 for 区住房和城乡建设局), for the
    /// pickers; left out, those on record are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aliases: Option<Vec<String>>,
}

/// A person: a leader with a division of work (分管), an office member, a department head.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub login: String,
    pub name: String,
    pub role: Role,
    /// Department ids this person 分管.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub divisions: Option<Vec<String>>,
    /// The A/B partner's login.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// The department a 部门负责人 heads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dept: Option<String>,
}

/// An absence on record (leave, a trip, a meeting elsewhere).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    pub id: String,
    pub login: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_on: Option<NaiveDate>,
}

/// One day of the duty rota: the duty officer and the leader on duty (带班领导).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
}

/// A meeting with its members, topics and leave requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: String,
    pub title: String,
    pub kind: MeetingKind,
    #[serde(with = "minute")]
    pub start: NaiveDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The chair's login (left out: none on record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs_owed: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub major_revisions: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topics: Option<Vec<Topic>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leave: Option<Vec<Leave>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<MeetingState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_issued_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs_issued_on: Option<NaiveDate>,
    /// When a district-wide meeting or event was requested (信州 二十四, 环翠 46).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_on: Option<NaiveDate>,
    /// The department that asked for the meeting (external id or name; 信州 二十四, 环翠
    /// 55, 东昌 二十六: one district-wide meeting per department a year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<String>,
    /// When the minutes were drafted (崆峒 四十七); a later state (migration imports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_drafted_on: Option<NaiveDate>,
    /// When the report after the meeting was made (崆峒 四十二); a later state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_on: Option<NaiveDate>,
}

/// A topic (议题) on a meeting's agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dept: Option<String>,
    /// When the materials came in (None: not yet).
    #[serde(default)]
    pub materials_on: Option<NaiveDate>,
    #[serde(default)]
    pub approved: bool,
    /// When the topic was added (`YYYY-MM-DD HH:MM:SS`); import time if left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added_at: Option<String>,
}

/// A leave request (请假) for a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leave {
    pub login: String,
    pub requested_on: NaiveDate,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub in_writing: bool,
    /// The login of the person asked (the chair, by the rules of all five districts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// A document awaiting (or past) a leader's approval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub kind: DocKind,
    pub urgency: Urgency,
    /// The sending department (left out: none on record, e.g. a higher authority's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    pub received: NaiveDate,
    /// The leader's login; left out, the document is routed by division of work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// How the leader was chosen (explicit|major|division|multi|none); export keeps it so a
    /// round trip is exact. Normally left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_no: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secrecy: Option<Secrecy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub major: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matters: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carries_request: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countersign: Option<Vec<Countersign>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<DocState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instruction: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urged_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_urged_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notices: Option<Vec<Notice>>,
    /// The day the sender needs the government's decision by (东昌 二十八: 14 / 7 working
    /// days ahead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed_by: Option<NaiveDate>,
    /// Why a 特急 or 特急重要 matter is urgent (东昌 二十八: 特别紧急事项应附紧急原因说明).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgent_reason: Option<String>,
}

/// A 督办通知 / 催办 record: who urged, when, and what was said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// `YYYY-MM-DD HH:MM:SS`.
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A supervision item (督办事项).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Supervision {
    pub id: String,
    pub title: String,
    pub source: SupSource,
    pub lead: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub co: Option<Vec<String>>,
    pub assigned: NaiveDate,
    /// Left out: the profile's limit for the source (or the dutydesk default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<FeedbackCycle>,
    /// The meeting whose decision this item tracks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<SupState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recheck_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Vec<Progress>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Vec<Extension>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urged_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_urged_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notices: Option<Vec<Notice>>,
}

/// A progress note (进展) on a supervision item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub on: NaiveDate,
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// A deadline extension (延期), oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    pub old: NaiveDate,
    pub new: NaiveDate,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}
