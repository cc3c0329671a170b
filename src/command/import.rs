//! `Command::Import`: records from a file (JSON Lines or CSV), written in the command's
//! transaction — a whole file or nothing. Importing needs the government office or an
//! administrator. Records that only register (arrivals, meetings, the org chart) are an
//! ordinary import; records carrying a later state (signed, returned, closed, minutes
//! issued) are a migration import, for administrators only and audited as such. A record
//! that would make a row inconsistent (待批 over a signed document) is refused with its
//! line.

use super::outcome::{Detail, Done, Record};
use super::register::{self, Audit, Registrar, Upsert};
use crate::domain::roles::Act;
use crate::domain::{DocState, Env, MeetingState, SupState};
use crate::error::{DbContext, Error, IoContext, Result};
use crate::interchange::{self, Format, ImportSummary, Record as Rec};
use rusqlite::Connection;
use std::io::BufReader;
use std::path::PathBuf;

/// Where an import's records come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportSource {
    /// A file; its format by extension, else sniffed.
    File(PathBuf),
    /// Text in memory (the demo's org chart); `name` names it in errors.
    Text {
        name: String,
        text: String,
        format: Format,
    },
}

impl ImportSource {
    /// The name errors and summaries use.
    pub fn name(&self) -> String {
        match self {
            ImportSource::File(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            ImportSource::Text { name, .. } => name.clone(),
        }
    }
}

/// An ordinary import, or a migration import of records carrying later states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportMode {
    #[default]
    Ordinary,
    Migration,
}

/// Performs an import inside the command's transaction.
pub(super) fn perform(
    tx: &Connection,
    env: &Env,
    source: &ImportSource,
    mode: ImportMode,
) -> Result<Done> {
    let act = if mode == ImportMode::Migration {
        Act::MigrationImport
    } else {
        Act::Import
    };
    super::dispatch::require(tx, env, act)?;
    let audit = if mode == ImportMode::Migration {
        Audit::Migration
    } else {
        Audit::Each
    };
    let summary = run(tx, env, source, mode, audit)?;
    let name = source.name();
    let n = summary.total();
    let (verb_zh, verb_en) = if mode == ImportMode::Migration {
        ("迁移导入", "migration import of")
    } else {
        ("导入", "imported")
    };
    let mut done = Record {
        action: if mode == ImportMode::Migration {
            "import-migration"
        } else {
            "import"
        },
        entity: "database",
        id: 0,
        zh: format!("{verb_zh} {name}：{n} 条记录"),
        en: format!("{verb_en} {name}: {n} records"),
        before: None,
        after: Some(serde_json::json!({"source": name, "records": n})),
        acted_for: None,
    }
    .commit(tx, env)?;
    done.detail = Detail::Imported(summary);
    Ok(done)
}

/// Reads and writes every record of `source`. `audit` says whether each record gets its
/// own audit row (imports) or the caller records one for the batch (the demo).
pub(crate) fn run(
    tx: &Connection,
    env: &Env,
    source: &ImportSource,
    mode: ImportMode,
    audit: Audit,
) -> Result<ImportSummary> {
    let name = source.name();
    // Every reference is resolved, with its line, before its row is written, so the keys
    // need no check per statement: deferred to the commit, they cost no statement
    // journal, and a whole file still commits or fails as one.
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")
        .db("deferring the key checks to the commit")?;
    with_cache(tx, || read_all(tx, env, source, mode, audit, &name))
}

/// The page cache an import works in, in KiB. SQLite's default (2 MiB) is far smaller
/// than the indexes a large import extends, so it would write pages out to the WAL and
/// read them back many times before the commit. Memory only: durability is untouched.
pub(crate) const CACHE_KIB: i64 = 64 * 1024;

