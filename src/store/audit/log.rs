//! Reading the log as it is, for `dutydesk audit`: every column, narrowed to one item, a
//! start day or a person, oldest first, streamed row by row.

use crate::error::{DbContext, Error, Result};
use chrono::NaiveDate;
use rusqlite::types::{ToSql, ValueRef};
use rusqlite::{Connection, OptionalExtension};

/// The kinds of item `--item` can name: the prefix that picks one, the audit entity, the
/// table holding its external id.
const ITEMS: &[(&str, &str, &str)] = &[
    ("doc:", "document", "documents"),
    ("sup:", "supervision", "supervision"),
    ("mtg:", "meeting", "meetings"),
];

/// One audited item: the audit entity and the row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub entity: &'static str,
    pub id: i64,
}

/// Which rows to read; every field narrows, none given reads the whole log.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter<'a> {
    pub item: Option<Item>,
    /// From this local day's start (00:00 UTC+8) on.
    pub since: Option<NaiveDate>,
    /// Rows whose actor or operating-system account is this.
    pub by: Option<&'a str>,
}

/// One row with every column as stored (`before` and `after` as their JSON text, so the
/// hash can be recomputed from the output), plus the item's external id for display.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LogRow {
    pub id: i64,
    pub at: String,
    pub os_account: Option<String>,
    pub actor: String,
    pub acted_for: Option<String>,
    pub action: String,
    pub business_date: Option<String>,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub summary: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub prev_hash: Option<String>,
    pub hash: Option<String>,
    /// The external id of the item the row is about, when it still exists.
    #[serde(skip)]
    pub ext_id: Option<String>,
}

/// The item named by an external id. `doc:`, `sup:` and `mtg:` say which kind; a bare id
/// that names items of several kinds is refused with a hint to use them.
pub fn find_item(conn: &Connection, spec: &str) -> Result<Item> {
    let spec = spec.trim();
    let (kinds, ext) = match ITEMS.iter().find(|(p, _, _)| spec.starts_with(p)) {
        Some(k) => (std::slice::from_ref(k), &spec[k.0.len()..]),
        None => (ITEMS, spec),
    };
    let mut found = Vec::new();
    for &(prefix, entity, table) in kinds {
        let id: Option<i64> = conn
            .prepare_cached(&format!("SELECT id FROM {table} WHERE ext_id = ?1"))
            .db("preparing the item lookup")?
            .query_row([ext], |r| r.get(0))
            .optional()
            .db(format!("looking up item '{ext}'"))?;
        if let Some(id) = id {
            found.push((prefix, Item { entity, id }));
        }
    }
    match found.as_slice() {
        [(_, item)] => Ok(*item),
        [] => Err(Error::NotFound(format!(
            "document, supervision item or meeting '{ext}'"
        ))),
        several => {
            let hint = several
                .iter()
                .map(|(p, _)| format!("{p}{ext}"))
                .collect::<Vec<_>>()
                .join(" / ");
            Err(Error::refused(
                format!("“{ext}”指向不止一项，请写 {hint}"),
                format!("'{ext}' names more than one item; write {hint}"),
            ))
        }
    }
}

