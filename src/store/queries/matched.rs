//! A text filter's matches read once: each matching item's order key and whether it is
//! overdue or due soon, in one statement; the counts and the first rows in the pane's
//! order are taken from them here, and only those rows are then read in full.
//!
//! Reading a match costs a look-up of its item (about a microsecond on a large table):
//! with a one- or two-character filter matching thousands of items, the rows statement
//! and the count statement each paid it for every match. Reading the keys once halves a
//! keystroke's cost, and the pane's columns (with their countersign and extension
//! counts) are read for the rows shown only.
//!
//! The owner, newest and title orders (pinyin and dates, sorted here) likewise read only
//! the key of each of the first rows by deadline, then the full rows of the window.

use crate::error::{DbContext, Result};
use rusqlite::Connection;

/// One column of a pane's order: an SQL expression and its direction. The item's id is
/// always the last key, ascending.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Key<'a> {
    pub expr: &'a str,
    pub desc: bool,
}

/// What one pass over the matches gives.
#[derive(Debug, Default)]
pub(crate) struct Top {
    /// The first `limit` matches in the pane's order.
    pub ids: Vec<i64>,
    pub total: i64,
    pub overdue: i64,
    pub due_soon: i64,
}

impl Top {
    /// A pane of `rows` with the counts over every match.
    pub(crate) fn pane<T>(&self, rows: Vec<T>) -> super::Pane<T> {
        super::Pane {
            rows,
            total: super::count(self.total),
            overdue: super::count(self.overdue),
            due_soon: super::count(self.due_soon),
            skipped: Vec::new(),
        }
    }
}

/// The statement of one pass: what is read, and how it is ordered.
pub(crate) struct Pass<'a> {
    /// `FROM … WHERE …` of the pane with its filter.
    pub from_where: &'a str,
    /// The item's id column (`d.id`).
    pub id: &'a str,
    /// True (1) for an overdue item.
    pub overdue: &'a str,
    /// True (1) for an item due soon.
    pub due_soon: &'a str,
    pub order: &'a [Key<'a>],
}

/// Reads every match of `pass` once and keeps the first `limit` in its order (ties
/// broken by id, as the pane's statements do), with the counts over all of them: the
/// matches are materialized once, then counted and sorted from there, in one statement.
pub(crate) fn top(
    conn: &Connection,
    pass: &Pass<'_>,
    params: &[(&str, &dyn rusqlite::ToSql)],
    limit: usize,
    what: &str,
) -> Result<Top> {
    let keys: String = pass
        .order
        .iter()
        .enumerate()
        .map(|(i, k)| format!(", {} AS k{i}", k.expr))
        .collect();
    let order = |prefix: &str| -> String {
        let mut o: Vec<String> = pass
            .order
            .iter()
            .enumerate()
            .map(|(i, k)| format!("{prefix}k{i}{}", if k.desc { " DESC" } else { "" }))
            .collect();
        o.push(format!("{prefix}id"));
        o.join(", ")
    };
    let cols: String = (0..pass.order.len()).map(|i| format!(", k{i}")).collect();
    let sql = format!(
        "WITH hits AS MATERIALIZED (
             SELECT {id} AS id, {overdue} AS o, {soon} AS s{keys} {from_where}
         ),
         tally AS (
             SELECT count(*) AS n, coalesce(sum(o), 0) AS o, coalesce(sum(s), 0) AS s FROM hits
         ),
         head AS (SELECT id{cols} FROM hits ORDER BY {inner} LIMIT :limit)
         SELECT tally.n, tally.o, tally.s, head.id FROM tally LEFT JOIN head ORDER BY {outer}",
        id = pass.id,
        overdue = pass.overdue,
        soon = pass.due_soon,
        from_where = pass.from_where,
        inner = order(""),
        outer = order("head."),
    );
    let mut stmt = conn
        .prepare_cached(&sql)
        .db(format!("preparing the {what} matches"))?;
    super::bind(&mut stmt, params)?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    super::bind(&mut stmt, &[(":limit", &limit)])?;
    let mut rows = stmt.raw_query();
    let mut out = Top::default();
    let failed = || format!("reading the {what} matches");
    while let Some(r) = rows.next().db_with(failed)? {
        out.total = r.get(0).db_with(failed)?;
        out.overdue = r.get(1).db_with(failed)?;
        out.due_soon = r.get(2).db_with(failed)?;
        if let Some(id) = r.get::<_, Option<i64>>(3).db_with(failed)? {
            out.ids.push(id);
        }
    }
    Ok(out)
}

