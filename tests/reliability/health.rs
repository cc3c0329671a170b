//! Faults and changes said as what they are: a full disk, a read-only store, a backup
//! taken while others write and verified, doctor's verdict, a calendar year replaced only
//! with --replace, and the profile changed only by an administrator's audited command.

use super::support::{dd, demo, env, login_of, one};
use dutydesk::command::resolve::UrgeRef;
use dutydesk::command::{self, Command};
use dutydesk::store::Store;
use std::os::unix::fs::PermissionsExt;

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
