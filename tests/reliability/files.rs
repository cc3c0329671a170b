//! The right file, or an error: nothing created by a read or an action on a missing path,
//! a foreign SQLite file left untouched, a replaced or deleted file noticed (writes refused,
//! a replacing dutydesk database reopened), `demo` never rebuilding a file a board holds;
//! the files `init` makes; a full disk; backup and doctor; explicit calendar and profile
//! changes.

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
fn a_full_disk_is_said_as_such_and_nothing_is_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let office = login_of(&db, "办公室主任");
    let mut store = Store::open_existing(&db).unwrap();
    // SQLite's page limit stands in for a full disk: the file cannot grow.
    let pages: i64 = store
        .conn()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store
        .conn()
        .execute_batch(&format!("PRAGMA max_page_count = {pages}"))
        .unwrap();
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(&format!(
            r#"{{"type":"document","id":"full{i}","title":"{}","kind":"请示","urgency":"一般","received":"2026-11-16"}}"#,
            "满".repeat(200)
        ));
        text.push('\n');
    }
    let before: i64 = one(&db, "SELECT count(*) FROM documents");
    let audit_before: i64 = one(&db, "SELECT count(*) FROM audit");
    let e = env(&store, &office);
    let err = command::perform(
        &mut store,
        &e,
        &Command::Import {
            source: command::ImportSource::Text {
                name: "full.jsonl".into(),
                text,
                format: dutydesk::interchange::Format::Jsonl,
            },
            mode: command::ImportMode::Ordinary,
        },
    )
    .unwrap_err();
    assert!(dutydesk::store::busy::error_is_full(&err), "{err}");
    let said = dutydesk::store::busy::explain(&err, dutydesk::i18n::Lang::Zh).unwrap();
    assert!(said.contains("磁盘已满"), "{said}");
    let anyhow = dutydesk::cli::exit::from_core(err, dutydesk::i18n::Lang::En);
    assert_eq!(dutydesk::cli::exit::code_of(&anyhow), 74);
    assert_eq!(one::<i64>(&db, "SELECT count(*) FROM documents"), before);
    assert_eq!(one::<i64>(&db, "SELECT count(*) FROM audit"), audit_before);
    assert_eq!(one::<String>(&db, "PRAGMA integrity_check"), "ok");
}

#[test]
fn backup_while_writing_is_consistent_and_verified_and_doctor_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let officer = login_of(&db, "值班员");
    // A writer keeps urging while the backup runs; the copy is one consistent state.
    let writer = {
        let db = db.clone();
        let officer = officer.clone();
        std::thread::spawn(move || {
            let mut s = Store::open_existing(&db).unwrap();
            let e = env(&s, &officer);
            for _ in 0..40 {
                command::perform(
                    &mut s,
                    &e,
                    &Command::Urge {
                        item: UrgeRef::Either("GW-00002".into()),
                        note: String::new(),
                    },
                )
                .unwrap();
            }
        })
    };
    let dest = dir.path().join("backup.db");
    let out = dd(dir.path(), &db)
        .arg("backup")
        .arg(&dest)
        .output()
        .unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("已校验"));
    let urged: i64 = one(
        &dest,
        "SELECT urged_count FROM documents WHERE ext_id = 'GW-00002'",
    );
    let audited: i64 = one(&dest, "SELECT count(*) FROM audit WHERE action = 'urge'");
    assert_eq!(urged, audited, "the copy is one committed state");
    assert_eq!(one::<String>(&dest, "PRAGMA integrity_check"), "ok");
    // Never over an existing file.
    let again = dd(dir.path(), &db)
        .arg("backup")
        .arg(&dest)
        .output()
        .unwrap();
    assert!(!again.status.success());
    // Doctor: the demo's file modes under the test umask need action (exit 3) …
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = dd(dir.path(), &db).arg("doctor").output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("WARN modes") && text.contains("chmod 660"),
        "{text}"
    );
    assert!(
        text.contains("ok   audit") && text.contains("ok   integrity"),
        "{text}"
    );
    // … and once fixed, nothing does.
    for p in dutydesk::store::file::with_companions(&db) {
        if p.exists() {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o660)).unwrap();
        }
    }
    let out = dd(dir.path(), &db)
        .args(["doctor", "--json"])
        .output()
        .unwrap();
    let bad: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.contains("\"status\":\"ok\""))
        .map(str::to_string)
        .collect();
    assert_eq!(
        out.status.code(),
        if bad.is_empty() { Some(0) } else { Some(3) },
        "{bad:?}"
    );
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

