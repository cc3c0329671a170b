//! The document rules, per profile, with their articles: approval limits, 特急重要 signing
//! (东昌 二十八), same-day clearance (崆峒 五十四), stand-ins, countersign silence (信州
//! 二十八, 东昌 二十七, 华容 五十四), printing and publishing (崆峒 五十三) and one matter
//! per 请示 (信州 二十五, 东昌 二十七).

mod rules_fixture;

use dutydesk::domain::compliance::Severity;
use dutydesk::domain::{CountersignAnswer, Urgency, deadline};
use dutydesk::store::audit;
use rules_fixture::writes::{mark_printed, mark_published, settle};
use rules_fixture::*;

#[test]
fn an_overdue_approval_is_a_violation_under_its_stored_rule() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        // 一般, received 2025-02-17: 14 wd (东昌 二十八, elsewhere the default) → 2025-03-07.
        document(&s, &env, 1, "请示", Urgency::Normal, "2025-02-17", Some(3));
        let (rule, article, since) = match id {
            "dongchang" => (
                "documents.approval_limits.normal",
                Some("二十八"),
                "2025-03-08",
            ),
            // 五十四 is 崆峒's own limit: the next working day (2025-02-18), a warning.
            "kongtong" => ("documents.same_day_clearance", Some("五十四"), "2025-02-19"),
            _ => ("default.approval_limits.normal", None, "2025-03-08"),
        };
        let severity = if id == "kongtong" {
            Severity::Warning
        } else {
            Severity::Violation
        };
        let f = one(&mut s, &env, rule, severity, article);
        assert_eq!(f.since, date(since));
        if id == "kongtong" {
            none(&mut s, &env, "default.approval_limits.normal");
            continue;
        }
        assert_eq!(f.item.ext_id, "D1");
        assert!(f.message_en.contains("2025-03-07"), "{}", f.message_en);
    }
}

#[test]
fn only_dongchang_has_the_leader_sign_a_critical_document_within_one_workday() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        // Received Thursday 03-06: one working day → Friday 03-07, missed by Monday.
        document(
            &s,
            &env,
            1,
            "请示",
            Urgency::Critical,
            "2025-03-06",
            Some(3),
        );
        // Received Friday 03-07: due Monday 03-10, today — not missed yet.
        document(
            &s,
            &env,
            2,
            "请示",
            Urgency::Critical,
            "2025-03-07",
            Some(3),
        );
        let rule = "documents.critical_leader_sign";
        if id == "dongchang" {
            let f = one(&mut s, &env, rule, Severity::Violation, Some("二十八"));
            assert_eq!(f.item.ext_id, "D1");
            assert_eq!(f.since, date("2025-03-08"));
        } else {
            none(&mut s, &env, rule);
        }
    }
}

#[test]
fn only_kongtong_warns_on_papers_held_past_one_workday() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        document(&s, &env, 1, "函", Urgency::Normal, "2025-03-06", Some(3));
        document(&s, &env, 2, "函", Urgency::Normal, "2025-03-07", Some(3));
        let rule = "documents.same_day_clearance";
        if id == "kongtong" {
            let f = one(&mut s, &env, rule, Severity::Warning, Some("五十四"));
            assert_eq!(f.item.ext_id, "D1");
        } else {
            none(&mut s, &env, rule);
        }
    }
}

