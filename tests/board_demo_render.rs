//! Pure rendering of the board on the demo district (size 1, seed 1, 东昌, today
//! 2026-11-20): each pane, the 合规 view, the detail views and the help at 80×24 and
//! 160×48, in Chinese and English; the 合规 view under 崆峒 and 环翠, whose rules differ;
//! the header's people flags; forms over the detail; and no panic at any size with any
//! view open. Times of day (audit stamps) are normalised out of the snapshots.

mod board_demo;
mod board_fixture;

use board_demo as demo;
use board_fixture::{normalize_times, raw_text, render};
use dutydesk::i18n::Lang;
use dutydesk::tui::{Action, App, ItemAction, Mode, PaneId, step};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];
const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

fn snap(app: &App, w: u16, h: u16) -> String {
    normalize_times(&raw_text(&render(app, w, h)))
}

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

#[test]
fn demo_each_pane_and_the_compliance_view() {
    for lang in LANGS {
        for (w, h) in SIZES {
            let (mut store, mut app) = demo::dongchang(lang, w, h);
            for p in PaneId::ALL {
                step(&mut app, &mut store, Action::FocusPane(p));
                let name = format!("demo_{}_{:?}_{w}x{h}", lang_name(lang), p).to_lowercase();
                insta::assert_snapshot!(name, snap(&app, w, h));
            }
        }
    }
}

#[test]
fn demo_detail_of_each_kind() {
    for lang in LANGS {
        for (w, h) in SIZES {
            let (mut store, mut app) = demo::dongchang(lang, w, h);
            for p in PaneId::BOARD {
                step(&mut app, &mut store, Action::FocusPane(p));
                step(&mut app, &mut store, Action::Open);
                assert!(matches!(app.mode, Mode::Detail { .. }), "{p:?}");
                let name =
                    format!("demo_detail_{}_{:?}_{w}x{h}", lang_name(lang), p).to_lowercase();
                insta::assert_snapshot!(name, snap(&app, w, h));
                step(&mut app, &mut store, Action::Back);
            }
        }
    }
}

/// Selects the first finding of the 合规 view under `rule`.
fn select_rule(app: &mut App, store: &mut dutydesk::store::Store, rule: &str) {
    step(app, store, Action::FocusPane(PaneId::Compliance));
    step(app, store, Action::Top);
    for _ in 0..app.snap.findings.len() {
        if app.selected_finding().is_some_and(|f| f.rule == rule) {
            return;
        }
        step(app, store, Action::Down);
    }
    panic!("no finding under {rule}");
}

#[test]
fn demo_detail_from_the_compliance_view() {
    for lang in LANGS {
        for (w, h) in SIZES {
            let (mut store, mut app) = demo::dongchang(lang, w, h);
            // A document's finding opens the document, its findings listed with articles.
            select_rule(&mut app, &mut store, "documents.one_matter_per_request");
            step(&mut app, &mut store, Action::Open);
            let name = format!("demo_finding_document_{}_{w}x{h}", lang_name(lang));
            insta::assert_snapshot!(name, snap(&app, w, h));
            step(&mut app, &mut store, Action::Back);
            // A meeting kind behind its cadence has no detail of its own: the finding.
            select_rule(&mut app, &mut store, "meetings.plenary.cadence");
            step(&mut app, &mut store, Action::Open);
            assert!(matches!(app.mode, Mode::Finding { .. }));
            let name = format!("demo_finding_kind_{}_{w}x{h}", lang_name(lang));
            insta::assert_snapshot!(name, snap(&app, w, h));
        }
    }
}

#[test]
fn demo_help() {
    for lang in LANGS {
        for (w, h) in SIZES {
            let (mut store, mut app) = demo::dongchang(lang, w, h);
            step(&mut app, &mut store, Action::Help);
            let name = format!("demo_help_{}_{w}x{h}", lang_name(lang));
            insta::assert_snapshot!(name, snap(&app, w, h));
        }
    }
}

#[test]
fn compliance_view_under_kongtong_and_huancui() {
    for profile in ["kongtong", "huancui"] {
        for lang in LANGS {
            for (w, h) in SIZES {
                let (mut store, mut app) = demo::board(profile, demo::TODAY, None, lang, w, h);
                step(&mut app, &mut store, Action::FocusPane(PaneId::Compliance));
                let name = format!("demo_compliance_{profile}_{}_{w}x{h}", lang_name(lang));
                insta::assert_snapshot!(name, snap(&app, w, h));
            }
        }
    }
}