#[test]
fn calendar_import_over_a_year_needs_replace_and_shows_what_moves() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let admin = login_of(&db, "办公室主任");
    // The 2026 notice, with one more holiday: 2026-11-23 (a Monday).
    let mut sched = dutydesk::calendar::Calendar::embedded()
        .schedule(2026)
        .unwrap()
        .clone();
    sched.days.push(dutydesk::calendar::ScheduleDay {
        name: "假设".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        off: true,
    });
    let file = dir.path().join("2026.json");
    std::fs::write(&file, sched.to_json()).unwrap();
    let before: String = one(
        &db,
        "SELECT group_concat(due) FROM (SELECT due FROM documents WHERE state = '待批' ORDER BY id)",
    );
    let out = dd(dir.path(), &db)
        .args(["--as", &admin, "calendar", "import"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("2026-11-23") && text.contains("改为休息日"),
        "{text}"
    );
    assert!(text.contains("在办期限将变动"), "{text}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--replace"));
    let unchanged: String = one(
        &db,
        "SELECT group_concat(due) FROM (SELECT due FROM documents WHERE state = '待批' ORDER BY id)",
    );
    assert_eq!(unchanged, before, "the preview wrote nothing");
    dd(dir.path(), &db)
        .args(["--as", &admin, "calendar", "import", "--replace"])
        .arg(&file)
        .assert()
        .success();
    let after: String = one(
        &db,
        "SELECT group_concat(due) FROM (SELECT due FROM documents WHERE state = '待批' ORDER BY id)",
    );
    assert_ne!(after, before);
    // A file labelled 2027 holding a November 2026 day is refused.
    let mut wrong = dutydesk::calendar::Calendar::embedded()
        .schedule(2026)
        .unwrap()
        .clone();
    wrong.year = 2027;
    std::fs::write(&file, wrong.to_json()).unwrap();
    let out = dd(dir.path(), &db)
        .args(["--as", &admin, "calendar", "import", "--replace"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("outside the notice year 2027"));
}

#[test]
fn another_profile_is_refused_except_an_administrators_audited_change() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dd(dir.path(), &db)
        .args(["--profile", "huancui", "list", "approvals"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("admin profile huancui"));
    dd(dir.path(), &db)
        .args(["--profile", "dongchang", "list", "approvals"])
        .assert()
        .success();
    // The demo's loader is an administrator of the training database.
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute(
        "INSERT INTO admins(account, added_at, added_by) VALUES (?1, '2026-01-01T00:00:00Z', 'test') ON CONFLICT DO NOTHING",
        [dutydesk::command::os_account()],
    )
    .unwrap();
    drop(c);
    let out = dd(dir.path(), &db)
        .args(["admin", "profile", "huancui"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        one::<String>(&db, "SELECT value FROM meta WHERE key = 'profile'"),
        "huancui"
    );
    assert_eq!(
        one::<i64>(
            &db,
            "SELECT count(*) FROM audit WHERE action = 'profile-change'"
        ),
        1
    );
    dd(dir.path(), &db)
        .args(["audit", "verify"])
        .assert()
        .success();
}

#[test]
fn a_read_only_store_reads_and_says_why_it_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let officer = login_of(&db, "值班员");
    // What the board falls back to when the file or its directory cannot be written (as
    // root, permissions do not stop writes, so the read-only open stands in for them).
    let mut store = Store::open_read_only(&db).unwrap();
    assert!(store.is_read_only());
    let e = env(&store, &officer);
    let app = dutydesk::tui::App::new(
        &mut store,
        e.clone(),
        dutydesk::i18n::Lang::Zh,
        dutydesk::tui::keymap::Keymap::default(),
        dutydesk::tui::theme::Theme::mono(),
        5,
    )
    .unwrap();
    assert!(!app.snap.approvals.rows.is_empty(), "reads work");
    let err = command::perform(
        &mut store,
        &e,
        &Command::Urge {
            item: UrgeRef::Either("GW-00002".into()),
            note: String::new(),
        },
    )
    .unwrap_err();
    let said = dutydesk::store::busy::explain(&err, dutydesk::i18n::Lang::Zh).unwrap_or_default();
    assert!(said.contains("只读"), "{err} / {said}");
}
