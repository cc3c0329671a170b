//! Registration: writing typed records into the store, by their external id (`ext_id`).
//!
//! Used by `import` and by the demo generator. Each upsert:
//! - resolves references (department ids, logins, meeting ids) to rows already in the
//!   database — earlier lines of the same file are already there, in the same
//!   transaction — and names the field when one is missing;
//! - computes every deadline through [`crate::domain::deadline`] and routes documents
//!   through [`crate::domain::routing`];
//! - leaves stored values alone for optional fields the record leaves out, and replaces
//!   the child rows (divisions, members, topics, countersign requests, …) of lists it gives;
//! - writes an audit entry (`action = "import"`, the row before and after) in the same
//!   transaction, unless the caller records one entry for a whole batch ([`Audit::Batch`]).
//!
//! The caller owns the transaction: a whole file is one.

mod document;
mod gaps;
mod meeting;
mod org;
mod registrar;
mod row_text;
mod rules;
mod supervision;

pub use document::upsert_document;
pub use org::person_exists;
pub(crate) use org::{set_partner, write_person};
pub use registrar::Registrar;
pub use row_text::row_json_text;
pub use supervision::{
    EXTENDED_RULE, computed as supervision_rule_is_computed, upsert_supervision,
};

use crate::domain::{Env, Role};
use crate::error::{DbContext, Result};
use crate::interchange::fields::FieldError;
use crate::interchange::record::Record;
use rusqlite::types::{ToSql, ValueRef};
use rusqlite::{Connection, OptionalExtension};
use serde_json::{Map, Value};

/// Whether a row was new or replaced an existing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    Inserted(i64),
    Updated(i64),
}

impl Upsert {
    /// The row id.
    pub fn id(self) -> i64 {
        match self {
            Upsert::Inserted(id) | Upsert::Updated(id) => id,
        }
    }
    pub fn is_insert(self) -> bool {
        matches!(self, Upsert::Inserted(_))
    }
}

/// How the changes are audited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audit {
    /// One audit entry per record, with the row before and after (imports).
    Each,
    /// As `Each`, for a migration import (records carrying a later state), audited as such.
    Migration,
    /// No entry per record: the caller records one entry for the whole batch (the demo).
    Batch,
}

/// Writes any record, as a run of its own.
pub fn upsert(conn: &Connection, env: &Env, rec: &Record, audit: Audit) -> Result<Upsert> {
    let s = Registrar::new(conn, env, audit);
    let u = write(&s, rec)?;
    s.finish()?;
    Ok(u)
}

/// Writes any record within a run. A migration import marks a document, supervision item
/// or meeting that arrives settled (signed or returned, closed, held or cancelled) as
/// settled history (`imported_settled`): the rules about what follows settlement are not
/// applied to what the former system did not record (docs/rules.md, "Settled history").
pub fn write(s: &Registrar<'_>, rec: &Record) -> Result<Upsert> {
    let u = write_record(s, rec)?;
    if s.audit == Audit::Migration {
        let sql = match rec {
            Record::Document(_) => {
                "UPDATE documents SET imported_settled = (state <> '待批') WHERE id = ?1"
            }
            Record::Supervision(_) => {
                "UPDATE supervision SET imported_settled = (state <> '办理中') WHERE id = ?1"
            }
            Record::Meeting(_) => {
                "UPDATE meetings SET imported_settled = (state <> '待召开') WHERE id = ?1"
            }
            _ => return Ok(u),
        };
        s.conn
            .prepare_cached(sql)
            .db("preparing the settled-history mark")?
            .execute([u.id()])
            .db("marking settled history")?;
    }
    Ok(u)
}

fn write_record(s: &Registrar<'_>, rec: &Record) -> Result<Upsert> {
    match rec {
        Record::Department(r) => org::write_department(s, r),
        Record::Person(r) => org::write_person(s, r),
        Record::Absence(r) => org::write_absence(s, r),
        Record::Duty(r) => org::write_duty(s, r),
        Record::Meeting(r) => {
            let u = meeting::write_meeting(s, r)?;
            rules::meeting_extras(s, r, u.id())?;
            gaps::meeting_gaps(s.conn, r, u.id())?;
            Ok(u)
        }
        Record::Document(r) => {
            let u = document::write_document(s, r)?;
            gaps::document_gaps(s.conn, r, u.id())?;
            Ok(u)
        }
        Record::Supervision(r) => supervision::write_supervision(s, r),
        Record::Investment(r) => rules::write_investment(s, r),
        Record::Fund(r) => rules::write_fund(s, r),
    }
}

