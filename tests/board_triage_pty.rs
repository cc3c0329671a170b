//! The real binary in an 80×24 pseudo-terminal on a demo database: the duty officer's
//! board has its selection at the bottom of 待批公文 when another process (the office
//! director's `dutydesk import`) registers an overdue 特急重要 document. With no key
//! pressed, its title appears (the alert banner) and the pane's title counts it above the
//! viewport (`↑1 新`); `n` jumps to it. Bounded: 30 s in all; the time to screen is
//! printed (`--nocapture`), not asserted.

mod board_fixture;
mod pty_board;

use std::time::{Duration, Instant};

const TODAY: &str = "2026-11-20";
const TITLE: &str = "关于防汛应急物资调拨的请示";

fn dutydesk(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dutydesk"))
        .args(args)
        .env("DUTYDESK_CONFIG", dir.join("config.toml"))
        .env("DUTYDESK_LOG", dir.join("log.txt"))
        .env_remove("DUTYDESK_DB")
        .env_remove("DUTYDESK_AS")
        .env_remove("DUTYDESK_TODAY")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn an_import_by_another_process_shows_without_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db_arg = db.to_str().unwrap();
    dutydesk(
        dir.path(),
        &["demo", "--db", db_arg, "--today", TODAY, "--no-board"],
    );
    let intake = dir.path().join("intake.jsonl");
    std::fs::write(
        &intake,
        format!(
            "{{\"type\":\"document\",\"id\":\"GW-09001\",\"title\":\"{TITLE}\",\"kind\":\"请示\",\"urgency\":\"特急重要\",\"from\":\"d02\",\"received\":\"2026-11-10\",\"doc_no\":\"东昌发改呈〔2026〕201号\"}}\n"
        ),
    )
    .unwrap();
    let args = ["--db", db_arg, "--today", TODAY, "--as", "fengt"];
    let mut board = pty_board::Board::start(dir.path(), &args, Duration::from_secs(30));
    board.wait_for(&["待批公文 [1] 1/50"]);
    // The selection to the bottom of the pane: the top rows scroll out of sight.
    board.keys("G");
    board.wait_for(&["待批公文 [1] 50/50"]);
    assert!(!board.text().contains(TITLE));
    let t0 = Instant::now();
    dutydesk(
        dir.path(),
        &[
            "import",
            intake.to_str().unwrap(),
            "--db",
            db_arg,
            "--today",
            TODAY,
            "--as",
            "sunht",
        ],
    );
    board.wait_for(&[TITLE, "↑1 新", "51/51", "发展和改革局报来特急重要公文"]);
    let (shown, started) = (chrono::Utc::now(), t0.elapsed());
    eprintln!(
        "triage e2e: an imported 特急重要 document on screen {started:?} after the import started, {} ms after its commit",
        since_last_commit(&db, shown)
    );
    // ^ jumps to it: the first row, marked 新 until the next key.
    board.keys("^");
    board.wait_for(&["待批公文 [1] 1/51"]);
    board.keys("q");
    assert!(board.exit(), "the board quits on q");
}

/// Milliseconds from the last audit row's time (stamped in the write transaction, just
/// before its commit) to `shown`: the commit-to-screen latency, slightly over.
fn since_last_commit(db: &std::path::Path, shown: chrono::DateTime<chrono::Utc>) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let at: String = conn
        .query_row("SELECT at FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(&at).unwrap();
    (shown - at.with_timezone(&chrono::Utc)).num_milliseconds()
}
