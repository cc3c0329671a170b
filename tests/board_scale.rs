//! The pane queries on a large history: 200 000 settled documents and supervision items
//! and 300 open ones. The panes read only open items (partial indexes), so they stay fast
//! whatever the history's size.

mod board_fixture;

use board_fixture as fx;
use dutydesk::store::queries::{self, Filter};
use std::time::Instant;

#[test]
fn pane_queries_ignore_the_settled_history() {
    let s = fx::store();
    let c = s.conn();
    c.execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
         INSERT INTO documents(ext_id, title, kind, urgency, from_dept, received, leader_id, state, due, updated_at)
         SELECT 'old-' || i, '历史公文' || i, '请示', '一般', 1 + i % 8, date('2016-01-01', '+' || (i % 3600) || ' days'),
                1 + i % 4, '已签批', date('2016-01-20', '+' || (i % 3600) || ' days'), '2016-01-01 00:00:00' FROM n;
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
         INSERT INTO documents(ext_id, title, kind, urgency, from_dept, received, leader_id, state, due, updated_at)
         SELECT 'open-' || i, '待批公文' || i, '请示', '一般', 1 + i % 8, '2026-11-01', 1 + i % 4, '待批',
                date('2026-11-10', '+' || (i % 40) || ' days'), '2026-11-01 00:00:00' FROM n;
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
         INSERT INTO supervision(ext_id, title, source, lead_dept, assigned, deadline, state, updated_at)
         SELECT 'old-s-' || i, '历史督办' || i, '会议决定', 1 + i % 8, '2016-01-01',
                date('2016-02-01', '+' || (i % 3600) || ' days'), '已销号', '2016-01-01 00:00:00' FROM n;
         ANALYZE;",
    )
    .unwrap();
    let env = fx::env();
    let t = Instant::now();
    for _ in 0..10 {
        let p = queries::approvals(c, &env, &Filter::default()).unwrap();
        assert_eq!(p.total, 305);
        let p = queries::approvals(
            c,
            &env,
            &Filter {
                text: Some("公文1".into()),
                ..Filter::default()
            },
        )
        .unwrap();
        assert!(p.total > 0);
        queries::supervision(c, &env, &Filter::default()).unwrap();
        queries::meetings(c, &env, &Filter::default()).unwrap();
        queries::header(c, &env).unwrap();
    }
    let per = t.elapsed() / 10;
    eprintln!("one snapshot with 400 000 settled items: {per:?}");
    assert!(per.as_millis() < 100, "a snapshot took {per:?}");
}
