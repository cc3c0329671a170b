//! The CSV layout: a header row whose first column is `type`; a new header row (first cell
//! `type`) may start a new section anywhere, so a file may hold one header with the union
//! of all columns, or one header per record type. Blank cells are left-out fields, except
//! that a blank cell in a list column is an empty list. Lists are `;`-separated, or a JSON
//! array when the cell starts with `[` (lists of objects: topics, leave, progress, …).

use super::csv_lines::{Counting, LineIndex};
use super::fields::BLANK_KEY;
use crate::error::{Error, Result};
use serde_json::{Map, Value};
use std::io::{Read, Write};

/// The columns of each record type, in the order export writes them (docs/import.md).
pub const COLUMNS: &[(&str, &[&str])] = &[
    ("department", &["type", "id", "name", "kind", "aliases"]),
    (
        "person",
        &[
            "type",
            "id",
            "login",
            "name",
            "role",
            "divisions",
            "partner",
            "dept",
        ],
    ),
    (
        "absence",
        &[
            "type",
            "id",
            "login",
            "start",
            "end",
            "reason",
            "reported_on",
        ],
    ),
    ("duty", &["type", "date", "officer", "leader"]),
    (
        "meeting",
        &[
            "type",
            "id",
            "title",
            "kind",
            "start",
            "place",
            "chair",
            "members",
            "docs_owed",
            "major_revisions",
            "topics",
            "leave",
            "state",
            "minutes_issued_on",
            "docs_issued_on",
            "requested_on",
            "requested_by",
            "minutes_drafted_on",
            "reported_on",
        ],
    ),
    (
        "document",
        &[
            "type",
            "id",
            "title",
            "kind",
            "urgency",
            "from",
            "received",
            "leader",
            "route",
            "doc_no",
            "secrecy",
            "major",
            "matters",
            "carries_request",
            "countersign",
            "state",
            "signed_on",
            "signed_by",
            "instruction",
            "return_reason",
            "printed_on",
            "published_on",
            "urged_count",
            "last_urged_at",
            "notices",
            "needed_by",
            "urgent_reason",
        ],
    ),
    (
        "supervision",
        &[
            "type",
            "id",
            "title",
            "source",
            "lead",
            "co",
            "assigned",
            "deadline",
            "feedback",
            "meeting",
            "state",
            "closed_on",
            "closed_by",
            "recheck_on",
            "progress",
            "extensions",
            "urged_count",
            "last_urged_at",
            "notices",
        ],
    ),
    ("investment", super::rules_records::INVESTMENT_COLUMNS),
    ("fund", super::rules_records::FUND_COLUMNS),
];

/// The columns of a record type.
pub fn columns(ty: &str) -> &'static [&'static str] {
    COLUMNS
        .iter()
        .find(|(t, _)| *t == ty)
        .map(|(_, c)| *c)
        .unwrap_or(&[])
}

/// Calls `f` with the line number and the fields of each data row.
pub fn read<R: Read>(
    reader: R,
    source: &str,
    mut f: impl FnMut(u64, Map<String, Value>) -> Result<()>,
) -> Result<()> {
    let lines = LineIndex::default();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(Counting::new(reader, lines.clone()));
    let mut header: Option<Vec<String>> = None;
    let mut row = csv::StringRecord::new();
    loop {
        let more = rdr.read_record(&mut row).map_err(|e| {
            let line = e.position().map(|p| lines.line_at(p.byte())).unwrap_or(0);
            Error::invalid(format!("{source}:{line}"), format!("not valid CSV: {e}"))
        })?;
        // A quote never closed swallows the rest of the file into one cell: name the line
        // where it opened rather than the field the swallowed rows leave missing.
        if let Some(open) = lines.unclosed_quote() {
            return Err(Error::invalid(
                format!("{source}:{open}"),
                "a quoted cell opened on this line is never closed (a missing '\"')",
            ));
        }
        if !more {
            return Ok(());
        }
        let line = row.position().map(|p| lines.line_at(p.byte())).unwrap_or(0);
        let at = || format!("{source}:{line}");
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let first = row
            .get(0)
            .unwrap_or("")
            .trim_start_matches('\u{feff}')
            .trim();
        if first == "type" {
            header = Some(read_header(&row, &at())?);
            continue;
        }
        let Some(cols) = &header else {
            return Err(Error::invalid(
                at(),
                "the first row must be a header whose first column is 'type'",
            ));
        };
        if row.iter().skip(cols.len()).any(|c| !c.trim().is_empty()) {
            return Err(Error::invalid(
                at(),
                format!(
                    "{} cells but the header has {} columns",
                    row.len(),
                    cols.len()
                ),
            ));
        }
        let mut map = Map::new();
        let mut blank = Vec::new();
        for (name, cell) in cols.iter().zip(row.iter()) {
            if cell.trim().is_empty() {
                blank.push(Value::String(name.clone()));
            } else {
                map.insert(name.clone(), Value::String(unguard(cell).to_string()));
            }
        }
        blank.extend(
            cols.iter()
                .skip(row.len())
                .map(|n| Value::String(n.clone())),
        );
        map.insert(BLANK_KEY.to_string(), Value::Array(blank));
        f(line, map)?;
    }
}

