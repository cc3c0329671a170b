//! Office work through the binary: `receive`, `meeting …`, `list` with history filters,
//! sort and limit, `check` exit codes for cron, and a GBK CSV import/export round trip.

#[allow(dead_code)]
#[path = "actions/fixture.rs"]
mod fixture;

use assert_cmd::cargo::cargo_bin_cmd;
use dutydesk::store::Store;
use predicates::prelude::*;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn district() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("desk.db");
    let store = Store::open(&db).unwrap();
    store.conn().execute_batch(fixture::FIXTURE).unwrap();
    (dir, db)
}

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

#[test]
fn receive_from_the_command_line() {
    let (dir, db) = district();
    dd(dir.path(), &db, "liu")
        .args([
            "receive",
            "关于春季防火的紧急请示",
            "--urgency",
            "特急",
            "--from",
            "发改",
        ])
        .args(["--attachments", "3", "--received", "2025/03/10"])
        .assert()
        .success()
        .stdout(predicate::str::contains("SW-2025-0001").and(predicate::str::contains("前批")));
    dd(dir.path(), &db, "wang")
        .args(["receive", "x"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("区政府办公室"));
    dd(dir.path(), &db, "liu")
        .args(["--lang", "en", "receive", "x", "--urgency", "very"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not one of"));
}

#[test]
fn meeting_subcommands() {
    let (dir, db) = district();
    dd(dir.path(), &db, "liu")
        .args(["meeting", "held", "M2", "--at", "2025-03-05 09:05"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2025-03-05 09:05"));
    dd(dir.path(), &db, "liu")
        .args(["meeting", "minutes", "M2", "--on", "2025-03-06"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2025-03-06"));
    dd(dir.path(), &db, "liu")
        .args(["meeting", "held", "M1"])
        .assert()
        .failure();
    dd(dir.path(), &db, "liu")
        .args(["meeting", "move", "M1", "--to", "2025-03-21T10:00"])
        .assert()
        .success();
    dd(dir.path(), &db, "liu")
        .args([
            "meeting",
            "topic",
            "M1",
            "--title",
            "审议教育规划",
            "--dept",
            "jyj",
        ])
        .assert()
        .success();
    dd(dir.path(), &db, "liu")
        .args([
            "meeting", "leave", "M1", "--person", "wfqz", "--reason", "出差",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("王副区长"));
    dd(dir.path(), &db, "liu")
        .args(["meeting", "cancel", "M1", "--reason", "改期另行通知"])
        .assert()
        .success();
}

fn stdout(c: &mut assert_cmd::Command) -> String {
    String::from_utf8(c.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn list_filters_sort_and_limit() {
    let (dir, db) = district();
    let out = stdout(dd(dir.path(), &db, "liu").args([
        "list",
        "approvals",
        "--state",
        "已签批",
        "--json",
    ]));
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("\"D3\""), "{out}");
    let out = stdout(dd(dir.path(), &db, "liu").args([
        "list",
        "approvals",
        "--sort",
        "urgency",
        "--limit",
        "1",
        "--json",
    ]));
    assert!(out.contains("\"D2\"") && out.lines().count() == 1, "{out}");
    let out = stdout(dd(dir.path(), &db, "liu").args([
        "list",
        "approvals",
        "--since",
        "2025-03-03",
        "--until",
        "2025-03-04",
        "--count",
    ]));
    assert_eq!(out.trim(), "2");
    let out = stdout(dd(dir.path(), &db, "liu").args([
        "list",
        "approvals",
        "--leader",
        "王副区长",
        "--count",
    ]));
    assert_eq!(out.trim(), "2", "D1 pending and D3 signed");
    let out = stdout(dd(dir.path(), &db, "liu").args([
        "list",
        "supervision",
        "--state",
        "closed",
        "--dept",
        "jyj",
        "--json",
    ]));
    assert!(out.contains("S2"), "{out}");
    let out = stdout(dd(dir.path(), &db, "liu").args(["list", "approvals", "--sort", "title"]));
    let order: Vec<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(order, ["D2", "D1", "D3", "D4"], "pinyin order:\n{out}");
    dd(dir.path(), &db, "liu")
        .args(["list", "approvals", "--state", "bogus"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("不是状态"));
}

#[test]
fn check_exit_codes_for_cron() {
    let (dir, db) = district();
    // Clean at first (exit 0); a document past its limit is a violation (exit 3).
    dd(dir.path(), &db, "liu").arg("check").assert().code(0);
    Store::open(&db)
        .unwrap()
        .conn()
        .execute_batch(
            "UPDATE documents SET due = '2025-03-05', due_rule = 'documents.approval_limits.urgent',
               due_article = '二十八' WHERE id = 2",
        )
        .unwrap();
    let out = dd(dir.path(), &db, "liu").arg("check").assert().code(3);
    assert!(!out.get_output().stdout.is_empty());
    // An empty district is clean.
    let dir2 = TempDir::new().unwrap();
    let db2 = dir2.path().join("empty.db");
    Store::open(&db2)
        .unwrap()
        .conn()
        .execute_batch("INSERT INTO meta(key, value) VALUES ('clock', 'pinned');")
        .unwrap();
    dd(dir2.path(), &db2, "liu").arg("check").assert().code(0);
    // … but it warns that no meetings keep the cadences: --fail-on warning fails on it.
    dd(dir2.path(), &db2, "liu")
        .args(["check", "--fail-on", "warning"])
        .assert()
        .code(3);
}

#[test]
fn gbk_csv_round_trip() {
    let (dir, db) = district();
    let csv = dir.path().join("out.csv");
    dd(dir.path(), &db, "liu")
        .args(["export", "--format", "csv", "--encoding", "gbk", "-o"])
        .arg(&csv)
        .assert()
        .success();
    let bytes = std::fs::read(&csv).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "written as GB18030");
    let (text, _, bad) = encoding_rs::GB18030.decode(&bytes);
    assert!(!bad && text.contains("发改局"));
    // A GBK file as Excel writes it: a department with an alias, imported by name.
    let gbk = dir.path().join("excel.csv");
    let src = "type,id,name,kind,aliases\ndepartment,zjj,区住房和城乡建设局,部门,住建局\n";
    std::fs::write(&gbk, encoding_rs::GB18030.encode(src).0).unwrap();
    dd(dir.path(), &db, "liu")
        .arg("import")
        .arg(&gbk)
        .assert()
        .success()
        .stdout(predicate::str::contains("GB18030"));
    let s = Store::open(&db).unwrap();
    let id = dutydesk::command::resolve::department(s.conn(), "住建局").unwrap();
    let name: String = s
        .conn()
        .query_row("SELECT name FROM departments WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(name, "区住房和城乡建设局");
}
