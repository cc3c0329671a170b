//! The duty shift through the one door and the reads: the handover report's content from a
//! known audit and duty log, a log entry turned into a supervision item (link kept),
//! incidents unreported shown as urgent, rota gaps found, the digest's exit codes, and the
//! iCalendar feed parsed back by an independent parser with a moved and a cancelled meeting.

#[path = "board_demo/mod.rs"]
mod demo;

use assert_cmd::Command as Bin;
use chrono::{NaiveDate, NaiveDateTime};
use dutydesk::clock::Clock;
use dutydesk::command::{self, Command, LogEntry, Ref, RotaDay, ToSupervision};
use dutydesk::domain::duty::LogCategory;
use dutydesk::domain::{Env, SupSource, Urgency};
use dutydesk::i18n::Lang;
use dutydesk::shift::{Format, ics, report};
use dutydesk::store::Store;
use dutydesk::store::compliance;
use dutydesk::store::shift::{calendar, handover, log, rota};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn entry(cat: LogCategory, from: &str, summary: &str, when: &str, u: Urgency) -> Command {
    Command::LogAdd(LogEntry {
        received_at: Some(at(when)),
        category: cat,
        from: from.into(),
        phone: "0435-3200000".into(),
        summary: summary.into(),
        urgency: u,
        informed: "李明华".into(),
        follow_up: String::new(),
    })
}

/// The dongchang demo on 2026-11-20 at 18:00, as the duty officer.
fn shift() -> (Store, Env) {
    let (store, env) = demo::store_on("dongchang", demo::TODAY);
    let env = Env {
        clock: Clock::pinned_at(at("2026-11-20 18:00")),
        ..env
    };
    (store, env)
}

fn perform(store: &mut Store, env: &Env, c: &Command) -> command::Done {
    command::perform(store, env, c).unwrap_or_else(|e| panic!("{c:?}: {e}"))
}

#[test]
fn handover_report_from_a_known_log_and_audit() {
    let (mut store, env) = shift();
    perform(
        &mut store,
        &env,
        &entry(
            LogCategory::Incident,
            "应急局",
            "东昌路燃气泄漏，已疏散居民",
            "2026-11-20 07:40",
            Urgency::VeryUrgent,
        ),
    );
    perform(
        &mut store,
        &env,
        &entry(
            LogCategory::Call,
            "财政局",
            "询问冬季供暖补贴拨付进度",
            "2026-11-20 09:15",
            Urgency::Normal,
        ),
    );
    perform(
        &mut store,
        &env,
        &entry(
            LogCategory::Incident,
            "环城街道",
            "老旧小区外墙脱落，无人员伤亡",
            "2026-11-20 16:20",
            Urgency::Urgent,
        ),
    );
    perform(
        &mut store,
        &env,
        &Command::LogReport {
            entry: Ref::from("ZB-20261120-01"),
            to: "市政府总值班室".into(),
            at: Some(at("2026-11-20 08:05")),
        },
    );
    perform(
        &mut store,
        &env,
        &Command::LogToSupervision {
            entry: Ref::from("ZB-20261120-02"),
            sup: ToSupervision {
                title: String::new(),
                lead: "财政局".into(),
                source: SupSource::LeaderInstruction,
                deadline: None,
            },
        },
    );
    perform(
        &mut store,
        &env,
        &Command::Urge {
            item: command::UrgeRef::Either("GW-00044".into()),
            note: "请尽快呈批".into(),
        },
    );
    let r = store
        .read(|tx| handover::report(tx, &env, at("2026-11-20 08:30"), at("2026-11-20 18:00")))
        .unwrap();
    // Entries before the window are not the shift's; the unreported one is watched.
    assert_eq!(r.log.len(), 2, "{:?}", r.log);
    assert_eq!(r.watch.unreported.len(), 1);
    assert_eq!(r.shift_date, demo::date("2026-11-20"));
    insta::assert_snapshot!(
        "handover_zh",
        report::render(&r, Format::Markdown, Lang::Zh)
    );
    insta::assert_snapshot!("handover_en", report::render(&r, Format::Text, Lang::En));
    let json: serde_json::Value =
        serde_json::from_str(&report::render(&r, Format::Json, Lang::En)).unwrap();
    assert_eq!(json["incoming"]["day"], "2026-11-21");
}

