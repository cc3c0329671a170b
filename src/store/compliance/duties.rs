//! Gathering for `domain::compliance::duties`: pending documents with a date they need a
//! decision by, district-wide meetings of this year and later by requesting department,
//! and held meetings whose report is owed. Each query runs only when the profile has the
//! rule, over open items or one kind's recent meetings through a partial index.

use super::out::Out;
use super::{Scope, Scopes, day, each, item_at, prepare, ymd};
use crate::domain::compliance::duties::{self as rules, Requested, Submission, Unreported};
use crate::domain::{Env, MeetingKind};
use crate::error::{DbContext, Result};
use chrono::Datelike;
use rusqlite::{Connection, params};

/// The district part: district-wide meetings per department and year, the yearly plan.
pub(super) fn district(conn: &Connection, env: &Env, out: &mut Out<'_>) -> Result<()> {
    yearly_max(conn, env, out)?;
    out.extend(rules::yearly_plan(env));
    Ok(())
}

/// The item part: pending documents' lead times, meetings owing a report.
pub(super) fn items(conn: &Connection, env: &Env, s: &Scopes<'_>, out: &mut Out<'_>) -> Result<()> {
    submissions(conn, env, &s.documents, out)?;
    reports(conn, env, &s.meetings, out)
}

fn submissions(conn: &Connection, env: &Env, scope: &Scope<'_>, out: &mut Out<'_>) -> Result<()> {
    let d = &env.profile.documents;
    if d.submission_lead_normal.is_none()
        && d.submission_lead_urgent.is_none()
        && d.submission_urgent_reason.is_none()
    {
        return Ok(());
    }
    let rows = each(
        conn,
        "SELECT id, ext_id, title, urgency, received, needed_by, urgent_reason
         FROM documents INDEXED BY documents_pending_needed_by
         WHERE state = '待批' AND needed_by IS NOT NULL
           AND needed_by > ''{scope} ORDER BY id",
        "id",
        scope,
        &[],
        "documents with a needed-by date",
        |r| {
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
        },
    )?;
    for s in rows.into_iter().flatten() {
        out.extend(rules::submission(env, &s));
    }
    Ok(())
}

fn yearly_max(conn: &Connection, env: &Env, out: &mut Out<'_>) -> Result<()> {
    let has = env
        .profile
        .meeting(MeetingKind::LargeEvent)
        .is_some_and(|r| r.yearly_max_per_department.is_some());
    if !has {
        return Ok(());
    }
    // This year and the years already planned: earlier years are settled history.
    let from = format!("{:04}-01-01", env.today().year());
    let mut stmt = prepare(
        conn,
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

fn reports(conn: &Connection, env: &Env, scope: &Scope<'_>, out: &mut Out<'_>) -> Result<()> {
    let today = env.today();
    let tomorrow = ymd(today.succ_opt().unwrap_or(today));
    let today_s = ymd(today);
    for &kind in MeetingKind::ALL {
        let owed = env
            .profile
            .meeting(kind)
            .and_then(|r| r.report_after.as_ref())
            .is_some_and(|f| f.value);
        if !owed {
            continue;
        }
        // Held: recorded as held, or its day has passed without a cancellation; held here
        // (settled history is not in the index).
        let rows = each(
            conn,
            "SELECT id, ext_id, title, start_at FROM meetings
             INDEXED BY meetings_owing_report_here
             WHERE kind = ?1 AND reported_on IS NULL AND state <> '已取消'
               AND imported_settled = 0
               AND (start_at < ?2 AND (state = '已召开' OR start_at < ?3)){scope}
             ORDER BY start_at, id",
            "id",
            scope,
            &[&kind, &tomorrow, &today_s],
            "meetings owing a report",
            |r| {
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
            },
        )?;
        for u in rows.into_iter().flatten() {
            out.extend(rules::report_owed(env, &u));
        }
    }
    Ok(())
}
