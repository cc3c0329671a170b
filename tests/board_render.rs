//! Pure rendering of the board on the fixture district at a pinned today: each pane, the
//! detail view and the help, at 80×24 and 160×48, in Chinese and English.

mod board_fixture;

use board_fixture as fx;
use dutydesk::i18n::Lang;
use dutydesk::store::queries::{self, Item};
use dutydesk::tui::{Action, App, Mode, PaneId, step};

fn snap(app: &App, w: u16, h: u16) -> String {
    fx::text(&fx::render(app, w, h))
}

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

#[test]
fn board_each_pane_focused() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut store = fx::store();
            let mut app = fx::app_on(&mut store, lang, w, h);
            for p in PaneId::ALL {
                step(&mut app, &mut store, Action::FocusPane(p));
                let name = format!("board_{}_{:?}_{w}x{h}", lang_name(lang), p).to_lowercase();
                insta::assert_snapshot!(name, snap(&app, w, h));
            }
        }
    }
}

#[test]
fn detail_views() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut store = fx::store();
            let mut app = fx::app_on(&mut store, lang, w, h);
            for (p, item) in [
                (PaneId::Approvals, Item::Document(1)),
                (PaneId::Supervision, Item::Supervision(1)),
                (PaneId::Meetings, Item::Meeting(1)),
            ] {
                let d = queries::detail(store.conn(), &app.env, item).unwrap();
                app.mode = Mode::Detail {
                    detail: Box::new(d),
                    scroll: 0,
                };
                let name = format!("detail_{}_{:?}_{w}x{h}", lang_name(lang), p).to_lowercase();
                insta::assert_snapshot!(name, snap(&app, w, h));
            }
        }
    }
}

#[test]
fn help_view() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut store = fx::store();
            let mut app = fx::app_on(&mut store, lang, w, h);
            step(&mut app, &mut store, Action::Help);
            let name = format!("help_{}_{w}x{h}", lang_name(lang));
            insta::assert_snapshot!(name, snap(&app, w, h));
        }
    }
}

#[test]
fn form_filter_and_confirm_views() {
    let mut store = fx::store();
    let mut app = fx::app_on(&mut store, Lang::Zh, 80, 24);
    // The duty officer records the 区长's paper signature (代录): leader, day, instruction.
    step(
        &mut app,
        &mut store,
        Action::Item(dutydesk::tui::ItemAction::Sign),
    );
    step(&mut app, &mut store, Action::Insert("赵敏".into()));
    step(&mut app, &mut store, Action::NextField);
    step(&mut app, &mut store, Action::Insert("2026-11-19".into()));
    step(&mut app, &mut store, Action::NextField);
    step(
        &mut app,
        &mut store,
        Action::Insert("同意，请财政局会同办理".into()),
    );
    insta::assert_snapshot!("form_sign_zh_80x24", snap(&app, 80, 24));
    step(&mut app, &mut store, Action::Submit);
    insta::assert_snapshot!("confirm_sign_zh_80x24", snap(&app, 80, 24));
    step(&mut app, &mut store, Action::No);
    step(&mut app, &mut store, Action::Back);
    step(&mut app, &mut store, Action::StartFilter);
    step(&mut app, &mut store, Action::Insert("预算".into()));
    insta::assert_snapshot!("filter_zh_80x24", snap(&app, 80, 24));
}

#[test]
fn no_panic_at_any_size_and_a_notice_when_too_small() {
    let mut store = fx::store();
    let mut app = fx::app_on(&mut store, Lang::Zh, 80, 24);
    let d = queries::detail(store.conn(), &app.env, Item::Meeting(1)).unwrap();
    let views = [
        Mode::Normal,
        Mode::Help { scroll: 3 },
        Mode::Detail {
            detail: Box::new(d),
            scroll: 5,
        },
    ];
    for mode in views {
        app.mode = mode;
        for w in 1..=100u16 {
            for h in 1..=40u16 {
                app.resize(w, h);
                let _ = fx::render(&app, w, h);
            }
        }
    }
    app.mode = Mode::Normal;
    app.resize(50, 12);
    let t = snap(&app, 50, 12);
    assert!(t.contains("终端太小"), "{t}");
}

#[test]
fn cjk_cells_line_up_and_no_ambiguous_glyphs() {
    let mut store = fx::store();
    let app = fx::app_on(&mut store, Lang::Zh, 80, 24);
    let buf = fx::render(&app, 80, 24);
    for cell in buf.content() {
        for c in cell.symbol().chars() {
            // Ambiguous-width glyphs are avoided, except the two the board means: the cut
            // marker `…` and the arrival marker `↑`, measured as one cell by
            // `dutydesk::text` exactly as by the renderer.
            assert!(!"·○●★→←↓※§".contains(c), "ambiguous glyph {c:?} on screen");
        }
    }
    for c in ["…", "↑"] {
        assert_eq!(dutydesk::text::width(c), 1);
        assert_eq!(unicode_width::UnicodeWidthStr::width(c), 1);
    }
    // A cut cell takes exactly its column: the glyph after `…` is in the next cell.
    let w = usize::from(buf.area.width);
    let cells = buf.content();
    let mut cuts = 0;
    for (i, cell) in cells.iter().enumerate() {
        if cell.symbol() == "…" && (i + 1) % w != 0 {
            cuts += 1;
            assert_ne!(
                cells[i + 1].symbol(),
                "",
                "… must not swallow the next cell"
            );
        }
    }
    assert!(cuts > 0, "the 80-column board cuts some titles");
    // Every line is exactly 80 cells.
    for line in fx::text(&buf).lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
}

#[test]
fn overdue_and_selection_read_in_monochrome() {
    use ratatui::style::Modifier;
    let mut store = fx::store();
    let app = fx::app_on(&mut store, Lang::Zh, 80, 24);
    let buf = fx::render(&app, 80, 24);
    let text = fx::text(&buf);
    let row = text
        .lines()
        .position(|l| l.contains("逾2"))
        .expect("overdue countdown shown");
    let y = row as u16;
    // The selected first row is reversed; its countdown is bold.
    assert!(buf[(0, y)].modifier.contains(Modifier::REVERSED));
    assert!(buf[(0, y)].modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(0, y)].fg, ratatui::style::Color::Reset);
}