/// The tables whose rows are audited, with the query for one row.
fn row_sql(table: &str) -> Option<&'static str> {
    Some(match table {
        "departments" => "SELECT * FROM departments WHERE id = ?1",
        "people" => "SELECT * FROM people WHERE id = ?1",
        "absences" => "SELECT * FROM absences WHERE id = ?1",
        "duty_rota" => "SELECT * FROM duty_rota WHERE rowid = ?1",
        "documents" => "SELECT * FROM documents WHERE id = ?1",
        "meetings" => "SELECT * FROM meetings WHERE id = ?1",
        "supervision" => "SELECT * FROM supervision WHERE id = ?1",
        "investment_projects" => "SELECT * FROM investment_projects WHERE id = ?1",
        "fund_requests" => "SELECT * FROM fund_requests WHERE id = ?1",
        "topics" => "SELECT * FROM topics WHERE id = ?1",
        "leave_requests" => "SELECT * FROM leave_requests WHERE id = ?1",
        _ => return None,
    })
}

/// One row as a JSON object (column name → value), for the audit log.
pub fn row_json(conn: &Connection, table: &str, id: i64) -> Result<Option<Value>> {
    let Some(sql) = row_sql(table) else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(sql).db("preparing a row read")?;
    stmt.query_row([id], row_to_json)
        .optional()
        .db(format!("reading {table} row {id}"))
}

/// The current row of a query as a JSON object (column name → value).
pub fn row_to_json(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    let n = r.as_ref().column_count();
    let mut m = Map::new();
    for i in 0..n {
        let name = r.as_ref().column_name(i)?;
        let v = match r.get_ref(i)? {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(n) => Value::from(n),
            ValueRef::Real(x) => Value::from(x),
            ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
            // No column of ours holds a blob; record its size rather than its bytes.
            ValueRef::Blob(b) => Value::from(format!("<{} bytes>", b.len())),
        };
        m.insert(name.to_string(), v);
    }
    Ok(Value::Object(m))
}

/// The row id an upsert wrote: the existing row's, or the one just inserted.
pub(crate) fn upserted_id(conn: &Connection, old: Option<i64>) -> i64 {
    old.unwrap_or_else(|| conn.last_insert_rowid())
}

/// One row as JSON text, for the audit log.
fn row_text(s: &Registrar<'_>, table: &'static str, id: i64) -> Result<Option<String>> {
    let Some(sql) = row_sql(table) else {
        return Ok(None);
    };
    let mut stmt = s.conn.prepare_cached(sql).db("preparing a row read")?;
    let keys = s.keys(table, &stmt)?;
    stmt.query_row([id], |r| row_text::write_row(r, &keys))
        .optional()
        .db_with(|| format!("reading {table} row {id}"))
}

/// The audit side of one upsert: read the row before the write (when auditing).
pub(crate) struct Audited<'s, 'a> {
    s: &'s Registrar<'a>,
    table: &'static str,
    entity: &'static str,
    before: Option<String>,
    on: bool,
    action: &'static str,
}

impl<'s, 'a> Audited<'s, 'a> {
    pub(crate) fn before(
        s: &'s Registrar<'a>,
        table: &'static str,
        entity: &'static str,
        existing: Option<i64>,
    ) -> Result<Audited<'s, 'a>> {
        let on = s.audit != Audit::Batch;
        let before = match (on, existing) {
            (true, Some(id)) => row_text(s, table, id)?,
            _ => None,
        };
        Ok(Audited {
            s,
            table,
            entity,
            before,
            on,
            action: if s.audit == Audit::Migration {
                "import-migration"
            } else {
                "import"
            },
        })
    }

    /// Records the entry with the row as it is now.
    pub(crate) fn after(self, id: i64, summary: &str) -> Result<()> {
        if !self.on {
            return Ok(());
        }
        let after = row_text(self.s, self.table, id)?;
        self.record(id, after, summary)
    }

