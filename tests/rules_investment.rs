//! Investment projects and fund requests (信州 三十二, 三十三): the route by amount with
//! the text's inclusive and exclusive bounds, the steps done and the next one owed, and
//! the 5-working-day consultation reply. The other four districts have no such rules.

mod rules_fixture;

use dutydesk::domain::compliance::Severity;
use dutydesk::domain::compliance::investment::{fund_deadline, progress, route_for};
use dutydesk::profile::Profile;
use dutydesk::store::audit;
use rules_fixture::writes::{project_id, step_done};
use rules_fixture::*;
use rusqlite::params;

#[test]
fn the_route_follows_the_amounts_tier_with_the_texts_bounds() {
    let p = Profile::builtin("xinzhou").unwrap();
    let cases = [
        (0.0, 0),
        (200.0, 0),
        (200.01, 1),
        (2000.0, 1),
        (2000.5, 2),
        (4999.99, 2),
        (5000.0, 3),
        (80000.0, 3),
    ];
    for (amount, tier) in cases {
        let r = route_for(&p, amount).unwrap();
        assert_eq!(r.index, tier, "{amount}");
        assert_eq!(r.rule().article.as_deref(), Some("三十二"));
    }
    let labels: Vec<String> = [100.0, 1000.0, 3000.0, 6000.0]
        .iter()
        .map(|&a| route_for(&p, a).unwrap().label_zh)
        .collect();
    assert_eq!(
        labels,
        [
            "≤ 200 万元",
            "> 200 且 ≤ 2000 万元",
            "> 2000 且 < 5000 万元",
            "≥ 5000 万元"
        ]
    );
    // Only the ≥ 5000 route goes to the 区委常委会.
    assert!(
        route_for(&p, 6000.0)
            .unwrap()
            .tier
            .steps
            .iter()
            .any(|s| s.contains("区委常委会"))
    );
    assert!(
        !route_for(&p, 4000.0)
            .unwrap()
            .tier
            .steps
            .iter()
            .any(|s| s.contains("区委常委会"))
    );
    for id in ["huancui", "kongtong", "dongchang", "huarong"] {
        assert!(
            route_for(&Profile::builtin(id).unwrap(), 300.0).is_none(),
            "{id}"
        );
    }
}

#[test]
fn progress_names_the_steps_done_the_next_one_and_any_skipped() {
    let p = Profile::builtin("xinzhou").unwrap();
    let tier = route_for(&p, 6000.0).unwrap().tier;
    let g = progress(tier, &[]);
    assert_eq!((g.next, g.skipped.len()), (Some(0), 0));
    let g = progress(tier, &[1, 0, 0, 9]);
    assert_eq!((g.done, g.next, g.skipped), (vec![0, 1], Some(2), vec![]));
    let g = progress(tier, &[0, 3]);
    assert_eq!((g.next, g.skipped), (Some(1), vec![1, 2]));
    let g = progress(tier, &[0, 1, 2, 3, 4]);
    assert_eq!(g.next, None);
}

fn project(s: &Store, amount: f64, steps: &str) {
    exec(
        s,
        "INSERT INTO investment_projects(id, ext_id, title, dept_id, amount_wan, received, steps_done, updated_at)
         VALUES (1, 'P1', '城区道路改造', 1, ?1, '2025-03-01', ?2, '2025-03-01 09:00:00')",
        params![amount, steps],
    );
}

#[test]
fn steps_are_recorded_by_the_office_in_xinzhou_and_skips_are_flagged() {
    let mut s = store();
    let env = env("xinzhou");
    project(&s, 3000.0, "[]");
    let id = project_id(&s, "P1");
    let (zh, _) = refused(step_done(
        &mut s,
        &env_on("xinzhou", today(), "wang"),
        id,
        0,
    ));
    assert!(zh.contains("办公室"), "{zh}");
    let done = step_done(&mut s, &env, id, 0).unwrap();
    assert!(
        done.summary_zh
            .contains("下一步：第 2 步“区政府常务会审议”"),
        "{}",
        done.summary_zh
    );
    assert!(
        done.summary_zh.contains("第三十二条"),
        "{}",
        done.summary_zh
    );
    refused(step_done(&mut s, &env, id, 0)); // already done
    refused(step_done(&mut s, &env, id, 4)); // this route has 4 steps
    none(&mut s, &env, "investment.tiers");
    step_done(&mut s, &env, id, 2).unwrap(); // the 常务会 step skipped
    let f = one(
        &mut s,
        &env,
        "investment.tiers",
        Severity::Warning,
        Some("三十二"),
    );
    assert!(f.message_zh.contains("第 2 步"), "{}", f.message_zh);
    let steps: String = s
        .conn()
        .query_row("SELECT steps_done FROM investment_projects", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(steps, "[0,2]");
    assert_eq!(audit::history(s.conn(), "investment", id).unwrap().len(), 2);
}

#[test]
fn other_districts_set_no_route_and_flag_nothing() {
    for id in ["huancui", "kongtong", "dongchang", "huarong"] {
        let mut s = store();
        let env = env(id);
        project(&s, 3000.0, "[2]");
        refused(step_done(&mut s, &env, 1, 0));
        none(&mut s, &env, "investment.tiers");
    }
}

#[test]
fn a_malformed_steps_list_is_an_error_naming_the_project_and_field() {
    let mut s = store();
    project(&s, 100.0, "[0, \"x\"]");
    let e = s
        .read(|tx| dutydesk::store::compliance::check(tx, &env("xinzhou")))
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("investment project 1, field steps_done"),
        "{e}"
    );
}