#[test]
fn an_absent_leaders_stand_in_is_prompted_when_a_paper_falls_due() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        // 特急 received 03-05: 5 wd → 03-12, two working days from today.
        document(
            &s,
            &env,
            1,
            "请示",
            Urgency::VeryUrgent,
            "2025-03-05",
            Some(3),
        );
        // 一般 received 03-07: due in 14 wd, far off.
        document(&s, &env, 2, "请示", Urgency::Normal, "2025-03-07", Some(3));
        absence(&s, 3, "2025-03-10", "2025-03-14", Some("2025-03-01"));
        let (rule, article) = match id {
            "huancui" => ("people.ab_partner_standin", Some("7")),
            "kongtong" => ("people.ab_partner_standin", Some("九")),
            "dongchang" => ("people.ab_partner_standin", Some("五")),
            "huarong" => ("people.ab_partner_standin", Some("八")),
            _ => ("default.ab_partner_standin", None),
        };
        if id == "kongtong" {
            // 崆峒 九 leaves a deputy's work to a separate 代管办法 and names no A/B
            // partner: nobody is offered; the paper is flagged for the office instead.
            // Under 五十四 the 一般 paper (D2) is due today as well, so both are flagged.
            let v = under(&mut s, &env, rule);
            assert_eq!(v.len(), 2, "{v:#?}");
            for f in v {
                assert_eq!(f.severity, Severity::Warning);
                assert_eq!(f.article.as_deref(), article);
                assert!(!f.message_zh.contains("赵副区长"), "{}", f.message_zh);
                assert!(f.message_en.contains("no stand-in"), "{}", f.message_en);
            }
            continue;
        }
        let f = one(&mut s, &env, rule, Severity::Notice, article);
        assert_eq!(f.item.ext_id, "D1");
        assert!(f.message_zh.contains("赵副区长"), "{}", f.message_zh);
        // The partner away too: nobody can act, a warning.
        absence(&s, 4, "2025-03-09", "2025-03-11", None);
        let f = one(&mut s, &env, rule, Severity::Warning, article);
        assert!(f.message_en.contains("no stand-in"), "{}", f.message_en);
    }
}

/// A countersign request from 财政局 on document 1, sent on `requested`.
fn countersign(s: &rules_fixture::Store, env: &dutydesk::domain::Env, requested: &str) {
    let d = deadline::countersign(env, date(requested));
    exec(
        s,
        "INSERT INTO countersigns(document_id, dept_id, requested, due, due_rule, due_article)
         VALUES (1, 2, ?1, ?2, ?3, ?4)",
        rusqlite::params![requested, d.due.to_string(), d.rule, d.article],
    );
}

