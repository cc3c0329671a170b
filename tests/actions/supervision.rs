//! Urge (督办通知), extend, progress, close (销号), reopen and 回头看 on supervision items.

use crate::fixture::actions::{self, Target};
use crate::fixture::*;

fn col(s: &dutydesk::store::Store, c: &str, id: i64) -> Option<String> {
    text(s, &format!("SELECT {c} FROM supervision WHERE id = ?1"), id)
}

#[test]
fn urging_an_item_issues_a_supervision_notice() {
    let mut s = store();
    let done = actions::urge(
        &mut s,
        &env("chen"),
        Target::Supervision(1),
        "本周内报送进展",
    )
    .unwrap();
    assert_eq!((done.entity, done.id), ("supervision", 1));
    assert_eq!(
        done.summary_zh,
        "陈主任发出督办通知《推进重点项目建设》（第1次）：本周内报送进展"
    );
    assert_eq!(
        count(
            &s,
            "SELECT COUNT(*) FROM notices WHERE supervision_id = 1 AND by_id = 5 AND note = '本周内报送进展'"
        ),
        1
    );
    assert_eq!(
        count(&s, "SELECT urged_count FROM supervision WHERE id = 1"),
        1
    );
    assert!(
        col(&s, "last_urged_at", 1)
            .unwrap()
            .starts_with("2025-03-10")
    );
    // A profile with the notice rule cites it.
    let done = actions::urge(
        &mut s,
        &env_with(HUARONG_LIKE, "wang"),
        Target::Supervision(1),
        "",
    )
    .unwrap();
    assert!(
        done.summary_zh.contains("督办通知（第六十四条）"),
        "{}",
        done.summary_zh
    );
    assert!(done.summary_zh.contains("第2次"));
    let (_, action, entity, _, _, before, after) = last_audit(&s);
    assert_eq!((action.as_str(), entity.as_str()), ("urge", "supervision"));
    assert_eq!(before.unwrap()["urged_count"], 1);
    assert_eq!(after.unwrap()["urged_count"], 2);
    // Closed items and department heads: refused.
    refused(actions::urge(
        &mut s,
        &env("chen"),
        Target::Supervision(2),
        "",
    ));
    refused(actions::urge(
        &mut s,
        &env("sun"),
        Target::Supervision(1),
        "",
    ));
}

#[test]
fn extending_keeps_the_history() {
    let mut s = store();
    let done =
        actions::extend(&mut s, &env("liu"), 1, date("2025-04-30"), "需协调用地指标").unwrap();
    assert_eq!(
        done.summary_zh,
        "刘值班将《推进重点项目建设》延期：2025-03-31 → 2025-04-30：需协调用地指标"
    );
    assert_eq!(col(&s, "deadline", 1).as_deref(), Some("2025-04-30"));
    assert_eq!(col(&s, "deadline_rule", 1).as_deref(), Some("extended"));
    actions::extend(&mut s, &env("chen"), 1, date("2025-05-15"), "再次延期").unwrap();
    let history: Vec<(String, String, String, i64)> = s
        .conn()
        .prepare("SELECT old_deadline, new_deadline, reason, by_id FROM extensions WHERE supervision_id = 1 ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(
        history,
        [
            (
                "2025-03-31".into(),
                "2025-04-30".into(),
                "需协调用地指标".into(),
                6
            ),
            (
                "2025-04-30".into(),
                "2025-05-15".into(),
                "再次延期".into(),
                5
            ),
        ]
    );
    let (_, action, _, _, _, before, after) = last_audit(&s);
    assert_eq!(action, "extend");
    assert_eq!(before.unwrap()["deadline"], "2025-04-30");
    assert_eq!(after.unwrap()["deadline"], "2025-05-15");
}

#[test]
fn extension_refusals() {
    let mut s = store();
    let before = dump(&s);
    let (zh, en) = refused(actions::extend(
        &mut s,
        &env("chen"),
        1,
        date("2025-03-31"),
        "理由",
    ));
    assert_eq!(zh, "新期限 2025-03-31 须晚于现期限 2025-03-31");
    assert!(en.contains("must be after the current one"));
    refused(actions::extend(
        &mut s,
        &env("chen"),
        1,
        date("2025-03-20"),
        "理由",
    ));
    let (zh, _) = refused(actions::extend(
        &mut s,
        &env("chen"),
        1,
        date("2025-04-30"),
        "",
    ));
    assert_eq!(zh, "请填写延期理由");
    let (zh, _) = refused(actions::extend(
        &mut s,
        &env("chen"),
        2,
        date("2025-04-30"),
        "理由",
    ));
    assert!(zh.contains("已销号"), "{zh}");
    let (zh, _) = refused(actions::extend(
        &mut s,
        &env("mayor"),
        1,
        date("2025-04-30"),
        "理由",
    ));
    assert_eq!(zh, "只有区政府办公室可以延期督办事项");
    let (zh, _) = refused(actions::extend(
        &mut s,
        &env_with(HUARONG_LIKE, "sun"),
        1,
        date("2025-04-30"),
        "理由",
    ));
    assert_eq!(zh, "只有区政府办公室可以延期督办事项（第六十四条）");
    not_found(
        actions::extend(&mut s, &env("chen"), 9, date("2025-04-30"), "理由"),
        "supervision item id 9",
    );
    assert_eq!(dump(&s), before);
}

