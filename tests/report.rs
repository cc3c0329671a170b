//! The 督查通报: figures from a fixed district with answers worked out by hand (see
//! `report_fixture`), the Markdown document as a snapshot, and the CSV in GB18030.

mod report_fixture;

use assert_cmd::Command;
use dutydesk::domain::{Urgency, deadline};
use dutydesk::i18n::Lang;
use dutydesk::report::{self, Format};
use dutydesk::store::report::{self as figures, GroupBy, Lights, Period, Report};
use report_fixture::{self as fx, day};

fn q1(by: GroupBy) -> Report {
    let mut st = fx::store_at(None);
    let env = fx::env();
    st.read(|tx| figures::report(tx, &env, Period::parse("2026Q1").unwrap(), by))
        .unwrap()
}

fn row<'a, F>(rows: &'a [figures::Row<F>], name: &str) -> &'a F {
    &rows.iter().find(|r| r.name == name).unwrap().figures
}

#[test]
fn the_fixture_due_dates_are_the_calendar_s() {
    // The stored limits were worked out by hand across 春节 and 清明; the core agrees.
    let env = fx::env();
    for (u, received, due) in [
        (Urgency::Normal, "2026-02-10", "2026-03-06"),
        (Urgency::Urgent, "2026-03-02", "2026-03-11"),
        (Urgency::Normal, "2026-03-20", "2026-04-10"),
        (Urgency::VeryUrgent, "2026-03-10", "2026-03-17"),
        (Urgency::Normal, "2025-12-20", "2026-01-09"),
    ] {
        assert_eq!(
            deadline::approval(&env, u, day(received)).due,
            day(due),
            "{received}"
        );
    }
}

#[test]
fn district_totals_for_the_quarter() {
    let r = q1(GroupBy::Dept);
    assert_eq!(r.as_of, day("2026-03-31"));
    let t = &r.supervision_total;
    assert_eq!(
        (t.received, t.closed, t.on_time, t.open, t.overdue),
        (6, 5, 3, 2, 1)
    );
    // 3 on time of 5 closed + 1 still overdue.
    assert_eq!(t.rate, Some(50.0));
    // Late: S1 2 wd across 春节, S2 1 wd (closed on the 调休 Saturday), S5 4 wd still open.
    assert_eq!(t.late_mean.map(|m| (m * 1000.0).round()), Some(2333.0));
    assert_eq!(t.late_p90, Some(4));
    assert_eq!((t.extensions, t.urges), (2, 3));
    assert_eq!((t.recheck_done, t.recheck_failed), (2, 1));
    // S3 extended twice is yellow; S5 overdue is red.
    assert_eq!(
        t.lights,
        Lights {
            green: 0,
            yellow: 1,
            red: 1
        }
    );
}

#[test]
fn departments_ranked_by_on_time_rate() {
    let r = q1(GroupBy::Dept);
    let names: Vec<&str> = r.supervision.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["区财政局", "区教育局", "区发改局"]);
    let fin = row(&r.supervision, "区财政局");
    assert_eq!(
        (fin.received, fin.closed, fin.on_time, fin.overdue),
        (2, 3, 2, 0)
    );
    assert_eq!(fin.late_mean, Some(1.0));
    assert_eq!((fin.recheck_done, fin.recheck_failed), (2, 1));
    let edu = row(&r.supervision, "区教育局");
    assert_eq!(
        (edu.closed, edu.on_time, edu.overdue, edu.urges),
        (1, 1, 1, 2)
    );
    assert_eq!((edu.rate, edu.late_p90), (Some(50.0), Some(4)));
    let dev = row(&r.supervision, "区发改局");
    assert_eq!(
        (dev.received, dev.closed, dev.on_time, dev.open),
        (2, 1, 0, 1)
    );
    assert_eq!(
        (dev.rate, dev.late_mean, dev.extensions),
        (Some(0.0), Some(2.0), 2)
    );
    assert_eq!(dev.lights.yellow, 1);
}

#[test]
fn by_leader_and_by_source() {
    let r = q1(GroupBy::Leader);
    let names: Vec<&str> = r.supervision.iter().map(|r| r.name.as_str()).collect();
    // Equal rates: fewer overdue first.
    assert_eq!(names, ["李明", "张华"]);
    assert_eq!(row(&r.supervision, "李明").closed, 4);
    let r = q1(GroupBy::Source);
    let inst = row(&r.supervision, "领导批示");
    assert_eq!(
        (inst.closed, inst.on_time, inst.rate),
        (3, 2, Some(200.0 / 3.0))
    );
    assert_eq!(row(&r.supervision, "政府工作报告").extensions, 2);
}

