//! The board's cost follows the screen: size-independent checks of the pane reads on a
//! district with thousands of open items. The query plans walk indexes as ranges (no scan
//! of an item table, no sort of every open item), the rows read are bounded by the
//! screen and grow as the selection moves down, the per-day counters and the search rows
//! the triggers keep agree with a recount after any kind of write, and the search finds
//! exactly what a substring match finds. Timings live in `dutydesk bench`.

mod board_fixture;

use board_fixture as fx;
use dutydesk::i18n::Lang;
use dutydesk::store::queries::{self, Filter, SortKey};
use dutydesk::tui::action::{Action, PaneId};
use rusqlite::Connection;
use std::sync::Mutex;

/// 2,000 open documents and 2,000 open supervision items over the fixture, with mixed
/// urgencies, due dates on both sides of today and ten subjects in the titles.
fn load(c: &Connection) {
    c.execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
         INSERT INTO documents(ext_id, doc_no, title, kind, urgency, from_dept, received, leader_id,
                               state, due, updated_at)
         SELECT 'open-' || i, 'No.' || i,
                CASE i % 4 WHEN 0 THEN '审计整改报告' WHEN 1 THEN 'Budget 预算 ' WHEN 2 THEN '安全生产'
                           ELSE '50%_折扣' END || i,
                '请示', CASE i % 7 WHEN 0 THEN '特急重要' WHEN 1 THEN '特急' WHEN 2 THEN '加急' ELSE '一般' END,
                1 + i % 8, '2026-11-01', 1 + i % 4, '待批',
                date('2026-10-01', '+' || (i % 120) || ' days'), '2026-11-01 00:00:00' FROM n;
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
         INSERT INTO supervision(ext_id, title, source, lead_dept, assigned, deadline, state, updated_at)
         SELECT 'sup-' || i, CASE i % 3 WHEN 0 THEN '审计整改' WHEN 1 THEN '防汛' ELSE 'Flood 防汛' END || i,
                '会议决定', 1 + i % 8, '2026-10-01', date('2026-10-01', '+' || (i % 120) || ' days'),
                '办理中', '2026-10-01 00:00:00' FROM n;
         INSERT INTO countersigns(document_id, dept_id, requested, due)
         SELECT id, 1 + id % 8, '2026-11-02', '2026-11-09' FROM documents WHERE ext_id GLOB 'open-*';
         ANALYZE;",
    )
    .unwrap();
}

static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn trace(e: rusqlite::trace::TraceEvent<'_>) {
    if let rusqlite::trace::TraceEvent::Stmt(_, sql) = e {
        SEEN.lock().unwrap().push(sql.to_string());
    }
}

/// Every SELECT the pane reads run while `f` runs, with its query plan's lines.
fn plans(c: &mut Connection, f: impl FnOnce(&Connection)) -> Vec<(String, Vec<String>)> {
    SEEN.lock().unwrap().clear();
    c.trace_v2(
        rusqlite::trace::TraceEventCodes::SQLITE_TRACE_STMT,
        Some(trace),
    );
    f(c);
    c.trace_v2(rusqlite::trace::TraceEventCodes::empty(), None);
    let seen = std::mem::take(&mut *SEEN.lock().unwrap());
    seen.into_iter()
        .filter(|s| s.trim_start().starts_with("SELECT") || s.trim_start().starts_with("WITH"))
        .map(|sql| {
            // Parameters left unbound: the plan does not depend on their values.
            let mut stmt = c.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            let mut rows = stmt.raw_query();
            let mut lines = Vec::new();
            while let Some(r) = rows.next().unwrap() {
                lines.push(r.get::<_, String>(3).unwrap());
            }
            (sql, lines)
        })
        .collect()
}

/// A plan line that walks a whole table of items (a real table, not a search index).
/// An ordered walk of an index in a statement with a LIMIT stops after the rows the
/// pane shows, so it is not one.
fn scans_items(line: &str, sql: &str) -> bool {
    let Some(rest) = line.strip_prefix("SCAN ") else {
        return false;
    };
    if line.contains(" USING INDEX ") && sql.contains("LIMIT") {
        return false;
    }
    let table = rest.split_whitespace().next().unwrap_or("");
    !line.contains("VIRTUAL TABLE")
        && [
            "d",
            "s",
            "documents",
            "supervision",
            "countersigns",
            "c",
            "e",
        ]
        .contains(&table)
}

