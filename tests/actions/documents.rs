//! Sign, return, forward and urge on documents; atomicity.

use crate::fixture::actions::{self, Target};
use crate::fixture::*;
use dutydesk::i18n::Lang;

#[test]
fn the_routed_leader_signs_with_an_instruction() {
    let mut s = store();
    let done = actions::sign(&mut s, &env("wang"), 1, "  同意，请发改局抓紧落实  ").unwrap();
    assert_eq!((done.entity, done.id), ("document", 1));
    assert_eq!(
        done.summary(Lang::Zh),
        "王副区长签批《关于发改项目的请示》：同意，请发改局抓紧落实"
    );
    assert!(done.summary(Lang::En).starts_with("王副区长 signed"));
    let q = |c: &str| text(&s, &format!("SELECT {c} FROM documents WHERE id = ?1"), 1);
    assert_eq!(q("state").as_deref(), Some("已签批"));
    assert_eq!(q("signed_on").as_deref(), Some("2025-03-10"));
    assert_eq!(q("instruction").as_deref(), Some("同意，请发改局抓紧落实"));
    assert_eq!(count(&s, "SELECT signed_by FROM documents WHERE id = 1"), 3);

    let (actor, action, entity, id, summary, before, after) = last_audit(&s);
    assert_eq!(
        (actor.as_str(), action.as_str(), entity.as_str(), id),
        ("wang", "sign", "document", 1)
    );
    assert_eq!(summary, done.summary_zh);
    assert_eq!(before.unwrap()["state"], "待批");
    let after = after.unwrap();
    assert_eq!(after["state"], "已签批");
    assert_eq!(after["ext_id"], "D1");
    assert_eq!(audit_rows(&s), 1);
}

#[test]
fn an_empty_instruction_is_a_plain_sign_off() {
    let mut s = store();
    let done = actions::sign(&mut s, &env("wang"), 1, "").unwrap();
    assert_eq!(done.summary_zh, "王副区长签批《关于发改项目的请示》");
    assert_eq!(
        text(&s, "SELECT instruction FROM documents WHERE id = ?1", 1),
        None
    );
}

#[test]
fn signing_is_refused_to_anyone_else() {
    let mut s = store();
    let before = dump(&s);
    for who in ["chen", "liu", "mayor", "exec", "zhao", "sun"] {
        let (zh, en) = refused(actions::sign(&mut s, &env(who), 1, "同意"));
        assert_eq!(zh, "只有呈批领导或其代理人可以签批", "{who}");
        assert_eq!(en, "only the routed leader or their stand-in may sign");
    }
    let (zh, _) = refused(actions::return_document(
        &mut s,
        &env("chen"),
        1,
        "材料不全",
    ));
    assert!(zh.contains("呈批领导"), "{zh}");
    assert_eq!(dump(&s), before);
}

#[test]
fn signing_needs_a_pending_routed_document_and_a_known_actor() {
    let mut s = store();
    let before = dump(&s);
    let (zh, en) = refused(actions::sign(&mut s, &env("wang"), 3, "同意"));
    assert!(zh.contains("已签批") && zh.contains("只有待批公文"), "{zh}");
    assert!(en.contains("already signed"), "{en}");
    // Nobody can sign a paper routed to no one.
    refused(actions::sign(&mut s, &env("wang"), 4, ""));
    not_found(
        actions::sign(&mut s, &env("wang"), 99, ""),
        "document id 99",
    );
    let (zh, en) = refused(actions::sign(&mut s, &env("nobody"), 1, ""));
    // The refusal names the account and how an administrator adds it.
    assert!(zh.contains("nobody") && zh.contains("管理员"), "{zh}");
    assert!(
        en.contains("'nobody'") && en.contains("administrator"),
        "{en}"
    );
    assert_eq!(dump(&s), before);
}

#[test]
fn returning_needs_a_reason() {
    let mut s = store();
    let (zh, en) = refused(actions::return_document(&mut s, &env("wang"), 1, "   "));
    assert_eq!(zh, "请填写退回理由");
    assert_eq!(en, "a reason for returning is required");
    assert_eq!(audit_rows(&s), 0);

    let done = actions::return_document(&mut s, &env("wang"), 1, "一文多事，请分开报送").unwrap();
    assert!(
        done.summary_zh
            .contains("退回《关于发改项目的请示》：一文多事")
    );
    assert_eq!(
        text(&s, "SELECT state FROM documents WHERE id = ?1", 1).as_deref(),
        Some("退回")
    );
    assert_eq!(
        text(&s, "SELECT return_reason FROM documents WHERE id = ?1", 1).as_deref(),
        Some("一文多事，请分开报送")
    );
    let (_, action, _, _, _, before, after) = last_audit(&s);
    assert_eq!(action, "return");
    assert_eq!(before.unwrap()["return_reason"], serde_json::Value::Null);
    assert_eq!(after.unwrap()["state"], "退回");
    // Once returned it cannot be signed.
    refused(actions::sign(&mut s, &env("wang"), 1, ""));
}

