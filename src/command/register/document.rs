//! Documents awaiting approval: routing, the approval deadline, countersign requests.

use super::{Audit, Audited, Registrar, Upsert, day, opt_day, twice};
use crate::domain::routing::{self, Leader, RouteReason, RouteView};
use crate::domain::{DocState, Env, Role, Secrecy, deadline};
use crate::error::{DbContext, Result};
use crate::interchange::fields::FieldError;
use crate::interchange::record::{Document, Notice};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashSet;

/// What is stored of a document that routing and the audit need.
struct Stored {
    id: i64,
    route: String,
    leader: Option<i64>,
    major: bool,
    from: Option<i64>,
}

/// A new document's insert. [`UPSERT`] adds the update of a stored row; a new row takes
/// the plain insert, as an upsert costs SQLite a statement journal per row.
macro_rules! insert_document {
    () => {
        "INSERT INTO documents(ext_id, doc_no, title, kind, urgency, secrecy, from_dept,
             received, major, matters, carries_request, leader_id, route, state, due,
             due_rule, due_article, signed_on, signed_by, instruction, return_reason,
             printed_on, published_on, urged_count, last_urged_at, updated_at)
         VALUES (?1, COALESCE(?2, ''), ?3, ?4, ?5, COALESCE(?6, ?27), ?7, ?8,
             COALESCE(?9, 0), COALESCE(?10, 1), COALESCE(?11, 0), ?12, ?13,
             COALESCE(?14, ?28), ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23,
             COALESCE(?24, 0), ?25, ?26)"
    };
}
const INSERT: &str = insert_document!();
const UPSERT: &str = concat!(
    insert_document!(),
    "
     ON CONFLICT(ext_id) DO UPDATE SET
         doc_no = COALESCE(?2, doc_no), title = excluded.title, kind = excluded.kind,
         urgency = excluded.urgency, secrecy = COALESCE(?6, secrecy),
         from_dept = COALESCE(?7, from_dept), received = excluded.received,
         major = COALESCE(?9, major), matters = COALESCE(?10, matters),
         carries_request = COALESCE(?11, carries_request),
         leader_id = excluded.leader_id, route = excluded.route,
         state = COALESCE(?14, state), due = excluded.due,
         due_rule = excluded.due_rule, due_article = excluded.due_article,
         signed_on = COALESCE(?18, signed_on), signed_by = COALESCE(?19, signed_by),
         instruction = COALESCE(?20, instruction),
         return_reason = COALESCE(?21, return_reason),
         printed_on = COALESCE(?22, printed_on),
         published_on = COALESCE(?23, published_on),
         urged_count = COALESCE(?24, urged_count),
         last_urged_at = COALESCE(?25, last_urged_at), updated_at = excluded.updated_at"
);

/// Writes a document, as a run of its own.
pub fn upsert_document(
    conn: &Connection,
    env: &Env,
    rec: &Document,
    audit: Audit,
) -> Result<Upsert> {
    let s = Registrar::new(conn, env, audit);
    let u = write_document(&s, rec)?;
    s.finish()?;
    Ok(u)
}