#[test]
fn a_log_entry_becomes_a_supervision_item_keeping_the_link() {
    let (mut store, env) = shift();
    perform(
        &mut store,
        &env,
        &entry(
            LogCategory::Call,
            "财政局",
            "请督办供暖补贴拨付",
            "2026-11-20 09:15",
            Urgency::Urgent,
        ),
    );
    let sup = ToSupervision {
        title: "督促供暖补贴按时拨付".into(),
        lead: "财政局".into(),
        source: SupSource::LeaderInstruction,
        deadline: Some(demo::date("2026-12-15")),
    };
    let done = perform(
        &mut store,
        &env,
        &Command::LogToSupervision {
            entry: Ref::from("ZB-20261120-01"),
            sup: sup.clone(),
        },
    );
    assert_eq!(done.entity, "supervision");
    let e = store
        .read(|tx| log::entry(tx, &Ref::from("ZB-20261120-01")))
        .unwrap();
    assert_eq!(e.supervision.as_deref(), Some("ZB-20261120-01-D"));
    let (title, deadline, state): (String, String, String) = store
        .conn()
        .query_row(
            "SELECT title, deadline, state FROM supervision WHERE ext_id = 'ZB-20261120-01-D'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (title.as_str(), deadline.as_str(), state.as_str()),
        ("督促供暖补贴按时拨付", "2026-12-15", "办理中")
    );
    // Once only; and a department head may not.
    let again = command::perform(
        &mut store,
        &env,
        &Command::LogToSupervision {
            entry: Ref::from("ZB-20261120-01"),
            sup: sup.clone(),
        },
    );
    assert!(
        matches!(again, Err(dutydesk::Error::Refused { .. })),
        "{again:?}"
    );
    let head: String = store
        .conn()
        .query_row(
            "SELECT login FROM people WHERE role = '部门负责人' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let other = Env {
        actor: head,
        ..env.clone()
    };
    let refused = command::perform(
        &mut store,
        &other,
        &entry(
            LogCategory::Call,
            "",
            "x",
            "2026-11-20 10:00",
            Urgency::Normal,
        ),
    );
    assert!(
        matches!(refused, Err(dutydesk::Error::Refused { .. })),
        "{refused:?}"
    );
    // The audit keeps both the entry and the item it became.
    let n: i64 = store
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE action IN ('log-add', 'log-to-supervision')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 2);
}

#[test]
fn an_unreported_incident_is_a_violation_until_reported() {
    let (mut store, env) = shift();
    perform(
        &mut store,
        &env,
        &entry(
            LogCategory::Incident,
            "应急局",
            "河堤渗水",
            "2026-11-20 07:40",
            Urgency::VeryUrgent,
        ),
    );
    let about = |store: &mut Store| {
        store
            .read(|tx| compliance::check(tx, &env))
            .unwrap()
            .into_iter()
            .filter(|f| f.item.entity == "duty_log")
            .collect::<Vec<_>>()
    };
    let f = about(&mut store);
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].severity,
        dutydesk::domain::compliance::Severity::Violation
    );
    perform(
        &mut store,
        &env,
        &Command::LogReport {
            entry: Ref::from("ZB-20261120-01"),
            to: "市应急管理局".into(),
            at: None,
        },
    );
    assert!(about(&mut store).is_empty());
}

