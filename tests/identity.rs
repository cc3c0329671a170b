//! Who acts, proven rather than claimed: the operating-system account of the process (read
//! here at run time — the tests run as whatever account runs them, root included) maps to
//! a person of the org chart; `--as` is for administrators and demo/training databases;
//! an account off the staff list reads but cannot write; the audit records both the
//! account and the person, at the real time, never the pinned day.

use assert_cmd::cargo::cargo_bin_cmd;
use dutydesk::command::os_account;
use predicates::prelude::*;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// An org chart whose duty officer has the login of the account running the test.
fn org(me: &str) -> String {
    format!(
        r#"{{"type":"department","id":"fgj","name":"区发展和改革局"}}
{{"type":"person","id":"p1","login":"wangjg","name":"王建国","role":"区长"}}
{{"type":"person","id":"p2","login":"fengt","name":"冯涛","role":"办公室主任"}}
{{"type":"person","id":"p3","login":"{me}","name":"刘洋","role":"值班员"}}
{{"type":"person","id":"p4","login":"sunq","name":"孙强","role":"部门负责人","dept":"fgj"}}
"#
    )
}

const ITEMS: &str = r#"{"type":"document","id":"D1","title":"关于申请项目资金的请示","kind":"请示","urgency":"一般","from":"fgj","received":"2026-11-02","leader":"wangjg"}
{"type":"supervision","id":"S1","title":"推进重点项目","source":"领导批示","lead":"fgj","assigned":"2026-11-02","deadline":"2027-03-01"}
"#;

/// `dutydesk --db DB …` isolated from the user's config, environment and log.
fn dd(dir: &Path, db: &Path) -> assert_cmd::Command {
    let mut c = cargo_bin_cmd!("dutydesk");
    for var in [
        "DUTYDESK_DB",
        "DUTYDESK_TODAY",
        "DUTYDESK_LANG",
        "DUTYDESK_PROFILE",
        "DUTYDESK_AS",
        "DUTYDESK_USER",
    ] {
        c.env_remove(var);
    }
    c.env("DUTYDESK_CONFIG", dir.join("no-such-config.toml"))
        .env("DUTYDESK_LOG", dir.join("dutydesk.log"))
        .arg("--db")
        .arg(db);
    c
}

/// A real (not training) database made by `init` with the org chart and two items.
fn district(with_me: bool) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("desk.db");
    let me = if with_me {
        os_account()
    } else {
        "someone-else".to_string()
    };
    let org_file = dir.path().join("org.jsonl");
    std::fs::write(&org_file, org(&me)).unwrap();
    dd(dir.path(), &db)
        .args(["--profile", "dongchang", "init", "--org"])
        .arg(&org_file)
        .assert()
        .success();
    let items = dir.path().join("items.jsonl");
    std::fs::write(&items, ITEMS).unwrap();
    dd(dir.path(), &db)
        .arg("import")
        .arg(&items)
        .assert()
        .success();
    (dir, db)
}