fn read_header(row: &csv::StringRecord, at: &str) -> Result<Vec<String>> {
    let mut cols: Vec<String> = row
        .iter()
        .map(|c| c.trim_start_matches('\u{feff}').trim().to_string())
        .collect();
    // Spreadsheets leave trailing empty columns.
    while cols.last().is_some_and(|c| c.is_empty()) {
        cols.pop();
    }
    for (i, c) in cols.iter().enumerate() {
        if c.is_empty() {
            return Err(Error::invalid(
                at,
                format!("header column {} has no name", i + 1),
            ));
        }
        if cols[..i].contains(c) {
            return Err(Error::invalid(
                at,
                format!("header column '{c}' appears twice"),
            ));
        }
        if !COLUMNS.iter().any(|(_, cs)| cs.contains(&c.as_str())) {
            return Err(Error::invalid(
                at,
                format!("header column '{c}' is not a field of any record type"),
            ));
        }
    }
    Ok(cols)
}

/// Writes records as CSV, one header per type section.
pub struct Writer<W: Write> {
    out: csv::Writer<W>,
    section: Option<&'static str>,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W) -> Self {
        Writer {
            out: csv::WriterBuilder::new().flexible(true).from_writer(out),
            section: None,
        }
    }

    /// Writes one record (as its serde JSON form), starting a section when the type changes.
    pub fn write(&mut self, ty: &'static str, value: &Value) -> Result<()> {
        let cols = columns(ty);
        if self.section != Some(ty) {
            self.out.write_record(cols).map_err(csv_err)?;
            self.section = Some(ty);
        }
        let empty = Map::new();
        let obj = value.as_object().unwrap_or(&empty);
        let cells: Vec<String> = cols.iter().map(|c| cell(obj.get(*c))).collect();
        self.out.write_record(&cells).map_err(csv_err)
    }

    pub fn finish(mut self) -> Result<()> {
        self.out
            .flush()
            .map_err(|e| Error::invalid("export", e.to_string()))
    }
}

fn csv_err(e: csv::Error) -> Error {
    Error::invalid("export", e.to_string())
}

/// Whether a spreadsheet would read a cell as a formula (`=`, `+`, `-`, `@`, or a tab or
/// carriage return before one), counting cells already guarded by a leading `'` so that
/// guarding and unguarding are exact inverses.
fn formula_like(s: &str) -> bool {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => true,
        Some('\'') => formula_like(&s[1..]),
        _ => false,
    }
}

/// A text cell as written: one a spreadsheet would run as a formula gets a leading `'`,
/// which spreadsheets show as text (`=HYPERLINK(…)` is exported as `'=HYPERLINK(…)`).
pub fn guard(s: &str) -> std::borrow::Cow<'_, str> {
    if formula_like(s) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// The inverse of [`guard`], applied to every cell read, so an export imports back exactly.
pub fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => s,
    }
}

/// One value as a CSV cell.
fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => guard(s).into_owned(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Array(a)) => {
            let plain: Option<Vec<&str>> = a
                .iter()
                .map(|x| x.as_str().filter(|s| !s.is_empty() && !s.contains(';')))
                .collect();
            match plain {
                Some(ids) if !ids.first().is_some_and(|s| s.starts_with('[')) => {
                    guard(&ids.join(";")).into_owned()
                }
                _ => Value::Array(a.clone()).to_string(),
            }
        }
        Some(o @ Value::Object(_)) => o.to_string(),
    }
}

/// Keeps the record types and [`COLUMNS`] in step.
#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_guarded_and_come_back_exact() {
        use super::{guard, unguard};
        for s in [
            "=HYPERLINK(\"x\")",
            "+1",
            "-2",
            "@a",
            "\tx",
            "'=x",
            "''+y",
            "'plain",
            "a=b",
            "",
        ] {
            assert_eq!(unguard(&guard(s)), s, "{s}");
        }
        assert_eq!(guard("=1+1"), "'=1+1");
        assert_eq!(guard("正常"), "正常");
    }

    #[test]
    fn every_type_has_columns() {
        for t in crate::interchange::record::TYPES {
            assert_eq!(super::columns(t).first(), Some(&"type"), "{t}");
        }
    }
}
