//! A hostile corpus through import, list, check, export, audit and the board: each input
//! is refused with its file, line and field, or stored faithfully and shown safely. No
//! output carries ESC, C1 or a bidirectional override; CSV export never starts a cell with
//! a formula.

use super::support::{assert_safe, dd, demo, login_of, one};
use std::path::Path;

/// What an import of a case must do.
enum Expect {
    /// Accepted (stored faithfully; shown safely later).
    Ok,
    /// Refused, naming this line and (when given) this field.
    Refused(usize, Option<&'static str>),
}

use Expect::*;

fn doc(id: &str, extra: &str) -> String {
    format!(
        r#"{{"type":"document","id":"{id}","title":"正常标题","kind":"请示","urgency":"一般","received":"2026-11-16"{extra}}}"#
    )
}

fn titled(id: &str, title_json: &str) -> String {
    format!(
        r#"{{"type":"document","id":"{id}","title":{title_json},"kind":"请示","urgency":"一般","received":"2026-11-16"}}"#
    )
}

/// The corpus: (name, file name, bytes, expectation).
fn corpus(dept: &str) -> Vec<(&'static str, &'static str, Vec<u8>, Expect)> {
    let long = format!("\"{}\"", "长".repeat(100_000));
    let sup = |extra: &str| {
        format!(
            r#"{{"type":"supervision","id":"hs1","title":"督办","source":"会议决定","lead":"{dept}","assigned":"2026-11-10"{extra}}}"#
        )
    };
    let j = |s: String| s.into_bytes();
    vec![
        ("osc title", "h.jsonl", j(titled("h1", r#""\u001b]0;EVIL\u0007窗口""#)), Ok),
        ("csi clear", "h.jsonl", j(titled("h2", r#""\u001b[2J\u001b[H清屏""#)), Ok),
        ("c1 csi", "h.jsonl", j(titled("h3", r#""\u009b31m红字""#)), Ok),
        ("bidi override", "h.jsonl", j(titled("h4", r#""abc\u202efed\u2066x""#)), Ok),
        ("zero width", "h.jsonl", j(titled("h5", r#""零\u200b宽\u200d字""#)), Ok),
        ("nul", "h.jsonl", j(titled("h6", r#""前\u0000后""#)), Ok),
        ("100k title", "h.jsonl", j(titled("h7", &long)), Ok),
        ("formula title", "h.jsonl", j(titled("h8", r#""=HYPERLINK(\"http://x\",\"点\")""#)), Ok),
        ("plus formula", "h.jsonl", j(titled("h9", r#""+cmd|' /C calc'!A0""#)), Ok),
        ("at formula", "h.jsonl", j(titled("h10", r#""@SUM(1+1)""#)), Ok),
        ("bom and crlf", "h.jsonl", {
            let mut b = b"\xef\xbb\xbf".to_vec();
            b.extend(doc("h11", "").as_bytes());
            b.extend(b"\r\n");
            b.extend(doc("h12", "").as_bytes());
            b.extend(b"\r\n");
            b
        }, Ok),
        ("far date", "h.jsonl", j(doc("x1", "").replace("2026-11-16", "9999-12-31")), Refused(1, Some("received"))),
        ("year 0000", "h.jsonl", j(doc("x2", "").replace("2026-11-16", "0000-01-01")), Refused(1, Some("received"))),
        ("impossible date", "h.jsonl", j(doc("x3", "").replace("2026-11-16", "2026-02-30")), Refused(1, Some("received"))),
        ("escape in a date", "h.jsonl", j(doc("x4", "").replace("2026-11-16", "\\u001b[2J")), Refused(1, Some("received"))),
        ("wrong type", "h.jsonl", j(doc("x5", "").replace(r#""urgency":"一般""#, r#""urgency":5"#)), Refused(1, Some("urgency"))),
        ("negative number", "h.jsonl", j(doc("x6", r#","matters":-1"#)), Refused(1, Some("matters"))),
        ("huge number", "h.jsonl", j(doc("x7", r#","matters":1e30"#)), Refused(1, Some("matters"))),
        ("huge integer", "h.jsonl", j(doc("x8", r#","matters":99999999999999999999"#)), Refused(1, Some("matters"))),
        ("far timestamp", "h.jsonl", j(doc("x9", r#","last_urged_at":"99999-01-01 00:00:00""#)), Refused(1, Some("last_urged_at"))),
        ("duplicate ids", "h.jsonl", j(format!("{}\n{}\n", doc("x10", ""), doc("x10", ""))), Refused(2, Some("id"))),
        ("truncated line", "h.jsonl", j(r#"{"type":"document","id":"x11","ti"#.to_string()), Refused(1, None)),
        ("invalid utf-8", "h.jsonl", {
            let mut b = doc("x12", "").into_bytes();
            b.splice(40..40, [0xff, 0xfe, 0x9b]);
            b
        }, Refused(1, None)),
        ("unknown type", "h.jsonl", j(r#"{"type":"\u001b[31mevil","id":"x13"}"#.to_string()), Refused(1, None)),
        ("deadline before assignment", "h.jsonl", j(sup(r#","deadline":"2026-11-01""#)), Refused(1, Some("deadline"))),
        ("control in a login", "h.jsonl", j(r#"{"type":"person","id":"hp1","login":"a\u001b]0;x\u0007b","name":"某人","role":"值班员"}"#.to_string()), Refused(1, Some("login"))),
        ("own partner", "h.jsonl", j(r#"{"type":"person","id":"hp2","login":"selfish","name":"某人","role":"副区长","partner":"selfish"}"#.to_string()), Refused(1, Some("partner"))),
        ("unterminated quote", "h.csv", j("type,id,title,kind,urgency,received\ndocument,c1,\"未闭合,请示,一般,2026-11-16\ndocument,c2,好,请示,一般,2026-11-16\n".to_string()), Refused(2, None)),
        ("csv formulas", "h.csv", j("type,id,title,kind,urgency,received\ndocument,c3,=1+1,请示,一般,2026-11-16\ndocument,c4,-2+3,请示,一般,2026-11-16\ndocument,c5,\"\tx\",请示,一般,2026-11-16\n".to_string()), Ok),
        ("csv escape cell", "h.csv", j("type,id,title,kind,urgency,received\ndocument,c6,\u{1b}]0;T\u{7},请示,一般,2026-11-16\n".to_string()), Ok),
    ]
}

#[test]
fn hostile_input_is_refused_by_line_and_field_or_stored_and_shown_safely() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let office = login_of(&db, "办公室主任");
    let dept: String = one(&db, "SELECT ext_id FROM departments ORDER BY id LIMIT 1");
    let docs_before: i64 = one(&db, "SELECT count(*) FROM documents");
    let mut accepted = 0;
    for (name, file, bytes, expect) in corpus(&dept) {
        let path = dir.path().join(file);
        std::fs::write(&path, &bytes).unwrap();
        let out = dd(dir.path(), &db)
            .args(["--as", &office, "--lang", "en", "import"])
            .arg(&path)
            .output()
            .unwrap();
        assert_safe(&format!("{name}: import stdout"), &out.stdout);
        assert_safe(&format!("{name}: import stderr"), &out.stderr);
        let err = String::from_utf8_lossy(&out.stderr);
        match expect {
            Ok => {
                assert!(out.status.success(), "{name}: {err}");
                accepted += 1;
            }
            Refused(line, field) => {
                assert!(!out.status.success(), "{name}: accepted");
                assert!(err.contains(&format!("{file}:{line}: ")), "{name}: {err}");
                if let Some(f) = field {
                    assert!(err.contains(&format!("field '{f}'")), "{name}: {err}");
                }
            }
        }
    }
    assert!(accepted > 0);
    // Stored faithfully: the escape is in the database as it came.
    let t: String = one(&db, "SELECT title FROM documents WHERE ext_id = 'h1'");
    assert_eq!(t, "\u{1b}]0;EVIL\u{7}窗口");
    let t: String = one(&db, "SELECT title FROM documents WHERE ext_id = 'h7'");
    assert_eq!(t.chars().count(), 100_000);
    let n: i64 = one(&db, "SELECT count(*) FROM documents");
    assert_eq!(
        n - docs_before,
        16,
        "every accepted document, no refused one"
    );
    for lang in ["zh", "en"] {
        every_output_is_safe(dir.path(), &db, lang);
    }
    csv_export_guards_formulas(dir.path(), &db);
    the_board_shows_it_safely(&db);
}

fn every_output_is_safe(dir: &Path, db: &Path, lang: &str) {
    for args in [
        &["list", "approvals"][..],
        &["list", "approvals", "--json"],
        &["list", "supervision"],
        &["check"],
        &["check", "--json"],
        &["export"],
        &["export", "--format", "csv"],
        &["audit"],
        &["audit", "--json"],
        &["rules"],
        &["doctor"],
        &["sign", "h1", "-t", "\u{1b}[2J"],
        &["urge", "\u{1b}]0;x\u{7}"],
    ] {
        let out = dd(dir, db)
            .args(["--lang", lang])
            .args(args)
            .output()
            .unwrap();
        assert_safe(&format!("{args:?} stdout"), &out.stdout);
        assert_safe(&format!("{args:?} stderr"), &out.stderr);
    }
    // JSON stays JSON, with the values as stored.
    let out = dd(dir, db)
        .args(["list", "approvals", "--json"])
        .output()
        .unwrap();
    let mut seen = false;
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["id"] == "h3" {
            assert_eq!(v["title"], "\u{9b}31m红字");
            seen = true;
        }
    }
    assert!(seen, "h3 listed");
}

fn csv_export_guards_formulas(dir: &Path, db: &Path) {
    let file = dir.join("out.csv");
    dd(dir, db)
        .args(["export", "--format", "csv", "-o"])
        .arg(&file)
        .assert()
        .success();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(&file)
        .unwrap();
    for rec in rdr.records() {
        for cell in rec.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a formula cell: {cell:?}"
            );
        }
    }
    // And the file imports back to the same titles (the guard is undone on import).
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("'=1+1") && text.contains("'-2+3"), "guarded");
}

fn the_board_shows_it_safely(db: &Path) {
    use dutydesk::i18n::Lang;
    use dutydesk::tui::{App, keymap::Keymap, theme::Theme};
    use ratatui::{Terminal, backend::TestBackend};
    let mut store = dutydesk::store::Store::open(db).unwrap();
    let env = super::support::env(&store, &login_of(db, "值班员"));
    let mut app = App::new(
        &mut store,
        env,
        Lang::Zh,
        Keymap::default(),
        Theme::mono(),
        5,
    )
    .unwrap();
    for (w, h) in [(80, 24), (200, 60), (30, 10)] {
        app.resize(w, h);
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        let text: String = term
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert_safe(&format!("board {w}x{h}"), text.as_bytes());
    }
}

#[test]
fn a_profile_limit_past_its_maximum_is_refused_naming_the_key() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/profiles/dongchang.toml");
    let base = std::fs::read_to_string(path).unwrap();
    let edited = base.replacen(
        "countersign_reply = { workdays = 7",
        "countersign_reply = { workdays = 99999999",
        1,
    );
    assert_ne!(edited, base);
    let e = dutydesk::profile::Profile::parse(&edited, "d.toml")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("d.toml:"), "{e}");
    assert!(
        e.contains("countersign_reply") && e.contains("largest sensible"),
        "{e}"
    );
}

#[test]
fn a_key_override_that_shadows_another_action_is_refused_naming_both() {
    use dutydesk::tui::keymap::Keymap;
    let mut keys = std::collections::BTreeMap::new();
    keys.insert("sign".to_string(), vec!["j".to_string()]);
    let e = Keymap::with_overrides(&keys).unwrap_err().to_string();
    assert!(e.contains("[keys] sign") && e.contains("'down'"), "{e}");
    // Rebinding the other action too makes it fine.
    keys.insert("down".to_string(), vec!["down".to_string()]);
    assert!(Keymap::with_overrides(&keys).is_ok());
}
