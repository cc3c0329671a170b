//! `update` for the 合规 view and the rule-driven actions (printed, published, decide,
//! rechecked), from the board, the 合规 view and the detail view, refusals included, and
//! the countersign settlement at start, at midnight and after `:goto`. On the fixture
//! district (东昌, Monday 2026-11-23, acting as the duty officer 刘洋).

mod board_fixture;

use board_fixture as fx;
use chrono::NaiveDate;
use dutydesk::i18n::Lang;
use dutydesk::store::Store;
use dutydesk::store::queries::{self, Item};
use dutydesk::tui::keymap::{Context, Key};
use dutydesk::tui::update::parse_command;
use dutydesk::tui::{Action, App, Effect, ItemAction, Mode, PaneId, step};

fn setup() -> (Store, App) {
    let mut store = fx::store();
    let app = fx::app_on(&mut store, Lang::Zh, 80, 24);
    (store, app)
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

fn is_error(app: &App) -> bool {
    app.message.as_ref().is_some_and(|m| m.error)
}

fn one(store: &Store, sql: &str) -> String {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Opens an item's detail as Enter would.
fn detail(app: &mut App, store: &mut Store, item: Item) {
    let d = queries::detail(store.conn(), &app.env, item).unwrap();
    app.mode = Mode::Detail {
        detail: Box::new(d),
        scroll: 0,
    };
}

/// Fills the open form field by field, submits and confirms.
fn fill_and_confirm(app: &mut App, store: &mut Store, values: &[&str]) -> Effect {
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            step(app, store, Action::NextField);
        }
        step(app, store, Action::Insert((*v).into()));
    }
    step(app, store, Action::Submit);
    assert!(matches!(app.mode, Mode::Confirm(_)), "{:?}", app.mode);
    step(app, store, Action::Yes)
}

/// Moves the 合规 view's selection to the first finding under `rule`.
fn select_rule(app: &mut App, store: &mut Store, rule: &str) {
    step(app, store, Action::FocusPane(PaneId::Compliance));
    step(app, store, Action::Top);
    for _ in 0..app.snap.findings.shown.len() {
        if app.selected_finding().is_some_and(|f| f.rule == rule) {
            return;
        }
        step(app, store, Action::Down);
    }
    panic!("no finding under {rule}");
}

#[test]
fn key_4_and_check_open_the_compliance_view() {
    let (mut s, mut a) = setup();
    let four = a
        .keymap
        .lookup(&[Context::Board], Key::parse("4").unwrap())
        .unwrap();
    assert_eq!(four, Action::FocusPane(PaneId::Compliance));
    assert_eq!(parse_command("check").unwrap(), Some(four.clone()));
    step(&mut a, &mut s, four);
    assert_eq!(a.focus, PaneId::Compliance);
    let [v, w, n] = a.snap.findings.total_counts();
    assert!(v > 0 && w > 0 && n > 0, "{v} {w} {n}");
    // Most serious first.
    let sev: Vec<_> = a.snap.findings.rows().map(|f| f.severity).collect();
    assert!(sev.windows(2).all(|p| p[0] >= p[1]), "{sev:?}");
    assert_eq!(
        a.selected_finding().map(|f| f.severity),
        sev.first().copied()
    );
    step(&mut a, &mut s, Action::Down);
    let second = a.panes[3].selected;
    // A refresh keeps the selection on its finding.
    step(&mut a, &mut s, Action::Refresh);
    assert_eq!(a.panes[3].selected, second);
    step(&mut a, &mut s, Action::NextPane);
    assert_eq!(a.focus, PaneId::Approvals);
}

