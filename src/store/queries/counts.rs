//! A pane's counts without a text filter, from `open_counts`: the open items per due day,
//! kept by triggers in the same transaction as every write (migration 8). Summing a few
//! hundred days costs the same at a hundred open items and at a hundred thousand.

use super::Bounds;
use crate::error::{DbContext, Result};
use rusqlite::Connection;

/// (total, overdue, due soon) of `pane` (`approvals` or `supervision`), only items due
/// before `upper` when given.
pub(crate) fn of_pane(
    conn: &Connection,
    pane: &str,
    b: &Bounds,
    upper: Option<&str>,
) -> Result<(usize, usize, usize)> {
    let sql = format!(
        "SELECT coalesce(sum(n), 0),
                coalesce(sum(CASE WHEN due < :today THEN n END), 0),
                coalesce(sum(CASE WHEN due >= :today AND due < :soon THEN n END), 0)
         FROM open_counts WHERE pane = :pane{}",
        if upper.is_some() {
            " AND due < :upper"
        } else {
            ""
        }
    );
    let mut stmt = conn.prepare_cached(&sql).db("preparing the pane count")?;
    let params: [(&str, &dyn rusqlite::ToSql); 4] = [
        (":today", &b.today),
        (":soon", &b.soon),
        (":pane", &pane),
        (":upper", &upper),
    ];
    super::bind(&mut stmt, &params)?;
    let mut rows = stmt.raw_query();
    let Some(r) = rows.next().db("counting a pane")? else {
        return Ok((0, 0, 0));
    };
    Ok((
        super::count(r.get(0).db("counting a pane")?),
        super::count(r.get(1).db("counting a pane")?),
        super::count(r.get(2).db("counting a pane")?),
    ))
}