#[test]
fn pane_reads_are_index_ranges_never_scans_or_sorts_of_open_items() {
    let dir = tempfile::tempdir().unwrap();
    let (path, s) = fx::file_store(dir.path());
    load(s.conn());
    drop(s);
    let env = fx::env();
    let mut c = Connection::open(path).unwrap();
    let window = |sort| Filter {
        limit: 60,
        sort,
        ..Filter::default()
    };
    for sort in [SortKey::Priority, SortKey::Due, SortKey::Urgency] {
        let got = plans(&mut c, |c| {
            queries::approvals(c, &env, &window(sort)).unwrap();
            queries::supervision(c, &env, &window(sort)).unwrap();
            queries::supervision(
                c,
                &env,
                &Filter {
                    all_open: true,
                    ..window(sort)
                },
            )
            .unwrap();
        });
        assert!(got.len() >= 3, "{got:?}");
        for (sql, lines) in &got {
            for l in lines {
                assert!(!scans_items(l, sql), "{sort:?}: {l}\n{sql}");
                // The rows come off an index in order: no sort of every open item.
                if sql.contains("LIMIT") {
                    assert!(!l.contains("TEMP B-TREE"), "{sort:?}: {l}\n{sql}");
                }
            }
        }
    }
    // A filter: its matches are looked up by id, never by walking the items.
    for text in ["审", "审计", "审计整改", "budget", "50%_"] {
        let f = Filter {
            text: Some(text.into()),
            ..window(SortKey::Priority)
        };
        let got = plans(&mut c, |c| {
            queries::approvals(c, &env, &f).unwrap();
            queries::supervision(c, &env, &f).unwrap();
        });
        for (sql, lines) in &got {
            for l in lines {
                assert!(!scans_items(l, sql), "{text}: {l}\n{sql}");
            }
        }
    }
}

#[test]
fn the_rows_read_follow_the_screen_and_end_reaches_the_last_row() {
    let mut s = fx::store();
    load(s.conn());
    let mut app = fx::app_on(&mut s, Lang::Zh, 80, 24);
    let total = app.snap.approvals.total;
    assert!(total > 2000, "{total}");
    let read = app.snap.approvals.rows.len();
    let window = app.panes[0].window();
    assert!(
        read <= window && window < 100,
        "{read} rows read, window {window}"
    );
    // Paging down reads further, a window at a time.
    for _ in 0..30 {
        dutydesk::tui::step(&mut app, &mut s, Action::PageDown);
        let ui = &app.panes[0];
        let read = app.snap.approvals.rows.len();
        assert!(
            read <= ui.window() && app.selected_index(PaneId::Approvals).unwrap() < read,
            "{read} rows read, window {}",
            ui.window()
        );
    }
    assert!(app.selected_index(PaneId::Approvals).unwrap() > 100);
    // End: the last row of all, not of the rows read so far.
    dutydesk::tui::step(&mut app, &mut s, Action::Bottom);
    assert_eq!(app.selected_index(PaneId::Approvals), Some(total - 1));
    // Home: back to the top, and the next refresh reads a screen's worth again.
    dutydesk::tui::step(&mut app, &mut s, Action::Top);
    dutydesk::tui::step(&mut app, &mut s, Action::Refresh);
    assert!(app.snap.approvals.rows.len() < 100);
    assert_eq!(app.snap.approvals.total, total);
}

/// Open items per pane and day.
type Counts = Vec<(String, String, i64)>;

