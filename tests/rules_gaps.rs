//! The rule gaps found in the seeds, per profile with their articles, each with a
//! violation (or the finding) and a case that is not one: 崆峒 四十七's two steps of the
//! minutes, 崆峒 五十四 as the approval deadline, 东昌 二十八's lead times, one
//! district-wide meeting per department a year (信州 二十四, 环翠 55, 东昌 二十六), 东昌
//! 二十六's yearly plan and 崆峒 四十二's report after a 常务会议.

mod rules_fixture;

use dutydesk::command::{self, Command, Ref};
use dutydesk::domain::compliance::Severity;
use dutydesk::domain::{MeetingKind, Urgency, deadline};
use rules_fixture::*;
use rusqlite::params;

fn drafted(s: &mut Store, env: &dutydesk::domain::Env, id: i64) -> dutydesk::Result<()> {
    command::perform(
        s,
        env,
        &Command::MinutesDrafted {
            meeting: Ref::Id(id),
        },
    )
    .map(|_| ())
}

fn issued(s: &mut Store, env: &dutydesk::domain::Env, id: i64) -> dutydesk::Result<()> {
    command::perform(
        s,
        env,
        &Command::MinutesIssued {
            meeting: Ref::Id(id),
            on: None,
        },
    )
    .map(|_| ())
}

#[test]
fn kongtong_minutes_drafted_on_time_and_signed_on_day_three_break_nothing() {
    let mut s = store();
    // Held Monday 03-03: drafted by 03-05 (2 wd, 四十七).
    let env = env_on("kongtong", date("2025-03-04"), "chen");
    meeting(&s, &env, 1, MeetingKind::Executive, "2025-03-03", "已召开");
    let rule = "meetings.executive.minutes_drafted_within";
    // The chair signs a draft: no issue before the draft is recorded.
    let (zh, _) = refused(issued(&mut s, &env, 1));
    assert!(zh.contains("起草"), "{zh}");
    drafted(&mut s, &env, 1).unwrap();
    // Signed by the chair on the third working day (03-06) and on later days: no limit.
    for day in ["2025-03-06", "2025-03-12"] {
        none(&mut s, &env_on("kongtong", date(day), "chen"), rule);
    }
    issued(&mut s, &env_on("kongtong", date("2025-03-06"), "chen"), 1).unwrap();
    none(
        &mut s,
        &env_on("kongtong", date("2025-03-12"), "chen"),
        rule,
    );
    // Drafting twice is refused; only the office records it.
    let (zh, _) = refused(drafted(&mut s, &env, 1));
    assert!(zh.contains("印发"), "{zh}");
}

#[test]
fn kongtong_minutes_not_drafted_in_two_workdays_are_the_violation() {
    let mut s = store();
    let env = env("kongtong"); // Monday 03-10
    meeting(&s, &env, 1, MeetingKind::Executive, "2025-03-03", "已召开");
    meeting(&s, &env, 2, MeetingKind::Topical, "2025-03-03", "已召开");
    let rule = "meetings.executive.minutes_drafted_within";
    let f = one(&mut s, &env, rule, Severity::Violation, Some("四十七"));
    assert_eq!(f.since, date("2025-03-06"));
    assert!(f.message_zh.contains("起草"), "{}", f.message_zh);
    // A draft made late stays a violation while the minutes are owed.
    let late = env_on("kongtong", date("2025-03-07"), "chen");
    drafted(&mut s, &late, 1).unwrap();
    let f = one(&mut s, &env, rule, Severity::Violation, Some("四十七"));
    assert!(
        f.message_en.contains("drafted only on 2025-03-07"),
        "{}",
        f.message_en
    );
    // A deputy may not record it (the office's act).
    let (zh, _) = refused(drafted(&mut s, &env_on("kongtong", today(), "wang"), 2));
    assert!(zh.contains("办公室"), "{zh}");
}

