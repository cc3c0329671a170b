//! 逾期督办: open supervision items, overdue first (by days overdue), then those due within
//! the due-soon threshold; the filter can widen to every open item. Walks
//! `supervision_open_by_deadline` (partial on `state = '办理中'`) in deadline order, only
//! as far as the pane asks (`Filter::limit`); the counts come from the per-day counters,
//! or with a text filter from its matches (`search`).

use super::matched::{self, Key, Pass};
use super::search::{Match, Table};
use super::{Bounds, Due, Filter, Pane, SortKey, parse_day, resort};
use crate::domain::{Env, FeedbackCycle, SupSource};
use crate::error::{DbContext, Result};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

/// One open supervision item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupervisionRow {
    pub id: i64,
    pub ext_id: String,
    pub title: String,
    pub source: SupSource,
    /// The lead (牵头) department's name.
    pub lead_dept: String,
    /// How many co-departments (协办) help.
    pub co_depts: i64,
    pub assigned: NaiveDate,
    /// The current deadline (after extensions) and the rule behind it.
    pub deadline: Due,
    pub extensions: i64,
    pub feedback_cycle: FeedbackCycle,
    pub last_progress_on: Option<NaiveDate>,
    pub last_progress: Option<String>,
    pub recheck_on: Option<NaiveDate>,
    pub urged_count: i64,
}

/// The columns of a row (the co-department and extension counts only for the rows read).
const COLUMNS: &str = "s.id, s.ext_id, s.title, s.source, s.assigned, s.deadline, s.deadline_rule,
       s.deadline_article, s.feedback_cycle, s.last_progress_on, s.last_progress,
       s.recheck_on, s.urged_count, dep.name,
       (SELECT count(*) FROM supervision_co c WHERE c.supervision_id = s.id),
       (SELECT count(*) FROM extensions e WHERE e.supervision_id = s.id)";

/// The open supervision items matching `f`.
pub fn supervision(conn: &Connection, env: &Env, f: &Filter) -> Result<Pane<SupervisionRow>> {
    let b = Bounds::new(env, f);
    // Unless widened, the pane shows overdue and due-soon items only.
    let upper = match (&b.upper, f.all_open) {
        (Some(u), false) => Some(u.clone().min(b.soon.clone())),
        (None, false) => Some(b.soon.clone()),
        (u, true) => u.clone(),
    };
    let found = match super::filter_text(f) {
        Some(t) => Some(Match::new(conn, Table::Supervision, t)?),
        None => None,
    };
    // Each condition a range or a lookup: no `:x IS NULL OR` that would make a scan.
    let mut cond = vec!["s.state = '办理中'".to_string()];
    if let Some(m) = &found {
        cond.push(m.condition(Table::Supervision, "s.id"));
    }
    if upper.is_some() {
        cond.push("s.deadline < :upper".to_string());
    }
    if f.after.is_some() {
        cond.push("(s.deadline, s.id) > (:after_key, :after_id)".to_string());
    }
    let cond = cond.join(" AND ");
    let q = found.as_ref().map(Match::param);
    let after_key = f.after.as_ref().map(|a| a.0.as_str());
    let after_id = f.after.as_ref().map(|a| a.1);
    let limit = i64::try_from(super::fetch_limit(f)).unwrap_or(i64::MAX);
    let params: [(&str, &dyn rusqlite::ToSql); 7] = [
        (":limit", &limit),
        (":q", &q),
        (":upper", &upper),
        (":today", &b.today),
        (":soon", &b.soon),
        (":after_key", &after_key),
        (":after_id", &after_id),
    ];
    // A text filter's matches are read once for both the rows and the counts.
    let top = match &found {
        Some(_) if f.after.is_none() => {
            let from_where = format!("FROM supervision s NOT INDEXED WHERE {cond}");
            let pass = Pass {
                from_where: &from_where,
                id: "s.id",
                overdue: "s.deadline < :today",
                due_soon: "s.deadline >= :today AND s.deadline < :soon",
                order: &[Key {
                    expr: "s.deadline",
                    desc: false,
                }],
            };
            let limit = super::fetch_limit(f);
            Some(matched::top(
                conn,
                &pass,
                &params,
                limit,
                "supervision items",
            )?)
        }
        _ => None,
    };
    // A count alone (`list --count`) reads no rows: preparing the rows' statement was a
    // tenth of that command.
    let (rows, skipped) = if super::fetch_limit(f) == 0 {
        (Vec::new(), Vec::new())
    } else {
        rows_of(conn, env, f, &cond, &params, top.as_ref(), found.is_some())?
    };
    let mut pane = if !f.with_counts {
        Pane {
            rows,
            ..Pane::default()
        }
    } else if let Some(top) = &top {
        top.pane(rows)
    } else if found.is_none() {
        // Without a text filter the counts are sums of the per-day counters.
        let (total, overdue, due_soon) =
            super::counts::of_pane(conn, "supervision", &b, upper.as_deref())?;
        Pane {
            rows,
            total,
            overdue,
            due_soon,
            skipped: Vec::new(),
        }
    } else {
        super::with_counts(
            conn,
            f,
            rows,
            &format!(
                "SELECT count(*), coalesce(sum(s.deadline < :today), 0),
                        coalesce(sum(s.deadline >= :today AND s.deadline < :soon), 0)
                 FROM supervision s NOT INDEXED
                 WHERE {}",
                cond.replace(" AND (s.deadline, s.id) > (:after_key, :after_id)", "")
            ),
            &params,
            "supervision items",
        )?
    };
    pane.skipped = skipped;
    Ok(pane)
}

