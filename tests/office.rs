//! Office work through the one door: 收文登记 routed by the rules, pickers (names, aliases,
//! pinyin initials, only whom the rule allows), a meeting's life, dates as people write
//! them, and history search sorted and cut in SQL.

#[allow(dead_code)]
#[path = "actions/fixture.rs"]
mod fixture;

use dutydesk::command::resolve::{self, Among};
use dutydesk::command::{self, Command, Incoming, Ref};
use dutydesk::domain::{DocKind, Urgency};
use dutydesk::i18n::Lang;
use dutydesk::store::queries::history::{Of, Search, Sort, search};
use fixture::{date, env, refused, store};

fn receive(title: &str) -> Incoming {
    Incoming::new(title, DocKind::Request, Urgency::VeryUrgent)
}

#[test]
fn a_duty_officer_registers_a_fax_and_it_is_routed() {
    let mut s = store();
    s.conn()
        .execute_batch("INSERT INTO divisions(person_id, dept_id) VALUES (3, 1);")
        .unwrap();
    let mut inc = receive("关于紧急调拨防汛物资的请示");
    inc.from = Some("fgj".into());
    inc.attachments = 2;
    inc.doc_no = Some("发改〔2025〕7号".into());
    let done = command::perform(&mut s, &env("liu"), &Command::Receive(Box::new(inc))).unwrap();
    let zh = done.summary(Lang::Zh).to_string();
    assert!(zh.contains("SW-2025-0001"), "{zh}");
    assert!(zh.contains("王副区长"), "routed by division of work: {zh}");
    assert!(zh.contains("分工呈批"), "with the reason: {zh}");
    assert!(zh.contains("前批"), "with the deadline: {zh}");
    let (leader, att, state): (i64, i64, String) = s
        .conn()
        .query_row(
            "SELECT leader_id, attachments, state FROM documents WHERE ext_id = 'SW-2025-0001'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((leader, att, state.as_str()), (3, 2, "待批"));
    // The next one is numbered after it; a sender by short name and initials.
    let mut inc = receive("关于教育经费的函");
    inc.from = Some("jyj".into());
    let done = command::perform(&mut s, &env("chen"), &Command::Receive(Box::new(inc))).unwrap();
    assert!(done.summary(Lang::En).contains("SW-2025-0002"));
    let audit: String = s
        .conn()
        .query_row(
            "SELECT action FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audit, "receive");
}

#[test]
fn registering_is_for_the_office_and_checks_the_day() {
    let mut s = store();
    let (zh, _) = refused(command::perform(
        &mut s,
        &env("wang"),
        &Command::Receive(Box::new(receive("x"))),
    ));
    assert!(zh.contains("区政府办公室"), "{zh}");
    let mut inc = receive("明天才到的文");
    inc.received = Some(date("2025-03-11"));
    let (zh, en) = refused(command::perform(
        &mut s,
        &env("liu"),
        &Command::Receive(Box::new(inc)),
    ));
    assert!(
        zh.contains("晚于今天") && en.contains("after today"),
        "{zh} / {en}"
    );
    let (zh, _) = refused(command::perform(
        &mut s,
        &env("liu"),
        &Command::Receive(Box::new(receive("  "))),
    ));
    assert!(zh.contains("标题"), "{zh}");
}

#[test]
fn pickers_by_name_alias_and_pinyin_initials() {
    let s = store();
    s.conn()
        .execute_batch(
            "INSERT INTO departments(id, ext_id, name, aliases) VALUES
               (9, 'zjj', '区住房和城乡建设局', '住建局');
             INSERT INTO people(id, ext_id, login, name, role) VALUES
               (11, 'p11', 'limh', '李明华', '值班员');",
        )
        .unwrap();
    let c = s.conn();
    assert_eq!(resolve::department(c, "住建局").unwrap(), 9);
    assert_eq!(resolve::department(c, "qzfhcxjsj").unwrap(), 9);
    assert_eq!(resolve::person(c, "lmh").unwrap().login, "limh");
    assert_eq!(resolve::person(c, "李明华").unwrap().login, "limh");
    assert_eq!(resolve::person(c, "wfqz").unwrap().login, "wang");
    // Ambiguous: several candidates are listed.
    let e = resolve::person(c, "副区长").unwrap_err();
    assert!(e.localized(Lang::Zh).contains("可指多个"), "{e}");
    // Only the leaders for 转办; only the members for 请假.
    let e = resolve::person_among(c, "lmh", Among::Leaders).unwrap_err();
    assert!(e.localized(Lang::Zh).contains("不是区政府领导"), "{e}");
    assert_eq!(
        resolve::person_among(c, "zfqz", Among::Leaders)
            .unwrap()
            .login,
        "zhao"
    );
}

#[test]
fn forwarding_to_a_non_leader_is_refused_naming_the_leaders() {
    let mut s = store();
    let e = command::perform(
        &mut s,
        &env("liu"),
        &Command::Forward {
            doc: Ref::from("D1"),
            to: "陈主任".into(),
            note: String::new(),
        },
    )
    .unwrap_err();
    assert!(e.localized(Lang::Zh).contains("只能转送区政府领导"), "{e}");
    let done = command::perform(
        &mut s,
        &env("liu"),
        &Command::Forward {
            doc: Ref::from("D1"),
            to: "zfqz".into(),
            note: String::new(),
        },
    )
    .unwrap();
    assert!(done.summary(Lang::Zh).contains("赵副区长"));
}

fn held(at: Option<&str>) -> Command {
    Command::MeetingHeld {
        meeting: Ref::from("M2"),
        at: at.map(|t| command::parse_start(t).unwrap()),
    }
}

#[test]
fn a_meeting_is_held_never_before_its_start() {
    let mut s = store();
    let (zh, _) = refused(command::perform(
        &mut s,
        &env("liu"),
        &Command::MeetingHeld {
            meeting: Ref::from("M1"),
            at: None,
        },
    ));
    assert!(zh.contains("不能登记为"), "M1 is on 2025-03-20: {zh}");
    let (zh, _) = refused(command::perform(
        &mut s,
        &env("liu"),
        &held(Some("2025-03-05 08:30")),
    ));
    assert!(zh.contains("09:00"), "{zh}");
    let done = command::perform(&mut s, &env("liu"), &held(Some("2025-03-05 09:10"))).unwrap();
    assert!(done.summary(Lang::Zh).contains("2025-03-05 09:10"));
    let (state, at): (String, String) = s
        .conn()
        .query_row(
            "SELECT state, held_at FROM meetings WHERE id = 2",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (state.as_str(), at.as_str()),
        ("已召开", "2025-03-05 09:10")
    );
    // Held once only.
    assert!(command::perform(&mut s, &env("liu"), &held(None)).is_err());
}

#[test]
fn minutes_of_a_meeting_not_yet_started_are_refused_and_dates_are_checked() {
    let mut s = store();
    let minutes = |id: &str, on: Option<&str>| Command::MinutesIssued {
        meeting: Ref::from(id),
        on: on.map(date),
    };
    let (zh, _) = refused(command::perform(&mut s, &env("liu"), &minutes("M1", None)));
    assert!(zh.contains("尚未召开"), "{zh}");
    let (zh, _) = refused(command::perform(
        &mut s,
        &env("liu"),
        &minutes("M2", Some("2025-03-04")),
    ));
    assert!(zh.contains("早于会议日期"), "{zh}");
    let (zh, _) = refused(command::perform(
        &mut s,
        &env("liu"),
        &minutes("M2", Some("2025-03-11")),
    ));
    assert!(zh.contains("晚于今天"), "{zh}");
    let done = command::perform(&mut s, &env("liu"), &minutes("M2", Some("2025-03-07"))).unwrap();
    assert!(done.summary(Lang::Zh).contains("2025-03-07"));
    let on: String = s
        .conn()
        .query_row(
            "SELECT minutes_issued_on FROM meetings WHERE id = 2",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(on, "2025-03-07");
}

#[test]
fn a_meeting_is_cancelled_with_a_reason_and_moved_with_its_deadlines() {
    let mut s = store();
    let (zh, _) = refused(command::perform(
        &mut s,
        &env("liu"),
        &Command::MeetingCancel {
            meeting: Ref::from("M1"),
            reason: " ".into(),
        },
    ));
    assert!(zh.contains("取消原因"), "{zh}");
    // A vice mayor who does not chair it may not move it; the office may.
    let mv = |to: &str| Command::MeetingMove {
        meeting: Ref::from("M1"),
        to: command::parse_start(to).unwrap(),
    };
    let (zh, _) = refused(command::perform(
        &mut s,
        &env("wang"),
        &mv("2025-03-27 09:00"),
    ));
    assert!(zh.contains("会议主持人"), "{zh}");
    let before: String = s
        .conn()
        .query_row(
            "SELECT COALESCE(materials_due, '') FROM meetings WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    command::perform(&mut s, &env("liu"), &mv("2025-03-27 09:00")).unwrap();
    let (start, due): (String, String) = s
        .conn()
        .query_row(
            "SELECT start_at, materials_due FROM meetings WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(start, "2025-03-27 09:00:00");
    assert!(
        due.as_str() < "2025-03-27" && due != before,
        "{due} (was {before})"
    );
    // The chair cancels it.
    let done = command::perform(
        &mut s,
        &env("mayor"),
        &Command::MeetingCancel {
            meeting: Ref::from("M1"),
            reason: "与上级会议冲突".into(),
        },
    )
    .unwrap();
    assert!(done.summary(Lang::Zh).contains("与上级会议冲突"));
}

#[test]
fn history_search_every_state_sorted_and_limited_in_sql() {
    let s = store();
    let all = search(s.conn(), Of::Documents, &Search::default()).unwrap();
    assert_eq!(all.len(), 4, "signed documents are found too");
    let signed = search(
        s.conn(),
        Of::Documents,
        &Search {
            states: vec!["已签批".into()],
            ..Search::default()
        },
    )
    .unwrap();
    assert_eq!(
        signed.iter().map(|r| r.ext_id.as_str()).collect::<Vec<_>>(),
        ["D3"]
    );
    let urgent = search(
        s.conn(),
        Of::Documents,
        &Search {
            sort: Sort::Urgency,
            limit: Some(1),
            ..Search::default()
        },
    )
    .unwrap();
    assert_eq!(urgent.len(), 1);
    assert_eq!(urgent[0].ext_id, "D2", "加急 first");
    let range = search(
        s.conn(),
        Of::Documents,
        &Search {
            since: Some(date("2025-03-03")),
            until: Some(date("2025-03-04")),
            ..Search::default()
        },
    )
    .unwrap();
    assert_eq!(range.len(), 2);
    // Pinyin order: 关于财政… (cai) before 关于发改… (fa) before 关于教育… (jiao) before 未… (wei).
    let titles: Vec<String> = search(
        s.conn(),
        Of::Documents,
        &Search {
            sort: Sort::Title,
            ..Search::default()
        },
    )
    .unwrap()
    .into_iter()
    .map(|r| r.ext_id)
    .collect();
    assert_eq!(titles, ["D2", "D1", "D3", "D4"]);
    let closed = search(
        s.conn(),
        Of::Supervision,
        &Search {
            text: Some("审计".into()),
            ..Search::default()
        },
    )
    .unwrap();
    assert_eq!(closed[0].state, "已销号");
}

#[test]
fn a_member_away_on_the_day_without_leave_is_flagged() {
    let mut s = store();
    s.conn()
        .execute_batch("INSERT INTO meeting_members(meeting_id, person_id) VALUES (1, 3), (1, 4);")
        .unwrap();
    fixture::away(&mut s, 3, "2025-03-18", "2025-03-25");
    let e = env("liu");
    let found = s
        .read(|tx| dutydesk::store::compliance::check(tx, &e))
        .unwrap();
    let msgs: Vec<String> = found
        .iter()
        .map(|f| f.message(Lang::Zh).to_string())
        .collect();
    assert!(
        msgs.iter().any(|m| m.contains("王副区长外出至 2025-03-25")),
        "{msgs:?}"
    );
    // Once leave is asked, it is no longer flagged.
    command::perform(
        &mut s,
        &env("liu"),
        &Command::Leave {
            meeting: Ref::from("M1"),
            person: "wfqz".into(),
            reason: "出差".into(),
            in_writing: true,
        },
    )
    .unwrap();
    let found = s
        .read(|tx| dutydesk::store::compliance::check(tx, &e))
        .unwrap();
    assert!(!found.iter().any(|f| f.message(Lang::Zh).contains("外出至")));
}