#[test]
fn only_kongtong_times_the_draft() {
    for id in PROFILES {
        let env = env(id);
        let d = deadline::minutes(&env, MeetingKind::Executive, date("2025-03-03")).unwrap();
        let drafting = deadline::is_drafting_rule(&d.rule);
        assert_eq!(drafting, id == "kongtong", "{id}: {}", d.rule);
        if id != "kongtong" {
            // Elsewhere the issue needs no recorded draft.
            let mut s = store();
            meeting(&s, &env, 1, MeetingKind::Executive, "2025-03-03", "已召开");
            issued(&mut s, &env, 1).unwrap();
        }
    }
}

#[test]
fn kongtong_same_day_clearance_is_the_approval_deadline() {
    for id in PROFILES {
        let env = env(id);
        // Received Thursday 03-06.
        let d = deadline::approval(&env, Urgency::Normal, date("2025-03-06"));
        match id {
            "kongtong" => {
                // 五十四: the same day, carried over to the next working day at most.
                assert_eq!(d.due, date("2025-03-07"));
                assert_eq!(d.rule, "documents.same_day_clearance");
                assert_eq!(d.article.as_deref(), Some("五十四"));
            }
            "dongchang" => assert_eq!(d.rule, "documents.approval_limits.normal"),
            _ => {
                assert!(deadline::is_default_approval(&d.rule), "{id}: {}", d.rule);
                assert_eq!(d.article, None);
            }
        }
    }
    // The pane and the check agree: one warning citing 五十四, none before the day passes.
    let mut s = store();
    let env = env("kongtong");
    document(&s, &env, 1, "函", Urgency::Urgent, "2025-03-06", Some(3));
    document(&s, &env, 2, "函", Urgency::Urgent, "2025-03-07", Some(3));
    let f = one(
        &mut s,
        &env,
        "documents.same_day_clearance",
        Severity::Warning,
        Some("五十四"),
    );
    assert_eq!(f.item.ext_id, "D1");
    assert!(
        findings(&mut s, &env)
            .iter()
            .all(|f| !f.rule.starts_with("default.approval"))
    );
}

/// A pending document needing a decision by `needed_by`.
fn needing(s: &Store, env: &dutydesk::domain::Env, id: i64, u: Urgency, received: &str, by: &str) {
    document(s, env, id, "请示", u, received, Some(3));
    exec(
        s,
        "UPDATE documents SET needed_by = ?2 WHERE id = ?1",
        params![id, by],
    );
}

#[test]
fn dongchang_matters_needing_a_decision_leave_fourteen_or_seven_workdays() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        // Received Friday 03-07. Needed by 03-27: 14 wd back is 03-07 — on time.
        needing(&s, &env, 1, Urgency::Normal, "2025-03-07", "2025-03-27");
        // Needed by 03-26: 14 wd back is 03-06 — a day late.
        needing(&s, &env, 2, Urgency::Normal, "2025-03-07", "2025-03-26");
        // 加急 needed by 03-18: 7 wd back is 03-07 — on time; by 03-17: late.
        needing(&s, &env, 3, Urgency::Urgent, "2025-03-07", "2025-03-18");
        needing(&s, &env, 4, Urgency::Urgent, "2025-03-07", "2025-03-17");
        // 特急 needs no lead time but a reason: 5 without one, 6 with one.
        needing(&s, &env, 5, Urgency::VeryUrgent, "2025-03-07", "2025-03-11");
        needing(&s, &env, 6, Urgency::Critical, "2025-03-07", "2025-03-11");
        exec(
            &s,
            "UPDATE documents SET urgent_reason = '防汛抢险' WHERE id = 6",
            [],
        );
        let keys = [
            "documents.submission_lead_normal",
            "documents.submission_lead_urgent",
            "documents.submission_urgent_reason",
        ];
        if id != "dongchang" {
            for k in keys {
                none(&mut s, &env, k);
            }
            continue;
        }
        let f = one(&mut s, &env, keys[0], Severity::Warning, Some("二十八"));
        assert_eq!(f.item.ext_id, "D2");
        assert!(f.message_zh.contains("最迟 2025-03-06"), "{}", f.message_zh);
        let f = one(&mut s, &env, keys[1], Severity::Warning, Some("二十八"));
        assert_eq!(f.item.ext_id, "D4");
        let f = one(&mut s, &env, keys[2], Severity::Warning, Some("二十八"));
        assert_eq!(f.item.ext_id, "D5");
    }
}

