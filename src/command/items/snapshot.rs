//! Rows as JSON, for the audit log's before and after: the tables the item actions change,
//! read through the one row mapping in `register::row_json`.

use crate::command::register::row_json;
use crate::error::Result;
use rusqlite::Connection;
use serde_json::Value;

/// The tables an action changes.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Table {
    Document,
    Supervision,
    Meeting,
    Topic,
    LeaveRequest,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Document => "documents",
            Table::Supervision => "supervision",
            Table::Meeting => "meetings",
            Table::Topic => "topics",
            Table::LeaveRequest => "leave_requests",
        }
    }
}

/// The row `id` of `table` as a JSON object (None when there is no such row).
pub(crate) fn row(conn: &Connection, table: Table, id: i64) -> Result<Option<Value>> {
    row_json(conn, table.name(), id)
}
