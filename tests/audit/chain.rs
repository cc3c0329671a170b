//! The chain through the library: intact after concurrent writers, every kind of tampering
//! found and named, and a log from before v3 chained by the migration.

use crate::support::{Forged, forge, pre_v3, raw_without_triggers, record_assorted};
use crate::support::{store_with_rows, test_dir};
use dutydesk::store::Store;
use dutydesk::store::audit::{self, GENESIS, Kind, Verification};
use rusqlite::Connection;

fn verify_file(db: &std::path::Path) -> Verification {
    let store = Store::open(db).unwrap();
    audit::verify(store.conn()).unwrap()
}

/// The problem's kind and row, with its messages checked to name the row in both languages.
fn problem(v: &Verification) -> (Kind, i64) {
    assert!(!v.ok, "{v:?}");
    let p = v.problem.as_ref().unwrap();
    assert!(p.zh.contains(&format!("第 {} 条", p.id)), "{p:?}");
    assert!(p.en.contains(&format!("row {}", p.id)), "{p:?}");
    (p.kind, p.id)
}

#[test]
fn concurrent_writers_leave_an_intact_chain() {
    let dir = test_dir();
    let db = dir.path().join("desk.db");
    // Made (and migrated) before the writers start, so they only race for the write lock.
    drop(Store::open(&db).unwrap());
    let (writers, each) = (4, 30);
    std::thread::scope(|s| {
        for w in 0..writers {
            let db = &db;
            s.spawn(move || {
                let mut store = Store::open(db).unwrap();
                for i in 0..each {
                    store
                        .write(|tx| {
                            record_assorted(tx, w, i);
                            // Some transactions hold two rows.
                            if i % 5 == 1 {
                                record_assorted(tx, w, i + 100);
                            }
                            Ok(())
                        })
                        .unwrap();
                }
            });
        }
    });
    let v = verify_file(&db);
    let expected = writers * (each + each / 5);
    assert!(v.ok, "{v:?}");
    assert_eq!(v.rows, i64::try_from(expected).unwrap());
    let store = Store::open(&db).unwrap();
    assert_eq!(audit::head(store.conn()).unwrap().0, v.rows);
}

#[test]
fn an_empty_log_is_intact() {
    let store = Store::open_in_memory().unwrap();
    let v = audit::verify(store.conn()).unwrap();
    assert!(v.ok && v.rows == 0 && v.problem.is_none(), "{v:?}");
}

/// Ten chained rows, then `tamper` on a raw connection without the triggers.
fn tampered(tamper: impl FnOnce(&Connection)) -> Verification {
    let dir = test_dir();
    let db = dir.path().join("desk.db");
    drop(store_with_rows(&db, 10));
    tamper(&raw_without_triggers(&db));
    verify_file(&db)
}

#[test]
fn an_altered_row_is_named() {
    let v = tampered(|c| {
        c.execute(
            "UPDATE audit SET summary = 'nothing happened' WHERE id = 4",
            [],
        )
        .unwrap();
    });
    assert_eq!(problem(&v), (Kind::Altered, 4));
    assert_eq!(v.rows, 3);
    // The same for the last row, a link column, and a hash taken away.
    let v = tampered(|c| {
        c.execute("UPDATE audit SET actor = 'someone' WHERE id = 10", [])
            .unwrap();
    });
    assert_eq!(problem(&v), (Kind::Altered, 10));
    let v = tampered(|c| {
        c.execute("UPDATE audit SET prev_hash = ?1 WHERE id = 6", [GENESIS])
            .unwrap();
    });
    assert_eq!(problem(&v), (Kind::Altered, 6));
    let v = tampered(|c| {
        c.execute("UPDATE audit SET hash = NULL WHERE id = 7", [])
            .unwrap();
    });
    assert_eq!(problem(&v), (Kind::Altered, 7));
}

#[test]
fn a_row_rewritten_with_a_fresh_hash_is_named() {
    // The forger recomputes the row's hash: the next row's link still holds the old one.
    let v = tampered(|c| {
        let prev: String = c
            .query_row("SELECT prev_hash FROM audit WHERE id = 3", [], |r| r.get(0))
            .unwrap();
        c.execute("DELETE FROM audit WHERE id = 3", []).unwrap();
        forge(
            c,
            &Forged {
                id: Some(3),
                prev_hash: Some(prev),
                ..Forged::default()
            },
        );
    });
    assert_eq!(problem(&v), (Kind::Altered, 3));
    assert_eq!(v.rows, 2);
    // The last row so rewritten: the head's last hash differs.
    let v = tampered(|c| {
        let prev: String = c
            .query_row("SELECT prev_hash FROM audit WHERE id = 10", [], |r| {
                r.get(0)
            })
            .unwrap();
        c.execute("DELETE FROM audit WHERE id = 10", []).unwrap();
        forge(
            c,
            &Forged {
                prev_hash: Some(prev),
                ..Forged::default()
            },
        );
    });
    assert_eq!(problem(&v), (Kind::Altered, 10));
}

