//! `dutydesk check` and the rule-driven commands through the built binary, on a temporary
//! database: JSON Lines for scripts, Chinese text by default and English with `--lang en`,
//! exit code 0 even with findings, countersign silence derived on read (recorded only by
//! `dutydesk settle`, audited as "system").

mod rules_fixture;

use assert_cmd::cargo::cargo_bin_cmd;
use dutydesk::domain::Urgency;
use dutydesk::store::Store;
use predicates::prelude::*;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A dongchang district on a temporary file: an overdue 一般 document, a 特急重要 one held
/// past a working day, a 请示 with two matters, and a countersign request past its limit.
fn district() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("desk.db");
    let store = Store::open(&db).unwrap();
    store.conn().execute_batch(rules_fixture::ORG).unwrap();
    store
        .conn()
        .execute(
            "INSERT INTO meta(key, value) VALUES ('profile', ?1)",
            ["dongchang"],
        )
        .unwrap();
    let env = rules_fixture::env("dongchang");
    rules_fixture::document(
        &store,
        &env,
        1,
        "请示",
        Urgency::Normal,
        "2025-02-17",
        Some(3),
    );
    rules_fixture::document(
        &store,
        &env,
        2,
        "请示",
        Urgency::Critical,
        "2025-03-06",
        Some(3),
    );
    rules_fixture::exec(&store, "UPDATE documents SET matters = 2 WHERE id = 2", []);
    rules_fixture::exec(
        &store,
        "INSERT INTO countersigns(document_id, dept_id, requested, due, due_rule, due_article)
         VALUES (1, 2, '2025-02-20', '2025-03-03', 'documents.countersign_reply', '二十七')",
        [],
    );
    rules_fixture::meeting(
        &store,
        &env,
        1,
        dutydesk::domain::MeetingKind::Executive,
        "2025-03-03",
        "已召开",
    );
    (dir, db)
}

fn dd(dir: &Path, db: &Path) -> assert_cmd::Command {
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
        .args(["--today", "2025-03-10", "--as", "chen"]);
    c
}

#[test]
fn check_json_prints_one_object_per_finding_and_exits_three_with_violations() {
    let (dir, db) = district();
    let out = dd(dir.path(), &db)
        .args(["check", "--json"])
        .assert()
        .code(3);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect();
    assert!(!lines.is_empty());
    for l in &lines {
        for key in [
            "severity", "rule", "article", "entity", "id", "title", "since", "message",
        ] {
            assert!(l.get(key).is_some(), "{key} missing in {l}");
        }
    }
    let find = |rule: &str| {
        lines
            .iter()
            .find(|l| l["rule"] == rule)
            .unwrap_or_else(|| panic!("no {rule} in {text}"))
    };
    let f = find("documents.critical_leader_sign");
    assert_eq!(
        (
            &f["severity"],
            &f["article"],
            &f["entity"],
            &f["id"],
            &f["since"]
        ),
        (
            &serde_json::json!("violation"),
            &serde_json::json!("二十八"),
            &serde_json::json!("document"),
            &serde_json::json!("D2"),
            &serde_json::json!("2025-03-08")
        )
    );
    find("documents.approval_limits.normal");
    find("documents.one_matter_per_request");
    find("meetings.plenary.cadence");
    // The overdue countersign is reported as deemed no objection, on read.
    let cs = find("documents.countersign_silence_is_consent");
    assert_eq!(cs["severity"], "notice");
    assert_eq!(cs["since"], "2025-03-04");
    let msg = cs["message"].as_str().unwrap();
    assert!(
        msg.contains("逾期视为无不同意见") && !msg.contains("待记录"),
        "{msg}"
    );
    // Sorted: every violation before every warning before every notice.
    let rank = |s: &str| match s {
        "violation" => 0,
        "warning" => 1,
        _ => 2,
    };
    let ranks: Vec<i32> = lines
        .iter()
        .map(|l| rank(l["severity"].as_str().unwrap()))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    // Nothing was recorded by the check.
    let c = rusqlite::Connection::open(&db).unwrap();
    assert_eq!(deemed_audit(&c), (0, None));
}

