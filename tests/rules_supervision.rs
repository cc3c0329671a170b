//! The supervision rules, per profile: overdue items, the feedback cycle, 回头看 re-checks
//! (环翠 70 and the other districts that re-check) and the 3-month default limit for
//! 人大建议/政协提案.

mod rules_fixture;

use dutydesk::domain::compliance::Severity;
use dutydesk::domain::compliance::supervision::feedback_due;
use dutydesk::domain::{FeedbackCycle, SupSource, deadline};
use rules_fixture::*;
use rusqlite::params;

/// An item led by 发改局, assigned on `assigned`, due `due` under `rule`.
fn item(s: &Store, id: i64, assigned: &str, due: &str, rule: Option<&str>, cycle: &str) {
    exec(
        s,
        "INSERT INTO supervision(id, ext_id, title, source, lead_dept, assigned, deadline,
             deadline_rule, feedback_cycle, updated_at)
         VALUES (?1, ?2, ?3, '领导批示', 1, ?4, ?5, ?6, ?7, ?4)",
        params![
            id,
            format!("S{id}"),
            format!("督办{id}"),
            assigned,
            due,
            rule,
            cycle
        ],
    );
}

#[test]
fn proposals_default_to_three_months_from_assignment_in_every_profile() {
    for id in PROFILES {
        let env = env(id);
        for source in [SupSource::NpcSuggestion, SupSource::CppccProposal] {
            let d = deadline::supervision(&env, source, date("2025-01-15"), None);
            assert_eq!(d.due, date("2025-04-15"), "{id}");
            assert_eq!(
                (d.rule.as_str(), d.article),
                ("default.proposal_limit", None),
                "{id}"
            );
        }
        // Other sources fall back to the 20-working-day default.
        let d = deadline::supervision(&env, SupSource::LeaderInstruction, date("2025-01-15"), None);
        assert_eq!(d.rule, "default.supervision_limit");
    }
}

#[test]
fn an_overdue_item_is_a_violation_in_every_profile() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        item(
            &s,
            1,
            "2025-01-15",
            "2025-03-07",
            Some("default.proposal_limit"),
            "不定期",
        );
        item(&s, 2, "2025-01-15", "2025-03-10", Some("given"), "不定期");
        let f = one(
            &mut s,
            &env,
            "default.proposal_limit",
            Severity::Violation,
            None,
        );
        assert_eq!(
            (f.item.ext_id.as_str(), f.since),
            ("S1", date("2025-03-08"))
        );
        assert!(f.message_zh.contains("发改局"), "{}", f.message_zh);
        none(&mut s, &env, "given");
    }
}

#[test]
fn feedback_is_due_one_cycle_after_the_later_of_assignment_and_the_last_note() {
    let d = date;
    assert_eq!(
        feedback_due(FeedbackCycle::Weekly, d("2025-02-20"), None),
        Some(d("2025-02-27"))
    );
    assert_eq!(
        feedback_due(
            FeedbackCycle::Weekly,
            d("2025-02-20"),
            Some(d("2025-03-05"))
        ),
        Some(d("2025-03-12"))
    );
    assert_eq!(
        feedback_due(FeedbackCycle::Monthly, d("2025-01-31"), None),
        Some(d("2025-02-28"))
    );
    // A note older than the assignment (a reassigned item) does not count.
    assert_eq!(
        feedback_due(
            FeedbackCycle::Monthly,
            d("2025-02-10"),
            Some(d("2025-01-01"))
        ),
        Some(d("2025-03-10"))
    );
    assert_eq!(
        feedback_due(FeedbackCycle::None, d("2025-02-20"), None),
        None
    );
}

