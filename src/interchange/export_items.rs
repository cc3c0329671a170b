//! Export of the work items: meetings, documents, supervision items, with their children.

use super::export::{date, for_each_with_id, non_empty, req_date, strings};
use super::record::*;
use crate::domain::{DocState, FeedbackCycle, MeetingState, SupState};
use crate::error::{DbContext, Result};
use rusqlite::Connection;

type Emit<'a> = &'a mut dyn FnMut(Record) -> Result<()>;

fn some_if(b: bool) -> Option<bool> {
    b.then_some(true)
}

fn some_text(s: String) -> Option<String> {
    Some(s).filter(|s| !s.is_empty())
}

fn some_count(n: u32) -> Option<u32> {
    Some(n).filter(|n| *n > 0)
}

/// Meetings with members, topics and leave requests.
pub(super) fn meetings(conn: &Connection, emit: Emit<'_>) -> Result<()> {
    for_each_with_id(
        conn,
        "SELECT m.id, m.ext_id, m.title, m.kind, m.start_at, m.place, c.login, m.docs_owed,
             m.major_revisions, m.state, m.minutes_issued_on, m.docs_issued_on, m.requested_on,
             q.ext_id, m.minutes_drafted_on, m.reported_on
         FROM meetings m LEFT JOIN people c ON c.id = m.chair_id
         LEFT JOIN departments q ON q.id = m.requested_by ORDER BY m.id",
        |r| {
            let start: String = r.get(4)?;
            Ok(Record::Meeting(Meeting {
                id: r.get(1)?,
                title: r.get(2)?,
                kind: r.get(3)?,
                start: minute::parse(&start).unwrap_or_default(),
                place: some_text(r.get(5)?),
                chair: r.get(6)?,
                members: None,
                docs_owed: some_count(r.get(7)?),
                major_revisions: some_if(r.get(8)?),
                topics: None,
                leave: None,
                state: Some(r.get::<_, MeetingState>(9)?),
                minutes_issued_on: date(r, 10)?,
                docs_issued_on: date(r, 11)?,
                requested_on: date(r, 12)?,
                requested_by: r.get(13)?,
                minutes_drafted_on: date(r, 14)?,
                reported_on: date(r, 15)?,
            }))
        },
        &mut |id, mut rec| {
            if let Record::Meeting(m) = &mut rec {
                m.members = non_empty(strings(
                    conn,
                    "SELECT p.login FROM meeting_members x JOIN people p ON p.id = x.person_id
                     WHERE x.meeting_id = ?1 ORDER BY p.id",
                    &id,
                )?);
                m.topics = non_empty(topics(conn, id)?);
                m.leave = non_empty(leave(conn, id)?);
            }
            emit(rec)
        },
    )
}

fn topics(conn: &Connection, meeting: i64) -> Result<Vec<Topic>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT t.title, d.ext_id, t.materials_on, t.approved, t.added_at FROM topics t
             LEFT JOIN departments d ON d.id = t.dept_id WHERE t.meeting_id = ?1 ORDER BY t.id",
        )
        .db("preparing an export query")?;
    let rows = stmt
        .query_map([meeting], |r| {
            Ok(Topic {
                title: r.get(0)?,
                dept: r.get(1)?,
                materials_on: date(r, 2)?,
                approved: r.get(3)?,
                added_at: r.get(4)?,
            })
        })
        .db("running an export query")?;
    rows.collect::<rusqlite::Result<_>>().db("reading topics")
}

fn leave(conn: &Connection, meeting: i64) -> Result<Vec<Leave>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT p.login, l.requested_on, l.reason, l.in_writing, t.login FROM leave_requests l
             JOIN people p ON p.id = l.person_id LEFT JOIN people t ON t.id = l.addressed_to
             WHERE l.meeting_id = ?1 ORDER BY l.id",
        )
        .db("preparing an export query")?;
    let rows = stmt
        .query_map([meeting], |r| {
            Ok(Leave {
                login: r.get(0)?,
                requested_on: req_date(r, 1)?,
                reason: r.get(2)?,
                in_writing: r.get(3)?,
                to: r.get(4)?,
            })
        })
        .db("running an export query")?;
    rows.collect::<rusqlite::Result<_>>()
        .db("reading leave requests")
}