/// Calls `out` with each row the filter keeps, oldest first; returns how many.
pub fn each<E: From<Error>>(
    conn: &Connection,
    f: &Filter<'_>,
    mut out: impl FnMut(&LogRow) -> std::result::Result<(), E>,
) -> std::result::Result<u64, E> {
    let mut sql = String::from(
        "SELECT a.id, a.at, a.os_account, a.actor, a.acted_for, a.action, a.business_date,
                a.entity, a.entity_id, a.summary, a.before, a.after, a.prev_hash, a.hash,
                CASE a.entity
                    WHEN 'document' THEN (SELECT ext_id FROM documents WHERE id = a.entity_id)
                    WHEN 'supervision' THEN (SELECT ext_id FROM supervision WHERE id = a.entity_id)
                    WHEN 'meeting' THEN (SELECT ext_id FROM meetings WHERE id = a.entity_id)
                    WHEN 'investment' THEN
                        (SELECT ext_id FROM investment_projects WHERE id = a.entity_id)
                    WHEN 'fund' THEN (SELECT ext_id FROM fund_requests WHERE id = a.entity_id)
                END
         FROM audit a WHERE 1",
    );
    let mut args: Vec<(&str, Box<dyn ToSql>)> = Vec::new();
    if let Some(item) = f.item {
        sql.push_str(" AND a.entity = :entity AND a.entity_id = :entity_id");
        args.push((":entity", Box::new(item.entity)));
        args.push((":entity_id", Box::new(item.id)));
    }
    if let Some(by) = f.by {
        sql.push_str(" AND (a.actor = :by OR a.os_account = :by)");
        args.push((":by", Box::new(by.to_string())));
    }
    if let Some(day) = f.since {
        let (utc, local) = since_bounds(day);
        // Rows stamped in UTC (`…T…Z`) compare with the day's start in UTC; rows from
        // before v3, stamped in local time (`YYYY-MM-DD HH:MM:SS`), with its local start.
        // The first bound is below both, so the time index narrows the scan.
        sql.push_str(
            " AND a.at >= :low AND ((substr(a.at, 11, 1) = 'T' AND a.at >= :utc)
                                  OR (substr(a.at, 11, 1) <> 'T' AND a.at >= :local))",
        );
        args.push((":low", Box::new(utc.clone().min(local.clone()))));
        args.push((":utc", Box::new(utc)));
        args.push((":local", Box::new(local)));
    }
    sql.push_str(" ORDER BY a.id");
    let named: Vec<(&str, &dyn ToSql)> = args.iter().map(|(k, v)| (*k, v.as_ref())).collect();
    let mut stmt = conn.prepare(&sql).db("preparing the audit listing")?;
    let mut rows = stmt.query(named.as_slice()).db("reading the audit log")?;
    let mut n = 0;
    while let Some(r) = rows.next().db("reading the audit log")? {
        let row = LogRow {
            id: r.get(0).db("reading an audit row's id")?,
            at: lenient(r, 1).unwrap_or_default(),
            os_account: lenient(r, 2),
            actor: lenient(r, 3).unwrap_or_default(),
            acted_for: lenient(r, 4),
            action: lenient(r, 5).unwrap_or_default(),
            business_date: lenient(r, 6),
            entity: lenient(r, 7).unwrap_or_default(),
            entity_id: match r.get_ref(8) {
                Ok(ValueRef::Integer(i)) => Some(i),
                _ => None,
            },
            summary: lenient(r, 9).unwrap_or_default(),
            before: lenient(r, 10),
            after: lenient(r, 11),
            prev_hash: lenient(r, 12),
            hash: lenient(r, 13),
            ext_id: lenient(r, 14),
        };
        out(&row)?;
        n += 1;
    }
    Ok(n)
}

/// A column as text, whatever it holds: the listing shows a tampered row as it is rather
/// than failing on it (a number where text belongs, bytes that are not UTF-8).
fn lenient(r: &rusqlite::Row<'_>, i: usize) -> Option<String> {
    match r.get_ref(i).ok()? {
        ValueRef::Null => None,
        ValueRef::Integer(n) => Some(n.to_string()),
        ValueRef::Real(x) => Some(x.to_string()),
        ValueRef::Text(t) | ValueRef::Blob(t) => Some(String::from_utf8_lossy(t).into_owned()),
    }
}

/// A local day's start (00:00 UTC+8) as stored in each of the log's two time formats:
/// UTC RFC 3339 with milliseconds, and the local `YYYY-MM-DD HH:MM:SS` of older rows.
pub fn since_bounds(day: NaiveDate) -> (String, String) {
    let start = day.and_time(chrono::NaiveTime::MIN);
    let utc = start - chrono::Duration::seconds(i64::from(crate::clock::UTC_OFFSET_SECS));
    (
        utc.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        crate::clock::fmt_datetime(start),
    )
}
