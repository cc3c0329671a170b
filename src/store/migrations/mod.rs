//! Versioned schema migrations. Each migration is one file, applied in order inside its own
//! transaction together with the bump of `PRAGMA user_version`, so a database is always at
//! exactly one known version. A database newer than this program is refused, never touched.

mod m003_chain;

use crate::error::{DbContext, Error, Result};
use rusqlite::{Connection, Transaction};

/// One migration: the version it produces, its SQL, and a step in Rust for what SQL alone
/// cannot do (run after the SQL, in the same transaction).
struct Migration {
    version: i64,
    name: &'static str,
    sql: &'static str,
    after: Option<fn(&Transaction<'_>) -> Result<()>>,
}

/// Every migration, in order. Append only: never edit one that has shipped.
const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "initial schema",
        sql: include_str!("m001_initial.sql"),
        after: None,
    },
    Migration {
        version: 2,
        name: "district rules: investment, fund requests, request dates",
        sql: include_str!("m002_rules.sql"),
        after: None,
    },
    Migration {
        version: 3,
        name: "one door for writes: administrators, 代录, the audit chain",
        sql: include_str!("m003_command.sql"),
        // The rows written before the chain existed join it.
        after: Some(m003_chain::chain_old_rows),
    },
    Migration {
        version: 4,
        name: "the duty shift: duty log, handovers, meeting versions",
        sql: include_str!("m004_duty.sql"),
        after: None,
    },
    Migration {
        version: 5,
        name: "indexes for the supervision report",
        sql: include_str!("m005_report.sql"),
        after: None,
    },
    Migration {
        version: 6,
        name: "rule gaps: needed-by dates, requesting department, minutes drafted, reports",
        sql: include_str!("m006_rules_gaps.sql"),
        after: None,
    },
    Migration {
        version: 7,
        name: "office work: department aliases, attachments, meeting held/cancelled, history indexes",
        sql: include_str!("m007_office.sql"),
        after: None,
    },
    Migration {
        version: 8,
        name: "pane counts, search rows and the urgency index: cost follows the screen",
        sql: include_str!("m008_panes.sql"),
        after: None,
    },
    Migration {
        version: 9,
        name: "findings: settled history marked, indexes over what each rule governs",
        sql: include_str!("m009_findings.sql"),
        after: None,
    },
];

/// The schema version this program writes.
pub const LATEST: i64 = 9;

/// The database's schema version.
pub fn version(conn: &Connection) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .db("reading the schema version")
}

/// Brings the database up to [`LATEST`], or refuses a newer one.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let found = version(conn)?;
    if found > LATEST {
        return Err(Error::SchemaTooNew {
            found,
            supported: LATEST,
        });
    }
    for m in MIGRATIONS.iter().filter(|m| m.version > found) {
        // IMMEDIATE so two processes opening a new file at once do not both migrate.
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .db(format!("starting migration {} ({})", m.version, m.name))?;
        // Another process may have migrated while we waited for the write lock.
        let now: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .db("re-reading the schema version")?;
        if now >= m.version {
            continue;
        }
        tx.execute_batch(m.sql)
            .db(format!("applying migration {} ({})", m.version, m.name))?;
        if let Some(step) = m.after {
            step(&tx)?;
        }
        tx.execute_batch(&format!("PRAGMA user_version = {}", m.version))
            .db(format!("recording schema version {}", m.version))?;
        tx.commit()
            .db(format!("committing migration {} ({})", m.version, m.name))?;
        tracing::info!(version = m.version, name = m.name, "migrated");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_from_empty_and_is_idempotent() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c).unwrap();
        assert_eq!(version(&c).unwrap(), LATEST);
        migrate(&mut c).unwrap();
        assert_eq!(version(&c).unwrap(), LATEST);
    }

    #[test]
    fn refuses_a_newer_schema() {
        let mut c = Connection::open_in_memory().unwrap();
        c.execute_batch("PRAGMA user_version = 99").unwrap();
        let e = migrate(&mut c).unwrap_err();
        assert!(matches!(e, Error::SchemaTooNew { found: 99, .. }), "{e}");
    }

    #[test]
    fn audit_log_is_append_only() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c).unwrap();
        c.execute(
            "INSERT INTO audit(at, actor, action, entity) VALUES ('2026-01-01 00:00:00','a','x','y')",
            [],
        )
        .unwrap();
        assert!(c.execute("UPDATE audit SET actor = 'b'", []).is_err());
        assert!(c.execute("DELETE FROM audit", []).is_err());
    }
}
