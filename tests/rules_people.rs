//! The people rules, per profile: A/B partners not away together and at most 3 leaders
//! away (环翠 75), department heads reporting leave 3 days ahead (华容 七十), and a
//! leader on duty on holidays (信州 四十二).

mod rules_fixture;

use dutydesk::domain::compliance::Severity;
use rules_fixture::*;
use rusqlite::params;

#[test]
fn only_huancui_warns_when_ab_partners_are_away_together() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        absence(&s, 3, "2025-03-10", "2025-03-14", Some("2025-03-01"));
        absence(&s, 4, "2025-03-13", "2025-03-20", Some("2025-03-01"));
        absence(&s, 5, "2025-03-10", "2025-03-20", Some("2025-03-01")); // not a partner
        let rule = "people.ab_not_away_together";
        if id == "huancui" {
            let f = one(&mut s, &env, rule, Severity::Warning, Some("75"));
            assert_eq!(f.since, date("2025-03-13"));
            assert!(f.message_zh.contains("王副区长") && f.message_zh.contains("赵副区长"));
            assert!(
                f.message_zh.contains("2025-03-13–2025-03-14"),
                "{}",
                f.message_zh
            );
        } else {
            none(&mut s, &env, rule);
        }
    }
}

#[test]
fn only_huancui_warns_when_more_than_three_leaders_are_away() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        absence(&s, 1, "2025-03-11", "2025-03-12", None);
        absence(&s, 2, "2025-03-12", "2025-03-13", None);
        absence(&s, 3, "2025-03-12", "2025-03-12", None);
        absence(&s, 8, "2025-03-12", "2025-03-12", None); // a department head: not a leader
        let rule = "people.max_leaders_away";
        none(&mut s, &env, rule);
        absence(&s, 5, "2025-03-12", "2025-03-14", None);
        if id == "huancui" {
            let f = one(&mut s, &env, rule, Severity::Warning, Some("75"));
            assert_eq!(f.since, date("2025-03-12"));
            assert_eq!(f.item.ext_id, "2025-03-12");
        } else {
            none(&mut s, &env, rule);
        }
    }
}

#[test]
fn only_huarong_flags_a_department_heads_leave_reported_late() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        // Away from Wednesday 03-12: to be reported by 03-09 (3 days ahead).
        absence(&s, 8, "2025-03-12", "2025-03-13", Some("2025-03-09"));
        absence(&s, 9, "2025-03-12", "2025-03-13", Some("2025-03-10"));
        absence(&s, 9, "2025-03-20", "2025-03-21", None);
        absence(&s, 3, "2025-03-12", "2025-03-13", Some("2025-03-11")); // a leader
        let rule = "people.dept_head_leave_notice";
        if id == "huarong" {
            let mut found = under(&mut s, &env, rule);
            found.sort_by_key(|f| f.since);
            assert_eq!(found.len(), 2, "{found:#?}");
            assert!(found.iter().all(|f| f.article.as_deref() == Some("七十")));
            assert!(
                found[0].message_zh.contains("2025-03-10"),
                "{}",
                found[0].message_zh
            );
            assert_eq!(found[1].since, date("2025-03-20"));
        } else {
            none(&mut s, &env, rule);
        }
    }
}

#[test]
fn only_xinzhou_flags_a_holiday_without_a_leader_on_duty() {
    // 2025-04-28: 劳动节 runs 05-01 to 05-05, within the next 14 days.
    for id in PROFILES {
        let mut s = store();
        let env = env_on(id, date("2025-04-28"), "chen");
        for day in ["2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04"] {
            exec(
                &s,
                "INSERT INTO duty_rota(day, officer_id, leader_id) VALUES (?1, 7, 2)",
                params![day],
            );
        }
        // An officer but no leader on the last day.
        exec(
            &s,
            "INSERT INTO duty_rota(day, officer_id) VALUES ('2025-05-05', 7)",
            [],
        );
        let rule = "people.holiday_duty_leader";
        if id == "xinzhou" {
            let f = one(&mut s, &env, rule, Severity::Warning, Some("四十二"));
            assert_eq!(
                (f.item.entity.as_str(), f.item.ext_id.as_str()),
                ("duty", "2025-05-05")
            );
            assert!(f.item.title.contains("劳动节"), "{}", f.item.title);
        } else {
            none(&mut s, &env, rule);
        }
    }
    // An ordinary weekend needs no leader on duty.
    let mut s = store();
    none(&mut s, &env("xinzhou"), "people.holiday_duty_leader");
}
