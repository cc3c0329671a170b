//! `update` for every action, refusals included, on the fixture district.

mod board_fixture;

use board_fixture as fx;
use chrono::NaiveDate;
use dutydesk::i18n::Lang;
use dutydesk::store::queries::SortKey;
use dutydesk::tui::{Action, Effect, ItemAction, Mode, PaneId, step};

fn setup() -> (dutydesk::store::Store, dutydesk::tui::App) {
    let mut store = fx::store();
    let app = fx::app_on(&mut store, Lang::Zh, 80, 24);
    (store, app)
}

fn message(app: &dutydesk::tui::App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn quit_from_the_board() {
    let (mut s, mut a) = setup();
    assert_eq!(step(&mut a, &mut s, Action::Quit), Effect::Quit);
}

#[test]
fn pane_focus_moves() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::NextPane);
    assert_eq!(a.focus, PaneId::Supervision);
    step(&mut a, &mut s, Action::PrevPane);
    step(&mut a, &mut s, Action::PrevPane);
    assert_eq!(
        a.focus,
        PaneId::Compliance,
        "Tab cycles through the 合规 view too"
    );
    step(&mut a, &mut s, Action::PrevPane);
    assert_eq!(a.focus, PaneId::Meetings);
    step(&mut a, &mut s, Action::FocusPane(PaneId::Approvals));
    assert_eq!(a.focus, PaneId::Approvals);
}

#[test]
fn row_navigation_moves_by_id() {
    let (mut s, mut a) = setup();
    let ids = a.snap.ids(PaneId::Approvals);
    assert_eq!(a.panes[0].selected, Some(ids[0]));
    step(&mut a, &mut s, Action::Down);
    assert_eq!(a.panes[0].selected, Some(ids[1]));
    step(&mut a, &mut s, Action::Bottom);
    assert_eq!(a.panes[0].selected, Some(ids[4]));
    step(&mut a, &mut s, Action::Down);
    assert_eq!(a.panes[0].selected, Some(ids[4]));
    step(&mut a, &mut s, Action::Top);
    assert_eq!(a.panes[0].selected, Some(ids[0]));
    step(&mut a, &mut s, Action::Up);
    assert_eq!(a.panes[0].selected, Some(ids[0]));
    step(&mut a, &mut s, Action::PageDown);
    assert_eq!(
        a.panes[0].selected,
        Some(ids[4]),
        "a page is longer than five rows at 80x24"
    );
    step(&mut a, &mut s, Action::PageUp);
    assert_eq!(a.panes[0].selected, Some(ids[0]));
}

#[test]
fn open_detail_scroll_and_back() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::Open);
    let Mode::Detail { detail, .. } = &a.mode else {
        panic!("not in detail")
    };
    assert_eq!(detail.ext_id, "doc-101");
    step(&mut a, &mut s, Action::Down);
    step(&mut a, &mut s, Action::PageDown);
    assert!(matches!(a.mode, Mode::Detail { scroll, .. } if scroll > 1));
    step(&mut a, &mut s, Action::Top);
    assert!(matches!(a.mode, Mode::Detail { scroll: 0, .. }));
    step(&mut a, &mut s, Action::Back);
    assert!(matches!(a.mode, Mode::Normal));
}

#[test]
fn filter_is_incremental_and_esc_restores() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::StartFilter);
    assert_eq!(
        step(&mut a, &mut s, Action::Insert("预".into())),
        Effect::Requery,
        "a filter re-reads the panes, not the findings"
    );
    step(&mut a, &mut s, Action::Insert("算".into()));
    assert_eq!(a.snap.approvals.total, 2);
    step(&mut a, &mut s, Action::DeleteBack);
    step(&mut a, &mut s, Action::CursorLeft);
    step(&mut a, &mut s, Action::CursorRight);
    step(&mut a, &mut s, Action::CursorHome);
    step(&mut a, &mut s, Action::DeleteForward);
    step(&mut a, &mut s, Action::CursorEnd);
    assert_eq!(a.panes[0].filter.text, None);
    assert_eq!(a.snap.approvals.total, 5);
    step(&mut a, &mut s, Action::Insert("张华".into()));
    step(&mut a, &mut s, Action::Submit);
    assert!(matches!(a.mode, Mode::Normal));
    assert_eq!(a.snap.approvals.total, 2);
    // Esc while typing restores the filter as it was.
    step(&mut a, &mut s, Action::StartFilter);
    step(&mut a, &mut s, Action::Insert("x".into()));
    step(&mut a, &mut s, Action::Back);
    assert_eq!(a.panes[0].filter.text.as_deref(), Some("张华"));
    // Esc on the board clears it.
    step(&mut a, &mut s, Action::Back);
    assert_eq!(a.panes[0].filter.text, None);
    assert_eq!(a.snap.approvals.total, 5);
}