#[test]
fn the_filter_works_on_the_compliance_view() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::FocusPane(PaneId::Compliance));
    let all = a.snap.findings.shown.len();
    step(&mut a, &mut s, Action::StartFilter);
    assert_eq!(
        step(&mut a, &mut s, Action::Insert("材料".into())),
        Effect::Requery
    );
    let shown = a.snap.findings.shown.len();
    assert!(shown > 0 && shown < all, "{shown} of {all}");
    assert!(
        a.snap
            .findings
            .rows()
            .all(|f| f.message_zh.contains("材料"))
    );
    assert_eq!(
        a.selected_finding().map(|f| f.rule.clone()),
        a.snap.findings.rows().next().map(|f| f.rule.clone())
    );
    step(&mut a, &mut s, Action::Submit);
    // English words find Chinese-language findings too.
    step(&mut a, &mut s, Action::StartFilter);
    step(&mut a, &mut s, Action::Back);
    assert_eq!(a.panes[3].filter.text.as_deref(), Some("材料"));
    step(&mut a, &mut s, Action::Back);
    assert_eq!(a.panes[3].filter.text, None);
    assert_eq!(a.snap.findings.shown.len(), all);
    step(&mut a, &mut s, Action::StartFilter);
    step(&mut a, &mut s, Action::Insert("quorum".into()));
    assert!(a.snap.findings.shown.len() < all);
}

#[test]
fn sort_and_scope_are_fixed_on_the_compliance_view() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::FocusPane(PaneId::Compliance));
    let before = a.snap.findings.ids();
    for act in [Action::CycleSort, Action::ToggleScope] {
        assert_eq!(step(&mut a, &mut s, act), Effect::Redraw);
        assert!(message(&a).contains("严重程度"), "{}", message(&a));
        assert_eq!(a.snap.findings.ids(), before);
    }
}

#[test]
fn enter_opens_the_items_detail_or_the_finding_itself() {
    let (mut s, mut a) = setup();
    select_rule(&mut a, &mut s, "documents.approval_limits.urgent");
    step(&mut a, &mut s, Action::Open);
    let Mode::Detail { detail, .. } = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert_eq!(detail.ext_id, "doc-101");
    // The detail lists the item's findings with their articles.
    let text = fx::text(&fx::render(&a, 120, 60));
    assert!(text.contains("合规 (3)"), "{text}");
    assert!(text.contains("documents.approval_limits.urgent (第二十八条)"));
    step(&mut a, &mut s, Action::Back);
    assert_eq!(a.focus, PaneId::Compliance);
    select_rule(&mut a, &mut s, "meetings.party_group.cadence");
    step(&mut a, &mut s, Action::Open);
    assert!(
        matches!(&a.mode, Mode::Finding { finding, .. } if finding.item.entity == "meeting_kind")
    );
    step(&mut a, &mut s, Action::Down);
    assert!(matches!(a.mode, Mode::Finding { scroll: 1, .. }));
    // Item actions do not apply to a finding without an item.
    step(&mut a, &mut s, Action::Item(ItemAction::Urge));
    assert!(matches!(a.mode, Mode::Finding { .. }));
    step(&mut a, &mut s, Action::Back);
    assert!(matches!(a.mode, Mode::Normal));
    step(&mut a, &mut s, Action::Item(ItemAction::Urge));
    assert!(is_error(&a) && message(&a).contains("不针对具体事项"));
}

#[test]
fn item_actions_work_on_the_findings_item() {
    let (mut s, mut a) = setup();
    select_rule(&mut a, &mut s, "given");
    assert_eq!(a.selected_item(), Some(Item::Supervision(1)));
    step(&mut a, &mut s, Action::Item(ItemAction::Sign));
    assert!(matches!(a.mode, Mode::Normal));
    assert!(
        message(&a).contains("「签批」不适用于督办事项"),
        "{}",
        message(&a)
    );
    step(&mut a, &mut s, Action::Item(ItemAction::Progress));
    step(&mut a, &mut s, Action::Insert("已完成80%".into()));
    assert_eq!(step(&mut a, &mut s, Action::Submit), Effect::Reload);
    assert!(!is_error(&a), "{}", message(&a));
    assert_eq!(a.focus, PaneId::Compliance);
    assert_eq!(
        one(&s, "SELECT last_progress FROM supervision WHERE id = 1"),
        "已完成80%"
    );
}