    fn record(self, id: i64, after: Option<String>, summary: &str) -> Result<()> {
        let env = self.s.env;
        self.s
            .append(
                &crate::command::audit_log::Entry {
                    os_account: &env.account,
                    actor: &env.actor,
                    acted_for: None,
                    action: self.action,
                    business_date: self.s.business_date.as_deref(),
                    entity: self.entity,
                    entity_id: (id != 0).then_some(id),
                    summary,
                    before: None,
                    after: None,
                },
                self.before.as_deref(),
                after.as_deref(),
            )
            .map(|_| ())
    }
}

/// A department's row id by external id; `field` names the referring field.
pub(crate) fn dept_id(conn: &Connection, field: &str, ext: &str) -> Result<i64> {
    let by_id = conn
        .prepare_cached("SELECT id FROM departments WHERE ext_id = ?1")
        .db("preparing a department lookup")?
        .query_row([ext], |r| r.get(0))
        .optional()
        .db("looking up a department")?;
    match by_id {
        Some(id) => Ok(id),
        // A file may name a department as people do: name, short name, alias, initials.
        None => picked(
            field,
            "department",
            ext,
            crate::command::resolve::department(conn, ext),
        ),
    }
}

/// The picker's answer for a reference that is not an external id or login: its row, or
/// the field's error — listing the candidates when several match.
fn picked(field: &str, what: &str, typed: &str, found: Result<i64>) -> Result<i64> {
    match found {
        Ok(id) => Ok(id),
        Err(crate::Error::NoSuch { en, .. }) if en.contains("several") => {
            Err(FieldError::new(field, en).into())
        }
        Err(_) => Err(dangling(field, what, typed)),
    }
}

/// A person's row id and role by login; `field` names the referring field.
pub(crate) fn person(conn: &Connection, field: &str, login: &str) -> Result<(i64, Role)> {
    let by_login = conn
        .prepare_cached("SELECT id, role FROM people WHERE login = ?1")
        .db("preparing a person lookup")?
        .query_row([login], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .db("looking up a person")?;
    if let Some(found) = by_login {
        return Ok(found);
    }
    // A name, part of it or pinyin initials, as the board and the command line take.
    let found = crate::command::resolve::person(conn, login).map(|p| p.id);
    let id = picked(field, "person with login", login, found)?;
    let role = conn
        .prepare_cached("SELECT role FROM people WHERE id = ?1")
        .db("preparing a person lookup")?
        .query_row([id], |r| r.get(0))
        .db("looking up a person")?;
    Ok((id, role))
}

/// A meeting's row id by external id.
pub(crate) fn meeting_id(conn: &Connection, field: &str, ext: &str) -> Result<i64> {
    conn.prepare_cached("SELECT id FROM meetings WHERE ext_id = ?1")
        .db("preparing a meeting lookup")?
        .query_row([ext], |r| r.get(0))
        .optional()
        .db("looking up a meeting")?
        .ok_or_else(|| dangling(field, "meeting", ext))
}

/// The error for a reference to nothing.
pub(crate) fn dangling(field: &str, what: &str, id: &str) -> crate::Error {
    FieldError::new(
        field,
        format!("no {what} '{id}' (neither earlier in the file nor in the database)"),
    )
    .into()
}

/// The error for a list naming the same thing twice.
pub(crate) fn twice(field: &str, id: &str) -> crate::Error {
    FieldError::new(field, format!("'{id}' is listed twice")).into()
}

/// A row's id by external id in one of the item tables.
pub(crate) fn existing<T>(
    conn: &Connection,
    sql: &'static str,
    key: &dyn ToSql,
    map: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Option<T>> {
    conn.prepare_cached(sql)
        .db("preparing an existing-row lookup")?
        .query_row([key], map)
        .optional()
        .db("looking up an existing row")
}

/// `YYYY-MM-DD` for a date column (written by hand: strftime is slow for bulk imports).
pub(crate) fn day(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Now as stored, `YYYY-MM-DD HH:MM:SS` (as [`Env::now_str`], without strftime).
pub(crate) fn now_stamp(env: &Env) -> String {
    use chrono::{Datelike, Timelike};
    let t = env.now();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `YYYY-MM-DD` for an optional date column.
pub(crate) fn opt_day(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(day)
}

/// A `YYYY-MM-DD` column as a date (None for NULL).
pub fn date_column(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<chrono::NaiveDate>> {
    let Some(s) = r.get::<_, Option<String>>(i)? else {
        return Ok(None);
    };
    chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .map(Some)
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
}
