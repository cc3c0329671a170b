//! 代录: the government office records a 批示 or a return a leader wrote on paper. The
//! record and the audit name both people and the day the leader wrote it; only office
//! staff may record, only for the routed leader (or whoever stood in that day), on a day
//! neither in the future nor before the document arrived.

#[allow(dead_code)]
#[path = "actions/fixture.rs"]
mod fixture;

use assert_cmd::cargo::cargo_bin_cmd;
use dutydesk::Error;
use dutydesk::command::{self, Command, OnPaper, Ref};
use dutydesk::store::Store;
use dutydesk::store::audit;
use fixture::{date, env, store, text};
use predicates::prelude::*;

fn sign_on_paper(
    s: &mut Store,
    actor: &str,
    leader: &str,
    on: &str,
) -> dutydesk::Result<command::Done> {
    command::perform(
        s,
        &env(actor),
        &Command::Sign {
            doc: Ref::Id(1),
            text: "同意，请发改局抓紧办理".into(),
            on_paper: Some(OnPaper {
                leader: leader.into(),
                on: date(on),
            }),
        },
    )
}

fn refusal(r: dutydesk::Result<command::Done>) -> String {
    match r {
        Err(Error::Refused { zh, .. } | Error::NoSuch { zh, .. }) => zh,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn the_office_records_a_leaders_paper_signature() {
    let mut s = store();
    // D1 is routed to 王副区长 (wang) and arrived 2025-03-03; today is 2025-03-10.
    let done = sign_on_paper(&mut s, "chen", "王副区长", "2025-03-07").unwrap();
    assert_eq!(
        done.summary_zh,
        "陈主任代录 王副区长 2025-03-07 签批《关于发改项目的请示》：同意，请发改局抓紧办理"
    );
    assert_eq!(
        text(&s, "SELECT state FROM documents WHERE id = ?1", 1).as_deref(),
        Some("已签批")
    );
    assert_eq!(
        text(&s, "SELECT signed_on FROM documents WHERE id = ?1", 1).as_deref(),
        Some("2025-03-07")
    );
    let by = |col: &str| -> Option<String> {
        text(
            &s,
            &format!(
                "SELECT p.login FROM documents d JOIN people p ON p.id = d.{col} WHERE d.id = ?1"
            ),
            1,
        )
    };
    assert_eq!(by("signed_by").as_deref(), Some("wang"));
    assert_eq!(by("recorded_by").as_deref(), Some("chen"));
    let h = audit::history(s.conn(), "document", 1).unwrap();
    let e = h.last().unwrap();
    assert_eq!(e.action, "sign-on-paper");
    assert_eq!(e.actor, "chen");
    assert_eq!(e.acted_for.as_deref(), Some("wang"));
    assert!(
        e.summary.starts_with("陈主任代录 王副区长 2025-03-07 签批"),
        "{}",
        e.summary
    );
}

#[test]
fn a_paper_return_is_recorded_with_its_day() {
    let mut s = store();
    let done = command::perform(
        &mut s,
        &env("liu"),
        &Command::Return {
            doc: Ref::from("D1"),
            reason: "请补充可研报告".into(),
            on_paper: Some(OnPaper {
                leader: "wang".into(),
                on: date("2025-03-10"),
            }),
        },
    )
    .unwrap();
    assert!(
        done.summary_zh
            .starts_with("刘值班代录 王副区长 2025-03-10 退回"),
        "{}",
        done.summary_zh
    );
    assert_eq!(
        text(&s, "SELECT returned_on FROM documents WHERE id = ?1", 1).as_deref(),
        Some("2025-03-10")
    );
    assert_eq!(
        text(&s, "SELECT return_reason FROM documents WHERE id = ?1", 1).as_deref(),
        Some("请补充可研报告")
    );
}

#[test]
fn paper_records_are_refused_with_their_reason() {
    let mut s = store();
    let zh = refusal(sign_on_paper(&mut s, "chen", "wang", "2025-03-11"));
    assert!(zh.contains("晚于今天"), "{zh}");
    let zh = refusal(sign_on_paper(&mut s, "chen", "wang", "2025-03-01"));
    assert!(zh.contains("早于收文日期 2025-03-03"), "{zh}");
    // Only the routed leader's paper (zhao is not standing in for wang that day).
    let zh = refusal(sign_on_paper(&mut s, "chen", "zhao", "2025-03-07"));
    assert!(zh.contains("不能代录"), "{zh}");
    // Not office staff: a leader or a department head cannot record for another.
    let zh = refusal(sign_on_paper(&mut s, "mayor", "wang", "2025-03-07"));
    assert!(zh.contains("只有区政府办公室"), "{zh}");
    let zh = refusal(sign_on_paper(&mut s, "sun", "wang", "2025-03-07"));
    assert!(zh.contains("只有区政府办公室"), "{zh}");
    let zh = refusal(sign_on_paper(&mut s, "chen", "ghost", "2025-03-07"));
    assert!(zh.contains("ghost"), "{zh}");
    assert_eq!(
        text(&s, "SELECT state FROM documents WHERE id = ?1", 1).as_deref(),
        Some("待批")
    );
}

#[test]
fn a_stand_in_s_paper_on_a_day_the_leader_was_away() {
    let mut s = store();
    // wang away 2025-03-06..07: his A/B partner zhao stood in those days.
    fixture::away(&mut s, 3, "2025-03-06", "2025-03-07");
    let done = sign_on_paper(&mut s, "chen", "zhao", "2025-03-07").unwrap();
    assert!(
        done.summary_zh
            .contains("陈主任代录 赵副区长（代王副区长） 2025-03-07 签批"),
        "{}",
        done.summary_zh
    );
}

#[test]
fn on_paper_through_the_command_line() {
    let dir = tempfile::TempDir::new().unwrap();
    let db = dir.path().join("desk.db");
    let st = Store::open(&db).unwrap();
    st.conn().execute_batch(fixture::FIXTURE).unwrap();
    drop(st);
    let dd = || {
        let mut c = cargo_bin_cmd!("dutydesk");
        for var in [
            "DUTYDESK_DB",
            "DUTYDESK_TODAY",
            "DUTYDESK_LANG",
            "DUTYDESK_PROFILE",
            "DUTYDESK_AS",
        ] {
            c.env_remove(var);
        }
        c.env("DUTYDESK_CONFIG", dir.path().join("none.toml"))
            .env("DUTYDESK_LOG", dir.path().join("log.txt"))
            .arg("--db")
            .arg(&db)
            .args(["--today", "2025-03-10", "--profile", "dongchang"]);
        c
    };
    dd().args([
        "--as",
        "chen",
        "sign",
        "D1",
        "--for",
        "王副区长",
        "--signed-on",
        "2025-03-12",
        "-t",
        "同意",
    ])
    .assert()
    .failure()
    .stderr(predicate::str::contains("晚于今天"));
    dd().args(["--as", "chen", "sign", "D1", "--for", "wang"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--signed-on"));
    dd().args([
        "--as",
        "chen",
        "sign",
        "D1",
        "--for",
        "wang",
        "--signed-on",
        "2025-03-07",
        "-t",
        "同意",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains(
        "陈主任代录 王副区长 2025-03-07 签批《关于发改项目的请示》：同意",
    ));
}
