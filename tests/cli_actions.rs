//! The item actions through the built binary, on a temporary database filled with the
//! test district: each prints what was done, a refusal exits non-zero with its reason in
//! the user's language, and nothing a refused command touched changes.

#[allow(dead_code)]
#[path = "actions/fixture.rs"]
mod fixture;

use assert_cmd::cargo::cargo_bin_cmd;
use dutydesk::store::Store;
use predicates::prelude::*;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A temporary database with the test district, plus an item id shared by a document
/// and a supervision item.
fn district() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("desk.db");
    let store = Store::open(&db).unwrap();
    store.conn().execute_batch(fixture::FIXTURE).unwrap();
    store
        .conn()
        .execute_batch(
            "INSERT INTO documents(id, ext_id, title, kind, urgency, received, leader_id, updated_at)
               VALUES (5, 'X1', '同号公文', '函', '一般', '2025-03-07', 3, '2025-03-07 09:00:00');
             INSERT INTO supervision(id, ext_id, title, source, lead_dept, assigned, deadline, updated_at)
               VALUES (3, 'X1', '同号督办', '领导批示', 1, '2025-03-07', '2025-04-07', '2025-03-07 09:00:00');",
        )
        .unwrap();
    (dir, db)
}

/// `dutydesk --db DB --today 2025-03-10 --profile dongchang --as ACTOR …`, isolated from
/// the user's config, environment and log.
fn dd(dir: &Path, db: &Path, actor: &str) -> assert_cmd::Command {
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
        .arg(db)
        .args([
            "--today",
            "2025-03-10",
            "--profile",
            "dongchang",
            "--as",
            actor,
        ]);
    c
}

fn one(db: &Path, sql: &str) -> String {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0))
        .map(|v| match v {
            rusqlite::types::Value::Text(s) => s,
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Null => "NULL".into(),
            other => format!("{other:?}"),
        })
        .unwrap()
}

fn audit_actions(db: &Path) -> String {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT actor || ':' || action FROM audit ORDER BY id")
        .unwrap();
    let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
    rows.map(|r| r.unwrap()).collect::<Vec<_>>().join(" ")
}

#[test]
fn sign_and_return() {
    let (dir, db) = district();
    dd(dir.path(), &db, "wang")
        .args(["sign", "D1", "--text", "同意"])
        .assert()
        .success()
        .stdout("王副区长签批《关于发改项目的请示》：同意\n");
    assert_eq!(
        one(&db, "SELECT state FROM documents WHERE ext_id = 'D1'"),
        "已签批"
    );
    dd(dir.path(), &db, "wang")
        .args(["--lang", "en", "sign", "D1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "only pending documents can be signed",
        ));
    dd(dir.path(), &db, "mayor")
        .args(["return", "D2", "--reason", "请补充测算依据"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "退回《关于财政预算的请示》：请补充测算依据",
        ));
    assert_eq!(
        one(
            &db,
            "SELECT return_reason FROM documents WHERE ext_id = 'D2'"
        ),
        "请补充测算依据"
    );
    assert_eq!(audit_actions(&db), "wang:sign mayor:return");
}

