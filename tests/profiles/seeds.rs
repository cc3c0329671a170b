//! Each profile's numbers and articles, checked against its seed text.

use super::{flag, load, meeting, period, roles};
use dutydesk::domain::Role;
use dutydesk::profile::{CadenceUnit, Span};

#[test]
fn xinzhou_matches_its_seed() {
    let p = load("xinzhou");
    let d = &p.documents;
    period(d.countersign_reply.as_ref(), Span::Workdays(5), "二十八");
    flag(d.countersign_silence_is_consent.as_ref(), "二十八");
    flag(d.one_matter_per_request.as_ref(), "二十五");
    flag(d.no_request_in_report.as_ref(), "二十五");
    flag(d.routing_by_division.as_ref(), "二十九");
    flag(d.major_to_mayor.as_ref(), "二十九");
    roles(
        p.people.mayor_standin.as_ref(),
        &[Role::ExecutiveDeputy, Role::DeputyMayor],
        &[],
        "九",
    );
    flag(p.people.holiday_duty_leader.as_ref(), "四十二");

    let plenary = meeting(&p, "plenary");
    assert_eq!(plenary.article.as_deref(), Some("十六"));
    let c = plenary.cadence.as_ref().expect("plenary cadence");
    assert_eq!(
        (c.times, c.unit, c.article.as_str()),
        (Some(1), Some(CadenceUnit::Year), "十七")
    );
    period(plenary.materials_lead.as_ref(), Span::Days(1), "十九");
    period(plenary.documents_within.as_ref(), Span::Workdays(5), "二十");

    let exec = meeting(&p, "executive");
    let c = exec.cadence.as_ref().expect("executive cadence");
    assert_eq!(
        (c.times, c.times_max, c.every, c.unit),
        (Some(1), Some(2), Some(1), Some(CadenceUnit::Month))
    );
    assert_eq!(c.article, "十八");
    roles(
        exec.chair.as_ref(),
        &[Role::Mayor],
        &[Role::ExecutiveDeputy],
        "十八",
    );
    roles(exec.minutes_signer.as_ref(), &[Role::Mayor], &[], "二十");
    roles(
        exec.leave_to.as_ref(),
        &[Role::Mayor],
        &[Role::ExecutiveDeputy],
        "二十三",
    );
    flag(
        meeting(&p, "topical").needs_mayor_consent.as_ref(),
        "二十二",
    );
    let study = meeting(&p, "study")
        .cadence
        .as_ref()
        .expect("study cadence");
    assert_eq!(
        (study.every, study.unit, study.article.as_str()),
        (Some(2), Some(CadenceUnit::Month), "四十五")
    );
    period(
        meeting(&p, "large_event").request_lead.as_ref(),
        Span::Workdays(10),
        "二十四",
    );

    let inv = &p.investment;
    assert_eq!(inv.tiers.len(), 4);
    assert!(inv.tiers.iter().all(|t| t.article == "三十二"));
    let tier = |wan: f64| inv.tiers.iter().position(|t| t.contains(wan));
    assert_eq!(tier(200.0), Some(0));
    assert_eq!(tier(200.5), Some(1));
    assert_eq!(tier(2000.0), Some(1));
    assert_eq!(tier(4999.0), Some(2));
    assert_eq!(tier(5000.0), Some(3));
    assert_eq!(inv.tier_for(1e6).map(|t| t.steps.len()), Some(5));
    period(inv.fund_consultation.as_ref(), Span::Workdays(5), "三十三");
}

