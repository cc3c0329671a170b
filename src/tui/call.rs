//! The typed core calls the forms produce: one variant per core function the board can
//! call, with the values already checked. `core_bridge` performs them.

use crate::store::queries::Item;
use chrono::NaiveDate;

/// One core call, fully typed: what `update` hands to the core bridge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Call {
    /// `store::actions::sign`.
    Sign { doc: i64, instruction: String },
    /// `store::actions::return_document`.
    Return { doc: i64, reason: String },
    /// `store::actions::forward`.
    Forward { doc: i64, to: String, note: String },
    /// `store::actions::urge` (documents and supervision items).
    Urge { target: Item, note: String },
    /// `store::actions::extend`.
    Extend {
        sup: i64,
        to: NaiveDate,
        reason: String,
    },
    /// `store::actions::add_progress`.
    Progress { sup: i64, note: String },
    /// `store::actions::close`.
    Close { sup: i64, note: String },
    /// `store::actions::reopen`.
    Reopen { sup: i64, reason: String },
    /// `store::actions::set_recheck`.
    Recheck { sup: i64, on: NaiveDate },
    /// `store::actions::add_topic` (the department as typed).
    AddTopic {
        meeting: i64,
        title: String,
        dept: Option<String>,
    },
    /// `store::actions::approve_topic`.
    ApproveTopic { topic: i64 },
    /// `store::actions::topic_materials_in`.
    MaterialsIn { topic: i64 },
    /// `store::actions::request_leave`.
    Leave {
        meeting: i64,
        login: String,
        reason: String,
        in_writing: bool,
    },
    /// `store::actions::minutes_issued`.
    MinutesIssued { meeting: i64 },
    /// `store::actions::documents_issued`.
    DocumentsIssued { meeting: i64 },
    /// `store::rules_writes::mark_printed`.
    Printed { doc: i64 },
    /// `store::rules_writes::mark_published`.
    Published { doc: i64 },
    /// `store::rules_writes::record_decision`.
    Decide {
        meeting: i64,
        title: String,
        /// The lead department as typed (name or id); the bridge looks it up.
        lead: String,
        /// Co-departments as typed.
        co: Vec<String>,
        /// None: the rules' limit for a supervision item.
        deadline: Option<NaiveDate>,
    },
    /// `store::rules_writes::recheck_done`.
    Rechecked { sup: i64, note: String },
}
