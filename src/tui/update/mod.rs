//! `update`: applies one [`Action`] to the [`App`], going through the core for anything
//! that reads or writes the database, and says what the loop must do next ([`Effect`]).
//! Typing (filter, command line) is in `text.rs`, the item forms and confirmations in
//! `forms.rs`.

mod complete;
mod forms;
mod mine;
mod questions;
mod report;
mod text;
mod triage;

pub use forms::retry_waiting;
pub use text::parse_command;

use super::action::{Action, ItemAction, PaneId};
use super::app::{App, Mode};
use super::findings;
use super::input::TextInput;
use crate::clock::Clock;
use crate::store::Store;
use crate::store::queries::{self, Item};

/// What the loop does after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing changed on screen.
    None,
    /// Draw again.
    Redraw,
    /// Re-read the snapshot, then draw.
    Reload,
    /// A filter or sort changed, not the data: re-read the panes (the 合规 findings are
    /// kept and re-filtered), then draw.
    Requery,
    /// Leave the board.
    Quit,
}

/// Applies `action`.
pub fn update(app: &mut App, store: &mut Store, action: Action) -> Effect {
    use Action as A;
    // Events that mean the same in every mode.
    match action {
        // A new day may have run out countersign limits: the re-read derives them.
        A::DbChanged | A::Tick | A::DayChanged => return Effect::Reload,
        A::Resize(w, h) => {
            app.resize(w, h);
            // A taller pane may show more rows than were read.
            return if app.needs_rows() {
                Effect::Requery
            } else {
                Effect::Redraw
            };
        }
        A::SetLang(l) => {
            app.lang = l;
            app.mode = Mode::Normal;
            app.return_to = None;
            app.say(l.pick("界面语言：中文", "Language: English"), false);
            return Effect::Redraw;
        }
        A::Goto(d) => {
            app.env.clock = Clock::pinned(d);
            app.mode = Mode::Normal;
            app.return_to = None;
            let moved = format!(
                "{} {d}",
                app.lang.pick("看板日期已设为", "board date set to")
            );
            // A what-if view: countersigns are deemed as of the chosen day and nothing is
            // recorded, so going back shows them awaited again.
            let text = match app.deemed_note(store) {
                Some(note) => format!("{moved}; {note}"),
                None => moved,
            };
            app.say(text, false);
            return Effect::Reload;
        }
        _ => {}
    }
    let mode = std::mem::replace(&mut app.mode, Mode::Normal);
    match mode {
        Mode::Normal => normal(app, store, action),
        Mode::Filter { input, before } => text::filter(app, store, action, input, before),
        Mode::Command(input) => text::command(app, store, action, input),
        Mode::Form(form) => forms::form_mode(app, store, action, form),
        Mode::Confirm(c) => forms::confirm(app, store, action, c),
        Mode::Detail { detail, scroll } => {
            if let A::Item(a) = action {
                // The item's actions work from its detail; the detail comes back after.
                let item = detail.item;
                app.message = None;
                forms::open_form(app, store, a, item, Some(Mode::Detail { detail, scroll }));
                return Effect::Redraw;
            }
            let (scroll, stay) = scrolled(scroll, &action, app.size.1);
            if stay {
                app.mode = Mode::Detail { detail, scroll };
            } else if action == A::Quit {
                return Effect::Quit;
            }
            Effect::Redraw
        }
        Mode::Finding { finding, scroll } => {
            let (scroll, stay) = scrolled(scroll, &action, app.size.1);
            if stay {
                app.mode = Mode::Finding { finding, scroll };
            } else if action == A::Quit {
                return Effect::Quit;
            }
            Effect::Redraw
        }
        Mode::Shift(s) => crate::tui::shift::update::update(app, store, action, s),
        Mode::Events { selected } => triage::events(app, action, selected),
        Mode::Lines {
            title,
            lines,
            scroll,
        } => {
            let (scroll, stay) = scrolled(scroll, &action, app.size.1);
            if stay {
                app.mode = Mode::Lines {
                    title,
                    lines,
                    scroll,
                };
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
        Mode::Report(ui) => report::report_mode(app, store, action, ui),
    }
}

/// Scrolling in the detail, finding and help views; returns the new offset and whether
/// to stay.
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
    let compliance = app.focus == PaneId::Compliance;
    match action {
        A::Quit => return Effect::Quit,
        A::NextPane => focus(app, app.focus.next()),
        A::PrevPane => focus(app, app.focus.prev()),
        A::FocusPane(p) => focus(app, p),
        A::Up | A::Down | A::PageUp | A::PageDown | A::Top => {
            app.move_by(match action {
                A::Up => -1,
                A::Down => 1,
                A::PageUp => -page,
                A::PageDown => page,
                _ => isize::MIN / 2,
            });
            // The rows read are a window that follows the selection down.
            if app.needs_rows() {
                return Effect::Requery;
            }
        }
        A::Bottom => {
            if app.to_end() {
                return Effect::Requery;
            }
        }
        A::Open => open(app, store),
        A::Back => {
            if app.ui().filter.text.take().is_some() {
                return Effect::Requery;
            }
        }
        A::StartFilter => {
            let before = app.ui().filter.text.clone();
            let input = TextInput::new(before.as_deref().unwrap_or(""));
            app.mode = Mode::Filter { input, before };
        }
        A::StartCommand => app.mode = Mode::Command(TextInput::default()),
        A::Help => app.mode = Mode::Help { scroll: 0 },
        A::CycleSort | A::ToggleScope if compliance => app.say(
            app.lang.pick(
                "合规视图固定按严重程度、起始日期排序",
                "the compliance view is always by severity, then since when",
            ),
            false,
        ),
        A::CycleSort => {
            let f = &mut app.ui().filter;
            f.sort = f.sort.next();
            return Effect::Requery;
        }
        A::ToggleScope => {
            let sup = app.focus == PaneId::Supervision;
            let f = &mut app.ui().filter;
            if sup {
                f.all_open = !f.all_open;
            } else {
                f.overdue_only = !f.overdue_only;
            }
            return Effect::Requery;
        }
        A::Refresh => {
            app.say(app.lang.pick("已刷新", "refreshed"), false);
            return Effect::Reload;
        }
        A::Report => report::open(app, store),
        A::Item(ItemAction::Receive) => forms::open_receive(app, store),
        A::ItemOn(a, id) => match forms::item_by_id(store, a, &id) {
            Ok(item) => forms::open_form(app, store, a, item, None),
            Err(e) => app.say(e.localized(app.lang), true),
        },
        A::ToggleHistory => {
            let ui = app.ui();
            ui.history = !ui.history;
            let on = ui.history;
            app.say(
                if on {
                    app.lang.pick(
                        "历史：筛选含全部状态（已签批、退回、办结）",
                        "history: the filter searches every state",
                    )
                } else {
                    app.lang.pick("历史：关", "history: off")
                },
                false,
            );
            return Effect::Requery;
        }
        A::Mine => mine::open(app, store),
        A::ToPrint => mine::to_print(app, store),
        A::Item(a) => match app.selected_item() {
            Some(item) => forms::open_form(app, store, a, item, None),
            None if compliance && app.selected_finding().is_some() => app.say(
                app.lang.pick(
                    "该项不针对具体事项，没有可用的操作",
                    "this finding is not about an item; no action applies",
                ),
                true,
            ),
            None => app.say(app.lang.pick("没有选中的事项", "nothing selected"), true),
        },
        A::Click(_, y) => click(app, y),
        A::Shift(v) => return crate::tui::shift::update::open(app, store, v),
        A::Events => triage::open_events(app, store),
        A::JumpNew => {
            if !crate::tui::triage::jump_new(app) {
                app.say(
                    app.lang.pick("上方没有新到的事项", "nothing new above"),
                    false,
                );
            }
        }
        A::StartOpenId => app.mode = Mode::Command(TextInput::new("open ")),
        A::OpenId(id) => triage::open_id(app, store, &id),
        A::CalendarNote => triage::calendar_note(app),
        _ => return Effect::None,
    }
    Effect::Redraw
}

/// Enter: the selected item's detail; in the 合规 view, the detail of the finding's item,
/// or the finding itself when it is about something without a detail view.
fn open(app: &mut App, store: &mut Store) {
    if let Some(item) = app.selected_item() {
        return open_detail(app, store, item, 0);
    }
    match app.selected_finding() {
        Some(f) if app.focus == PaneId::Compliance && findings::item_of(f).is_none() => {
            app.mode = Mode::Finding {
                finding: Box::new(f.clone()),
                scroll: 0,
            }
        }
        _ => app.say(app.lang.pick("没有选中的事项", "nothing selected"), true),
    }
}

/// Opens (or re-opens) an item's detail at a scroll offset.
pub(super) fn open_detail(app: &mut App, store: &mut Store, item: Item, scroll: usize) {
    match store.read(|tx| queries::detail(tx, &app.env, item)) {
        Ok(d) => {
            app.mode = Mode::Detail {
                detail: Box::new(d),
                scroll,
            }
        }
        Err(e) => app.say(e.localized(app.lang), true),
    }
}

fn focus(app: &mut App, p: PaneId) {
    // The 合规 view opens on its most severe finding (they are listed most severe first).
    if p == PaneId::Compliance && app.focus != p {
        let ui = &mut app.panes[p.index()];
        ui.selected = app.snap.ids(p).first().copied();
        ui.offset = 0;
    }
    app.focus = p;
    let (w, h) = app.size;
    app.resize(w, h);
}

fn click(app: &mut App, y: u16) {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    let Some(areas) = super::layout::areas(area, app.focus) else {
        return;
    };
    // The header's last line holds the missing-holiday-schedule marker.
    if y + 1 == areas.header.bottom() {
        return triage::calendar_note(app);
    }
    for p in PaneId::ALL {
        let r = areas.panes[p.index()];
        if y >= r.y && y < r.y + r.height {
            // A pane not focused shows its top rows (offset 0).
            let offset = if app.focus == p {
                app.panes[p.index()].offset
            } else {
                0
            };
            focus(app, p);
            let row = usize::from(y.saturating_sub(r.y + 2)) + offset;
            let cur = app.selected_index(p).unwrap_or(0);
            app.move_by(row as isize - cur as isize);
        }
    }
}