/// How many `countersign-deemed` audit rows there are, and their actor.
fn deemed_audit(c: &rusqlite::Connection) -> (i64, Option<String>) {
    c.query_row(
        "SELECT COUNT(*), MAX(actor) FROM audit WHERE action = 'countersign-deemed'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

#[test]
fn settle_records_what_check_derives_once() {
    let (dir, db) = district();
    let c = rusqlite::Connection::open(&db).unwrap();
    // The fixture is a training database; make this one live on the real clock.
    c.execute("DELETE FROM meta WHERE key = 'clock'", [])
        .unwrap();
    // `dd` pins --today: refused on a database that lives on the real clock.
    dd(dir.path(), &db)
        .arg("settle")
        .assert()
        .failure()
        .stderr(predicate::str::contains("只用于查看"));
    dd(dir.path(), &db)
        .args(["--lang", "en", "settle"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("is a what-if view"));
    assert_eq!(deemed_audit(&c), (0, None));
    // A test database on a pinned clock accepts it.
    c.execute(
        "INSERT INTO meta(key, value) VALUES ('clock', 'pinned')",
        [],
    )
    .unwrap();
    dd(dir.path(), &db)
        .arg("settle")
        .assert()
        .success()
        .stdout(predicate::str::contains("已将 1 项逾期未复的会签记录为"));
    assert_eq!(deemed_audit(&c), (1, Some("system".into())));
    let (answer, on): (String, String) = c
        .query_row("SELECT answer, answered_on FROM countersigns", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(
        (answer.as_str(), on.as_str()),
        ("逾期视为无不同意见", "2025-03-03")
    );
    // Recorded, it is no longer a finding; settling again records nothing.
    dd(dir.path(), &db)
        .args(["check", "--json"])
        .assert()
        .code(3)
        .stdout(predicate::str::contains("countersign").not());
    dd(dir.path(), &db)
        .args(["--lang", "en", "settle"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "no overdue countersign request to record",
        ));
    assert_eq!(deemed_audit(&c), (1, Some("system".into())));
}

#[test]
fn check_speaks_chinese_by_default_and_english_on_request() {
    let (dir, db) = district();
    dd(dir.path(), &db)
        .arg("check")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("已将").not())
        .stdout(predicate::str::contains(
            "违规 自 2025-03-08 公文 D2《公文2》",
        ))
        .stdout(predicate::str::contains(
            "财政局会签意见逾期未复（2025-03-03 到期），逾期视为无不同意见",
        ))
        .stdout(predicate::str::contains("第二十八条"))
        .stdout(predicate::str::contains("项违规"));
    dd(dir.path(), &db)
        .args(["--lang", "en", "check"])
        .assert()
        .code(3)
        .stdout(predicate::str::contains(
            "violation since 2025-03-08 document D2",
        ))
        .stdout(predicate::str::contains("art. 28"))
        .stdout(predicate::str::contains(
            "did not answer the countersign request by 2025-03-03: deemed no objection",
        ));
}

#[test]
fn check_fails_only_on_errors() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("empty.db");
    // No district profile: an error, non-zero.
    dd(dir.path(), &db).arg("check").assert().failure();
    // A fresh district with nothing wrong but the cadences: exit 0.
    let store = Store::open(&db).unwrap();
    store
        .conn()
        .execute(
            "INSERT INTO meta(key, value) VALUES ('profile', ?1)",
            ["kongtong"],
        )
        .unwrap();
    drop(store);
    dd(dir.path(), &db)
        .args(["check", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("meetings.executive.cadence"));
}

#[test]
fn decide_printed_and_published_through_the_binary() {
    let (dir, db) = district();
    dd(dir.path(), &db)
        .args([
            "decide",
            "M1",
            "--title",
            "推进项目开工",
            "--lead",
            "fgj",
            "--co",
            "财政局,jyj",
            "--deadline",
            "2025-04-30",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("M1-J1"));
    dd(dir.path(), &db)
        .args(["decide", "M1", "--title", "x", "--lead", "nowhere"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("nowhere"));
    // Only a signed document is printed; refusals exit non-zero in the user's language.
    dd(dir.path(), &db)
        .args(["printed", "D1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("签发后才能印制"));
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute(
        "UPDATE documents SET state = '已签批', signed_on = '2025-03-07' WHERE id = 1",
        [],
    )
    .unwrap();
    dd(dir.path(), &db)
        .args(["printed", "D1"])
        .assert()
        .success();
    dd(dir.path(), &db)
        .args(["--lang", "en", "published", "D1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("published online"));
}

#[test]
fn list_derives_countersigns_and_records_nothing() {
    let (dir, db) = district();
    let out = dd(dir.path(), &db)
        .args(["list", "approvals", "--json"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let d1: serde_json::Value = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["id"] == "D1")
        .unwrap();
    assert_eq!(
        d1["countersign"],
        serde_json::json!({"answered": 1, "total": 1, "deemed": 1})
    );
    let c = rusqlite::Connection::open(&db).unwrap();
    let answer: Option<String> = c
        .query_row("SELECT answer FROM countersigns", [], |r| r.get(0))
        .unwrap();
    assert_eq!(answer, None);
    assert_eq!(deemed_audit(&c), (0, None));
}
