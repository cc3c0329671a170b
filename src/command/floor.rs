//! The plain-SQL floor `dutydesk bench` holds an import against: the rows an import wrote,
//! copied into a fresh training database with plain prepared INSERTs in one transaction —
//! each record's row and child rows, then its audit row, in the import's order — with no
//! parsing, validation, lookups or hashing. What the import costs beyond this is the
//! program's own work; this is what SQLite alone costs for the same rows on the same
//! machine. Training databases only: the copied audit rows are not chained to the
//! database's own log. [`copy_set_based`] copies the same rows with SQLite alone
//! (`INSERT … SELECT`), the engine's best case for them.

use crate::error::{DbContext, Error, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, Statement};
use std::time::{Duration, Instant};

/// What the floor wrote and how long its writes took.
#[derive(Debug, Clone, Copy)]
pub struct Floor {
    /// Audit rows copied: one per record, plus the import's own entries (partner links,
    /// the import as a whole).
    pub entries: u64,
    /// Rows written in all (records' rows, their child rows, their audit rows).
    pub rows: u64,
    /// The writes and the commit, without the reads of the source.
    pub elapsed: Duration,
}

/// An audited entity: its table and the child tables written with it (table, parent
/// column), in the order an import writes them.
struct Entity {
    name: &'static str,
    table: &'static str,
    children: &'static [(&'static str, &'static str)],
}

const ENTITIES: &[Entity] = &[
    Entity {
        name: "department",
        table: "departments",
        children: &[],
    },
    Entity {
        name: "person",
        table: "people",
        children: &[("divisions", "person_id")],
    },
    Entity {
        name: "absence",
        table: "absences",
        children: &[],
    },
    Entity {
        name: "duty",
        table: "duty_rota",
        children: &[],
    },
    Entity {
        name: "meeting",
        table: "meetings",
        children: &[
            ("meeting_members", "meeting_id"),
            ("topics", "meeting_id"),
            ("leave_requests", "meeting_id"),
        ],
    },
    Entity {
        name: "document",
        table: "documents",
        children: &[("countersigns", "document_id"), ("notices", "document_id")],
    },
    Entity {
        name: "supervision",
        table: "supervision",
        children: &[
            ("supervision_co", "supervision_id"),
            ("progress_notes", "supervision_id"),
            ("extensions", "supervision_id"),
            ("notices", "supervision_id"),
        ],
    },
    Entity {
        name: "investment",
        table: "investment_projects",
        children: &[],
    },
    Entity {
        name: "fund",
        table: "fund_requests",
        children: &[],
    },
];

