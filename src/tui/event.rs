//! Where the board's events come from: the keyboard (and paste, mouse, resize) through
//! crossterm; another process's commit; a tick every minute and an event exactly at local
//! midnight, so countdowns and overdue transitions follow the clock.
//!
//! A commit is noticed by SQLite's `PRAGMA data_version` (it reads the WAL index in
//! shared memory, not the disk, and moves only for other connections' commits). The loop
//! reads it when the watcher on the database's directory says the file or its WAL changed
//! ([`super::wake`]), a few times shortly after (the writer updates the WAL index just
//! after its last write to the WAL), and as a fallback on a timer: every [`POLL`] when no
//! watcher runs (it could not start, or the file is on a network file system), every
//! [`Wakeup::fallback`] when one does. Between events the thread sleeps on one channel
//! fed by the terminal thread and the watcher.

use super::wake::{self, Wake, Watch};
use crate::clock::Clock;
use crate::store::Store;
use crossterm::event::{KeyEvent, MouseEvent};
use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// How often the database's data version is polled when no watcher runs.
pub const POLL: Duration = Duration::from_millis(100);
/// How often it is read anyway while a watcher runs (an event the watcher missed).
pub const WATCHED_POLL: Duration = Duration::from_secs(1);
/// How often a board whose file is gone looks again for a database to reopen.
pub const MOVED_RETRY: Duration = Duration::from_secs(1);
/// How often the board re-reads so working-day countdowns stay current.
pub const TICK: Duration = Duration::from_secs(60);
/// The extra looks after a file wake, each after the one before: the writer makes its
/// commit visible (the WAL index in shared memory, which raises no file event) just after
/// its last write to the WAL, which the wake may have overtaken.
const SETTLE: [Duration; 3] = [
    Duration::from_millis(5),
    Duration::from_millis(20),
    Duration::from_millis(60),
];

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

/// How the board learns of other processes' commits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wakeup {
    /// Watch the database's directory and wake on its changes (false: poll only, as when
    /// the watcher cannot start).
    pub watch: bool,
    /// How often the data version is read anyway while the watcher runs.
    pub fallback: Duration,
}

impl Default for Wakeup {
    fn default() -> Wakeup {
        Wakeup {
            watch: true,
            fallback: WATCHED_POLL,
        }
    }
}

/// The event source.
pub struct Events {
    version: Option<i64>,
    next_tick: Instant,
    midnight: Instant,
    clock: Clock,
    /// When the data version and the file are next looked at without a file wake (so a
    /// stream of keys cannot starve them either).
    next_check: Instant,
    /// How many of [`SETTLE`]'s looks are done since the last file wake.
    settled: usize,
    /// An earlier moment the loop must be back by (a busy action's next attempt).
    wake_by: Option<Instant>,
    /// When the file was last found deleted or replaced (None: it is in place).
    moved: Option<Instant>,
    rx: Receiver<Wake>,
    /// Kept so the channel stays open in a headless board with no watcher.
    tx: Sender<Wake>,
    watch: Option<Watch>,
    fallback: Duration,
    /// File wakes taken so far (tests and the bench tell a wake from a poll by it).
    file_wakes: u64,
}

impl Events {
    /// Events for a board on `store` whose day follows `clock`; `terminal` false (headless
    /// tests and the bench) reads only time and the database.
    pub fn new(store: &Store, clock: Clock, terminal: bool) -> Events {
        Events::with(store, clock, terminal, Wakeup::default())
    }

    /// [`Events::new`] with the given way of waking.
    pub fn with(store: &Store, clock: Clock, terminal: bool, wakeup: Wakeup) -> Events {
        let now = Instant::now();
        let (tx, rx) = mpsc::channel();
        let watch = match store.path() {
            Some(path) if wakeup.watch => Watch::start(path, tx.clone())
                .inspect_err(|e| {
                    tracing::warn!("not watching the database file ({e}); polling every 100 ms")
                })
                .ok(),
            _ => None,
        };
        let mut events = Events {
            version: store.data_version().ok(),
            next_tick: now + TICK,
            midnight: now + clock.until_midnight(),
            clock,
            next_check: now,
            settled: SETTLE.len(),
            wake_by: None,
            moved: None,
            rx,
            tx: tx.clone(),
            watch,
            fallback: wakeup.fallback,
            file_wakes: 0,
        };
        events.next_check = now + events.interval();
        if terminal {
            if let Err(e) = wake::spawn_input(tx) {
                // Said on the first call to next(), like any failure to read the terminal.
                let _ = events.tx.send(Wake::InputFailed(e));
            }
        }
        events
    }

    /// Whether a watcher runs (false: the board polls every [`POLL`]).
    pub fn watching(&self) -> bool {
        self.watch.is_some()
    }

    /// How many times the watcher woke the loop.
    pub fn file_wakes(&self) -> u64 {
        self.file_wakes
    }

    /// The fallback poll's interval.
    fn interval(&self) -> Duration {
        if self.watch.is_some() {
            self.fallback
        } else {
            POLL
        }
    }

    /// Follows a new clock (after `:goto`).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
        self.midnight = Instant::now() + clock.until_midnight();
    }

    /// Makes the next [`Events::next`] return by `at` (with None if nothing happened).
    pub fn wake_by(&mut self, at: Instant) {
        self.wake_by = Some(self.wake_by.map_or(at, |w| w.min(at)));
    }

    /// The next event, after waiting at most until the next look at the database, tick,
    /// midnight or [`Events::wake_by`]; None when nothing happened.
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
        if now >= self.next_check {
            if let Some(ev) = self.check_db(store) {
                return Ok(Some(ev));
            }
        }
        if self.wake_by.is_some_and(|at| now >= at) {
            self.wake_by = None;
            return Ok(None);
        }
        let until = [
            Some(self.next_check),
            Some(self.midnight),
            Some(self.next_tick),
            self.wake_by,
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(self.next_check);
        match self.rx.recv_timeout(until.saturating_duration_since(now)) {
            Ok(Wake::Input(ev)) => Ok(Some(ev)),
            Ok(Wake::InputFailed(e)) => Err(e),
            Ok(Wake::File) => {
                if let Some(w) = &self.watch {
                    w.taken();
                }
                self.settled = 0;
                self.file_wakes += 1;
                Ok(self.check_db(store))
            }
            // Time: the next call does what is due.
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => Ok(None),
        }
    }

    /// `DbChanged` when another connection committed since the last check, or the file
    /// was deleted or replaced.
    pub fn check_db(&mut self, store: &Store) -> Option<Event> {
        let now = Instant::now();
        let after = match SETTLE.get(self.settled) {
            Some(d) => {
                self.settled += 1;
                *d
            }
            None => self.interval(),
        };
        self.next_check = now + after;
        // The file itself: replaced or deleted under the board is said at once; the
        // refresh it triggers fails with the reason, or reopens a new dutydesk database.
        // While it stays away the board tries again every second (a file being copied in
        // is not a database until the copy is done).
        let moved = store.file_state() != crate::store::file::FileState::Same;
        match (moved, self.moved) {
            (true, Some(at)) if at.elapsed() < MOVED_RETRY => {
                self.next_check = self.next_check.min(at + MOVED_RETRY);
            }
            (true, _) => {
                self.moved = Some(now);
                self.next_check = self.next_check.min(now + MOVED_RETRY);
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
