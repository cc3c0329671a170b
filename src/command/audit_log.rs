//! The audit row's writer: the one append to the audit log, called by every command
//! (`outcome::write`) inside its transaction. The log's reading side — history, listing,
//! the chain's verification — is `store::audit`.

use crate::error::{DbContext, Result};
use crate::store::audit::{Hashed, head, now_utc};
use rusqlite::{Connection, params};

/// One change to record. The time is not given: the log takes it from the real clock.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The operating-system account of the process that made the change.
    pub os_account: &'a str,
    /// Login of the person acting ("system" for the rules' own writes).
    pub actor: &'a str,
    /// Login of the person acted for (代录, a stand-in), if not the actor.
    pub acted_for: Option<&'a str>,
    /// The command: "sign", "import", "urge", …
    pub action: &'a str,
    /// The business date the command ran under, when the clock was pinned.
    pub business_date: Option<&'a str>,
    /// The table changed: "document", "supervision", "meeting", …
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    /// One line a person can read in the item's history.
    pub summary: &'a str,
    pub before: Option<&'a serde_json::Value>,
    pub after: Option<&'a serde_json::Value>,
}

/// Appends an entry, chained to the last one. Runs inside the caller's transaction, which
/// holds the write lock, so no other writer can slip a row in between.
pub fn record(conn: &Connection, e: &Entry<'_>) -> Result<i64> {
    let (rows, prev) = head(conn)?;
    let at = now_utc();
    let before = e.before.map(|v| v.to_string());
    let after = e.after.map(|v| v.to_string());
    // The id is fixed before the insert so the hash can cover it.
    let id: i64 = conn
        .prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM audit")
        .db("preparing the audit id")?
        .query_row([], |r| r.get(0))
        .db("choosing the audit id")?;
    let hash = Hashed {
        id,
        at: &at,
        os_account: Some(e.os_account),
        actor: e.actor,
        acted_for: e.acted_for,
        action: e.action,
        business_date: e.business_date,
        entity: e.entity,
        entity_id: e.entity_id,
        summary: e.summary,
        before: before.as_deref(),
        after: after.as_deref(),
        prev_hash: &prev,
    }
    .hash();
    conn.prepare_cached(
        "INSERT INTO audit(id, at, os_account, actor, acted_for, action, business_date,
                           entity, entity_id, summary, before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )
    .db("preparing the audit insert")?
    .execute(params![
        id,
        at,
        e.os_account,
        e.actor,
        e.acted_for,
        e.action,
        e.business_date,
        e.entity,
        e.entity_id,
        e.summary,
        before,
        after,
        prev,
        hash,
    ])
    .db(format!("recording '{}' in the audit log", e.action))?;
    conn.prepare_cached(
        "INSERT INTO audit_chain(id, rows, last_hash) VALUES (1, ?1, ?2)
         ON CONFLICT(id) DO UPDATE SET rows = excluded.rows, last_hash = excluded.last_hash",
    )
    .db("preparing the audit chain update")?
    .execute(params![rows + 1, hash])
    .db("moving the audit chain head")?;
    Ok(id)
}