fn notices(conn: &Connection, sql: &'static str, id: i64) -> Result<Vec<Notice>> {
    let mut stmt = conn.prepare_cached(sql).db("preparing an export query")?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(Notice {
                at: r.get(0)?,
                by: r.get(1)?,
                note: r.get(2)?,
            })
        })
        .db("running an export query")?;
    rows.collect::<rusqlite::Result<_>>().db("reading notices")
}

/// Documents with countersign requests and 催办 records.
pub(super) fn documents(conn: &Connection, emit: Emit<'_>) -> Result<()> {
    for_each_with_id(
        conn,
        "SELECT x.id, x.ext_id, x.title, x.kind, x.urgency, f.ext_id, x.received, l.login,
             x.route, x.doc_no, x.secrecy, x.major, x.matters, x.carries_request, x.state,
             x.signed_on, s.login, x.instruction, x.return_reason, x.printed_on,
             x.published_on, x.urged_count, x.last_urged_at, x.needed_by, x.urgent_reason
         FROM documents x LEFT JOIN departments f ON f.id = x.from_dept
         LEFT JOIN people l ON l.id = x.leader_id LEFT JOIN people s ON s.id = x.signed_by
         ORDER BY x.id",
        |r| {
            let leader: Option<String> = r.get(7)?;
            let secrecy: crate::domain::Secrecy = r.get(10)?;
            Ok(Record::Document(Document {
                id: r.get(1)?,
                title: r.get(2)?,
                kind: r.get(3)?,
                urgency: r.get(4)?,
                from: r.get(5)?,
                received: req_date(r, 6)?,
                route: if leader.is_some() { r.get(8)? } else { None },
                leader,
                doc_no: some_text(r.get(9)?),
                secrecy: Some(secrecy).filter(|s| *s != crate::domain::Secrecy::Public),
                major: some_if(r.get(11)?),
                matters: Some(r.get::<_, u32>(12)?).filter(|m| *m != 1),
                carries_request: some_if(r.get(13)?),
                countersign: None,
                state: Some(r.get::<_, DocState>(14)?),
                signed_on: date(r, 15)?,
                signed_by: r.get(16)?,
                instruction: r.get(17)?,
                return_reason: r.get(18)?,
                printed_on: date(r, 19)?,
                published_on: date(r, 20)?,
                urged_count: some_count(r.get(21)?),
                last_urged_at: r.get(22)?,
                notices: None,
                needed_by: date(r, 23)?,
                urgent_reason: r.get(24)?,
            }))
        },
        &mut |id, mut rec| {
            if let Record::Document(d) = &mut rec {
                d.countersign = non_empty(countersigns(conn, id, d.received)?);
                d.notices = non_empty(notices(
                    conn,
                    "SELECT n.at, p.login, n.note FROM notices n LEFT JOIN people p ON p.id = n.by_id
                     WHERE n.document_id = ?1 ORDER BY n.id",
                    id,
                )?);
            }
            emit(rec)
        },
    )
}

fn countersigns(
    conn: &Connection,
    doc: i64,
    received: chrono::NaiveDate,
) -> Result<Vec<Countersign>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT d.ext_id, c.requested, c.answer, c.answered_on, c.note FROM countersigns c
             JOIN departments d ON d.id = c.dept_id WHERE c.document_id = ?1 ORDER BY c.id",
        )
        .db("preparing an export query")?;
    let rows = stmt
        .query_map([doc], |r| {
            let requested = req_date(r, 1)?;
            Ok(Countersign {
                dept: r.get(0)?,
                requested: Some(requested).filter(|d| *d != received),
                answer: r.get(2)?,
                answered_on: date(r, 3)?,
                note: r.get(4)?,
            })
        })
        .db("running an export query")?;
    rows.collect::<rusqlite::Result<_>>()
        .db("reading countersign requests")
}