/// The rows of the pane (up to the filter's limit) and the ones left out as unreadable.
fn rows_of(
    conn: &Connection,
    env: &Env,
    f: &Filter,
    cond: &str,
    params: &[(&str, &dyn rusqlite::ToSql)],
    top: Option<&matched::Top>,
    filtered: bool,
) -> Result<(Vec<SupervisionRow>, Vec<String>)> {
    // The ids whose rows are read, in the pane's order; None: read in deadline order.
    let chosen = matched::chosen(
        conn,
        top,
        sort_key_sql(f.sort)
            .filter(|_| f.after.is_none())
            .map(|k| (f.sort, k)),
        &format!(
            "SELECT s.id FROM supervision s JOIN departments dep ON dep.id = s.lead_dept
             WHERE {cond} ORDER BY s.deadline, s.id LIMIT :limit"
        ),
        params,
        super::fetch_limit(f),
        f.limit,
    )?;
    let ids = chosen.as_ref().map(|ids| matched::ids_param(ids));
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS}
             FROM supervision s {hint}
             JOIN departments dep ON dep.id = s.lead_dept
             WHERE {where_}
             ORDER BY s.deadline, s.id
             LIMIT :limit",
            where_ = if chosen.is_some() {
                "s.id IN (SELECT value FROM json_each(:ids)) AND s.state = '办理中'"
            } else {
                cond
            },
            // A filter's matches drive the read (by id).
            hint = if filtered && chosen.is_none() {
                "NOT INDEXED"
            } else {
                ""
            },
        ))
        .db("preparing the supervision query")?;
    super::bind(&mut stmt, params)?;
    super::bind(&mut stmt, &[(":ids", &ids)])?;
    let raw = super::mapped(stmt.raw_query(), read_raw);
    let mut skipped = Vec::new();
    let raw = super::tolerant(raw, &mut skipped, "supervision items")?;
    let raw = match &chosen {
        Some(ids) => matched::in_order(raw, ids, |r| r.id),
        None => raw,
    };
    let mut rows = Vec::with_capacity(raw.len());
    for r in raw {
        let id = r.ext_id.clone();
        let opt_day = |s: Option<String>, col: &str| -> Result<Option<NaiveDate>> {
            s.map(|s| parse_day(&s, || format!("supervision {id} {col}")))
                .transpose()
        };
        // A row whose dates cannot be read is left out (and reported by the 合规 check).
        let dates = (|| {
            Ok::<_, crate::Error>((
                parse_day(&r.assigned, || format!("supervision {id} assigned"))?,
                parse_day(&r.deadline, || format!("supervision {id} deadline"))?,
                opt_day(r.progress_on.clone(), "last_progress_on")?,
                opt_day(r.recheck.clone(), "recheck_on")?,
            ))
        })();
        let (assigned, deadline, last_progress_on, recheck_on) = match dates {
            Ok(d) => d,
            Err(e) => {
                super::skip(&mut skipped, &id, &e);
                continue;
            }
        };
        rows.push(SupervisionRow {
            id: r.id,
            assigned,
            deadline: Due::new(env, deadline, r.rule, r.article),
            last_progress_on,
            recheck_on,
            ext_id: r.ext_id,
            title: r.title,
            source: r.source,
            lead_dept: r.lead,
            co_depts: r.co,
            extensions: r.ext,
            feedback_cycle: r.cycle,
            last_progress: r.progress,
            urged_count: r.urged,
        });
    }
    resort(
        &mut rows,
        f.sort,
        |r| r.lead_dept.as_str(),
        |r| r.assigned.to_string(),
        |r| r.title.as_str(),
    );
    Ok((rows, skipped))
}

/// For the owner, newest and title orders: the statement reading each candidate's key
/// (`id, key` for the ids bound to `:ids`).
fn sort_key_sql(sort: SortKey) -> Option<String> {
    let key = match sort {
        SortKey::Owner => "dep.name",
        SortKey::Newest => "s.assigned",
        SortKey::Title => "s.title",
        _ => return None,
    };
    Some(format!(
        "SELECT s.id, {key} FROM supervision s JOIN departments dep ON dep.id = s.lead_dept
         WHERE s.id IN (SELECT value FROM json_each(:ids))"
    ))
}

fn read_raw(r: &rusqlite::Row<'_>) -> rusqlite::Result<Raw> {
    Ok(Raw {
        id: r.get(0)?,
        ext_id: r.get(1)?,
        title: r.get(2)?,
        source: r.get(3)?,
        assigned: r.get(4)?,
        deadline: r.get(5)?,
        rule: r.get(6)?,
        article: r.get(7)?,
        cycle: r.get(8)?,
        progress_on: r.get(9)?,
        progress: r.get(10)?,
        recheck: r.get(11)?,
        urged: r.get(12)?,
        lead: r.get(13)?,
        co: r.get(14)?,
        ext: r.get(15)?,
    })
}

struct Raw {
    id: i64,
    ext_id: String,
    title: String,
    source: SupSource,
    assigned: String,
    deadline: String,
    rule: Option<String>,
    article: Option<String>,
    cycle: FeedbackCycle,
    progress_on: Option<String>,
    progress: Option<String>,
    recheck: Option<String>,
    urged: i64,
    lead: String,
    co: i64,
    ext: i64,
}