#[test]
fn fund_consultation_replies_are_due_in_five_workdays_in_xinzhou_only() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        // Papers complete Monday 03-03: reply due 03-10 (五 working days, 三十三).
        let d = fund_deadline(&env, date("2025-03-03"));
        if id != "xinzhou" {
            assert!(d.is_none(), "{id}");
            continue;
        }
        let d = d.unwrap();
        assert_eq!(
            (d.due, d.rule.as_str(), d.article.as_deref()),
            (
                date("2025-03-10"),
                "investment.fund_consultation",
                Some("三十三")
            )
        );
        let late = fund_deadline(&env, date("2025-02-27")).unwrap();
        exec(
            &s,
            "INSERT INTO fund_requests(ext_id, title, dept_id, amount_wan, papers_complete_on, consult_due, consult_due_rule, consult_due_article, updated_at)
             VALUES ('F1', '专项资金申请', 2, 50, '2025-02-27', ?1, ?2, ?3, '2025-02-27 09:00:00'),
                    ('F2', '另一申请', 2, 50, '2025-03-03', ?4, ?2, ?3, '2025-03-03 09:00:00')",
            params![late.due.to_string(), late.rule, late.article, d.due.to_string()],
        );
        let f = one(
            &mut s,
            &env,
            "investment.fund_consultation",
            Severity::Violation,
            Some("三十三"),
        );
        assert_eq!(
            (f.item.entity.as_str(), f.item.ext_id.as_str()),
            ("fund", "F1")
        );
        exec(
            &s,
            "UPDATE fund_requests SET answered_on = '2025-03-07' WHERE ext_id = 'F1'",
            [],
        );
        none(&mut s, &env, "investment.fund_consultation");
    }
}

#[test]
fn fund_deadlines_follow_a_profile_change() {
    use dutydesk::command::recompute;
    let mut s = store();
    exec(
        &s,
        "INSERT INTO fund_requests(ext_id, title, papers_complete_on, updated_at)
         VALUES ('F1', '申请', '2025-03-03', '2025-03-03 09:00:00')",
        [],
    );
    let due = |s: &Store| -> (Option<String>, Option<String>) {
        s.conn()
            .query_row(
                "SELECT consult_due, consult_due_article FROM fund_requests",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    s.write(|tx| recompute::open_items(tx, &env("xinzhou")))
        .unwrap();
    assert_eq!(due(&s), (Some("2025-03-10".into()), Some("三十三".into())));
    s.write(|tx| recompute::open_items(tx, &env("huancui")))
        .unwrap();
    assert_eq!(due(&s), (None, None));
}

fn import(s: &mut Store, env: &dutydesk::domain::Env, text: &str) -> dutydesk::Result<()> {
    rules_fixture::writes::import(s, env, text)
}

#[test]
fn projects_and_fund_requests_are_imported_with_their_deadlines() {
    let mut s = store();
    let env = env("xinzhou");
    import(
        &mut s,
        &env,
        r#"{"type":"investment","id":"P1","title":"城区道路改造","dept":"fgj","amount_wan":3000,"received":"2025-03-01","steps_done":[1,3]}
{"type":"fund","id":"F1","title":"专项资金申请","dept":"czj","amount_wan":50,"papers_complete_on":"2025-02-27"}
"#,
    )
    .unwrap();
    let (steps, due, article): (String, String, String) = s
        .conn()
        .query_row(
            "SELECT i.steps_done, f.consult_due, f.consult_due_article
             FROM investment_projects i, fund_requests f",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (steps.as_str(), due.as_str(), article.as_str()),
        ("[0,2]", "2025-03-06", "三十三")
    );
    one(
        &mut s,
        &env,
        "investment.tiers",
        Severity::Warning,
        Some("三十二"),
    );
    one(
        &mut s,
        &env,
        "investment.fund_consultation",
        Severity::Violation,
        Some("三十三"),
    );
    // Re-importing without the steps keeps them; an answer ends the finding.
    import(
        &mut s,
        &env,
        r#"{"type":"investment","id":"P1","title":"城区道路改造","amount_wan":3000,"received":"2025-03-01"}
{"type":"fund","id":"F1","title":"专项资金申请","answered_on":"2025-03-07"}
"#,
    )
    .unwrap();
    one(
        &mut s,
        &env,
        "investment.tiers",
        Severity::Warning,
        Some("三十二"),
    );
    none(&mut s, &env, "investment.fund_consultation");
    // A bad amount names its line and field, and nothing is written.
    let e = import(
        &mut s,
        &env,
        "{\"type\":\"investment\",\"id\":\"P2\",\"title\":\"x\",\"amount_wan\":-5,\"received\":\"2025-03-01\"}\n",
    )
    .unwrap_err();
    assert!(e.to_string().contains("amount_wan"), "{e}");
    let n: i64 = s
        .conn()
        .query_row("SELECT COUNT(*) FROM investment_projects", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}