/// A district-wide meeting asked for by department `dept`.
fn large(s: &Store, env: &dutydesk::domain::Env, id: i64, day: &str, dept: i64, state: &str) {
    meeting(s, env, id, MeetingKind::LargeEvent, day, state);
    exec(
        s,
        "UPDATE meetings SET requested_by = ?2, requested_on = '2025-01-02' WHERE id = ?1",
        params![id, dept],
    );
}

#[test]
fn one_district_wide_meeting_per_department_a_year() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        // 发改局 twice in 2025 (the second is flagged), 财政局 once, and 发改局 again in
        // 2026 (a new year); a cancelled one does not count.
        large(&s, &env, 1, "2025-04-10", 1, "待召开");
        large(&s, &env, 2, "2025-09-10", 1, "待召开");
        large(&s, &env, 3, "2025-05-10", 2, "待召开");
        large(&s, &env, 4, "2026-04-10", 1, "待召开");
        large(&s, &env, 5, "2025-06-10", 2, "已取消");
        let rule = "meetings.large_event.yearly_max_per_department";
        let article = match id {
            "xinzhou" => Some("二十四"),
            "huancui" => Some("55"),
            "dongchang" => Some("二十六"),
            _ => None,
        };
        match article {
            Some(a) => {
                let f = one(&mut s, &env, rule, Severity::Warning, Some(a));
                assert_eq!(f.item.ext_id, "M2");
                assert!(f.message_zh.contains("发改局"), "{}", f.message_zh);
            }
            None => none(&mut s, &env, rule),
        }
    }
}

#[test]
fn dongchang_yearly_plan_is_a_dated_reminder_in_early_december() {
    let rule = "meetings.large_event.yearly_plan_month";
    for id in PROFILES {
        let mut s = store();
        for day in ["2025-11-30", "2025-12-11", "2026-03-02"] {
            none(&mut s, &env_on(id, date(day), "chen"), rule);
        }
        let env = env_on(id, date("2025-12-03"), "chen");
        if id == "dongchang" {
            let f = one(&mut s, &env, rule, Severity::Notice, Some("二十六"));
            assert_eq!(f.since, date("2025-12-01"));
            assert!(f.message_zh.contains("2026 年"), "{}", f.message_zh);
            assert!(f.message_zh.contains("2025-12-10"), "{}", f.message_zh);
        } else {
            none(&mut s, &env, rule);
        }
    }
}

#[test]
fn kongtong_reports_after_each_executive_meeting_until_recorded() {
    let rule = "meetings.executive.report_after";
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        meeting(&s, &env, 1, MeetingKind::Executive, "2025-03-03", "已召开");
        // Not yet held, and cancelled: nothing owed.
        meeting(&s, &env, 2, MeetingKind::Executive, "2025-03-20", "待召开");
        meeting(&s, &env, 3, MeetingKind::Executive, "2025-02-20", "已取消");
        // Another kind owes no report.
        meeting(&s, &env, 4, MeetingKind::Topical, "2025-03-03", "已召开");
        let report = |s: &mut Store, env: &dutydesk::domain::Env, m: i64| {
            command::perform(
                s,
                env,
                &Command::MeetingReported {
                    meeting: Ref::Id(m),
                },
            )
        };
        if id != "kongtong" {
            none(&mut s, &env, rule);
            let (zh, _) = refused(report(&mut s, &env, 1));
            assert!(zh.contains("未要求"), "{zh}");
            continue;
        }
        let f = one(&mut s, &env, rule, Severity::Notice, Some("四十二"));
        assert_eq!(f.item.ext_id, "M1");
        assert!(f.message_zh.contains("区政协"), "{}", f.message_zh);
        refused(report(&mut s, &env, 2)); // not held yet
        refused(report(&mut s, &env, 4)); // a topical meeting owes none
        refused(report(&mut s, &env_on(id, today(), "wang"), 1)); // the office's act
        report(&mut s, &env, 1).unwrap();
        none(&mut s, &env, rule);
        refused(report(&mut s, &env, 1)); // once
    }
}
