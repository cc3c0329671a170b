//! The SQLite store: one shared file, opened by many boards and scripts at once.
//!
//! Discipline: WAL (readers never block the writer), foreign keys on, a busy timeout so a
//! second writer waits instead of failing, versioned migrations each in a transaction,
//! one IMMEDIATE transaction per user action, prepared (cached) statements only, and an
//! append-only audit log written in the same transaction as every change.

pub mod audit;
pub mod audit_mine;
pub mod busy;
pub mod compliance;
pub mod file;
pub mod health;
pub mod migrations;
pub mod people;
pub mod queries;
pub mod report;
pub mod share;
pub mod shift;

use crate::calendar::{Calendar, YearSchedule};
use crate::error::{DbContext, Error, IoContext, Result};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another writer's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The file's device and inode when opened: a read or write first checks the path
    /// still leads to it (see [`Store::file_state`]).
    ident: Option<file::FileId>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date:
    /// for `init`, `demo` and `bench`, the commands that make a database. A file that is
    /// not a dutydesk database is refused untouched ([`file::check_is_ours`]). Every
    /// other command uses [`Store::open_existing`] or [`Store::open_read_only`].
    pub fn open(path: &Path) -> Result<Store> {
        file::check_is_ours(path, true)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).at_path(dir)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .db(format!("opening {}", path.display()))?;
        Self::setup(conn, Some(path.to_path_buf()))
    }

    /// Opens an existing dutydesk database for reading and writing, bringing its schema up
    /// to date; a missing path is an error naming it and nothing is created; a file that
    /// is not a dutydesk database is refused untouched.
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(file::missing(path));
        }
        file::check_is_ours(path, false)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .db(format!("opening {}", path.display()))?;
        Self::setup(conn, Some(path.to_path_buf()))
    }

    /// Opens the database at `path` for reading only (`list`, `check`, `export`): nothing
    /// this connection does can change the file, so reading it stays a read even on a
    /// read-only file or one shared with running boards. A missing path is an error (nothing
    /// is created); a file that is not a dutydesk database is refused untouched; one whose
    /// schema is older than [`migrations::LATEST`] is migrated by [`Store::open_existing`];
    /// a newer schema is refused. In a read-only directory, where SQLite cannot make the
    /// shared-memory file a WAL reader needs, the file is read as immutable.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(file::missing(path));
        }
        file::worth_opening(path, false)?;
        // The connection that reads is the one that checks the file is ours.
        let conn = Self::read_only_conn(path, false)?;
        file::check_open(&conn, path, false)?;
        let (conn, found) = match migrations::version(&conn) {
            Ok(v) => (conn, v),
            Err(e) if busy::error_is_readonly(&e) => {
                drop(conn);
                let conn = Self::read_only_conn(path, true)?;
                file::check_open(&conn, path, false)?;
                let v = migrations::version(&conn)?;
                (conn, v)
            }
            Err(e) => return Err(e),
        };
        if found > migrations::LATEST {
            return Err(Error::SchemaTooNew {
                found,
                supported: migrations::LATEST,
            });
        }
        if found < migrations::LATEST {
            drop(conn);
            return Self::open_existing(path);
        }
        // No journal-mode switch: the file is already in WAL (the writer that made it set
        // it), and a read-only connection could not change it anyway.
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;")
            .db("setting connection pragmas")?;
        tune(&conn)?;
        Ok(Store {
            conn,
            ident: file::FileId::of(path),
            path: Some(path.to_path_buf()),
        })
    }

    /// A read-only connection; `immutable` for a file in a read-only place.
    fn read_only_conn(path: &Path, immutable: bool) -> Result<Connection> {
        let conn = if immutable {
            let uri = format!("file:{}?immutable=1", uri_path(path));
            Connection::open_with_flags(
                uri,
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX
                    | OpenFlags::SQLITE_OPEN_URI,
            )
        } else {
            Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        }
        .db(format!("opening {} read-only", path.display()))?;
        // A read can wait for a writer's checkpoint just as a writer waits for a lock.
        conn.busy_timeout(BUSY_TIMEOUT)
            .db("setting the busy timeout")?;
        Ok(conn)
    }

    /// Whether this connection cannot write (a read-only open, or a file or directory the
    /// account may not write).
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
    }

    /// How long a write waits for another writer's lock before reporting busy (the board
    /// waits briefly and retries itself, so its screen never freezes).
    pub fn set_busy_timeout(&self, wait: Duration) -> Result<()> {
        self.conn.busy_timeout(wait).db("setting the busy timeout")
    }

    /// Whether the path still leads to the file this store was opened on.
    pub fn file_state(&self) -> file::FileState {
        let (Some(path), Some(id)) = (&self.path, self.ident) else {
            return file::FileState::Same;
        };
        match file::FileId::of(path) {
            None => file::FileState::Deleted,
            Some(now) if now != id => file::FileState::Replaced,
            Some(_) => file::FileState::Same,
        }
    }

    /// Refuses to go on when the file was deleted or replaced since it was opened.
    fn check_file(&self) -> Result<()> {
        match (self.file_state(), &self.path) {
            (file::FileState::Same, _) | (_, None) => Ok(()),
            (state, Some(path)) => Err(file::moved_error(path, state)),
        }
    }

    /// An in-memory database (tests).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().db("opening an in-memory database")?;
        Self::setup(conn, None)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.busy_timeout(BUSY_TIMEOUT)
            .db("setting the busy timeout")?;
        // journal_mode returns a row, so it is queried rather than executed.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .db("switching to WAL")?;
        if path.is_some() && !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!(mode, "database is not in WAL mode");
        }
        conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             PRAGMA synchronous = NORMAL;
             PRAGMA temp_store = MEMORY;",
        )
        .db("setting connection pragmas")?;
        tune(&conn)?;
        migrations::migrate(&mut conn)?;
        let ident = path.as_deref().and_then(file::FileId::of);
        Ok(Store { conn, path, ident })
    }

    /// The file this store is on (None in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one IMMEDIATE transaction: all of it commits, or none of it does.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        // Never into a file that is no longer the shared one.
        self.check_file()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .db("starting a write transaction")?;
        let out = f(&tx)?;
        tx.commit().db("committing")?;
        Ok(out)
    }

    /// Runs `f` in one read transaction, so a snapshot sees one consistent state.
    pub fn read<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        // A board on a deleted or replaced file says so instead of showing stale data.
        self.check_file()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .db("starting a read transaction")?;
        let out = f(&tx)?;
        tx.finish().db("ending a read transaction")?;
        Ok(out)
    }

    /// SQLite's data version: it changes whenever another connection commits to the file.
    /// Cheap enough to poll many times a second (no disk read in WAL mode).
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .db("reading the data version")
    }

    /// A value from the `meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        meta_get(&self.conn, key)
    }

    /// The calendar: the compiled-in schedules with this database's imported years on top.
    pub fn calendar(&self) -> Result<Calendar> {
        let mut cal = Calendar::embedded();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT year, json FROM holiday_years ORDER BY year")
            .db("preparing the holiday query")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .db("reading imported holiday years")?;
        for row in rows {
            let (year, json) = row.db("reading an imported holiday year")?;
            let sched = YearSchedule::parse(&json, &format!("database holiday year {year}"))?;
            cal = cal.with_year(sched);
        }
        Ok(cal)
    }
}

