//! `update`: applies one [`Action`] to the [`App`], going through the core for anything
//! that reads or writes the database, and says what the loop must do next ([`Effect`]).

use super::action::{Action, ItemAction, PaneId};
use super::app::{App, Confirm, Mode, Pending};
use super::core_bridge;
use super::form::{Call, FieldKind, Form, Target};
use super::input::TextInput;
use crate::clock::{Clock, parse_date};
use crate::error::Error;
use crate::i18n::Lang;
use crate::store::Store;
use crate::store::queries::{self, Bi};

/// What the loop does after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing changed on screen.
    None,
    /// Draw again.
    Redraw,
    /// Re-read the snapshot, then draw.
    Reload,
    /// Leave the board.
    Quit,
}

/// Applies `action`.
pub fn update(app: &mut App, store: &mut Store, action: Action) -> Effect {
    use Action as A;
    // Events that mean the same in every mode.
    match action {
        A::DbChanged | A::Tick | A::DayChanged => return Effect::Reload,
        A::Resize(w, h) => {
            app.resize(w, h);
            return Effect::Redraw;
        }
        A::SetLang(l) => {
            app.lang = l;
            app.mode = Mode::Normal;
            app.say(l.pick("界面语言：中文", "Language: English"), false);
            return Effect::Redraw;
        }
        A::Goto(d) => {
            app.env.clock = Clock::pinned(d);
            app.mode = Mode::Normal;
            app.say(
                format!(
                    "{} {d}",
                    app.lang.pick("看板日期已设为", "board date set to")
                ),
                false,
            );
            return Effect::Reload;
        }
        _ => {}
    }
    let mode = std::mem::replace(&mut app.mode, Mode::Normal);
    match mode {
        Mode::Normal => normal(app, store, action),
        Mode::Filter { input, before } => filter(app, action, input, before),
        Mode::Command(input) => command(app, store, action, input),
        Mode::Form(form) => form_mode(app, store, action, form),
        Mode::Confirm(c) => confirm(app, store, action, c),
        Mode::Detail { detail, scroll } => {
            let (scroll, stay) = scrolled(scroll, &action, app.size.1);
            if stay {
                app.mode = Mode::Detail { detail, scroll };
            } else if action == A::Quit {
                return Effect::Quit;
            }
            Effect::Redraw
        }
        Mode::Help { scroll } => {
            let (scroll, stay) = scrolled(scroll, &action, app.size.1);
            if stay {
                app.mode = Mode::Help { scroll };
            } else if action == A::Quit {
                return Effect::Quit;
            }
            Effect::Redraw
        }
    }
}

/// Scrolling in the detail and help views; returns the new offset and whether to stay.
fn scrolled(scroll: usize, action: &Action, rows: u16) -> (usize, bool) {
    let page = usize::from(rows.saturating_sub(4)).max(1);
    match action {
        Action::Down => (scroll + 1, true),
        Action::Up => (scroll.saturating_sub(1), true),
        Action::PageDown => (scroll + page, true),
        Action::PageUp => (scroll.saturating_sub(page), true),
        Action::Top => (0, true),
        Action::Bottom => (usize::MAX / 2, true),
        Action::Back | Action::Help | Action::Quit => (0, false),
        _ => (scroll, true),
    }
}

