//! Meetings: members, topics, leave requests, and the materials, minutes and documents
//! they owe.

use super::{Audited, Registrar, Upsert, day, opt_day, twice};
use crate::domain::{MeetingState, deadline};
use crate::error::{DbContext, Result};
use crate::interchange::record::Meeting;
use rusqlite::{Connection, params};
use std::collections::HashSet;

/// A new meeting's insert. [`UPSERT`] adds the update of a stored row; a new row takes
/// the plain insert, as an upsert costs SQLite a statement journal per row.
macro_rules! insert_meeting {
    () => {
        "INSERT INTO meetings(ext_id, title, kind, start_at, place, chair_id, state,
             major_revisions, docs_owed, materials_due, materials_rule, materials_article,
             minutes_due, minutes_rule, minutes_article, minutes_issued_on, docs_due,
             docs_rule, docs_article, docs_issued_on, updated_at)
         VALUES (?1, ?2, ?3, ?4, COALESCE(?5, ''), ?6, COALESCE(?7, ?22), ?8,
             COALESCE(?9, 0), ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"
    };
}
const INSERT: &str = insert_meeting!();
const UPSERT: &str = concat!(
    insert_meeting!(),
    "
     ON CONFLICT(ext_id) DO UPDATE SET
         title = excluded.title, kind = excluded.kind, start_at = excluded.start_at,
         place = COALESCE(?5, place), chair_id = COALESCE(?6, chair_id),
         state = COALESCE(?7, state), major_revisions = excluded.major_revisions,
         docs_owed = COALESCE(?9, docs_owed),
         materials_due = excluded.materials_due,
         materials_rule = excluded.materials_rule,
         materials_article = excluded.materials_article,
         minutes_due = excluded.minutes_due, minutes_rule = excluded.minutes_rule,
         minutes_article = excluded.minutes_article,
         minutes_issued_on = COALESCE(?16, minutes_issued_on),
         docs_due = excluded.docs_due, docs_rule = excluded.docs_rule,
         docs_article = excluded.docs_article,
         docs_issued_on = COALESCE(?20, docs_issued_on),
         updated_at = excluded.updated_at"
);

/// Writes a meeting and computes what it owes and when.
pub(super) fn write_meeting(s: &Registrar<'_>, rec: &Meeting) -> Result<Upsert> {
    let (conn, env) = (s.conn, s.env);
    let chair = rec
        .chair
        .as_deref()
        .map(|c| s.person("chair", c).map(|p| p.0))
        .transpose()?;
    let members = match &rec.members {
        None => None,
        Some(list) => {
            let mut seen = HashSet::new();
            let mut ids = Vec::with_capacity(list.len());
            for (i, login) in list.iter().enumerate() {
                let field = format!("members[{i}]");
                if !seen.insert(login) {
                    return Err(twice(&field, login));
                }
                ids.push(s.person(&field, login)?.0);
            }
            Some(ids)
        }
    };
    let old: Option<(i64, bool)> = s.existing(
        "meetings",
        "SELECT id, major_revisions FROM meetings WHERE ext_id = ?1",
        &rec.id,
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let major = rec.major_revisions.or(old.map(|o| o.1)).unwrap_or(false);
    let on = rec.start.date();
    let materials = deadline::materials(env, rec.kind, on);
    let minutes = deadline::minutes(env, rec.kind, on);
    let docs = deadline::documents(env, rec.kind, on, major);
    let a = Audited::before(s, "meetings", "meeting", old.map(|o| o.0))?;
    let now = super::now_stamp(env);
    conn.prepare_cached(if old.is_some() { UPSERT } else { INSERT })
        .db("preparing the meeting upsert")?
        .execute(params![
            rec.id,
            rec.title,
            rec.kind,
            crate::clock::fmt_datetime(rec.start),
            rec.place,
            chair,
            rec.state,
            major,
            rec.docs_owed,
            day(materials.due),
            materials.rule,
            materials.article,
            minutes.as_ref().map(|m| day(m.due)),
            minutes.as_ref().map(|m| m.rule.clone()),
            minutes.as_ref().and_then(|m| m.article.clone()),
            opt_day(rec.minutes_issued_on),
            day(docs.due),
            docs.rule,
            docs.article,
            opt_day(rec.docs_issued_on),
            now,
            MeetingState::Planned,
        ])
        .db_with(|| format!("writing meeting '{}'", rec.id))?;
    let id = super::upserted_id(conn, old.map(|o| o.0));
    let updated = old.is_some();
    s.wrote_meeting(&rec.id, id);
    if let Some(ids) = members {
        reset(
            conn,
            updated,
            "DELETE FROM meeting_members WHERE meeting_id = ?1",
            id,
        )?;
        let mut ins = conn
            .prepare_cached("INSERT INTO meeting_members(meeting_id, person_id) VALUES (?1, ?2)")
            .db("preparing the member insert")?;
        for p in ids {
            ins.execute([id, p]).db("writing a member")?;
        }
    }
    if let Some(topics) = &rec.topics {
        reset(
            conn,
            updated,
            "DELETE FROM topics WHERE meeting_id = ?1",
            id,
        )?;
        let mut ins = conn
            .prepare_cached(
                "INSERT INTO topics(meeting_id, title, dept_id, materials_on, approved, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .db("preparing the topic insert")?;
        for (i, t) in topics.iter().enumerate() {
            let field = format!("topics[{i}].dept");
            let dept = t.dept.as_deref().map(|d| s.dept(&field, d)).transpose()?;
            let added = t.added_at.clone().unwrap_or_else(|| now.clone());
            ins.execute(params![
                id,
                t.title,
                dept,
                opt_day(t.materials_on),
                t.approved,
                added
            ])
            .db("writing a topic")?;
        }
    }
    if let Some(leave) = &rec.leave {
        reset(
            conn,
            updated,
            "DELETE FROM leave_requests WHERE meeting_id = ?1",
            id,
        )?;
        let mut seen = HashSet::new();
        let mut ins = conn
            .prepare_cached(
                "INSERT INTO leave_requests(meeting_id, person_id, requested_on, reason, in_writing)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .db("preparing the leave insert")?;
        for (i, l) in leave.iter().enumerate() {
            let field = format!("leave[{i}].login");
            if !seen.insert(&l.login) {
                return Err(twice(&field, &l.login));
            }
            let (p, _) = s.person(&field, &l.login)?;
            ins.execute(params![id, p, day(l.requested_on), l.reason, l.in_writing])
                .db("writing a leave request")?;
        }
    }
    a.after(id, &format!("meeting {} {}", rec.id, rec.title))?;
    Ok(if updated {
        Upsert::Updated(id)
    } else {
        Upsert::Inserted(id)
    })
}

/// Clears a child table for a row being replaced (a new row has no children yet).
pub(crate) fn reset(conn: &Connection, updated: bool, sql: &'static str, id: i64) -> Result<()> {
    if updated {
        conn.prepare_cached(sql)
            .db("preparing a reset")?
            .execute([id])
            .db("resetting child rows")?;
    }
    Ok(())
}
