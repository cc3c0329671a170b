//! `dutydesk audit` and `dutydesk audit verify` through the built binary.

use crate::support::{Forged, dd, forge, pre_v3, raw_without_triggers, record_assorted, test_dir};
use dutydesk::command::audit_log::{self as audit, Entry};
use dutydesk::store::Store;
use predicates::prelude::*;
use rusqlite::Connection;
use serde_json::Value;
use std::path::Path;

fn stdout(a: assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

/// The ids of `audit --json ARGS…`, checking each line has every column.
fn json_ids(dir: &Path, db: &Path, args: &[&str]) -> Vec<i64> {
    let out = stdout(
        dd(dir, db)
            .arg("audit")
            .arg("--json")
            .args(args)
            .assert()
            .success(),
    );
    out.lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            for k in [
                "id",
                "at",
                "os_account",
                "actor",
                "acted_for",
                "action",
                "business_date",
                "entity",
                "entity_id",
                "summary",
                "before",
                "after",
                "prev_hash",
                "hash",
            ] {
                assert!(v.get(k).is_some(), "{k} missing in {l}");
            }
            v["id"].as_i64().unwrap()
        })
        .collect()
}

fn ids(db: &Path, sql: &str) -> Vec<i64> {
    let c = Connection::open(db).unwrap();
    c.prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn verify_after_the_demo_and_after_tampering() {
    let dir = test_dir();
    let db = dir.path().join("demo.db");
    dd(dir.path(), &db)
        .args(["--today", "2026-11-20", "demo", "--no-board"])
        .assert()
        .success();
    dd(dir.path(), &db)
        .args(["audit", "verify"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("审计链完整："));
    let mut store = Store::open(&db).unwrap();
    for i in 0..20 {
        store.write(|tx| Ok(record_assorted(tx, 0, i))).unwrap();
    }
    drop(store);
    let n = ids(&db, "SELECT count(*) FROM audit")[0];
    dd(dir.path(), &db)
        .args(["--lang", "en", "audit", "verify"])
        .assert()
        .success()
        .stdout(format!("audit chain intact: {n} rows\n"));
    raw_without_triggers(&db)
        .execute("UPDATE audit SET summary = 'nothing' WHERE id = 5", [])
        .unwrap();
    dd(dir.path(), &db)
        .args(["audit", "verify"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("第 5 条审计记录被改动"));
    dd(dir.path(), &db)
        .args(["--lang", "en", "audit", "verify"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("audit row 5 was altered"));
}

#[test]
fn a_missing_database_is_not_created() {
    let dir = test_dir();
    let db = dir.path().join("none.db");
    for args in [&["audit"][..], &["audit", "verify"]] {
        dd(dir.path(), &db)
            .args(args)
            .assert()
            .failure()
            .stderr(predicate::str::contains("none.db"));
    }
    assert!(!db.exists());
}

#[test]
fn listing_filters_by_item_and_person() {
    let dir = test_dir();
    let db = dir.path().join("demo.db");
    dd(dir.path(), &db)
        .args(["--today", "2026-11-20", "demo", "--no-board"])
        .assert()
        .success();
    let item = |table: &str| -> (i64, String) {
        Connection::open(&db)
            .unwrap()
            .query_row(
                &format!("SELECT id, ext_id FROM {table} ORDER BY id LIMIT 1"),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    let (doc, doc_ext) = item("documents");
    let (mtg, mtg_ext) = item("meetings");
    let (sup, _) = item("supervision");
    let mut store = Store::open(&db).unwrap();
    let rows = [
        ("wang", "zhou", None, "document", doc),
        ("li", "zhou", Some("wang"), "meeting", mtg),
        ("wang", "svc", None, "supervision", sup),
        ("chen", "chen", None, "document", doc),
    ];
    for (actor, os, acted_for, entity, id) in rows {
        store
            .write(|tx| {
                audit::record(
                    tx,
                    &Entry {
                        os_account: os,
                        actor,
                        acted_for,
                        action: "sign",
                        business_date: None,
                        entity,
                        entity_id: Some(id),
                        summary: &format!("{actor} on {entity}"),
                        before: None,
                        after: None,
                    },
                )
            })
            .unwrap();
    }
    drop(store);
    // Everything, oldest first, every column.
    let all = json_ids(dir.path(), &db, &[]);
    assert_eq!(all, ids(&db, "SELECT id FROM audit ORDER BY id"));
    // One item, with or without its prefix.
    let about_doc = ids(
        &db,
        &format!(
            "SELECT id FROM audit WHERE entity = 'document' AND entity_id = {doc} ORDER BY id"
        ),
    );
    assert!(about_doc.len() >= 2);
    assert_eq!(json_ids(dir.path(), &db, &["--item", &doc_ext]), about_doc);
    let doc_prefixed = format!("doc:{doc_ext}");
    assert_eq!(
        json_ids(dir.path(), &db, &["--item", &doc_prefixed]),
        about_doc
    );
    let text = stdout(
        dd(dir.path(), &db)
            .args(["audit", "--item", &doc_ext])
            .assert()
            .success(),
    );
    assert_eq!(text.lines().count(), about_doc.len());
    assert!(
        text.lines().all(|l| l.contains(&format!("公文 {doc_ext}"))),
        "{text}"
    );
    dd(dir.path(), &db)
        .args(["audit", "--item", &format!("sup:{doc_ext}")])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not found"));
    // The meeting's row, recorded for someone else.
    let mtg_prefixed = format!("mtg:{mtg_ext}");
    let text = stdout(
        dd(dir.path(), &db)
            .args(["audit", "--item", &mtg_prefixed])
            .assert()
            .success(),
    );
    assert!(
        text.contains(&format!(
            "  zhou  li 为 wang  sign  会议 {mtg_ext}  li on meeting"
        )),
        "{text}"
    );
    let text = stdout(
        dd(dir.path(), &db)
            .args(["--lang", "en", "audit", "--item", &mtg_prefixed])
            .assert()
            .success(),
    );
    assert!(text.contains("li for wang  sign  meeting"), "{text}");
    // A person: as actor or as operating-system account.
    let n = all.len();
    assert_eq!(
        json_ids(dir.path(), &db, &["--by", "zhou"]),
        all[n - 4..n - 2]
    );
    assert_eq!(
        json_ids(dir.path(), &db, &["--by", "wang"]),
        [all[n - 4], all[n - 2]]
    );
    assert_eq!(
        json_ids(dir.path(), &db, &["--by", "wang", "--item", &doc_ext]),
        [all[n - 4]]
    );
    assert!(json_ids(dir.path(), &db, &["--by", "nobody"]).is_empty());
}

#[test]
fn since_is_a_local_day_against_utc_and_older_local_times() {
    let dir = test_dir();
    let db = dir.path().join("old.db");
    // Rows 1-3 from before v3, in local time.
    pre_v3(
        &db,
        &[
            "2026-11-19 23:59:59",
            "2026-11-20 00:00:00",
            "2026-11-21 08:00:00",
        ],
    );
    let store = Store::open(&db).unwrap();
    // Rows 4-6 in UTC: 23:59:59.999 on the 19th, midnight and 11:00 on the 20th, local.
    for at in [
        "2026-11-19T15:59:59.999Z",
        "2026-11-19T16:00:00.000Z",
        "2026-11-20T03:00:00.000Z",
    ] {
        forge(
            store.conn(),
            &Forged {
                at,
                move_head: true,
                ..Forged::default()
            },
        );
    }
    drop(store);
    assert_eq!(
        json_ids(dir.path(), &db, &["--since", "2026-11-20"]),
        [2, 3, 5, 6]
    );
    assert_eq!(
        json_ids(dir.path(), &db, &["--since", "2026-11-22"]),
        [0i64; 0]
    );
    assert_eq!(
        json_ids(dir.path(), &db, &["--since", "2026-11-19"]).len(),
        6
    );
    let text = stdout(
        dd(dir.path(), &db)
            .args(["audit", "--since", "2026-11-20"])
            .assert()
            .success(),
    );
    let times: Vec<&str> = text.lines().map(|l| &l[..19]).collect();
    assert_eq!(
        times,
        [
            "2026-11-20 00:00:00",
            "2026-11-21 08:00:00",
            "2026-11-20 00:00:00",
            "2026-11-20 11:00:00"
        ]
    );
    // Old rows show no account.
    assert!(
        text.lines().next().unwrap().contains("  -  old1  sign"),
        "{text}"
    );
    dd(dir.path(), &db)
        .args(["audit", "verify"])
        .assert()
        .success()
        .stdout("审计链完整：6 条记录\n");
    dd(dir.path(), &db)
        .args(["audit", "--since", "2026-13-01"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--since"));
}

#[test]
fn no_control_sequence_reaches_the_terminal() {
    let dir = test_dir();
    let db = dir.path().join("desk.db");
    let summary = "签批\x1b]0;evil\x07完成\u{9b}2J";
    let before = serde_json::json!({"note": "\x1b[31mred"});
    let mut store = Store::open(&db).unwrap();
    store
        .write(|tx| {
            audit::record(
                tx,
                &Entry {
                    os_account: "zhou\r\n",
                    actor: "wang\u{9b}31m",
                    acted_for: Some("li\x1b[2J"),
                    action: "sign\x7f",
                    business_date: None,
                    entity: "document\u{202e}",
                    entity_id: None,
                    summary,
                    before: Some(&before),
                    after: None,
                },
            )
        })
        .unwrap();
    drop(store);
    let clean = |s: &str| {
        s.lines().all(|l| {
            !l.chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c))
        })
    };
    for lang in ["zh", "en"] {
        let text = stdout(
            dd(dir.path(), &db)
                .args(["--lang", lang, "audit"])
                .assert()
                .success(),
        );
        assert!(clean(&text), "{text:?}");
        assert!(text.contains("签批]0;evil完成2J"), "{text:?}");
        assert_eq!(text.lines().count(), 1);
    }
    // JSON escapes them and still carries the stored values exactly.
    let json = stdout(
        dd(dir.path(), &db)
            .args(["audit", "--json"])
            .assert()
            .success(),
    );
    assert!(clean(&json), "{json:?}");
    let v: Value = serde_json::from_str(json.trim_end()).unwrap();
    assert_eq!(v["summary"], summary);
    assert_eq!(v["actor"], "wang\u{9b}31m");
    assert_eq!(v["entity"], "document\u{202e}");
    assert_eq!(v["before"], before.to_string());
}
