//! Keys in the shift views: moving, switching views, opening a form, typing in it, and the
//! one core call each form or key ends in (the handover also writes its report file).

use super::form::{FormKind, ShiftForm};
use super::{ShiftAct, ShiftState, ShiftView};
use crate::command::{self, Command, HandoverSaved};
use crate::error::Error;
use crate::i18n::Lang;
use crate::store::Store;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode};
use crate::tui::form::FieldKind;
use crate::tui::update::Effect;
use sha2::{Digest as _, Sha256};

/// Opens a view (from the board or another view).
pub fn open(app: &mut App, store: &mut Store, view: ShiftView) -> Effect {
    match ShiftState::open(store, &app.env, view) {
        Ok(s) => app.mode = Mode::Shift(Box::new(s)),
        Err(e) => app.say(e.localized(app.lang), true),
    }
    Effect::Redraw
}

/// Applies an action in a view.
pub fn update(app: &mut App, store: &mut Store, action: Action, mut s: Box<ShiftState>) -> Effect {
    if let Some(form) = s.form.take() {
        return in_form(app, store, action, s, form);
    }
    let page = usize::from(app.size.1.saturating_sub(6)).max(1);
    let n = s.rows();
    let scrolling = s.view == ShiftView::Handover;
    let step = |s: &mut ShiftState, d: isize| {
        if scrolling {
            s.scroll = s.scroll.saturating_add_signed(d);
        } else if n > 0 {
            s.selected = s.selected.saturating_add_signed(d).min(n - 1);
        }
    };
    app.message = None;
    match action {
        Action::Quit => return Effect::Quit,
        Action::Back => return Effect::Redraw,
        Action::Down => step(&mut s, 1),
        Action::Up => step(&mut s, -1),
        Action::PageDown => step(&mut s, page as isize),
        Action::PageUp => step(&mut s, -(page as isize)),
        Action::Top => {
            s.selected = 0;
            s.scroll = 0;
        }
        Action::Bottom => step(&mut s, isize::MAX / 2),
        Action::Shift(v) => return open(app, store, v),
        Action::ShiftAct(a) => {
            act(app, store, a, &mut s);
            app.mode = Mode::Shift(s);
            // A key may have written: re-read the view (and the board under it).
            return Effect::Reload;
        }
        _ => {}
    }
    app.mode = Mode::Shift(s);
    Effect::Redraw
}

fn refuse(app: &mut App, zh: &str, en: &str) {
    app.say(app.lang.pick(zh, en), true);
}

/// A view's own key: opens a form after asking the core whether the actor may, or acts.
fn act(app: &mut App, store: &mut Store, a: ShiftAct, s: &mut ShiftState) {
    let form = match (a, s.view) {
        (ShiftAct::New, ShiftView::Log) => Some(ShiftForm::log_add()),
        (ShiftAct::ReportUp, ShiftView::Log) => match s.entry() {
            Some(e) if e.reported_at.is_some() => {
                return refuse(app, "该条已上报", "already reported up");
            }
            Some(e) => Some(ShiftForm::report_up(e.id, &e.ext_id)),
            None => return refuse(app, "没有选中的日志", "no entry selected"),
        },
        (ShiftAct::ToDocument | ShiftAct::ToSupervision, ShiftView::Log) => match s.entry() {
            Some(e) if e.document.is_some() || e.supervision.is_some() => {
                return refuse(app, "该条已转办", "already turned into an item");
            }
            Some(e) if a == ShiftAct::ToDocument => {
                Some(ShiftForm::to_document(e.id, &e.ext_id, &e.summary))
            }
            Some(e) => Some(ShiftForm::to_supervision(e.id, &e.ext_id, &e.summary)),
            None => return refuse(app, "没有选中的日志", "no entry selected"),
        },
        (ShiftAct::EditDay, ShiftView::Rota) => s.rota.get(s.selected).map(|d| {
            ShiftForm::rota(
                d.day,
                d.officer_login.as_deref().unwrap_or(""),
                d.leader_login.as_deref().unwrap_or(""),
            )
        }),
        (ShiftAct::Save, ShiftView::Handover) => return save(app, store, s),
        (ShiftAct::Confirm, ShiftView::Handover) => {
            let cmd = Command::HandoverConfirm { handover: None };
            perform(app, store, &cmd, s);
            return;
        }
        _ => {
            return refuse(
                app,
                "此键在本视图中不可用",
                "this key does nothing in this view",
            );
        }
    };
    let Some(form) = form else { return };
    // Rights before the form opens, as the item forms do.
    if let Ok(cmd) = skeleton(&form) {
        if let Err(e) = command::precheck(store, &app.env, &cmd) {
            return app.say(e.localized(app.lang), true);
        }
    }
    s.form = Some(form);
}

