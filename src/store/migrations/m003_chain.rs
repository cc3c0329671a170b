//! Migration 3's step in Rust: the audit rows written before the log was chained join the
//! chain, so `audit verify` covers the whole history and not only what came after v3.

use crate::error::{DbContext, Result};
use crate::store::audit::{GENESIS, Hashed};
use rusqlite::{Transaction, params};

/// Rows read per batch. Reading in batches keeps memory bounded on a large log and never
/// updates a row that an open SELECT has yet to reach.
const BATCH: i64 = 10_000;

/// The append-only triggers exactly as m001 made them: they are dropped to fill the new
/// columns and must come back unchanged.
const APPEND_ONLY: &str = "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;";

/// One row as written before v3: no operating-system account, no stand-in, no business
/// date. Those columns are hashed as missing, which is what they are.
struct Old {
    id: i64,
    at: String,
    actor: String,
    action: String,
    entity: String,
    entity_id: Option<i64>,
    summary: String,
    before: Option<String>,
    after: Option<String>,
}

/// Fills `prev_hash` and `hash` for every existing row in id order and sets the head. Runs
/// inside migration 3's transaction, so no other connection ever sees the log without its
/// triggers or half chained.
pub(super) fn chain_old_rows(tx: &Transaction<'_>) -> Result<()> {
    let any: bool = tx
        .query_row("SELECT EXISTS (SELECT 1 FROM audit)", [], |r| r.get(0))
        .db("looking for audit rows to chain")?;
    if !any {
        return Ok(());
    }
    tx.execute_batch("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
        .db("lifting the append-only triggers to chain the audit log")?;
    let mut read = tx
        .prepare(
            "SELECT id, at, actor, action, entity, entity_id, summary, before, after
             FROM audit WHERE id > ?1 ORDER BY id LIMIT ?2",
        )
        .db("preparing the audit read for chaining")?;
    let mut write = tx
        .prepare("UPDATE audit SET prev_hash = ?2, hash = ?3 WHERE id = ?1")
        .db("preparing the audit chaining update")?;
    let mut prev = GENESIS.to_string();
    let mut rows: i64 = 0;
    let mut last_id = i64::MIN;
    loop {
        let batch = read
            .query_map(params![last_id, BATCH], |r| {
                Ok(Old {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    actor: r.get(2)?,
                    action: r.get(3)?,
                    entity: r.get(4)?,
                    entity_id: r.get(5)?,
                    summary: r.get(6)?,
                    before: r.get(7)?,
                    after: r.get(8)?,
                })
            })
            .db("reading audit rows to chain")?
            .collect::<std::result::Result<Vec<_>, _>>()
            .db("reading audit rows to chain")?;
        let Some(last) = batch.last() else { break };
        last_id = last.id;
        for o in &batch {
            let hash = Hashed {
                id: o.id,
                at: &o.at,
                os_account: None,
                actor: &o.actor,
                acted_for: None,
                action: &o.action,
                business_date: None,
                entity: &o.entity,
                entity_id: o.entity_id,
                summary: &o.summary,
                before: o.before.as_deref(),
                after: o.after.as_deref(),
                prev_hash: &prev,
            }
            .hash();
            write
                .execute(params![o.id, prev, hash])
                .db(format!("chaining audit row {}", o.id))?;
            prev = hash;
            rows += 1;
        }
    }
    tx.execute(
        "INSERT INTO audit_chain(id, rows, last_hash) VALUES (1, ?1, ?2)",
        params![rows, prev],
    )
    .db("setting the audit chain head")?;
    tx.execute_batch(APPEND_ONLY)
        .db("restoring the append-only triggers")?;
    tracing::info!(rows, "chained the audit log");
    Ok(())
}
