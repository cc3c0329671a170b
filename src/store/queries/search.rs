//! The panes' text filter through the search rows of open items (`documents_search`,
//! `supervision_search`: FTS5 tables with the trigram tokenizer, kept by triggers, see
//! migration 8). Every filter is an index lookup, whatever its length:
//!
//! - three or more characters: a phrase of trigrams, i.e. the text occurs as a substring;
//! - one or two characters: every stored trigram that starts with them (read from the
//!   table's term list, a range of a B-tree), any of them. Each search text ends in two
//!   spaces, so every character of it starts some trigram: nothing is missed.
//!
//! Matching ignores case like the `LIKE` it replaces. The cost follows the number of
//! matching items, never the number of open items.

use crate::error::{DbContext, Result};
use rusqlite::Connection;

/// The most terms a one- or two-character filter expands to before it is matched by a
/// scan of the search rows instead (a single very common character).
const MAX_TERMS: usize = 2000;

/// How a filter is matched against one search table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Match {
    /// An FTS5 query (`… MATCH :q`).
    Query(String),
    /// A `LIKE` pattern over the stored texts (`… LIKE :q ESCAPE '\'`).
    Scan(String),
    /// Nothing can match (a short filter no stored text contains).
    Nothing,
}

impl Match {
    /// The match for `text` (already trimmed and non-empty) in `table`.
    pub fn new(conn: &Connection, table: Table, text: &str) -> Result<Match> {
        let folded = text.to_lowercase();
        if folded.chars().count() >= 3 {
            return Ok(Match::Query(quote(&folded)));
        }
        let terms: Vec<String> = conn
            .prepare_cached(&format!(
                "SELECT term FROM {}_terms WHERE term >= ?1 AND term < ?1 || char(1114111)
                 LIMIT {}",
                table.name(),
                MAX_TERMS + 1
            ))
            .db("preparing the search terms")?
            .query_map([&folded], |r| r.get(0))
            .db("reading the search terms")?
            .collect::<rusqlite::Result<_>>()
            .db("reading the search terms")?;
        Ok(if terms.is_empty() {
            Match::Nothing
        } else if terms.len() > MAX_TERMS {
            Match::Scan(super::like_pattern(Some(text)).unwrap_or_default())
        } else {
            Match::Query(
                terms
                    .iter()
                    .map(|t| quote(t))
                    .collect::<Vec<_>>()
                    .join(" OR "),
            )
        })
    }

    /// The SQL condition "`col` is a matching item", binding `:q`.
    pub fn condition(&self, table: Table, col: &str) -> String {
        let t = table.name();
        match self {
            Match::Query(_) => format!("{col} IN (SELECT rowid FROM {t} WHERE {t} MATCH :q)"),
            Match::Scan(_) => {
                format!("{col} IN (SELECT id FROM {t}_content WHERE c0 LIKE :q ESCAPE '\\')")
            }
            Match::Nothing => "0".to_string(),
        }
    }

    /// The value bound to `:q`.
    pub fn param(&self) -> &str {
        match self {
            Match::Query(q) | Match::Scan(q) => q,
            Match::Nothing => "",
        }
    }
}

/// A search table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Table {
    Documents,
    Supervision,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Documents => "documents_search",
            Table::Supervision => "supervision_search",
        }
    }
}

/// An FTS5 string: the text in double quotes, its quotes doubled (so nothing the user
/// types is read as query syntax).
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_doubled() {
        assert_eq!(quote("a\"b"), "\"a\"\"b\"");
        assert_eq!(quote("审计 OR x"), "\"审计 OR x\"");
    }
}
