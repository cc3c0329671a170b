//! The live board, in the Elm style: the loop draws the current state, waits for an
//! event, turns it into an [`Action`], lets [`update`] apply it (through the core), and
//! re-reads the snapshot when the effect asks for it. Drawing happens only when something
//! changed, and nothing draws from the database directly.

pub mod action;
pub mod app;
pub mod event;
pub mod findings;
pub mod findings_index;
pub mod findings_refresh;
pub mod form;
pub mod form_office;
mod form_skeleton;
pub mod input;
pub mod key;
pub mod keymap;
pub mod keytable;
pub mod layout;
pub mod notify;
pub mod panes;
pub mod report;
pub mod retry;
pub mod shift;
pub mod snapshot;
pub mod theme;
pub mod triage;
pub mod update;
mod wake;

pub use action::{Action, ItemAction, PaneId};
pub use app::{App, Mode};
pub use update::{Effect, update};

use crate::store::Store;
use crossterm::event::{KeyModifiers, MouseEventKind};
use event::{Event, Events};
use keymap::Key;
use std::io::{self, Stdout};

/// Applies an action and performs its effect (re-reading the snapshot or the panes if
/// asked); returns
/// the effect so the loop knows whether to draw or quit.
pub fn step(app: &mut App, store: &mut Store, action: Action) -> Effect {
    // A key (not a refresh) clears the toast and the selected row's mark.
    let by_user = !matches!(
        action,
        Action::DbChanged | Action::Tick | Action::DayChanged | Action::Resize(..)
    );
    // Midnight and a manual refresh recompute every finding (findings_refresh); the
    // minute tick re-reads what changed.
    if matches!(action, Action::DayChanged | Action::Refresh) {
        app.held.invalidate();
    }
    let effect = update(app, store, action);
    app.note_cut();
    after_update(app, store, effect);
    if by_user {
        triage::after_key(app);
    }
    effect
}

/// Performs an update's effect: re-reads what it asks for; when the file was replaced by
/// another dutydesk database, reopens that one (see [`reopen_if_replaced`]).
fn after_update(app: &mut App, store: &mut Store, effect: Effect) {
    let read = match effect {
        Effect::Reload => app.reload(store),
        Effect::Requery => app.requery(store),
        _ => Ok(()),
    };
    if let Err(e) = read {
        tracing::warn!("refresh failed: {e}");
        app.live = false;
        app.say(e.localized(app.lang), true);
        if reopen_if_replaced(app, store) && app.reload(store).is_ok() {
            app.live = true;
        }
    }
}

/// When the board's file was replaced by another dutydesk database (restored by `mv`,
/// rebuilt), opens the new one and says so; a deleted file, or one replaced by something
/// else, stays refused (reads and writes say so) until a dutydesk database is back.
fn reopen_if_replaced(app: &mut App, store: &mut Store) -> bool {
    use crate::store::file::FileState;
    if store.file_state() == FileState::Same {
        return false;
    }
    let Some(path) = store.path().map(std::path::Path::to_path_buf) else {
        return false;
    };
    if !path.exists() {
        return false;
    }
    match Store::open_existing(&path) {
        Ok(new) => {
            let _ = new.set_busy_timeout(retry::ATTEMPT);
            *store = new;
            app.say(
                app.lang.pick(
                    "数据库文件已被替换：已打开新文件",
                    "the database file was replaced: the new file is open",
                ),
                true,
            );
            true
        }
        Err(e) => {
            tracing::warn!("the replacing file cannot be opened: {e}");
            false
        }
    }
}

