//! Gathering for `domain::compliance::duties`: pending documents with a date they need a
//! decision by, district-wide meetings of this year and later by requesting department,
//! and held meetings whose report is owed. Each query runs only when the profile has the
//! rule, over open items or one kind's recent meetings through a partial index.

use super::{day, item_at, ymd};
use crate::domain::compliance::Finding;
use crate::domain::compliance::duties::{self as rules, Requested, Submission, Unreported};
use crate::domain::{Env, MeetingKind};
use crate::error::{DbContext, Result};
use chrono::Datelike;
use rusqlite::{Connection, params};

pub(super) fn gather(conn: &Connection, env: &Env, out: &mut Vec<Finding>) -> Result<()> {
    submissions(conn, env, out)?;
    yearly_max(conn, env, out)?;
    out.extend(rules::yearly_plan(env));
    reports(conn, env, out)
}

fn submissions(conn: &Connection, env: &Env, out: &mut Vec<Finding>) -> Result<()> {
    let d = &env.profile.documents;
    if d.submission_lead_normal.is_none()
        && d.submission_lead_urgent.is_none()
        && d.submission_urgent_reason.is_none()
    {
        return Ok(());
    }
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, ext_id, title, urgency, received, needed_by, urgent_reason
             FROM documents WHERE state = '待批' AND needed_by IS NOT NULL ORDER BY id",
        )
        .db("preparing the needed-by query")?;
    let rows = stmt
        .query_map([], |r| {
            let id: i64 = r.get(0)?;
            let received: String = r.get(4)?;
            let received = day("document received", id, Some(&received));
            let needed = day(
                "document needed_by",
                id,
                r.get::<_, Option<String>>(5)?.as_deref(),
            );
            Ok(match (received, needed) {
                (Some(received), Some(needed_by)) => Some(Submission {
                    item: item_at(r, "document", 0)?,
                    urgency: r.get(3)?,
                    received,
                    needed_by,
                    urgent_reason: r.get(6)?,
                }),
                _ => None,
            })
        })
        .db("reading documents with a needed-by date")?;
    for row in rows {
        if let Some(s) = row.db("reading a document with a needed-by date")? {
            out.extend(rules::submission(env, &s));
        }
    }
    Ok(())
}

fn yearly_max(conn: &Connection, env: &Env, out: &mut Vec<Finding>) -> Result<()> {
    let has = env
        .profile
        .meeting(MeetingKind::LargeEvent)
        .is_some_and(|r| r.yearly_max_per_department.is_some());
    if !has {
        return Ok(());
    }
    // This year and the years already planned: earlier years are settled history.
    let from = format!("{:04}-01-01", env.today().year());
    let mut stmt = conn
        .prepare_cached(
            "SELECT m.id, m.ext_id, m.title, d.id, d.name, m.start_at, m.requested_on
             FROM meetings m JOIN departments d ON d.id = m.requested_by
             WHERE m.requested_by IS NOT NULL AND m.start_at >= ?1 AND m.kind = ?2
               AND m.state <> '已取消'
             ORDER BY m.start_at, m.id",
        )
        .db("preparing the meetings-per-department query")?;
    let rows = stmt
        .query_map(params![from, MeetingKind::LargeEvent], |r| {
            let id: i64 = r.get(0)?;
            let start: String = r.get(5)?;
            let requested: Option<String> = r.get(6)?;
            Ok(
                day("meeting start_at", id, Some(&start)).map(|d| -> rusqlite::Result<_> {
                    Ok(Requested {
                        item: item_at(r, "meeting", 0)?,
                        dept_id: r.get(3)?,
                        dept: r.get(4)?,
                        day: d,
                        requested_on: day("meeting requested_on", id, requested.as_deref()),
                    })
                }),
            )
        })
        .db("reading district-wide meetings by department")?;
    let mut all = Vec::new();
    for row in rows {
        if let Some(m) = row.db("reading a district-wide meeting")? {
            all.push(m.db("reading a district-wide meeting")?);
        }
    }
    out.extend(rules::yearly_max(env, &all));
    Ok(())
}

fn reports(conn: &Connection, env: &Env, out: &mut Vec<Finding>) -> Result<()> {
    let today = env.today();
    let tomorrow = ymd(today.succ_opt().unwrap_or(today));
    for &kind in MeetingKind::ALL {
        let owed = env
            .profile
            .meeting(kind)
            .and_then(|r| r.report_after.as_ref())
            .is_some_and(|f| f.value);
        if !owed {
            continue;
        }
        // Held: recorded as held, or its day has passed without a cancellation.
        let mut stmt = conn
            .prepare_cached(
                "SELECT id, ext_id, title, start_at FROM meetings
                 WHERE kind = ?1 AND reported_on IS NULL AND state <> '已取消'
                   AND (start_at < ?2 AND (state = '已召开' OR start_at < ?3))
                 ORDER BY start_at, id",
            )
            .db("preparing the owed-report query")?;
        let rows = stmt
            .query_map(params![kind, tomorrow, ymd(today)], |r| {
                let id: i64 = r.get(0)?;
                let start: String = r.get(3)?;
                let item = item_at(r, "meeting", 0)?;
                Ok(
                    day("meeting start_at", id, Some(&start)).map(|day| Unreported {
                        item,
                        kind,
                        day,
                    }),
                )
            })
            .db("reading meetings owing a report")?;
        for row in rows {
            if let Some(u) = row.db("reading a meeting owing a report")? {
                out.extend(rules::report_owed(env, &u));
            }
        }
    }
    Ok(())
}
