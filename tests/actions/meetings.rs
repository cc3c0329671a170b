//! Topics, materials, leave requests, and minutes and documents issued.

use crate::fixture::actions;
use crate::fixture::*;

fn topic_col(s: &dutydesk::store::Store, c: &str, id: i64) -> Option<String> {
    text(s, &format!("SELECT {c} FROM topics WHERE id = ?1"), id)
}

#[test]
fn topics_are_added_by_the_office_and_leaders() {
    let mut s = store();
    let done = actions::add_topic(&mut s, &env("liu"), 1, " 审议教育布局规划 ", Some(3)).unwrap();
    assert_eq!((done.entity, done.id), ("meeting", 1));
    assert_eq!(
        done.summary_zh,
        "刘值班为《区政府第十次常务会议》增加议题：审议教育布局规划"
    );
    assert_eq!(
        count(
            &s,
            "SELECT COUNT(*) FROM topics WHERE meeting_id = 1 AND title = '审议教育布局规划' AND dept_id = 3 AND approved = 0"
        ),
        1
    );
    let (_, action, entity, id, _, before, after) = last_audit(&s);
    assert_eq!(
        (action.as_str(), entity.as_str(), id),
        ("add_topic", "meeting", 1)
    );
    assert!(before.is_none());
    assert_eq!(after.unwrap()["title"], "审议教育布局规划");
    actions::add_topic(&mut s, &env("wang"), 1, "听取汇报", None).unwrap();

    let before = dump(&s);
    refused(actions::add_topic(
        &mut s,
        &env("sun"),
        1,
        "部门自行上会",
        Some(1),
    ));
    let (zh, _) = refused(actions::add_topic(&mut s, &env("liu"), 1, "", None));
    assert_eq!(zh, "请填写议题名称");
    let (zh, _) = refused(actions::add_topic(
        &mut s,
        &env("liu"),
        3,
        "已开过的会",
        None,
    ));
    assert!(zh.contains("已召开"), "{zh}");
    refused(actions::add_topic(
        &mut s,
        &env("liu"),
        4,
        "已取消的会",
        None,
    ));
    not_found(
        actions::add_topic(&mut s, &env("liu"), 1, "题", Some(99)),
        "department id 99",
    );
    not_found(
        actions::add_topic(&mut s, &env("liu"), 99, "题", None),
        "meeting id 99",
    );
    assert_eq!(dump(&s), before);
}

#[test]
fn the_chair_or_the_mayor_approves_a_topic() {
    let mut s = store();
    let before = dump(&s);
    let (zh, _) = refused(actions::approve_topic(&mut s, &env("exec"), 1));
    assert_eq!(zh, "只有会议主持人或区长可以审定议题");
    refused(actions::approve_topic(&mut s, &env("chen"), 1));
    not_found(
        actions::approve_topic(&mut s, &env("mayor"), 9),
        "topic id 9",
    );
    assert_eq!(dump(&s), before);
    let done = actions::approve_topic(&mut s, &env("mayor"), 1).unwrap();
    assert_eq!(
        done.summary_zh,
        "张区长审定《区政府第十次常务会议》议题：审议重点项目计划"
    );
    assert_eq!(count(&s, "SELECT approved FROM topics WHERE id = 1"), 1);
    let (_, _, _, _, _, before, after) = last_audit(&s);
    assert_eq!(before.unwrap()["approved"], 0);
    assert_eq!(after.unwrap()["approved"], 1);
    let (zh, _) = refused(actions::approve_topic(&mut s, &env("mayor"), 1));
    assert!(zh.contains("已审定"), "{zh}");
    // The chair of a meeting that is not the mayor's may approve its topics.
    s.conn()
        .execute("UPDATE meetings SET chair_id = 2 WHERE id = 1", [])
        .unwrap();
    actions::add_topic(&mut s, &env("liu"), 1, "新议题", None).unwrap();
    let id = s.conn().last_insert_rowid();
    actions::approve_topic(&mut s, &env("exec"), id).unwrap();
}

#[test]
fn the_office_records_topic_materials() {
    let mut s = store();
    refused(actions::topic_materials_in(&mut s, &env("wang"), 1));
    refused(actions::topic_materials_in(&mut s, &env("sun"), 1));
    let done = actions::topic_materials_in(&mut s, &env("liu"), 1).unwrap();
    assert!(
        done.summary_zh.contains("议题材料已报送"),
        "{}",
        done.summary_zh
    );
    assert_eq!(
        topic_col(&s, "materials_on", 1).as_deref(),
        Some("2025-03-10")
    );
    assert_eq!(last_audit(&s).1, "materials_in");
    let (zh, _) = refused(actions::topic_materials_in(&mut s, &env("liu"), 1));
    assert_eq!(zh, "议题“审议重点项目计划”的材料已于 2025-03-10 登记");
}