fn answer(s: &rules_fixture::Store) -> Option<CountersignAnswer> {
    s.conn()
        .query_row("SELECT answer FROM countersigns", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn silence_past_the_countersign_limit_is_recorded_as_no_objection_where_the_rules_say_so() {
    for id in PROFILES {
        let mut s = store();
        let env0 = env(id);
        document(&s, &env0, 1, "请示", Urgency::Normal, "2025-02-20", Some(3));
        // Sent so that the limit ends today: xinzhou 5 wd from 03-03, others 7 wd from
        // 02-27 (dongchang, huarong by their rules; huancui, kongtong by the default).
        let requested = if id == "xinzhou" {
            "2025-03-03"
        } else {
            "2025-02-27"
        };
        countersign(&s, &env0, requested);
        let due: String = s
            .conn()
            .query_row("SELECT due FROM countersigns", [], |r| r.get(0))
            .unwrap();
        assert_eq!(due, "2025-03-10", "{id}");
        let sys = env_on(id, today(), "system");
        // On the last day nothing is deemed.
        assert_eq!(settle(&mut s, &sys), 0);
        assert_eq!(answer(&s), None);
        // The day after: deemed where silence is consent, a warning elsewhere.
        let next = env_on(id, date("2025-03-11"), "system");
        let n = settle(&mut s, &next);
        match id {
            "xinzhou" | "dongchang" | "huarong" => {
                let article = match id {
                    "xinzhou" => "二十八",
                    "dongchang" => "二十七",
                    _ => "五十四",
                };
                assert_eq!(n, 1, "{id}");
                assert_eq!(answer(&s), Some(CountersignAnswer::Deemed));
                let h = audit::history(s.conn(), "document", 1).unwrap();
                let e = h.last().unwrap();
                assert_eq!(
                    (e.actor.as_str(), e.action.as_str()),
                    ("system", "countersign-deemed")
                );
                assert!(e.summary.contains("逾期视为无不同意见"), "{}", e.summary);
                assert!(e.summary.contains(article), "{}", e.summary);
                // Idempotent: a second run changes nothing and logs nothing.
                assert_eq!(settle(&mut s, &next), 0);
                assert_eq!(
                    audit::history(s.conn(), "document", 1).unwrap().len(),
                    h.len()
                );
                none(&mut s, &next, "documents.countersign_silence_is_consent");
            }
            _ => {
                assert_eq!(n, 0, "{id}");
                assert_eq!(answer(&s), None);
                let f = one(
                    &mut s,
                    &next,
                    "default.countersign_reply",
                    Severity::Warning,
                    None,
                );
                assert_eq!(f.since, date("2025-03-11"));
                assert!(f.message_zh.contains("财政局"), "{}", f.message_zh);
            }
        }
    }
}

#[test]
fn a_request_deemed_on_read_is_a_notice_while_the_document_awaits_approval() {
    let mut s = store();
    let env0 = env("dongchang");
    document(&s, &env0, 1, "请示", Urgency::Normal, "2025-02-20", Some(3));
    countersign(&s, &env0, "2025-02-20");
    let rule = "documents.countersign_silence_is_consent";
    let f = one(&mut s, &env0, rule, Severity::Notice, Some("二十七"));
    // It reads as deemed, with nothing left to record for it to hold.
    assert!(
        f.message_zh.ends_with("逾期视为无不同意见"),
        "{}",
        f.message_zh
    );
    assert!(
        f.message_en.ends_with(": deemed no objection"),
        "{}",
        f.message_en
    );
    assert_eq!(answer(&s), None);
    // An earlier day, before the limit ran out: nothing is deemed yet.
    let before = env_on("dongchang", date("2025-03-03"), "sunht");
    none(&mut s, &before, rule);
    // Once the document is signed the deemed reply no longer matters to anyone.
    exec(&s, "UPDATE documents SET state = '已签批' WHERE id = 1", []);
    none(&mut s, &env0, rule);
}

/// Document 1, signed on `signed` (and printed on `printed`).
fn signed(s: &rules_fixture::Store, signed: &str, printed: Option<&str>, secrecy: &str) {
    exec(
        s,
        "INSERT INTO documents(id, ext_id, title, kind, urgency, received, state, signed_on,
             signed_by, printed_on, secrecy, updated_at)
         VALUES (1, 'D1', '公文1', '通知', '一般', '2025-03-01', '已签批', ?1, 3, ?2, ?3, ?1)",
        rusqlite::params![signed, printed, secrecy],
    );
}

#[test]
fn only_kongtong_sets_printing_and_publishing_deadlines() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        // Signed Wednesday 03-05: printed within 2 wd → 03-07, missed.
        signed(&s, "2025-03-05", None, "公开");
        let print = "documents.print_after_sign";
        let publish = "documents.publish_after_print";
        if id == "kongtong" {
            let f = one(&mut s, &env, print, Severity::Violation, Some("五十三"));
            assert_eq!(f.since, date("2025-03-08"));
            none(&mut s, &env, publish);
        } else {
            none(&mut s, &env, print);
        }
        // Printed Thursday 03-06: published within 1 wd → 03-07, missed.
        exec(&s, "UPDATE documents SET printed_on = '2025-03-06'", []);
        none(&mut s, &env, print);
        if id == "kongtong" {
            one(&mut s, &env, publish, Severity::Violation, Some("五十三"));
            // A document not for the public is never published.
            exec(&s, "UPDATE documents SET secrecy = '内部'", []);
        }
        none(&mut s, &env, publish);
    }
}

#[test]
fn printing_and_publishing_are_recorded_by_the_office_with_an_audit_entry() {
    let mut s = store();
    signed(&s, "2025-03-05", None, "公开");
    let (zh, _) = refused(mark_printed(
        &mut s,
        &env_on("kongtong", today(), "wang"),
        1,
    ));
    assert!(zh.contains("办公室"), "{zh}");
    let (zh, _) = refused(mark_published(&mut s, &env("kongtong"), 1));
    assert!(zh.contains("尚未印制"), "{zh}");
    let done = mark_printed(&mut s, &env("kongtong"), 1).unwrap();
    assert!(done.summary_zh.contains("已逾期"), "{}", done.summary_zh);
    assert!(done.summary_zh.contains("五十三"), "{}", done.summary_zh);
    refused(mark_printed(&mut s, &env("kongtong"), 1));
    let done = mark_published(&mut s, &env("kongtong"), 1).unwrap();
    assert_eq!((done.entity, done.id), ("document", 1));
    let h = audit::history(s.conn(), "document", 1).unwrap();
    let actions: Vec<&str> = h.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["printed", "published"]);
    assert_eq!(h[0].actor, "chen");
    let on: (String, String) = s
        .conn()
        .query_row("SELECT printed_on, published_on FROM documents", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(on, ("2025-03-10".into(), "2025-03-10".into()));
    none(&mut s, &env("kongtong"), "documents.publish_after_print");
}