#[test]
fn rota_gaps_are_found() {
    let (mut store, env) = shift();
    let days = store.read(|tx| rota::two_weeks(tx, &env)).unwrap();
    assert_eq!(days.len(), 14);
    assert_eq!(days[0].day, demo::date("2026-11-16"));
    assert!(
        days.iter().all(|d| !d.gap_officer),
        "the demo plans every day"
    );
    // Clear a day inside the plan: a gap on the view and a finding.
    perform(
        &mut store,
        &env,
        &Command::RotaSet(RotaDay {
            day: demo::date("2026-11-24"),
            officer: Some(String::new()),
            leader: None,
        }),
    );
    let days = store.read(|tx| rota::two_weeks(tx, &env)).unwrap();
    let gaps: Vec<NaiveDate> = days
        .iter()
        .filter(|d| d.gap_officer)
        .map(|d| d.day)
        .collect();
    assert_eq!(gaps, [demo::date("2026-11-24")]);
    let findings = store.read(|tx| compliance::check(tx, &env)).unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f.item.entity == "duty" && f.item.ext_id == "2026-11-24"),
        "{findings:?}"
    );
    // A leader who is not a district leader is refused as 带班.
    let officer: String = store
        .conn()
        .query_row(
            "SELECT login FROM people WHERE role = '值班员' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let bad = command::perform(
        &mut store,
        &env,
        &Command::RotaSet(RotaDay {
            day: demo::date("2026-11-25"),
            officer: None,
            leader: Some(officer),
        }),
    );
    assert!(
        matches!(bad, Err(dutydesk::Error::Refused { .. })),
        "{bad:?}"
    );
}

#[test]
fn digest_exits_3_when_something_is_overdue_and_0_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let bin = || {
        let mut c = Bin::cargo_bin("dutydesk").unwrap();
        c.env("DUTYDESK_LOG", dir.path().join("log"))
            .env_remove("DUTYDESK_DB");
        c
    };
    let db = dir.path().join("d.db");
    bin()
        .args([
            "--db",
            db.to_str().unwrap(),
            "--today",
            demo::TODAY,
            "demo",
            "--no-board",
        ])
        .assert()
        .success();
    let out = bin()
        .args([
            "--db",
            db.to_str().unwrap(),
            "--today",
            demo::TODAY,
            "digest",
        ])
        .assert()
        .code(3);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("逾期事项") && text.contains("今日值班"),
        "{text}"
    );
    let json = bin()
        .args([
            "--db",
            db.to_str().unwrap(),
            "--today",
            demo::TODAY,
            "--lang",
            "en",
            "digest",
            "--format",
            "json",
        ])
        .assert()
        .code(3);
    let v: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    assert!(v["approvals"]["overdue"].as_u64().unwrap() > 0);
    // An empty district owes nothing.
    let empty = dir.path().join("e.db");
    bin()
        .args([
            "--db",
            empty.to_str().unwrap(),
            "--profile",
            "dongchang",
            "init",
            "--pinned-clock",
        ])
        .assert()
        .success();
    bin()
        .args([
            "--db",
            empty.to_str().unwrap(),
            "--today",
            demo::TODAY,
            "digest",
            "--format",
            "markdown",
        ])
        .assert()
        .code(0);
}

/// The feed parsed by the `icalendar` crate: every VEVENT with its properties.
fn parse(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let unfolded = icalendar::parser::unfold(text);
    let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
    let vcal = &cal.components;
    let mut out = Vec::new();
    let mut tz = false;
    for c in vcal
        .iter()
        .flat_map(|c| c.components.iter().chain(std::iter::once(c)))
    {
        if c.name.as_str() == "VTIMEZONE" {
            tz = c
                .properties
                .iter()
                .any(|p| p.name.as_str() == "TZID" && p.val.as_str() == "Asia/Shanghai");
        }
        if c.name.as_str() == "VEVENT" {
            out.push(
                c.properties
                    .iter()
                    .map(|p| (p.name.as_str().to_string(), p.val.as_str().to_string()))
                    .collect(),
            );
        }
    }
    assert!(tz, "the Asia/Shanghai VTIMEZONE is there");
    out
}

