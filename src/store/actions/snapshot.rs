//! Rows as JSON, for the audit log's before and after.

use crate::error::{DbContext, Result};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};
use serde_json::{Map, Value};

/// The tables an action changes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Table {
    Document,
    Supervision,
    Meeting,
    Topic,
    LeaveRequest,
}

impl Table {
    /// The whole row by id. Table names cannot be bound as parameters, so each table has
    /// its own fixed statement.
    fn sql(self) -> &'static str {
        match self {
            Table::Document => "SELECT * FROM documents WHERE id = ?1",
            Table::Supervision => "SELECT * FROM supervision WHERE id = ?1",
            Table::Meeting => "SELECT * FROM meetings WHERE id = ?1",
            Table::Topic => "SELECT * FROM topics WHERE id = ?1",
            Table::LeaveRequest => "SELECT * FROM leave_requests WHERE id = ?1",
        }
    }
}

/// The row `id` of `table` as a JSON object (None when there is no such row).
pub(super) fn row(conn: &Connection, table: Table, id: i64) -> Result<Option<Value>> {
    let mut stmt = conn
        .prepare_cached(table.sql())
        .db("preparing a row snapshot")?;
    let names: Vec<String> = stmt.column_names().iter().map(|n| n.to_string()).collect();
    stmt.query_row([id], |r| {
        let mut obj = Map::new();
        for (i, name) in names.iter().enumerate() {
            obj.insert(name.clone(), json_of(r.get_ref(i)?));
        }
        Ok(Value::Object(obj))
    })
    .optional()
    .db(format!("reading {table:?} {id} for the audit log"))
}

fn json_of(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        // No column of ours holds a blob; record its size rather than its bytes.
        ValueRef::Blob(b) => Value::from(format!("<{} bytes>", b.len())),
    }
}
