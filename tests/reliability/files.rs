//! The right file, or an error: nothing created by a read or an action on a missing path,
//! a foreign SQLite file left untouched, a replaced or deleted file noticed (writes refused,
//! a replacing dutydesk database reopened), `demo` never rebuilding a file a board holds;
//! the files `init` makes; an unreadable row skipped and reported.

use super::support::{dd, demo, env, login_of, one};
use dutydesk::command::resolve::UrgeRef;
use dutydesk::command::{self, Command};
use dutydesk::store::Store;
use dutydesk::store::file::{BoardLock, FileState};
use std::os::unix::fs::PermissionsExt;

fn md5ish(p: &std::path::Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn no_command_but_init_and_demo_creates_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("typo/desk.db");
    for args in [
        &["list", "approvals"][..],
        &["check"],
        &["export"],
        &["urge", "GW-00001"],
        &["import", "x.jsonl"],
        &["doctor"],
        &["backup", "b.db"],
        &["settle"],
        &["admin", "list"],
    ] {
        let out = dd(dir.path(), &db).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(66), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("typo/desk.db") && err.contains("不存在"),
            "{err}"
        );
        assert!(
            !dir.path().join("typo").exists(),
            "{args:?} created something"
        );
    }
}

#[test]
fn a_foreign_sqlite_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.db");
    let c = rusqlite::Connection::open(&other).unwrap();
    c.execute_batch("CREATE TABLE notes(t); INSERT INTO notes VALUES ('keep');")
        .unwrap();
    drop(c);
    let text = dir.path().join("text.db");
    std::fs::write(&text, "not a database\n").unwrap();
    for f in [&other, &text] {
        let before = md5ish(f);
        for args in [
            &["list", "approvals"][..],
            &["urge", "x"],
            &["--profile", "dongchang", "init"],
            &["doctor"],
        ] {
            let out = dd(dir.path(), f)
                .args(["--lang", "en"])
                .args(args)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(66), "{args:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("is not a dutydesk database"), "{err}");
        }
        assert_eq!(md5ish(f), before, "{} changed", f.display());
        assert!(
            !dir.path()
                .join(format!("{}-wal", f.file_name().unwrap().to_string_lossy()))
                .exists()
        );
    }
}

#[test]
fn a_replaced_or_deleted_file_refuses_writes_and_a_replacement_is_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let officer = login_of(&db, "值班员");
    let mut store = Store::open_existing(&db).unwrap();
    let e = env(&store, &officer);
    let urge = Command::Urge {
        item: UrgeRef::Either("GW-00002".into()),
        note: String::new(),
    };
    // Replaced by `mv`: a copy of the same district moved over the path.
    let copy = dir.path().join("copy.db");
    dutydesk::store::health::backup(&store, &copy).unwrap();
    std::fs::rename(&copy, &db).unwrap();
    assert_eq!(store.file_state(), FileState::Replaced);
    let err = command::perform(&mut store, &e, &urge).unwrap_err();
    assert!(err.to_string().contains("was replaced"), "{err}");
    // Nothing went into either file.
    let urged: i64 = one(
        &db,
        "SELECT urged_count FROM documents WHERE ext_id = 'GW-00002'",
    );
    assert_eq!(urged, 0);
    // Reopened, the action goes into the file now at the path.
    let mut store = Store::open_existing(&db).unwrap();
    command::perform(&mut store, &e, &urge).unwrap();
    let urged: i64 = one(
        &db,
        "SELECT urged_count FROM documents WHERE ext_id = 'GW-00002'",
    );
    assert_eq!(urged, 1);
    // Deleted: reads and writes say so; the next command creates nothing.
    std::fs::remove_file(&db).unwrap();
    assert_eq!(store.file_state(), FileState::Deleted);
    assert!(
        command::perform(&mut store, &e, &urge)
            .unwrap_err()
            .to_string()
            .contains("deleted")
    );
    assert!(store.read(|_| Ok(())).is_err());
    let out = dd(dir.path(), &db)
        .args(["list", "approvals"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(66));
    assert!(!db.exists());
}

