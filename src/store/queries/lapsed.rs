//! Countersign (会签) requests whose reply limit passed with the last working day: still
//! unanswered on a document awaiting approval, due before today and not before the
//! previous working day. The board raises one alert for each (`tui/triage`). Reads
//! `countersigns_open_by_due` (partial on `answer IS NULL`) over two days of dates.

use crate::clock::fmt_date;
use crate::domain::Env;
use crate::error::{DbContext, Result};
use rusqlite::{Connection, named_params};

/// One lapsed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lapsed {
    pub id: i64,
    pub document_id: i64,
    pub ext_id: String,
    pub title: String,
    /// The department asked.
    pub dept: String,
    pub due: String,
}

/// The requests whose limit ran out with the previous working day.
pub fn lapsed_countersigns(conn: &Connection, env: &Env) -> Result<Vec<Lapsed>> {
    let today = env.today();
    let from = env.calendar.add_workdays(today, -1);
    let mut stmt = conn
        .prepare_cached(
            "SELECT c.id, d.id, d.ext_id, d.title, dep.name, c.due
             FROM countersigns c
             JOIN documents d ON d.id = c.document_id
             JOIN departments dep ON dep.id = c.dept_id
             WHERE c.answer IS NULL AND c.due >= :from AND c.due < :today AND d.state = '待批'
             ORDER BY c.id",
        )
        .db("preparing the lapsed countersign query")?;
    let rows = stmt
        .query_map(
            named_params! {":from": fmt_date(from), ":today": fmt_date(today)},
            |r| {
                Ok(Lapsed {
                    id: r.get(0)?,
                    document_id: r.get(1)?,
                    ext_id: r.get(2)?,
                    title: r.get(3)?,
                    dept: r.get(4)?,
                    due: r.get(5)?,
                })
            },
        )
        .db("reading lapsed countersign requests")?;
    rows.collect::<std::result::Result<_, _>>()
        .db("reading lapsed countersign requests")
}