#[test]
fn forwarding_goes_to_a_leader() {
    let mut s = store();
    let done = actions::forward(&mut s, &env("wang"), 1, "mayor", "涉及全局，请区长阅示").unwrap();
    assert_eq!(
        done.summary_zh,
        "王副区长转送《关于发改项目的请示》：王副区长 → 张区长：涉及全局，请区长阅示"
    );
    assert_eq!(count(&s, "SELECT leader_id FROM documents WHERE id = 1"), 1);
    assert_eq!(
        text(&s, "SELECT route FROM documents WHERE id = ?1", 1).as_deref(),
        Some("forwarded")
    );
    let (_, action, _, _, _, before, after) = last_audit(&s);
    assert_eq!(action, "forward");
    assert_eq!(before.unwrap()["leader_id"], 3);
    assert_eq!(after.unwrap()["leader_id"], 1);
    // Now only the mayor signs it.
    refused(actions::sign(&mut s, &env("wang"), 1, ""));
    actions::sign(&mut s, &env("mayor"), 1, "同意").unwrap();
}

#[test]
fn the_office_routes_and_reroutes() {
    let mut s = store();
    let done = actions::forward(&mut s, &env("liu"), 4, "qian", "").unwrap();
    assert!(
        done.summary_zh.contains("未分送 → 钱副区长"),
        "{}",
        done.summary_zh
    );
    actions::forward(&mut s, &env("chen"), 4, "exec", "").unwrap();
    assert_eq!(count(&s, "SELECT leader_id FROM documents WHERE id = 4"), 2);
}

#[test]
fn forwarding_refusals() {
    let mut s = store();
    let before = dump(&s);
    let (zh, _) = refused(actions::forward(&mut s, &env("wang"), 1, "sun", ""));
    assert!(
        zh.contains("只能转送区政府领导") && zh.contains("部门负责人"),
        "{zh}"
    );
    let (zh, _) = refused(actions::forward(&mut s, &env("wang"), 1, "ghost", ""));
    assert!(zh.contains("ghost"), "{zh}");
    let (zh, _) = refused(actions::forward(&mut s, &env("chen"), 1, "wang", ""));
    assert!(zh.contains("已在王副区长处"), "{zh}");
    refused(actions::forward(&mut s, &env("sun"), 1, "mayor", ""));
    refused(actions::forward(&mut s, &env("zhao"), 1, "mayor", ""));
    refused(actions::forward(&mut s, &env("wang"), 3, "mayor", ""));
    assert_eq!(dump(&s), before);
}

#[test]
fn urging_a_document_records_who_and_when() {
    let mut s = store();
    let done = actions::urge(&mut s, &env("liu"), Target::Document(2), "请尽快批示").unwrap();
    assert_eq!(
        done.summary_zh,
        "刘值班催办《关于财政预算的请示》（第1次）：请尽快批示"
    );
    actions::urge(&mut s, &env("exec"), Target::Document(2), "").unwrap();
    assert_eq!(
        count(&s, "SELECT urged_count FROM documents WHERE id = 2"),
        2
    );
    assert!(
        text(&s, "SELECT last_urged_at FROM documents WHERE id = ?1", 2)
            .unwrap()
            .starts_with("2025-03-10 ")
    );
    assert_eq!(
        count(
            &s,
            "SELECT COUNT(*) FROM notices WHERE document_id = 2 AND by_id IN (6, 2)"
        ),
        2
    );
    let (_, action, _, _, summary, before, after) = last_audit(&s);
    assert_eq!(action, "urge");
    assert!(summary.contains("第2次"));
    assert_eq!(before.unwrap()["urged_count"], 1);
    assert_eq!(after.unwrap()["urged_count"], 2);
}

#[test]
fn urging_refusals() {
    let mut s = store();
    let before = dump(&s);
    let (zh, _) = refused(actions::urge(&mut s, &env("sun"), Target::Document(1), ""));
    assert!(zh.contains("催办"), "{zh}");
    refused(actions::urge(&mut s, &env("liu"), Target::Document(3), ""));
    not_found(
        actions::urge(&mut s, &env("liu"), Target::Document(42), ""),
        "document id 42",
    );
    assert_eq!(dump(&s), before);
}

#[test]
fn a_failure_after_the_change_undoes_all_of_it() {
    let mut s = store();
    // Make the audit insert fail: the document update and the notice before it must
    // not survive.
    s.conn()
        .execute_batch(
            "CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON audit
             BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
        )
        .unwrap();
    let before = dump(&s);
    assert!(actions::urge(&mut s, &env("liu"), Target::Document(1), "").is_err());
    assert!(actions::sign(&mut s, &env("wang"), 1, "同意").is_err());
    assert_eq!(dump(&s), before);
    assert_eq!(count(&s, "SELECT COUNT(*) FROM notices"), 0);
}
