//! Gathering for the document rules: pending documents (with their leader, whether the
//! leader is away and who stands in), unanswered countersigns past due, and signed
//! documents still owing printing or publishing.

use super::{day, stored_rule, ymd};
use crate::domain::compliance::documents::{
    self as rules, LeaderView, OpenCountersign, PendingDoc, SignedDoc,
};
use crate::domain::compliance::{Finding, ItemRef, RuleRef};
use crate::domain::permission::standin_rule;
use crate::domain::{DocKind, Env, Secrecy, Urgency};
use crate::error::{DbContext, Result};
use crate::store::people;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};

pub(super) fn gather(conn: &Connection, env: &Env, out: &mut Vec<Finding>) -> Result<()> {
    pending(conn, env, out)?;
    countersigns(conn, env, out)?;
    signed(conn, env, out)?;
    Ok(())
}

struct Row {
    id: i64,
    ext_id: String,
    title: String,
    kind: DocKind,
    urgency: Urgency,
    received: Option<String>,
    due: Option<String>,
    due_rule: Option<String>,
    due_article: Option<String>,
    matters: i64,
    carries_request: bool,
    leader_id: Option<i64>,
}

fn pending(conn: &Connection, env: &Env, out: &mut Vec<Finding>) -> Result<()> {
    let rows: Vec<Row> = conn
        .prepare_cached(
            "SELECT id, ext_id, title, kind, urgency, received, due, due_rule, due_article,
                    matters, carries_request, leader_id
             FROM documents WHERE state = '待批' ORDER BY due, id",
        )
        .db("preparing the pending documents check")?
        .query_map([], |r| {
            Ok(Row {
                id: r.get(0)?,
                ext_id: r.get(1)?,
                title: r.get(2)?,
                kind: r.get(3)?,
                urgency: r.get(4)?,
                received: r.get(5)?,
                due: r.get(6)?,
                due_rule: r.get(7)?,
                due_article: r.get(8)?,
                matters: r.get(9)?,
                carries_request: r.get(10)?,
                leader_id: r.get(11)?,
            })
        })
        .db("reading pending documents")?
        .collect::<std::result::Result<_, _>>()
        .db("reading pending documents")?;
    let away = away_today(conn, env)?;
    let mut leaders: HashMap<i64, Option<LeaderView>> = HashMap::new();
    for row in rows {
        let Some(received) = day("document received", row.id, row.received.as_deref()) else {
            continue;
        };
        let leader = match row.leader_id {
            Some(lid) => match leaders.get(&lid) {
                Some(v) => v.clone(),
                None => {
                    let v = leader_view(conn, env, lid, &away)?;
                    leaders.insert(lid, v.clone());
                    v
                }
            },
            None => None,
        };
        let doc = PendingDoc {
            item: ItemRef::new("document", row.id, row.ext_id, row.title),
            kind: row.kind,
            urgency: row.urgency,
            received,
            due: day("document due", row.id, row.due.as_deref()),
            due_rule: stored_rule(row.due_rule, row.due_article),
            matters: row.matters,
            carries_request: row.carries_request,
            leader,
        };
        out.extend(rules::pending(env, &doc));
    }
    Ok(())
}

/// Everyone an absence on record covers today.
fn away_today(conn: &Connection, env: &Env) -> Result<HashSet<i64>> {
    let today = ymd(env.today());
    conn.prepare_cached(
        "SELECT DISTINCT person_id FROM absences WHERE end_on >= ?1 AND start_on <= ?1",
    )
    .db("preparing the absences-today query")?
    .query_map([&today], |r| r.get(0))
    .db("reading who is away today")?
    .collect::<std::result::Result<_, _>>()
    .db("reading who is away today")
}

fn leader_view(
    conn: &Connection,
    env: &Env,
    id: i64,
    away: &HashSet<i64>,
) -> Result<Option<LeaderView>> {
    let p = match people::person_by_id(conn, id) {
        Ok(p) => p,
        Err(crate::Error::NotFound(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    let away_today = away.contains(&p.id);
    let standin = if away_today {
        people::acting_for(conn, env, p.id, env.today())?.map(|s| s.name)
    } else {
        None
    };
    let standin_rule =
        standin_rule(&env.profile, p.role).map(|r| RuleRef::new(r.rule, r.article.as_deref()));
    Ok(Some(LeaderView {
        id: p.id,
        name: p.name,
        role: p.role,
        away_today,
        standin,
        standin_rule,
    }))
}

fn countersigns(conn: &Connection, env: &Env, out: &mut Vec<Finding>) -> Result<()> {
    let today = ymd(env.today());
    let mut stmt = conn
        .prepare_cached(
            "SELECT c.id, d.id, d.ext_id, d.title, dp.name, c.requested, c.due, c.due_rule,
                    c.due_article
             FROM countersigns c
             JOIN documents d ON d.id = c.document_id
             JOIN departments dp ON dp.id = c.dept_id
             WHERE c.answer IS NULL AND c.due < ?1",
        )
        .db("preparing the countersign check")?;
    let rows = stmt
        .query_map([&today], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                ItemRef::new(
                    "document",
                    r.get(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ),
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                stored_rule(r.get(7)?, r.get(8)?),
            ))
        })
        .db("reading overdue countersign requests")?;
    for row in rows {
        let (id, item, dept, requested, due, due_rule) =
            row.db("reading an overdue countersign request")?;
        let (Some(requested), Some(due)) = (
            day("countersign requested", id, requested.as_deref()),
            day("countersign due", id, due.as_deref()),
        ) else {
            continue;
        };
        let c = OpenCountersign {
            item,
            dept,
            requested,
            due,
            due_rule,
        };
        out.extend(rules::countersign(env, &c));
    }
    Ok(())
}

fn signed(conn: &Connection, env: &Env, out: &mut Vec<Finding>) -> Result<()> {
    let d = &env.profile.documents;
    if d.print_after_sign.is_none() && d.publish_after_print.is_none() {
        return Ok(());
    }
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, ext_id, title, signed_on, printed_on, published_on, secrecy
             FROM documents
             WHERE state = '已签批' AND (printed_on IS NULL OR published_on IS NULL)",
        )
        .db("preparing the printing check")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Secrecy>(6)?,
            ))
        })
        .db("reading signed documents")?;
    for row in rows {
        let (id, ext_id, title, signed_on, printed_on, published_on, secrecy) =
            row.db("reading a signed document")?;
        let Some(signed_on) = day("document signed_on", id, signed_on.as_deref()) else {
            continue;
        };
        let doc = SignedDoc {
            item: ItemRef::new("document", id, ext_id, title),
            signed_on,
            printed_on: day("document printed_on", id, printed_on.as_deref()),
            published_on: day("document published_on", id, published_on.as_deref()),
            public: secrecy == Secrecy::Public,
        };
        out.extend(rules::after_signing(env, &doc));
    }
    Ok(())
}