/// The counters as kept, and recomputed from the items.
fn recount(c: &Connection) -> (Counts, Counts) {
    let kept = c
        .prepare("SELECT pane, due, n FROM open_counts ORDER BY pane, due")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let fresh = c
        .prepare(
            "SELECT 'approvals', coalesce(due, 'none'), count(*) FROM documents WHERE state = '待批'
             GROUP BY 2
             UNION ALL
             SELECT 'supervision', deadline, count(*) FROM supervision WHERE state = '办理中'
             GROUP BY 2
             ORDER BY 1, 2",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (kept, fresh)
}

#[test]
fn counters_and_search_rows_follow_every_kind_of_write() {
    let s = fx::store();
    let c = s.conn();
    load(c);
    let (kept, fresh) = recount(c);
    assert_eq!(kept, fresh);
    c.execute_batch(
        "UPDATE documents SET state = '已签批', signed_on = '2026-11-23' WHERE id % 5 = 0;
         UPDATE documents SET due = date(due, '+3 days') WHERE id % 7 = 0;
         UPDATE documents SET due = NULL WHERE id % 11 = 0;
         UPDATE documents SET state = '待批' WHERE id % 10 = 0;
         DELETE FROM countersigns WHERE document_id IN (SELECT id FROM documents WHERE id % 13 = 0);
         DELETE FROM documents WHERE id % 13 = 0 AND id NOT IN (SELECT document_id FROM notices WHERE document_id IS NOT NULL);
         UPDATE supervision SET state = '已销号', closed_on = '2026-11-23' WHERE id % 3 = 0;
         UPDATE supervision SET deadline = date(deadline, '+10 days') WHERE id % 4 = 0;
         UPDATE supervision SET title = title WHERE id % 6 = 0;
         UPDATE departments SET name = '区审计监督局' WHERE id = 2;
         UPDATE people SET name = '王审计' WHERE id = 1;",
    )
    .unwrap();
    let (kept, fresh) = recount(c);
    assert_eq!(kept, fresh);
    // The search rows: exactly the open items, each with its current names.
    let env = fx::env();
    for (text, docs, sups) in [("审计监督局", true, true), ("王审计", true, false)] {
        let f = Filter {
            text: Some(text.into()),
            all_open: true,
            ..Filter::default()
        };
        let a = queries::approvals(c, &env, &f).unwrap();
        let b = queries::supervision(c, &env, &f).unwrap();
        assert_eq!(a.total > 0, docs, "{text}");
        assert_eq!(b.total > 0, sups, "{text}");
    }
    let rows: i64 = c
        .query_row("SELECT count(*) FROM documents_search", [], |r| r.get(0))
        .unwrap();
    let open: i64 = c
        .query_row(
            "SELECT count(*) FROM documents WHERE state = '待批'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, open);
}

#[test]
fn the_search_finds_what_a_substring_match_finds() {
    let s = fx::store();
    let c = s.conn();
    load(c);
    let env = fx::env();
    for text in [
        "审",
        "审计",
        "计整",
        "审计整改",
        "BUDGET",
        "budget 预",
        "预算 1",
        "50%",
        "%_",
        "_折",
        "No.1",
        "1",
        "19",
        "区教育局",
        "赵",
        "zhao",
        "防",
        "Flood",
        "oo",
        "无此事",
    ] {
        let f = Filter {
            text: Some(text.into()),
            all_open: true,
            limit: usize::MAX,
            ..Filter::default()
        };
        let like = format!(
            "%{}%",
            text.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let docs: i64 = c
            .query_row(
                "SELECT count(*) FROM documents d
                 LEFT JOIN departments dep ON dep.id = d.from_dept
                 LEFT JOIN people p ON p.id = d.leader_id
                 WHERE d.state = '待批' AND (d.title LIKE ?1 ESCAPE '\\' OR d.doc_no LIKE ?1 ESCAPE '\\'
                   OR dep.name LIKE ?1 ESCAPE '\\' OR p.name LIKE ?1 ESCAPE '\\' OR p.login LIKE ?1 ESCAPE '\\')",
                [&like],
                |r| r.get(0),
            )
            .unwrap();
        let sups: i64 = c
            .query_row(
                "SELECT count(*) FROM supervision s JOIN departments dep ON dep.id = s.lead_dept
                 WHERE s.state = '办理中' AND (s.title LIKE ?1 ESCAPE '\\' OR s.ext_id LIKE ?1 ESCAPE '\\'
                   OR dep.name LIKE ?1 ESCAPE '\\')",
                [&like],
                |r| r.get(0),
            )
            .unwrap();
        let a = queries::approvals(c, &env, &f).unwrap();
        let b = queries::supervision(c, &env, &f).unwrap();
        assert_eq!(a.total as i64, docs, "documents matching {text:?}");
        assert_eq!(a.rows.len() as i64, docs, "document rows matching {text:?}");
        assert_eq!(b.total as i64, sups, "supervision matching {text:?}");
    }
}

/// The statements a board's refresh runs (apart from [`SEEN`]: tests run side by side).
static READ: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn trace_read(e: rusqlite::trace::TraceEvent<'_>) {
    if let rusqlite::trace::TraceEvent::Stmt(_, sql) = e {
        READ.lock().unwrap().push(sql.to_string());
    }
}

/// The statements the board's connection runs while it takes one action. One traced
/// action at a time in this file: the trace goes to one shared list, which another
/// test's action would empty or add to.
fn statements_of(
    s: &mut dutydesk::store::Store,
    app: &mut dutydesk::tui::App,
    a: Action,
) -> Vec<String> {
    static TRACING: Mutex<()> = Mutex::new(());
    let _one = TRACING.lock().unwrap_or_else(|e| e.into_inner());
    READ.lock().unwrap().clear();
    s.conn().trace_v2(
        rusqlite::trace::TraceEventCodes::SQLITE_TRACE_STMT,
        Some(trace_read),
    );
    dutydesk::tui::step(app, s, a);
    s.conn()
        .trace_v2(rusqlite::trace::TraceEventCodes::empty(), None);
    std::mem::take(&mut *READ.lock().unwrap())
}

#[test]
fn a_refresh_reads_again_only_the_panes_whose_items_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut s) = fx::file_store(dir.path());
    load(s.conn());
    let mut app = fx::app_on(&mut s, Lang::Zh, 80, 24);
    let env = app.env.clone();
    let item: i64 = s
        .conn()
        .query_row(
            "SELECT min(id) FROM supervision WHERE state = '办理中'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let reads = |s: &mut dutydesk::store::Store, app: &mut dutydesk::tui::App, a: Action| {
        let seen = statements_of(s, app, a);
        let approvals = seen.iter().any(|q| q.contains("d.doc_no, d.title"));
        let supervision = seen.iter().any(|q| q.contains("FROM supervision_co c"));
        let meetings = seen.iter().any(|q| q.contains("WITH cand(id)"));
        [approvals, supervision, meetings]
    };
    let urge = |s: &mut dutydesk::store::Store| {
        dutydesk::command::perform(
            s,
            &env,
            &dutydesk::command::Command::Urge {
                item: dutydesk::command::UrgeRef::Supervision(dutydesk::command::Ref::Id(item)),
                note: "请加快".into(),
            },
        )
        .unwrap();
    };
    // The first command also records the countersigns past their limit (documents).
    urge(&mut s);
    reads(&mut s, &mut app, Action::DbChanged);
    // A supervision item is urged: only its pane is read again.
    urge(&mut s);
    assert_eq!(
        reads(&mut s, &mut app, Action::DbChanged),
        [false, true, false]
    );
    // Nothing changed (the minute tick): none is.
    assert_eq!(reads(&mut s, &mut app, Action::Tick), [false, false, false]);
    // A manual refresh reads everything.
    assert_eq!(reads(&mut s, &mut app, Action::Refresh), [true, true, true]);
    // A change written around the one door by another connection: everything.
    let other = Connection::open(path).unwrap();
    other
        .execute("UPDATE documents SET title = title || '!' WHERE id = 1", [])
        .unwrap();
    assert_eq!(
        reads(&mut s, &mut app, Action::DbChanged),
        [true, true, true]
    );
}

#[test]
fn a_filter_deleted_again_shows_the_rows_read_before_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut s) = fx::file_store(dir.path());
    load(s.conn());
    let mut app = fx::app_on(&mut s, Lang::Zh, 80, 24);
    let env = app.env.clone();
    let reads_approvals = |s: &mut dutydesk::store::Store, app: &mut dutydesk::tui::App, a| {
        let seen = statements_of(s, app, a);
        seen.iter().any(|q| q.contains("d.doc_no, d.title"))
    };
    // The panes read at the board's window (the first read was before its first frame).
    dutydesk::tui::step(&mut app, &mut s, Action::Tick);
    let unfiltered = app.snap.approvals.clone();
    dutydesk::tui::step(&mut app, &mut s, Action::StartFilter);
    assert!(reads_approvals(
        &mut s,
        &mut app,
        Action::Insert("审".into())
    ));
    let one = app.snap.approvals.clone();
    assert!(
        one.total < unfiltered.total && one.total > 0,
        "{}",
        one.total
    );
    assert!(reads_approvals(
        &mut s,
        &mut app,
        Action::Insert("计".into())
    ));
    // Deleting goes back through reads of the same data: shown again, not read.
    assert!(!reads_approvals(&mut s, &mut app, Action::DeleteBack));
    assert_eq!(app.snap.approvals, one);
    assert!(!reads_approvals(&mut s, &mut app, Action::DeleteBack));
    assert_eq!(app.snap.approvals, unfiltered);
    // Once the data changed, the same filter is read again, and shows the change.
    let doc = one.rows[0].id;
    dutydesk::command::perform(
        &mut s,
        &env,
        &dutydesk::command::Command::Urge {
            item: dutydesk::command::UrgeRef::Document(dutydesk::command::Ref::Id(doc)),
            note: "请加快".into(),
        },
    )
    .unwrap();
    dutydesk::tui::step(&mut app, &mut s, Action::DbChanged);
    assert!(reads_approvals(
        &mut s,
        &mut app,
        Action::Insert("审".into())
    ));
    let again = &app.snap.approvals;
    let row = again.rows.iter().find(|r| r.id == doc).unwrap();
    assert_eq!(row.urged_count, one.rows[0].urged_count + 1);
}

