//! Helpers for the audit tests: databases with chained rows, rows written with a chosen
//! time, a raw connection with the append-only triggers lifted, and the binary.

#![allow(dead_code)]

use assert_cmd::cargo::cargo_bin_cmd;
use dutydesk::command::audit_log::{self as audit_log, Entry};
use dutydesk::store::Store;
use dutydesk::store::audit::{self, GENESIS, Hashed};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;
use std::path::Path;

/// A temporary directory, removed when dropped.
pub fn test_dir() -> tempfile::TempDir {
    tempfile::TempDir::new().unwrap()
}

/// `dutydesk --db DB …`, isolated from the user's config, environment and log.
pub fn dd(dir: &Path, db: &Path) -> assert_cmd::Command {
    let mut c = cargo_bin_cmd!("dutydesk");
    for var in [
        "DUTYDESK_DB",
        "DUTYDESK_TODAY",
        "DUTYDESK_LANG",
        "DUTYDESK_PROFILE",
        "DUTYDESK_AS",
    ] {
        c.env_remove(var);
    }
    c.env("DUTYDESK_CONFIG", dir.join("no-such-config.toml"))
        .env("DUTYDESK_LOG", dir.join("dutydesk.log"))
        .arg("--db")
        .arg(db);
    c
}

/// Records entry `i` of writer `w`: the entries vary every optional field, the entity and
/// the text (Chinese, empty, with a line break), so the hash covers all their shapes.
pub fn record_assorted(conn: &Connection, w: usize, i: usize) -> i64 {
    let actor = format!("user{w}");
    let summary = match i % 4 {
        0 => format!("签批《关于第{i}号请示》：同意"),
        1 => format!("progress {i}\nsecond line"),
        2 => String::new(),
        _ => format!("催办 {w}/{i}"),
    };
    let before = json!({"state": "待批", "n": i});
    let after = json!({"state": "已签批", "n": i, "by": actor});
    let id = i64::try_from(i).unwrap();
    let e = Entry {
        os_account: if i % 3 == 0 { "svc" } else { &actor },
        actor: if i % 4 == 2 { "system" } else { &actor },
        acted_for: (i % 5 == 0).then_some("mayor"),
        action: ["sign", "urge", "countersign-deemed", "import"][i % 4],
        business_date: (i % 2 == 0).then_some("2026-11-20"),
        entity: ["document", "supervision", "database", "meeting"][i % 4],
        entity_id: (i % 4 != 2).then_some(id),
        summary: &summary,
        before: (i % 3 != 1).then_some(&before),
        after: (i % 7 != 3).then_some(&after),
    };
    audit_log::record(conn, &e).unwrap()
}

/// A store on `db` holding `n` chained rows.
pub fn store_with_rows(db: &Path, n: usize) -> Store {
    let mut store = Store::open(db).unwrap();
    for i in 0..n {
        store.write(|tx| Ok(record_assorted(tx, 0, i))).unwrap();
    }
    store
}

/// A raw connection with the append-only triggers dropped, as someone editing the file
/// with another tool could.
pub fn raw_without_triggers(db: &Path) -> Connection {
    let c = Connection::open(db).unwrap();
    c.execute_batch("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
        .unwrap();
    c
}

/// A row fields are chosen for, written with a valid hash and link.
pub struct Forged<'a> {
    pub id: Option<i64>,
    pub at: &'a str,
    pub actor: &'a str,
    pub os_account: Option<&'a str>,
    pub summary: &'a str,
    /// Link to this hash instead of the last row's.
    pub prev_hash: Option<String>,
    /// Move the chain head too, as `audit::record` does.
    pub move_head: bool,
}

impl Default for Forged<'_> {
    fn default() -> Self {
        Forged {
            id: None,
            at: "2026-11-20T02:00:00.000Z",
            actor: "forger",
            os_account: Some("forger"),
            summary: "forged",
            prev_hash: None,
            move_head: false,
        }
    }
}

/// Inserts `f` with a hash computed as the log computes it; returns its id.
pub fn forge(conn: &Connection, f: &Forged<'_>) -> i64 {
    let (rows, _) = audit::head(conn).unwrap();
    let last_in_log: Option<String> = conn
        .query_row("SELECT hash FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
            r.get(0)
        })
        .optional()
        .unwrap()
        .flatten();
    let prev = f
        .prev_hash
        .clone()
        .or(last_in_log)
        .unwrap_or_else(|| GENESIS.to_string());
    let id = f.id.unwrap_or_else(|| {
        conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM audit", [], |r| {
            r.get(0)
        })
        .unwrap()
    });
    let hash = Hashed {
        id,
        at: f.at,
        os_account: f.os_account,
        actor: f.actor,
        acted_for: None,
        action: "sign",
        business_date: None,
        entity: "document",
        entity_id: Some(1),
        summary: f.summary,
        before: None,
        after: None,
        prev_hash: &prev,
    }
    .hash();
    conn.execute(
        "INSERT INTO audit(id, at, os_account, actor, action, entity, entity_id, summary,
                           prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, 'sign', 'document', 1, ?5, ?6, ?7)",
        params![id, f.at, f.os_account, f.actor, f.summary, prev, hash],
    )
    .unwrap();
    if f.move_head {
        conn.execute(
            "INSERT INTO audit_chain(id, rows, last_hash) VALUES (1, ?1, ?2)
             ON CONFLICT(id) DO UPDATE SET rows = excluded.rows, last_hash = excluded.last_hash",
            params![rows + 1, hash],
        )
        .unwrap();
    }
    id
}

/// The schema before v3, with one audit row per time in `times` written the old way (local times, no
/// account, no hash), as a database made by an older dutydesk holds them.
pub fn pre_v3(db: &Path, times: &[&str]) {
    let c = Connection::open(db).unwrap();
    c.execute_batch(include_str!("../../src/store/migrations/m001_initial.sql"))
        .unwrap();
    c.execute_batch(include_str!("../../src/store/migrations/m002_rules.sql"))
        .unwrap();
    c.execute_batch("PRAGMA user_version = 2").unwrap();
    for (i, at) in times.iter().enumerate() {
        let before = (i % 2 == 0).then(|| format!(r#"{{"state":"待批","n":{i}}}"#));
        c.execute(
            "INSERT INTO audit(at, actor, action, entity, entity_id, summary, before, after)
             VALUES (?1, ?2, 'sign', 'document', ?3, ?4, ?5, ?6)",
            params![
                at,
                format!("old{}", i % 3),
                (i % 4 != 0).then_some(i64::try_from(i).unwrap()),
                format!("旧记录 {i}"),
                before,
                format!(r#"{{"state":"已签批","n":{i}}}"#),
            ],
        )
        .unwrap();
    }
}
