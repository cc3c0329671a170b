//! Import, the reading side: a file streamed line by line into typed records, and the
//! summary of what an import wrote. The writing side is `command::import`.

use super::Format;
use super::csv_rows;
use super::read;
use super::record::{Record, TYPES};
use crate::error::{Error, IoContext, Result};
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
    /// The text encoding a CSV file was read in (detected), for the summary.
    pub encoding: Option<super::encoding::TextEncoding>,
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
    /// Counts one record written (`inserted`: new rather than updated).
    pub fn add(&mut self, rec: &Record, inserted: bool) {
        let c = &mut self.counts[rec.type_index()];
        if inserted {
            c.inserted += 1;
        } else {
            c.updated += 1;
        }
    }
}

/// Reads records from a reader in either format, calling `f` with each record's line
/// number; `source` names the input in errors (`org.jsonl:17: field 'urgency': …`).
/// Parsing only: the command layer writes what it is given.
pub fn read_records<R: Read>(
    reader: R,
    format: Format,
    source: &str,
    mut f: impl FnMut(u64, Record) -> Result<()>,
) -> Result<()> {
    let at = |line: u64, e: Error| match e {
        Error::Io { .. } => e,
        other => Error::invalid(format!("{source}:{line}"), other.to_string()),
    };
    // An id given twice in one file is a mistake (two rows would silently become one):
    // refused at the second, naming the first.
    let mut seen: std::collections::HashMap<(&'static str, String), u64> = Default::default();
    let mut once = |line: u64, rec: Record| -> Result<()> {
        if let Some(first) = seen.insert((rec.type_name(), rec.key()), line) {
            return Err(Error::invalid(
                format!("{source}:{line}"),
                format!(
                    "field 'id': {} '{}' is already on line {first} of this file",
                    rec.type_name(),
                    rec.key()
                ),
            ));
        }
        f(line, rec)
    };
    match format {
        Format::Jsonl => jsonl(BufReader::new(reader), source, |line, map| {
            let rec = read::record(map, false).map_err(|e| at(line, e.into()))?;
            once(line, rec)
        }),
        Format::Csv => csv_rows::read(reader, source, |line, map| {
            let rec = read::record(map, true).map_err(|e| at(line, e.into()))?;
            once(line, rec)
        }),
    }
}

/// The format of a file: by its extension, else sniffed from its first bytes.
pub fn file_format(path: &Path, reader: &mut impl BufRead) -> Result<Format> {
    Ok(match Format::from_path(path) {
        Some(f) => f,
        None => Format::sniff(reader.fill_buf().at_path(path)?),
    })
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
