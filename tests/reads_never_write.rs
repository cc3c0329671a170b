//! Reads never write: `list`, `check`, `export`, the board's start, refresh, midnight and
//! `:goto` leave the database as it was — judged from another connection (`PRAGMA
//! data_version`, the audit count, a checksum of the countersigns) — while countersign
//! silence is derived on read as of the day in force. `dutydesk settle` is the one write.
//! On the fixture district (东昌, silence is consent; Monday 2026-11-23), whose document
//! doc-101 has a countersign request due 2026-11-19 left unanswered.

mod board_fixture;
mod pty_board;

use assert_cmd::Command;
use board_fixture as fx;
use chrono::NaiveDate;
use dutydesk::i18n::Lang;
use dutydesk::store::Store;
use dutydesk::store::queries::{self, Item};
use dutydesk::tui::{Action, PaneId, step};
use rusqlite::Connection;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Another connection on the file, watching for any change.
struct Observer(Connection);

/// What the observer sees: the data version, the audit rows, the countersigns.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    data_version: i64,
    audit_rows: i64,
    countersigns: String,
}

impl Observer {
    fn on(db: &Path) -> Observer {
        Observer(Connection::open(db).unwrap())
    }
    fn seen(&self) -> Seen {
        let int = |sql: &str| self.0.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        Seen {
            data_version: int("PRAGMA data_version"),
            audit_rows: int("SELECT count(*) FROM audit"),
            countersigns: self
                .0
                .query_row(
                    "SELECT coalesce(group_concat(row, ';'), '') FROM (
                       SELECT id || '|' || document_id || '|' || dept_id || '|' || due || '|'
                              || coalesce(answer, '-') || '|' || coalesce(answered_on, '-')
                              || '|' || coalesce(note, '-') AS row
                       FROM countersigns ORDER BY id)",
                    [],
                    |r| r.get(0),
                )
                .unwrap(),
        }
    }
}

/// The fixture district on a file, with no connection left open on it.
fn district(dir: &Path) -> PathBuf {
    let (db, store) = fx::file_store(dir);
    drop(store);
    db
}

/// The binary on `db`, with a clean environment.
fn dd(dir: &Path, db: &Path) -> Command {
    let mut c = Command::cargo_bin("dutydesk").unwrap();
    for var in [
        "DUTYDESK_DB",
        "DUTYDESK_TODAY",
        "DUTYDESK_LANG",
        "DUTYDESK_PROFILE",
        "DUTYDESK_AS",
    ] {
        c.env_remove(var);
    }
    c.env("DUTYDESK_CONFIG", dir.join("config.toml"))
        .env("DUTYDESK_LOG", dir.join("log.txt"))
        .args(["--db", db.to_str().unwrap(), "--as", "liuyang"]);
    c
}

/// Runs the binary (with `--today` when given); its standard output.
fn run(dir: &Path, db: &Path, today: Option<&str>, args: &[&str]) -> String {
    let mut c = dd(dir, db);
    if let Some(t) = today {
        c.args(["--today", t]);
    }
    let out = c.args(args).output().unwrap();
    // `check` exits 3 when there are violations (its output is complete all the same).
    let ok = out.status.success() || (args.contains(&"check") && out.status.code() == Some(3));
    assert!(ok, "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// doc-101's countersign cell in `list approvals --json`.
fn listed_countersign(dir: &Path, db: &Path, today: &str) -> Value {
    run(dir, db, Some(today), &["list", "approvals", "--json"])
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|v| v["id"] == "doc-101")
        .expect("doc-101 is listed")["countersign"]
        .clone()
}

#[test]
fn list_check_and_export_leave_the_database_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(dir.path());
    let obs = Observer::on(&db);
    let before = obs.seen();
    let out = dir.path().join("export.jsonl");
    let out = out.to_str().unwrap();
    let reads: &[&[&str]] = &[
        &["list", "approvals"],
        &["list", "approvals", "--json"],
        &["list", "approvals", "--count"],
        &["list", "supervision"],
        &["list", "supervision", "--json"],
        &["list", "meetings"],
        &["list", "meetings", "--json"],
        &["check"],
        &["check", "--json"],
        &["--lang", "en", "check"],
        &["export"],
        &["export", "--format", "csv"],
        &["export", "-o", out],
    ];
    // The far future deems every request; the fixture's own day, one.
    for today in [Some("9999-12-31"), Some(fx::TODAY), None] {
        for args in reads {
            run(dir.path(), &db, today, args);
            assert_eq!(obs.seen(), before, "{today:?} {args:?}");
        }
    }
    // Export writes what is stored: the request deemed on read is exported unanswered.
    let exported = run(dir.path(), &db, Some("9999-12-31"), &["export"]);
    assert!(!exported.contains("逾期视为无不同意见"), "{exported}");
}

