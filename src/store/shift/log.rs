//! Reading the duty log (值班日志): entries newest first, one entry, incidents not yet
//! reported up.

use crate::command::Ref;
use crate::domain::duty::LogCategory;
use crate::error::{DbContext, Error, Result};
use rusqlite::{Connection, OptionalExtension, Row, named_params};
use serde::Serialize;

/// One entry as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogLine {
    pub id: i64,
    pub ext_id: String,
    /// Local `YYYY-MM-DD HH:MM:SS`.
    pub received_at: String,
    pub category: LogCategory,
    /// Who called: the person's or department's name from the org chart, else as typed.
    pub from: String,
    pub phone: String,
    pub summary: String,
    /// 一般 | 加急 | 特急 | 特急重要.
    pub urgency: String,
    pub informed: String,
    pub follow_up: String,
    pub recorded_by: Option<String>,
    pub reported_at: Option<String>,
    pub reported_to: Option<String>,
    /// The document or supervision item it became (external ids).
    pub document: Option<String>,
    pub supervision: Option<String>,
}

impl LogLine {
    /// An incident not yet reported up: shown as urgent until it is.
    pub fn unreported(&self) -> bool {
        self.category == LogCategory::Incident && self.reported_at.is_none()
    }
}

/// Which entries to read.
#[derive(Debug, Clone, Default)]
pub struct LogFilter {
    /// Received at or after this local time (`YYYY-MM-DD HH:MM:SS`).
    pub since: Option<String>,
    /// Received at or before this local time.
    pub until: Option<String>,
    /// Only incidents not yet reported up.
    pub unreported: bool,
    /// At most this many (0: no limit).
    pub limit: usize,
}

const SELECT: &str = "SELECT l.id, l.ext_id, l.received_at, l.category,
        COALESCE(p.name, d.name, l.from_text), l.phone, l.summary, l.urgency, l.informed,
        l.follow_up, r.name, l.reported_at, l.reported_to, doc.ext_id, s.ext_id
    FROM duty_log l
    LEFT JOIN people p ON p.id = l.from_person_id
    LEFT JOIN departments d ON d.id = l.from_dept_id
    LEFT JOIN people r ON r.id = l.recorded_by
    LEFT JOIN documents doc ON doc.id = l.document_id
    LEFT JOIN supervision s ON s.id = l.supervision_id";

fn line(r: &Row<'_>) -> rusqlite::Result<LogLine> {
    let cat: String = r.get(3)?;
    Ok(LogLine {
        id: r.get(0)?,
        ext_id: r.get(1)?,
        received_at: r.get(2)?,
        category: LogCategory::parse(&cat).unwrap_or(LogCategory::Other),
        from: r.get(4)?,
        phone: r.get(5)?,
        summary: r.get(6)?,
        urgency: r.get(7)?,
        informed: r.get(8)?,
        follow_up: r.get(9)?,
        recorded_by: r.get(10)?,
        reported_at: r.get(11)?,
        reported_to: r.get(12)?,
        document: r.get(13)?,
        supervision: r.get(14)?,
    })
}

/// Entries matching `f`, newest first (through `duty_log_by_received`, or the partial
/// index of unreported incidents).
pub fn entries(conn: &Connection, f: &LogFilter) -> Result<Vec<LogLine>> {
    let sql = format!(
        "{SELECT}
         WHERE (:since IS NULL OR l.received_at >= :since)
           AND (:until IS NULL OR l.received_at <= :until)
           AND (NOT :unrep OR (l.category = '突发事件' AND l.reported_at IS NULL))
         ORDER BY l.received_at DESC, l.id DESC
         LIMIT :limit"
    );
    let limit = if f.limit == 0 { -1 } else { f.limit as i64 };
    let mut stmt = conn
        .prepare_cached(&sql)
        .db("preparing the duty log query")?;
    let rows = stmt
        .query_map(
            named_params! {
                ":since": f.since, ":until": f.until, ":unrep": f.unreported, ":limit": limit,
            },
            line,
        )
        .db("reading the duty log")?;
    rows.collect::<std::result::Result<_, _>>()
        .db("reading the duty log")
}

/// One entry, by row id or external id.
pub fn entry(conn: &Connection, r: &Ref) -> Result<LogLine> {
    let (sql, key) = match r {
        Ref::Id(id) => (format!("{SELECT} WHERE l.id = ?1"), id.to_string()),
        Ref::Ext(e) => (
            format!("{SELECT} WHERE l.ext_id = ?1"),
            e.trim().to_string(),
        ),
    };
    conn.prepare_cached(&sql)
        .db("preparing the duty log entry query")?
        .query_row([&key], line)
        .optional()
        .db("reading a duty log entry")?
        .ok_or_else(|| {
            Error::no_such(
                format!("值班日志中没有“{key}”"),
                format!("no duty log entry '{key}'"),
            )
        })
}
