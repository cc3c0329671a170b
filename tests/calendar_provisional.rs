//! The calendar after the last published notice (issue 13): 2027 counts its statutory
//! holidays, deadlines across it are provisional in the pane, the detail, the check and
//! `list --json`, and importing the 2027 notice recomputes them and reports what moved.

mod rules_fixture;

use assert_cmd::Command as Bin;
use dutydesk::calendar::{ScheduleDay, YearSchedule};
use dutydesk::command::{self, Command, Detail};
use dutydesk::domain::Urgency;
use dutydesk::domain::compliance::Severity;
use dutydesk::i18n::Lang;
use dutydesk::store::queries::{self, Filter};
use rules_fixture::{self as fx, date};

const RULE: &str = "calendar.provisional";

/// The 加急 paper of the issue: received Monday 2026-12-28, seen on that day.
fn district() -> (fx::Store, dutydesk::domain::Env) {
    let store = fx::store();
    let env = fx::env_on("xinzhou", date("2026-12-28"), "chen");
    fx::exec(
        &store,
        "INSERT INTO meta(key, value) VALUES ('profile', 'xinzhou')",
        [],
    );
    fx::document(
        &store,
        &env,
        1,
        "请示",
        Urgency::Urgent,
        "2026-12-28",
        Some(3),
    );
    // A paper received in November is due in 2026 and is not provisional.
    fx::document(
        &store,
        &env,
        2,
        "请示",
        Urgency::Urgent,
        "2026-11-02",
        Some(3),
    );
    (store, env)
}

fn due_of(store: &fx::Store, id: i64) -> String {
    store
        .conn()
        .query_row("SELECT due FROM documents WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
}

/// A 2027 notice that also makes Monday 01-04 a rest day (so the deadline must move).
fn notice_2027() -> YearSchedule {
    let day = |d: &str, off| ScheduleDay {
        name: "元旦".into(),
        date: date(d),
        off,
    };
    YearSchedule {
        year: 2027,
        papers: vec!["test notice".into()],
        days: vec![
            day("2027-01-01", true),
            day("2027-01-02", true),
            day("2027-01-03", true),
            day("2027-01-04", true),
            day("2027-01-09", false),
        ],
    }
}

#[test]
fn new_year_2027_is_not_a_working_day_and_the_deadline_is_provisional() {
    let (mut store, env) = district();
    // 信州 sets no approval limit: the 加急 default of 7 working days applies.
    assert!(env.profile.documents.approval_limits.urgent.is_none());
    let n = 7;
    // Counted with 元旦 as a rest day: one day later than Monday–Friday counting.
    let weekdays_only =
        dutydesk::calendar::Calendar::weekends_only().add_workdays(date("2026-12-28"), n);
    let due = date(&due_of(&store, 1));
    assert_eq!(due, env.calendar.add_workdays(date("2026-12-28"), n));
    assert!(due > weekdays_only, "{due} vs {weekdays_only}");
    assert!(!env.calendar.is_workday(date("2027-01-01")));

    // The pane.
    let f = Filter::default();
    let pane = store.read(|tx| queries::approvals(tx, &env, &f)).unwrap();
    let row = pane.rows.iter().find(|r| r.id == 1).unwrap();
    let p = row.due.provisional.as_ref().expect("provisional");
    assert_eq!(p.years, vec![2027]);
    assert!(
        p.reason(Lang::Zh)
            .contains("国务院 2027 年节假日（调休）安排尚未载入")
    );
    assert!(row.due.date_label(Lang::Zh).ends_with("暂定"));
    let other = pane.rows.iter().find(|r| r.id == 2).unwrap();
    assert_eq!(other.due.provisional, None);

    // The check: one notice, on the provisional document only.
    let v = fx::under(&mut store, &env, RULE);
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0].severity, Severity::Notice);
    assert_eq!(v[0].item.id, 1);
    assert!(
        v[0].message_en.contains("provisional"),
        "{}",
        v[0].message_en
    );
}

#[test]
fn importing_the_notice_recomputes_and_reports_what_moved() {
    let (mut store, env) = district();
    let before = due_of(&store, 1);
    let done = command::perform(
        &mut store,
        &env,
        &Command::CalendarImport {
            schedule: notice_2027(),
            source: "2027.json".into(),
        },
    )
    .unwrap();
    let after = due_of(&store, 1);
    assert_ne!(before, after, "the extra rest day moves the deadline");
    let Detail::Calendar(c) = &done.detail else {
        panic!("{:?}", done.detail)
    };
    let r = c.recomputed.as_ref().unwrap();
    assert_eq!(r.moved.len(), 1, "{:?}", r.moved);
    let m = &r.moved[0];
    assert_eq!(
        (m.ext_id.as_str(), m.from.as_deref(), m.to.as_str()),
        ("D1", Some(before.as_str()), after.as_str())
    );
    assert!(m.line(Lang::Zh).contains("审批期限"));
    assert!(
        done.summary(Lang::Zh).contains("1 个期限随之变动"),
        "{}",
        done.summary(Lang::Zh)
    );
    assert!(done.summary(Lang::En).contains("1 deadline moved"));

    // Under the calendar with the notice, nothing is provisional any more.
    let env = dutydesk::domain::Env {
        calendar: store.calendar().unwrap(),
        ..env
    };
    let pane = store
        .read(|tx| queries::approvals(tx, &env, &Filter::default()))
        .unwrap();
    assert!(pane.rows.iter().all(|r| r.due.provisional.is_none()));
    fx::none(&mut store, &env, RULE);
}

fn dutydesk(dir: &std::path::Path, db: &std::path::Path, args: &[&str]) -> String {
    let out = Bin::cargo_bin("dutydesk")
        .unwrap()
        .env("DUTYDESK_CONFIG", dir.join("config.toml"))
        .env("DUTYDESK_LOG", dir.join("log.txt"))
        .env_remove("DUTYDESK_PROFILE")
        .env_remove("DUTYDESK_LANG")
        .args([
            "--db",
            db.to_str().unwrap(),
            "--today",
            "2026-12-28",
            "--as",
            "chen",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn list_json_check_and_calendar_import_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("duty.db");
    {
        let store = fx::Store::open(&db).unwrap();
        store.conn().execute_batch(fx::ORG).unwrap();
        let env = fx::env_on("xinzhou", date("2026-12-28"), "chen");
        fx::exec(
            &store,
            "INSERT INTO meta(key, value) VALUES ('profile', 'xinzhou')",
            [],
        );
        fx::document(
            &store,
            &env,
            1,
            "请示",
            Urgency::Urgent,
            "2026-12-28",
            Some(3),
        );
    }
    let out = dutydesk(dir.path(), &db, &["list", "approvals", "--json"]);
    let row: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(row["provisional"], true);
    assert!(row["provisional_reason"].as_str().unwrap().contains("2027"));

    let check = dutydesk(dir.path(), &db, &["--lang", "en", "check"]);
    assert!(
        check.contains("provisional: the State Council's 2027"),
        "{check}"
    );

    let file = dir.path().join("2027.json");
    std::fs::write(&file, notice_2027().to_json()).unwrap();
    let out = dutydesk(
        dir.path(),
        &db,
        &["calendar", "import", file.to_str().unwrap()],
    );
    assert!(out.contains("1 个期限随之变动"), "{out}");
    assert!(out.contains("D1"), "{out}");

    let out = dutydesk(dir.path(), &db, &["list", "approvals", "--json"]);
    let row: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(row["provisional"], false);
}