#[test]
fn huancui_matches_its_seed() {
    let p = load("huancui");
    assert_eq!(p.executive_title(), "第一副区长");
    roles(
        p.people.mayor_standin.as_ref(),
        &[Role::ExecutiveDeputy],
        &[],
        "5",
    );
    flag(p.people.ab_partner_standin.as_ref(), "7");
    flag(p.people.ab_not_away_together.as_ref(), "75");
    let away = p
        .people
        .max_leaders_away
        .as_ref()
        .expect("max_leaders_away");
    assert_eq!((away.value, away.article.as_str()), (3, "75"));
    flag(p.people.reachable_24h.as_ref(), "78");

    let exec = meeting(&p, "executive");
    let q = exec.quorum.as_ref().expect("quorum");
    assert_eq!(
        (
            q.more_than_numerator,
            q.more_than_denominator,
            q.article.as_str()
        ),
        (1, 2, "43")
    );
    let c = exec.cadence.as_ref().expect("cadence");
    assert_eq!(
        (c.times, c.every, c.unit, c.article.as_str()),
        (Some(1), Some(2), Some(CadenceUnit::Week), "43")
    );
    roles(
        exec.chair.as_ref(),
        &[Role::Mayor],
        &[Role::ExecutiveDeputy],
        "43",
    );
    for kind in ["executive", "mayor_office"] {
        period(
            meeting(&p, kind).materials_lead.as_ref(),
            Span::Workdays(5),
            "50",
        );
    }
    for kind in ["plenary", "executive", "mayor_office", "topical"] {
        flag(meeting(&p, kind).decisions_tracked.as_ref(), "54");
    }
    roles(
        meeting(&p, "topical").chair.as_ref(),
        &[Role::Mayor, Role::DeputyMayor],
        &[Role::OfficeDirector],
        "45",
    );
    period(
        meeting(&p, "large_event").preparation.as_ref(),
        Span::Days(15),
        "46",
    );
    flag(p.supervision.recheck.as_ref(), "70");
    assert!(
        p.meetings
            .get("plenary")
            .and_then(|m| m.cadence.as_ref())
            .is_none()
    );
}

#[test]
fn kongtong_matches_its_seed() {
    let p = load("kongtong");
    roles(
        p.people.mayor_standin.as_ref(),
        &[Role::ExecutiveDeputy],
        &[],
        "九",
    );
    // 九 defers a deputy's work to a separate 代管办法 and names no A/B partners: off.
    let ab = p.people.ab_partner_standin.as_ref().unwrap();
    assert!(!ab.value, "{ab:?}");
    assert_eq!(ab.article, "九");
    let d = &p.documents;
    period(d.same_day_clearance.as_ref(), Span::Workdays(1), "五十四");
    period(d.print_after_sign.as_ref(), Span::Workdays(2), "五十三");
    period(d.publish_after_print.as_ref(), Span::Workdays(1), "五十三");
    assert_eq!(p.meetings.len(), 5);
    for kind in [
        "plenary",
        "party_group",
        "executive",
        "mayor_office",
        "topical",
    ] {
        let m = meeting(&p, kind);
        // 四十七 times the draft ("2个工作日内完成起草"), not the chair's signature.
        assert!(
            m.minutes_within.is_none(),
            "{kind}: 四十七 sets no limit for the issue"
        );
        period(
            m.minutes_drafted_within.as_ref(),
            Span::Workdays(2),
            "四十七",
        );
        flag(m.decisions_tracked.as_ref(), "四十七");
    }
    let exec = meeting(&p, "executive");
    // 四十二: after each 常务会议, report to the 区委 and 区人大常委会, inform the 区政协.
    flag(exec.report_after.as_ref(), "四十二");
    period(exec.documents_within.as_ref(), Span::Workdays(5), "五十三");
    period(
        exec.documents_within_major_revision.as_ref(),
        Span::Workdays(7),
        "五十三",
    );
    let c = exec.cadence.as_ref().expect("cadence");
    assert_eq!(
        (c.times, c.unit, c.article.as_str()),
        (Some(1), Some(CadenceUnit::Month), "四十二")
    );
    roles(
        meeting(&p, "topical").minutes_signer.as_ref(),
        &[Role::Mayor],
        &[],
        "四十七",
    );
}

