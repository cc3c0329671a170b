//! Finding meetings, departments and investment projects by the ids users type.

use crate::error::{DbContext, Error, Result};
use rusqlite::{Connection, OptionalExtension};

fn find(conn: &Connection, sql: &str, key: &str) -> Result<Option<i64>> {
    conn.prepare_cached(sql)
        .db("preparing a lookup")?
        .query_row([key.trim()], |r| r.get(0))
        .optional()
        .db(format!("looking up '{key}'"))
}

/// The row id of the meeting with this external id.
pub fn meeting_id(conn: &Connection, ext_id: &str) -> Result<i64> {
    find(conn, "SELECT id FROM meetings WHERE ext_id = ?1", ext_id)?
        .ok_or_else(|| Error::NotFound(format!("meeting '{}'", ext_id.trim())))
}

/// The row id of a department named by its external id or its name.
pub fn department_id(conn: &Connection, spec: &str) -> Result<i64> {
    match find(conn, "SELECT id FROM departments WHERE ext_id = ?1", spec)? {
        Some(id) => Ok(id),
        None => find(conn, "SELECT id FROM departments WHERE name = ?1", spec)?
            .ok_or_else(|| Error::NotFound(format!("department '{}'", spec.trim()))),
    }
}

/// The row id of the investment project with this external id.
pub fn project_id(conn: &Connection, ext_id: &str) -> Result<i64> {
    find(
        conn,
        "SELECT id FROM investment_projects WHERE ext_id = ?1",
        ext_id,
    )?
    .ok_or_else(|| Error::NotFound(format!("investment project '{}'", ext_id.trim())))
}