#[test]
fn header_flags_the_rules_on_people() {
    // 环翠 75: A/B partners away together, and more than three leaders away.
    let (_s, app) = demo::board("huancui", demo::TODAY, None, Lang::Zh, 160, 48);
    let head = snap(&app, 160, 48);
    let line3 = head.lines().nth(2).unwrap();
    assert!(line3.contains("[A/B角同时外出]"), "{line3}");
    assert!(line3.contains("合规:违"), "{line3}");
    // 信州 四十二: a holiday ahead without a 带班 leader (劳动节 2025).
    let (_s, app) = demo::board("xinzhou", "2025-04-28", None, Lang::Zh, 80, 24);
    let head = snap(&app, 80, 24);
    let line3 = head.lines().nth(2).unwrap();
    assert!(line3.contains("[假日无带班 05-0"), "{line3}");
    insta::assert_snapshot!("demo_header_xinzhou_holiday_80x24", head);
    let (_s, app) = demo::board("xinzhou", "2025-04-28", None, Lang::En, 80, 24);
    let line3 = snap(&app, 80, 24).lines().nth(2).unwrap().to_string();
    assert!(line3.contains("[no holiday duty leader 05-0"), "{line3}");
}

#[test]
fn forms_over_the_detail_and_the_compliance_view() {
    // 崆峒: printing after signing, from a finding's document detail.
    let (mut store, mut app) = demo::board("kongtong", demo::TODAY, None, Lang::Zh, 80, 24);
    select_rule(&mut app, &mut store, "documents.print_after_sign");
    step(&mut app, &mut store, Action::Open);
    step(&mut app, &mut store, Action::Item(ItemAction::Printed));
    insta::assert_snapshot!("demo_form_printed_over_detail_zh_80x24", snap(&app, 80, 24));
    step(&mut app, &mut store, Action::Submit);
    insta::assert_snapshot!(
        "demo_confirm_printed_over_detail_zh_80x24",
        snap(&app, 80, 24)
    );
    // A decision form on a held meeting, in English.
    let (mut store, mut app) = demo::board("kongtong", demo::TODAY, None, Lang::En, 80, 24);
    step(&mut app, &mut store, Action::FocusPane(PaneId::Meetings));
    step(&mut app, &mut store, Action::Item(ItemAction::Decide));
    step(
        &mut app,
        &mut store,
        Action::Insert("推进冬季供暖保障".into()),
    );
    insta::assert_snapshot!("demo_form_decide_en_80x24", snap(&app, 80, 24));
}

#[test]
fn no_panic_at_any_size_with_any_view_open() {
    let (mut store, mut app) = demo::board("kongtong", demo::TODAY, None, Lang::Zh, 80, 24);
    let mut modes: Vec<(PaneId, Vec<Action>)> = vec![
        (PaneId::Compliance, vec![]),
        (PaneId::Compliance, vec![Action::Bottom]),
        (PaneId::Compliance, vec![Action::Open]),
        (PaneId::Meetings, vec![Action::Item(ItemAction::Decide)]),
        (
            PaneId::Meetings,
            vec![
                Action::Item(ItemAction::Decide),
                Action::Insert("决定".into()),
                Action::NextField,
                Action::Insert("水利局".into()),
                Action::Submit,
            ],
        ),
        (PaneId::Approvals, vec![Action::Open]),
        (
            PaneId::Approvals,
            vec![Action::Open, Action::Item(ItemAction::Urge)],
        ),
        (PaneId::Approvals, vec![Action::Help]),
    ];
    modes.push((
        PaneId::Compliance,
        vec![Action::StartFilter, Action::Insert("材料".into())],
    ));
    for (pane, actions) in modes {
        step(&mut app, &mut store, Action::Resize(80, 24));
        step(&mut app, &mut store, Action::FocusPane(pane));
        for a in actions {
            step(&mut app, &mut store, a);
        }
        for w in 1..=100u16 {
            for h in 1..=40u16 {
                app.resize(w, h);
                let _ = render(&app, w, h);
            }
        }
        // Back to the board for the next case.
        for _ in 0..3 {
            step(&mut app, &mut store, Action::Back);
            step(&mut app, &mut store, Action::No);
        }
        app.mode = Mode::Normal;
        app.return_to = None;
    }
}
