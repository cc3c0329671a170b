//! Recomputes the stored deadlines of open items after one of their inputs changed (a new
//! holiday schedule, another profile). Stored deadlines are a cache of (profile, calendar,
//! the row's own dates); this is what keeps that cache honest. Deadlines a person set by
//! hand (a given supervision deadline, an extension) are left alone.

use crate::domain::{Env, MeetingKind, SupSource, Urgency, deadline};
use crate::error::{DbContext, Result};
use chrono::NaiveDate;
use rusqlite::{Connection, params};

/// How many rows of each kind were recomputed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Recomputed {
    pub documents: usize,
    pub countersigns: usize,
    pub supervision: usize,
    pub meetings: usize,
}

impl Recomputed {
    /// Rows recomputed in all.
    pub fn total(&self) -> usize {
        self.documents + self.countersigns + self.supervision + self.meetings
    }
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Recomputes every open item's deadlines inside the caller's transaction.
pub fn open_items(conn: &Connection, env: &Env) -> Result<Recomputed> {
    let mut n = Recomputed::default();

    let docs: Vec<(i64, Urgency, String)> = conn
        .prepare_cached("SELECT id, urgency, received FROM documents WHERE state = '待批'")
        .db("preparing the documents recompute")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .db("reading pending documents")?
        .collect::<std::result::Result<_, _>>()
        .db("reading pending documents")?;
    let mut upd = conn
        .prepare_cached(
            "UPDATE documents SET due = ?2, due_rule = ?3, due_article = ?4 WHERE id = ?1",
        )
        .db("preparing the document deadline update")?;
    for (id, urgency, received) in docs {
        let Some(received) = date(&received) else {
            continue;
        };
        let d = deadline::approval(env, urgency, received);
        upd.execute(params![id, d.due.to_string(), d.rule, d.article])
            .db(format!("updating document {id}'s deadline"))?;
        n.documents += 1;
    }

    let reqs: Vec<(i64, String)> = conn
        .prepare_cached("SELECT id, requested FROM countersigns WHERE answer IS NULL")
        .db("preparing the countersign recompute")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .db("reading open countersign requests")?
        .collect::<std::result::Result<_, _>>()
        .db("reading open countersign requests")?;
    let mut upd = conn
        .prepare_cached(
            "UPDATE countersigns SET due = ?2, due_rule = ?3, due_article = ?4 WHERE id = ?1",
        )
        .db("preparing the countersign deadline update")?;
    for (id, requested) in reqs {
        let Some(requested) = date(&requested) else {
            continue;
        };
        let d = deadline::countersign(env, requested);
        upd.execute(params![id, d.due.to_string(), d.rule, d.article])
            .db(format!("updating countersign request {id}'s deadline"))?;
        n.countersigns += 1;
    }

    let items: Vec<(i64, SupSource, String)> = conn
        .prepare_cached(
            "SELECT s.id, s.source, s.assigned FROM supervision s
             WHERE s.state = '办理中' AND COALESCE(s.deadline_rule, '') <> 'given'
               AND NOT EXISTS (SELECT 1 FROM extensions e WHERE e.supervision_id = s.id)",
        )
        .db("preparing the supervision recompute")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .db("reading open supervision items")?
        .collect::<std::result::Result<_, _>>()
        .db("reading open supervision items")?;
    let mut upd = conn
        .prepare_cached(
            "UPDATE supervision SET deadline = ?2, deadline_rule = ?3, deadline_article = ?4 WHERE id = ?1",
        )
        .db("preparing the supervision deadline update")?;
    for (id, source, assigned) in items {
        let Some(assigned) = date(&assigned) else {
            continue;
        };
        let d = deadline::supervision(env, source, assigned, None);
        upd.execute(params![id, d.due.to_string(), d.rule, d.article])
            .db(format!("updating supervision item {id}'s deadline"))?;
        n.supervision += 1;
    }

    let meetings: Vec<(i64, MeetingKind, String, bool)> = conn
        .prepare_cached(
            "SELECT id, kind, start_at, major_revisions FROM meetings WHERE state <> '已取消'
               AND (minutes_issued_on IS NULL OR (docs_owed > 0 AND docs_issued_on IS NULL)
                    OR start_at >= ?1)",
        )
        .db("preparing the meetings recompute")?
        .query_map([env.today().to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .db("reading open meetings")?
        .collect::<std::result::Result<_, _>>()
        .db("reading open meetings")?;
    let mut upd = conn
        .prepare_cached(
            "UPDATE meetings SET materials_due = ?2, materials_rule = ?3, materials_article = ?4,
                 minutes_due = ?5, minutes_rule = ?6, minutes_article = ?7,
                 docs_due = ?8, docs_rule = ?9, docs_article = ?10 WHERE id = ?1",
        )
        .db("preparing the meeting deadline update")?;
    for (id, kind, start, major) in meetings {
        // Stored as `YYYY-MM-DD HH:MM:SS`; only the day matters for deadlines.
        let Some(day) = start.get(..10).and_then(date) else {
            continue;
        };
        let m = deadline::materials(env, kind, day);
        let mi = deadline::minutes(env, kind, day);
        let d = deadline::documents(env, kind, day, major);
        upd.execute(params![
            id,
            m.due.to_string(),
            m.rule,
            m.article,
            mi.as_ref().map(|x| x.due.to_string()),
            mi.as_ref().map(|x| x.rule.clone()),
            mi.as_ref().and_then(|x| x.article.clone()),
            d.due.to_string(),
            d.rule,
            d.article
        ])
        .db(format!("updating meeting {id}'s deadlines"))?;
        n.meetings += 1;
    }
    // Fund requests' consultation deadlines (信州 三十三) live with the rules' tables.
    super::rules::recompute_fund_deadlines(conn, env)?;
    Ok(n)
}
