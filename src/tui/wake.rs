//! What wakes the board's loop. crossterm's input wait cannot be interrupted from another
//! thread, so every source sends into one channel the loop waits on: a thread that reads
//! the terminal, and a watcher (inotify through `notify`) on the database's directory that
//! says "the database file or its WAL changed". A wake from the watcher carries no data:
//! the loop then reads `PRAGMA data_version`, so only another connection's commit
//! refreshes the board (SQLite does not move it for the connection's own commits).

use super::event::Event;
use crossterm::event::{self as ct, KeyEventKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

/// What the loop is woken by.
#[derive(Debug)]
pub(crate) enum Wake {
    /// A terminal event (key, paste, mouse, resize).
    Input(Event),
    /// Reading the terminal failed: the board stops with this error.
    InputFailed(io::Error),
    /// The database file or its WAL changed (or the watcher lost track and asks for a look).
    File,
}

/// Starts the thread that reads the terminal. It blocks in crossterm's read (no timer, so
/// an idle board costs nothing) and ends when the loop's receiver is gone, at the next
/// terminal event; a board is the last thing a process runs, so nothing reads after it.
pub(crate) fn spawn_input(tx: Sender<Wake>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("dutydesk-input".into())
        .spawn(move || {
            loop {
                let wake = match ct::read() {
                    Ok(e) => match translate(e) {
                        Some(ev) => Wake::Input(ev),
                        None => continue,
                    },
                    Err(e) => Wake::InputFailed(e),
                };
                let failed = matches!(wake, Wake::InputFailed(_));
                if tx.send(wake).is_err() || failed {
                    return;
                }
            }
        })
        .map(drop)
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

/// A running watcher on a database's directory; dropping it stops the watching.
pub(crate) struct Watch {
    _watcher: RecommendedWatcher,
    /// Set while a `File` wake is queued and not yet taken: a burst of writes (a large
    /// import writes thousands of WAL frames) wakes the loop once, not once per write.
    pending: Arc<AtomicBool>,
}

impl Watch {
    /// Watches the directory of `db` (not recursively: the WAL is created and removed
    /// beside the file, so the file alone cannot be watched) and wakes the loop through
    /// `tx` when the file or its WAL changes. Errs where it cannot be trusted or started:
    /// a network file system (another machine's writes raise no local event), a store
    /// without a file, no inotify instance or watch left.
    pub(crate) fn start(db: &Path, tx: Sender<Wake>) -> Result<Watch, String> {
        // SQLite follows symbolic links to the real file; its WAL lies beside that one.
        let db = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
        let (Some(dir), Some(name)) = (db.parent(), db.file_name()) else {
            return Err(format!("{}: no directory to watch", db.display()));
        };
        if let Some(kind) = network_fs(dir) {
            return Err(format!("{}: a network file system ({kind})", dir.display()));
        }
        let mut wal = name.to_os_string();
        wal.push("-wal");
        let names = [name.to_os_string(), wal];
        let pending = Arc::new(AtomicBool::new(false));
        let flag = pending.clone();
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            let relevant = match &res {
                Ok(ev) => concerns(ev, &names),
                // Lost events (queue overflow): look, to be safe.
                Err(_) => true,
            };
            if relevant && !flag.swap(true, Ordering::AcqRel) {
                // The loop gone: the board is closing, nothing to wake.
                let _ = tx.send(Wake::File);
            }
        })
        .map_err(|e| e.to_string())?;
        watcher
            .watch(dir, RecursiveMode::NonRecursive)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(Watch {
            _watcher: watcher,
            pending,
        })
    }

    /// Takes the queued wake: a change after this wakes the loop again.
    pub(crate) fn taken(&self) {
        self.pending.store(false, Ordering::Release);
    }
}

/// Whether a file event is about the database or its WAL. Opening or reading a file
/// (every `dutydesk list` opens it) or changing its owner, mode or times is not a change;
/// a write, a close after writing, a creation, a removal or a rename is; a lost-track
/// event (rescan) is, to be safe.
fn concerns(ev: &notify::Event, names: &[OsString; 2]) -> bool {
    if ev.need_rescan() {
        return true;
    }
    let change = match ev.kind {
        EventKind::Access(notify::event::AccessKind::Close(notify::event::AccessMode::Write)) => {
            true
        }
        EventKind::Access(_) => false,
        // Owner, mode or times: SQLite gives a new WAL its file's owner at every open.
        EventKind::Modify(notify::event::ModifyKind::Metadata(_)) => false,
        _ => true,
    };
    change
        && ev.paths.iter().any(|p| {
            p.file_name()
                .is_some_and(|n| names.iter().any(|want| want == n))
        })
}

/// The kind of network file system `dir` is on, if it is one: inotify sees only this
/// machine's writes there.
fn network_fs(dir: &Path) -> Option<&'static str> {
    // Magic numbers from statfs(2); not all are named by nix.
    const NETWORK: [(u64, &str); 9] = [
        (0x6969, "nfs"),
        (0x517B, "smb"),
        (0xFF53_4D42, "cifs"),
        (0xFE53_4D42, "smb2"),
        (0x0102_1997, "9p"),
        (0x00C3_6400, "ceph"),
        (0x6B41_4653, "afs"),
        (0x6573_5546, "fuse"),
        (0x564C, "ncp"),
    ];
    let fs = nix::sys::statfs::statfs(&PathBuf::from(dir)).ok()?;
    #[allow(clippy::unnecessary_cast)] // the field's type differs between platforms
    let magic = (fs.filesystem_type().0 as u64) & 0xFFFF_FFFF;
    NETWORK.iter().find(|(m, _)| *m == magic).map(|(_, k)| *k)
}
