//! 收文登记 on the real board in a pseudo-terminal: `n` opens the form, the sender is
//! picked by pinyin initials, the date typed as 11月23日, Enter registers it and the
//! status line names its number and leader; a refusal keeps the typed text. Bounded.

mod board_fixture;
mod pty_board;

use board_fixture as fx;
use pty_board::Board;
use std::time::Duration;

fn pause() {
    std::thread::sleep(Duration::from_millis(80));
}

#[test]
fn register_a_document_on_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = fx::file_store(dir.path());
    drop(store);
    let mut b = Board::start(
        dir.path(),
        &[
            "--db",
            db.to_str().unwrap(),
            "--today",
            fx::TODAY,
            "--as",
            "liuyang",
        ],
        Duration::from_secs(20),
    );
    b.wait_for(&["待批公文", "近期会议"]);
    b.keys("n");
    b.wait_for(&["收文登记", "标题"]);
    b.keys("关于紧急调拨防汛物资的请示");
    pause();
    // Tab to the sender (title, kind, urgency, sender): picked by initials.
    for _ in 0..3 {
        b.keys("\t");
        pause();
    }
    b.keys("qzjj");
    b.wait_for(&["区住建局"]);
    b.keys("\t");
    pause();
    b.keys("11月23日");
    pause();
    b.keys("\r");
    b.wait_for(&["SW-2026-0001", "赵敏"]);
    // A refusal keeps the text: 赵敏 has already asked leave from m-24.
    b.keys(":leave m-24\r");
    b.wait_for(&["请假人"]);
    b.keys("zm");
    pause();
    b.keys("\t");
    pause();
    b.keys("赴省里开会");
    pause();
    b.keys("\r");
    b.wait_for(&["请过假", "赴省里开会"]);
    b.keys("\x1b");
    pause();
    b.keys("q");
    assert!(b.exit(), "the board exits cleanly");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (from, leader): (String, i64) = conn
        .query_row(
            "SELECT d.name, x.leader_id FROM documents x JOIN departments d ON d.id = x.from_dept
             WHERE x.ext_id = 'SW-2026-0001'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((from.as_str(), leader), ("区住建局", 4));
}
