//! Gathering for the document rules: pending documents (with their leader, whether the
//! leader is away and who stands in), unanswered countersigns past due (deemed no
//! objection as of today where silence is consent — derived here, never recorded), and
//! signed documents still owing printing or publishing.

use super::out::Out;
use super::{Scope, day, each, each_row, item_at, prepare, stored_rule, ymd};
use crate::domain::compliance::documents::{
    self as rules, LeaderView, OpenCountersign, PendingDoc, RouteCheck, SignedDoc,
};
use crate::domain::compliance::{Finding, ItemRef, RuleRef};
use crate::domain::permission::standin_rule;
use crate::domain::routing::{Leader, RouteReason, RouteView};
use crate::domain::{DocKind, Env, Role, Secrecy, Urgency};
use crate::error::{DbContext, Result};
use crate::store::people;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};

pub(super) fn gather(
    conn: &Connection,
    env: &Env,
    scope: &Scope<'_>,
    out: &mut Out<'_>,
) -> Result<()> {
    pending(conn, env, scope, out)?;
    countersigns(conn, env, scope, out)?;
    signed(conn, env, scope, out)?;
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
    from_dept: Option<i64>,
    major: bool,
    route: String,
}

fn pending(conn: &Connection, env: &Env, scope: &Scope<'_>, out: &mut Out<'_>) -> Result<()> {
    let mut leaders: HashMap<i64, Option<LeaderView>> = HashMap::new();
    // Read with the first row: a check of one item of another kind has none.
    let mut context: Option<(HashSet<i64>, Org)> = None;
    each_row(
        conn,
        "SELECT id, ext_id, title, kind, urgency, received, due, due_rule, due_article,
                matters, carries_request, leader_id, from_dept, major, route
         FROM documents INDEXED BY documents_pending_by_due
         WHERE state = '待批'{scope} ORDER BY due, id",
        "id",
        scope,
        &[],
        "pending documents",
        |r| {
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
                from_dept: r.get(12)?,
                major: r.get(13)?,
                route: r.get(14)?,
            })
        },
        |row: Row| {
            let Some(received) = day("document received", row.id, row.received.as_deref()) else {
                return Ok(());
            };
            if context.is_none() {
                context = Some((away_today(conn, env)?, Org::load(conn)?));
            }
            let Some((away, org)) = context.as_ref() else {
                return Ok(());
            };
            let leader = match row.leader_id {
                Some(lid) => match leaders.get(&lid) {
                    Some(v) => v.clone(),
                    None => {
                        let v = leader_view(conn, env, lid, away)?;
                        leaders.insert(lid, v.clone());
                        v
                    }
                },
                None => None,
            };
            let item = ItemRef::new("document", row.id, row.ext_id, row.title);
            // A paper a leader forwarded went where a leader sent it; routing no longer applies.
            if row.route != RouteReason::Forwarded.as_str() {
                if let Some(dept) = row.from_dept {
                    out.extend(org.check(env, &item, received, dept, row.major, row.leader_id));
                }
            }
            let doc = PendingDoc {
                item,
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
            Ok(())
        },
    )
}

/// Everyone an absence on record covers today.
fn away_today(conn: &Connection, env: &Env) -> Result<HashSet<i64>> {
    let today = ymd(env.today());
    prepare(
        conn,
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

fn countersigns(conn: &Connection, env: &Env, scope: &Scope<'_>, out: &mut Out<'_>) -> Result<()> {
    let today = ymd(env.today());
    let rows = each(
        conn,
        "SELECT c.id, d.id, d.ext_id, d.title, dp.name, c.requested, c.due, c.due_rule,
                c.due_article, d.state = '待批'
         FROM countersigns c INDEXED BY countersigns_open_by_due
         JOIN documents d ON d.id = c.document_id
         JOIN departments dp ON dp.id = c.dept_id
         WHERE c.answer IS NULL AND c.due < ?1{scope}",
        "c.document_id",
        scope,
        &[&today],
        "overdue countersign requests",
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                item_at(r, "document", 1)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                stored_rule(r.get(7)?, r.get(8)?),
                r.get::<_, bool>(9)?,
            ))
        },
    )?;
    for row in rows {
        let (id, item, dept, requested, due, due_rule, awaiting_approval) = row;
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
            awaiting_approval,
        };
        out.extend(rules::countersign(env, &c));
    }
    Ok(())
}

