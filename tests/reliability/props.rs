//! Property tests: the import parser never panics on any input (and reports a bad line
//! with its file and line); rendering arbitrary strings at arbitrary sizes never panics
//! and never lets a control sequence through.

use dutydesk::interchange::{Format, read_records};
use dutydesk::safe_write::SafeWriter;
use dutydesk::text::{is_unsafe, pad, printable, truncate, wrap};
use dutydesk::tui::input::TextInput;
use proptest::prelude::*;
use std::io::Write;

/// Lines that look like records, with arbitrary bits in them.
fn record_like() -> impl Strategy<Value = String> {
    let field = prop_oneof![
        Just("\"type\":\"document\"".to_string()),
        Just("\"id\":\"x\"".to_string()),
        Just("\"received\":\"2026-11-16\"".to_string()),
        "\"[a-z_]{1,10}\":\"[^\"\\\\]{0,20}\"",
        "\"[a-z_]{1,10}\":-?[0-9]{1,25}",
        "\"matters\":[0-9e+.-]{1,8}",
    ];
    prop::collection::vec(field, 0..8).prop_map(|f| format!("{{{}}}", f.join(",")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn the_parser_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        for format in [Format::Jsonl, Format::Csv] {
            let r = read_records(&bytes[..], format, "p", |_, _| Ok(()));
            if let Err(e) = r {
                prop_assert!(e.to_string().starts_with("p"), "{e}");
            }
        }
    }

    #[test]
    fn the_parser_never_panics_on_record_like_lines(lines in prop::collection::vec(record_like(), 1..6)) {
        let text = lines.join("\n");
        let r = read_records(text.as_bytes(), Format::Jsonl, "p.jsonl", |_, _| Ok(()));
        if let Err(e) = r {
            prop_assert!(e.to_string().starts_with("p.jsonl:"), "{e}");
        }
    }

    #[test]
    fn rendering_any_string_at_any_size_is_safe(s in any::<String>(), w in 0usize..120) {
        prop_assert!(!printable(&s).chars().any(is_unsafe));
        let t = truncate(&printable(&s), w);
        prop_assert!(dutydesk::text::width(&t) <= w);
        prop_assert!(dutydesk::text::width(&pad(&printable(&s), w)) == w);
        for l in wrap(&printable(&s), w) {
            prop_assert!(dutydesk::text::width(&l) <= w.max(1));
        }
        let mut input = TextInput::default();
        input.insert(&s);
        let (v, c) = input.view(w);
        prop_assert!(dutydesk::text::width(&v) <= w && (w == 0 || c < w));
        let mut out = Vec::new();
        {
            let mut sw = SafeWriter::new(&mut out);
            sw.write_all(s.as_bytes()).unwrap();
        }
        let shown = String::from_utf8(out).unwrap();
        prop_assert!(!shown.chars().any(|c| c != '\n' && c != '\t' && is_unsafe(c)));
    }
}

/// The board drawn with arbitrary titles at arbitrary sizes: no panic, nothing unsafe.
#[test]
fn the_board_renders_arbitrary_titles_at_arbitrary_sizes() {
    use dutydesk::i18n::Lang;
    use dutydesk::tui::{App, keymap::Keymap, theme::Theme};
    use ratatui::{Terminal, backend::TestBackend};
    let dir = tempfile::tempdir().unwrap();
    let db = super::support::demo(dir.path());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 24,
        ..ProptestConfig::default()
    });
    runner
        .run(&(any::<String>(), 1u16..160, 1u16..50), |(title, w, h)| {
            let c = rusqlite::Connection::open(&db).unwrap();
            c.execute(
                "UPDATE documents SET title = ?1 WHERE id = (SELECT min(id) FROM documents WHERE state = '待批')",
                [&title],
            )
            .unwrap();
            drop(c);
            let mut store = dutydesk::store::Store::open_existing(&db).unwrap();
            let env = super::support::env(&store, "nobody");
            let mut app =
                App::new(&mut store, env, Lang::Zh, Keymap::default(), Theme::mono(), 5).unwrap();
            app.resize(w, h);
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
            let text: String = term.backend().buffer().content().iter().map(|c| c.symbol()).collect();
            prop_assert!(super::support::unsafe_char(&text).is_none(), "{text:?}");
            Ok(())
        })
        .unwrap();
}
