//! Locks never lose an action: a CLI write waits with a bounded retry and exits 75 with a
//! clear message when the lock outlasts it; the board keeps the form, says
//! "等待数据库… N 秒" and goes through once the lock is released.

use super::support::{dd, demo, env, login_of, one};
use dutydesk::store::Store;
use std::time::{Duration, Instant};

/// Holds the write lock on `db` for `hold`, from another thread; returns once it is held.
fn hold_lock(db: &std::path::Path, hold: Duration) -> std::thread::JoinHandle<()> {
    let (tx, rx) = std::sync::mpsc::channel();
    let db = db.to_path_buf();
    let h = std::thread::spawn(move || {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("BEGIN IMMEDIATE").unwrap();
        tx.send(()).unwrap();
        std::thread::sleep(hold);
        c.execute_batch("COMMIT").unwrap();
    });
    rx.recv().unwrap();
    h
}

fn urged(db: &std::path::Path) -> i64 {
    one(
        db,
        "SELECT urged_count FROM documents WHERE ext_id = 'GW-00002'",
    )
}

#[test]
fn a_cli_write_waits_then_exits_75_when_the_lock_outlasts_its_bound() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let officer = login_of(&db, "值班员");
    let lock = hold_lock(&db, Duration::from_secs(3));
    let out = dd(dir.path(), &db)
        .env("DUTYDESK_WAIT_SECS", "1")
        .args(["--as", &officer, "urge", "GW-00002"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(75), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("数据库正忙") && err.contains("未执行"),
        "{err}"
    );
    assert!(!err.contains("database is locked"), "{err}");
    lock.join().unwrap();
    assert_eq!(urged(&db), 0, "nothing written");
    // Within the bound the action goes through once the lock is released.
    let lock = hold_lock(&db, Duration::from_secs(2));
    let started = Instant::now();
    dd(dir.path(), &db)
        .env("DUTYDESK_WAIT_SECS", "30")
        .args(["--as", &officer, "urge", "GW-00002"])
        .assert()
        .success();
    assert!(started.elapsed() < Duration::from_secs(30));
    lock.join().unwrap();
    assert_eq!(urged(&db), 1);
}

#[test]
fn the_board_keeps_the_form_and_waits_while_the_database_is_busy() {
    use dutydesk::i18n::Lang;
    use dutydesk::tui::{
        Action, App, ItemAction, Mode, keymap::Keymap, step, theme::Theme, update,
    };
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let officer = login_of(&db, "值班员");
    let mut store = Store::open_existing(&db).unwrap();
    store
        .set_busy_timeout(dutydesk::tui::retry::ATTEMPT)
        .unwrap();
    let e = env(&store, &officer);
    let mut app = App::new(&mut store, e, Lang::Zh, Keymap::default(), Theme::mono(), 5).unwrap();
    let first = app.snap.approvals.rows[0].ext_id.clone();
    let before: i64 = one(
        &db,
        &format!("SELECT urged_count FROM documents WHERE ext_id = '{first}'"),
    );
    let lock = hold_lock(&db, Duration::from_secs(3));
    step(&mut app, &mut store, Action::Item(ItemAction::Urge));
    step(&mut app, &mut store, Action::Insert("请加快".into()));
    let started = Instant::now();
    step(&mut app, &mut store, Action::Submit);
    if matches!(app.mode, Mode::Confirm(_)) {
        step(&mut app, &mut store, Action::Yes);
    }
    // One attempt never blocks the board for long.
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    let Mode::Form(form) = &app.mode else {
        panic!("the form stays open: {:?}", app.mode)
    };
    assert!(
        form.error.as_deref().unwrap_or("").contains("等待数据库"),
        "{:?}",
        form.error
    );
    assert!(
        form.fields
            .iter()
            .any(|f| f.input.text().contains("请加快")),
        "the text is kept"
    );
    assert!(app.waiting.is_some());
    // The loop retries until the lock is gone.
    let deadline = Instant::now() + Duration::from_secs(20);
    while app.waiting.is_some() && Instant::now() < deadline {
        std::thread::sleep(dutydesk::tui::retry::EVERY);
        update::retry_waiting(&mut app, &mut store);
    }
    lock.join().unwrap();
    assert!(app.waiting.is_none());
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.mode);
    let after: i64 = one(
        &db,
        &format!("SELECT urged_count FROM documents WHERE ext_id = '{first}'"),
    );
    assert_eq!(after, before + 1, "applied exactly once");
    // Esc while waiting cancels: nothing is written.
    let lock = hold_lock(&db, Duration::from_secs(2));
    step(&mut app, &mut store, Action::Item(ItemAction::Urge));
    step(&mut app, &mut store, Action::Submit);
    if matches!(app.mode, Mode::Confirm(_)) {
        step(&mut app, &mut store, Action::Yes);
    }
    assert!(app.waiting.is_some());
    step(&mut app, &mut store, Action::Back);
    assert!(app.waiting.is_none());
    lock.join().unwrap();
    update::retry_waiting(&mut app, &mut store);
    let last: i64 = one(
        &db,
        &format!("SELECT urged_count FROM documents WHERE ext_id = '{first}'"),
    );
    assert_eq!(last, after);
}