/// Signed documents owing printing, and printed public ones owing publication: two
/// ranges of indexes that hold only documents signed here (settled history is not in
/// them), from the rule's effective date to today.
fn signed(conn: &Connection, env: &Env, scope: &Scope<'_>, out: &mut Out<'_>) -> Result<()> {
    let d = &env.profile.documents;
    let today = ymd(env.today());
    let from = |p: &Option<crate::profile::Period>| {
        p.as_ref().map(|p| p.effective.map(ymd).unwrap_or_default())
    };
    let mut rows = Vec::new();
    let read = |r: &rusqlite::Row<'_>| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, Secrecy>(6)?,
        ))
    };
    if let Some(from) = from(&d.print_after_sign) {
        rows.extend(each(
            conn,
            "SELECT id, ext_id, title, signed_on, printed_on, published_on, secrecy
             FROM documents INDEXED BY documents_owing_print
             WHERE state = '已签批' AND printed_on IS NULL AND imported_settled = 0
               AND signed_on >= ?1 AND signed_on < ?2{scope}",
            "id",
            scope,
            &[&from, &today],
            "signed documents owing printing",
            read,
        )?);
    }
    if let Some(from) = from(&d.publish_after_print) {
        rows.extend(each(
            conn,
            "SELECT id, ext_id, title, signed_on, printed_on, published_on, secrecy
             FROM documents INDEXED BY documents_owing_publish
             WHERE state = '已签批' AND printed_on IS NOT NULL AND published_on IS NULL
               AND secrecy = '公开' AND imported_settled = 0
               AND printed_on >= ?1 AND printed_on < ?2{scope}",
            "id",
            scope,
            &[&from, &today],
            "printed documents owing publication",
            read,
        )?);
    }
    for (id, ext_id, title, signed_on, printed_on, published_on, secrecy) in rows {
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

/// Who 分管 which department, the 区长, and leaders' names: loaded once per check.
struct Org {
    dividers: HashMap<i64, Vec<Leader>>,
    mayor: Option<Leader>,
    names: HashMap<i64, String>,
}

impl Org {
    fn load(conn: &Connection) -> Result<Org> {
        let mut org = Org {
            dividers: HashMap::new(),
            mayor: None,
            names: HashMap::new(),
        };
        let mut stmt = prepare(
            conn,
            "SELECT p.id, p.role, p.name FROM people p
                 WHERE p.role IN ('区长', '常务副区长', '副区长') ORDER BY p.id",
        )
        .db("preparing the leaders query")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, Role>(1)?, r.get(2)?))
            })
            .db("reading the leaders")?;
        for row in rows {
            let (id, role, name) = row.db("reading a leader")?;
            if role == Role::Mayor && org.mayor.is_none() {
                org.mayor = Some(Leader { id, role });
            }
            org.names.insert(id, name);
        }
        let mut stmt = prepare(
            conn,
            "SELECT d.dept_id, p.id, p.role FROM divisions d JOIN people p ON p.id = d.person_id",
        )
        .db("preparing the divisions query")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Role>(2)?,
                ))
            })
            .db("reading the divisions")?;
        for row in rows {
            let (dept, id, role) = row.db("reading a division")?;
            org.dividers
                .entry(dept)
                .or_default()
                .push(Leader { id, role });
        }
        Ok(org)
    }

    fn name(&self, id: i64) -> String {
        self.names.get(&id).cloned().unwrap_or_default()
    }

    /// The routing finding for a pending document from `dept`, if any.
    fn check(
        &self,
        env: &Env,
        item: &ItemRef,
        received: chrono::NaiveDate,
        dept: i64,
        major: bool,
        routed: Option<i64>,
    ) -> Option<Finding> {
        let view = RouteView {
            dividers: self.dividers.get(&dept).cloned().unwrap_or_default(),
            mayor: self.mayor,
        };
        let (mut allowed, rule) = rules::expected_route(&env.profile, &view, major)?;
        let names: Vec<String> = allowed.iter().map(|l| self.name(l.id)).collect();
        // The 区长 may take up any paper: with them, nothing is misrouted.
        allowed.extend(self.mayor);
        rules::routing(&RouteCheck {
            item: item.clone(),
            received,
            routed,
            routed_name: routed.map(|id| self.name(id)).unwrap_or_default(),
            allowed: allowed.iter().map(|l| l.id).collect(),
            expected_name: names.join(" / "),
            rule,
        })
    }
}
