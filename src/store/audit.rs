//! The audit log: one row per change, in the same transaction as the change itself.

use crate::error::{DbContext, Result};
use rusqlite::{Connection, params};

/// One change to record.
pub struct Entry<'a> {
    /// Login of the person acting.
    pub actor: &'a str,
    /// Local time of the change, `YYYY-MM-DD HH:MM:SS`.
    pub at: &'a str,
    /// What was done: "sign", "import", "urge", …
    pub action: &'a str,
    /// The table changed: "document", "supervision", "meeting", …
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    /// One line a person can read in the item's history.
    pub summary: &'a str,
    pub before: Option<&'a serde_json::Value>,
    pub after: Option<&'a serde_json::Value>,
}

/// Appends an entry.
pub fn record(conn: &Connection, e: &Entry<'_>) -> Result<()> {
    let mut stmt = conn
        .prepare_cached(
            "INSERT INTO audit(at, actor, action, entity, entity_id, summary, before, after)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .db("preparing the audit insert")?;
    stmt.execute(params![
        e.at,
        e.actor,
        e.action,
        e.entity,
        e.entity_id,
        e.summary,
        e.before.map(|v| v.to_string()),
        e.after.map(|v| v.to_string()),
    ])
    .db(format!("recording '{}' in the audit log", e.action))?;
    Ok(())
}

/// One entry as read back for an item's history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HistoryEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub summary: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The full history of one item, oldest first.
pub fn history(conn: &Connection, entity: &str, entity_id: i64) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, at, actor, action, summary, before, after FROM audit
             WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
        )
        .db("preparing the history query")?;
    let rows = stmt
        .query_map(params![entity, entity_id], |r| {
            Ok(HistoryEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                action: r.get(3)?,
                summary: r.get(4)?,
                before: r.get(5)?,
                after: r.get(6)?,
            })
        })
        .db("reading an item's history")?;
    rows.collect::<std::result::Result<_, _>>()
        .db("reading an item's history")
}
