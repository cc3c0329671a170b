//! The item forms: opening one on an item (from the board, the 合规 view or the item's
//! detail), editing it, the confirmation for what cannot be undone, and the one core call
//! it ends in.

use super::Effect;
use super::questions::{confirm_text, day_off};
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

/// Opens the 收文登记 form when the acting person may register documents.
pub(super) fn open_receive(app: &mut App, store: &mut Store) {
    let skeleton = crate::tui::form_office::skeleton(ItemAction::Receive, Item::Document(0));
    match command::precheck(store, &app.env, &skeleton) {
        Ok(()) => {
            app.mode = Mode::Form(crate::tui::form_office::receive_form());
            app.return_to = None;
        }
        Err(e) => app.say(e.localized(app.lang), true),
    }
}

/// `:action ID`: the item with this external id, whatever pane (or none) shows it.
pub(super) fn item_by_id(store: &mut Store, a: ItemAction, id: &str) -> crate::Result<Item> {
    use crate::command::{Ref, resolve};
    let r = Ref::from(id);
    store.read(|tx| {
        let doc = || resolve::document(tx, &r).map(Item::Document);
        let sup = || resolve::supervision(tx, &r).map(Item::Supervision);
        let mtg = || resolve::meeting(tx, &r).map(Item::Meeting);
        match a {
            ItemAction::Sign
            | ItemAction::Return
            | ItemAction::Forward
            | ItemAction::Printed
            | ItemAction::Published => doc(),
            ItemAction::Urge => doc().or_else(|_| sup()),
            ItemAction::Extend
            | ItemAction::Progress
            | ItemAction::Close
            | ItemAction::Reopen
            | ItemAction::Recheck
            | ItemAction::Rechecked => sup(),
            _ => mtg(),
        }
    })
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
        Action::Submit => {
            let today = app.env.today();
            match form.to_command(app.lang, today, &app.env.calendar) {
                Ok(cmd) => match day_off(&cmd, &app.env.calendar) {
                    Some(question) => {
                        app.mode = Mode::Confirm(Confirm {
                            question,
                            on_yes: Pending::DayOff(cmd, Box::new(form)),
                        });
                        Effect::Redraw
                    }
                    None => go_on(app, store, cmd, form),
                },
                Err(e) => {
                    refused(app, &mut form, e);
                    app.mode = Mode::Form(form);
                    Effect::Redraw
                }
            }
        }
        a => {
            let lang = app.lang;
            if let Some(f) = form.current() {
                let cycled = matches!(a, Action::CursorLeft | Action::CursorRight)
                    && f.cycle(a == Action::CursorRight);
                if !cycled && f.kind.is_typed() {
                    if a == Action::Newline && f.kind == FieldKind::Multiline {
                        f.input.newline();
                    } else if edit(&mut f.input, &a) {
                        f.hints = hints(store, &f.kind, f.input.text(), lang);
                    }
                }
            }
            form.error = None;
            app.mode = Mode::Form(form);
            Effect::Redraw
        }
    }
}

/// What a picker matches for the text typed so far: at most six, by name and login.
fn hints(store: &mut Store, kind: &FieldKind, typed: &str, lang: Lang) -> Vec<String> {
    use crate::command::resolve;
    if typed.trim().is_empty() {
        return Vec::new();
    }
    let all = store.read(|tx| match kind {
        FieldKind::Person(among) => resolve::person_candidates(tx, *among),
        FieldKind::Dept => resolve::department_candidates(tx),
        _ => Ok(Vec::new()),
    });
    let Ok(all) = all else {
        return Vec::new();
    };
    if !matches!(kind, FieldKind::Person(_) | FieldKind::Dept) {
        return Vec::new();
    }
    let hits = resolve::matches(typed, &all);
    if hits.is_empty() {
        return vec![lang.pick("（无匹配）", "(no match)").to_string()];
    }
    hits.iter().take(6).map(|c| c.label()).collect()
}

/// A refusal or a bad value: shown under the field it is about (the focus moves there when
/// the message names one), the form kept as typed.
fn refused(app: &App, form: &mut Form, e: Error) {
    let text = e.localized(app.lang);
    if let Some(i) = form
        .fields
        .iter()
        .position(|f| !f.label.pick(app.lang).is_empty() && text.contains(f.label.pick(app.lang)))
    {
        form.focus = i;
    }
    form.error = Some(text);
}

/// After the day-off question: the confirmation when the action has one, else perform.
fn go_on(app: &mut App, store: &mut Store, cmd: Command, form: Form) -> Effect {
    if !form.needs_confirm() {
        return perform(app, store, cmd, form);
    }
    app.mode = Mode::Confirm(Confirm {
        question: confirm_text(&form, &cmd),
        on_yes: Pending::Call(cmd, Box::new(form)),
    });
    Effect::Redraw
}

pub(super) fn confirm(app: &mut App, store: &mut Store, action: Action, c: Confirm) -> Effect {
    match (action, c.on_yes) {
        (Action::Yes, Pending::Call(cmd, form)) => perform(app, store, cmd, *form),
        (Action::Yes, Pending::DayOff(cmd, form)) => go_on(app, store, cmd, *form),
        (Action::No | Action::Back, Pending::DayOff(_, form)) => {
            app.mode = Mode::Form(*form);
            Effect::Redraw
        }
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
        // Every refusal keeps the form as typed, the reason under the field; the state
        // may have changed under us (another board acted first), so re-read.
        Err(e) => {
            refused(app, &mut form, e);
            // The status line says it too, for whoever looks there.
            app.say(form.error.clone().unwrap_or_default(), true);
            app.mode = Mode::Form(form);
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
