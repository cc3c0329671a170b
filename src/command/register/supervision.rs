//! Supervision items: lead and co-departments, the deadline (given, by the profile's limit
//! for the source, or as extended), progress notes, extensions and 催办 records.

use super::document::write_notices;
use super::meeting::reset;
use super::{Audit, Audited, Registrar, Upsert, day, opt_day, twice};
use crate::domain::{Deadline, Env, FeedbackCycle, SupState, deadline};
use crate::error::{DbContext, Result};
use crate::interchange::fields::FieldError;
use crate::interchange::record::Supervision;
use rusqlite::{Connection, params};
use std::collections::HashSet;

/// The `deadline_rule` of a deadline moved by extensions.
pub const EXTENDED_RULE: &str = "extended";

/// Whether a stored deadline rule was computed (and so may be computed again).
pub fn computed(rule: &str) -> bool {
    rule.starts_with("supervision.") || rule.starts_with("default.")
}

/// A new supervision item's insert. [`UPSERT`] adds the update of a stored row; a new row takes
/// the plain insert, as an upsert costs SQLite a statement journal per row.
macro_rules! insert_supervision {
    () => {
        "INSERT INTO supervision(ext_id, title, source, lead_dept, assigned, deadline,
             deadline_rule, deadline_article, feedback_cycle, state, closed_on, closed_by,
             recheck_on, meeting_id, last_progress_on, last_progress, urged_count,
             last_urged_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, COALESCE(?9, ?20), COALESCE(?10, ?21),
             ?11, ?12, ?13, ?14, ?15, ?16, COALESCE(?17, 0), ?18, ?19)"
    };
}
const INSERT: &str = insert_supervision!();
const UPSERT: &str = concat!(
    insert_supervision!(),
    "
     ON CONFLICT(ext_id) DO UPDATE SET
         title = excluded.title, source = excluded.source,
         lead_dept = excluded.lead_dept, assigned = excluded.assigned,
         deadline = excluded.deadline, deadline_rule = excluded.deadline_rule,
         deadline_article = excluded.deadline_article,
         feedback_cycle = COALESCE(?9, feedback_cycle), state = COALESCE(?10, state),
         closed_on = COALESCE(?11, closed_on), closed_by = COALESCE(?12, closed_by),
         recheck_on = COALESCE(?13, recheck_on), meeting_id = COALESCE(?14, meeting_id),
         last_progress_on = COALESCE(?15, last_progress_on),
         last_progress = COALESCE(?16, last_progress),
         urged_count = COALESCE(?17, urged_count),
         last_urged_at = COALESCE(?18, last_urged_at), updated_at = excluded.updated_at"
);

/// Writes a supervision item, as a run of its own.
pub fn upsert_supervision(
    conn: &Connection,
    env: &Env,
    rec: &Supervision,
    audit: Audit,
) -> Result<Upsert> {
    let s = Registrar::new(conn, env, audit);
    let u = write_supervision(&s, rec)?;
    s.finish()?;
    Ok(u)
}

