//! What the next shift must watch: the items that turned overdue during the window, those
//! due in the next working days, and the meetings held and coming.

use super::super::log::{LogFilter, entries};
use super::super::parse_local;
use super::{MeetingWatch, Watch, WatchItem};
use crate::clock::{fmt_date, fmt_datetime};
use crate::domain::Env;
use crate::error::{DbContext, Result};
use crate::i18n::Lang;
use crate::store::queries::{self, Filter};
use chrono::{Days, Duration, NaiveDate, NaiveDateTime};
use rusqlite::{Connection, params};

/// Pending documents and open supervision items whose due date passed during the window.
pub(super) fn turned_overdue(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<WatchItem>> {
    let mut out = items_due(conn, from, to, "逾期")?;
    out.retain(|w| w.due < to);
    Ok(out)
}

/// Documents (待批) and supervision items (办理中) due in `from..=to`.
fn items_due(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    what: &str,
) -> Result<Vec<WatchItem>> {
    let mut out = Vec::new();
    let mut stmt = conn
        .prepare_cached(
            "SELECT 'document', ext_id, title, due, urgency FROM documents
             WHERE state = '待批' AND due >= ?1 AND due <= ?2
             UNION ALL
             SELECT 'supervision', ext_id, title, deadline, '督办' FROM supervision
             WHERE state = '办理中' AND deadline >= ?1 AND deadline <= ?2
             ORDER BY 4, 2",
        )
        .db("preparing the due-items query")?;
    let rows = stmt
        .query_map(params![fmt_date(from), fmt_date(to)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })
        .db("reading due items")?;
    for row in rows {
        let (entity, ext_id, title, due, kind) = row.db("reading a due item")?;
        let Ok(due) = NaiveDate::parse_from_str(&due, "%Y-%m-%d") else {
            continue;
        };
        out.push(WatchItem {
            entity: if entity == "document" {
                "document"
            } else {
                "supervision"
            },
            ext_id,
            title,
            due,
            what: if what.is_empty() {
                kind
            } else {
                format!("{kind}{what}")
            },
        });
    }
    Ok(out)
}

/// What the next shift must watch, as of `until`.
pub(super) fn watch(conn: &Connection, env: &Env, until: NaiveDateTime) -> Result<Watch> {
    let today = until.date();
    let next = env.calendar.add_workdays(today, 1);
    let due_soon = items_due(conn, today, next, "")?;
    let mut critical = Vec::new();
    let mut stmt = conn
        .prepare_cached(
            "SELECT ext_id, title, due, urgency FROM documents
             WHERE state = '待批' AND urgency IN ('特急', '特急重要') ORDER BY due, ext_id",
        )
        .db("preparing the critical documents query")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })
        .db("reading critical documents")?;
    for row in rows {
        let (ext_id, title, due, urgency) = row.db("reading a critical document")?;
        let due = due
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
            .unwrap_or(today);
        critical.push(WatchItem {
            entity: "document",
            ext_id,
            title,
            due,
            what: urgency,
        });
    }
    let mut rechecks = Vec::new();
    let mut stmt = conn
        .prepare_cached(
            "SELECT ext_id, title, recheck_on FROM supervision
             WHERE recheck_on IS NOT NULL AND recheck_on <= ?1 AND state = '已销号'
             ORDER BY recheck_on, ext_id",
        )
        .db("preparing the re-check query")?;
    let rows = stmt
        .query_map([fmt_date(next)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .db("reading re-checks")?;
    for row in rows {
        let (ext_id, title, on) = row.db("reading a re-check")?;
        let Ok(due) = NaiveDate::parse_from_str(&on, "%Y-%m-%d") else {
            continue;
        };
        rechecks.push(WatchItem {
            entity: "supervision",
            ext_id,
            title,
            due,
            what: "回头看".into(),
        });
    }
    Ok(Watch {
        due_soon,
        critical,
        meetings: meetings_between(conn, env, until, until + Duration::hours(24))?,
        rechecks,
        unreported: entries(
            conn,
            &LogFilter {
                unreported: true,
                ..LogFilter::default()
            },
        )?,
    })
}

/// Meetings (not cancelled) starting in `from..=to`, with what each still owes, from the
/// 近期会议 pane's own query.
pub(super) fn meetings_between(
    conn: &Connection,
    env: &Env,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<Vec<MeetingWatch>> {
    // The pane reads as of a day: ask it as of the window's first day so meetings earlier
    // today are included.
    let mut day_env = env.clone();
    day_env.clock = crate::clock::Clock::pinned(from.date());
    let pane = queries::meetings::meetings(
        conn,
        &day_env,
        &Filter {
            limit: 10_000,
            ..Filter::default()
        },
    )?;
    let (a, b) = (fmt_datetime(from), fmt_datetime(to));
    let horizon = to
        .date()
        .checked_add_days(Days::new(1))
        .unwrap_or(to.date());
    Ok(pane
        .rows
        .into_iter()
        .filter(|m| m.day <= horizon)
        .filter(|m| {
            let s = parse_local(&m.start).map(fmt_datetime).unwrap_or_default();
            s >= a && s <= b && m.state != crate::domain::MeetingState::Cancelled
        })
        .map(|m| MeetingWatch {
            owes_zh: m.owed.iter().map(|o| o.label(Lang::Zh)).collect(),
            owes_en: m.owed.iter().map(|o| o.label(Lang::En)).collect(),
            ext_id: m.ext_id,
            title: m.title,
            start: m.start,
            place: m.place,
        })
        .collect())
}
