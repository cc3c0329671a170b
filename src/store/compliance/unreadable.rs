//! Rows the board cannot interpret: an open item whose stored dates are not dates in the
//! calendar's years (written by an older dutydesk, by hand, or restored from elsewhere).
//! The panes skip such a row rather than fail; here each one becomes a finding with its
//! id, so it is seen and can be corrected instead of silently missing.

use super::out::Out;
use super::{Scopes, each};
use crate::domain::compliance::{Finding, ItemRef, Severity};
use crate::error::Result;
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

/// Every open item with a date it cannot read (`dutydesk doctor`).
pub fn all(conn: &Connection, today: NaiveDate) -> Result<Vec<Finding>> {
    let mut out = Out::collect();
    gather(conn, today, &Scopes::ALL, &mut out)?;
    Ok(out.into_vec())
}

/// Open items (what the panes show) with a date they cannot read. Each query walks the
/// partial index the pane reads (pending documents, open supervision items, meetings from
/// today on or owing minutes or documents), never the history.
pub(super) fn gather(
    conn: &Connection,
    today: NaiveDate,
    scopes: &Scopes<'_>,
    out: &mut Out<'_>,
) -> Result<()> {
    let docs = format!(
        "SELECT id, ext_id, title, received, due FROM documents
         INDEXED BY documents_pending_by_due WHERE state = '待批' AND ({} OR {}){{scope}}",
        bad("received"),
        bad("due")
    );
    let sups = format!(
        "SELECT id, ext_id, title, assigned, deadline FROM supervision
         INDEXED BY supervision_open_by_deadline WHERE state = '办理中' AND ({} OR {}){{scope}}",
        bad("assigned"),
        bad("deadline")
    );
    let mtg_dates = format!(
        "({} OR {} OR {} OR {})",
        bad("start_at"),
        bad("materials_due"),
        bad("minutes_due"),
        bad("docs_due")
    );
    let mtg = |index: &str, range: &str| {
        format!(
            "SELECT id, ext_id, title, start_at, coalesce(materials_due, minutes_due, docs_due)
             FROM meetings INDEXED BY {index} WHERE {range} AND {mtg_dates}{{scope}}"
        )
    };
    let queries = [
        ("document", docs, &scopes.documents),
        ("supervision", sups, &scopes.supervision),
        (
            "meeting",
            mtg("meetings_by_start", "state <> '已取消' AND start_at >= ?1"),
            &scopes.meetings,
        ),
        (
            "meeting",
            mtg(
                "meetings_owing_minutes_here",
                "minutes_issued_on IS NULL AND state <> '已取消' AND imported_settled = 0
                 AND minutes_due < ?1",
            ),
            &scopes.meetings,
        ),
        (
            "meeting",
            mtg(
                "meetings_owing_docs_here",
                "docs_owed > 0 AND docs_issued_on IS NULL AND state <> '已取消'
                 AND imported_settled = 0 AND docs_due < ?1",
            ),
            &scopes.meetings,
        ),
    ];
    let today_s = crate::clock::fmt_date(today);
    let mut seen = std::collections::HashSet::new();
    for (entity, sql, scope) in queries {
        let params: &[&dyn rusqlite::ToSql] = if entity == "meeting" {
            &[&today_s]
        } else {
            &[]
        };
        let rows = each(conn, &sql, "id", scope, params, "unreadable rows", |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        for (id, ext, title, a, b) in rows {
            if !seen.insert((entity, id)) {
                continue;
            }
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
