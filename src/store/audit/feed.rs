//! Reading the log as a feed, for the board: the rows after a given id (what others did
//! since the last snapshot: toasts, 改 marks, arrivals) and today's rows (the `!` list),
//! each with the names of who acted and for whom, and the item's id and title. Both walk
//! the log by its primary key or `audit_by_at`, so the cost follows the rows read, never
//! the log's length.

use crate::error::{DbContext, Result};
use chrono::NaiveDate;
use rusqlite::{Connection, named_params};

/// One row of the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRow {
    pub id: i64,
    /// Local time (UTC+8), `YYYY-MM-DD HH:MM:SS`.
    pub at: String,
    /// The acting login and the person's name (the login when not on the org chart:
    /// `system`, an administrator's account).
    pub actor: String,
    pub actor_name: String,
    /// The name (or login) of the person acted for (代录, stand-in).
    pub acted_for: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub summary: String,
    /// The row had no "before": the item was created by this row.
    pub created: bool,
    /// The item's external id and title, when it is a document, supervision item or
    /// meeting that still exists.
    pub ext_id: Option<String>,
    pub title: Option<String>,
    /// Documents only: the urgency (as stored, Chinese) and the sending department.
    pub urgency: Option<String>,
    pub from_dept: Option<String>,
}

const SELECT: &str = "SELECT a.id, a.at, a.actor, coalesce(pa.name, a.actor),
        coalesce(pf.name, a.acted_for), a.action, a.entity, a.entity_id, a.summary,
        a.before IS NULL,
        coalesce(d.ext_id, s.ext_id, m.ext_id), coalesce(d.title, s.title, m.title),
        d.urgency, dep.name
    FROM audit a
    LEFT JOIN people pa ON pa.login = a.actor
    LEFT JOIN people pf ON pf.login = a.acted_for
    LEFT JOIN documents d ON a.entity = 'document' AND d.id = a.entity_id
    LEFT JOIN departments dep ON dep.id = d.from_dept
    LEFT JOIN supervision s ON a.entity = 'supervision' AND s.id = a.entity_id
    LEFT JOIN meetings m ON a.entity = 'meeting' AND m.id = a.entity_id";

/// The last row's id (0 for an empty log): where the board's feed starts.
pub fn last_id(conn: &Connection) -> Result<i64> {
    conn.prepare_cached("SELECT coalesce(max(id), 0) FROM audit")
        .db("preparing the audit head read")?
        .query_row([], |r| r.get(0))
        .db("reading the last audit row")
}

/// At most `limit` rows after `after`, oldest first.
pub fn after(conn: &Connection, after: i64, limit: usize) -> Result<Vec<FeedRow>> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    read(
        conn,
        &format!("{SELECT} WHERE a.id > :after ORDER BY a.id LIMIT :limit"),
        named_params! {":after": after, ":limit": limit},
    )
}

/// The rows of local day `day` (UTC+8), newest first, at most `limit`.
pub fn on_day(conn: &Connection, day: NaiveDate, limit: usize) -> Result<Vec<FeedRow>> {
    let (utc, local) = super::log::since_bounds(day);
    let (utc_end, local_end) = match day.succ_opt() {
        Some(next) => super::log::since_bounds(next),
        None => (utc.clone(), local.clone()),
    };
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    // Rows are stored in UTC (`…Z`); rows written before that are local without the `T`.
    read(
        conn,
        &format!(
            "{SELECT} WHERE (a.at >= :utc AND a.at < :utc_end)
                OR (a.at >= :local AND a.at < :local_end AND a.at NOT LIKE '%T%')
             ORDER BY a.id DESC LIMIT :limit"
        ),
        named_params! {":utc": utc, ":utc_end": utc_end, ":local": local,
        ":local_end": local_end, ":limit": limit},
    )
}

fn read(
    conn: &Connection,
    sql: &str,
    params: &[(&str, &dyn rusqlite::ToSql)],
) -> Result<Vec<FeedRow>> {
    let mut stmt = conn.prepare_cached(sql).db("preparing the audit feed")?;
    let rows = stmt
        .query_map(params, |r| {
            Ok(FeedRow {
                id: r.get(0)?,
                at: super::local_time(&r.get::<_, String>(1)?),
                actor: r.get(2)?,
                actor_name: r.get(3)?,
                acted_for: r.get(4)?,
                action: r.get(5)?,
                entity: r.get(6)?,
                entity_id: r.get(7)?,
                summary: r.get(8)?,
                created: r.get(9)?,
                ext_id: r.get(10)?,
                title: r.get(11)?,
                urgency: r.get(12)?,
                from_dept: r.get(13)?,
            })
        })
        .db("reading the audit feed")?;
    rows.collect::<std::result::Result<_, _>>()
        .db("reading the audit feed")
}