#[test]
fn ics_parses_back_with_a_moved_and_a_cancelled_meeting() {
    let (mut store, env) = shift();
    let from = demo::date("2026-11-01");
    let to = demo::date("2026-12-31");
    let feed = |store: &mut Store| {
        let m = store
            .read(|tx| calendar::meetings(tx, from, to, None))
            .unwrap();
        let d = store.read(|tx| calendar::deadlines(tx, from, to)).unwrap();
        ics::calendar("东昌区 会议", "dongchang", &m, &d)
    };
    let before = parse(&feed(&mut store));
    let planned: Vec<(String, String, String)> = store
        .conn()
        .prepare("SELECT ext_id, title, kind FROM meetings WHERE state = '待召开' ORDER BY start_at LIMIT 2")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let (moved, cancelled) = (&planned[0], &planned[1]);
    let uid = |ext: &str| format!("mtg-{ext}@dongchang.dutydesk");
    let find = |evs: &[std::collections::HashMap<String, String>], ext: &str| {
        evs.iter()
            .find(|e| e.get("UID") == Some(&uid(ext)))
            .cloned()
            .unwrap_or_else(|| panic!("{ext} in the feed"))
    };
    let m0 = find(&before, &moved.0);
    assert_eq!(m0["SEQUENCE"], "0");
    assert_eq!(m0["STATUS"], "CONFIRMED");
    assert_eq!(m0["SUMMARY"], moved.1);
    assert!(
        before.iter().any(|e| e["UID"].starts_with("doc-")),
        "deadlines are in the feed"
    );
    let jsonl = format!(
        "{{\"type\":\"meeting\",\"id\":\"{}\",\"title\":\"{}\",\"kind\":\"{}\",\"start\":\"2026-12-03 14:30\"}}\n\
         {{\"type\":\"meeting\",\"id\":\"{}\",\"title\":\"{}\",\"kind\":\"{}\",\"start\":\"2026-12-04 09:00\",\"state\":\"已取消\"}}\n",
        moved.0, moved.1, moved.2, cancelled.0, cancelled.1, cancelled.2
    );
    // A cancellation is a later state: an administrator's migration import.
    store
        .conn()
        .execute(
            "INSERT INTO admins(account, added_at, added_by) VALUES (?1, 'now', 'test')",
            [&env.account],
        )
        .unwrap();
    perform(
        &mut store,
        &env,
        &Command::Import {
            source: command::ImportSource::Text {
                name: "move.jsonl".into(),
                text: jsonl,
                format: dutydesk::interchange::Format::Jsonl,
            },
            mode: command::ImportMode::Migration,
        },
    );
    let after = parse(&feed(&mut store));
    let m1 = find(&after, &moved.0);
    assert_eq!(m1["UID"], m0["UID"], "a stable UID");
    assert_eq!(m1["SEQUENCE"], "1", "a move bumps SEQUENCE");
    assert_eq!(m1["DTSTART"], "20261203T143000");
    let c1 = find(&after, &cancelled.0);
    assert_eq!(c1["STATUS"], "CANCELLED");
    assert!(c1["SEQUENCE"].parse::<i64>().unwrap() >= 1);
    // The same state gives the same feed: nothing in it depends on when it was written.
    assert_eq!(feed(&mut store), feed(&mut store));
}

#[test]
fn the_board_records_an_entry_and_its_report_up_through_the_log_view() {
    use dutydesk::tui::shift::{ShiftAct, ShiftView};
    use dutydesk::tui::{Action, Mode, step};
    let (mut store, mut app) = demo::dongchang(Lang::Zh, 100, 30);
    app.env.clock = Clock::pinned_at(at("2026-11-20 10:00"));
    step(&mut app, &mut store, Action::Shift(ShiftView::Log));
    step(&mut app, &mut store, Action::ShiftAct(ShiftAct::New));
    // 类别: 来电 → 传真 → 突发事件.
    step(&mut app, &mut store, Action::CursorRight);
    step(&mut app, &mut store, Action::CursorRight);
    for _ in 0..3 {
        step(&mut app, &mut store, Action::NextField);
    }
    step(&mut app, &mut store, Action::Insert("桥梁护栏受损".into()));
    step(&mut app, &mut store, Action::Submit);
    let Mode::Shift(s) = &app.mode else {
        panic!("still in the log view")
    };
    assert!(s.form.is_none(), "{:?}", app.message);
    assert_eq!(s.log.len(), 1);
    assert!(s.log[0].unreported());
    step(&mut app, &mut store, Action::ShiftAct(ShiftAct::ReportUp));
    step(
        &mut app,
        &mut store,
        Action::Insert("市政府总值班室".into()),
    );
    step(&mut app, &mut store, Action::Submit);
    let Mode::Shift(s) = &app.mode else {
        panic!("still in the log view")
    };
    assert_eq!(s.log[0].reported_to.as_deref(), Some("市政府总值班室"));
    step(&mut app, &mut store, Action::Back);
    assert!(matches!(app.mode, Mode::Normal));
}
