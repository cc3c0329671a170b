//! `update` for the rule-driven actions — printed, published (崆峒 五十三), decide (a
//! meeting's decision as a supervision item), rechecked (回头看) — with their refusals, and
//! countersign silence deemed on read (never recorded) at start, at midnight and after
//! `:goto`. On the fixture district (东昌, Monday 2026-11-23, acting as the duty officer
//! 刘洋).

mod board_fixture;
mod board_steps;

use board_fixture as fx;
use board_steps::*;
use chrono::NaiveDate;
use dutydesk::i18n::Lang;
use dutydesk::store::queries::Item;
use dutydesk::tui::keymap::{Context, Key};
use dutydesk::tui::{Action, Effect, ItemAction, Mode, PaneId, step};

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
    // The form stays open with the reason; Esc goes back to the detail.
    assert!(matches!(a.mode, Mode::Form(_)), "{:?}", a.mode);
    step(&mut a, &mut s, Action::Back);
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
    step(&mut a, &mut s, Action::Back);
    step(&mut a, &mut s, Action::Item(ItemAction::Published));
    fill_and_confirm(&mut a, &mut s, &[]);
    assert!(!is_error(&a), "{}", message(&a));
    assert_eq!(
        one(&s, "SELECT published_on FROM documents WHERE id = 6"),
        fx::TODAY
    );
    // A department head may not record printing: refused before any form opens.
    let mut s = fx::store();
    let mut a = fx::app_as(&mut s, "sunqiang", Lang::Zh, 80, 24);
    detail(&mut a, &mut s, Item::Document(6));
    step(&mut a, &mut s, Action::Item(ItemAction::Printed));
    assert!(matches!(a.mode, Mode::Detail { .. }), "{:?}", a.mode);
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
    assert!(f.error.as_deref().is_some_and(|e| e.contains("不是日期")));
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
    assert!(!a.held.all().iter().any(|f| f.rule == "supervision.recheck"));
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

/// The countersign cell of a document's row on the 待批公文 pane: (answered, deemed).
fn cell(a: &dutydesk::tui::App, ext_id: &str) -> (i64, i64) {
    let r = a
        .snap
        .approvals
        .rows
        .iter()
        .find(|r| r.ext_id == ext_id)
        .unwrap_or_else(|| panic!("{ext_id} not on the pane"));
    (r.countersign.answered, r.countersign.deemed)
}

#[test]
fn countersigns_are_deemed_on_read_at_start_at_midnight_and_after_goto() {
    let mut s = fx::store();
    s.conn()
        .execute(
            "INSERT INTO countersigns(document_id, dept_id, requested, due, due_rule, due_article)
             VALUES (5, 8, '2026-11-20', '2026-11-23', 'documents.countersign_reply', '二十七'),
                    (2, 8, '2026-11-20', '2026-11-24', 'documents.countersign_reply', '二十七')",
            [],
        )
        .unwrap();
    let stored = "SELECT count(*) FROM countersigns WHERE answer = '逾期视为无不同意见'";
    let audited = "SELECT count(*) FROM audit WHERE action = 'countersign-deemed'";
    let mut a = fx::app_on(&mut s, Lang::Zh, 80, 24);
    // At start: the request due 11-19 counts as deemed, and the status line says so…
    assert!(message(&a).contains("1 项会签逾期未复"), "{}", message(&a));
    assert_eq!(cell(&a, "doc-101"), (2, 1));
    assert_eq!(cell(&a, "doc-105"), (0, 0));
    // …but nothing is recorded.
    assert_eq!((count(&s, stored), count(&s, audited)), (0, 0));
    // Midnight: nothing new while the day is the same…
    step(&mut a, &mut s, Action::DayChanged);
    assert_eq!(cell(&a, "doc-105"), (0, 0));
    // …and after the day moves on, the one due 11-23, still only on read.
    a.env.clock = dutydesk::clock::Clock::pinned(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    assert_eq!(step(&mut a, &mut s, Action::DayChanged), Effect::Reload);
    assert_eq!(cell(&a, "doc-105"), (1, 1));
    assert_eq!((count(&s, stored), count(&s, audited)), (0, 0));
    // :goto is a what-if: later, more are deemed, and the move says how many…
    step(
        &mut a,
        &mut s,
        Action::Goto(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
    );
    assert!(
        message(&a).contains("2026-11-26") && message(&a).contains("3 项会签逾期未复"),
        "{}",
        message(&a)
    );
    assert_eq!(cell(&a, "doc-102"), (1, 1));
    detail(&mut a, &mut s, Item::Document(2));
    let text = fx::text(&fx::render(&a, 160, 48));
    assert!(
        text.contains("区司法局 | 2026-11-20 -> 2026-11-24"),
        "{text}"
    );
    assert!(text.contains("逾期视为无不同意见 | 2026-11-24"), "{text}");
    // …and earlier, fewer: nothing was stored that going back would have to undo.
    step(
        &mut a,
        &mut s,
        Action::Goto(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()),
    );
    assert_eq!(cell(&a, "doc-102"), (0, 0));
    assert_eq!(cell(&a, "doc-105"), (0, 0));
    detail(&mut a, &mut s, Item::Document(2));
    let text = fx::text(&fx::render(&a, 160, 48));
    assert!(
        text.contains("2026-11-24 [documents.countersign_reply (第二十七条)] 待复"),
        "{text}"
    );
    assert_eq!((count(&s, stored), count(&s, audited)), (0, 0));
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