#[test]
fn item_actions_from_the_detail_come_back_to_it_refreshed() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::Open);
    let history = |a: &App| match &a.mode {
        Mode::Detail { detail, .. } => detail.history.len(),
        m => panic!("not in the detail: {m:?}"),
    };
    let before = history(&a);
    // Cancelled: back to the detail.
    step(&mut a, &mut s, Action::Item(ItemAction::Urge));
    assert!(matches!(a.mode, Mode::Form(_)));
    step(&mut a, &mut s, Action::Back);
    assert_eq!(history(&a), before);
    // Done: back to the detail, re-read.
    step(&mut a, &mut s, Action::Item(ItemAction::Urge));
    step(&mut a, &mut s, Action::Insert("今天下班前签批".into()));
    assert_eq!(step(&mut a, &mut s, Action::Submit), Effect::Reload);
    assert_eq!(history(&a), before + 1);
    // Not for this kind of item: refused, still in the detail.
    step(&mut a, &mut s, Action::Item(ItemAction::Extend));
    assert_eq!(history(&a), before + 1);
    assert!(message(&a).contains("不适用于公文"), "{}", message(&a));
    // Refused by the core: the detail stays, the reason is in the status line.
    step(&mut a, &mut s, Action::Item(ItemAction::Sign));
    step(&mut a, &mut s, Action::Submit);
    step(&mut a, &mut s, Action::Yes);
    assert!(is_error(&a), "a duty officer cannot sign");
    assert_eq!(history(&a), before + 1);
}

#[test]
fn printed_and_published_by_the_office_only() {
    let (mut s, mut a) = setup();
    // Published before printing is refused.
    detail(&mut a, &mut s, Item::Document(6));
    step(&mut a, &mut s, Action::Item(ItemAction::Published));
    assert!(matches!(a.mode, Mode::Form(_)));
    step(&mut a, &mut s, Action::Submit);
    step(&mut a, &mut s, Action::Yes);
    assert!(
        is_error(&a) && message(&a).contains("尚未印制"),
        "{}",
        message(&a)
    );
    assert!(matches!(a.mode, Mode::Detail { .. }));
    // Printed, then published.
    step(&mut a, &mut s, Action::Item(ItemAction::Printed));
    assert_eq!(fill_and_confirm(&mut a, &mut s, &[]), Effect::Reload);
    assert!(!is_error(&a), "{}", message(&a));
    assert_eq!(
        one(&s, "SELECT printed_on FROM documents WHERE id = 6"),
        fx::TODAY
    );
    step(&mut a, &mut s, Action::Item(ItemAction::Printed));
    fill_and_confirm(&mut a, &mut s, &[]);
    assert!(is_error(&a) && message(&a).contains("已于"), "printed once");
    step(&mut a, &mut s, Action::Item(ItemAction::Published));
    fill_and_confirm(&mut a, &mut s, &[]);
    assert!(!is_error(&a), "{}", message(&a));
    assert_eq!(
        one(&s, "SELECT published_on FROM documents WHERE id = 6"),
        fx::TODAY
    );
    // A department head may not record printing.
    let mut s = fx::store();
    let mut a = fx::app_as(&mut s, "sunqiang", Lang::Zh, 80, 24);
    detail(&mut a, &mut s, Item::Document(6));
    step(&mut a, &mut s, Action::Item(ItemAction::Printed));
    fill_and_confirm(&mut a, &mut s, &[]);
    assert!(
        is_error(&a) && message(&a).contains("只有区政府办公室"),
        "{}",
        message(&a)
    );
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM documents WHERE printed_on IS NOT NULL"
        ),
        0
    );
    // On a meeting, printing does not apply.
    step(&mut a, &mut s, Action::Back);
    step(&mut a, &mut s, Action::FocusPane(PaneId::Meetings));
    step(&mut a, &mut s, Action::Item(ItemAction::Printed));
    assert!(message(&a).contains("不适用于会议"), "{}", message(&a));
}

