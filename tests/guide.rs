//! The user guide's screen captures (docs/guide.zh.md, docs/guide.md) are the board's real
//! rendering on the demo district: this test draws each one with a TestBackend and compares
//! it with the text block between `<!-- capture:NAME -->` and `<!-- /capture -->` in the
//! guide, so the guide cannot drift from the program. `UPDATE_GUIDE=1 cargo test --test
//! guide` rewrites the blocks.

mod board_demo;
mod board_fixture;

use board_demo as demo;
use board_fixture::{raw_text, render};
use chrono::NaiveDateTime;
use dutydesk::clock::Clock;
use dutydesk::command::{self, Command, LogEntry, Ref};
use dutydesk::domain::Urgency;
use dutydesk::domain::duty::LogCategory;
use dutydesk::i18n::Lang;
use dutydesk::tui::shift::ShiftView;
use dutydesk::tui::{Action, App, keymap::Keymap, step, theme::Theme};

const W: u16 = 100;
const H: u16 = 30;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

/// The demo at 17:30 on its day, with a shift's duty log, as the duty officer.
fn board(lang: Lang) -> (dutydesk::store::Store, App) {
    let (mut store, env) = demo::store_on("dongchang", demo::TODAY);
    let env = dutydesk::domain::Env {
        clock: Clock::pinned_at(at("2026-11-20 17:30")),
        ..env
    };
    let log = |cat, from: &str, summary: &str, when: &str, u| {
        Command::LogAdd(LogEntry {
            received_at: Some(at(when)),
            category: cat,
            from: from.into(),
            phone: "0435-3200000".into(),
            summary: summary.into(),
            urgency: u,
            informed: "李明华".into(),
            follow_up: String::new(),
        })
    };
    for c in [
        log(
            LogCategory::Incident,
            "应急局",
            "东昌路燃气泄漏，已疏散居民",
            "2026-11-20 07:40",
            Urgency::VeryUrgent,
        ),
        log(
            LogCategory::Call,
            "财政局",
            "询问冬季供暖补贴拨付进度",
            "2026-11-20 09:15",
            Urgency::Normal,
        ),
        log(
            LogCategory::Fax,
            "市政府办公室",
            "关于做好寒潮天气防范工作的通知",
            "2026-11-20 11:02",
            Urgency::Urgent,
        ),
        log(
            LogCategory::Incident,
            "环城街道",
            "老旧小区外墙脱落，无人员伤亡",
            "2026-11-20 16:20",
            Urgency::Urgent,
        ),
        Command::LogReport {
            entry: Ref::from("ZB-20261120-01"),
            to: "市政府总值班室".into(),
            at: Some(at("2026-11-20 08:05")),
        },
    ] {
        command::perform(&mut store, &env, &c).unwrap();
    }
    let mut app = App::new(&mut store, env, lang, Keymap::default(), Theme::mono(), 5).unwrap();
    app.resize(W, H);
    (store, app)
}

/// Every capture: (name, text).
fn captures(lang: Lang) -> Vec<(String, String)> {
    let suffix = match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    };
    let (mut store, mut app) = board(lang);
    let mut out = vec![
        (format!("keys-{suffix}"), keys(lang)),
        (format!("board-{suffix}"), raw_text(&render(&app, W, H))),
    ];
    for (name, view) in [
        ("log", ShiftView::Log),
        ("handover", ShiftView::Handover),
        ("rota", ShiftView::Rota),
    ] {
        step(&mut app, &mut store, Action::Shift(view));
        out.push((format!("{name}-{suffix}"), raw_text(&render(&app, W, H))));
    }
    out
}

/// The key table in force, as the help shows it: context, keys, what they do.
fn keys(lang: Lang) -> String {
    let km = Keymap::default();
    let mut out = String::new();
    let mut last = None;
    for b in &km.bindings {
        if last != Some(b.context) {
            out.push_str(&format!("[{}]\n", b.context.label(lang)));
            last = Some(b.context);
        }
        out.push_str(&format!(
            "  {}  {}\n",
            dutydesk::text::pad(&b.keys_display(), 18),
            b.describe(lang)
        ));
    }
    out
}

/// Replaces the block of each capture in `doc`; returns the new text and the names found.
fn rewrite(doc: &str, caps: &[(String, String)]) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut found = Vec::new();
    let mut rest = doc;
    while let Some(i) = rest.find("<!-- capture:") {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        let end_name = tail.find(" -->").expect("capture marker closed");
        let name = tail["<!-- capture:".len()..end_name].to_string();
        let close = tail
            .find("<!-- /capture -->")
            .expect("capture block closed");
        let text = caps
            .iter()
            .find(|c| c.0 == name)
            .unwrap_or_else(|| panic!("no capture named {name}"))
            .1
            .clone();
        out.push_str(&format!(
            "<!-- capture:{name} -->\n```text\n{}\n```\n",
            text.trim_end()
        ));
        found.push(name);
        rest = &tail[close..];
    }
    out.push_str(rest);
    (out, found)
}

fn check(path: &str, lang: Lang) {
    let caps = captures(lang);
    let doc = std::fs::read_to_string(path).unwrap();
    let (new, found) = rewrite(&doc, &caps);
    assert_eq!(
        found.len(),
        caps.len(),
        "{path}: every capture appears once: {found:?}"
    );
    if std::env::var_os("UPDATE_GUIDE").is_some() {
        std::fs::write(path, &new).unwrap();
    } else {
        assert!(
            new == doc,
            "{path} has drifted from the board; run UPDATE_GUIDE=1 cargo test --test guide"
        );
    }
}

#[test]
fn the_chinese_guide_shows_the_real_board() {
    check("docs/guide.zh.md", Lang::Zh);
}

#[test]
fn the_english_guide_shows_the_real_board() {
    check("docs/guide.md", Lang::En);
}