fn command(a: &mut dutydesk::tui::App, s: &mut dutydesk::store::Store, line: &str) -> Effect {
    step(a, s, Action::StartCommand);
    step(a, s, Action::Insert(line.into()));
    step(a, s, Action::Submit)
}

#[test]
fn command_line() {
    let (mut s, mut a) = setup();
    command(&mut a, &mut s, "goto 2026-12-01");
    assert_eq!(a.env.today(), NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
    assert_eq!(a.snap.header.today, a.env.today());
    assert_eq!(a.snap.approvals.overdue, 4);
    command(&mut a, &mut s, "lang en");
    assert_eq!(a.lang, Lang::En);
    command(&mut a, &mut s, "help");
    assert!(matches!(a.mode, Mode::Help { .. }));
    step(&mut a, &mut s, Action::Back);
    command(&mut a, &mut s, "nonsense");
    assert!(
        a.message.as_ref().is_some_and(|m| m.error),
        "{:?}",
        a.message
    );
    command(&mut a, &mut s, "goto 2026-13-01");
    assert!(message(&a).contains(":goto"));
    command(&mut a, &mut s, "sign");
    assert!(matches!(a.mode, Mode::Form(_)));
    step(&mut a, &mut s, Action::Back);
    step(&mut a, &mut s, Action::StartCommand);
    step(&mut a, &mut s, Action::Back);
    assert!(matches!(a.mode, Mode::Normal));
    assert_eq!(command(&mut a, &mut s, "q"), Effect::Quit);
}

#[test]
fn goto_and_lang_directly() {
    let (mut s, mut a) = setup();
    step(
        &mut a,
        &mut s,
        Action::Goto(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()),
    );
    assert_eq!(a.snap.approvals.overdue, 0);
    step(&mut a, &mut s, Action::SetLang(Lang::En));
    assert_eq!(a.lang, Lang::En);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::Help);
    step(&mut a, &mut s, Action::Down);
    assert!(matches!(a.mode, Mode::Help { scroll: 1 }));
    step(&mut a, &mut s, Action::Help);
    assert!(matches!(a.mode, Mode::Normal));
}

#[test]
fn sort_scope_and_refresh() {
    let (mut s, mut a) = setup();
    // The board opens by priority; s cycles to the deadline order, then 紧急程度.
    assert_eq!(a.panes[0].filter.sort, SortKey::Priority);
    step(&mut a, &mut s, Action::CycleSort);
    assert_eq!(a.panes[0].filter.sort, SortKey::Due);
    step(&mut a, &mut s, Action::CycleSort);
    assert_eq!(a.panes[0].filter.sort, SortKey::Urgency);
    step(&mut a, &mut s, Action::ToggleScope);
    assert_eq!(a.snap.approvals.total, 1);
    step(&mut a, &mut s, Action::FocusPane(PaneId::Supervision));
    step(&mut a, &mut s, Action::ToggleScope);
    assert_eq!(a.snap.supervision.total, 4);
    assert_eq!(step(&mut a, &mut s, Action::Refresh), Effect::Reload);
    assert_eq!(message(&a), "已刷新");
}

#[test]
fn events_reload_and_resize() {
    let (mut s, mut a) = setup();
    for e in [Action::DbChanged, Action::Tick, Action::DayChanged] {
        assert_eq!(step(&mut a, &mut s, e), Effect::Reload);
    }
    step(&mut a, &mut s, Action::Resize(160, 48));
    assert_eq!(a.size, (160, 48));
    assert!(a.panes[0].viewport > 10);
    step(&mut a, &mut s, Action::Click(5, 40));
    assert_eq!(a.focus, PaneId::Meetings);
    assert_eq!(
        step(&mut a, &mut s, Action::Insert("x".into())),
        Effect::None
    );
}

#[test]
fn item_action_not_for_this_pane_is_refused() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::FocusPane(PaneId::Supervision));
    step(&mut a, &mut s, Action::Item(ItemAction::Sign));
    assert!(matches!(a.mode, Mode::Normal));
    assert!(message(&a).contains("不适用"), "{}", message(&a));
}

