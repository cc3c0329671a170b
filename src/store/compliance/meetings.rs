//! Gathering for the meeting rules: each kind's latest and next meeting (cadence), planned
//! meetings from today on with their topics, members and leave requests, and past
//! meetings still owing minutes or documents.

use super::out::Out;
use super::{Scope, day, each, prepare, stored_rule, ymd};
use crate::domain::compliance::ItemRef;
use crate::domain::compliance::meetings::{
    self as rules, KindHistory, LeaveView, MeetingView, TopicView,
};
use crate::domain::{Env, MeetingKind, MeetingState, Role};
use crate::error::{DbContext, Result};
use rusqlite::{Connection, OptionalExtension, Row, params};
use std::collections::BTreeMap;

pub(super) fn gather(
    conn: &Connection,
    env: &Env,
    scope: &Scope<'_>,
    out: &mut Out<'_>,
) -> Result<()> {
    let today = ymd(env.today());
    let mut found: BTreeMap<i64, MeetingView> = BTreeMap::new();
    // Three index ranges: planned from today, owing minutes, owing documents (the last
    // two hold meetings held here only: settled history is not in their indexes).
    let scans = [
        select!(
            "INDEXED BY meetings_planned_by_start WHERE state = '待召开' AND start_at >= ?1{scope}"
        ),
        select!(
            "INDEXED BY meetings_owing_minutes_here
             WHERE minutes_issued_on IS NULL AND state <> '已取消' AND imported_settled = 0
               AND minutes_due < ?1{scope}"
        ),
        select!(
            "INDEXED BY meetings_owing_docs_here
             WHERE docs_owed > 0 AND docs_issued_on IS NULL AND state <> '已取消'
               AND imported_settled = 0 AND docs_due < ?1{scope}"
        ),
    ];
    for sql in scans {
        let rows = each(conn, sql, "id", scope, &[&today], "meetings to check", view)?;
        for m in rows.into_iter().flatten() {
            found.entry(m.item.id).or_insert(m);
        }
    }
    for m in found.values_mut() {
        if m.state == MeetingState::Planned && m.day >= env.today() {
            details(conn, m)?;
        }
        out.extend(rules::meeting(env, m));
    }
    Ok(())
}

/// The meeting columns the rules read, with a WHERE clause.
macro_rules! select {
    ($where:literal) => {
        concat!(
            "SELECT id, ext_id, title, kind, start_at, state, chair_id,
                    materials_due, materials_rule, materials_article,
                    minutes_due, minutes_rule, minutes_article, minutes_issued_on,
                    docs_owed, docs_due, docs_rule, docs_article, docs_issued_on, requested_on,
                    minutes_drafted_on
             FROM meetings ",
            $where
        )
    };
}
use select;

/// A meeting row as the rules see it (None when its start is malformed).
fn view(r: &Row<'_>) -> rusqlite::Result<Option<MeetingView>> {
    let id: i64 = r.get(0)?;
    let start: String = r.get(4)?;
    let Some(d) = day("meeting start_at", id, Some(&start)) else {
        return Ok(None);
    };
    let date = |i: usize, what: &str| -> rusqlite::Result<_> {
        Ok(day(what, id, r.get::<_, Option<String>>(i)?.as_deref()))
    };
    Ok(Some(MeetingView {
        item: ItemRef::new(
            "meeting",
            id,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ),
        kind: r.get(3)?,
        day: d,
        state: r.get(5)?,
        chair_id: r.get(6)?,
        materials_due: date(7, "meeting materials_due")?,
        materials_rule: stored_rule(r.get(8)?, r.get(9)?),
        minutes_due: date(10, "meeting minutes_due")?,
        minutes_rule: stored_rule(r.get(11)?, r.get(12)?),
        minutes_issued_on: date(13, "meeting minutes_issued_on")?,
        minutes_drafted_on: date(20, "meeting minutes_drafted_on")?,
        docs_owed: r.get(14)?,
        docs_due: date(15, "meeting docs_due")?,
        docs_rule: stored_rule(r.get(16)?, r.get(17)?),
        docs_issued_on: date(18, "meeting docs_issued_on")?,
        requested_on: date(19, "meeting requested_on")?,
        members: 0,
        topics: Vec::new(),
        leaves: Vec::new(),
        away: Vec::new(),
    }))
}

