//! Registration of what the district rules add: investment projects and fund requests
//! (信州 三十二, 三十三), a district-wide meeting's request date (信州 二十四, 环翠 46) and
//! whom a leave request was addressed to.

use super::{Audited, Registrar, Upsert, day, opt_day};
use crate::domain::compliance::investment::fund_deadline;
use crate::error::{DbContext, Result};
use crate::interchange::fields::FieldError;
use crate::interchange::record::{Fund, Investment, Meeting};
use rusqlite::params;

fn upserted(existed: bool, id: i64) -> Upsert {
    if existed {
        Upsert::Updated(id)
    } else {
        Upsert::Inserted(id)
    }
}

/// Writes an investment project. `steps_done` (numbered from 1) replaces the steps on
/// record when given and keeps them when left out.
pub(super) fn write_investment(s: &Registrar<'_>, rec: &Investment) -> Result<Upsert> {
    let (conn, env) = (s.conn, s.env);
    let dept = rec.dept.as_deref().map(|d| s.dept("dept", d)).transpose()?;
    let steps = match &rec.steps_done {
        None => None,
        Some(list) => {
            let mut idx: Vec<u32> = list.iter().map(|n| n.saturating_sub(1)).collect();
            idx.sort_unstable();
            idx.dedup();
            Some(
                serde_json::to_string(&idx)
                    .map_err(|e| FieldError::new("steps_done", e.to_string()))?,
            )
        }
    };
    let old: Option<i64> = s.existing(
        "investment_projects",
        "SELECT id FROM investment_projects WHERE ext_id = ?1",
        &rec.id,
        |r| r.get(0),
    )?;
    let a = Audited::before(s, "investment_projects", "investment", old)?;
    conn.prepare_cached(
        "INSERT INTO investment_projects(ext_id, title, dept_id, amount_wan, received,
                 steps_done, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, COALESCE(?6, '[]'), ?7)
             ON CONFLICT(ext_id) DO UPDATE SET title = excluded.title,
                 dept_id = COALESCE(?3, dept_id), amount_wan = excluded.amount_wan,
                 received = excluded.received, steps_done = COALESCE(?6, steps_done),
                 updated_at = excluded.updated_at",
    )
    .db("preparing the investment upsert")?
    .execute(params![
        rec.id,
        rec.title,
        dept,
        rec.amount_wan,
        day(rec.received),
        steps,
        super::now_stamp(env)
    ])
    .db_with(|| format!("writing investment project '{}'", rec.id))?;
    let id = super::upserted_id(conn, old);
    a.after(id, &format!("investment {} {}", rec.id, rec.title))?;
    Ok(upserted(old.is_some(), id))
}

/// Writes a fund request; its consultation deadline follows from when the papers were
/// complete (`investment.fund_consultation`; none where the profile sets no limit).
pub(super) fn write_fund(s: &Registrar<'_>, rec: &Fund) -> Result<Upsert> {
    let (conn, env) = (s.conn, s.env);
    let dept = rec.dept.as_deref().map(|d| s.dept("dept", d)).transpose()?;
    let old: Option<(i64, Option<String>)> = s.existing(
        "fund_requests",
        "SELECT id, papers_complete_on FROM fund_requests WHERE ext_id = ?1",
        &rec.id,
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let papers = match (
        rec.papers_complete_on,
        old.as_ref().and_then(|o| o.1.as_deref()),
    ) {
        (Some(d), _) => Some(d),
        (None, Some(s)) => Some(crate::clock::parse_date("papers_complete_on", s)?),
        (None, None) => None,
    };
    let due = papers.and_then(|p| fund_deadline(env, p));
    let a = Audited::before(s, "fund_requests", "fund", old.as_ref().map(|o| o.0))?;
    conn.prepare_cached(
        "INSERT INTO fund_requests(ext_id, title, dept_id, amount_wan, papers_complete_on,
                 consult_due, consult_due_rule, consult_due_article, answered_on, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT(ext_id) DO UPDATE SET title = excluded.title,
                 dept_id = COALESCE(?3, dept_id), amount_wan = COALESCE(?4, amount_wan),
                 papers_complete_on = excluded.papers_complete_on,
                 consult_due = excluded.consult_due,
                 consult_due_rule = excluded.consult_due_rule,
                 consult_due_article = excluded.consult_due_article,
                 answered_on = COALESCE(?9, answered_on), updated_at = excluded.updated_at",
    )
    .db("preparing the fund request upsert")?
    .execute(params![
        rec.id,
        rec.title,
        dept,
        rec.amount_wan,
        opt_day(papers),
        due.as_ref().map(|d| day(d.due)),
        due.as_ref().map(|d| d.rule.clone()),
        due.as_ref().and_then(|d| d.article.clone()),
        opt_day(rec.answered_on),
        super::now_stamp(env)
    ])
    .db_with(|| format!("writing fund request '{}'", rec.id))?;
    let id = super::upserted_id(conn, old.as_ref().map(|o| o.0));
    a.after(id, &format!("fund request {} {}", rec.id, rec.title))?;
    Ok(upserted(old.is_some(), id))
}

/// After a meeting is written: its request date (kept when left out) and whom each leave
/// request was addressed to.
pub(super) fn meeting_extras(s: &Registrar<'_>, rec: &Meeting, id: i64) -> Result<()> {
    let conn = s.conn;
    if let Some(d) = rec.requested_on {
        conn.prepare_cached("UPDATE meetings SET requested_on = ?2 WHERE id = ?1")
            .db("preparing the request date update")?
            .execute(params![id, day(d)])
            .db_with(|| format!("writing meeting '{}'s request date", rec.id))?;
    }
    for (i, l) in rec.leave.iter().flatten().enumerate() {
        let Some(to) = &l.to else { continue };
        let (to_id, _) = s.person(&format!("leave[{i}].to"), to)?;
        let (pid, _) = s.person(&format!("leave[{i}].login"), &l.login)?;
        conn.prepare_cached(
            "UPDATE leave_requests SET addressed_to = ?3 WHERE meeting_id = ?1 AND person_id = ?2",
        )
        .db("preparing the leave address update")?
        .execute(params![id, pid, to_id])
        .db_with(|| format!("writing leave request {i} of meeting '{}'", rec.id))?;
    }
    Ok(())
}