#[test]
fn topic_forms_are_refused_without_topics() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::FocusPane(PaneId::Meetings));
    step(&mut a, &mut s, Action::Bottom); // m-25 has no topics
    step(&mut a, &mut s, Action::Item(ItemAction::ApproveTopic));
    assert!(matches!(a.mode, Mode::Normal));
    assert!(message(&a).contains("没有待审定的议题"), "{}", message(&a));
}

#[test]
fn every_item_action_opens_its_form() {
    let cases = [
        (
            PaneId::Approvals,
            vec![
                ItemAction::Sign,
                ItemAction::Return,
                ItemAction::Forward,
                ItemAction::Urge,
                ItemAction::Printed,
                ItemAction::Published,
                ItemAction::Receive,
            ],
        ),
        (
            PaneId::Supervision,
            vec![
                ItemAction::Urge,
                ItemAction::Extend,
                ItemAction::Progress,
                ItemAction::Close,
                ItemAction::Reopen,
                ItemAction::Recheck,
                ItemAction::Rechecked,
            ],
        ),
        (
            PaneId::Meetings,
            vec![
                ItemAction::AddTopic,
                ItemAction::ApproveTopic,
                ItemAction::MaterialsIn,
                ItemAction::Leave,
                ItemAction::MinutesIssued,
                ItemAction::MinutesDrafted,
                ItemAction::DocumentsIssued,
                ItemAction::Reported,
                ItemAction::Decide,
                ItemAction::Held,
                ItemAction::Cancel,
                ItemAction::Move,
            ],
        ),
    ];
    let covered: std::collections::HashSet<_> =
        cases.iter().flat_map(|c| c.1.iter().copied()).collect();
    assert!(
        ItemAction::ALL.iter().all(|a| covered.contains(a)),
        "every item action is tried"
    );
    for (pane, actions) in cases {
        for act in actions {
            let (mut s, mut a) = setup();
            if act == ItemAction::ApproveTopic {
                // The chair or the 区长 approves topics; the duty officer is refused
                // before any form opens (the role matrix).
                step(&mut a, &mut s, Action::FocusPane(pane));
                step(&mut a, &mut s, Action::Down);
                step(&mut a, &mut s, Action::Item(act));
                assert!(matches!(a.mode, Mode::Normal), "{:?}", a.mode);
                assert!(
                    message(&a).contains("只有会议主持人或区长"),
                    "{}",
                    message(&a)
                );
                a = fx::app_as(&mut s, "wangjg", Lang::Zh, 80, 24);
            }
            step(&mut a, &mut s, Action::FocusPane(pane));
            if pane == PaneId::Meetings {
                step(&mut a, &mut s, Action::Down); // m-24, with topics
            }
            step(&mut a, &mut s, Action::Item(act));
            let Mode::Form(f) = &a.mode else {
                panic!("{act:?}: no form ({})", message(&a))
            };
            assert_eq!(f.action, act);
        }
    }
}

#[test]
fn form_editing_validation_and_refusal() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::FocusPane(PaneId::Supervision));
    step(&mut a, &mut s, Action::Item(ItemAction::Extend));
    // Missing values are named, the form stays open.
    step(&mut a, &mut s, Action::Submit);
    let Mode::Form(f) = &a.mode else { panic!() };
    assert!(
        f.error.as_deref().unwrap_or("").contains("必填"),
        "{:?}",
        f.error
    );
    step(&mut a, &mut s, Action::Insert("2026-12-3x".into()));
    step(&mut a, &mut s, Action::NextField);
    step(&mut a, &mut s, Action::Insert("施工延误".into()));
    step(&mut a, &mut s, Action::Submit);
    let Mode::Form(f) = &a.mode else { panic!() };
    assert!(
        f.error.as_deref().unwrap_or("").contains("不是日期"),
        "{:?}",
        f.error
    );
    // The refusal took the focus to the date field.
    step(&mut a, &mut s, Action::DeleteBack);
    step(&mut a, &mut s, Action::Insert("1".into()));
    step(&mut a, &mut s, Action::Submit);
    // The office may extend: done, said in the status line, and the item (now due
    // 2026-12-31) leaves the overdue / due-soon pane.
    assert!(matches!(a.mode, Mode::Normal));
    assert!(
        a.message.as_ref().is_some_and(|m| !m.error),
        "{:?}",
        a.message
    );
    assert!(!a.snap.supervision.rows.iter().any(|r| r.ext_id == "sup-01"));
    assert_eq!(
        a.panes[1].selected,
        Some(2),
        "the cursor stays at its row, on the neighbour"
    );
}