/// Topics, member count and leave requests of a planned meeting.
fn details(conn: &Connection, m: &mut MeetingView) -> Result<()> {
    let id = m.item.id;
    m.members = prepare(
        conn,
        "SELECT COUNT(*) FROM meeting_members WHERE meeting_id = ?1",
    )
    .db("preparing the member count")?
    .query_row([id], |r| r.get::<_, i64>(0))
    .db(format!("counting meeting {id}'s members"))?
    .try_into()
    .unwrap_or(0);
    let mut stmt = prepare(
        conn,
        "SELECT title, materials_on FROM topics WHERE meeting_id = ?1 ORDER BY id",
    )
    .db("preparing the topics query")?;
    let topics = stmt
        .query_map([id], |r| {
            Ok(TopicView {
                title: r.get(0)?,
                materials_on: day(
                    "topic materials_on",
                    id,
                    r.get::<_, Option<String>>(1)?.as_deref(),
                ),
            })
        })
        .db(format!("reading meeting {id}'s topics"))?;
    m.topics = topics
        .collect::<std::result::Result<_, _>>()
        .db(format!("reading meeting {id}'s topics"))?;
    let mut stmt = prepare(
        conn,
        "SELECT p.name, p.role, l.requested_on, l.in_writing, l.addressed_to, a.role,
                    EXISTS(SELECT 1 FROM meeting_members mm
                           WHERE mm.meeting_id = l.meeting_id AND mm.person_id = l.person_id)
             FROM leave_requests l
             JOIN people p ON p.id = l.person_id
             LEFT JOIN people a ON a.id = l.addressed_to
             WHERE l.meeting_id = ?1 ORDER BY l.id",
    )
    .db("preparing the leave query")?;
    let rows = stmt
        .query_map([id], |r| {
            let requested: Option<String> = r.get(2)?;
            let addressed_to = match (r.get::<_, Option<i64>>(4)?, r.get::<_, Option<Role>>(5)?) {
                (Some(pid), Some(role)) => Some((pid, role)),
                _ => None,
            };
            let name: String = r.get(0)?;
            let role: Role = r.get(1)?;
            let in_writing: bool = r.get(3)?;
            let member: bool = r.get(6)?;
            Ok(
                day("leave requested_on", id, requested.as_deref()).map(|requested_on| LeaveView {
                    name,
                    role,
                    member,
                    requested_on,
                    in_writing,
                    addressed_to,
                }),
            )
        })
        .db(format!("reading meeting {id}'s leave requests"))?;
    m.leaves = Vec::new();
    for row in rows {
        if let Some(l) = row.db(format!("reading meeting {id}'s leave requests"))? {
            m.leaves.push(l);
        }
    }
    // Members away on the day who have not asked leave.
    let day_s = crate::clock::fmt_date(m.day);
    let mut stmt = prepare(
        conn,
        "SELECT p.name, MAX(a.end_on) FROM meeting_members mm
             JOIN people p ON p.id = mm.person_id
             JOIN absences a ON a.person_id = p.id AND a.start_on <= ?2 AND a.end_on >= ?2
             WHERE mm.meeting_id = ?1
               AND NOT EXISTS (SELECT 1 FROM leave_requests l
                               WHERE l.meeting_id = ?1 AND l.person_id = p.id)
             GROUP BY p.id ORDER BY p.id",
    )
    .db("preparing the absent members query")?;
    let away = stmt
        .query_map(rusqlite::params![id, day_s], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })
        .db(format!("reading meeting {id}'s absent members"))?;
    m.away = Vec::new();
    for row in away {
        let (name, until) = row.db(format!("reading meeting {id}'s absent members"))?;
        if let Some(until) = day("absence end_on", id, until.as_deref()) {
            m.away.push((name, until));
        }
    }
    Ok(())
}

/// For each kind with a cadence: the latest meeting on or before today that was not
/// cancelled, and the next one planned.
pub(super) fn cadence(conn: &Connection, env: &Env, out: &mut Out<'_>) -> Result<()> {
    let today = env.today();
    let tomorrow = ymd(today.succ_opt().unwrap_or(today));
    for &kind in MeetingKind::ALL {
        let has = env
            .profile
            .meeting(kind)
            .and_then(|m| m.cadence.as_ref())
            .is_some_and(|c| !c.as_needed);
        if !has {
            continue;
        }
        let last: Option<String> = prepare(
            conn,
            "SELECT start_at FROM meetings
                 WHERE kind = ?1 AND start_at < ?2 AND state <> '已取消'
                 ORDER BY start_at DESC LIMIT 1",
        )
        .db("preparing the cadence query")?
        .query_row(params![kind, tomorrow], |r| r.get(0))
        .optional()
        .db(format!("reading the latest {kind}"))?;
        let next: Option<String> = prepare(
            conn,
            "SELECT start_at FROM meetings
                 WHERE kind = ?1 AND start_at >= ?2 AND state = '待召开'
                 ORDER BY start_at LIMIT 1",
        )
        .db("preparing the cadence query")?
        .query_row(params![kind, tomorrow], |r| r.get(0))
        .optional()
        .db(format!("reading the next {kind}"))?;
        let h = KindHistory {
            kind,
            last: day("meeting start_at", 0, last.as_deref()),
            next_planned: day("meeting start_at", 0, next.as_deref()),
        };
        out.extend(rules::cadence(env, &h));
    }
    Ok(())
}
