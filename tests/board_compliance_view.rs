//! `update` for the 合规 view (key 4, `:check`): counts, order, the selection following
//! its finding, the `/` filter, Enter on a finding, item actions on a finding's item and
//! from the item's detail. On the fixture district (东昌, Monday 2026-11-23, acting as the
//! duty officer 刘洋).

mod board_fixture;
mod board_steps;

use board_fixture as fx;
use board_steps::*;
use dutydesk::store::queries::Item;
use dutydesk::tui::keymap::{Context, Key};
use dutydesk::tui::update::parse_command;
use dutydesk::tui::{Action, App, Effect, ItemAction, Mode, PaneId, step};

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
    let all = a.snap.findings.len();
    step(&mut a, &mut s, Action::StartFilter);
    assert_eq!(
        step(&mut a, &mut s, Action::Insert("材料".into())),
        Effect::Requery
    );
    let shown = a.snap.findings.len();
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
    assert_eq!(a.snap.findings.len(), all);
    step(&mut a, &mut s, Action::StartFilter);
    step(&mut a, &mut s, Action::Insert("quorum".into()));
    assert!(a.snap.findings.len() < all);
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
    // Four: the countersign past its limit counts as deemed no objection, derived on read.
    assert!(text.contains("合规 (4)"), "{text}");
    assert!(text.contains("逾期视为无不同意见"), "{text}");
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
    // The urge, and the document's silent countersigns stored as deemed with it (the
    // document was acted on).
    let after = history(&a);
    assert!(after > before, "{after} > {before}");
    // Not for this kind of item: refused, still in the detail.
    step(&mut a, &mut s, Action::Item(ItemAction::Extend));
    assert_eq!(history(&a), after);
    assert!(message(&a).contains("不适用于公文"), "{}", message(&a));
    // A duty officer does not sign in person: the form offered records a leader's paper
    // signature (代录), and cancelling it comes back to the detail unchanged.
    step(&mut a, &mut s, Action::Item(ItemAction::Sign));
    assert!(
        matches!(&a.mode, Mode::Form(f) if f.on_paper),
        "{:?}",
        a.mode
    );
    step(&mut a, &mut s, Action::Back);
    assert_eq!(history(&a), after);
}