fn normal(app: &mut App, store: &mut Store, action: Action) -> Effect {
    use Action as A;
    if !matches!(action, A::Click(..)) {
        app.message = None;
    }
    let page = app.panes[app.focus.index()].viewport.max(1) as isize;
    match action {
        A::Quit => return Effect::Quit,
        A::NextPane => focus(app, app.focus.next()),
        A::PrevPane => focus(app, app.focus.prev()),
        A::FocusPane(p) => focus(app, p),
        A::Up => app.move_by(-1),
        A::Down => app.move_by(1),
        A::PageUp => app.move_by(-page),
        A::PageDown => app.move_by(page),
        A::Top => app.move_by(isize::MIN / 2),
        A::Bottom => app.move_by(isize::MAX / 2),
        A::Open => match app.selected_item() {
            Some(item) => match store.read(|tx| queries::detail(tx, &app.env, item)) {
                Ok(d) => {
                    app.mode = Mode::Detail {
                        detail: Box::new(d),
                        scroll: 0,
                    }
                }
                Err(e) => app.say(e.localized(app.lang), true),
            },
            None => app.say(app.lang.pick("没有选中的事项", "nothing selected"), true),
        },
        A::Back => {
            if app.ui().filter.text.take().is_some() {
                return Effect::Reload;
            }
        }
        A::StartFilter => {
            let before = app.ui().filter.text.clone();
            let input = TextInput::new(before.as_deref().unwrap_or(""));
            app.mode = Mode::Filter { input, before };
        }
        A::StartCommand => app.mode = Mode::Command(TextInput::default()),
        A::Help => app.mode = Mode::Help { scroll: 0 },
        A::CycleSort => {
            let f = &mut app.ui().filter;
            f.sort = f.sort.next();
            return Effect::Reload;
        }
        A::ToggleScope => {
            let sup = app.focus == PaneId::Supervision;
            let f = &mut app.ui().filter;
            if sup {
                f.all_open = !f.all_open;
            } else {
                f.overdue_only = !f.overdue_only;
            }
            return Effect::Reload;
        }
        A::Refresh => {
            app.say(app.lang.pick("已刷新", "refreshed"), false);
            return Effect::Reload;
        }
        A::Item(a) => open_form(app, store, a),
        A::Click(_, y) => click(app, y),
        _ => return Effect::None,
    }
    Effect::Redraw
}

fn focus(app: &mut App, p: PaneId) {
    app.focus = p;
    let (w, h) = app.size;
    app.resize(w, h);
}

fn click(app: &mut App, y: u16) {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    let Some(areas) = super::layout::areas(area, app.focus) else {
        return;
    };
    for p in PaneId::ALL {
        let r = areas.panes[p.index()];
        if y >= r.y && y < r.y + r.height {
            focus(app, p);
            let ui = &app.panes[p.index()];
            let row = usize::from(y.saturating_sub(r.y + 2)) + ui.offset;
            let cur = app.selected_index(p).unwrap_or(0);
            app.move_by(row as isize - cur as isize);
        }
    }
}

fn open_form(app: &mut App, store: &mut Store, a: ItemAction) {
    let lang = app.lang;
    if !a.applies_to(app.focus) {
        let zh = format!(
            "「{}」不适用于{}",
            a.label(Lang::Zh),
            app.focus.title(Lang::Zh)
        );
        let en = format!(
            "'{}' does not apply to {}",
            a.label(Lang::En),
            app.focus.title(Lang::En)
        );
        app.say(lang.pick(&zh, &en), true);
        return;
    }
    let Some(item) = app.selected_item() else {
        app.say(lang.pick("没有选中的事项", "nothing selected"), true);
        return;
    };
    let d = match store.read(|tx| queries::detail(tx, &app.env, item)) {
        Ok(d) => d,
        Err(e) => return app.say(e.localized(lang), true),
    };
    let target = Target {
        item,
        ext_id: d.ext_id.clone(),
        title: d.title.clone(),
    };
    match Form::new(a, target, &d.topics) {
        Ok(f) => app.mode = Mode::Form(f),
        Err(e) => app.say(e.localized(lang), true),
    }
}

fn edit(input: &mut TextInput, action: &Action) -> bool {
    match action {
        Action::Insert(s) => input.insert(s),
        Action::DeleteBack => input.delete_back(),
        Action::DeleteForward => input.delete_forward(),
        Action::CursorLeft => input.left(),
        Action::CursorRight => input.right(),
        Action::CursorHome => input.home(),
        Action::CursorEnd => input.end(),
        _ => return false,
    }
    true
}

fn filter(app: &mut App, action: Action, mut input: TextInput, before: Option<String>) -> Effect {
    match action {
        Action::Submit => Effect::Redraw,
        Action::Back => {
            app.ui().filter.text = before;
            Effect::Reload
        }
        Action::Quit => Effect::Quit,
        a => {
            let changed = edit(&mut input, &a);
            let text = Some(input.text().to_string()).filter(|t| !t.trim().is_empty());
            app.mode = Mode::Filter { input, before };
            if changed && app.ui().filter.text != text {
                app.ui().filter.text = text;
                Effect::Reload
            } else {
                Effect::Redraw
            }
        }
    }
}

