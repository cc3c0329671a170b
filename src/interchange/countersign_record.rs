//! The countersign (会签) request as it appears in a document record: a bare department id
//! for the common case (requested the day the document came in, not yet answered), or an
//! object with the request and its answer.

use crate::domain::CountersignAnswer;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A countersign (会签) request to a department. Written as the bare department id when
/// it was requested on the day the document came in and is not yet answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "CountersignRepr", into = "CountersignRepr")]
pub struct Countersign {
    pub dept: String,
    /// Left out: the document's `received` date.
    pub requested: Option<NaiveDate>,
    pub answer: Option<CountersignAnswer>,
    pub answered_on: Option<NaiveDate>,
    pub note: String,
}

impl Countersign {
    /// A request sent the day the document came in.
    pub fn to(dept: impl Into<String>) -> Countersign {
        Countersign {
            dept: dept.into(),
            requested: None,
            answer: None,
            answered_on: None,
            note: String::new(),
        }
    }
    /// Whether the bare department id says it all.
    pub fn is_plain(&self) -> bool {
        self.requested.is_none()
            && self.answer.is_none()
            && self.answered_on.is_none()
            && self.note.is_empty()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum CountersignRepr {
    Dept(String),
    Full(CountersignFull),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CountersignFull {
    dept: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    requested: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answer: Option<CountersignAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answered_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
}

impl From<CountersignRepr> for Countersign {
    fn from(r: CountersignRepr) -> Self {
        match r {
            CountersignRepr::Dept(d) => Countersign::to(d),
            CountersignRepr::Full(f) => Countersign {
                dept: f.dept,
                requested: f.requested,
                answer: f.answer,
                answered_on: f.answered_on,
                note: f.note,
            },
        }
    }
}

impl From<Countersign> for CountersignRepr {
    fn from(c: Countersign) -> Self {
        if c.is_plain() {
            return CountersignRepr::Dept(c.dept);
        }
        CountersignRepr::Full(CountersignFull {
            dept: c.dept,
            requested: c.requested,
            answer: c.answer,
            answered_on: c.answered_on,
            note: c.note,
        })
    }
}