/// Every table the floor writes, each once, the audit log last.
fn tables() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for e in ENTITIES {
        for t in std::iter::once(e.table).chain(e.children.iter().map(|c| c.0)) {
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out.push("audit");
    out
}

/// Audit rows read from the source per round: the reads are kept out of the timing.
const CHUNK: usize = 20_000;

/// Copies every record an import wrote into `from` (the rows an `import` audit row names,
/// with their child rows, then that audit row) into `to`, a fresh training database, and
/// times the writes.
pub fn copy(from: &Connection, to: &mut crate::store::Store) -> Result<Floor> {
    let started = Instant::now();
    let mut reading = Duration::ZERO;
    let floor = to.write(|tx| {
        if !super::identity::is_training(tx)? {
            return Err(Error::refused(
                "对照写入只能写入培训库",
                "the plain-SQL floor is for training databases only",
            ));
        }
        // The import's own page cache, so the two differ in the program's work only.
        super::import::with_cache(tx, || copy_rows(from, tx, &mut reading))
    })?;
    Ok(Floor {
        elapsed: started.elapsed().saturating_sub(reading),
        ..floor
    })
}

/// The same rows copied by SQLite alone: the import's database attached to `to` and read
/// table by table with `INSERT … SELECT`, no row crossing into the program. What SQLite
/// itself costs for these rows with these indexes and triggers, set-based, on this
/// machine: the engine's best case, against which the row-at-a-time floor and the import
/// are read. `to` is a fresh training database.
pub fn copy_set_based(from: &std::path::Path, to: &mut crate::store::Store) -> Result<Floor> {
    let path = from.to_str().ok_or_else(|| {
        Error::invalid(
            from.display().to_string(),
            "the bench's database path is not UTF-8",
        )
    })?;
    // ATTACH cannot run inside a transaction.
    to.conn()
        .execute("ATTACH DATABASE ?1 AS src", [path])
        .db("attaching the imported database")?;
    let started = Instant::now();
    let copied = to.write(|tx| {
        if !super::identity::is_training(tx)? {
            return Err(Error::refused(
                "对照写入只能写入培训库",
                "the plain-SQL floor is for training databases only",
            ));
        }
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")
            .db("deferring the key checks")?;
        super::import::with_cache(tx, || copy_tables(tx))
    });
    let elapsed = started.elapsed();
    let detached = to
        .conn()
        .execute_batch("DETACH DATABASE src")
        .db("detaching the imported database");
    let (rows, entries) = copied?;
    detached?;
    Ok(Floor {
        entries,
        rows,
        elapsed,
    })
}

/// Every entity's rows an import audit row names, their child rows, then those audit rows
/// under new ids; (rows, audit rows) written.
fn copy_tables(tx: &Connection) -> Result<(u64, u64)> {
    let named = |entity: &str| {
        format!(
            "(SELECT entity_id FROM src.audit WHERE entity = '{entity}'
               AND action IN ('import', 'import-migration'))"
        )
    };
    let mut rows = 0u64;
    for e in ENTITIES {
        let key = if e.table == "duty_rota" {
            "rowid"
        } else {
            "id"
        };
        let mut sql = vec![format!(
            "INSERT INTO main.{t} SELECT * FROM src.{t} WHERE {key} IN {ids}",
            t = e.table,
            ids = named(e.name)
        )];
        for (t, col) in e.children {
            sql.push(format!(
                "INSERT INTO main.{t} SELECT * FROM src.{t} WHERE {col} IN {ids}",
                ids = named(e.name)
            ));
        }
        for q in sql {
            rows += tx.execute(&q, []).db("copying a table set-based")? as u64;
        }
    }
    let columns: Vec<String> = tx
        .prepare("SELECT * FROM main.audit LIMIT 0")
        .db("reading the audit columns")?
        .column_names()
        .into_iter()
        .filter(|c| *c != "id")
        .map(str::to_string)
        .collect();
    let list = columns.join(", ");
    let entries = tx
        .execute(
            &format!(
                "INSERT INTO main.audit({list}) SELECT {list} FROM src.audit
                 WHERE action IN ('import', 'import-migration') ORDER BY id"
            ),
            [],
        )
        .db("copying the audit rows set-based")? as u64;
    Ok((rows + entries, entries))
}

/// The copy itself, inside the floor's transaction; `reading` adds up the reads' time.
fn copy_rows(from: &Connection, tx: &Connection, reading: &mut Duration) -> Result<Floor> {
    // A person may name a partner further down; the keys are checked at the commit.
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")
        .db("deferring the key checks")?;
    let names = tables();
    let mut inserts = Vec::with_capacity(names.len());
    for t in &names {
        let n = column_count(from, t)?;
        let marks = (1..=n).map(|i| format!("?{i}")).collect::<Vec<_>>();
        let sql = format!("INSERT INTO {t} VALUES ({})", marks.join(", "));
        inserts.push(tx.prepare(&sql).db("preparing a floor insert")?);
    }
    let mut source = Source::new(from, &names)?;
    let mut floor = Floor {
        entries: 0,
        rows: 0,
        elapsed: Duration::ZERO,
    };
    let mut after = 0i64;
    loop {
        let t = Instant::now();
        let batch = source.chunk(&mut after)?;
        *reading += t.elapsed();
        if batch.is_empty() {
            break;
        }
        for (slot, row) in &batch {
            insert(&mut inserts[*slot], row)?;
            floor.rows += 1;
            if *slot == source.audit_slot {
                floor.entries += 1;
            }
        }
    }
    Ok(floor)
}

fn column_count(conn: &Connection, table: &str) -> Result<usize> {
    let stmt = conn
        .prepare(&format!("SELECT * FROM {table} LIMIT 0"))
        .db("reading a table's columns")?;
    Ok(stmt.column_count())
}

fn insert(stmt: &mut Statement<'_>, row: &[Value]) -> Result<()> {
    stmt.execute(rusqlite::params_from_iter(row.iter()))
        .db("writing a floor row")?;
    Ok(())
}