fn last_audit(db: &Path) -> (String, String, String, Option<String>) {
    Connection::open(db)
        .unwrap()
        .query_row(
            "SELECT os_account, actor, at, business_date FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap()
}

#[test]
fn the_os_account_is_the_actor_and_the_audit_keeps_the_real_time() {
    let (dir, db) = district(true);
    // No --as, and $USER claiming somebody else changes nothing.
    dd(dir.path(), &db)
        .env("USER", "wangjg")
        .env("LOGNAME", "wangjg")
        .args(["urge", "D1", "--note", "请尽快"])
        .assert()
        .success()
        .stdout(predicate::str::contains("刘洋催办"));
    let (account, actor, at, business) = last_audit(&db);
    assert_eq!(account, os_account());
    assert_eq!(actor, os_account());
    // The real clock, in UTC, and no business date: nothing was pinned.
    assert!(at.ends_with('Z') && at.starts_with("20"), "{at}");
    assert_eq!(business, None);
    // The duty officer may not sign: the role matrix says who may.
    dd(dir.path(), &db)
        .args(["sign", "D1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("只有呈批领导或其代理人可以签批"));
}

#[test]
fn a_pinned_date_never_drives_a_write_on_a_real_database() {
    let (dir, db) = district(true);
    let audit_rows = || -> i64 {
        Connection::open(&db)
            .unwrap()
            .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
            .unwrap()
    };
    let before = audit_rows();
    for lang in ["zh", "en"] {
        dd(dir.path(), &db)
            .args(["--lang", lang, "--today", "2020-01-01", "progress", "S1"])
            .args(["--note", "倒签"])
            .assert()
            .failure()
            .stderr(predicate::str::contains(if lang == "zh" {
                "只用于查看"
            } else {
                "what-if view"
            }));
    }
    assert_eq!(audit_rows(), before, "nothing backdated, nothing written");
    // Reads still take the what-if date.
    dd(dir.path(), &db)
        .args([
            "--today",
            "2027-06-01",
            "list",
            "supervision",
            "--overdue",
            "--count",
        ])
        .assert()
        .success()
        .stdout("1\n");
}

#[test]
fn acting_as_another_needs_an_administrator_and_both_names_are_audited() {
    let (dir, db) = district(true);
    // init made the account running it an administrator: --as works, audited as both.
    dd(dir.path(), &db)
        .args(["--as", "fengt", "progress", "S1", "--note", "已完成立项"])
        .assert()
        .success()
        .stdout(predicate::str::contains("冯涛"));
    let (account, actor, _, _) = last_audit(&db);
    assert_eq!(
        (account.as_str(), actor.as_str()),
        (os_account().as_str(), "fengt")
    );
    // Without the administrator row, --as is refused, naming the account — root is no
    // exception.
    Connection::open(&db)
        .unwrap()
        .execute("DELETE FROM admins", [])
        .unwrap();
    dd(dir.path(), &db)
        .args(["--as", "fengt", "progress", "S1", "--note", "x"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "系统账号“{}”不是本库管理员",
            os_account()
        )));
    dd(dir.path(), &db)
        .env("DUTYDESK_AS", "wangjg")
        .args(["--lang", "en", "sign", "D1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("is not an administrator"));
    // Acting as oneself is no impersonation.
    dd(dir.path(), &db)
        .args(["--as", &os_account(), "progress", "S1", "--note", "本人"])
        .assert()
        .success();
}

#[test]
fn an_account_off_the_staff_list_reads_but_cannot_write() {
    let (dir, db) = district(false);
    Connection::open(&db)
        .unwrap()
        .execute("DELETE FROM admins", [])
        .unwrap();
    let me = os_account();
    dd(dir.path(), &db)
        .args(["urge", "D1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "系统账号“{me}”不在本库人员名单中"
        )))
        .stderr(predicate::str::contains("管理员"));
    dd(dir.path(), &db)
        .args(["--lang", "en", "import"])
        .arg(dir.path().join("items.jsonl"))
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "the account '{me}' is not on this database's staff list"
        )));
    // Reads work.
    dd(dir.path(), &db)
        .args(["list", "approvals", "--count"])
        .assert()
        .success()
        .stdout("1\n");
}

#[test]
fn an_administrator_adds_another_and_nobody_else_may() {
    let (dir, db) = district(true);
    dd(dir.path(), &db)
        .args(["admin", "add", "fengt-admin"])
        .assert()
        .success();
    dd(dir.path(), &db)
        .args(["admin", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("fengt-admin"));
    Connection::open(&db)
        .unwrap()
        .execute("DELETE FROM admins WHERE account = ?1", [os_account()])
        .unwrap();
    dd(dir.path(), &db)
        .args(["admin", "add", "another"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("只有管理员可以添加管理员"));
}

#[test]
fn a_training_database_lets_anyone_act_as_anyone_on_a_pinned_day() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("train.db");
    let org_file = dir.path().join("org.jsonl");
    std::fs::write(&org_file, org("nobody-here")).unwrap();
    dd(dir.path(), &db)
        .args([
            "--profile",
            "dongchang",
            "--today",
            "2026-11-20",
            "init",
            "--pinned-clock",
            "--org",
        ])
        .arg(&org_file)
        .assert()
        .success();
    let items = dir.path().join("items.jsonl");
    std::fs::write(&items, ITEMS).unwrap();
    dd(dir.path(), &db)
        .arg("import")
        .arg(&items)
        .assert()
        .success();
    Connection::open(&db)
        .unwrap()
        .execute("DELETE FROM admins", [])
        .unwrap();
    dd(dir.path(), &db)
        .args([
            "--today",
            "2026-11-20",
            "--as",
            "wangjg",
            "sign",
            "D1",
            "-t",
            "同意",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("王建国签批"));
    let (account, actor, at, business) = last_audit(&db);
    assert_eq!((account, actor.as_str()), (os_account(), "wangjg"));
    // The business day is kept beside the real time.
    assert_eq!(business.as_deref(), Some("2026-11-20"));
    assert!(at.ends_with('Z'), "{at}");
}
