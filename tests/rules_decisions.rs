//! A meeting's decisions become supervision items with source 会议决定, linked to the
//! meeting, with a lead department, co-departments and a deadline (环翠 54, 崆峒 四十七,
//! 华容 五十: the office tracks them), recorded by the office for held meetings only.

mod rules_fixture;

use dutydesk::domain::{MeetingKind, SupSource, SupState};
use dutydesk::store::audit;
use rules_fixture::writes::record_decision;
use rules_fixture::*;

#[test]
fn a_decision_becomes_a_linked_supervision_item() {
    for id in PROFILES {
        let mut s = store();
        let env = env(id);
        meeting(&s, &env, 1, MeetingKind::Executive, "2025-03-03", "已召开");
        let done =
            record_decision(&mut s, &env, 1, "推进项目开工", 1, &[2, 3, 1, 2], None).unwrap();
        assert_eq!(done.entity, "supervision");
        let row: (String, SupSource, i64, String, String, Option<String>, Option<i64>, SupState) = s
            .conn()
            .query_row(
                "SELECT ext_id, source, lead_dept, assigned, deadline, deadline_rule, meeting_id, state
                 FROM supervision WHERE id = ?1",
                [done.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)),
            )
            .unwrap();
        // The default limit for an item without a given deadline: 20 wd from today (清明 04-04
        // is a holiday).
        assert_eq!(
            row,
            (
                "M1-J1".into(),
                SupSource::MeetingDecision,
                1,
                "2025-03-10".into(),
                "2025-04-08".into(),
                Some("default.supervision_limit".into()),
                Some(1),
                SupState::Open
            )
        );
        let co: Vec<i64> = s
            .conn()
            .prepare(
                "SELECT dept_id FROM supervision_co WHERE supervision_id = ?1 ORDER BY dept_id",
            )
            .unwrap()
            .query_map([done.id], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(co, [2, 3]);
        // The rule that has the office track decisions is cited where the text has one.
        let cited = match id {
            "huancui" => Some("54"),
            "kongtong" => Some("四十七"),
            "huarong" => Some("五十"),
            _ => None,
        };
        match cited {
            Some(a) => assert!(
                done.summary_zh.contains(&format!("第{a}条")),
                "{}",
                done.summary_zh
            ),
            None => assert!(!done.summary_zh.contains("条）"), "{}", done.summary_zh),
        }
        // Both the item and the meeting keep the entry.
        assert_eq!(
            audit::history(s.conn(), "supervision", done.id)
                .unwrap()
                .len(),
            1
        );
        assert_eq!(audit::history(s.conn(), "meeting", 1).unwrap().len(), 1);
        // A given deadline is kept as given; the next decision gets the next number.
        let d2 = record_decision(
            &mut s,
            &env,
            1,
            "完善配套",
            2,
            &[],
            Some(date("2025-04-30")),
        )
        .unwrap();
        let (ext, dl, rule): (String, String, String) = s
            .conn()
            .query_row(
                "SELECT ext_id, deadline, deadline_rule FROM supervision WHERE id = ?1",
                [d2.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            (ext.as_str(), dl.as_str(), rule.as_str()),
            ("M1-J2", "2025-04-30", "given")
        );
    }
}

#[test]
fn decisions_are_recorded_by_the_office_for_a_held_meeting_only() {
    let mut s = store();
    let env = env("huancui");
    meeting(&s, &env, 1, MeetingKind::Executive, "2025-03-03", "已召开");
    meeting(&s, &env, 2, MeetingKind::Executive, "2025-03-20", "待召开");
    let (zh, _) = refused(record_decision(
        &mut s,
        &env_on("huancui", today(), "wang"),
        1,
        "x",
        1,
        &[],
        None,
    ));
    assert!(zh.contains("办公室"), "{zh}");
    refused(record_decision(&mut s, &env, 2, "x", 1, &[], None));
    refused(record_decision(&mut s, &env, 1, "  ", 1, &[], None));
    refused(record_decision(
        &mut s,
        &env,
        1,
        "x",
        1,
        &[],
        Some(date("2025-03-01")),
    ));
    assert!(matches!(
        record_decision(&mut s, &env, 1, "x", 99, &[], None),
        Err(dutydesk::Error::NoSuch { .. })
    ));
    let n: i64 = s
        .conn()
        .query_row("SELECT COUNT(*) FROM supervision", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}