#[test]
fn documents_against_the_limits() {
    let r = q1(GroupBy::Dept);
    let t = &r.documents_total;
    assert_eq!((t.received, t.signed, t.with_limit, t.within), (4, 3, 3, 2));
    // D1 12 wd, D2 10 wd, D5 11 wd from receipt to signature.
    assert_eq!((t.days_mean, t.days_p90), (Some(11.0), Some(12)));
    assert_eq!(t.pending_overdue, 1);
    let normal = row(&r.by_urgency, "一般");
    assert_eq!(
        (normal.received, normal.signed, normal.share_within),
        (2, 2, Some(100.0))
    );
    assert_eq!(normal.days_mean, Some(11.5));
    let urgent = row(&r.by_urgency, "加急");
    assert_eq!((urgent.within, urgent.share_within), (0, Some(0.0)));
    assert_eq!(row(&r.by_urgency, "特急").pending_overdue, 1);
    assert_eq!(row(&r.documents, "区发改局").received, 2);
    let leaders = q1(GroupBy::Leader);
    assert_eq!(row(&leaders.documents, "张华").signed, 2);
    // The method cites the district's own limits.
    assert_eq!(r.limits[0].article.as_deref(), Some("二十八"));
}

#[test]
fn weekly_overdue_trend() {
    let r = q1(GroupBy::Dept);
    assert_eq!(r.weekly_overdue.len(), 26);
    assert_eq!(r.weekly_overdue[25], (day("2026-03-31"), 1));
    // S1 was overdue over 春节 until it closed on 02-24.
    assert_eq!(r.weekly_overdue[19], (day("2026-02-17"), 1));
    assert_eq!(r.weekly_overdue.iter().map(|w| w.1).sum::<u64>(), 2);
}

#[test]
fn a_month_and_a_running_period() {
    let mut st = fx::store_at(None);
    let env = fx::env();
    let feb = st
        .read(|tx| figures::report(tx, &env, Period::parse("2026-02").unwrap(), GroupBy::Dept))
        .unwrap();
    // Closed in February: S1 (late) and S2 (late, on the 调休 Saturday).
    let t = &feb.supervision_total;
    assert_eq!((t.closed, t.on_time, t.late_p90), (2, 0, Some(2)));
    // The year so far is looked at up to today.
    let year = st
        .read(|tx| figures::report(tx, &env, Period::parse("2026").unwrap(), GroupBy::Dept))
        .unwrap();
    assert_eq!(year.as_of, day(fx::TODAY));
    assert_eq!(year.supervision_total.received, 7);
}

#[test]
fn markdown_snapshot() {
    let r = q1(GroupBy::Dept);
    let env = fx::env();
    let md = report::render(&r, &env.profile, Format::Markdown, Lang::Zh).unwrap();
    insta::assert_snapshot!("report_2026q1_zh", md);
    let en = report::render(&r, &env.profile, Format::Markdown, Lang::En).unwrap();
    insta::assert_snapshot!("report_2026q1_en", en);
}

fn cli(dir: &std::path::Path, args: &[&str]) -> Vec<u8> {
    let db = dir.join("report.db");
    if !db.exists() {
        drop(fx::store_at(Some(&db)));
    }
    let out = Command::cargo_bin("dutydesk")
        .unwrap()
        .env("DUTYDESK_CONFIG", dir.join("config.toml"))
        .env("DUTYDESK_LOG", dir.join("log.txt"))
        .env_remove("DUTYDESK_PROFILE")
        .env_remove("DUTYDESK_LANG")
        .args(["--db", db.to_str().unwrap(), "--today", fx::TODAY, "report"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn csv_in_gb18030_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("通报.csv");
    cli(
        dir.path(),
        &[
            "--period",
            "2026Q1",
            "--format",
            "csv",
            "--encoding",
            "gbk",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    let bytes = std::fs::read(&file).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "GB18030, not UTF-8");
    let (text, _, bad) = encoding_rs::GB18030.decode(&bytes);
    assert!(!bad);
    let mut rows = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let records: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    let fin = records
        .iter()
        .find(|r| r.get(1) == Some("区财政局"))
        .unwrap();
    assert_eq!(fin.get(6), Some("66.7%"));
    // UTF-8 by default, with a byte-order mark for Excel.
    let utf8 = cli(dir.path(), &["--period", "2026Q1", "--format", "csv"]);
    assert!(utf8.starts_with("\u{feff}".as_bytes()));
    assert!(String::from_utf8(utf8).unwrap().contains("区财政局"));
}

#[test]
fn json_and_text_from_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let json = cli(
        dir.path(),
        &["--period", "2026Q1", "--format", "json", "--by", "leader"],
    );
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v["report"]["supervision_total"]["closed"], 5);
    assert_eq!(v["report"]["supervision"][0]["name"], "李明");
    let text = String::from_utf8(cli(
        dir.path(),
        &["--period", "2026-02", "--format", "text"],
    ))
    .unwrap();
    assert!(text.contains("2026年2月"), "{text}");
    // A bad period is refused with the shapes it takes.
    let out = Command::cargo_bin("dutydesk")
        .unwrap()
        .env("DUTYDESK_CONFIG", dir.path().join("config.toml"))
        .env("DUTYDESK_LOG", dir.path().join("log.txt"))
        .args([
            "--db",
            dir.path().join("report.db").to_str().unwrap(),
            "report",
            "--period",
            "2026Q7",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("2026Q4"));
}