/// Runs `f` with the import's page cache on `conn`, then puts the connection's own back.
pub(crate) fn with_cache<T>(conn: &Connection, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let own: i64 = conn
        .query_row("PRAGMA cache_size", [], |r| r.get(0))
        .db("reading the page cache size")?;
    conn.execute_batch(&format!("PRAGMA cache_size = -{CACHE_KIB}"))
        .db("enlarging the page cache for the import")?;
    let out = f();
    let restored = conn
        .execute_batch(&format!("PRAGMA cache_size = {own}"))
        .db("restoring the page cache size");
    // The import's own error first: it is the one that names a line.
    let value = out?;
    restored?;
    Ok(value)
}

fn read_all(
    tx: &Connection,
    env: &Env,
    source: &ImportSource,
    mode: ImportMode,
    audit: Audit,
    name: &str,
) -> Result<ImportSummary> {
    let name = name.to_string();
    let mut imp = Importer {
        conn: tx,
        // `read_records` refuses an id given twice, so every key is new to the file.
        registrar: Registrar::new(tx, env, audit).unique_keys(),
        audit,
        mode,
        source: &name,
        summary: ImportSummary::default(),
        partners: Vec::new(),
    };
    match source {
        ImportSource::File(path) => {
            let file = std::fs::File::open(path).at_path(path)?;
            let mut reader = BufReader::with_capacity(1 << 16, file);
            let format = interchange::file_format(path, &mut reader)?;
            if format == interchange::Format::Csv {
                // Excel in a Chinese locale writes GBK: detect, decode, say which.
                let mut bytes = Vec::new();
                std::io::Read::read_to_end(&mut reader, &mut bytes).at_path(path)?;
                let (text, enc) = interchange::encoding::decode(&bytes)
                    .map_err(|m| Error::invalid(name.clone(), m))?;
                imp.summary.encoding = Some(enc);
                interchange::read_records(text.as_bytes(), format, &name, |line, rec| {
                    imp.apply(line, &rec)
                })?;
            } else {
                interchange::read_records(reader, format, &name, |line, rec| {
                    imp.apply(line, &rec)
                })?;
            }
        }
        ImportSource::Text { text, format, .. } => {
            interchange::read_records(text.as_bytes(), *format, &name, |line, rec| {
                imp.apply(line, &rec)
            })?;
        }
    }
    imp.finish()
}

struct Importer<'a> {
    conn: &'a Connection,
    registrar: Registrar<'a>,
    audit: Audit,
    mode: ImportMode,
    source: &'a str,
    summary: ImportSummary,
    /// Partners named before their own record: (line, login, partner login).
    partners: Vec<(u64, String, String)>,
}

impl Importer<'_> {
    fn apply(&mut self, line: u64, rec: &Rec) -> Result<()> {
        let u = self
            .check(rec)
            .and_then(|()| self.write(line, rec))
            .map_err(|e| self.located(line, e))?;
        self.summary.add(rec, u.is_insert());
        Ok(())
    }

    /// Rights and consistency for one record, before it is written.
    fn check(&self, rec: &Rec) -> Result<()> {
        if self.mode == ImportMode::Ordinary && self.audit != Audit::Batch {
            if let Some((zh, en)) = later_state(rec) {
                return Err(Error::refused(
                    format!(
                        "该记录带有后续状态（{zh}），属于迁移导入：须由管理员使用 import --migration"
                    ),
                    format!(
                        "the record carries a later state ({en}): that is a migration import, for an administrator with import --migration"
                    ),
                ));
            }
        }
        consistent(&self.registrar, rec)
    }

    fn write(&mut self, line: u64, rec: &Rec) -> Result<Upsert> {
        // A partner further down the file is linked once the whole file is in.
        if let Rec::Person(p) = rec {
            if let Some(partner) = &p.partner {
                if !register::person_exists(self.conn, partner)? {
                    self.partners.push((line, p.login.clone(), partner.clone()));
                    let mut early = p.clone();
                    early.partner = None;
                    return register::write_person(&self.registrar, &early);
                }
            }
        }
        register::write(&self.registrar, rec)
    }

    fn finish(self) -> Result<ImportSummary> {
        for (line, login, partner) in &self.partners {
            register::set_partner(&self.registrar, login, partner)
                .map_err(|e| self.located(*line, e))?;
        }
        self.registrar.finish()?;
        Ok(self.summary)
    }

    /// Puts the file and line in front of an error about a record.
    fn located(&self, line: u64, e: Error) -> Error {
        let at = format!("{}:{line}", self.source);
        match e {
            Error::Io { .. } => e,
            // A full disk or a busy database is not a fault of this line: said as itself.
            e if crate::store::busy::error_is_full(&e) || crate::store::busy::error_is_busy(&e) => {
                e
            }
            Error::Refused { zh, en } | Error::NoSuch { zh, en } => {
                Error::refused(format!("{at}：{zh}"), format!("{at}: {en}"))
            }
            other => Error::invalid(at, other.to_string()),
        }
    }
}