/// The order of the owner, newest and title sorts: the first rows by deadline (the
/// candidates, `ids` in deadline order) reordered by `key` — pinyin for names and titles,
/// latest first for dates; ties keep the deadline order — and cut to `limit`. Only the
/// key is read for the candidates (`key_sql` selects `id, key` for `:ids`); the pane
/// reads its full rows for the ids returned.
pub(crate) fn resorted(
    conn: &Connection,
    ids: &[i64],
    sort: super::SortKey,
    key_sql: &str,
    limit: usize,
) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(key_sql).db("preparing the sort keys")?;
    let list = ids_param(ids);
    super::bind(&mut stmt, &[(":ids", &list)])?;
    let mut rows = stmt.raw_query();
    let mut keys: std::collections::HashMap<i64, String> =
        std::collections::HashMap::with_capacity(ids.len());
    while let Some(r) = rows.next().db("reading the sort keys")? {
        let id: i64 = r.get(0).db("reading the sort keys")?;
        // A key that is not text (hostile input) sorts as empty.
        let key = match r.get_ref(1).db("reading the sort keys")? {
            rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
            _ => String::new(),
        };
        keys.insert(id, key);
    }
    let mut order: Vec<(i64, String)> = ids
        .iter()
        .filter_map(|id| keys.remove(id).map(|k| (*id, k)))
        .collect();
    match sort {
        super::SortKey::Newest => order.sort_by(|a, b| b.1.cmp(&a.1)),
        _ => order.sort_by_cached_key(|(_, k)| crate::names::sort_key(k)),
    }
    order.truncate(limit);
    Ok(order.into_iter().map(|(id, _)| id).collect())
}

/// The ids `sql` selects (its first column), `:limit` bound to `limit`: the candidates
/// of an owner, newest or title order, in deadline order.
fn first_ids(
    conn: &Connection,
    sql: &str,
    params: &[(&str, &dyn rusqlite::ToSql)],
    limit: usize,
) -> Result<Vec<i64>> {
    let mut stmt = conn
        .prepare_cached(sql)
        .db("preparing the deadline order")?;
    super::bind(&mut stmt, params)?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    super::bind(&mut stmt, &[(":limit", &limit)])?;
    stmt.raw_query()
        .mapped(|r| r.get(0))
        .collect::<rusqlite::Result<Vec<i64>>>()
        .db("reading the deadline order")
}

/// The ids whose rows a pane reads, in the pane's order; None: the pane reads in its
/// own order. A text filter's first matches (`top`), or for the owner, newest and title
/// orders (`resort`: the order and its key statement) the first `limit` by deadline
/// (`top`'s, or those `first_sql` selects) reordered and cut to `window`.
pub(crate) fn chosen(
    conn: &Connection,
    top: Option<&Top>,
    resort: Option<(super::SortKey, String)>,
    first_sql: &str,
    params: &[(&str, &dyn rusqlite::ToSql)],
    limit: usize,
    window: usize,
) -> Result<Option<Vec<i64>>> {
    let ids = top.map(|t| t.ids.clone());
    let Some((sort, key_sql)) = resort else {
        return Ok(ids);
    };
    let candidates = match ids {
        Some(ids) => ids,
        None => first_ids(conn, first_sql, params, limit)?,
    };
    resorted(conn, &candidates, sort, &key_sql, window).map(Some)
}

/// The ids as the JSON array `json_each(:ids)` reads.
pub(crate) fn ids_param(ids: &[i64]) -> String {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", list.join(","))
}

/// `rows` in the order of `ids` (each row's id given by `id`; `End` can ask for
/// thousands, so the places are looked up, not searched).
pub(crate) fn in_order<T>(mut rows: Vec<T>, ids: &[i64], id: impl Fn(&T) -> i64) -> Vec<T> {
    let place: std::collections::HashMap<i64, usize> =
        ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    rows.sort_by_key(|r| place.get(&id(r)).copied().unwrap_or(usize::MAX));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first rows are those of a plain ORDER BY, over mixed values too.
    #[test]
    fn keeps_the_order_of_a_plain_order_by() {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(
            "CREATE TABLE t(id INTEGER PRIMARY KEY, v);
             INSERT INTO t(v) VALUES (NULL), (3), (2.5), ('2026-01-02'), ('2026-01-01'), (x'01'),
                                     (-1), ('B'), ('a'), (NULL), (2.5), (3.0);",
        )
        .unwrap();
        for desc in [false, true] {
            let dir = if desc { "DESC" } else { "ASC" };
            let want: Vec<i64> = c
                .prepare(&format!("SELECT id FROM t ORDER BY v {dir}, id"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            for limit in [0, 1, 3, 12, 20] {
                let order = [Key { expr: "v", desc }];
                let pass = Pass {
                    from_where: "FROM t",
                    id: "id",
                    overdue: "v < '2026'",
                    due_soon: "v IS NULL",
                    order: &order,
                };
                let top = top(&c, &pass, &[], limit, "test").unwrap();
                assert_eq!(
                    top.ids,
                    want[..limit.min(want.len())].to_vec(),
                    "{dir} {limit}"
                );
                assert_eq!(top.total, 12);
                assert_eq!(top.due_soon, 2);
                // Numbers sort before text: 3, 2.5, -1, 2.5, 3.0 and 'B' < '2026' is false.
                assert_eq!(top.overdue, 5);
            }
        }
    }
}
