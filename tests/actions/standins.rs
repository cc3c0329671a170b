//! Who stands in for an absent leader, and signing as a stand-in (代签).

use crate::fixture::actions;
use crate::fixture::*;
use dutydesk::store::people;

fn acting(s: &dutydesk::store::Store, rules: &str, leader: i64) -> Option<String> {
    people::acting_for(s.conn(), &env_with(rules, "liu"), leader, today())
        .unwrap()
        .map(|p| p.login)
}

#[test]
fn people_lookups() {
    let mut s = store();
    let p = people::person_by_login(s.conn(), "wang").unwrap();
    assert_eq!(
        (p.id, p.partner_id, p.name.as_str()),
        (3, Some(4), "王副区长")
    );
    assert_eq!(people::person_by_id(s.conn(), 7).unwrap().dept_id, Some(1));
    not_found(people::person_by_id(s.conn(), 77), "person id 77");
    let (zh, _) = refused(people::person_by_login(s.conn(), "root"));
    assert!(zh.contains("root") && zh.contains("--as"));

    away(&mut s, 3, "2025-03-08", "2025-03-10");
    away(&mut s, 7, "2025-03-11", "2025-03-12");
    assert!(people::is_away(s.conn(), 3, today()).unwrap());
    assert!(!people::is_away(s.conn(), 3, date("2025-03-11")).unwrap());
    assert!(!people::is_away(s.conn(), 7, today()).unwrap());
    let logins = |d| -> Vec<String> {
        people::away_on(s.conn(), d)
            .unwrap()
            .into_iter()
            .map(|p| p.login)
            .collect()
    };
    assert_eq!(logins(today()), ["wang"]);
    assert_eq!(logins(date("2025-03-12")), ["sun"]);
}

#[test]
fn nobody_stands_in_for_a_present_leader() {
    let s = store();
    assert_eq!(acting(&s, "", 1), None);
    assert_eq!(acting(&s, "", 3), None);
    // Present leader: the partner may not sign for them.
    let mut s = s;
    let (zh, _) = refused(actions::sign(&mut s, &env("zhao"), 1, ""));
    assert_eq!(zh, "只有呈批领导或其代理人可以签批");
}

#[test]
fn the_executive_deputy_signs_for_the_absent_mayor() {
    let mut s = store();
    away(&mut s, 1, "2025-03-10", "2025-03-14");
    assert_eq!(acting(&s, "", 1).as_deref(), Some("exec"));
    // Others still may not.
    refused(actions::sign(&mut s, &env("wang"), 2, ""));
    let done = actions::sign(&mut s, &env("exec"), 2, "同意").unwrap();
    assert_eq!(
        done.summary_zh,
        "李常务代签（代张区长）《关于财政预算的请示》：同意"
    );
    assert!(done.summary_en.contains("for 张区长 (stand-in)"));
    assert_eq!(count(&s, "SELECT signed_by FROM documents WHERE id = 2"), 2);
    assert!(last_audit(&s).4.contains("代签"));
}

#[test]
fn the_profiles_mayor_standin_is_honoured() {
    let mut s = store();
    away(&mut s, 1, "2025-03-10", "2025-03-10");
    away(&mut s, 2, "2025-03-01", "2025-03-31");
    // Silent profile: only the 常务副区长, who is away too.
    assert_eq!(acting(&s, "", 1), None);
    refused(actions::sign(&mut s, &env("wang"), 2, ""));
    // huarong-like: 常务 or another 副区长, the first present one.
    assert_eq!(acting(&s, HUARONG_LIKE, 1).as_deref(), Some("wang"));
    refused(actions::sign(
        &mut s,
        &env_with(HUARONG_LIKE, "zhao"),
        2,
        "",
    ));
    let done = actions::sign(&mut s, &env_with(HUARONG_LIKE, "wang"), 2, "").unwrap();
    assert!(done.summary_zh.starts_with("王副区长代签（代张区长）"));
    // A profile that names only 副区长 skips a present 常务副区长.
    let only_deputies = "[people]\nmayor_standin = { roles = [\"副区长\"], article = \"九\" }\n";
    let mut s = store();
    away(&mut s, 1, "2025-03-10", "2025-03-10");
    assert_eq!(acting(&s, only_deputies, 1).as_deref(), Some("wang"));
}

#[test]
fn the_ab_partner_signs_for_an_absent_deputy() {
    let mut s = store();
    away(&mut s, 3, "2025-03-09", "2025-03-11");
    assert_eq!(acting(&s, "", 3).as_deref(), Some("zhao"));
    assert_eq!(acting(&s, HUARONG_LIKE, 3).as_deref(), Some("zhao"));
    refused(actions::sign(&mut s, &env("qian"), 1, ""));
    let done = actions::sign(&mut s, &env("zhao"), 1, "同意").unwrap();
    assert!(done.summary_zh.starts_with("赵副区长代签（代王副区长）"));
}

#[test]
fn partner_away_too_means_nobody_signs() {
    let mut s = store();
    away(&mut s, 3, "2025-03-09", "2025-03-11");
    away(&mut s, 4, "2025-03-10", "2025-03-10");
    assert_eq!(acting(&s, "", 3), None);
    let before = dump(&s);
    refused(actions::sign(&mut s, &env("zhao"), 1, ""));
    refused(actions::return_document(&mut s, &env("zhao"), 1, "理由"));
    assert_eq!(dump(&s), before);
    // A deputy without a partner has no stand-in.
    away(&mut s, 10, "2025-03-10", "2025-03-10");
    assert_eq!(acting(&s, "", 10), None);
}

#[test]
fn a_profile_can_turn_the_partner_rule_off() {
    let mut s = store();
    away(&mut s, 3, "2025-03-10", "2025-03-10");
    let off = "[people]\nab_partner_standin = { value = false, article = \"七\" }\n";
    assert_eq!(acting(&s, off, 3), None);
    refused(actions::sign(&mut s, &env_with(off, "zhao"), 1, ""));
}

#[test]
fn a_stand_in_may_return_and_forward() {
    let mut s = store();
    away(&mut s, 3, "2025-03-10", "2025-03-10");
    let done = actions::forward(&mut s, &env("zhao"), 1, "mayor", "").unwrap();
    assert!(
        done.summary_zh.starts_with("赵副区长（代王副区长）转送"),
        "{}",
        done.summary_zh
    );
    let mut s = store();
    away(&mut s, 3, "2025-03-10", "2025-03-10");
    let done = actions::return_document(&mut s, &env("zhao"), 1, "请补充材料").unwrap();
    assert!(
        done.summary_zh.starts_with("赵副区长（代王副区长）退回"),
        "{}",
        done.summary_zh
    );
}