#[test]
fn reads_work_on_a_read_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(dir.path());
    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db, perms).unwrap();
    let out = run(dir.path(), &db, Some("9999-12-31"), &["list", "approvals"]);
    assert!(out.contains("doc-101"), "{out}");
    let out = run(dir.path(), &db, Some("9999-12-31"), &["check", "--json"]);
    assert!(out.contains("countersign_silence_is_consent"), "{out}");
    // And the connection itself refuses to write, whoever runs it.
    let ro = Store::open_read_only(&db).unwrap();
    let e = ro
        .conn()
        .execute("INSERT INTO meta(key, value) VALUES ('x', 'y')", [])
        .unwrap_err();
    assert!(e.to_string().contains("readonly"), "{e}");
}

#[test]
fn open_read_only_migrates_an_old_file_and_refuses_a_newer_one() {
    let dir = tempfile::tempdir().unwrap();
    // An empty file is not a dutydesk database: a read refuses it and leaves it empty.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    assert!(Store::open_read_only(&empty).is_err());
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
    let newer = dir.path().join("newer.db");
    Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let e = Store::open_read_only(&newer).err().expect("a newer schema");
    assert!(
        matches!(e, dutydesk::Error::SchemaTooNew { found: 99, .. }),
        "{e}"
    );
}

#[test]
fn a_countersign_past_due_is_deemed_on_read_and_awaited_before() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(dir.path());
    let obs = Observer::on(&db);
    let before = obs.seen();
    // After its limit: deemed, with no stored answer; on its last day: awaited.
    let deemed = serde_json::json!({"answered": 2, "total": 2, "deemed": 1});
    let awaited = serde_json::json!({"answered": 1, "total": 2, "deemed": 0});
    assert_eq!(listed_countersign(dir.path(), &db, fx::TODAY), deemed);
    assert_eq!(listed_countersign(dir.path(), &db, "2026-11-19"), awaited);
    // The pane cell and the detail on the board say the same.
    let mut s = Store::open(&db).unwrap();
    let mut a = fx::app_on(&mut s, Lang::Zh, 160, 48);
    let text = fx::text(&fx::render(&a, 160, 48));
    assert!(text.contains("复2/2 视1"), "{text}");
    let d = queries::detail(s.conn(), &a.env, Item::Document(1)).unwrap();
    let lines = format!("{d:?}");
    assert!(
        lines
            .contains("[documents.countersign_reply (第二十七条)] 逾期视为无不同意见 | 2026-11-19"),
        "{lines}"
    );
    step(
        &mut a,
        &mut s,
        Action::Goto(NaiveDate::from_ymd_opt(2026, 11, 19).unwrap()),
    );
    let text = fx::text(&fx::render(&a, 160, 48));
    assert!(text.contains("复1/2") && !text.contains("视1"), "{text}");
    let d = queries::detail(s.conn(), &a.env, Item::Document(1)).unwrap();
    let lines = format!("{d:?}");
    assert!(
        lines.contains("[documents.countersign_reply (第二十七条)] 待复"),
        "{lines}"
    );
    drop(s);
    assert_eq!(obs.seen(), before);
}

#[test]
fn the_board_in_process_leaves_the_database_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(dir.path());
    let obs = Observer::on(&db);
    let before = obs.seen();
    let mut s = Store::open(&db).unwrap();
    let mut a = fx::app_on(&mut s, Lang::Zh, 80, 24);
    assert!(a.message.is_some(), "the start says how many are deemed");
    assert_eq!(obs.seen(), before, "board start");
    let goto = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    step(&mut a, &mut s, Action::Goto(goto));
    assert!(
        a.message.as_ref().unwrap().text.contains("2030-01-01"),
        "{:?}",
        a.message
    );
    // Every pending request is deemed as of 2030, the cell says so, nothing is stored.
    let doc103 = a.snap.approvals.rows.iter().find(|r| r.ext_id == "doc-103");
    assert_eq!(doc103.map(|r| r.countersign.deemed), Some(1));
    assert_eq!(obs.seen(), before, ":goto 2030-01-01");
    for action in [
        Action::DayChanged,
        Action::Tick,
        Action::DbChanged,
        Action::FocusPane(PaneId::Compliance),
        Action::Open,
        Action::Back,
    ] {
        step(&mut a, &mut s, action.clone());
        assert_eq!(obs.seen(), before, "{action:?}");
    }
    drop(s);
    assert_eq!(obs.seen(), before, "board closed");
}