/// Writes a supervision item.
pub(super) fn write_supervision(s: &Registrar<'_>, rec: &Supervision) -> Result<Upsert> {
    let (conn, env) = (s.conn, s.env);
    let lead = s.dept("lead", &rec.lead)?;
    let co = match &rec.co {
        None => None,
        Some(list) => {
            let mut seen = HashSet::new();
            let mut ids = Vec::with_capacity(list.len());
            for (i, d) in list.iter().enumerate() {
                let field = format!("co[{i}]");
                if !seen.insert(d) {
                    return Err(twice(&field, d));
                }
                ids.push(s.dept(&field, d)?);
            }
            Some(ids)
        }
    };
    let meeting = rec
        .meeting
        .as_deref()
        .map(|m| s.meeting("meeting", m))
        .transpose()?;
    let closed_by = s.opt_person("closed_by", rec.closed_by.as_deref())?;
    let old: Option<(i64, Deadline)> = s.existing(
        "supervision",
        "SELECT id, deadline, deadline_rule, deadline_article FROM supervision WHERE ext_id = ?1",
        &rec.id,
        |r| {
            Ok((
                r.get(0)?,
                Deadline {
                    due: super::date_column(r, 1)?.unwrap_or_default(),
                    rule: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    article: r.get(3)?,
                },
            ))
        },
    )?;
    let due = choose_deadline(env, rec, old.as_ref().map(|o| &o.1))?;
    let last = rec.progress.as_ref().and_then(|p| {
        p.iter()
            .enumerate()
            .max_by_key(|(i, n)| (n.on, *i))
            .map(|(_, n)| n)
    });
    let a = Audited::before(s, "supervision", "supervision", old.as_ref().map(|o| o.0))?;
    let now = super::now_stamp(env);
    conn.prepare_cached(if old.is_some() { UPSERT } else { INSERT })
        .db("preparing the supervision upsert")?
        .execute(params![
            rec.id,
            rec.title,
            rec.source,
            lead,
            day(rec.assigned),
            day(due.due),
            due.rule,
            due.article,
            rec.feedback,
            rec.state,
            opt_day(rec.closed_on),
            closed_by,
            opt_day(rec.recheck_on),
            meeting,
            last.map(|n| day(n.on)),
            last.map(|n| n.note.clone()),
            rec.urged_count,
            rec.last_urged_at,
            now,
            FeedbackCycle::Monthly,
            SupState::Open,
        ])
        .db_with(|| format!("writing supervision item '{}'", rec.id))?;
    let id = super::upserted_id(conn, old.as_ref().map(|o| o.0));
    let updated = old.is_some();
    if let Some(ids) = co {
        reset(
            conn,
            updated,
            "DELETE FROM supervision_co WHERE supervision_id = ?1",
            id,
        )?;
        let mut ins = conn
            .prepare_cached("INSERT INTO supervision_co(supervision_id, dept_id) VALUES (?1, ?2)")
            .db("preparing the co-department insert")?;
        for d in ids {
            ins.execute([id, d]).db("writing a co-department")?;
        }
    }
    if let Some(notes) = &rec.progress {
        reset(
            conn,
            updated,
            "DELETE FROM progress_notes WHERE supervision_id = ?1",
            id,
        )?;
        let mut ins = conn
            .prepare_cached(
                "INSERT INTO progress_notes(supervision_id, on_date, note, by_id, at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .db("preparing the progress insert")?;
        for (i, n) in notes.iter().enumerate() {
            let by = s.opt_person(&format!("progress[{i}].by"), n.by.as_deref())?;
            let at = n.at.clone().unwrap_or_else(|| now.clone());
            ins.execute(params![id, day(n.on), n.note, by, at])
                .db("writing a progress note")?;
        }
    }
    if let Some(exts) = &rec.extensions {
        reset(
            conn,
            updated,
            "DELETE FROM extensions WHERE supervision_id = ?1",
            id,
        )?;
        let mut ins = conn
            .prepare_cached(
                "INSERT INTO extensions(supervision_id, old_deadline, new_deadline, reason, by_id, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .db("preparing the extension insert")?;
        for (i, e) in exts.iter().enumerate() {
            let by = s.opt_person(&format!("extensions[{i}].by"), e.by.as_deref())?;
            let at = e.at.clone().unwrap_or_else(|| now.clone());
            ins.execute(params![id, day(e.old), day(e.new), e.reason, by, at])
                .db("writing an extension")?;
        }
    }
    if let Some(list) = &rec.notices {
        write_notices(s, "supervision_id", id, updated, list)?;
    }
    a.after(id, &format!("supervision {} {}", rec.id, rec.title))?;
    Ok(if updated {
        Upsert::Updated(id)
    } else {
        Upsert::Inserted(id)
    })
}

/// The deadline: the last extension's; else the one given; else the stored one when it
/// was not computed (given before, or extended on the board); else the profile's limit.
fn choose_deadline(env: &Env, rec: &Supervision, stored: Option<&Deadline>) -> Result<Deadline> {
    if let Some(exts) = &rec.extensions {
        for (i, e) in exts.iter().enumerate() {
            if e.new < e.old {
                return Err(FieldError::new(
                    format!("extensions[{i}].new"),
                    format!("{} is before the old deadline {}", e.new, e.old),
                )
                .into());
            }
        }
        if let Some(last) = exts.last() {
            return Ok(Deadline {
                due: last.new,
                rule: EXTENDED_RULE.into(),
                article: None,
            });
        }
    }
    if rec.deadline.is_none() && rec.extensions.is_none() {
        if let Some(s) = stored.filter(|s| !computed(&s.rule)) {
            return Ok(s.clone());
        }
    }
    Ok(deadline::supervision(
        env,
        rec.source,
        rec.assigned,
        rec.deadline,
    ))
}