/// The form's command with its required fields filled in, for the precheck.
fn skeleton(form: &ShiftForm) -> crate::error::Result<Command> {
    let mut f = form.clone();
    for fld in &mut f.fields {
        if fld.input.text().is_empty() && matches!(fld.kind, FieldKind::Text) {
            fld.input = crate::tui::input::TextInput::new("-");
        }
    }
    if matches!(f.kind, FormKind::Rota(_)) {
        return Ok(Command::RotaSet(crate::command::RotaDay {
            day: chrono::NaiveDate::MIN,
            officer: None,
            leader: None,
        }));
    }
    f.to_command(Lang::En)
}

fn in_form(
    app: &mut App,
    store: &mut Store,
    action: Action,
    mut s: Box<ShiftState>,
    mut form: ShiftForm,
) -> Effect {
    match action {
        Action::Back => {
            app.say(app.lang.pick("已取消", "cancelled"), false);
        }
        Action::NextField | Action::PrevField => {
            let n = form.fields.len().max(1);
            form.focus = if action == Action::NextField {
                (form.focus + 1) % n
            } else {
                (form.focus + n - 1) % n
            };
            s.form = Some(form);
        }
        Action::Submit => match form.to_command(app.lang) {
            Ok(cmd) => match command::perform(store, &app.env, &cmd) {
                Ok(done) => {
                    app.say(done.summary(app.lang).to_string(), false);
                    app.mode = Mode::Shift(s);
                    return Effect::Reload;
                }
                Err(
                    e @ (Error::BadInput { .. } | Error::NoSuch { .. } | Error::Refused { .. }),
                ) => {
                    form.error = Some(e.localized(app.lang));
                    s.form = Some(form);
                }
                Err(e) => app.say(e.localized(app.lang), true),
            },
            Err(e) => {
                form.error = Some(e.localized(app.lang));
                s.form = Some(form);
            }
        },
        Action::Quit => return Effect::Quit,
        a => {
            if let Some(f) = form.fields.get_mut(form.focus) {
                let cycled = matches!(a, Action::CursorLeft | Action::CursorRight)
                    && f.cycle(a == Action::CursorRight);
                if !cycled && matches!(f.kind, FieldKind::Text | FieldKind::Date) {
                    edit(&mut f.input, &a);
                }
            }
            form.error = None;
            s.form = Some(form);
        }
    }
    app.mode = Mode::Shift(s);
    Effect::Redraw
}

fn edit(input: &mut crate::tui::input::TextInput, a: &Action) {
    match a {
        Action::Insert(t) => input.insert(t),
        Action::DeleteBack => input.delete_back(),
        Action::DeleteForward => input.delete_forward(),
        Action::CursorLeft => input.left(),
        Action::CursorRight => input.right(),
        Action::CursorHome => input.home(),
        Action::CursorEnd => input.end(),
        _ => {}
    }
}

/// Performs a command from a view key; the view is re-read on the reload that follows.
fn perform(app: &mut App, store: &mut Store, cmd: &Command, _s: &mut ShiftState) {
    match command::perform(store, &app.env, cmd) {
        Ok(done) => app.say(done.summary(app.lang).to_string(), false),
        Err(e) => app.say(e.localized(app.lang), true),
    }
}

/// 交班: the report as text, saved beside the database, then recorded.
fn save(app: &mut App, store: &mut Store, s: &mut ShiftState) {
    let Some(rep) = s.report.clone() else { return };
    let until = crate::store::shift::parse_local(&rep.until).unwrap_or_else(|| app.env.now());
    let since = crate::store::shift::parse_local(&rep.since).unwrap_or(until);
    let probe = Command::Handover(HandoverSaved {
        shift_date: rep.shift_date,
        since,
        until,
        path: String::new(),
        sha256: String::new(),
    });
    if let Err(e) = command::precheck(store, &app.env, &probe) {
        return app.say(e.localized(app.lang), true);
    }
    let Some(db) = store.path().map(|p| p.to_path_buf()) else {
        return refuse(
            app,
            "内存数据库无法保存交接班报告",
            "an in-memory database cannot save a report",
        );
    };
    let dir = crate::shift::report::dir_for(&db);
    let format = crate::shift::Format::Markdown;
    let text = crate::shift::report::render(&rep, format, app.lang);
    let path = crate::shift::report::file_for(&dir, &rep, format);
    if let Err(e) = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, &text)) {
        return app.say(format!("{}: {e}", path.display()), true);
    }
    let cmd = Command::Handover(HandoverSaved {
        shift_date: rep.shift_date,
        since,
        until,
        path: path.display().to_string(),
        sha256: format!("{:x}", Sha256::digest(text.as_bytes())),
    });
    perform(app, store, &cmd, s);
}
