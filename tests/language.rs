//! One language at a time: every user-facing string table has a Chinese text with Chinese
//! in it and an English text without, so neither interface shows the other's words. The
//! clap help is walked by `cli::help_zh`'s own test.

use dutydesk::domain::roles::{MATRIX, ROLES};
use dutydesk::domain::{
    CountersignAnswer, DocKind, DocState, MeetingKind, MeetingState, Role, Secrecy, SupSource,
    SupState, Urgency,
};
use dutydesk::i18n::{Lang, Named};
use dutydesk::tui::form::{Form, Target};
use dutydesk::tui::keytable::DEFAULTS;
use dutydesk::tui::panes::help::COMMANDS;
use dutydesk::tui::{ItemAction, PaneId};

fn cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Checks one (zh, en) pair; collects what is wrong.
fn pair(bad: &mut Vec<String>, what: &str, zh: &str, en: &str) {
    if !cjk(zh) {
        bad.push(format!("{what}: Chinese text without Chinese: {zh:?}"));
    }
    if cjk(en) {
        bad.push(format!("{what}: English text with Chinese: {en:?}"));
    }
}

fn vocab<T: Named>(bad: &mut Vec<String>, name: &str, all: &[T]) {
    for v in all {
        pair(bad, name, v.zh(), v.en());
    }
}

#[test]
fn every_string_table_is_translated() {
    let mut bad = Vec::new();
    for (name, _, _, zh, en) in DEFAULTS {
        pair(&mut bad, &format!("key {name}"), zh, en);
    }
    for r in MATRIX {
        pair(&mut bad, &format!("role matrix {}", r.name), r.zh, r.en);
        pair(
            &mut bad,
            &format!("role matrix {} who", r.name),
            r.who_zh,
            r.who_en,
        );
    }
    for role in ROLES {
        pair(&mut bad, "role", role.zh(), role.en());
    }
    for (c, zh, en) in COMMANDS {
        pair(&mut bad, &format!("command line {c}"), zh, en);
    }
    for a in ItemAction::ALL {
        pair(
            &mut bad,
            &format!("action {a:?}"),
            a.label(Lang::Zh),
            a.label(Lang::En),
        );
    }
    for p in PaneId::ALL {
        pair(
            &mut bad,
            &format!("pane {p:?}"),
            p.title(Lang::Zh),
            p.title(Lang::En),
        );
    }
    vocab(&mut bad, "DocKind", DocKind::ALL);
    vocab(&mut bad, "Urgency", Urgency::ALL);
    vocab(&mut bad, "Secrecy", Secrecy::ALL);
    vocab(&mut bad, "DocState", DocState::ALL);
    vocab(&mut bad, "SupState", SupState::ALL);
    vocab(&mut bad, "SupSource", SupSource::ALL);
    vocab(&mut bad, "MeetingKind", MeetingKind::ALL);
    vocab(&mut bad, "MeetingState", MeetingState::ALL);
    vocab(&mut bad, "CountersignAnswer", CountersignAnswer::ALL);
    vocab(&mut bad, "Role", Role::ALL);
    for entity in [
        "document",
        "meeting",
        "meeting_kind",
        "supervision",
        "absence",
        "people",
        "duty",
        "investment",
        "fund",
    ] {
        pair(
            &mut bad,
            &format!("entity {entity}"),
            dutydesk::tui::findings::entity_label(entity, Lang::Zh),
            dutydesk::tui::findings::entity_label(entity, Lang::En),
        );
    }
    // Every form's field labels.
    let target = Target {
        item: dutydesk::store::queries::Item::Meeting(1),
        ext_id: "x".into(),
        title: "x".into(),
    };
    let topics = [dutydesk::store::queries::detail::TopicRef {
        id: 1,
        title: "t".into(),
        approved: false,
        materials_in: false,
    }];
    for a in ItemAction::ALL {
        let f = Form::new(a, target.clone(), &topics).unwrap();
        for fld in &f.fields {
            pair(
                &mut bad,
                &format!("form {a:?}"),
                &fld.label.zh,
                &fld.label.en,
            );
        }
    }
    for a in [ItemAction::Sign, ItemAction::Return] {
        for fld in &Form::on_paper(a, target.clone()).unwrap().fields {
            pair(
                &mut bad,
                &format!("代录 form {a:?}"),
                &fld.label.zh,
                &fld.label.en,
            );
        }
    }
    assert!(bad.is_empty(), "untranslated:\n{}", bad.join("\n"));
}

#[test]
fn errors_a_user_types_into_are_in_the_interface_language() {
    let e = dutydesk::dates::parse("", "12/10/2026").unwrap_err();
    assert!(cjk(&e.localized(Lang::Zh)));
    assert!(!cjk(&e.localized(Lang::En).replace("2026年12月10日", "")));
    let e = dutydesk::tui::update::parse_command("foo").unwrap_err();
    assert!(e.localized(Lang::Zh).contains("未知命令"), "{e}");
    assert!(e.localized(Lang::En).contains("unknown command"), "{e}");
    // A bad --today, as the command line says it.
    for (lang, expect, foreign) in [
        ("zh", "不是", "is not a date"),
        ("en", "is not a date", "不是"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dutydesk"))
            .args([
                "--lang",
                lang,
                "--today",
                "2026-13-01",
                "list",
                "supervision",
            ])
            .env("DUTYDESK_CONFIG", "/nonexistent/dutydesk.toml")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains(expect) && !err.contains(foreign),
            "{lang}: {err}"
        );
    }
}

/// A parse error echoes the value typed: a control sequence in it is written escaped, in
/// either language.
#[test]
fn a_mistyped_value_never_reaches_the_terminal_raw() {
    for lang in ["zh", "en"] {
        for args in [
            vec!["--today", "2026\u{1b}[31mX", "list", "supervision"],
            vec![
                "extend",
                "S1",
                "--to",
                "x\u{1b}]0;owned\u{7}",
                "--reason",
                "r",
            ],
        ] {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_dutydesk"))
                .args(["--lang", lang])
                .args(&args)
                .env("DUTYDESK_CONFIG", "/nonexistent/dutydesk.toml")
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{err}");
            assert!(
                !err.contains('\u{1b}') && !err.contains('\u{7}'),
                "{lang} {args:?}: {err:?}"
            );
        }
    }
}