#[test]
fn leave_requests() {
    let mut s = store();
    let done =
        actions::request_leave(&mut s, &env("wang"), 1, "wang", "赴省里开会", false).unwrap();
    assert_eq!(
        done.summary_zh,
        "王副区长向《区政府第十次常务会议》请假：赴省里开会"
    );
    let (_, action, _, _, _, before, after) = last_audit(&s);
    assert_eq!(action, "request_leave");
    assert!(before.is_none());
    let after = after.unwrap();
    assert_eq!(
        (after["person_id"].clone(), after["in_writing"].clone()),
        (3.into(), 0.into())
    );
    // The office records someone else's; a department head's, spoken, where no rule says otherwise.
    actions::request_leave(&mut s, &env("liu"), 1, "sun", "带队检查", false).unwrap();
    assert_eq!(
        count(
            &s,
            "SELECT COUNT(*) FROM leave_requests WHERE meeting_id = 1 AND requested_on = '2025-03-10'"
        ),
        2
    );

    let before = dump(&s);
    let (zh, _) = refused(actions::request_leave(
        &mut s,
        &env("zhao"),
        1,
        "wang",
        "重复",
        false,
    ));
    assert!(zh.contains("王副区长已就"), "{zh}");
    let (zh, _) = refused(actions::request_leave(
        &mut s,
        &env("wang"),
        1,
        "wang",
        "重复",
        false,
    ));
    assert!(zh.contains("已就"), "{zh}");
    refused(actions::request_leave(
        &mut s,
        &env("zhao"),
        1,
        "qian",
        "代别人请",
        false,
    ));
    let (zh, _) = refused(actions::request_leave(
        &mut s,
        &env("zhao"),
        1,
        "zhao",
        "",
        false,
    ));
    assert_eq!(zh, "请填写请假事由");
    refused(actions::request_leave(
        &mut s,
        &env("liu"),
        1,
        "ghost",
        "理由",
        false,
    ));
    refused(actions::request_leave(
        &mut s,
        &env("zhao"),
        3,
        "zhao",
        "已开过",
        false,
    ));
    assert_eq!(dump(&s), before);
}

#[test]
fn department_heads_ask_leave_in_writing_where_the_profile_says_so() {
    let mut s = store();
    let rules = env_with(HUARONG_LIKE, "zhou");
    let (zh, en) = refused(actions::request_leave(
        &mut s, &rules, 1, "zhou", "出差", false,
    ));
    assert_eq!(zh, "部门负责人须经区政府办公室书面请假（第四十八条）");
    assert!(en.contains("in writing") && en.contains("art. 48"), "{en}");
    let office = env_with(HUARONG_LIKE, "chen");
    refused(actions::request_leave(
        &mut s, &office, 1, "zhou", "出差", false,
    ));
    let done = actions::request_leave(&mut s, &office, 1, "zhou", "出差", true).unwrap();
    assert!(
        done.summary_zh.contains("请假（书面）"),
        "{}",
        done.summary_zh
    );
    assert_eq!(
        count(
            &s,
            "SELECT in_writing FROM leave_requests WHERE person_id = 8"
        ),
        1
    );
    // Leaders are not bound by the department heads' rule.
    actions::request_leave(
        &mut s,
        &env_with(HUARONG_LIKE, "qian"),
        1,
        "qian",
        "调研",
        false,
    )
    .unwrap();
}

#[test]
fn minutes_issued_after_the_meeting() {
    let mut s = store();
    let before = dump(&s);
    let (zh, _) = refused(actions::minutes_issued(&mut s, &env("liu"), 1));
    assert_eq!(
        zh,
        "会议《区政府第十次常务会议》定于 2025-03-20 召开，尚未召开"
    );
    let (zh, _) = refused(actions::minutes_issued(&mut s, &env("liu"), 3));
    assert_eq!(zh, "会议《区政府学习会》不需要印发会议纪要");
    let (zh, _) = refused(actions::minutes_issued(&mut s, &env("liu"), 4));
    assert!(zh.contains("已取消"), "{zh}");
    refused(actions::minutes_issued(&mut s, &env("mayor"), 2));
    assert_eq!(dump(&s), before);

    let done = actions::minutes_issued(&mut s, &env("liu"), 2).unwrap();
    assert_eq!(
        done.summary_zh,
        "刘值班登记《区政府第九次常务会议》会议纪要已于 2025-03-10 印发"
    );
    let q = |c: &str| text(&s, &format!("SELECT {c} FROM meetings WHERE id = ?1"), 2);
    assert_eq!(q("minutes_issued_on").as_deref(), Some("2025-03-10"));
    // Issuing what it decided means the meeting was held.
    assert_eq!(q("state").as_deref(), Some("已召开"));
    let (_, action, _, _, _, before, after) = last_audit(&s);
    assert_eq!(action, "minutes_issued");
    assert_eq!(
        before.unwrap()["minutes_issued_on"],
        serde_json::Value::Null
    );
    assert_eq!(after.unwrap()["state"], "已召开");
    let (zh, _) = refused(actions::minutes_issued(&mut s, &env("liu"), 2));
    assert_eq!(
        zh,
        "会议《区政府第九次常务会议》的会议纪要已于 2025-03-10 印发"
    );
}

#[test]
fn documents_issued_after_the_meeting() {
    let mut s = store();
    let (zh, _) = refused(actions::documents_issued(&mut s, &env("chen"), 3));
    assert_eq!(zh, "会议《区政府学习会》不需要印发会议文件");
    refused(actions::documents_issued(&mut s, &env("wang"), 2));
    let done = actions::documents_issued(&mut s, &env("chen"), 2).unwrap();
    assert!(done.summary_zh.contains("会议文件已于 2025-03-10 印发"));
    assert_eq!(
        text(&s, "SELECT docs_issued_on FROM meetings WHERE id = ?1", 2).as_deref(),
        Some("2025-03-10")
    );
    assert_eq!(last_audit(&s).1, "documents_issued");
    refused(actions::documents_issued(&mut s, &env("chen"), 2));
}