#[test]
fn a_removed_row_is_named() {
    let v = tampered(|c| {
        c.execute("DELETE FROM audit WHERE id = 5", []).unwrap();
    });
    assert_eq!(problem(&v), (Kind::Removed, 6), "the row after the gap");
    let v = tampered(|c| {
        c.execute("DELETE FROM audit WHERE id IN (1, 2)", [])
            .unwrap();
    });
    assert_eq!(problem(&v), (Kind::Removed, 3));
    // The last row: only the head's count shows it.
    let v = tampered(|c| {
        c.execute("DELETE FROM audit WHERE id = 10", []).unwrap();
    });
    assert_eq!(problem(&v), (Kind::Removed, 10));
    assert_eq!(v.rows, 9);
    assert!(v.problem.unwrap().en.contains("head records 10 rows"));
    // Everything.
    let v = tampered(|c| {
        c.execute("DELETE FROM audit", []).unwrap();
    });
    assert_eq!(problem(&v), (Kind::Removed, 1));
}

#[test]
fn an_inserted_row_is_named() {
    // Inserted the old way, without a hash.
    let v = tampered(|c| {
        c.execute(
            "INSERT INTO audit(at, actor, action, entity, summary)
             VALUES ('2026-11-20T02:00:00.000Z', 'forger', 'sign', 'document', 'forged')",
            [],
        )
        .unwrap();
    });
    assert_eq!(problem(&v), (Kind::Inserted, 11));
    assert_eq!(v.rows, 10);
    // With a valid hash and link: the head does not count it.
    let v = tampered(|c| {
        forge(c, &Forged::default());
    });
    assert_eq!(problem(&v), (Kind::Inserted, 11));
    // Before the first row, linked to the start, head moved: the first row's link
    // skips it.
    let v = tampered(|c| {
        forge(
            c,
            &Forged {
                id: Some(0),
                prev_hash: Some(GENESIS.to_string()),
                move_head: true,
                ..Forged::default()
            },
        );
    });
    assert_eq!(problem(&v), (Kind::Inserted, 0));
    assert_eq!(v.rows, 0, "the rows before the one named");
    // In a gap left by a removed row, with a hash that links nowhere.
    let v = tampered(|c| {
        c.execute("DELETE FROM audit WHERE id = 5", []).unwrap();
        c.execute(
            "INSERT INTO audit(id, at, actor, action, entity, summary, prev_hash, hash)
             VALUES (5, '2026-11-20T02:00:00.000Z', 'forger', 'sign', 'document', 'x', 'a', 'b')",
            [],
        )
        .unwrap();
    });
    assert_eq!(problem(&v), (Kind::Altered, 5), "a row replaced in place");
}

#[test]
fn a_log_from_before_v3_joins_the_chain() {
    let dir = test_dir();
    let db = dir.path().join("old.db");
    let times: Vec<String> = (0..40)
        .map(|i| format!("2025-03-{:02} 09:{:02}:00", 1 + i / 2, i))
        .collect();
    pre_v3(&db, &times.iter().map(String::as_str).collect::<Vec<_>>());
    let mut store = Store::open(&db).unwrap();
    let v = audit::verify(store.conn()).unwrap();
    assert!(v.ok, "{v:?}");
    assert_eq!(v.rows, 40);
    let c = store.conn();
    let (unchained, first_prev, accounts): (i64, String, i64) = c
        .query_row(
            "SELECT (SELECT count(*) FROM audit WHERE hash IS NULL OR prev_hash IS NULL),
                    (SELECT prev_hash FROM audit WHERE id = 1),
                    (SELECT count(os_account) FROM audit)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((unchained, first_prev.as_str(), accounts), (0, GENESIS, 0));
    let last: String = c
        .query_row("SELECT hash FROM audit WHERE id = 40", [], |r| r.get(0))
        .unwrap();
    assert_eq!(audit::head(c).unwrap(), (40, last));
    // The triggers are back, exactly as a new database has them.
    assert!(c.execute("UPDATE audit SET actor = 'x'", []).is_err());
    assert!(c.execute("DELETE FROM audit WHERE id = 1", []).is_err());
    let fresh = Store::open_in_memory().unwrap();
    let triggers = |c: &Connection| -> Vec<String> {
        c.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(triggers(c), triggers(fresh.conn()));
    // New rows chain on, and an old row altered later is found.
    store.write(|tx| Ok(record_assorted(tx, 1, 1))).unwrap();
    assert_eq!(audit::verify(store.conn()).unwrap().rows, 41);
    drop(store);
    raw_without_triggers(&db)
        .execute("UPDATE audit SET summary = 'rewritten' WHERE id = 12", [])
        .unwrap();
    assert_eq!(problem(&verify_file(&db)), (Kind::Altered, 12));
}

#[test]
fn a_database_from_before_v3_without_audit_rows_migrates() {
    let dir = test_dir();
    let db = dir.path().join("old.db");
    pre_v3(&db, &[]);
    let v = verify_file(&db);
    assert!(v.ok && v.rows == 0, "{v:?}");
}