#[test]
fn a_decision_becomes_a_supervision_item() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::FocusPane(PaneId::Meetings));
    // The held meeting m-23 is the first row (owing minutes).
    assert_eq!(a.selected_item(), Some(Item::Meeting(3)));
    step(&mut a, &mut s, Action::Item(ItemAction::Decide));
    let Mode::Form(f) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert_eq!(f.fields.len(), 4);
    // An unknown department keeps the form open with the reason.
    step(&mut a, &mut s, Action::Insert("完成背街小巷改造".into()));
    step(&mut a, &mut s, Action::NextField);
    step(&mut a, &mut s, Action::Insert("不存在的局".into()));
    step(&mut a, &mut s, Action::Submit);
    step(&mut a, &mut s, Action::Yes);
    let Mode::Form(f) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert!(f.error.as_deref().is_some_and(|e| e.contains("不存在的局")));
    // A malformed deadline is named.
    step(&mut a, &mut s, Action::Back);
    step(&mut a, &mut s, Action::Item(ItemAction::Decide));
    for (i, v) in [
        "完成背街小巷改造",
        "区住建局",
        "东城街道、区发改局",
        "2026-02-30",
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            step(&mut a, &mut s, Action::NextField);
        }
        step(&mut a, &mut s, Action::Insert((*v).into()));
    }
    step(&mut a, &mut s, Action::Submit);
    let Mode::Form(f) = &mut a.mode else {
        panic!("{:?}", a.mode)
    };
    assert!(f.error.as_deref().is_some_and(|e| e.contains("YYYY-MM-DD")));
    // Corrected: recorded, with its co-departments and deadline, linked to the meeting.
    f.fields[3].input = dutydesk::tui::input::TextInput::new("2026-12-31");
    step(&mut a, &mut s, Action::Submit);
    assert_eq!(step(&mut a, &mut s, Action::Yes), Effect::Reload);
    assert!(!is_error(&a), "{}", message(&a));
    assert_eq!(
        one(
            &s,
            "SELECT ext_id || ' ' || deadline || ' ' || source FROM supervision WHERE meeting_id = 3"
        ),
        "m-23-J1 2026-12-31 会议决定"
    );
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM supervision_co c JOIN supervision s ON s.id = c.supervision_id WHERE s.meeting_id = 3"
        ),
        2
    );
    // The meeting's detail lists it.
    detail(&mut a, &mut s, Item::Meeting(3));
    let text = fx::text(&fx::render(&a, 120, 60));
    assert!(text.contains("会议决定事项（督办） (1)"), "{text}");
    assert!(text.contains("m-23-J1 | 完成背街小巷改造 | 区住建局"));
    // A meeting not yet held has no decisions.
    step(&mut a, &mut s, Action::Back);
    step(&mut a, &mut s, Action::Down);
    assert_eq!(a.selected_item(), Some(Item::Meeting(1)));
    step(&mut a, &mut s, Action::Item(ItemAction::Decide));
    fill_and_confirm(&mut a, &mut s, &["x", "区住建局"]);
    assert!(
        is_error(&a) && message(&a).contains("没有可登记的决定事项"),
        "{}",
        message(&a)
    );
}