/// The later state a record carries, if any, in both languages.
fn later_state(rec: &Rec) -> Option<(&'static str, &'static str)> {
    match rec {
        Rec::Document(d) => {
            if matches!(d.state, Some(DocState::Signed))
                || d.signed_on.is_some()
                || d.signed_by.is_some()
                || d.instruction.is_some()
            {
                Some(("已签批", "signed"))
            } else if matches!(d.state, Some(DocState::Returned)) || d.return_reason.is_some() {
                Some(("退回", "returned"))
            } else if d.printed_on.is_some() || d.published_on.is_some() {
                Some(("已印制或公开", "printed or published"))
            } else {
                None
            }
        }
        Rec::Supervision(s) => (matches!(s.state, Some(SupState::Closed))
            || s.closed_on.is_some()
            || s.closed_by.is_some())
        .then_some(("已销号", "closed")),
        Rec::Meeting(m) => {
            if m.minutes_issued_on.is_some()
                || m.docs_issued_on.is_some()
                || m.minutes_drafted_on.is_some()
                || m.reported_on.is_some()
            {
                Some((
                    "纪要已起草或印发、文件已印发或已会后报告",
                    "minutes drafted or issued, documents issued, or reported",
                ))
            } else if matches!(m.state, Some(MeetingState::Held | MeetingState::Cancelled)) {
                Some(("已召开或已取消", "held or cancelled"))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Refuses a record that would move a settled row back: 待批 over a signed or returned
/// document, 办理中 over a closed supervision item (reopen it instead).
fn consistent(registrar: &Registrar<'_>, rec: &Rec) -> Result<()> {
    match rec {
        Rec::Document(d) if d.state.is_none_or(|s| s == DocState::Pending) => {
            let stored: Option<DocState> = registrar.existing(
                "documents",
                "SELECT state FROM documents WHERE ext_id = ?1",
                &d.id,
                |r| r.get(0),
            )?;
            match stored {
                Some(s) if s != DocState::Pending && d.state.is_some() => Err(Error::refused(
                    format!("公文“{}”已{}，导入不能把它改回待批", d.id, s),
                    format!(
                        "document '{}' is already {}; an import cannot make it pending again",
                        d.id,
                        crate::i18n::Named::en(&s)
                    ),
                )),
                _ => Ok(()),
            }
        }
        Rec::Supervision(s) if s.state == Some(SupState::Open) => {
            let stored: Option<SupState> = registrar.existing(
                "supervision",
                "SELECT state FROM supervision WHERE ext_id = ?1",
                &s.id,
                |r| r.get(0),
            )?;
            match stored {
                Some(SupState::Closed) => Err(Error::refused(
                    format!(
                        "督办事项“{}”已销号，导入不能重新打开它；请用 dutydesk reopen",
                        s.id
                    ),
                    format!(
                        "supervision item '{}' is closed; an import cannot reopen it — use dutydesk reopen",
                        s.id
                    ),
                )),
                _ => Ok(()),
            }
        }
        _ => Ok(()),
    }
}