#[test]
fn the_board_notices_a_replaced_file_at_its_poll_and_reopens_it() {
    use dutydesk::i18n::Lang;
    use dutydesk::tui::event::{Event, Events};
    use dutydesk::tui::{App, keymap::Keymap, theme::Theme};
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let officer = login_of(&db, "值班员");
    let mut store = Store::open_existing(&db).unwrap();
    let e = env(&store, &officer);
    let mut app = App::new(
        &mut store,
        e.clone(),
        Lang::Zh,
        Keymap::default(),
        Theme::mono(),
        5,
    )
    .unwrap();
    let mut events = Events::new(&store, e.clock, false);
    assert_eq!(events.check_db(&store), None);
    // Deleted: said at the next poll, the board marked not live, with the reason.
    let keep = dir.path().join("keep.db");
    std::fs::rename(&db, &keep).unwrap();
    let ev = events.check_db(&store);
    assert_eq!(ev, Some(Event::DbChanged));
    let action = dutydesk::tui::action_for(&app, ev.unwrap()).unwrap();
    dutydesk::tui::step(&mut app, &mut store, action);
    assert!(!app.live);
    assert!(
        app.message.as_ref().unwrap().text.contains("已被删除"),
        "{:?}",
        app.message
    );
    // A dutydesk database back at the path: reopened, live again.
    std::fs::rename(&keep, &db).unwrap();
    let ev = events.check_db(&store).unwrap_or(Event::DbChanged);
    let action = dutydesk::tui::action_for(&app, ev).unwrap();
    dutydesk::tui::step(&mut app, &mut store, action);
    assert!(app.live, "{:?}", app.message);
    assert_eq!(store.file_state(), FileState::Same);
}

#[test]
fn demo_does_not_rebuild_a_file_a_board_holds() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let lock = BoardLock::shared(&db).expect("lock");
    assert!(BoardLock::in_use(&db));
    let before = md5ish(&db);
    let out = dd(dir.path(), &db)
        .args(["demo", "--no-board"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("open on a board"));
    assert_eq!(md5ish(&db), before);
    drop(lock);
    assert!(!BoardLock::in_use(&db));
    dd(dir.path(), &db)
        .args(["demo", "--no-board"])
        .assert()
        .success();
}

#[test]
fn init_makes_group_writable_files_and_a_group_directory() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plain/desk.db");
    dd(dir.path(), &db)
        .args(["--profile", "dongchang", "init", "--pinned-clock"])
        .assert()
        .success();
    for p in dutydesk::store::file::with_companions(&db) {
        if p.exists() {
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o7777;
            assert_eq!(mode, 0o660, "{}", p.display());
        }
    }
    // With --group (the running account's own primary group, which always exists).
    let gid = nix::unistd::getegid();
    let group = nix::unistd::Group::from_gid(gid).unwrap().unwrap().name;
    let db = dir.path().join("shared/desk.db");
    dd(dir.path(), &db)
        .args([
            "--profile",
            "dongchang",
            "init",
            "--pinned-clock",
            "--group",
            &group,
        ])
        .assert()
        .success();
    let mode = std::fs::metadata(db.parent().unwrap())
        .unwrap()
        .permissions()
        .mode()
        & 0o7777;
    assert_eq!(mode, 0o2770);
    let out = dd(dir.path(), &db).args(["doctor"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("ok   modes"),
        "{out:?}"
    );
    // A shared directory such as /tmp is refused before anything is made.
    let out = dd(
        dir.path(),
        std::path::Path::new("/tmp/dutydesk-test-refused.db"),
    )
    .args(["--profile", "dongchang", "init", "--group", &group])
    .output()
    .unwrap();
    assert!(!out.status.success());
    assert!(!std::path::Path::new("/tmp/dutydesk-test-refused.db").exists());
    // And a missing group is named.
    let out = dd(dir.path(), &dir.path().join("g/desk.db"))
        .args([
            "--lang",
            "en",
            "--profile",
            "dongchang",
            "init",
            "--group",
            "no-such-group-xyz",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no group named no-such-group-xyz"));
}

#[test]
fn an_unreadable_row_is_skipped_counted_and_a_finding_never_a_failed_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    // As an older version or a hand edit might have left it.
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute(
        "UPDATE documents SET due = '10000-01-20' WHERE ext_id = 'GW-00002'",
        [],
    )
    .unwrap();
    c.execute("UPDATE supervision SET assigned = 'garbage' WHERE id = (SELECT min(id) FROM supervision WHERE state = '办理中')", [])
        .unwrap();
    drop(c);
    let out = dd(dir.path(), &db)
        .args(["list", "approvals"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("GW-00002"));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("1 条记录无法识读"),
        "{out:?}"
    );
    dd(dir.path(), &db)
        .args(["list", "supervision"])
        .assert()
        .success();
    let out = dd(dir.path(), &db)
        .args(["check", "--json"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.contains("data.unreadable") && l.contains("GW-00002")),
        "{text}"
    );
    // The board starts and shows the rest.
    let mut store = Store::open_existing(&db).unwrap();
    let e = env(&store, &login_of(&db, "值班员"));
    let app = dutydesk::tui::App::new(
        &mut store,
        e,
        dutydesk::i18n::Lang::Zh,
        dutydesk::tui::keymap::Keymap::default(),
        dutydesk::tui::theme::Theme::mono(),
        5,
    )
    .unwrap();
    assert_eq!(app.snap.approvals.skipped, vec!["GW-00002".to_string()]);
}
