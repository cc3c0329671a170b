//! The pane queries on the fixture district.

mod board_fixture;

use board_fixture as fx;
use dutydesk::store::queries::{self, Filter, Item, Owed, SortKey};

#[test]
fn approvals_overdue_first_with_countersigns_and_counts() {
    let s = fx::store();
    let env = fx::env();
    let p = queries::approvals(s.conn(), &env, &Filter::default()).unwrap();
    let ids: Vec<&str> = p.rows.iter().map(|r| r.ext_id.as_str()).collect();
    assert_eq!(ids, ["doc-101", "doc-102", "doc-104", "doc-103", "doc-105"]);
    assert_eq!((p.total, p.overdue, p.due_soon), (5, 1, 3));
    let d = &p.rows[0];
    assert!(d.due.overdue);
    assert_eq!(d.due.workdays_left, -2);
    assert_eq!(
        d.due.cite(dutydesk::i18n::Lang::Zh),
        "documents.approval_limits.urgent (第二十八条)"
    );
    // One answered, one silent past its limit: deemed no objection (silence rule).
    assert_eq!(
        (
            d.countersign.answered,
            d.countersign.total,
            d.countersign.deemed
        ),
        (2, 2, 1)
    );
    assert_eq!(d.leader.as_ref().unwrap().login, "zhaomin");
    assert_eq!(d.from_dept.as_deref(), Some("区教育局"));
}

#[test]
fn approvals_filter_by_chinese_text_leader_and_escapes_wildcards() {
    let s = fx::store();
    let env = fx::env();
    let f = |t: &str| Filter {
        text: Some(t.into()),
        ..Filter::default()
    };
    let p = queries::approvals(s.conn(), &env, &f("预算")).unwrap();
    assert_eq!(p.total, 2);
    let p = queries::approvals(s.conn(), &env, &f("张华")).unwrap();
    assert_eq!(p.rows.iter().map(|r| r.id).collect::<Vec<_>>(), [2, 5]);
    let p = queries::approvals(s.conn(), &env, &f("东财函")).unwrap();
    assert_eq!(p.total, 1);
    assert_eq!(
        queries::approvals(s.conn(), &env, &f("%")).unwrap().total,
        0
    );
    assert_eq!(
        queries::approvals(s.conn(), &env, &f("_")).unwrap().total,
        0
    );
}

#[test]
fn approvals_due_within_overdue_only_limit_and_sort() {
    let s = fx::store();
    let env = fx::env();
    let p = queries::approvals(
        s.conn(),
        &env,
        &Filter {
            overdue_only: true,
            ..Filter::default()
        },
    )
    .unwrap();
    assert_eq!(p.total, 1);
    let p = queries::approvals(
        s.conn(),
        &env,
        &Filter {
            due_within: Some(2),
            ..Filter::default()
        },
    )
    .unwrap();
    assert_eq!(
        p.rows.iter().map(|r| r.ext_id.as_str()).collect::<Vec<_>>(),
        ["doc-101", "doc-102"]
    );
    let p = queries::approvals(
        s.conn(),
        &env,
        &Filter {
            limit: 2,
            ..Filter::default()
        },
    )
    .unwrap();
    assert_eq!((p.rows.len(), p.total), (2, 5));
    let p = queries::approvals(
        s.conn(),
        &env,
        &Filter {
            sort: SortKey::Newest,
            ..Filter::default()
        },
    )
    .unwrap();
    assert_eq!(p.rows[0].ext_id, "doc-104");
    let after = Filter {
        after: Some(("2026-11-25".into(), 2)),
        ..Filter::default()
    };
    let p = queries::approvals(s.conn(), &env, &after).unwrap();
    assert_eq!(p.rows[0].ext_id, "doc-104");
}

#[test]
fn supervision_overdue_and_due_soon_then_widened() {
    let s = fx::store();
    let env = fx::env();
    let p = queries::supervision(s.conn(), &env, &Filter::default()).unwrap();
    let ids: Vec<&str> = p.rows.iter().map(|r| r.ext_id.as_str()).collect();
    assert_eq!(ids, ["sup-01", "sup-02", "sup-03"]);
    assert_eq!((p.total, p.overdue, p.due_soon), (3, 2, 1));
    let r = &p.rows[0];
    assert_eq!(
        (r.co_depts, r.extensions, r.lead_dept.as_str()),
        (2, 1, "区住建局")
    );
    assert_eq!(r.last_progress.as_deref(), Some("已完成60%"));
    let all = queries::supervision(
        s.conn(),
        &env,
        &Filter {
            all_open: true,
            ..Filter::default()
        },
    )
    .unwrap();
    assert_eq!(all.total, 4);
}