/// Supervision items with co-departments, progress notes, extensions and 催办 records.
pub(super) fn supervision(
    conn: &Connection,
    emit: Emit<'_>,
    computed: fn(&str) -> bool,
) -> Result<()> {
    for_each_with_id(
        conn,
        "SELECT x.id, x.ext_id, x.title, x.source, l.ext_id, x.assigned, x.deadline,
             x.deadline_rule, x.feedback_cycle, m.ext_id, x.state, x.closed_on, c.login,
             x.recheck_on, x.urged_count, x.last_urged_at
         FROM supervision x JOIN departments l ON l.id = x.lead_dept
         LEFT JOIN meetings m ON m.id = x.meeting_id LEFT JOIN people c ON c.id = x.closed_by
         ORDER BY x.id",
        |r| {
            let rule: Option<String> = r.get(7)?;
            let keep = !rule.as_deref().is_some_and(computed);
            Ok(Record::Supervision(Supervision {
                id: r.get(1)?,
                title: r.get(2)?,
                source: r.get(3)?,
                lead: r.get(4)?,
                co: None,
                assigned: req_date(r, 5)?,
                deadline: if keep { date(r, 6)? } else { None },
                feedback: Some(r.get::<_, FeedbackCycle>(8)?),
                meeting: r.get(9)?,
                state: Some(r.get::<_, SupState>(10)?),
                closed_on: date(r, 11)?,
                closed_by: r.get(12)?,
                recheck_on: date(r, 13)?,
                progress: None,
                extensions: None,
                urged_count: some_count(r.get(14)?),
                last_urged_at: r.get(15)?,
                notices: None,
            }))
        },
        &mut |id, mut rec| {
            if let Record::Supervision(s) = &mut rec {
                s.co = non_empty(strings(
                    conn,
                    "SELECT d.ext_id FROM supervision_co c JOIN departments d ON d.id = c.dept_id
                     WHERE c.supervision_id = ?1 ORDER BY d.id",
                    &id,
                )?);
                s.progress = non_empty(progress(conn, id)?);
                s.extensions = non_empty(extensions(conn, id)?);
                if let Some(first) = s.extensions.as_ref().and_then(|e| e.first()) {
                    // The deadline before any extension; the extensions move it on.
                    s.deadline = Some(first.old);
                }
                s.notices = non_empty(notices(
                    conn,
                    "SELECT n.at, p.login, n.note FROM notices n LEFT JOIN people p ON p.id = n.by_id
                     WHERE n.supervision_id = ?1 ORDER BY n.id",
                    id,
                )?);
            }
            emit(rec)
        },
    )
}

fn progress(conn: &Connection, id: i64) -> Result<Vec<Progress>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT n.on_date, n.note, p.login, n.at FROM progress_notes n
             LEFT JOIN people p ON p.id = n.by_id WHERE n.supervision_id = ?1 ORDER BY n.id",
        )
        .db("preparing an export query")?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(Progress {
                on: req_date(r, 0)?,
                note: r.get(1)?,
                by: r.get(2)?,
                at: r.get(3)?,
            })
        })
        .db("running an export query")?;
    rows.collect::<rusqlite::Result<_>>()
        .db("reading progress notes")
}

fn extensions(conn: &Connection, id: i64) -> Result<Vec<Extension>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT e.old_deadline, e.new_deadline, e.reason, p.login, e.at FROM extensions e
             LEFT JOIN people p ON p.id = e.by_id WHERE e.supervision_id = ?1 ORDER BY e.id",
        )
        .db("preparing an export query")?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(Extension {
                old: req_date(r, 0)?,
                new: req_date(r, 1)?,
                reason: r.get(2)?,
                by: r.get(3)?,
                at: r.get(4)?,
            })
        })
        .db("running an export query")?;
    rows.collect::<rusqlite::Result<_>>()
        .db("reading extensions")
}