#[test]
fn a_duty_officer_signing_is_refused_in_the_status_line() {
    let (mut s, mut a) = setup();
    // The duty officer does not sign in person: the form records a leader's paper
    // signature (代录), and names a leader the document is not routed to.
    step(&mut a, &mut s, Action::Item(ItemAction::Sign));
    assert!(
        matches!(&a.mode, Mode::Form(f) if f.on_paper),
        "{:?}",
        a.mode
    );
    for (i, v) in ["王建国", "2026-11-19", "同意"].iter().enumerate() {
        if i > 0 {
            step(&mut a, &mut s, Action::NextField);
        }
        step(&mut a, &mut s, Action::Insert((*v).into()));
    }
    step(&mut a, &mut s, Action::Submit);
    assert_eq!(step(&mut a, &mut s, Action::Yes), Effect::Reload);
    let m = a.message.clone().unwrap();
    assert!(m.error, "{m:?}");
    assert!(!m.text.is_empty());
    assert_eq!(a.snap.approvals.total, 5, "nothing changed");
}

#[test]
fn the_routed_leader_signs_and_the_row_leaves_the_pane() {
    let mut s = fx::store();
    let mut a = fx::app_as(&mut s, "zhanghua", Lang::Zh, 80, 24);
    a.panes[0].filter.sort = SortKey::Due;
    a.requery(&mut s).unwrap();
    step(&mut a, &mut s, Action::Down); // doc-102, routed to 张华
    step(&mut a, &mut s, Action::Item(ItemAction::Sign));
    step(&mut a, &mut s, Action::Insert("同意实施".into()));
    step(&mut a, &mut s, Action::Submit);
    step(&mut a, &mut s, Action::Yes);
    assert!(
        a.message.as_ref().is_some_and(|m| !m.error),
        "{:?}",
        a.message
    );
    assert_eq!(a.snap.approvals.total, 4);
    assert_eq!(a.selected_index(PaneId::Approvals), Some(1));
    let d = dutydesk::store::queries::detail(
        s.conn(),
        &a.env,
        dutydesk::store::queries::Item::Document(2),
    )
    .unwrap();
    assert_eq!(d.history.last().map(|h| h.actor.as_str()), Some("zhanghua"));
}

#[test]
fn choice_fields_cycle_and_confirm_yes_no() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::FocusPane(PaneId::Meetings));
    step(&mut a, &mut s, Action::Down);
    step(&mut a, &mut s, Action::Item(ItemAction::Leave));
    step(&mut a, &mut s, Action::Insert("zhanghua".into()));
    step(&mut a, &mut s, Action::NextField);
    step(&mut a, &mut s, Action::NextField);
    step(&mut a, &mut s, Action::CursorRight);
    let Mode::Form(f) = &a.mode else { panic!() };
    assert_eq!(f.fields[2].choice, 1);
    step(&mut a, &mut s, Action::Back);
    step(&mut a, &mut s, Action::Item(ItemAction::MinutesIssued));
    step(&mut a, &mut s, Action::Submit);
    assert!(matches!(a.mode, Mode::Confirm(_)));
    step(&mut a, &mut s, Action::No);
    assert!(matches!(a.mode, Mode::Form(_)));
    step(&mut a, &mut s, Action::Submit);
    step(&mut a, &mut s, Action::Yes);
    // Refused (the meeting is still ahead): said, and the form stays open.
    assert!(matches!(a.mode, Mode::Form(_)), "{:?}", a.mode);
    assert!(
        a.message.as_ref().is_some_and(|m| m.error),
        "{:?}",
        a.message
    );
}

#[test]
fn quitting_with_a_form_open_asks_first() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::Item(ItemAction::Return));
    step(&mut a, &mut s, Action::Insert("材料不全".into()));
    assert_eq!(step(&mut a, &mut s, Action::Quit), Effect::Redraw);
    assert!(matches!(a.mode, Mode::Confirm(_)));
    step(&mut a, &mut s, Action::No);
    let Mode::Form(f) = &a.mode else { panic!() };
    assert_eq!(f.fields[0].input.text(), "材料不全");
    step(&mut a, &mut s, Action::Quit);
    assert_eq!(step(&mut a, &mut s, Action::Yes), Effect::Quit);
}

#[test]
fn growing_the_terminal_brings_hidden_rows_back() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::Bottom);
    step(&mut a, &mut s, Action::Resize(50, 12)); // too small: one-row viewports
    assert!(a.panes[0].offset > 0);
    step(&mut a, &mut s, Action::Resize(160, 48));
    assert_eq!(a.panes[0].offset, 0, "all five rows fit again");
    assert_eq!(a.selected_index(PaneId::Approvals), Some(4));
}