#[test]
fn feedback_overdue_is_a_warning_in_every_profile() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        item(&s, 1, "2025-02-20", "2025-06-30", Some("given"), "每周");
        item(&s, 2, "2025-02-01", "2025-06-30", Some("given"), "每月");
        item(&s, 3, "2025-02-20", "2025-06-30", Some("given"), "不定期");
        let rule = "given.feedback_cycle";
        let mut ids: Vec<String> = under(&mut s, &env, rule)
            .into_iter()
            .map(|f| f.item.ext_id)
            .collect();
        ids.sort();
        assert_eq!(ids, ["S1", "S2"], "{id}");
        // A note on 03-05 puts the weekly item's next report at 03-12.
        exec(
            &s,
            "INSERT INTO progress_notes(supervision_id, on_date, note, at) VALUES (1, '2025-03-05', '进展', '2025-03-05 10:00:00')",
            [],
        );
        let f = one(&mut s, &env, rule, Severity::Warning, None);
        assert_eq!(
            (f.item.ext_id.as_str(), f.since),
            ("S2", date("2025-03-02"))
        );
    }
}

#[test]
fn a_recheck_date_reached_on_a_closed_item_is_a_notice() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        item(&s, 1, "2025-01-10", "2025-02-28", Some("given"), "每月");
        item(&s, 2, "2025-01-10", "2025-02-28", Some("given"), "每月");
        exec(
            &s,
            "UPDATE supervision SET state = '已销号', closed_on = '2025-02-20'",
            [],
        );
        exec(
            &s,
            "UPDATE supervision SET recheck_on = '2025-03-07' WHERE id = 1",
            [],
        );
        exec(
            &s,
            "UPDATE supervision SET recheck_on = '2025-03-20' WHERE id = 2",
            [],
        );
        // Closed items owe no feedback and are not overdue.
        none(&mut s, &env, "given.feedback_cycle");
        let (rule, article) = match id {
            "xinzhou" => ("supervision.recheck", Some("三十八")),
            "huancui" => ("supervision.recheck", Some("70")),
            "dongchang" => ("supervision.recheck", Some("三十四")),
            "huarong" => ("supervision.recheck", Some("六十三")),
            _ => ("given.recheck_on", None),
        };
        let f = one(&mut s, &env, rule, Severity::Notice, article);
        assert_eq!(
            (f.item.ext_id.as_str(), f.since),
            ("S1", date("2025-03-07"))
        );
        // A note on or after the re-check date records the 回头看 as done.
        exec(
            &s,
            "UPDATE supervision SET last_progress_on = '2025-03-07' WHERE id = 1",
            [],
        );
        none(&mut s, &env, rule);
    }
}

#[test]
fn recording_the_recheck_ends_the_reminder() {
    use dutydesk::store::audit;
    use rules_fixture::writes::recheck_done;
    let mut s = store();
    let env = env("huancui");
    item(&s, 1, "2025-01-10", "2025-02-28", Some("given"), "每月");
    exec(
        &s,
        "UPDATE supervision SET state = '已销号', recheck_on = '2025-03-12'",
        [],
    );
    // Not due yet, by someone outside the office, without a note: refused.
    refused(recheck_done(&mut s, &env, 1, "整改到位"));
    let later = env_on("huancui", date("2025-03-12"), "chen");
    refused(recheck_done(
        &mut s,
        &env_on("huancui", date("2025-03-12"), "wang"),
        1,
        "整改到位",
    ));
    refused(recheck_done(&mut s, &later, 1, " "));
    one(
        &mut s,
        &later,
        "supervision.recheck",
        Severity::Notice,
        Some("70"),
    );
    let done = recheck_done(&mut s, &later, 1, "整改到位，未反弹").unwrap();
    assert!(done.summary_zh.contains("第70条"), "{}", done.summary_zh);
    none(&mut s, &later, "supervision.recheck");
    let (recheck, last): (Option<String>, String) = s
        .conn()
        .query_row(
            "SELECT recheck_on, last_progress_on FROM supervision",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((recheck, last.as_str()), (None, "2025-03-12"));
    assert_eq!(audit::history(s.conn(), "supervision", 1).unwrap().len(), 1);
    // An open item has no re-check to record.
    item(&s, 2, "2025-01-10", "2025-04-28", Some("given"), "每月");
    refused(recheck_done(&mut s, &later, 2, "x"));
}
