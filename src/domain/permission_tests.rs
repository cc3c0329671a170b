use super::*;

fn who(id: i64, role: Role, dept_id: Option<i64>) -> Who {
    Who { id, role, dept_id }
}

const MAYOR: Who = Who {
    id: 1,
    role: Role::Mayor,
    dept_id: None,
};
const EXEC: Who = Who {
    id: 2,
    role: Role::ExecutiveDeputy,
    dept_id: None,
};
const DEPUTY: Who = Who {
    id: 3,
    role: Role::DeputyMayor,
    dept_id: None,
};
const PARTNER: Who = Who {
    id: 4,
    role: Role::DeputyMayor,
    dept_id: None,
};
const DIRECTOR: Who = Who {
    id: 5,
    role: Role::OfficeDirector,
    dept_id: None,
};
const OFFICER: Who = Who {
    id: 6,
    role: Role::DutyOfficer,
    dept_id: None,
};

fn refused_zh(r: Result<Capacity>) -> String {
    match r {
        Err(Error::Refused { zh, .. }) => zh,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn flag(article: &str) -> Flag {
    Flag {
        value: true,
        article: article.into(),
        note: None,
        effective: None,
    }
}

#[test]
fn sign_by_routed_leader_or_standin_only() {
    assert_eq!(
        may_sign(&DEPUTY, Some(3), None).ok(),
        Some(Capacity::Principal)
    );
    assert_eq!(
        may_sign(&PARTNER, Some(3), Some(4)).ok(),
        Some(Capacity::StandIn)
    );
    // The partner while the leader is present (no stand-in) is refused.
    assert_eq!(
        refused_zh(may_sign(&PARTNER, Some(3), None)),
        "只有呈批领导或其代理人可以签批"
    );
    // Office staff and the mayor cannot sign another leader's paper.
    assert!(may_sign(&DIRECTOR, Some(3), None).is_err());
    assert!(may_sign(&MAYOR, Some(3), None).is_err());
    // Nobody signs an unrouted paper.
    assert!(may_sign(&DEPUTY, None, None).is_err());
    assert!(may_return(&OFFICER, Some(3), None).is_err());
    assert_eq!(
        may_return(&DEPUTY, Some(3), None).ok(),
        Some(Capacity::Principal)
    );
}

#[test]
fn forward_by_leader_standin_or_office_to_a_leader() {
    assert_eq!(
        may_forward(&DEPUTY, Some(3), None, &MAYOR).ok(),
        Some(Capacity::Principal)
    );
    assert_eq!(
        may_forward(&OFFICER, Some(3), None, &EXEC).ok(),
        Some(Capacity::Office)
    );
    assert_eq!(
        may_forward(&PARTNER, Some(3), Some(4), &MAYOR).ok(),
        Some(Capacity::StandIn)
    );
    assert!(may_forward(&PARTNER, Some(3), None, &MAYOR).is_err());
    let head = who(9, Role::DeptHead, Some(1));
    assert!(may_forward(&head, Some(3), None, &MAYOR).is_err());
    assert!(refused_zh(may_forward(&DIRECTOR, Some(3), None, &head)).contains("部门负责人"));
}

#[test]
fn urge_by_office_and_leaders() {
    assert_eq!(may_urge(&OFFICER).ok(), Some(Capacity::Office));
    assert_eq!(may_urge(&PARTNER).ok(), Some(Capacity::Leader));
    assert!(may_urge(&who(9, Role::DeptHead, Some(1))).is_err());
}

#[test]
fn office_acts_cite_the_close_out_rule() {
    let rule = flag("六十四");
    assert_eq!(
        may_office(&DIRECTOR, OfficeAct::Close, Some(&rule)).ok(),
        Some(Capacity::Office)
    );
    let zh = refused_zh(may_office(&MAYOR, OfficeAct::Close, Some(&rule)));
    assert_eq!(zh, "只有区政府办公室可以销号督办事项（第六十四条）");
    let zh = refused_zh(may_office(&MAYOR, OfficeAct::Extend, None));
    assert_eq!(zh, "只有区政府办公室可以延期督办事项");
    // Meeting acts do not cite the supervision rule.
    let zh = refused_zh(may_office(&DEPUTY, OfficeAct::MinutesIssued, Some(&rule)));
    assert!(!zh.contains("六十四"));
}

#[test]
fn progress_by_office_leaders_and_concerned_heads() {
    assert!(may_add_progress(&OFFICER, 1, &[]).is_ok());
    assert!(may_add_progress(&DEPUTY, 1, &[]).is_ok());
    assert_eq!(
        may_add_progress(&who(9, Role::DeptHead, Some(1)), 1, &[]).ok(),
        Some(Capacity::DeptHead)
    );
    assert!(may_add_progress(&who(9, Role::DeptHead, Some(2)), 1, &[2]).is_ok());
    assert!(may_add_progress(&who(9, Role::DeptHead, Some(3)), 1, &[2]).is_err());
    assert!(may_add_progress(&who(9, Role::DeptHead, None), 1, &[2]).is_err());
}

#[test]
fn topics() {
    assert!(may_add_topic(&OFFICER).is_ok());
    assert!(may_add_topic(&who(9, Role::DeptHead, Some(1))).is_err());
    assert_eq!(
        may_approve_topic(&EXEC, Some(2)).ok(),
        Some(Capacity::Principal)
    );
    assert_eq!(
        may_approve_topic(&MAYOR, Some(2)).ok(),
        Some(Capacity::Leader)
    );
    assert!(may_approve_topic(&DEPUTY, Some(2)).is_err());
    assert!(may_approve_topic(&DIRECTOR, None).is_err());
}

#[test]
fn leave_by_self_or_office_and_in_writing_for_heads() {
    let head = who(9, Role::DeptHead, Some(1));
    let rule = flag("四十八");
    assert_eq!(
        may_request_leave(&DEPUTY, &DEPUTY, false, Some(&rule)).ok(),
        Some(Capacity::Principal)
    );
    assert_eq!(
        may_request_leave(&OFFICER, &head, true, Some(&rule)).ok(),
        Some(Capacity::Office)
    );
    assert!(may_request_leave(&PARTNER, &DEPUTY, false, None).is_err());
    let zh = refused_zh(may_request_leave(&head, &head, false, Some(&rule)));
    assert!(zh.contains("书面") && zh.contains("第四十八条"), "{zh}");
    // Without the rule a spoken request is fine.
    assert!(may_request_leave(&head, &head, false, None).is_ok());
}

/// A profile from TOML, so the test does not depend on every field of the model.
fn profile(people: &str) -> Profile {
    let text = format!(
        "[district]\nid = \"t\"\nname = \"测试区\"\nprovince = \"测试省\"\nsource = \"test\"\nversion = \"1\"\n[people]\n{people}"
    );
    toml::from_str(&text).unwrap()
}

#[test]
fn standin_rules_follow_the_profile_or_default() {
    let silent = profile("");
    let m = standin_rule(&silent, Role::Mayor).unwrap();
    assert_eq!(m.roles, vec![Role::ExecutiveDeputy]);
    assert_eq!(m.article, None);
    let d = standin_rule(&silent, Role::DeputyMayor).unwrap();
    assert!(d.partner);
    assert_eq!(d.rule, "default.ab_partner_standin");
    assert!(standin_rule(&silent, Role::DutyOfficer).is_none());

    let p = profile(
        "mayor_standin = { roles = [\"常务副区长\", \"副区长\"], article = \"六\" }\n\
         ab_partner_standin = { value = false, article = \"八\" }",
    );
    let m = standin_rule(&p, Role::Mayor).unwrap();
    assert_eq!(m.roles.len(), 2);
    assert_eq!(m.article.as_deref(), Some("六"));
    assert!(!standin_rule(&p, Role::DeputyMayor).unwrap().partner);
}
