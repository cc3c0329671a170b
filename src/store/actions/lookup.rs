//! Finding items by their external id (the id used in imports and on the command line).

use super::Target;
use crate::error::{DbContext, Error, Result};
use rusqlite::{Connection, OptionalExtension};

/// Prefixes that say which kind of item an external id names.
const DOC_PREFIX: &str = "doc:";
const SUP_PREFIX: &str = "sup:";

fn find(conn: &Connection, sql: &str, ext_id: &str) -> Result<Option<i64>> {
    conn.prepare_cached(sql)
        .db("preparing the item lookup")?
        .query_row([ext_id], |r| r.get(0))
        .optional()
        .db(format!("looking up item '{ext_id}'"))
}

fn find_document(conn: &Connection, ext_id: &str) -> Result<Option<i64>> {
    find(conn, "SELECT id FROM documents WHERE ext_id = ?1", ext_id)
}

fn find_supervision(conn: &Connection, ext_id: &str) -> Result<Option<i64>> {
    find(conn, "SELECT id FROM supervision WHERE ext_id = ?1", ext_id)
}

/// The row id of the document with this external id (`doc:` prefix allowed).
pub fn document_id(conn: &Connection, ext_id: &str) -> Result<i64> {
    let ext = strip(ext_id, DOC_PREFIX);
    find_document(conn, ext)?.ok_or_else(|| Error::NotFound(format!("document '{ext}'")))
}

/// The row id of the supervision item with this external id (`sup:` prefix allowed).
pub fn supervision_id(conn: &Connection, ext_id: &str) -> Result<i64> {
    let ext = strip(ext_id, SUP_PREFIX);
    find_supervision(conn, ext)?.ok_or_else(|| Error::NotFound(format!("supervision item '{ext}'")))
}

/// A document or supervision item by external id, for urging. `doc:ID` and `sup:ID`
/// say which; a bare id that names both is refused with a hint to use them.
pub fn resolve_target(conn: &Connection, spec: &str) -> Result<Target> {
    let spec = spec.trim();
    if let Some(ext) = spec.strip_prefix(DOC_PREFIX) {
        return document_id(conn, ext).map(Target::Document);
    }
    if let Some(ext) = spec.strip_prefix(SUP_PREFIX) {
        return supervision_id(conn, ext).map(Target::Supervision);
    }
    match (find_document(conn, spec)?, find_supervision(conn, spec)?) {
        (Some(d), None) => Ok(Target::Document(d)),
        (None, Some(s)) => Ok(Target::Supervision(s)),
        (Some(_), Some(_)) => Err(Error::refused(
            format!("“{spec}”既是公文编号也是督办事项编号，请写 doc:{spec} 或 sup:{spec}"),
            format!(
                "'{spec}' names both a document and a supervision item; write doc:{spec} or sup:{spec}"
            ),
        )),
        (None, None) => Err(Error::NotFound(format!(
            "document or supervision item '{spec}'"
        ))),
    }
}

fn strip<'a>(s: &'a str, prefix: &str) -> &'a str {
    let s = s.trim();
    s.strip_prefix(prefix).unwrap_or(s)
}
