//! The duty shift's writes: the duty log (值班日志) — an entry, an incident reported up, an
//! entry turned into a document or a supervision item —, the handover (交班, 接班确认) and
//! the duty rota (值班表). Each is one command through [`crate::command::perform`], with
//! its audit row.

mod handover;
mod log;
mod rota;

pub(crate) use handover::{confirm_handover, save_handover};
pub(crate) use log::{add_entry, report_up, resolve_entry, to_document, to_supervision};
pub(crate) use rota::{import_rota, set_rota};

// The office's own writes share one permission check and one audit step.
use super::outcome::{audited, office_actor as office};
use crate::domain::duty::LogCategory;
use crate::domain::{DocKind, SupSource, Urgency};
use chrono::{NaiveDate, NaiveDateTime};

/// A new line of the duty log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    /// When it came in (local time); None: now.
    pub received_at: Option<NaiveDateTime>,
    pub category: LogCategory,
    /// Who called or sent it: a person or department of the org chart (login, name, short
    /// name) or free text.
    pub from: String,
    pub phone: String,
    pub summary: String,
    pub urgency: Urgency,
    /// Who was informed (free text: leaders, departments).
    pub informed: String,
    /// What is to be done next.
    pub follow_up: String,
}

/// A log entry to become a document awaiting approval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToDocument {
    /// Empty: the entry's summary.
    pub title: String,
    pub kind: DocKind,
    /// The sending department; None: the entry's caller's department, if any.
    pub from: Option<String>,
}

/// A log entry to become a supervision item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToSupervision {
    /// Empty: the entry's summary.
    pub title: String,
    /// The lead department (id, name or short name).
    pub lead: String,
    pub source: SupSource,
    /// None: the district's limit for the source.
    pub deadline: Option<NaiveDate>,
}

/// One day of the rota as a CSV line or the board gives it. `None` keeps what is stored,
/// an empty string clears it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RotaDay {
    pub day: NaiveDate,
    pub officer: Option<String>,
    pub leader: Option<String>,
}

/// A saved handover report, to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoverSaved {
    /// The shift's date (the day the window ends).
    pub shift_date: NaiveDate,
    pub since: NaiveDateTime,
    pub until: NaiveDateTime,
    /// Where the report was written.
    pub path: String,
    /// SHA-256 of the file written, so the record proves which text was handed over.
    pub sha256: String,
}
