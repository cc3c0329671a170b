//! Export: everything, in dependency order, as records an import reads back.

use super::Format;
use super::csv_rows;
use super::record::*;
use crate::command::register::supervision_rule_is_computed;
use crate::error::{DbContext, Error, Result};
use chrono::NaiveDate;
use rusqlite::{Connection, Row};
use std::io::Write;

/// Writes every record in the database to `out`; returns how many of each type (in
/// [`TYPES`] order). Call it inside a read transaction so the export is one snapshot.
pub fn export(
    conn: &Connection,
    format: Format,
    out: &mut dyn Write,
) -> Result<[u64; TYPES.len()]> {
    let mut sink = Sink::new(format, out);
    let mut counts = [0u64; TYPES.len()];
    let mut emit = |rec: Record| -> Result<()> {
        counts[rec.type_index()] += 1;
        sink.write(&rec)
    };
    for_each(
        conn,
        "SELECT id, ext_id, name, kind, aliases FROM departments ORDER BY id",
        |r| {
            let aliases: String = r.get(4)?;
            Ok(Record::Department(Department {
                id: r.get(1)?,
                name: r.get(2)?,
                kind: r.get(3)?,
                aliases: Some(aliases.lines().map(str::to_string).collect())
                    .filter(|v: &Vec<String>| !v.is_empty()),
            }))
        },
        &mut emit,
    )?;
    for_each(
        conn,
        "SELECT p.id, p.ext_id, p.login, p.name, p.role, q.login, d.ext_id FROM people p
         LEFT JOIN people q ON q.id = p.partner_id LEFT JOIN departments d ON d.id = p.dept_id
         ORDER BY p.id",
        |r| {
            Ok(Record::Person(Person {
                id: r.get(1)?,
                login: r.get(2)?,
                name: r.get(3)?,
                role: r.get(4)?,
                divisions: None,
                partner: r.get(5)?,
                dept: r.get(6)?,
            }))
        },
        &mut |mut rec| {
            if let Record::Person(p) = &mut rec {
                p.divisions = non_empty(strings(
                    conn,
                    "SELECT d.ext_id FROM divisions v JOIN departments d ON d.id = v.dept_id
                     JOIN people p ON p.id = v.person_id WHERE p.ext_id = ?1 ORDER BY d.id",
                    &p.id,
                )?);
            }
            emit(rec)
        },
    )?;
    for_each(
        conn,
        "SELECT a.id, a.ext_id, p.login, a.start_on, a.end_on, a.reason, a.reported_on
         FROM absences a JOIN people p ON p.id = a.person_id ORDER BY a.id",
        |r| {
            let ext: Option<String> = r.get(1)?;
            Ok(Record::Absence(Absence {
                id: ext.unwrap_or_else(|| format!("absence-{}", r.get::<_, i64>(0).unwrap_or(0))),
                login: r.get(2)?,
                start: req_date(r, 3)?,
                end: req_date(r, 4)?,
                reason: r
                    .get::<_, String>(5)
                    .map(|s| Some(s).filter(|s| !s.is_empty()))?,
                reported_on: date(r, 6)?,
            }))
        },
        &mut emit,
    )?;
    for_each(
        conn,
        "SELECT 0, d.day, o.login, l.login FROM duty_rota d
         LEFT JOIN people o ON o.id = d.officer_id LEFT JOIN people l ON l.id = d.leader_id
         ORDER BY d.day",
        |r| {
            Ok(Record::Duty(Duty {
                date: req_date(r, 1)?,
                officer: r.get(2)?,
                leader: r.get(3)?,
            }))
        },
        &mut emit,
    )?;
    super::export_items::meetings(conn, &mut emit)?;
    super::export_items::documents(conn, &mut emit)?;
    super::export_items::supervision(conn, &mut emit, supervision_rule_is_computed)?;
    super::rules_records::export(conn, &mut emit)?;
    sink.finish()?;
    Ok(counts)
}

/// Runs a query and hands each mapped row on.
pub(super) fn for_each(
    conn: &Connection,
    sql: &'static str,
    map: impl Fn(&Row<'_>) -> rusqlite::Result<Record>,
    f: &mut dyn FnMut(Record) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(sql).db("preparing an export query")?;
    let mut rows = stmt.query([]).db("running an export query")?;
    while let Some(row) = rows.next().db("reading an export row")? {
        let rec = map(row).db("reading an export row")?;
        f(rec)?;
    }
    Ok(())
}

/// As [`for_each`], handing on with each record its row id, the query's first column, so
/// its child rows are read without looking the row up again.
pub(super) fn for_each_with_id(
    conn: &Connection,
    sql: &'static str,
    map: impl Fn(&Row<'_>) -> rusqlite::Result<Record>,
    f: &mut dyn FnMut(i64, Record) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(sql).db("preparing an export query")?;
    let mut rows = stmt.query([]).db("running an export query")?;
    while let Some(row) = rows.next().db("reading an export row")? {
        let id: i64 = row.get(0).db("reading an export row")?;
        let rec = map(row).db("reading an export row")?;
        f(id, rec)?;
    }
    Ok(())
}

/// The first column of every row of a query on one key.
pub(super) fn strings(
    conn: &Connection,
    sql: &'static str,
    key: &dyn rusqlite::ToSql,
) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql).db("preparing an export query")?;
    let rows = stmt
        .query_map([key], |r| r.get(0))
        .db("running an export query")?;
    rows.collect::<rusqlite::Result<Vec<String>>>()
        .db("reading an export row")
}

/// None for an empty list (so the field is left out).
pub(super) fn non_empty<T>(v: Vec<T>) -> Option<Vec<T>> {
    if v.is_empty() { None } else { Some(v) }
}

/// An optional date column (`YYYY-MM-DD` text).
pub(super) fn date(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    crate::command::register::date_column(r, i)
}

/// A required date column.
pub(super) fn req_date(r: &Row<'_>, i: usize) -> rusqlite::Result<NaiveDate> {
    crate::command::register::date_column(r, i)?.ok_or(rusqlite::Error::InvalidColumnType(
        i,
        "date".into(),
        rusqlite::types::Type::Null,
    ))
}

/// Where records go: JSON Lines or CSV.
enum Sink<'a> {
    Jsonl(&'a mut dyn Write),
    Csv(Box<csv_rows::Writer<&'a mut dyn Write>>),
}

impl<'a> Sink<'a> {
    fn new(format: Format, out: &'a mut dyn Write) -> Self {
        match format {
            Format::Jsonl => Sink::Jsonl(out),
            Format::Csv => Sink::Csv(Box::new(csv_rows::Writer::new(out))),
        }
    }

    fn write(&mut self, rec: &Record) -> Result<()> {
        match self {
            Sink::Jsonl(out) => {
                serde_json::to_writer(&mut **out, rec)
                    .map_err(|e| Error::invalid("export", e.to_string()))?;
                out.write_all(b"\n")
                    .map_err(|e| Error::invalid("export", e.to_string()))
            }
            Sink::Csv(w) => {
                let v = serde_json::to_value(rec)
                    .map_err(|e| Error::invalid("export", e.to_string()))?;
                w.write(rec.type_name(), &v)
            }
        }
    }

    fn finish(self) -> Result<()> {
        match self {
            Sink::Jsonl(out) => out
                .flush()
                .map_err(|e| Error::invalid("export", e.to_string())),
            Sink::Csv(w) => w.finish(),
        }
    }
}
