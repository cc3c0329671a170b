//! Which items a check covers, and the one way its queries run: every statement is
//! prepared through [`prepare`] (so [`statements`] can list them for EXPLAIN QUERY PLAN)
//! and an item query runs through [`each`], once over everything its rule governs or once
//! per given item id.

use crate::domain::Env;
use crate::error::{DbContext, Result};
use rusqlite::{CachedStatement, Connection, Row, ToSql};
use std::cell::RefCell;

/// Documents, supervision items and meetings by row id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Items {
    pub documents: Vec<i64>,
    pub supervision: Vec<i64>,
    pub meetings: Vec<i64>,
}

impl Items {
    /// How many items in all.
    pub fn len(&self) -> usize {
        self.documents.len() + self.supervision.len() + self.meetings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The items of one kind a query covers.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scope<'a> {
    /// Every item the rule governs.
    All,
    /// These row ids only.
    Only(&'a [i64]),
}

thread_local! {
    /// The statements prepared while [`statements`] records them.
    static RECORDED: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Prepares a statement of the check (cached), noting its text when recording.
pub(crate) fn prepare<'c>(
    conn: &'c Connection,
    sql: &str,
) -> rusqlite::Result<CachedStatement<'c>> {
    RECORDED.with(|r| {
        if let Some(list) = r.borrow_mut().as_mut() {
            if !list.iter().any(|s| s == sql) {
                list.push(sql.to_string());
            }
        }
    });
    conn.prepare_cached(sql)
}

/// Runs an item query. `sql` has `{scope}` where a condition on the item's id goes (after
/// its WHERE clause, before any ORDER BY); `col` names that id and `params` are the
/// query's numbered parameters. For [`Scope::All`] it runs once without the condition,
/// on the index its `INDEXED BY` names: the index holds only what the rule governs, and
/// the plan must not turn into a scan of the history when the statistics say the table
/// is small (`tests/compliance_plans.rs`). For [`Scope::Only`] it runs once per id, with
/// `AND col = ?N` (N one past `params`) and without the `INDEXED BY`, a look-up by key.
pub(crate) fn each<T>(
    conn: &Connection,
    sql: &str,
    col: &str,
    scope: &Scope<'_>,
    params: &[&dyn ToSql],
    what: &str,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    each_row(conn, sql, col, scope, params, what, map, |t| {
        out.push(t);
        Ok(())
    })?;
    Ok(out)
}

/// As [`each`], handing each row to `then` as it is read instead of collecting them: a
/// check over every open item then holds one row at a time, not all of them.
#[allow(clippy::too_many_arguments)]
pub(crate) fn each_row<T>(
    conn: &Connection,
    sql: &str,
    col: &str,
    scope: &Scope<'_>,
    params: &[&dyn ToSql],
    what: &str,
    mut map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    mut then: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    match scope {
        Scope::All => {
            let sql = sql.replace("{scope}", "");
            let mut stmt = prepare(conn, &sql).db(format!("preparing {what}"))?;
            let rows = stmt
                .query_map(params, &mut map)
                .db(format!("reading {what}"))?;
            for row in rows {
                then(row.db(format!("reading {what}"))?)?;
            }
        }
        Scope::Only(ids) => {
            if ids.is_empty() {
                return Ok(());
            }
            // One row (or one document's requests) by its key: the index the whole query
            // is bound to would only be in the way.
            let sql =
                unindexed(sql).replace("{scope}", &format!(" AND {col} = ?{}", params.len() + 1));
            let mut stmt = prepare(conn, &sql).db(format!("preparing {what}"))?;
            for id in *ids {
                let mut p: Vec<&dyn ToSql> = params.to_vec();
                p.push(id);
                let rows = stmt
                    .query_map(p.as_slice(), &mut map)
                    .db(format!("reading {what}"))?;
                for row in rows {
                    then(row.db(format!("reading {what}"))?)?;
                }
            }
        }
    }
    Ok(())
}

/// `sql` without its `INDEXED BY name` clauses.
fn unindexed(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut rest = sql;
    while let Some(at) = rest.find("INDEXED BY ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "INDEXED BY ".len()..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Every statement the check prepares under `env` (the whole check and the check of one
/// item of each kind), for EXPLAIN QUERY PLAN: the district's rules decide which run.
pub fn statements(conn: &Connection, env: &Env) -> Result<Vec<String>> {
    RECORDED.with(|r| *r.borrow_mut() = Some(Vec::new()));
    let one = Items {
        documents: vec![1],
        supervision: vec![1],
        meetings: vec![1],
    };
    let ran = super::check(conn, env).and_then(|_| super::check_items(conn, env, &one));
    let list = RECORDED.with(|r| r.borrow_mut().take()).unwrap_or_default();
    ran.map(|_| list)
}