#[test]
fn a_refusal_exits_non_zero_with_the_reason() {
    let (dir, db) = district();
    dd(dir.path(), &db, "chen")
        .args(["sign", "D1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("只有呈批领导或其代理人可以签批"));
    dd(dir.path(), &db, "chen")
        .args(["--lang", "en", "sign", "D1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "only the routed leader or their stand-in may sign",
        ));
    dd(dir.path(), &db, "stranger")
        .args(["sign", "D1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("stranger"));
    dd(dir.path(), &db, "wang")
        .args(["sign", "NOPE"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("NOPE"));
    assert_eq!(
        one(&db, "SELECT state FROM documents WHERE ext_id = 'D1'"),
        "待批"
    );
    assert_eq!(one(&db, "SELECT COUNT(*) FROM audit"), "0");
}

#[test]
fn a_stand_in_signs_for_an_absent_leader() {
    let (dir, db) = district();
    Connection::open(&db)
        .unwrap()
        .execute(
            "INSERT INTO absences(person_id, start_on, end_on) VALUES (3, '2025-03-10', '2025-03-12')",
            [],
        )
        .unwrap();
    dd(dir.path(), &db, "zhao")
        .args(["sign", "D1", "-t", "同意"])
        .assert()
        .success()
        .stdout(predicate::str::contains("代签（代王副区长）"));
}

#[test]
fn urge_documents_and_items() {
    let (dir, db) = district();
    dd(dir.path(), &db, "liu")
        .args(["urge", "D2", "--note", "请尽快批示"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "催办《关于财政预算的请示》（第1次）",
        ));
    dd(dir.path(), &db, "liu")
        .args(["urge", "S1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("督办通知"));
    dd(dir.path(), &db, "liu")
        .args(["urge", "X1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("doc:X1").and(predicate::str::contains("sup:X1")));
    dd(dir.path(), &db, "liu")
        .args(["urge", "sup:X1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("同号督办"));
    dd(dir.path(), &db, "liu")
        .args(["--lang", "en", "urge", "doc:X1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("urged “同号公文” (time 1)"));
    dd(dir.path(), &db, "sun")
        .args(["urge", "S1"])
        .assert()
        .failure();
    assert_eq!(one(&db, "SELECT COUNT(*) FROM notices"), "4");
    assert_eq!(
        one(
            &db,
            "SELECT urged_count FROM supervision WHERE ext_id = 'S1'"
        ),
        "1"
    );
}

#[test]
fn extend_progress_close_reopen_recheck() {
    let (dir, db) = district();
    dd(dir.path(), &db, "chen")
        .args([
            "extend",
            "S1",
            "--to",
            "2025-04-30",
            "--reason",
            "需协调用地指标",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("2025-03-31 → 2025-04-30"));
    dd(dir.path(), &db, "chen")
        .args(["extend", "S1", "--to", "2025-04-01", "--reason", "再延"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("须晚于现期限 2025-04-30"));
    dd(dir.path(), &db, "chen")
        .args(["extend", "S1", "--to", "2025-13-01", "--reason", "x"])
        .assert()
        .failure();
    assert_eq!(one(&db, "SELECT COUNT(*) FROM extensions"), "1");

    dd(dir.path(), &db, "sun")
        .args(["progress", "S1", "--note", "已完成立项"])
        .assert()
        .success()
        .stdout("孙局长报送《推进重点项目建设》进展：已完成立项\n");
    dd(dir.path(), &db, "wu")
        .args(["progress", "S1", "--note", "无关"])
        .assert()
        .failure();

    dd(dir.path(), &db, "wang")
        .args(["close", "S1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("只有区政府办公室可以销号督办事项"));
    dd(dir.path(), &db, "chen")
        .args(["close", "S1", "--note", "项目已开工"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "销号《推进重点项目建设》：项目已开工",
        ));
    assert_eq!(
        one(&db, "SELECT state FROM supervision WHERE ext_id = 'S1'"),
        "已销号"
    );

    dd(dir.path(), &db, "chen")
        .args(["recheck", "S1", "--on", "2025-06-01"])
        .assert()
        .success()
        .stdout(predicate::str::contains("回头看"));
    dd(dir.path(), &db, "chen")
        .args(["reopen", "S1", "--reason", "  "])
        .assert()
        .failure()
        .stderr(predicate::str::contains("请填写重新打开的理由"));
    dd(dir.path(), &db, "liu")
        .args(["reopen", "sup:S1", "--reason", "问题反弹"])
        .assert()
        .success();
    assert_eq!(
        one(&db, "SELECT state FROM supervision WHERE ext_id = 'S1'"),
        "办理中"
    );
    assert_eq!(
        audit_actions(&db),
        "chen:extend sun:progress chen:close chen:recheck liu:reopen"
    );
}

#[test]
fn forward_to_another_leader() {
    let (dir, db) = district();
    dd(dir.path(), &db, "liu")
        .args(["forward", "D4", "--to", "qian"])
        .assert()
        .success()
        .stdout(predicate::str::contains("未分送 → 钱副区长"));
    dd(dir.path(), &db, "liu")
        .args(["forward", "D4", "--to", "sun"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("只能转送区政府领导"));
    assert_eq!(
        one(&db, "SELECT leader_id FROM documents WHERE ext_id = 'D4'"),
        "10"
    );
}
