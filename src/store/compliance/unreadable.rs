//! Rows the board cannot interpret: an open item whose stored dates are not dates in the
//! calendar's years (written by an older dutydesk, by hand, or restored from elsewhere).
//! The panes skip such a row rather than fail; here each one becomes a finding with its
//! id, so it is seen and can be corrected instead of silently missing.

use crate::domain::compliance::{Finding, ItemRef, Severity};
use crate::error::{DbContext, Result};
use chrono::NaiveDate;
use rusqlite::Connection;

/// The rule key of these findings.
pub const RULE: &str = "data.unreadable";

/// SQL true when `col` (NOT NULL) is not a `YYYY-MM-DD` date in the supported years.
fn bad(col: &str) -> String {
    format!(
        "({col} IS NOT NULL AND (date(substr({col}, 1, 10)) IS NOT substr({col}, 1, 10)
          OR substr({col}, 1, 4) < '{first}' OR substr({col}, 1, 4) > '{last}'))",
        first = crate::clock::FIRST_YEAR,
        last = crate::clock::LAST_YEAR,
    )
}

/// Open items (what the panes show) with a date they cannot read.
pub fn gather(conn: &Connection, today: NaiveDate, out: &mut Vec<Finding>) -> Result<()> {
    let docs = format!(
        "SELECT id, ext_id, title, received, due FROM documents
         WHERE state = '待批' AND ({} OR {})",
        bad("received"),
        bad("due")
    );
    let sups = format!(
        "SELECT id, ext_id, title, assigned, deadline FROM supervision
         WHERE state = '办理中' AND ({} OR {})",
        bad("assigned"),
        bad("deadline")
    );
    let mtgs = format!(
        "SELECT id, ext_id, title, start_at, coalesce(materials_due, minutes_due, docs_due)
         FROM meetings WHERE state <> '已取消' AND ({} OR {} OR {} OR {})",
        bad("start_at"),
        bad("materials_due"),
        bad("minutes_due"),
        bad("docs_due")
    );
    for (entity, sql) in [("document", docs), ("supervision", sups), ("meeting", mtgs)] {
        let mut stmt = conn
            .prepare_cached(&sql)
            .db("preparing the unreadable-rows check")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            })
            .db("checking for unreadable rows")?;
        for row in rows {
            let (id, ext, title, a, b) = row.db("checking for unreadable rows")?;
            let shown: Vec<String> = [a, b]
                .into_iter()
                .flatten()
                .map(|v| crate::text::printable(&crate::text::truncate(&v, 24)).into_owned())
                .collect();
            let values = shown.join(", ");
            out.push(Finding {
                severity: Severity::Warning,
                rule: RULE.to_string(),
                article: None,
                item: ItemRef::new(entity, id, ext.clone(), title),
                since: today,
                message_zh: format!(
                    "{ext} 的日期无法识读（{values}），已从列表中略去；请更正或重新导入此条"
                ),
                message_en: format!(
                    "{ext} has a date that cannot be read ({values}); it is left out of the lists — correct or re-import it"
                ),
            });
        }
    }
    Ok(())
}

/// Whether a rusqlite error is about one row's contents (a value that does not convert),
/// so the row can be skipped, rather than about the database (busy, I/O), which must
/// still fail the read.
pub fn is_row_error(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..)
            | rusqlite::Error::Utf8Error(..)
    )
}
