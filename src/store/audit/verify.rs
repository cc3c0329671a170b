//! `audit verify`: walks the log in id order, recomputes every row's hash, follows every
//! link, and compares the end of the log with the head kept in `audit_chain`.
//!
//! Rows are streamed, never loaded together, so a log of millions of rows is checked in
//! constant memory. The first problem stops the walk and is named: the row whose content
//! changed, the row after a gap, the row slipped in.

use super::{GENESIS, Hashed, head};
use crate::error::{DbContext, Result};
use crate::i18n::Lang;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, Row};

/// What is wrong with the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A row's content (or the row as a whole, hash included) is not what was written.
    Altered,
    /// One or more rows are gone.
    Removed,
    /// A row was added behind the log's back.
    Inserted,
}

/// The first problem found, with the row it concerns.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub kind: Kind,
    /// The row named: the altered or inserted row, the row after a gap, or (rows removed
    /// from the end) the first id that is missing.
    pub id: i64,
    pub zh: String,
    pub en: String,
}

impl Problem {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// The outcome of a walk over the log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Verification {
    /// Rows found intact: the whole log when `ok`, else those before the problem.
    pub rows: i64,
    pub ok: bool,
    pub problem: Option<Problem>,
}

/// Checks the whole log against its hashes, its links and the chain head. Reads only.
pub fn verify(conn: &Connection) -> Result<Verification> {
    // The head and the rows must come from one snapshot, or a commit landing between the
    // two reads would look like an inserted row.
    if conn.is_autocommit() {
        let tx = conn
            .unchecked_transaction()
            .db("starting the audit verification")?;
        let v = walk(&tx)?;
        tx.finish().db("ending the audit verification")?;
        return Ok(v);
    }
    walk(conn)
}

/// What the walk keeps of a row: its id and the two hashes.
struct Link {
    id: i64,
    prev_hash: Option<String>,
    hash: Option<String>,
}

fn walk(conn: &Connection) -> Result<Verification> {
    let (head_rows, head_hash) = head(conn)?;
    let mut stmt = conn
        .prepare(
            "SELECT id, prev_hash, hash, at, os_account, actor, acted_for, action,
                    business_date, entity, entity_id, summary, before, after
             FROM audit ORDER BY id",
        )
        .db("preparing the audit walk")?;
    let mut rows = stmt.query([]).db("reading the audit log")?;
    let mut n: i64 = 0;
    let mut prev: Option<Link> = None;
    while let Some(r) = rows.next().db("reading the audit log")? {
        let row = Link {
            id: r.get(0).db("reading an audit id")?,
            prev_hash: text(r, 1).map(str::to_string),
            hash: text(r, 2).map(str::to_string),
        };
        let expected = prev
            .as_ref()
            .and_then(|p| p.hash.as_deref())
            .unwrap_or(GENESIS);
        let self_ok = row.hash.is_some() && recompute(r, row.id).as_deref() == row.hash.as_deref();
        let link_ok = row.prev_hash.as_deref() == Some(expected);
        // Rows before this one, all intact.
        let found = move |problem| Verification {
            rows: n,
            ok: false,
            problem: Some(problem),
        };
        if n >= head_rows {
            return Ok(found(inserted(
                row.id,
                format!("链头只记录了 {head_rows} 条"),
                format!("the chain head records only {head_rows} rows"),
            )));
        }
        if !(self_ok && link_ok) {
            let problem = classify(conn, prev.as_ref(), &row, expected, self_ok, link_ok)?;
            // The problem may lie with the previous row, already counted as intact.
            let named_prev = prev.as_ref().is_some_and(|p| p.id == problem.id);
            let mut v = found(problem);
            v.rows -= i64::from(named_prev);
            return Ok(v);
        }
        n += 1;
        if n == head_rows && row.hash.as_deref() != Some(head_hash.as_str()) {
            return Ok(found(altered(
                row.id,
                "其哈希与链头记录的不符",
                "its hash differs from the one the chain head recorded",
            )));
        }
        prev = Some(row);
    }
    if n < head_rows {
        // Ids are consecutive, so the first missing one follows the last row left.
        let id = prev.as_ref().map_or(1, |p| p.id + 1);
        let k = head_rows - n;
        return Ok(Verification {
            rows: n,
            ok: false,
            problem: Some(Problem {
                kind: Kind::Removed,
                id,
                zh: format!(
                    "从第 {id} 条起的 {k} 条审计记录被删除：链头记录 {head_rows} 条，日志只有 {n} 条"
                ),
                en: format!(
                    "{k} audit row(s) from row {id} on were removed: the chain head records {head_rows} rows, the log has {n}"
                ),
            }),
        });
    }
    Ok(Verification {
        rows: n,
        ok: true,
        problem: None,
    })
}

