//! The database file itself: whether a path holds a dutydesk database (checked without
//! writing a byte), which file an open store is on (device and inode, so a file replaced
//! by `mv` or deleted under a running board is noticed), the modes and group a shared
//! file needs, and the lock a board holds so `demo` never rebuilds a file in use.

use crate::error::{Error, IoContext, Result};
use rusqlite::{Connection, OpenFlags};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// A file's identity: device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    pub dev: u64,
    pub ino: u64,
}

impl FileId {
    /// The identity of the file at `path` now (None when there is none).
    pub fn of(path: &Path) -> Option<FileId> {
        std::fs::metadata(path).ok().map(|m| FileId {
            dev: m.dev(),
            ino: m.ino(),
        })
    }
}

/// What became of the file a store was opened on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    /// Still the same file.
    Same,
    /// Nothing is at the path any more.
    Deleted,
    /// Another file is at the path (restored by `mv`, rebuilt by `demo`).
    Replaced,
}

/// The refusal for a store whose file is gone or replaced: nothing is written to (or
/// read from) a file that is no longer the shared one.
pub fn moved_error(path: &Path, state: FileState) -> Error {
    let p = path.display();
    match state {
        FileState::Deleted => Error::refused(
            format!("数据库文件 {p} 已被删除；未写入任何内容"),
            format!("the database file {p} was deleted; nothing was written"),
        ),
        _ => Error::refused(
            format!("数据库文件 {p} 已被替换；未写入旧文件，请重新打开"),
            format!(
                "the database file {p} was replaced; nothing was written to the old file — reopen it"
            ),
        ),
    }
}

/// The error for a command other than `init`/`demo` on a path with no database.
pub fn missing(path: &Path) -> Error {
    let p = path.display();
    Error::no_such(
        format!(
            "数据库文件 {p} 不存在（未创建任何文件）；新建请用 dutydesk init --profile ID，或用 --db 指定正确的路径"
        ),
        format!(
            "there is no database at {p} (nothing was created); make one with dutydesk init --profile ID, or name the right one with --db"
        ),
    )
}

/// Whether the file at `path` may be opened as a dutydesk database: it is one (a
/// `meta` table and a schema version), or — when `creating` — it is empty. Anything else
/// (another application's SQLite file, a file that is not SQLite) is refused and left
/// exactly as it was: this looks through a read-only connection.
pub fn check_is_ours(path: &Path, creating: bool) -> Result<()> {
    if !worth_opening(path, creating)? {
        return Ok(());
    }
    let conn = match Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        Ok(c) => c,
        Err(e) if crate::store::busy::is_readonly_place(&e) => return Ok(()),
        Err(_) => return Err(not_ours(path, "不是 SQLite 文件", "not an SQLite file")),
    };
    let _ = conn.busy_timeout(super::BUSY_TIMEOUT);
    check_open(&conn, path, creating)
}

/// Whether a file at `path` needs a look inside: false when there is none (nothing to
/// refuse); an empty file is refused here unless `creating`.
pub(crate) fn worth_opening(path: &Path, creating: bool) -> Result<bool> {
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e).at_path(path),
    };
    match len {
        0 if creating => Ok(false),
        0 => Err(not_ours(path, "空文件", "an empty file")),
        _ => Ok(true),
    }
}

/// [`check_is_ours`] through a connection already open on the file (a read opens one
/// connection, not two: each reads the schema anew). A place where SQLite cannot make
/// its shared-memory file says nothing here; the caller's first read finds it.
pub(crate) fn check_open(conn: &Connection, path: &Path, creating: bool) -> Result<()> {
    let version: i64 = match conn.query_row("PRAGMA user_version", [], |r| r.get(0)) {
        Ok(v) => v,
        Err(e) if crate::store::busy::is_readonly_place(&e) => return Ok(()),
        Err(_) => return Err(not_ours(path, "不是 SQLite 文件", "not an SQLite file")),
    };
    // One look at the schema: how many objects, and whether `meta` is a table among them.
    let (objects, has_meta): (i64, bool) = conn
        .query_row(
            "SELECT count(*), coalesce(max(type = 'table' AND name = 'meta'), 0) FROM sqlite_master",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap_or((1, false));
    match (version, has_meta) {
        (v, true) if v > 0 => Ok(()),
        // A newer dutydesk's file: the schema check refuses it, naming the versions.
        (v, _) if v > crate::store::migrations::LATEST => Ok(()),
        (0, false) if objects == 0 && creating => Ok(()),
        (0, false) if objects == 0 => {
            Err(not_ours(path, "空的 SQLite 文件", "an empty SQLite file"))
        }
        _ => Err(not_ours(
            path,
            "其他程序的 SQLite 文件",
            "another application's SQLite file",
        )),
    }
}

/// The refusal of a file that is not a dutydesk database, left untouched.
fn not_ours(path: &Path, why_zh: &str, why_en: &str) -> Error {
    let p = path.display();
    Error::refused(
        format!("{p} 不是值班台数据库（{why_zh}）；未作任何改动"),
        format!("{p} is not a dutydesk database ({why_en}); it was left untouched"),
    )
}

/// The database file and its WAL and shared-memory companions.
pub fn with_companions(path: &Path) -> [PathBuf; 3] {
    let add = |suffix: &str| {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        PathBuf::from(p)
    };
    [path.to_path_buf(), add("-wal"), add("-shm")]
}

/// A lock a board holds on its database file while open (shared: several boards at
/// once); `demo` asks for it exclusively before rebuilding a file, so it never deletes a
/// file a board is showing. Advisory (`flock`), independent of SQLite's own locks.
pub struct BoardLock {
    _lock: nix::fcntl::Flock<std::fs::File>,
}

impl BoardLock {
    /// Takes the shared lock (None where the file cannot be opened: a lock is a courtesy
    /// to `demo`, never a reason for a board not to open).
    pub fn shared(path: &Path) -> Option<BoardLock> {
        let file = std::fs::File::open(path).ok()?;
        let lock = nix::fcntl::Flock::lock(file, nix::fcntl::FlockArg::LockSharedNonblock).ok()?;
        Some(BoardLock { _lock: lock })
    }

    /// Whether some board has the file open (its shared lock would block ours).
    pub fn in_use(path: &Path) -> bool {
        let Ok(file) = std::fs::File::open(path) else {
            return false;
        };
        // Dropping the lock releases it at once.
        nix::fcntl::Flock::lock(file, nix::fcntl::FlockArg::LockExclusiveNonblock).is_err()
    }
}
