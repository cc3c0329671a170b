//! What the audit rows after a given one touched, for the board's 合规 findings: the
//! action, the entity and its row id only, read by primary key, so the cost follows the
//! rows read, never the log's length.

use crate::error::{DbContext, Result};
use rusqlite::Connection;

/// One audit row's target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Touched {
    pub id: i64,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
}

/// At most `limit` rows after `after`, oldest first.
pub fn after(conn: &Connection, after: i64, limit: usize) -> Result<Vec<Touched>> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    conn.prepare_cached(
        "SELECT id, action, entity, entity_id FROM audit WHERE id > ?1 ORDER BY id LIMIT ?2",
    )
    .db("preparing the audit changes read")?
    .query_map(rusqlite::params![after, limit], |r| {
        Ok(Touched {
            id: r.get(0)?,
            action: r.get(1)?,
            entity: r.get(2)?,
            entity_id: r.get(3)?,
        })
    })
    .db("reading the audit changes")?
    .collect::<std::result::Result<_, _>>()
    .db("reading the audit changes")
}
