//! "My actions today": one person's audit entries of one business day, newest first, as
//! lines in both languages (the stored summary is Chinese; the English line names the
//! command and the item). Reads only; walks `audit_by_actor` backwards.

use crate::error::{DbContext, Result};
use crate::store::queries::Bi;
use rusqlite::Connection;

/// At most this many lines.
const MAX: i64 = 500;

/// `actor`'s entries on `day` (`YYYY-MM-DD`, the business date when pinned, else the local
/// day of the real time).
pub fn mine(conn: &Connection, actor: &str, day: &str) -> Result<Vec<Bi>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT at, action, entity, entity_id, summary, business_date FROM audit
             WHERE actor = ?1 ORDER BY id DESC LIMIT ?2",
        )
        .db("preparing my actions")?;
    let rows = stmt
        .query_map(rusqlite::params![actor, MAX * 4], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })
        .db("reading my actions")?;
    let mut out = Vec::new();
    for row in rows {
        let (at, action, entity, id, summary, business) = row.db("reading my actions")?;
        let local = super::audit::local_time(&at);
        let on = business.unwrap_or_else(|| local.get(..10).unwrap_or("").to_string());
        if on != day {
            continue;
        }
        let time = local.get(11..16).unwrap_or("").to_string();
        let item = id.map(|i| format!(" {entity} #{i}")).unwrap_or_default();
        out.push(Bi::new(
            format!("{time}  {}", crate::text::printable(&summary)),
            format!("{time}  {action}{item}"),
        ));
        if out.len() as i64 >= MAX {
            break;
        }
    }
    Ok(out)
}