/// Names what happened at a row that failed its own hash or its link. The neighbours
/// decide: the next row's link shows which hash the chain expected here, and the previous
/// row's link shows what came before it.
fn classify(
    conn: &Connection,
    prev: Option<&Link>,
    row: &Link,
    expected: &str,
    self_ok: bool,
    link_ok: bool,
) -> Result<Problem> {
    let next = next_link(conn, row.id)?;
    let next_prev = next.as_ref().and_then(|l| l.prev_hash.as_deref());
    if next_prev == Some(expected) {
        return Ok(inserted(
            row.id,
            "下一条记录越过它链接到上一条".into(),
            "the next row links past it to the row before".into(),
        ));
    }
    if !self_ok && (link_ok || (row.hash.is_some() && next_prev == row.hash.as_deref())) {
        // The chain still holds the hash this row was written with: its content changed.
        return Ok(altered(
            row.id,
            "内容与其哈希不符",
            "its content does not match its hash",
        ));
    }
    let after_gap = prev.map_or(row.id > 1, |p| row.id != p.id + 1);
    if !self_ok && !after_gap {
        // Neither its hash, nor its link, nor the next row's link fits: another row stands
        // where the chain had one.
        return Ok(altered(
            row.id,
            "它的哈希和链接都与前后记录不符",
            "neither its hash nor its links fit the rows around it",
        ));
    }
    Ok(match prev {
        Some(p) if self_ok && row.prev_hash.is_some() && row.prev_hash == p.prev_hash => inserted(
            p.id,
            format!("下一条记录（第 {} 条）链接到它之前的记录", row.id),
            format!("the next row ({}) links to the row before it", row.id),
        ),
        // Ids are consecutive, so nothing is missing between them: the previous row was
        // rewritten together with its hash, and this row still links to the old one.
        Some(p) if !after_gap => altered(
            p.id,
            "下一条记录链接的哈希不是它的",
            "the next row links to a different hash",
        ),
        Some(p) => Problem {
            kind: Kind::Removed,
            id: row.id,
            zh: format!(
                "第 {} 条之前有审计记录被删除：它链接的哈希不是上一条（第 {} 条）的",
                row.id, p.id
            ),
            en: format!(
                "audit rows were removed before row {}: it links to a hash that is not the previous row's (row {})",
                row.id, p.id
            ),
        },
        None if after_gap => Problem {
            kind: Kind::Removed,
            id: row.id,
            zh: format!(
                "第 {} 条之前有审计记录被删除：它没有链接到日志的开头",
                row.id
            ),
            en: format!(
                "audit rows were removed before row {}: it does not link to the start of the log",
                row.id
            ),
        },
        None => altered(
            row.id,
            "它没有链接到日志的开头",
            "it does not link to the start of the log",
        ),
    })
}

fn altered(id: i64, zh: &str, en: &str) -> Problem {
    Problem {
        kind: Kind::Altered,
        id,
        zh: format!("第 {id} 条审计记录被改动：{zh}"),
        en: format!("audit row {id} was altered: {en}"),
    }
}

fn inserted(id: i64, zh: String, en: String) -> Problem {
    Problem {
        kind: Kind::Inserted,
        id,
        zh: format!("第 {id} 条审计记录是插入的：{zh}"),
        en: format!("audit row {id} was inserted: {en}"),
    }
}

/// The row after `id`, for its link (only read once a problem is found).
fn next_link(conn: &Connection, id: i64) -> Result<Option<Link>> {
    conn.prepare("SELECT id, prev_hash, hash FROM audit WHERE id > ?1 ORDER BY id LIMIT 1")
        .db("preparing the audit look-ahead")?
        .query_row([id], |r| {
            Ok(Link {
                id: r.get(0)?,
                prev_hash: text(r, 1).map(str::to_string),
                hash: text(r, 2).map(str::to_string),
            })
        })
        .optional()
        .db("reading the audit look-ahead")
}

/// A column as text; None when it is NULL or not text (which no genuine row holds).
fn text<'r>(r: &'r Row<'_>, i: usize) -> Option<&'r str> {
    match r.get_ref(i) {
        Ok(ValueRef::Text(t)) => std::str::from_utf8(t).ok(),
        _ => None,
    }
}

/// The hash the row should have, from its stored fields; None when a field holds something
/// the log never writes (a number where text belongs, a missing required value), which
/// then cannot match any stored hash.
fn recompute(r: &Row<'_>, id: i64) -> Option<String> {
    // A column that may be NULL: Some(None) when NULL, None when it holds the wrong type.
    let opt = |i: usize| match r.get_ref(i) {
        Ok(ValueRef::Null) => Some(None),
        Ok(ValueRef::Text(t)) => std::str::from_utf8(t).ok().map(Some),
        _ => None,
    };
    let entity_id = match r.get_ref(10) {
        Ok(ValueRef::Null) => None,
        Ok(ValueRef::Integer(i)) => Some(i),
        _ => return None,
    };
    Some(
        Hashed {
            id,
            at: text(r, 3)?,
            os_account: opt(4)?,
            actor: text(r, 5)?,
            acted_for: opt(6)?,
            action: text(r, 7)?,
            business_date: opt(8)?,
            entity: text(r, 9)?,
            entity_id,
            summary: text(r, 11)?,
            before: opt(12)?,
            after: opt(13)?,
            prev_hash: text(r, 1)?,
        }
        .hash(),
    )
}