/// Writes a document: routes it (unless a leader is named, or was chosen on the board),
/// computes its approval deadline and those of its countersign requests.
pub(super) fn write_document(s: &Registrar<'_>, rec: &Document) -> Result<Upsert> {
    let (conn, env) = (s.conn, s.env);
    let from = rec.from.as_deref().map(|d| s.dept("from", d)).transpose()?;
    let old: Option<Stored> = s.existing(
        "documents",
        "SELECT id, route, leader_id, major, from_dept FROM documents WHERE ext_id = ?1",
        &rec.id,
        |r| {
            Ok(Stored {
                id: r.get(0)?,
                route: r.get(1)?,
                leader: r.get(2)?,
                major: r.get(3)?,
                from: r.get(4)?,
            })
        },
    )?;
    let (leader, route) = choose_leader(s, rec, from, old.as_ref())?;
    let signed_by = s.opt_person("signed_by", rec.signed_by.as_deref())?;
    let due = deadline::approval(env, rec.urgency, rec.received);
    let a = Audited::before(s, "documents", "document", old.as_ref().map(|o| o.id))?;
    conn.prepare_cached(if old.is_some() { UPSERT } else { INSERT })
        .db("preparing the document write")?
        .execute(params![
            rec.id,
            rec.doc_no,
            rec.title,
            rec.kind,
            rec.urgency,
            rec.secrecy,
            from,
            day(rec.received),
            rec.major,
            rec.matters,
            rec.carries_request,
            leader,
            route.as_str(),
            rec.state,
            day(due.due),
            due.rule,
            due.article,
            opt_day(rec.signed_on),
            signed_by,
            rec.instruction,
            rec.return_reason,
            opt_day(rec.printed_on),
            opt_day(rec.published_on),
            rec.urged_count,
            rec.last_urged_at,
            super::now_stamp(env),
            Secrecy::Public,
            DocState::Pending,
        ])
        .db_with(|| format!("writing document '{}'", rec.id))?;
    let id = super::upserted_id(conn, old.as_ref().map(|o| o.id));
    let updated = old.is_some();
    if let Some(list) = &rec.countersign {
        if updated {
            conn.prepare_cached("DELETE FROM countersigns WHERE document_id = ?1")
                .db("preparing the countersign reset")?
                .execute([id])
                .db("resetting countersign requests")?;
        }
        let mut seen = HashSet::new();
        let mut ins = conn
            .prepare_cached(
                "INSERT INTO countersigns(document_id, dept_id, requested, due, due_rule,
                     due_article, answer, answered_on, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .db("preparing the countersign insert")?;
        for (i, c) in list.iter().enumerate() {
            let field = format!("countersign[{i}]");
            if !seen.insert(&c.dept) {
                return Err(twice(&field, &c.dept));
            }
            let dept = s.dept(&field, &c.dept)?;
            let requested = c.requested.unwrap_or(rec.received);
            let due = deadline::countersign(env, requested);
            ins.execute(params![
                id,
                dept,
                day(requested),
                day(due.due),
                due.rule,
                due.article,
                c.answer,
                opt_day(c.answered_on),
                c.note
            ])
            .db("writing a countersign request")?;
        }
    }
    if let Some(list) = &rec.notices {
        write_notices(s, "document_id", id, updated, list)?;
    }
    a.after(id, &format!("document {} 《{}》", rec.id, rec.title))?;
    Ok(if updated {
        Upsert::Updated(id)
    } else {
        Upsert::Inserted(id)
    })
}

/// The leader and why: the one named; else the one chosen before when it was not chosen
/// by routing (named in an earlier import, or forwarded on the board); else routing.
fn choose_leader(
    s: &Registrar<'_>,
    rec: &Document,
    from: Option<i64>,
    old: Option<&Stored>,
) -> Result<(Option<i64>, RouteReason)> {
    if let Some(login) = &rec.leader {
        let (id, role) = s.person("leader", login)?;
        if !role.is_leader() {
            return Err(FieldError::new(
                "leader",
                format!("'{login}' is a {role}, not a district leader (区长|常务副区长|副区长)"),
            )
            .into());
        }
        let reason = rec
            .route
            .as_deref()
            .and_then(RouteReason::parse)
            .unwrap_or(RouteReason::Explicit);
        return Ok((Some(id), reason));
    }
    if let Some(o) = old {
        let computed = matches!(
            RouteReason::parse(&o.route),
            Some(
                RouteReason::Major | RouteReason::Division | RouteReason::Multi | RouteReason::None
            )
        );
        if !computed {
            let reason = RouteReason::parse(&o.route).unwrap_or(RouteReason::Explicit);
            return Ok((o.leader, reason));
        }
    }
    let major = rec.major.or(old.map(|o| o.major)).unwrap_or(false);
    let view = match from.or(old.and_then(|o| o.from)) {
        Some(dept) => s.route_view(dept)?,
        None => RouteView {
            dividers: Vec::new(),
            mayor: s.mayor()?,
        },
    };
    let routed = routing::route(&s.env.profile, &view, None, major);
    Ok((routed.leader.map(|l| l.id), routed.reason))
}

/// Who 分管 a department, and who the 区长 is.
pub(crate) fn route_view(conn: &Connection, dept: i64) -> Result<RouteView> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT p.id, p.role FROM divisions d JOIN people p ON p.id = d.person_id
             WHERE d.dept_id = ?1",
        )
        .db("preparing the division lookup")?;
    let dividers = stmt
        .query_map([dept], |r| {
            Ok(Leader {
                id: r.get(0)?,
                role: r.get(1)?,
            })
        })
        .db("reading divisions")?
        .collect::<rusqlite::Result<Vec<_>>>()
        .db("reading divisions")?;
    Ok(RouteView {
        dividers,
        mayor: mayor(conn)?,
    })
}

/// The 区长 on record (the first, should there be more).
pub(super) fn mayor(conn: &Connection) -> Result<Option<Leader>> {
    Ok(conn
        .prepare_cached("SELECT id FROM people WHERE role = ?1 ORDER BY id LIMIT 1")
        .db("preparing the mayor lookup")?
        .query_row([Role::Mayor], |r| r.get(0))
        .optional()
        .db("looking up the mayor")?
        .map(|id| Leader {
            id,
            role: Role::Mayor,
        }))
}

/// Replaces the 催办 records of a document or supervision item.
pub(crate) fn write_notices(
    s: &Registrar<'_>,
    column: &'static str,
    id: i64,
    updated: bool,
    list: &[Notice],
) -> Result<()> {
    let (reset, insert) = match column {
        "document_id" => (
            "DELETE FROM notices WHERE document_id = ?1",
            "INSERT INTO notices(document_id, note, by_id, at) VALUES (?1, ?2, ?3, ?4)",
        ),
        _ => (
            "DELETE FROM notices WHERE supervision_id = ?1",
            "INSERT INTO notices(supervision_id, note, by_id, at) VALUES (?1, ?2, ?3, ?4)",
        ),
    };
    let conn = s.conn;
    if updated {
        conn.prepare_cached(reset)
            .db("preparing the notice reset")?
            .execute([id])
            .db("resetting notices")?;
    }
    let mut ins = conn
        .prepare_cached(insert)
        .db("preparing the notice insert")?;
    for (i, n) in list.iter().enumerate() {
        let by = s.opt_person(&format!("notices[{i}].by"), n.by.as_deref())?;
        ins.execute(params![id, n.note, by, n.at])
            .db("writing a notice")?;
    }
    Ok(())
}
