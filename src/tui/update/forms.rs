//! The item forms: opening one on an item (from the board, the 合规 view or the item's
//! detail), editing it, the confirmation for what cannot be undone, and the one core call
//! it ends in.

use super::Effect;
use super::text::edit;
use crate::command::{self, Command, OnPaper};
use crate::error::Error;
use crate::i18n::Lang;
use crate::store::Store;
use crate::store::queries::{self, Bi, Item};
use crate::tui::action::{Action, ItemAction};
use crate::tui::app::{App, Confirm, Mode, Pending};
use crate::tui::findings::entity_label;
use crate::tui::form::{FieldKind, Form, Target};

/// Opens `a`'s form on `item`. `back` is the view to return to once the form is done or
/// cancelled (the item's detail when the action came from there); on a refusal it comes
/// back at once, with the reason in the status line.
pub(super) fn open_form(
    app: &mut App,
    store: &mut Store,
    a: ItemAction,
    item: Item,
    back: Option<Mode>,
) {
    let lang = app.lang;
    let refuse = |app: &mut App, back: Option<Mode>, text: String| {
        app.mode = back.unwrap_or(Mode::Normal);
        app.say(text, true);
    };
    if !a.applies_to_entity(item.entity()) {
        let zh = format!(
            "「{}」不适用于{}",
            a.label(Lang::Zh),
            entity_label(item.entity(), Lang::Zh)
        );
        let en = format!(
            "'{}' does not apply to a {}",
            a.label(Lang::En),
            entity_label(item.entity(), Lang::En)
        );
        return refuse(app, back, lang.pick(&zh, &en).to_string());
    }
    let d = match store.read(|tx| queries::detail(tx, &app.env, item)) {
        Ok(d) => d,
        Err(e) => return refuse(app, back, e.localized(lang)),
    };
    let target = Target {
        item,
        ext_id: d.ext_id.clone(),
        title: d.title.clone(),
    };
    let form = match Form::new(a, target.clone(), &d.topics) {
        Ok(f) => f,
        Err(e) => return refuse(app, back, e.localized(lang)),
    };
    // Rights are known before the form opens: the core is asked with the command as it
    // would be, nothing filled in. A leader's own act refused, the office may still record
    // one made on paper (代录).
    let topic = form.fields.first().and_then(|f| match &f.kind {
        FieldKind::Choice(o) => o.first().map(|x| x.0),
        _ => None,
    });
    let in_person = Form::skeleton(a, item, topic, None);
    let form = match command::precheck(store, &app.env, &in_person) {
        Ok(()) => form,
        Err(e) => match paper_form(app, store, a, item, target) {
            Some(f) => f,
            None => return refuse(app, back, e.localized(lang)),
        },
    };
    app.mode = Mode::Form(form);
    app.return_to = back.map(Box::new);
}

/// The 代录 form for sign and return, when the acting person may record a leader's paper
/// decision on this item.
fn paper_form(
    app: &App,
    store: &mut Store,
    a: ItemAction,
    item: Item,
    target: Target,
) -> Option<Form> {
    if !matches!(a, ItemAction::Sign | ItemAction::Return) {
        return None;
    }
    let probe = OnPaper {
        leader: String::new(),
        on: app.env.today(),
    };
    command::precheck(store, &app.env, &Form::skeleton(a, item, None, Some(probe))).ok()?;
    Form::on_paper(a, target).ok()
}

/// Leaves a form or confirmation: back to the detail it came from (re-read on the reload
/// that follows), else to the board.
fn leave(app: &mut App) {
    app.mode = app.return_to.take().map_or(Mode::Normal, |m| *m);
}

pub(super) fn form_mode(
    app: &mut App,
    store: &mut Store,
    action: Action,
    mut form: Form,
) -> Effect {
    // A key in the form stops a wait for a busy database (Esc cancels; an edit means the
    // waiting text is no longer what the user wants sent — Enter submits again).
    if app.waiting.take().is_some() {
        form.error = None;
    }
    match action {
        Action::Back => {
            leave(app);
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
        Action::Submit => match form.to_command(app.lang) {
            Ok(cmd) if form.needs_confirm() => {
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
                    on_yes: Pending::Call(cmd, Box::new(form)),
                });
                Effect::Redraw
            }
            Ok(cmd) => perform(app, store, cmd, form),
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

pub(super) fn confirm(app: &mut App, store: &mut Store, action: Action, c: Confirm) -> Effect {
    match (action, c.on_yes) {
        (Action::Yes, Pending::Call(cmd, form)) => perform(app, store, cmd, *form),
        (Action::Yes, Pending::Quit(_)) => Effect::Quit,
        (Action::No | Action::Back, Pending::Call(_, form) | Pending::Quit(Some(form))) => {
            app.mode = Mode::Form(*form);
            Effect::Redraw
        }
        (Action::No | Action::Back, Pending::Quit(None)) => {
            leave(app);
            Effect::Redraw
        }
        (_, on_yes) => {
            app.mode = Mode::Confirm(Confirm {
                question: c.question,
                on_yes,
            });
            Effect::None
        }
    }
}

/// Performs one command through the one door; success or refusal lands in the status line.
fn perform(app: &mut App, store: &mut Store, cmd: Command, mut form: Form) -> Effect {
    match command::perform(store, &app.env, &cmd) {
        // Busy: the form stays open with its text, the loop tries again (tui::retry).
        Err(e) if crate::store::busy::error_is_busy(&e) => {
            let waiting = crate::tui::retry::Waiting::new(cmd);
            form.error = Some(waiting.text(app.lang));
            app.waiting = Some(waiting);
            app.mode = Mode::Form(form);
            Effect::Redraw
        }
        Err(e) if crate::store::busy::explain(&e, app.lang).is_some() => {
            // A full disk or a read-only file: said as such, the form kept.
            form.error = crate::store::busy::explain(&e, app.lang);
            app.mode = Mode::Form(form);
            Effect::Redraw
        }
        Ok(done) => {
            leave(app);
            app.say(done.summary(app.lang).to_string(), false);
            Effect::Reload
        }
        Err(e @ (Error::BadInput { .. } | Error::NoSuch { .. })) => {
            form.error = Some(e.localized(app.lang));
            app.mode = Mode::Form(form);
            Effect::Redraw
        }
        Err(e) => {
            leave(app);
            app.say(e.localized(app.lang), true);
            // The state may have changed under us (another board acted first).
            Effect::Reload
        }
    }
}

/// Tries a waiting action again (see `tui::retry`); cancelled when its form was closed.
pub fn retry_waiting(app: &mut App, store: &mut Store) -> Effect {
    let Some(mut waiting) = app.waiting.take() else {
        return Effect::None;
    };
    let form = match std::mem::replace(&mut app.mode, Mode::Normal) {
        Mode::Form(form) => form,
        other => {
            app.mode = other;
            return Effect::Redraw;
        }
    };
    waiting.last = std::time::Instant::now();
    let cmd = waiting.cmd.clone();
    let effect = perform(app, store, cmd, form);
    if let (Some(w), Mode::Form(f)) = (&mut app.waiting, &mut app.mode) {
        // Still busy: keep the original start so the count goes on.
        w.since = waiting.since;
        f.error = Some(w.text(app.lang));
    }
    effect
}