/// The owner, newest and title orders read only the keys of the first rows by deadline,
/// then the rows shown: the same rows as reordering the first 500 rows by deadline read
/// in full, with and without a filter.
#[test]
fn the_owner_newest_and_title_orders_reorder_the_first_rows_by_deadline() {
    use dutydesk::names::sort_key;
    let s = fx::store();
    load(s.conn());
    let env = fx::env();
    let c = s.conn();
    for text in [None, Some("审"), Some("防汛")] {
        let by_due = |limit| Filter {
            sort: SortKey::Due,
            limit,
            text: text.map(str::to_string),
            all_open: true,
            ..Filter::default()
        };
        let docs = queries::approvals(c, &env, &by_due(500)).unwrap();
        let sups = queries::supervision(c, &env, &by_due(500)).unwrap();
        for sort in [SortKey::Owner, SortKey::Newest, SortKey::Title] {
            let f = Filter { sort, ..by_due(60) };
            let mut want = docs.rows.clone();
            match sort {
                SortKey::Owner => want.sort_by_cached_key(|r| {
                    sort_key(r.leader.as_ref().map_or("", |p| p.name.as_str()))
                }),
                SortKey::Newest => want.sort_by_key(|r| std::cmp::Reverse(r.received)),
                _ => want.sort_by_cached_key(|r| sort_key(&r.title)),
            }
            want.truncate(60);
            let got = queries::approvals(c, &env, &f).unwrap();
            assert_eq!(got.rows, want, "{text:?} {sort:?}");
            assert_eq!(got.total, docs.total);
            let mut want = sups.rows.clone();
            match sort {
                SortKey::Owner => want.sort_by_cached_key(|r| sort_key(&r.lead_dept)),
                SortKey::Newest => want.sort_by_key(|r| std::cmp::Reverse(r.assigned)),
                _ => want.sort_by_cached_key(|r| sort_key(&r.title)),
            }
            want.truncate(60);
            let got = queries::supervision(c, &env, &f).unwrap();
            assert_eq!(got.rows, want, "{text:?} {sort:?}");
            assert_eq!(got.total, sups.total);
        }
    }
}
