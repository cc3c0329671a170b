//! How the board wakes for another process's commit: the watcher on the database's
//! directory wakes it long before the fallback poll, the board's own commits do not
//! refresh it a second time, and without a watcher it polls as before. The fallback poll
//! is set to far longer than any wait here, so a change seen in time was seen through the
//! watcher; every wait is bounded, and no speed is asserted.

mod board_fixture;

use board_fixture as fx;
use dutydesk::command::{self, Command, Ref, UrgeRef};
use dutydesk::i18n::Lang;
use dutydesk::store::Store;
use dutydesk::tui::event::{Event, Events, Wakeup};
use dutydesk::tui::{Action, step};
use std::path::Path;
use std::time::{Duration, Instant};

/// Far longer than any test waits: a change seen in time did not come from this poll.
const FALLBACK: Duration = Duration::from_secs(60);
/// The bound on each wait for an event.
const BOUND: Duration = Duration::from_secs(15);

fn watched() -> Wakeup {
    Wakeup {
        watch: true,
        fallback: FALLBACK,
    }
}

/// `dutydesk urge sup-01` in another process, as another officer's board or script.
fn urge_in_another_process(dir: &Path, db: &Path) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dutydesk"))
        .args(["--db", db.to_str().unwrap(), "--today", fx::TODAY])
        .args(["--as", "liuyang", "urge", "sup-01", "--note", "请加快进度"])
        .env("DUTYDESK_CONFIG", dir.join("none.toml"))
        .env("DUTYDESK_LOG", dir.join("log.txt"))
        .env_remove("DUTYDESK_DB")
        .env_remove("DUTYDESK_AS")
        .env_remove("DUTYDESK_TODAY")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The events within `window` (DbChanged and the rest), driving the loop headless.
fn events_for(events: &mut Events, store: &Store, window: Duration) -> Vec<Event> {
    let until = Instant::now() + window;
    let mut seen = Vec::new();
    while Instant::now() < until {
        // Back by the window's end, whatever the fallback poll's interval.
        events.wake_by(until);
        if let Some(ev) = events.next(store).unwrap() {
            seen.push(ev);
        }
    }
    seen
}

/// Waits (bounded) for the next DbChanged; false when none came.
fn wait_changed(events: &mut Events, store: &Store) -> bool {
    let until = Instant::now() + BOUND;
    while Instant::now() < until {
        events.wake_by(until);
        if events.next(store).unwrap() == Some(Event::DbChanged) {
            return true;
        }
    }
    false
}

fn urged(app: &dutydesk::tui::App) -> i64 {
    app.snap
        .supervision
        .rows
        .iter()
        .find(|r| r.ext_id == "sup-01")
        .map(|r| r.urged_count)
        .unwrap()
}

#[test]
fn another_process_commit_wakes_the_board_without_the_poll() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut mine) = fx::file_store(dir.path());
    let mut app = fx::app_on(&mut mine, Lang::Zh, 80, 24);
    let before = urged(&app);
    let mut events = Events::with(&mine, app.env.clock, false, watched());
    assert!(events.watching(), "the watcher starts on a local file");
    urge_in_another_process(dir.path(), &path);
    assert!(
        wait_changed(&mut events, &mine),
        "the commit is noticed through the watcher, well before the {FALLBACK:?} poll"
    );
    assert!(events.file_wakes() > 0);
    step(&mut app, &mut mine, Action::DbChanged);
    assert_eq!(urged(&app), before + 1, "the refresh shows the commit");
    // One commit, one refresh: the writer's later file events find nothing new.
    let later = events_for(&mut events, &mine, Duration::from_millis(300));
    assert!(!later.contains(&Event::DbChanged), "{later:?}");
}

#[test]
fn the_boards_own_commit_does_not_refresh_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut mine) = fx::file_store(dir.path());
    let mut events = Events::with(&mine, fx::env().clock, false, watched());
    assert!(events.watching());
    // The board's own action: its loop re-reads once for it (Effect::Reload); the WAL
    // write it makes wakes the loop, and the unchanged data version stops a second read.
    command::perform(
        &mut mine,
        &fx::env(),
        &Command::Urge {
            item: UrgeRef::Supervision(Ref::Id(1)),
            note: "本人催办".into(),
        },
    )
    .unwrap();
    let seen = events_for(&mut events, &mine, Duration::from_millis(500));
    assert!(events.file_wakes() > 0, "the watcher saw the WAL change");
    assert!(!seen.contains(&Event::DbChanged), "{seen:?}");
}

#[test]
fn a_replaced_file_is_noticed_through_the_watcher() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mine) = fx::file_store(dir.path());
    let mut events = Events::with(&mine, fx::env().clock, false, watched());
    std::fs::rename(&path, dir.path().join("moved.db")).unwrap();
    assert!(
        wait_changed(&mut events, &mine),
        "the rename wakes the board"
    );
}

#[test]
fn without_a_watcher_the_board_polls() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mine) = fx::file_store(dir.path());
    // As when the watcher cannot start: the board polls every 100 ms, whatever the
    // fallback of a watching board.
    let off = Wakeup {
        watch: false,
        fallback: FALLBACK,
    };
    let mut events = Events::with(&mine, fx::env().clock, false, off);
    assert!(!events.watching());
    command::perform(
        &mut Store::open(&path).unwrap(),
        &fx::env(),
        &Command::Urge {
            item: UrgeRef::Supervision(Ref::Id(1)),
            note: "另一连接催办".into(),
        },
    )
    .unwrap();
    assert!(
        wait_changed(&mut events, &mine),
        "the poll notices the commit"
    );
    assert_eq!(events.file_wakes(), 0);
    // A store without a file has nothing to watch: it polls too.
    let memory = fx::store();
    assert!(!Events::with(&memory, fx::env().clock, false, watched()).watching());
}