#[test]
fn meetings_upcoming_and_owing_with_what_they_owe() {
    let s = fx::store();
    let env = fx::env();
    let p = queries::meetings(s.conn(), &env, &Filter::default()).unwrap();
    let ids: Vec<&str> = p.rows.iter().map(|r| r.ext_id.as_str()).collect();
    assert_eq!(ids, ["m-23", "m-24", "m-25"]);
    let past = &p.rows[0];
    assert!(past.overdue);
    assert!(
        past.owed
            .iter()
            .any(|o| matches!(o, Owed::Minutes { due } if due.overdue))
    );
    assert!(
        past.owed
            .iter()
            .any(|o| matches!(o, Owed::Documents { .. }))
    );
    let next = &p.rows[1];
    assert!(
        next.owed
            .iter()
            .any(|o| matches!(o, Owed::MaterialsLate { topics: 1, .. }))
    );
    assert!(next.owed.iter().any(|o| matches!(
        o,
        Owed::QuorumAtRisk {
            members: 4,
            leave: 2
        }
    )));
    assert!(
        next.owed
            .iter()
            .any(|o| matches!(o, Owed::Leave { count: 2 }))
    );
    assert_eq!(p.overdue, 2);
    let late = queries::meetings(
        s.conn(),
        &env,
        &Filter {
            overdue_only: true,
            ..Filter::default()
        },
    )
    .unwrap();
    assert_eq!(late.total, 2);
    let f = Filter {
        text: Some("安全".into()),
        ..Filter::default()
    };
    assert_eq!(queries::meetings(s.conn(), &env, &f).unwrap().total, 1);
}

#[test]
fn detail_has_fields_rules_children_and_history() {
    let s = fx::store();
    let env = fx::env();
    let d = queries::detail(s.conn(), &env, Item::Document(1)).unwrap();
    let due = d.fields.iter().find(|f| f.label_en == "Due").unwrap();
    assert_eq!(due.due.as_ref().unwrap().article.as_deref(), Some("二十八"));
    assert_eq!(d.sections[0].lines.len(), 2);
    assert_eq!(d.history.len(), 2);
    let d = queries::detail(s.conn(), &env, Item::Supervision(1)).unwrap();
    assert_eq!(d.sections[0].lines.len(), 1);
    assert_eq!(d.sections[1].lines.len(), 2);
    let d = queries::detail(s.conn(), &env, Item::Meeting(1)).unwrap();
    assert_eq!(d.topics.len(), 2);
    assert!(matches!(
        queries::detail(s.conn(), &env, Item::Meeting(99)),
        Err(dutydesk::Error::NotFound(_))
    ));
}

#[test]
fn header_knows_the_day_duty_and_who_is_away() {
    let s = fx::store();
    let h = queries::header(s.conn(), &fx::env()).unwrap();
    assert_eq!(h.today, fx::today());
    assert_eq!(h.me.as_ref().unwrap().0, "刘洋");
    assert_eq!(h.duty_officer.as_ref().unwrap().login, "liuyang");
    assert_eq!(h.duty_leader.as_ref().unwrap().login, "liming");
    assert_eq!(
        h.away
            .iter()
            .map(|a| a.person.login.as_str())
            .collect::<Vec<_>>(),
        ["zhaomin"]
    );
}

#[test]
fn pane_queries_walk_the_partial_indexes() {
    let s = fx::store();
    let plan = |sql: &str| -> String {
        let mut st = s
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows = st.query_map([], |r| r.get::<_, String>(3)).unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("\n")
    };
    let p =
        plan("SELECT id FROM documents d WHERE d.state = '待批' ORDER BY d.due, d.id LIMIT 500");
    assert!(p.contains("documents_pending_by_due"), "{p}");
    let p = plan(
        "SELECT id FROM supervision s WHERE s.state = '办理中' AND s.deadline < '2026-12-01' ORDER BY s.deadline, s.id",
    );
    assert!(p.contains("supervision_open_by_deadline"), "{p}");
    let p = plan(
        "SELECT id FROM meetings WHERE minutes_issued_on IS NULL AND state <> '已取消' AND minutes_due < '2026-12-01'",
    );
    assert!(p.contains("meetings_owing_minutes"), "{p}");
}