#[test]
fn a_new_deadline_in_the_past_is_refused() {
    let mut s = store();
    s.conn()
        .execute(
            "UPDATE supervision SET deadline = '2025-02-01' WHERE id = 1",
            [],
        )
        .unwrap();
    let (zh, _) = refused(actions::extend(
        &mut s,
        &env("chen"),
        1,
        date("2025-03-07"),
        "理由",
    ));
    assert_eq!(zh, "新期限 2025-03-07 已经过去");
    actions::extend(&mut s, &env("chen"), 1, today(), "理由").unwrap();
}

#[test]
fn progress_from_the_departments_concerned() {
    let mut s = store();
    let done = actions::add_progress(&mut s, &env("sun"), 1, "已完成立项").unwrap();
    assert_eq!(
        done.summary_zh,
        "孙局长报送《推进重点项目建设》进展：已完成立项"
    );
    actions::add_progress(&mut s, &env("zhou"), 1, "资金已落实").unwrap();
    actions::add_progress(&mut s, &env("liu"), 1, "办公室核实").unwrap();
    actions::add_progress(&mut s, &env("wang"), 1, "分管领导调度").unwrap();
    assert_eq!(
        count(
            &s,
            "SELECT COUNT(*) FROM progress_notes WHERE supervision_id = 1 AND on_date = '2025-03-10'"
        ),
        4
    );
    assert_eq!(
        col(&s, "last_progress_on", 1).as_deref(),
        Some("2025-03-10")
    );
    assert_eq!(col(&s, "last_progress", 1).as_deref(), Some("分管领导调度"));
    let (_, action, _, _, _, before, after) = last_audit(&s);
    assert_eq!(action, "progress");
    assert_eq!(before.unwrap()["last_progress"], "办公室核实");
    assert_eq!(after.unwrap()["last_progress"], "分管领导调度");

    let before = dump(&s);
    let (zh, _) = refused(actions::add_progress(&mut s, &env("wu"), 1, "无关部门"));
    assert!(zh.contains("牵头、协办单位负责人"), "{zh}");
    let (zh, _) = refused(actions::add_progress(&mut s, &env("sun"), 1, " "));
    assert_eq!(zh, "请填写进展情况");
    refused(actions::add_progress(&mut s, &env("wu"), 2, "已关闭"));
    assert_eq!(dump(&s), before);
}

#[test]
fn the_office_closes_out_and_reopens() {
    let mut s = store();
    let before = dump(&s);
    let (zh, _) = refused(actions::close(
        &mut s,
        &env_with(HUARONG_LIKE, "mayor"),
        1,
        "",
    ));
    assert_eq!(zh, "只有区政府办公室可以销号督办事项（第六十四条）");
    refused(actions::close(&mut s, &env("sun"), 1, "已完成"));
    assert_eq!(dump(&s), before);

    let done = actions::close(&mut s, &env_with(HUARONG_LIKE, "chen"), 1, "项目已开工").unwrap();
    assert_eq!(
        done.summary_zh,
        "陈主任销号（第六十四条）《推进重点项目建设》：项目已开工"
    );
    assert_eq!(col(&s, "state", 1).as_deref(), Some("已销号"));
    assert_eq!(col(&s, "closed_on", 1).as_deref(), Some("2025-03-10"));
    assert_eq!(
        count(&s, "SELECT closed_by FROM supervision WHERE id = 1"),
        5
    );
    let (_, action, _, _, _, before, after) = last_audit(&s);
    assert_eq!(action, "close");
    assert_eq!(before.unwrap()["state"], "办理中");
    assert_eq!(after.unwrap()["closed_by"], 5);
    let (zh, _) = refused(actions::close(&mut s, &env("chen"), 1, ""));
    assert!(zh.contains("已销号"), "{zh}");

    let (zh, _) = refused(actions::reopen(&mut s, &env("chen"), 1, ""));
    assert_eq!(zh, "请填写重新打开的理由");
    refused(actions::reopen(&mut s, &env("wang"), 1, "群众反映问题反弹"));
    let done = actions::reopen(&mut s, &env("liu"), 1, "群众反映问题反弹").unwrap();
    assert_eq!(
        done.summary_zh,
        "刘值班重新打开《推进重点项目建设》：群众反映问题反弹"
    );
    assert_eq!(col(&s, "state", 1).as_deref(), Some("办理中"));
    assert_eq!(col(&s, "closed_on", 1), None);
    let (zh, _) = refused(actions::reopen(&mut s, &env("liu"), 1, "再开"));
    assert!(
        zh.contains("办理中") && zh.contains("只有已销号的事项"),
        "{zh}"
    );
    assert_eq!(last_audit(&s).1, "reopen");
}

#[test]
fn recheck_dates() {
    let mut s = store();
    let done = actions::set_recheck(
        &mut s,
        &env_with(HUARONG_LIKE, "chen"),
        2,
        date("2025-06-01"),
    )
    .unwrap();
    assert_eq!(
        done.summary_zh,
        "陈主任安排《整改审计问题》回头看（第六十三条）：2025-06-01"
    );
    assert_eq!(col(&s, "recheck_on", 2).as_deref(), Some("2025-06-01"));
    let (_, action, _, _, _, before, after) = last_audit(&s);
    assert_eq!(action, "recheck");
    assert_eq!(before.unwrap()["recheck_on"], serde_json::Value::Null);
    assert_eq!(after.unwrap()["recheck_on"], "2025-06-01");
    let before = dump(&s);
    let (zh, _) = refused(actions::set_recheck(
        &mut s,
        &env("chen"),
        2,
        date("2025-03-09"),
    ));
    assert_eq!(zh, "回头看日期 2025-03-09 已经过去");
    refused(actions::set_recheck(
        &mut s,
        &env("wu"),
        2,
        date("2025-06-01"),
    ));
    assert_eq!(dump(&s), before);
}