#[test]
fn one_matter_per_request_and_no_request_in_a_report_where_the_rules_say_so() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        document(&s, &env, 1, "请示", Urgency::Normal, "2025-03-07", Some(3));
        document(&s, &env, 2, "报告", Urgency::Normal, "2025-03-07", Some(3));
        document(&s, &env, 3, "请示", Urgency::Normal, "2025-03-07", Some(3));
        exec(&s, "UPDATE documents SET matters = 2 WHERE id = 1", []);
        exec(
            &s,
            "UPDATE documents SET carries_request = 1 WHERE id = 2",
            [],
        );
        let article = match id {
            "xinzhou" => Some("二十五"),
            "dongchang" => Some("二十七"),
            _ => None,
        };
        let (one_rule, report_rule) = (
            "documents.one_matter_per_request",
            "documents.no_request_in_report",
        );
        match article {
            Some(a) => {
                let f = one(&mut s, &env, one_rule, Severity::Violation, Some(a));
                assert_eq!(f.item.ext_id, "D1");
                assert_eq!(f.since, date("2025-03-07"));
                let f = one(&mut s, &env, report_rule, Severity::Violation, Some(a));
                assert_eq!(f.item.ext_id, "D2");
            }
            None => {
                none(&mut s, &env, one_rule);
                none(&mut s, &env, report_rule);
            }
        }
    }
}

#[test]
fn a_pending_document_not_where_the_routing_rules_send_it_is_flagged() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        // 1: from 发改局 (王 分管) but with 赵. 2: from 教育局 (王 and 赵 分管) with 王.
        // 3: a major matter from 发改局 with 王. 4: like 1, but forwarded there by a leader.
        for (doc, leader) in [(1, 4), (2, 3), (3, 3), (4, 4)] {
            document(
                &s,
                &env,
                doc,
                "请示",
                Urgency::Normal,
                "2025-03-07",
                Some(leader),
            );
        }
        exec(&s, "UPDATE documents SET from_dept = 3 WHERE id = 2", []);
        exec(&s, "UPDATE documents SET major = 1 WHERE id = 3", []);
        exec(
            &s,
            "UPDATE documents SET route = 'forwarded' WHERE id = 4",
            [],
        );
        let division = match id {
            "xinzhou" => "二十九",
            "huancui" => "60",
            "kongtong" => "五十",
            "dongchang" => "二十八",
            _ => "五十五",
        };
        let f = one(
            &mut s,
            &env,
            "documents.routing_by_division",
            Severity::Warning,
            Some(division),
        );
        assert_eq!(f.item.ext_id, "D1");
        assert!(
            f.message_zh.contains("王副区长") && f.message_zh.contains("赵副区长"),
            "{}",
            f.message_zh
        );
        // Several leaders' divisions: only dongchang sends it to the 区长 (二十八).
        let multi = "documents.multi_leader_to_mayor";
        if id == "dongchang" {
            let f = one(&mut s, &env, multi, Severity::Warning, Some("二十八"));
            assert_eq!(f.item.ext_id, "D2");
            assert!(f.message_zh.contains("张区长"), "{}", f.message_zh);
        } else {
            none(&mut s, &env, multi);
        }
        // A major matter goes to the 区长, except in kongtong, whose 五十 does not say so.
        let major = "documents.major_to_mayor";
        if id == "kongtong" {
            none(&mut s, &env, major);
        } else {
            let f = one(&mut s, &env, major, Severity::Warning, Some(division));
            assert_eq!(f.item.ext_id, "D3");
        }
        // Sent on to the 区长, the multi-division paper is where dongchang wants it.
        exec(&s, "UPDATE documents SET leader_id = 1 WHERE id = 2", []);
        none(&mut s, &env, multi);
    }
}

#[test]
fn a_paper_with_the_mayor_is_never_misrouted() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        document(&s, &env, 1, "请示", Urgency::Normal, "2025-03-07", Some(1));
        assert!(
            findings(&mut s, &env)
                .iter()
                .all(|f| !f.rule.starts_with("documents.") || f.rule.contains("approval")),
            "{id}"
        );
    }
}
