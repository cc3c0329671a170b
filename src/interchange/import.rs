//! Import: a file, streamed line by line into the caller's transaction.

use super::Format;
use super::csv_rows;
use super::read;
use super::record::{Record, TYPES};
use crate::domain::Env;
use crate::error::{Error, IoContext, Result};
use crate::store::register::{self, Audit, Upsert};
use rusqlite::Connection;
use serde_json::{Map, Value};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Inserted and updated records of one type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypeCounts {
    pub inserted: u64,
    pub updated: u64,
}

/// What an import did, per record type (in [`TYPES`] order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub counts: [TypeCounts; TYPES.len()],
}

impl ImportSummary {
    /// The counts for a type name.
    pub fn get(&self, ty: &str) -> TypeCounts {
        TYPES
            .iter()
            .position(|t| *t == ty)
            .map(|i| self.counts[i])
            .unwrap_or_default()
    }
    /// Records written in all.
    pub fn total(&self) -> u64 {
        self.counts.iter().map(|c| c.inserted + c.updated).sum()
    }
    /// The types that had records, with their counts.
    pub fn by_type(&self) -> Vec<(&'static str, TypeCounts)> {
        TYPES
            .iter()
            .zip(self.counts.iter())
            .filter(|(_, c)| c.inserted + c.updated > 0)
            .map(|(t, c)| (*t, *c))
            .collect()
    }
    fn add(&mut self, rec: &Record, u: Upsert) {
        let c = &mut self.counts[rec.type_index()];
        if u.is_insert() {
            c.inserted += 1;
        } else {
            c.updated += 1;
        }
    }
}

/// Imports a file into the caller's transaction; the format comes from the extension, or
/// is sniffed from the first line. Errors name the file and line: `org.jsonl:17: field
/// 'urgency': '紧急' is not one of 一般|加急|特急|特急重要`.
pub fn import_file(
    conn: &Connection,
    env: &Env,
    path: &Path,
    audit: Audit,
) -> Result<ImportSummary> {
    let file = std::fs::File::open(path).at_path(path)?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let format = match Format::from_path(path) {
        Some(f) => f,
        None => Format::sniff(reader.fill_buf().at_path(path)?),
    };
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    import_reader(conn, env, reader, format, &source, audit)
}

/// Imports from a reader; `source` names it in errors.
pub fn import_reader<R: Read>(
    conn: &Connection,
    env: &Env,
    reader: R,
    format: Format,
    source: &str,
    audit: Audit,
) -> Result<ImportSummary> {
    let mut imp = Importer {
        conn,
        env,
        audit,
        source,
        summary: ImportSummary::default(),
        partners: Vec::new(),
    };
    match format {
        Format::Jsonl => jsonl(BufReader::new(reader), source, |line, map| {
            imp.apply(line, map, false)
        })?,
        Format::Csv => csv_rows::read(reader, source, |line, map| imp.apply(line, map, true))?,
    }
    imp.finish()
}

/// Calls `f` with each JSON object line (blank and `#` lines skipped).
fn jsonl<R: BufRead>(
    mut reader: R,
    source: &str,
    mut f: impl FnMut(u64, Map<String, Value>) -> Result<()>,
) -> Result<()> {
    let mut buf = String::new();
    let mut line = 0u64;
    loop {
        buf.clear();
        line += 1;
        let n = reader.read_line(&mut buf).map_err(|e| {
            Error::invalid(
                format!("{source}:{line}"),
                format!("cannot read the line: {e}"),
            )
        })?;
        if n == 0 {
            return Ok(());
        }
        let text = buf.trim_start_matches('\u{feff}').trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let map: Map<String, Value> = serde_json::from_str(text).map_err(|e| {
            Error::invalid(
                format!("{source}:{line}"),
                format!("not a JSON object: {e}"),
            )
        })?;
        f(line, map)?;
    }
}

struct Importer<'a> {
    conn: &'a Connection,
    env: &'a Env,
    audit: Audit,
    source: &'a str,
    summary: ImportSummary,
    /// Partners named before their own record: (line, login, partner login).
    partners: Vec<(u64, String, String)>,
}

impl Importer<'_> {
    fn at(&self, line: u64) -> String {
        format!("{}:{line}", self.source)
    }

    fn apply(&mut self, line: u64, map: Map<String, Value>, text: bool) -> Result<()> {
        let rec = read::record(map, text).map_err(|e| self.located(line, e.into()))?;
        let u = self.write(line, &rec).map_err(|e| self.located(line, e))?;
        self.summary.add(&rec, u);
        Ok(())
    }

    fn write(&mut self, line: u64, rec: &Record) -> Result<Upsert> {
        // A partner further down the file is linked once the whole file is in.
        if let Record::Person(p) = rec {
            if let Some(partner) = &p.partner {
                if !register::person_exists(self.conn, partner)? {
                    self.partners.push((line, p.login.clone(), partner.clone()));
                    let mut early = p.clone();
                    early.partner = None;
                    return register::upsert_person(self.conn, self.env, &early, self.audit);
                }
            }
        }
        register::upsert(self.conn, self.env, rec, self.audit)
    }

    fn finish(self) -> Result<ImportSummary> {
        for (line, login, partner) in &self.partners {
            register::set_partner(self.conn, self.env, login, partner, self.audit)
                .map_err(|e| self.located(*line, e))?;
        }
        Ok(self.summary)
    }

    /// Puts the file and line in front of an error about a record.
    fn located(&self, line: u64, e: Error) -> Error {
        match e {
            Error::Io { .. } => e,
            other => Error::invalid(self.at(line), other.to_string()),
        }
    }
}
