//! Registration of the fields the rule gaps of the seeds added (schema v4): a document's
//! needed-by date and urgency reason (东昌 二十八), a meeting's requesting department (信州
//! 二十四, 环翠 55, 东昌 二十六), and the later states of minutes drafted (崆峒 四十七) and
//! the report after a meeting (崆峒 四十二). A field left out keeps what is stored.

use super::day;
use crate::command::resolve;
use crate::error::{DbContext, Result};
use crate::interchange::record::{Document, Meeting};
use rusqlite::{Connection, params};

/// After a document is written: its needed-by date and urgency reason.
pub(super) fn document_gaps(conn: &Connection, rec: &Document, id: i64) -> Result<()> {
    if rec.needed_by.is_none() && rec.urgent_reason.is_none() {
        return Ok(());
    }
    conn.prepare_cached(
        "UPDATE documents SET needed_by = COALESCE(?2, needed_by),
                urgent_reason = COALESCE(?3, urgent_reason) WHERE id = ?1",
    )
    .db("preparing the needed-by update")?
    .execute(params![
        id,
        rec.needed_by.map(day),
        rec.urgent_reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
    ])
    .db(format!("writing document '{}'s needed-by date", rec.id))?;
    Ok(())
}

/// After a meeting is written: the department that asked for it, and the days its minutes
/// were drafted and its report made.
pub(super) fn meeting_gaps(conn: &Connection, rec: &Meeting, id: i64) -> Result<()> {
    let dept = match &rec.requested_by {
        Some(d) => Some(resolve::department(conn, d)?),
        None => None,
    };
    if dept.is_none() && rec.minutes_drafted_on.is_none() && rec.reported_on.is_none() {
        return Ok(());
    }
    conn.prepare_cached(
        "UPDATE meetings SET requested_by = COALESCE(?2, requested_by),
                minutes_drafted_on = COALESCE(?3, minutes_drafted_on),
                reported_on = COALESCE(?4, reported_on) WHERE id = ?1",
    )
    .db("preparing the meeting extras update")?
    .execute(params![
        id,
        dept,
        rec.minutes_drafted_on.map(day),
        rec.reported_on.map(day)
    ])
    .db(format!(
        "writing meeting '{}'s requesting department",
        rec.id
    ))?;
    Ok(())
}
