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
    let mut chain = Chain::read(conn)?;
    let id = chain.append(conn, e)?;
    chain.save(conn)?;
    Ok(id)
}

/// The chain's head held in memory while one transaction appends many entries (an
/// import's one per record): read once, moved with every append, saved once. Nothing
/// else may append between [`Chain::read`] and [`Chain::save`] on the same transaction.
#[derive(Debug, Clone)]
pub struct Chain {
    /// The next row's id (fixed before the insert so the hash can cover it).
    next_id: i64,
    /// Rows in the log, as `audit_chain` counts them.
    rows: i64,
    /// The last row's hash.
    last: String,
    /// Whether rows were appended since the head was read.
    moved: bool,
}

impl Chain {
    /// The head as stored, and the id the next row gets.
    pub fn read(conn: &Connection) -> Result<Chain> {
        let (rows, last) = head(conn)?;
        let next_id: i64 = conn
            .prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM audit")
            .db("preparing the audit id")?
            .query_row([], |r| r.get(0))
            .db("choosing the audit id")?;
        Ok(Chain {
            next_id,
            rows,
            last,
            moved: false,
        })
    }

    /// Appends an entry.
    pub fn append(&mut self, conn: &Connection, e: &Entry<'_>) -> Result<i64> {
        let before = e.before.map(|v| v.to_string());
        let after = e.after.map(|v| v.to_string());
        self.append_text(conn, e, before.as_deref(), after.as_deref())
    }

    /// Appends an entry whose rows before and after are already JSON text (`e.before` and
    /// `e.after` are not read): an import writes them straight from the row.
    pub(crate) fn append_text(
        &mut self,
        conn: &Connection,
        e: &Entry<'_>,
        before: Option<&str>,
        after: Option<&str>,
    ) -> Result<i64> {
        let id = self.next_id;
        let at = now_utc();
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
            before,
            after,
            prev_hash: &self.last,
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
            self.last,
            hash,
        ])
        .db(format!("recording '{}' in the audit log", e.action))?;
        self.next_id += 1;
        self.rows += 1;
        self.last = hash;
        self.moved = true;
        Ok(id)
    }

    /// Writes the head back, when rows were appended.
    pub fn save(&mut self, conn: &Connection) -> Result<()> {
        if !self.moved {
            return Ok(());
        }
        conn.prepare_cached(
            "INSERT INTO audit_chain(id, rows, last_hash) VALUES (1, ?1, ?2)
             ON CONFLICT(id) DO UPDATE SET rows = excluded.rows, last_hash = excluded.last_hash",
        )
        .db("preparing the audit chain update")?
        .execute(params![self.rows, self.last])
        .db("moving the audit chain head")?;
        self.moved = false;
        Ok(())
    }
}