fn command(app: &mut App, store: &mut Store, action: Action, mut input: TextInput) -> Effect {
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
        a => {
            edit(&mut input, &a);
            app.mode = Mode::Command(input);
            Effect::Redraw
        }
    }
}

/// Parses a command line (without the `:`): `q`, `help`, `goto DATE|today`, `lang zh|en`,
/// `refresh`, or any action name from the key table (`sign`, `extend`, …).
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
            Some(d) => Action::Goto(parse_date(":goto", d)?),
            None => return Err(need("a date YYYY-MM-DD")),
        },
        "lang" => match arg.and_then(Lang::parse) {
            Some(l) => Action::SetLang(l),
            None => return Err(need("zh or en")),
        },
        name => super::keymap::action_named(name)
            .ok_or_else(|| Error::bad_input(format!(":{name}"), "unknown command (try :help)"))?,
    }))
}

fn form_mode(app: &mut App, store: &mut Store, action: Action, mut form: Form) -> Effect {
    match action {
        Action::Back => {
            app.say(app.lang.pick("已取消", "cancelled"), false);
            Effect::Redraw
        }
        Action::Quit => {
            let q = Bi::new(
                "表单尚未提交，确定退出？(y/n)",
                "The form is not submitted. Quit anyway? (y/n)",
            );
            app.mode = Mode::Confirm(Confirm {
                question: q,
                on_yes: Pending::Quit(Some(Box::new(form))),
            });
            Effect::Redraw
        }
        Action::NextField | Action::PrevField => {
            let n = form.fields.len().max(1);
            form.focus = if action == Action::NextField {
                (form.focus + 1) % n
            } else {
                (form.focus + n - 1) % n
            };
            app.mode = Mode::Form(form);
            Effect::Redraw
        }
        Action::Submit => match form.to_call(app.lang) {
            Ok(call) if form.needs_confirm() => {
                let q = Bi::new(
                    format!(
                        "确认{}「{}」？此操作不能撤销 (y/n)",
                        form.action.label(Lang::Zh),
                        form.target.title
                    ),
                    format!(
                        "{} '{}'? This cannot be undone (y/n)",
                        form.action.label(Lang::En),
                        form.target.title
                    ),
                );
                app.mode = Mode::Confirm(Confirm {
                    question: q,
                    on_yes: Pending::Call(call, Box::new(form)),
                });
                Effect::Redraw
            }
            Ok(call) => perform(app, store, call, form),
            Err(e) => {
                form.error = Some(e.localized(app.lang));
                app.mode = Mode::Form(form);
                Effect::Redraw
            }
        },
        a => {
            if let Some(f) = form.current() {
                let cycled = matches!(a, Action::CursorLeft | Action::CursorRight)
                    && f.cycle(a == Action::CursorRight);
                if !cycled && matches!(f.kind, FieldKind::Text | FieldKind::Date) {
                    edit(&mut f.input, &a);
                }
            }
            form.error = None;
            app.mode = Mode::Form(form);
            Effect::Redraw
        }
    }
}

fn confirm(app: &mut App, store: &mut Store, action: Action, c: Confirm) -> Effect {
    match (action, c.on_yes) {
        (Action::Yes, Pending::Call(call, form)) => perform(app, store, call, *form),
        (Action::Yes, Pending::Quit(_)) => Effect::Quit,
        (Action::No | Action::Back, Pending::Call(_, form) | Pending::Quit(Some(form))) => {
            app.mode = Mode::Form(*form);
            Effect::Redraw
        }
        (Action::No | Action::Back, Pending::Quit(None)) => Effect::Redraw,
        (_, on_yes) => {
            app.mode = Mode::Confirm(Confirm {
                question: c.question,
                on_yes,
            });
            Effect::None
        }
    }
}

/// Runs one core call; success or refusal lands in the status line.
fn perform(app: &mut App, store: &mut Store, call: Call, mut form: Form) -> Effect {
    match core_bridge::perform(store, &app.env, &call) {
        Ok(summary) => {
            app.say(summary.pick(app.lang).to_string(), false);
            Effect::Reload
        }
        Err(e @ Error::BadInput { .. }) => {
            form.error = Some(e.localized(app.lang));
            app.mode = Mode::Form(form);
            Effect::Redraw
        }
        Err(e) => {
            app.say(e.localized(app.lang), true);
            // The state may have changed under us (another board acted first).
            Effect::Reload
        }
    }
}
