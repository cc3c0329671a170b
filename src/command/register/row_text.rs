//! A row as the JSON text the audit log stores: the same text as
//! `serde_json::Value::to_string` of [`super::row_to_json`]'s object — keys in order,
//! serde_json's escapes — written straight from the row. An import writes one per record,
//! so the keys are put in order and encoded once per table, not once per row.

use rusqlite::types::ValueRef;
use rusqlite::{Row, Statement};
use std::io::Write;

/// A query's columns in the order of a JSON object's keys, each already written as
/// `"name":`.
pub(crate) struct Keys(Vec<(Vec<u8>, usize)>);

impl Keys {
    pub(crate) fn of(stmt: &Statement<'_>) -> rusqlite::Result<Keys> {
        let mut cols = Vec::with_capacity(stmt.column_count());
        for i in 0..stmt.column_count() {
            cols.push((stmt.column_name(i)?, i));
        }
        cols.sort_unstable_by(|a, b| a.0.cmp(b.0));
        Ok(Keys(
            cols.into_iter()
                .map(|(name, i)| {
                    let mut key = Vec::with_capacity(name.len() + 3);
                    json_str(&mut key, name);
                    key.push(b':');
                    (key, i)
                })
                .collect(),
        ))
    }
}

/// The current row as JSON text.
pub fn row_json_text(r: &Row<'_>) -> rusqlite::Result<String> {
    write_row(r, &Keys::of(r.as_ref())?)
}

/// The current row as JSON text, its columns' keys given.
pub(crate) fn write_row(r: &Row<'_>, keys: &Keys) -> rusqlite::Result<String> {
    let mut out = Vec::with_capacity(48 * keys.0.len());
    out.push(b'{');
    for (n, (key, i)) in keys.0.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        out.extend_from_slice(key);
        // Writing into a Vec cannot fail.
        match r.get_ref(*i)? {
            ValueRef::Null => out.extend_from_slice(b"null"),
            ValueRef::Integer(v) => {
                let _ = write!(out, "{v}");
            }
            ValueRef::Real(x) => match serde_json::Number::from_f64(x) {
                Some(v) => {
                    let _ = write!(out, "{v}");
                }
                None => out.extend_from_slice(b"null"),
            },
            ValueRef::Text(t) => json_str(&mut out, &String::from_utf8_lossy(t)),
            // No column of ours holds a blob; its size stands for its bytes.
            ValueRef::Blob(b) => json_str(&mut out, &format!("<{} bytes>", b.len())),
        }
    }
    out.push(b'}');
    // Only ASCII punctuation and whole UTF-8 strings went in.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// A JSON string with serde_json's escapes: the quote, the backslash, and the control
/// characters (`\b \t \n \f \r`, the others as `\u00xx`).
fn json_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let short: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[from..i]);
        if short.is_empty() {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0x0f)]);
        } else {
            out.extend_from_slice(short);
        }
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    #[test]
    fn the_same_text_as_the_json_object() {
        let conn = Connection::open_in_memory().unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT 7 AS zeta, NULL AS alpha, -12 AS mid, 2.5 AS real, 1e300 * 1e300 AS inf,
                        'a\"b\\c' || char(10, 13, 9, 8, 12, 1, 31, 127) || '值班' AS text,
                        x'0102' AS blob, '' AS empty",
            )
            .unwrap();
        let (ours, theirs) = stmt
            .query_row([], |r| {
                Ok((row_json_text(r)?, super::super::row_to_json(r)?.to_string()))
            })
            .unwrap();
        assert_eq!(ours, theirs);
    }
}
