//! The board's 督查通报 view on the report fixture: opened with its key, moved to the first
//! quarter of 2026 with the keyboard, drawn at 80×24 in Chinese and English (monochrome),
//! regrouped, and a department's row opening its items in the 逾期督办 pane.

mod board_fixture;
mod report_fixture;

use dutydesk::i18n::Lang;
use dutydesk::store::report::GroupBy;
use dutydesk::tui::keymap::{Context, Key, Keymap};
use dutydesk::tui::theme::Theme;
use dutydesk::tui::{Action, App, Mode, PaneId, step};

fn app(store: &mut dutydesk::store::Store, lang: Lang) -> App {
    let mut app = App::new(
        store,
        report_fixture::env(),
        lang,
        Keymap::default(),
        Theme::mono(),
        5,
    )
    .unwrap();
    app.resize(80, 24);
    app
}

/// Key 5, then `p` (quarter: 2026Q4) and `[` three times: 2026Q1.
fn to_q1(app: &mut App, store: &mut dutydesk::store::Store) {
    let km = Keymap::default();
    let key = |c: Context, k: &str| km.lookup(&[c], Key::parse(k).unwrap()).unwrap();
    step(app, store, key(Context::Board, "5"));
    step(app, store, key(Context::Report, "p"));
    for _ in 0..3 {
        step(app, store, key(Context::Report, "["));
    }
}

fn ui(app: &App) -> &dutydesk::tui::report::ReportUi {
    match &app.mode {
        Mode::Report(ui) => ui,
        m => panic!("not the report view: {m:?}"),
    }
}

#[test]
fn the_view_at_80x24_in_both_languages() {
    for (lang, name) in [
        (Lang::Zh, "report_view_zh_80x24"),
        (Lang::En, "report_view_en_80x24"),
    ] {
        let mut store = report_fixture::store_at(None);
        let mut app = app(&mut store, lang);
        to_q1(&mut app, &mut store);
        assert_eq!(ui(&app).period.key(), "2026Q1");
        let text = board_fixture::text(&board_fixture::render(&app, 80, 24));
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn grouping_and_opening_a_department() {
    let mut store = report_fixture::store_at(None);
    let mut app = app(&mut store, Lang::Zh);
    to_q1(&mut app, &mut store);
    // The ranking: 区财政局, 区教育局, 区发改局. The second row opens 区教育局's items.
    step(&mut app, &mut store, Action::Down);
    step(&mut app, &mut store, Action::Open);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.focus, PaneId::Supervision);
    let f = &app.panes[PaneId::Supervision.index()].filter;
    assert_eq!((f.text.as_deref(), f.all_open), (Some("区教育局"), true));
    let ids: Vec<&str> = app
        .snap
        .supervision
        .rows
        .iter()
        .map(|r| r.ext_id.as_str())
        .collect();
    // Open today (2026-11-23): S5 and S8, both led by 区教育局.
    assert_eq!(ids, ["S5", "S8"]);

    // Back in the view: b regroups by leader, then by source; a source row opens nothing.
    step(&mut app, &mut store, Action::Report);
    step(&mut app, &mut store, Action::ReportGroup);
    assert_eq!(ui(&app).by, GroupBy::Leader);
    step(&mut app, &mut store, Action::ReportGroup);
    assert_eq!(ui(&app).by, GroupBy::Source);
    step(&mut app, &mut store, Action::Open);
    assert!(matches!(app.mode, Mode::Report(_)));
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    // Esc returns to the board; every size renders without panicking.
    for (w, h) in [(1, 1), (59, 15), (60, 16), (100, 40)] {
        board_fixture::render(&app, w, h);
    }
    step(&mut app, &mut store, Action::Back);
    assert!(matches!(app.mode, Mode::Normal));
}
