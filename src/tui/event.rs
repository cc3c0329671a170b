//! Where the board's events come from: the keyboard (and paste, mouse, resize) through
//! crossterm; another process's commit, noticed by polling SQLite's `PRAGMA data_version`
//! whenever the input wait times out (about every 100 ms: the pragma reads the WAL index
//! in shared memory, not the disk); a tick every minute and an event exactly at local
//! midnight, so countdowns and overdue transitions follow the clock. Between events the
//! thread sleeps in the input wait: an idle board wakes ten times a second and does no
//! other work.

use crate::clock::Clock;
use crate::store::Store;
use crossterm::event::{self as ct, KeyEvent, KeyEventKind, MouseEvent};
use std::io;
use std::time::{Duration, Instant};

/// How often the database's data version is polled.
pub const POLL: Duration = Duration::from_millis(100);
/// How often a board whose file is gone looks again for a database to reopen.
pub const MOVED_RETRY: Duration = Duration::from_secs(1);
/// How often the board re-reads so working-day countdowns stay current.
pub const TICK: Duration = Duration::from_secs(60);

/// An event for the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Key(KeyEvent),
    Paste(String),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// A minute passed.
    Tick,
    /// Another connection committed to the database.
    DbChanged,
    /// Local midnight passed.
    DayChanged,
}

/// The event source.
pub struct Events {
    version: Option<i64>,
    next_tick: Instant,
    midnight: Instant,
    clock: Clock,
    /// When the data version was last read (so a stream of keys cannot starve it).
    checked: Instant,
    /// Read the terminal (false in headless tests: only time and the database).
    terminal: bool,
    /// When the file was last found deleted or replaced (None: it is in place).
    moved: Option<Instant>,
}

impl Events {
    /// Events for a board on `store` whose day follows `clock`.
    pub fn new(store: &Store, clock: Clock, terminal: bool) -> Events {
        let now = Instant::now();
        Events {
            version: store.data_version().ok(),
            next_tick: now + TICK,
            midnight: now + clock.until_midnight(),
            clock,
            checked: now,
            terminal,
            moved: None,
        }
    }

    /// Follows a new clock (after `:goto`).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
        self.midnight = Instant::now() + clock.until_midnight();
    }

    /// The next event, waiting at most [`POLL`]; None when nothing happened.
    pub fn next(&mut self, store: &Store) -> io::Result<Option<Event>> {
        let now = Instant::now();
        if now >= self.midnight {
            // Re-arm from the clock, not by adding 24 h, so a suspended laptop catches up.
            self.midnight = now + self.clock.until_midnight().max(Duration::from_secs(1));
            self.next_tick = now + TICK;
            return Ok(Some(Event::DayChanged));
        }
        if now >= self.next_tick {
            self.next_tick = now + TICK;
            return Ok(Some(Event::Tick));
        }
        if now.duration_since(self.checked) >= POLL {
            if let Some(ev) = self.check_db(store) {
                return Ok(Some(ev));
            }
        }
        let wait = POLL.min(self.midnight - now).min(self.next_tick - now);
        if self.terminal {
            if ct::poll(wait)? {
                if let Some(ev) = translate(ct::read()?) {
                    return Ok(Some(ev));
                }
                return Ok(None);
            }
        } else {
            std::thread::sleep(wait);
        }
        Ok(self.check_db(store))
    }

    /// `DbChanged` when another connection committed since the last check.
    pub fn check_db(&mut self, store: &Store) -> Option<Event> {
        self.checked = Instant::now();
        // The file itself: replaced or deleted under the board is said at once; the
        // refresh it triggers fails with the reason, or reopens a new dutydesk database.
        // While it stays away the board tries again every second (a file being copied in
        // is not a database until the copy is done).
        let moved = store.file_state() != crate::store::file::FileState::Same;
        match (moved, self.moved) {
            (true, Some(at)) if at.elapsed() < MOVED_RETRY => {}
            (true, _) => {
                self.moved = Some(Instant::now());
                return Some(Event::DbChanged);
            }
            (false, Some(_)) => {
                // Back (the same file moved back): re-read.
                self.moved = None;
                return Some(Event::DbChanged);
            }
            (false, None) => {}
        }
        let v = store.data_version().ok()?;
        if self.version.replace(v) != Some(v) {
            return Some(Event::DbChanged);
        }
        None
    }
}

fn translate(e: ct::Event) -> Option<Event> {
    match e {
        ct::Event::Key(k) if k.kind != KeyEventKind::Release => Some(Event::Key(k)),
        ct::Event::Paste(s) => Some(Event::Paste(s)),
        ct::Event::Mouse(m) => Some(Event::Mouse(m)),
        ct::Event::Resize(w, h) => Some(Event::Resize(w, h)),
        _ => None,
    }
}
