//! The SQLite store: one shared file, opened by many boards and scripts at once.
//!
//! Discipline: WAL (readers never block the writer), foreign keys on, a busy timeout so a
//! second writer waits instead of failing, versioned migrations each in a transaction,
//! one IMMEDIATE transaction per user action, prepared (cached) statements only, and an
//! append-only audit log written in the same transaction as every change.

pub mod audit;
pub mod audit_mine;
pub mod compliance;
pub mod migrations;
pub mod people;
pub mod queries;
pub mod report;
pub mod shift;

use crate::calendar::{Calendar, YearSchedule};
use crate::error::{DbContext, Error, IoContext, Result};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another writer's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
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

    /// Opens the database at `path` for reading only (`list`, `check`, `export`): nothing
    /// this connection does can change the file, so reading it stays a read even on a
    /// read-only file or one shared with running boards. A missing file, or one whose
    /// schema is older than [`migrations::LATEST`], is opened by [`Store::open`] instead,
    /// which creates or migrates it as every command always has; a newer schema is refused.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Self::open(path);
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .db(format!("opening {} read-only", path.display()))?;
        // A read can wait for a writer's checkpoint just as a writer waits for a lock.
        conn.busy_timeout(BUSY_TIMEOUT)
            .db("setting the busy timeout")?;
        let found = migrations::version(&conn)?;
        if found > migrations::LATEST {
            return Err(Error::SchemaTooNew {
                found,
                supported: migrations::LATEST,
            });
        }
        if found < migrations::LATEST {
            drop(conn);
            return Self::open(path);
        }
        // No journal-mode switch: the file is already in WAL (the writer that made it set
        // it), and a read-only connection could not change it anyway.
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;")
            .db("setting connection pragmas")?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
        })
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
        conn.set_prepared_statement_cache_capacity(64);
        migrations::migrate(&mut conn)?;
        Ok(Store { conn, path })
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
