//! Typing: the incremental `/` filter and the `:` command line.

use super::{Effect, update};
use crate::clock::Clock;
use crate::error::Error;
use crate::i18n::Lang;
use crate::store::Store;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode};
use crate::tui::input::TextInput;

pub(super) fn edit(input: &mut TextInput, action: &Action) -> bool {
    match action {
        Action::Insert(s) => input.insert(s),
        Action::DeleteBack => input.delete_back(),
        Action::DeleteForward => input.delete_forward(),
        Action::CursorLeft => input.left(),
        Action::CursorRight => input.right(),
        Action::CursorHome => input.home(),
        Action::CursorEnd => input.end(),
        Action::KillToEnd => input.kill_to_end(),
        Action::KillToStart => input.kill_to_start(),
        Action::DeleteWordBack => input.delete_word_back(),
        Action::ClearLine => input.clear(),
        _ => return false,
    }
    true
}

pub(super) fn filter(
    app: &mut App,
    store: &mut Store,
    action: Action,
    mut input: TextInput,
    before: Option<String>,
) -> Effect {
    match action {
        Action::Submit if app.ui().history && !input.text().trim().is_empty() => {
            super::mine::history(app, store, input.text().trim());
            Effect::Redraw
        }
        Action::Submit => Effect::Redraw,
        Action::Back => {
            app.ui().filter.text = before;
            Effect::Requery
        }
        Action::Quit => Effect::Quit,
        a => {
            let changed = edit(&mut input, &a);
            let text = Some(input.text().to_string()).filter(|t| !t.trim().is_empty());
            app.mode = Mode::Filter { input, before };
            if changed && app.ui().filter.text != text {
                app.ui().filter.text = text;
                Effect::Requery
            } else {
                Effect::Redraw
            }
        }
    }
}

pub(super) fn command(
    app: &mut App,
    store: &mut Store,
    action: Action,
    mut input: TextInput,
) -> Effect {
    match action {
        Action::Submit => match parse_command(input.text()) {
            Ok(Some(a)) => update(app, store, a),
            Ok(None) => Effect::Redraw,
            Err(e) => {
                app.say(e.localized(app.lang), true);
                Effect::Redraw
            }
        },
        Action::Back => Effect::Redraw,
        Action::Quit => Effect::Quit,
        // Tab completes the command word (names, Chinese action names, `open` ids).
        Action::NextField => {
            let line = super::complete::complete(app, input.text());
            app.mode = Mode::Command(TextInput::new(&line));
            Effect::Redraw
        }
        a => {
            edit(&mut input, &a);
            app.mode = Mode::Command(input);
            Effect::Redraw
        }
    }
}

/// Parses a command line (without the `:`): `q`, `help`, `goto DATE|today`, `lang zh|en`,
/// `refresh`, `check` (the 合规 view), or any action name from the key table (`sign`,
/// `extend`, `printed`, `decide`, …).
pub fn parse_command(line: &str) -> crate::Result<Option<Action>> {
    let mut words = line.split_whitespace();
    let Some(cmd) = words.next() else {
        return Ok(None);
    };
    let arg = words.next();
    let need = |what: &str| Error::bad_input(format!(":{cmd}"), format!("needs {what}"));
    Ok(Some(match cmd {
        "q" | "quit" => Action::Quit,
        "goto" => match arg {
            Some("today") => Action::Goto(Clock::system().today()),
            Some(d) => Action::Goto(crate::clock::parse_view_date(":goto", d)?),
            None => return Err(need("a date YYYY-MM-DD")),
        },
        "calendar" => Action::CalendarNote,
        "open" => match arg {
            Some(id) => Action::OpenId(id.to_string()),
            None => return Err(need("an id, e.g. GW-00034")),
        },
        "lang" => match arg.and_then(Lang::parse) {
            Some(l) => Action::SetLang(l),
            None => return Err(need("zh or en")),
        },
        name => match (
            crate::tui::keytable::action_named(name)
                .or_else(|| super::complete::action_by_label(name)),
            arg,
        ) {
            // Every item action takes an id: `:printed GW-00005` acts on that document.
            (Some(Action::Item(a)), Some(id)) => Action::ItemOn(a, id.to_string()),
            (Some(a), _) => a,
            (None, _) => {
                return Err(Error::unclear(
                    format!(":{name}：未知命令（:help 查看）"),
                    format!(":{name}: unknown command (try :help)"),
                ));
            }
        },
    }))
}