/// A row to write: the slot of its table in [`tables`], and its values.
type Row = (usize, Vec<Value>);

/// The source's rows, read a chunk of audit rows at a time.
struct Source<'c> {
    audit: Statement<'c>,
    audit_slot: usize,
    /// The audit row's `entity` and `entity_id` columns.
    entity_columns: (usize, usize),
    /// Per entity: its row's read and table slot, its children's reads and slots.
    rows: Vec<(Statement<'c>, usize)>,
    children: Vec<Vec<(Statement<'c>, usize)>>,
    copied: std::collections::HashSet<(usize, i64)>,
}

impl<'c> Source<'c> {
    fn new(conn: &'c Connection, names: &[&str]) -> Result<Source<'c>> {
        let slot = |t: &str| names.iter().position(|n| *n == t).unwrap_or(0);
        let audit = conn
            .prepare(
                "SELECT * FROM audit WHERE id > ?1 AND action IN ('import', 'import-migration')
                 ORDER BY id LIMIT ?2",
            )
            .db("preparing the floor's audit read")?;
        let entity_columns = (
            audit
                .column_index("entity")
                .db("reading the audit columns")?,
            audit
                .column_index("entity_id")
                .db("reading the audit columns")?,
        );
        let mut rows = Vec::new();
        let mut children = Vec::new();
        for e in ENTITIES {
            let key = if e.table == "duty_rota" {
                "rowid"
            } else {
                "id"
            };
            let read = conn
                .prepare(&format!("SELECT * FROM {} WHERE {key} = ?1", e.table))
                .db("preparing the floor's row read")?;
            rows.push((read, slot(e.table)));
            let mut kids = Vec::new();
            for (t, col) in e.children {
                let read = conn
                    .prepare(&format!("SELECT * FROM {t} WHERE {col} = ?1"))
                    .db("preparing the floor's child read")?;
                kids.push((read, slot(t)));
            }
            children.push(kids);
        }
        Ok(Source {
            audit,
            audit_slot: slot("audit"),
            entity_columns,
            rows,
            children,
            copied: Default::default(),
        })
    }

    /// The next chunk after audit row `after`: (table, values) in writing order.
    fn chunk(&mut self, after: &mut i64) -> Result<Vec<Row>> {
        let entries: Vec<Vec<Value>> = self
            .audit
            .query_map(rusqlite::params![*after, CHUNK as i64], values)
            .db("reading the audit rows")?
            .collect::<rusqlite::Result<_>>()
            .db("reading the audit rows")?;
        let mut out = Vec::with_capacity(entries.len() * 3);
        for mut entry in entries {
            let (e, i) = self.entity_columns;
            let (Some(Value::Integer(id)), Some(Value::Text(entity)), Some(entity_id)) =
                (entry.first(), entry.get(e), entry.get(i))
            else {
                continue;
            };
            *after = *id;
            let slot = ENTITIES.iter().position(|e| e.name == entity);
            if let (Some(slot), Value::Integer(row_id)) = (slot, entity_id) {
                let row_id = *row_id;
                if self.copied.insert((slot, row_id)) {
                    self.entity_rows(slot, row_id, &mut out)?;
                }
            }
            // A new id, as the log gives it: the floor's database has its own first rows.
            entry[0] = Value::Null;
            out.push((self.audit_slot, entry));
        }
        Ok(out)
    }

    fn entity_rows(&mut self, slot: usize, id: i64, out: &mut Vec<Row>) -> Result<()> {
        let (read, table) = &mut self.rows[slot];
        read_into(read, *table, id, out)?;
        for (read, table) in &mut self.children[slot] {
            read_into(read, *table, id, out)?;
        }
        Ok(())
    }
}

/// The rows a read on one id returns, for the table in `slot`.
fn read_into(read: &mut Statement<'_>, slot: usize, id: i64, out: &mut Vec<Row>) -> Result<()> {
    let rows = read
        .query_map([id], values)
        .db("reading a floor row")?
        .collect::<rusqlite::Result<Vec<_>>>()
        .db("reading a floor row")?;
    out.extend(rows.into_iter().map(|r| (slot, r)));
    Ok(())
}

/// Every column of a row.
fn values(r: &rusqlite::Row<'_>) -> rusqlite::Result<Vec<Value>> {
    (0..r.as_ref().column_count()).map(|i| r.get(i)).collect()
}