/// The action an event stands for in the app's current mode.
pub fn action_for(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) => {
            let key = Key::from_event(&k);
            if let Some(a) = app.keymap.lookup(app.contexts(), key) {
                return Some(a);
            }
            match k.code {
                crossterm::event::KeyCode::Char(c)
                    if app.typing()
                        && !k
                            .modifiers
                            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    Some(Action::Insert(c.to_string()))
                }
                _ => None,
            }
        }
        Event::Paste(s) if app.typing() => Some(Action::Insert(s)),
        Event::Paste(_) => None,
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Down),
            MouseEventKind::ScrollUp => Some(Action::Up),
            MouseEventKind::Down(_) if matches!(app.mode, Mode::Normal) => {
                Some(Action::Click(m.column, m.row))
            }
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Tick => Some(Action::Tick),
        Event::DbChanged => Some(Action::DbChanged),
        Event::DayChanged => Some(Action::DayChanged),
    }
}

/// Runs the board until the user quits. The terminal is restored on the way out, on an
/// error and (by the panic hook) on a panic.
pub fn run(store: &mut Store, mut app: App, mouse: bool) -> anyhow::Result<()> {
    install_panic_hook(mouse);
    let mut terminal = setup(mouse)?;
    let result = run_loop(&mut terminal, store, &mut app);
    restore(mouse);
    result
}

fn run_loop(
    terminal: &mut ratatui::Terminal<ratatui::backend::CrosstermBackend<Stdout>>,
    store: &mut Store,
    app: &mut App,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    let mut events = Events::new(store, app.env.clock, true);
    let mut dirty = true;
    let mut findings_due = true;
    // Alerts raised by the first read (before the loop) go out with the first frame.
    let notices = std::mem::take(&mut app.triage.outbox);
    notify::send(&mut io::stdout(), &notices)?;
    loop {
        if dirty {
            terminal.draw(|f| f.render_widget(&*app, f.area()))?;
            dirty = false;
        }
        // The first frame is drawn before the findings: they follow in the next one (on
        // failure, with the next re-read).
        if findings_due && app.snap.findings.pending {
            findings_due = false;
            if let Err(e) = app.complete_findings(store) {
                tracing::warn!("computing the findings failed: {e}");
                app.say(e.localized(app.lang), true);
            }
            dirty = true;
            continue;
        }
        if app.waiting.as_ref().is_some_and(|w| w.due()) {
            let effect = update::retry_waiting(app, store);
            after_update(app, store, effect);
            dirty = true;
        }
        // The loop sleeps until an event: a waiting action needs it back for its next try.
        if let Some(w) = &app.waiting {
            events.wake_by(w.last + retry::EVERY);
        }
        let Some(ev) = events.next(store)? else {
            continue;
        };
        let Some(action) = action_for(app, ev) else {
            continue;
        };
        let clock_before = app.env.clock;
        let effect = step(app, store, action);
        // Bells and desktop notifications are written here, by the terminal layer only.
        let notices = std::mem::take(&mut app.triage.outbox);
        if let Err(e) = notify::send(&mut io::stdout(), &notices) {
            tracing::warn!("sending a notification failed: {e}");
        }
        match effect {
            Effect::Quit => return Ok(()),
            Effect::None => {}
            Effect::Redraw | Effect::Reload | Effect::Requery => dirty = true,
        }
        if app.env.clock != clock_before {
            events.set_clock(app.env.clock);
        }
    }
}

fn setup(mouse: bool) -> io::Result<ratatui::Terminal<ratatui::backend::CrosstermBackend<Stdout>>> {
    use crossterm::{event as ev, execute, terminal as term};
    term::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, term::EnterAlternateScreen, ev::EnableBracketedPaste)?;
    if mouse {
        execute!(out, ev::EnableMouseCapture)?;
    }
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))
}

/// Puts the terminal back: raw mode off, alternate screen left, cursor shown.
fn restore(mouse: bool) {
    use crossterm::{cursor, event as ev, execute, terminal as term};
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, ev::DisableMouseCapture);
    }
    let _ = execute!(
        out,
        ev::DisableBracketedPaste,
        term::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = term::disable_raw_mode();
}

fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(mouse);
        tracing::error!("panic: {info}");
        previous(info);
    }));
}