/// A path for a `file:` URI: `%`, `?` and `#` escaped.
/// Statement handling shared by every connection.
///
/// - The query planner stability guarantee: a plan never depends on the values bound.
///   Without it, once `ANALYZE` has gathered samples (SQLite is built with STAT4), every
///   statement whose plan could depend on a bound date or id is marked to be prepared
///   anew whenever a value is bound or cleared, so each cached statement was compiled
///   again on every use. The pane and compliance queries are written for one plan each
///   (`tests/pane_scale.rs`, `tests/compliance_plans.rs`).
/// - A statement cache that holds everything one refresh of the board prepares (the
///   panes' variants, the header, the findings of one item of each kind and of the
///   district), so none is evicted and prepared again within a refresh.
fn tune(conn: &Connection) -> Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
        .db("fixing the query plans")?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(())
}

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 256;

fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

/// Reads a `meta` value.
pub fn meta_get(conn: &Connection, key: &str) -> Result<Option<String>> {
    conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")
        .db("preparing the meta query")?
        .query_row([key], |r| r.get(0))
        .optional()
        .db(format!("reading meta '{key}'"))
}

/// Maps "no row" to a clear not-found error.
pub fn not_found<T>(what: impl Into<String>) -> impl FnOnce(Option<T>) -> Result<T> {
    let what = what.into();
    move |v| v.ok_or(Error::NotFound(what))
}
