//! Getting data in and out: the interchange format (docs/import.md).
//!
//! JSON Lines or CSV, one record per line, `type` first. Import reads a file as a stream
//! into one transaction the caller owns — one bad line and nothing is written — and
//! upserts each record by its external id through [`crate::command::register`] (called by `command::import`). Export
//! writes everything in dependency order, so that an export imported into an empty
//! database (made for the same profile) reproduces it.

mod countersign_record;
mod csv_lines;
pub mod csv_rows;
pub mod encoding;
pub mod export;
mod export_items;
pub mod fields;
pub mod import;
pub mod messages;
pub mod minute;
pub mod read;
pub mod record;
pub mod rota_csv;
pub mod rules_records;

pub use export::export;
pub use import::{ImportSummary, TypeCounts, file_format, read_records};
pub use record::Record;

use std::path::Path;

/// A file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON Lines: one JSON object per line.
    Jsonl,
    /// CSV with a header row whose first column is `type`.
    Csv,
}

impl Format {
    /// The format a file name says (`.jsonl`, `.json`, `.ndjson`, `.csv`), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" | "json" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// Guesses the format from the start of a file: the first line that is not blank or a
    /// `#` comment starts with `{` in JSON Lines.
    pub fn sniff(head: &[u8]) -> Format {
        let text = String::from_utf8_lossy(head);
        let first = text
            .lines()
            .map(|l| l.trim_start_matches('\u{feff}').trim())
            .find(|l| !l.is_empty() && !l.starts_with('#'));
        match first {
            Some(l) if l.starts_with('{') => Format::Jsonl,
            _ => Format::Csv,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Format;
    use std::path::Path;

    #[test]
    fn format_by_extension_then_by_content() {
        assert_eq!(
            Format::from_path(Path::new("org.JSONL")),
            Some(Format::Jsonl)
        );
        assert_eq!(
            Format::from_path(Path::new("a.ndjson")),
            Some(Format::Jsonl)
        );
        assert_eq!(Format::from_path(Path::new("a.csv")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("a.txt")), None);
        assert_eq!(Format::sniff(b"# c\n\n{\"type\":1}"), Format::Jsonl);
        assert_eq!(
            Format::sniff("\u{feff}{\"type\":1}".as_bytes()),
            Format::Jsonl
        );
        assert_eq!(Format::sniff(b"type,id,name\n"), Format::Csv);
        assert_eq!(Format::sniff(b""), Format::Csv);
    }
}
