//! The real board in a pseudo-terminal when its file is replaced or deleted, while the
//! database is busy, and when `demo` is asked to rebuild its file. Bounded: 30 s each.

mod pty_board;

#[path = "reliability/support.rs"]
mod support;

use pty_board::Board;
use std::time::{Duration, Instant};
use support::{TODAY, dd, demo, login_of, one};

fn board(dir: &std::path::Path, db: &std::path::Path, login: &str) -> Board {
    let db = db.to_str().unwrap().to_string();
    let b = Board::start(
        dir,
        &["--db", &db, "--today", TODAY, "--as", login],
        Duration::from_secs(30),
    );
    b.wait_for(&["待批公文"]);
    b
}

#[test]
fn the_board_says_at_once_when_its_file_is_deleted_and_reopens_a_restored_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let officer = login_of(&db, "值班员");
    let mut b = board(dir.path(), &db, &officer);
    // `demo` will not rebuild a file this board holds.
    let out = dd(dir.path(), &db)
        .args(["demo", "--no-board"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("open on a board"));
    let aside = dir.path().join("aside.db");
    std::fs::rename(&db, &aside).unwrap();
    b.wait_for(&["已被删除"]);
    // An action now is refused: nothing goes into the unlinked file.
    b.keys("u");
    b.keys("\r");
    b.wait_for(&["已被删除"]);
    // A copy put in its place is another file: the board opens it and says so.
    std::fs::copy(&aside, &db).unwrap();
    b.wait_for(&["已被替换"]);
    b.keys("\x1b");
    std::thread::sleep(Duration::from_millis(300));
    b.keys("q");
    let screen = b.text();
    assert!(b.exit(), "{screen}");
    // Nothing was written while the file was away.
    assert_eq!(
        one::<i64>(&db, "SELECT count(*) FROM audit WHERE action = 'urge'"),
        0
    );
}

#[test]
fn the_board_waits_for_a_busy_database_and_the_action_goes_through() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let officer = login_of(&db, "值班员");
    let mut b = board(dir.path(), &db, &officer);
    let before: i64 = one(&db, "SELECT count(*) FROM audit WHERE action = 'urge'");
    let (tx, rx) = std::sync::mpsc::channel();
    let holder = {
        let db = db.clone();
        std::thread::spawn(move || {
            let c = rusqlite::Connection::open(&db).unwrap();
            c.execute_batch("BEGIN IMMEDIATE").unwrap();
            tx.send(()).unwrap();
            std::thread::sleep(Duration::from_secs(4));
            c.execute_batch("COMMIT").unwrap();
        })
    };
    rx.recv().unwrap();
    let started = Instant::now();
    b.keys("u");
    b.keys("加快办理");
    b.keys("\r");
    b.wait_for(&["等待数据库"]);
    // The board stays live meanwhile: it redraws the count.
    b.wait_for(&["等待数据库… 2 秒"]);
    assert!(started.elapsed() < Duration::from_secs(4));
    holder.join().unwrap();
    let until = Instant::now() + Duration::from_secs(10);
    while one::<i64>(&db, "SELECT count(*) FROM audit WHERE action = 'urge'") == before {
        assert!(
            Instant::now() < until,
            "the action never went through:\n{}",
            b.text()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        one::<i64>(&db, "SELECT count(*) FROM audit WHERE action = 'urge'"),
        before + 1
    );
    b.keys("q");
    assert!(b.exit());
}