#[test]
fn dongchang_matches_its_seed() {
    let p = load("dongchang");
    let d = &p.documents;
    let l = &d.approval_limits;
    period(l.normal.as_ref(), Span::Workdays(14), "二十八");
    period(l.urgent.as_ref(), Span::Workdays(7), "二十八");
    period(l.very_urgent.as_ref(), Span::Workdays(5), "二十八");
    period(l.critical.as_ref(), Span::Workdays(3), "二十八");
    period(d.critical_leader_sign.as_ref(), Span::Workdays(1), "二十八");
    period(
        d.submission_lead_normal.as_ref(),
        Span::Workdays(14),
        "二十八",
    );
    period(
        d.submission_lead_urgent.as_ref(),
        Span::Workdays(7),
        "二十八",
    );
    flag(d.submission_urgent_reason.as_ref(), "二十八");
    // 二十六: the yearly plan of district-wide meetings, filed in early December.
    let le = meeting(&p, "large_event");
    assert_eq!(le.yearly_plan_month.as_ref().map(|c| c.value), Some(12));
    period(d.countersign_reply.as_ref(), Span::Workdays(7), "二十七");
    flag(d.countersign_silence_is_consent.as_ref(), "二十七");
    flag(d.one_matter_per_request.as_ref(), "二十七");
    flag(d.no_request_in_report.as_ref(), "二十七");
    flag(d.multi_leader_to_mayor.as_ref(), "二十八");
    roles(
        p.people.mayor_standin.as_ref(),
        &[Role::ExecutiveDeputy],
        &[],
        "五",
    );
    flag(p.people.ab_partner_standin.as_ref(), "五");
    for kind in ["plenary", "executive"] {
        period(
            meeting(&p, kind).documents_within.as_ref(),
            Span::Workdays(7),
            "二十二",
        );
    }
    let c = meeting(&p, "plenary").cadence.as_ref().expect("cadence");
    assert_eq!(
        (c.every, c.unit, c.article.as_str()),
        (Some(6), Some(CadenceUnit::Month), "二十")
    );
    flag(meeting(&p, "executive").topics_frozen.as_ref(), "二十二");
    assert!(!p.meetings.contains_key("mayor_office"));
}

#[test]
fn huarong_matches_its_seed() {
    let p = load("huarong");
    period(
        p.documents.countersign_reply.as_ref(),
        Span::Workdays(7),
        "五十四",
    );
    flag(
        p.documents.countersign_silence_is_consent.as_ref(),
        "五十四",
    );
    roles(
        p.people.mayor_standin.as_ref(),
        &[Role::ExecutiveDeputy, Role::DeputyMayor],
        &[],
        "六",
    );
    flag(p.people.ab_partner_standin.as_ref(), "八");
    period(
        p.people.dept_head_leave_notice.as_ref(),
        Span::Days(3),
        "七十",
    );
    for kind in ["plenary", "executive", "mayor_office", "topical"] {
        let m = meeting(&p, kind);
        // 四十九 also gives the minutes 5 working days ("或制发的纪要").
        period(m.minutes_within.as_ref(), Span::Workdays(5), "四十九");
        period(m.documents_within.as_ref(), Span::Workdays(5), "四十九");
        flag(m.decisions_tracked.as_ref(), "五十");
    }
    let exec = meeting(&p, "executive");
    roles(exec.leave_to.as_ref(), &[Role::Mayor], &[], "四十八");
    flag(exec.dept_head_leave_in_writing.as_ref(), "四十八");
    let c = exec.cadence.as_ref().expect("cadence");
    assert_eq!(
        (c.every, c.unit, c.article.as_str()),
        (Some(2), Some(CadenceUnit::Week), "四十三")
    );
    flag(p.supervision.close_by_office.as_ref(), "六十四");
    flag(p.supervision.notice_on_urge.as_ref(), "六十四");
    let years = p
        .documents
        .normative_validity_years
        .as_ref()
        .expect("validity");
    assert_eq!((years.value, years.article.as_str()), (5, "二十一"));
}