#[test]
fn a_recheck_done_clears_the_reminder() {
    let (mut s, mut a) = setup();
    s.conn()
        .execute(
            "UPDATE supervision SET recheck_on = '2026-11-20' WHERE id = 5",
            [],
        )
        .unwrap();
    step(&mut a, &mut s, Action::Refresh);
    select_rule(&mut a, &mut s, "supervision.recheck");
    assert_eq!(a.selected_item(), Some(Item::Supervision(5)));
    step(&mut a, &mut s, Action::Item(ItemAction::Rechecked));
    // The note is required.
    step(&mut a, &mut s, Action::Submit);
    assert!(matches!(&a.mode, Mode::Form(f) if f.error.is_some()));
    step(&mut a, &mut s, Action::Insert("复查无反弹".into()));
    step(&mut a, &mut s, Action::Submit);
    step(&mut a, &mut s, Action::Yes);
    assert!(!is_error(&a), "{}", message(&a));
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM supervision WHERE id = 5 AND recheck_on IS NULL"
        ),
        1
    );
    assert!(
        a.snap
            .findings
            .under("supervision.recheck")
            .next()
            .is_none()
    );
    // An open item has no re-check to record.
    step(&mut a, &mut s, Action::FocusPane(PaneId::Supervision));
    step(&mut a, &mut s, Action::Item(ItemAction::Rechecked));
    fill_and_confirm(&mut a, &mut s, &["看过"]);
    assert!(
        is_error(&a) && message(&a).contains("销号后才回头看"),
        "{}",
        message(&a)
    );
}

#[test]
fn countersigns_are_settled_at_start_at_midnight_and_after_goto() {
    let mut s = fx::store();
    s.conn()
        .execute(
            "INSERT INTO countersigns(document_id, dept_id, requested, due, due_rule, due_article)
             VALUES (5, 8, '2026-11-20', '2026-11-23', 'documents.countersign_reply', '二十七'),
                    (2, 8, '2026-11-20', '2026-11-24', 'documents.countersign_reply', '二十七')",
            [],
        )
        .unwrap();
    let mut a = fx::app_on(&mut s, Lang::Zh, 80, 24);
    // At start: the request due 11-19 is recorded, by "system", in the audit log.
    assert!(message(&a).contains("已将 1 项"), "{}", message(&a));
    let deemed = "SELECT count(*) FROM countersigns WHERE answer = '逾期视为无不同意见'";
    assert_eq!(count(&s, deemed), 1);
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM audit WHERE actor = 'system' AND action = 'countersign-deemed'"
        ),
        1
    );
    // Midnight: nothing new while the day is the same…
    step(&mut a, &mut s, Action::DayChanged);
    assert_eq!(count(&s, deemed), 1);
    // …and after the day moves on, the one due 11-23.
    a.env.clock = dutydesk::clock::Clock::pinned(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    assert_eq!(step(&mut a, &mut s, Action::DayChanged), Effect::Reload);
    assert_eq!(count(&s, deemed), 2);
    // :goto settles for the new today too, and says so with the move.
    step(
        &mut a,
        &mut s,
        Action::Goto(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
    );
    assert_eq!(count(&s, deemed), 3);
    assert!(
        message(&a).contains("2026-11-26") && message(&a).contains("已将 1 项"),
        "{}",
        message(&a)
    );
    // Shown as such in the document's detail.
    detail(&mut a, &mut s, Item::Document(2));
    let text = fx::text(&fx::render(&a, 160, 48));
    assert!(
        text.contains("区司法局 | 2026-11-20 -> 2026-11-24"),
        "{text}"
    );
    assert!(text.contains("逾期视为无不同意见 | 2026-11-24"), "{text}");
}

#[test]
fn the_new_item_actions_have_keys_and_descriptions() {
    let a = setup().1;
    for (key, act) in [
        ("P", ItemAction::Printed),
        ("N", ItemAction::Published),
        ("D", ItemAction::Decide),
        ("H", ItemAction::Rechecked),
    ] {
        let k = Key::parse(key).unwrap();
        for ctx in [Context::Board, Context::Detail] {
            assert_eq!(
                a.keymap.lookup(&[ctx, Context::Item], k),
                Some(Action::Item(act))
            );
        }
        let b = a.keymap.item_binding(act).unwrap();
        assert!(!b.zh.is_empty() && !b.en.is_empty());
    }
}