#[test]
fn settle_records_under_the_real_date_once_and_refuses_a_pinned_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(dir.path());
    let obs = Observer::on(&db);
    // A database on the real clock, administered by the account running the test (so it
    // may act as the duty officer with --as).
    obs.0
        .execute("DELETE FROM meta WHERE key = 'clock'; ", [])
        .unwrap();
    obs.0
        .execute(
            "INSERT INTO admins(account, added_at, added_by) VALUES (?1, '2026-01-01T00:00:00Z', 'test')",
            [dutydesk::command::os_account()],
        )
        .unwrap();
    // Dates clear of whatever the real today is: one long past, one far ahead.
    obs.0
        .execute_batch(
            "UPDATE countersigns SET due = '2000-01-05' WHERE document_id = 1 AND answer IS NULL;
             UPDATE countersigns SET due = '2099-01-05' WHERE document_id = 3;",
        )
        .unwrap();
    let system =
        "SELECT count(*) FROM audit WHERE actor = 'system' AND action = 'countersign-deemed'";
    let count = |sql: &str| -> i64 { obs.0.query_row(sql, [], |r| r.get(0)).unwrap() };
    // --today on a database on the real clock: refused, in the user's language.
    let before = obs.seen();
    for (lang, words) in [("zh", "只用于查看"), ("en", "is a what-if view")] {
        dd(dir.path(), &db)
            .args(["--lang", lang, "--today", "9999-12-31", "settle"])
            .assert()
            .failure()
            .stderr(predicates::str::contains(words));
    }
    assert_eq!(obs.seen(), before);
    // The real date: the request past its limit is recorded, once, by system.
    let out = run(dir.path(), &db, None, &["settle"]);
    assert!(out.contains("已将 1 项"), "{out}");
    assert_eq!(count(system), 1);
    let stored = "SELECT count(*) FROM countersigns WHERE answer = '逾期视为无不同意见' AND answered_on = due";
    assert_eq!(count(stored), 1);
    let settled = obs.seen();
    // The observer does see another process's write.
    assert_ne!(settled.data_version, before.data_version);
    let out = run(dir.path(), &db, None, &["--lang", "en", "settle"]);
    assert!(
        out.contains("no overdue countersign request to record"),
        "{out}"
    );
    assert_eq!(obs.seen(), settled, "idempotent");
    // A demo or test database lives on a pinned date: there --today is the date used.
    obs.0
        .execute(
            "INSERT INTO meta(key, value) VALUES ('clock', 'pinned')",
            [],
        )
        .unwrap();
    // (The last year the calendar supports: a later pinned day is a view only.)
    let out = run(dir.path(), &db, Some("2099-12-31"), &["settle"]);
    assert!(out.contains("已将 1 项"), "{out}");
    assert_eq!((count(system), count(stored)), (2, 2));
}

/// The real binary in a pseudo-terminal: the board starts, shows its first screen, moves
/// to 2030 with `:goto` and quits on `q`; the file is as it was. Bounded: 20 s.
#[test]
fn the_board_binary_leaves_the_database_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(dir.path());
    let obs = Observer::on(&db);
    let before = obs.seen();
    let db_arg = db.to_str().unwrap();
    let args = ["--db", db_arg, "--today", fx::TODAY, "--as", "liuyang"];
    let mut board = pty_board::Board::start(dir.path(), &args, Duration::from_secs(20));
    board.wait_for(&["待批公文", "会签逾期未复"]);
    assert_eq!(obs.seen(), before, "board start");
    board.keys(":goto 2030-01-01\r");
    board.wait_for(&["看板日期已设为 2030-01-01"]);
    assert_eq!(obs.seen(), before, ":goto");
    board.keys("q");
    assert!(board.exit(), "the board quits on q");
    assert_eq!(obs.seen(), before, "board closed");
}
