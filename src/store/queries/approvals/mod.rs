//! 待批公文: documents awaiting a leader. Priority order (the board's default): overdue
//! before due, then 特急重要 > 特急 > 加急 > 一般, then working days left; or deadline
//! order, or by 紧急程度. Only pending documents are read, and only as many as the pane
//! asks for (`Filter::limit`: what the screen shows plus a margin): deadline order walks
//! `documents_pending_by_due`, the priority and urgency orders walk
//! `documents_pending_by_urgency` one urgency (and side of today) at a time, so the first
//! rows never wait for a sort of every open document. The counts come from the per-day
//! counters (`counts`), or with a text filter from its matches (`search`).

mod order;

use super::matched;
use super::search::{Match, Table};
use super::{Bounds, Due, Filter, Pane, PersonRef, parse_day, resort};
use crate::domain::compliance::documents::silence_is_consent;
use crate::domain::{CountersignAnswer, DocKind, Env, Urgency, deadline};
use crate::error::{DbContext, Result};
use crate::i18n::Named;
use chrono::NaiveDate;
use order::{filtered_top, parts, sort_key_sql};
use rusqlite::Connection;
use serde::Serialize;

/// One pending document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApprovalRow {
    pub id: i64,
    pub ext_id: String,
    pub doc_no: String,
    pub title: String,
    pub kind: DocKind,
    pub urgency: Urgency,
    /// The sending department's name.
    pub from_dept: Option<String>,
    pub received: NaiveDate,
    /// The leader it is routed to.
    pub leader: Option<PersonRef>,
    /// Who acts for that leader while they are away today.
    pub stand_in: Option<PersonRef>,
    pub due: Due,
    pub countersign: CountersignStatus,
    pub urged_count: i64,
}

/// Countersign (会签) replies: answered of total, and how many were deemed (silence past
/// the reply limit where the district counts it as no objection).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct CountersignStatus {
    pub answered: i64,
    pub total: i64,
    pub deemed: i64,
}

/// The columns of a row (the countersign counts only for the few rows fetched).
const COLUMNS: &str = "d.id, d.ext_id, d.doc_no, d.title, d.kind, d.urgency, d.received, d.due,
       d.due_rule, d.due_article, d.urged_count, dep.name, p.id, p.login, p.name,
       (SELECT count(*) FROM countersigns c WHERE c.document_id = d.id),
       (SELECT count(*) FROM countersigns c WHERE c.document_id = d.id AND c.answer IS NOT NULL),
       (SELECT count(*) FROM countersigns c WHERE c.document_id = d.id AND c.answer = :deemed),
       (SELECT count(*) FROM countersigns c WHERE c.document_id = d.id AND c.answer IS NULL AND c.due < :today)";

/// The pending documents matching `f`.
pub fn approvals(conn: &Connection, env: &Env, f: &Filter) -> Result<Pane<ApprovalRow>> {
    let b = Bounds::new(env, f);
    let text = super::filter_text(f);
    let found = match text {
        Some(t) => Some(Match::new(conn, Table::Documents, t)?),
        None => None,
    };
    // The conditions every statement shares: each one a range or a lookup, no
    // `:x IS NULL OR` that would turn a range into a scan.
    let mut cond = vec!["d.state = '待批'".to_string()];
    if let Some(m) = &found {
        cond.push(m.condition(Table::Documents, "d.id"));
    }
    if b.upper.is_some() {
        cond.push("d.due < :upper".to_string());
    }
    let cond = cond.join(" AND ");
    let q = found.as_ref().map(Match::param);
    // Silence past the limit is counted as deemed on read (as of `env.today()`), never
    // recorded by it: a pinned later day shows more deemed, an earlier one fewer.
    let silence_is_consent = silence_is_consent(env).is_some();
    let deemed = CountersignAnswer::Deemed.zh();
    let after_key = f.after.as_ref().map(|a| a.0.as_str());
    let after_id = f.after.as_ref().map(|a| a.1);
    let params: [(&str, &dyn rusqlite::ToSql); 7] = [
        (":q", &q),
        (":upper", &b.upper),
        (":today", &b.today),
        (":deemed", &deemed),
        (":after_key", &after_key),
        (":after_id", &after_id),
        (":soon", &b.soon),
    ];
    let limit = super::fetch_limit(f);
    let mut skipped = Vec::new();
    let mut raw = Vec::new();
    // A text filter's matches are read once for both the rows and the counts.
    let top = match &found {
        Some(_) if f.after.is_none() => Some(filtered_top(conn, f, &cond, &params, limit)?),
        _ => None,
    };
    // The ids whose rows are read, in the pane's order; None: read by `parts`.
    let chosen = matched::chosen(
        conn,
        top.as_ref(),
        sort_key_sql(f.sort)
            .filter(|_| f.after.is_none())
            .map(|k| (f.sort, k)),
        &format!("SELECT d.id FROM documents d WHERE {cond} ORDER BY d.due, d.id LIMIT :limit"),
        &params,
        limit,
        f.limit,
    )?;
    if let Some(ids) = &chosen {
        let mut stmt = conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS}
                 FROM documents d
                 LEFT JOIN departments dep ON dep.id = d.from_dept
                 LEFT JOIN people p ON p.id = d.leader_id
                 WHERE d.id IN (SELECT value FROM json_each(:ids)) AND d.state = '待批'"
            ))
            .db("preparing the approvals query")?;
        super::bind(&mut stmt, &params)?;
        let list = matched::ids_param(ids);
        super::bind(&mut stmt, &[(":ids", &list)])?;
        let rows = super::mapped(stmt.raw_query(), read_raw);
        let read = super::tolerant(rows, &mut skipped, "pending documents")?;
        raw = matched::in_order(read, ids, |r| r.id);
    }
    let reads = if chosen.is_some() {
        Vec::new()
    } else {
        parts(f)
    };
    for (part, order) in reads {
        let want = limit.saturating_sub(raw.len());
        if want == 0 {
            break;
        }
        let sql = format!(
            "SELECT {COLUMNS}
             FROM documents d {hint}
             LEFT JOIN departments dep ON dep.id = d.from_dept
             LEFT JOIN people p ON p.id = d.leader_id
             WHERE {cond}{part}
             ORDER BY {order}
             LIMIT :limit",
            // A filter's matches drive the read (by id), whatever the order.
            hint = if found.is_some() { "NOT INDEXED" } else { "" },
        );
        let mut stmt = conn
            .prepare_cached(&sql)
            .db("preparing the approvals query")?;
        super::bind(&mut stmt, &params)?;
        let want = i64::try_from(want).unwrap_or(i64::MAX);
        super::bind(&mut stmt, &[(":limit", &want)])?;
        let rows = super::mapped(stmt.raw_query(), read_raw);
        raw.extend(super::tolerant(rows, &mut skipped, "pending documents")?);
    }
    let away = super::header::away_today(conn, env)?;
    // Who stands in, looked up once per away leader (a window holds many of their rows).
    let mut stand_ins: std::collections::HashMap<i64, Option<PersonRef>> =
        std::collections::HashMap::new();
    let mut rows = Vec::with_capacity(raw.len());
    for r in raw {
        // A row whose dates cannot be read is left out (and reported by the 合规 check),
        // never a failed pane.
        let received = match parse_day(&r.received, || format!("document {} received", r.ext_id))
            .and_then(|d| crate::clock::check_range("received", d))
        {
            Ok(d) => d,
            Err(e) => {
                super::skip(&mut skipped, &r.ext_id, &e);
                continue;
            }
        };
        // A due date is written with the row; one imported without it is computed here.
        let due = match r.due {
            Some(s) => match parse_day(&s, || format!("document {} due", r.ext_id)) {
                Ok(d) => Due::new(env, d, r.rule, r.article),
                Err(e) => {
                    super::skip(&mut skipped, &r.ext_id, &e);
                    continue;
                }
            },
            None => {
                let d = deadline::approval(env, r.urgency, received);
                Due::new(env, d.due, Some(d.rule), d.article)
            }
        };
        let stand_in = match &r.leader {
            Some(l) if away.iter().any(|a| a.person.id == l.id) => match stand_ins.get(&l.id) {
                Some(s) => s.clone(),
                None => {
                    let s = super::stand_in_for(conn, env, l.id)?;
                    stand_ins.insert(l.id, s.clone());
                    s
                }
            },
            _ => None,
        };
        let [total, answered, deemed, silent_past_due] = r.cs;
        let extra = if silence_is_consent {
            silent_past_due
        } else {
            0
        };
        rows.push(ApprovalRow {
            id: r.id,
            ext_id: r.ext_id,
            doc_no: r.doc_no,
            title: r.title,
            kind: r.kind,
            urgency: r.urgency,
            from_dept: r.dept,
            received,
            leader: r.leader,
            stand_in,
            due,
            countersign: CountersignStatus {
                answered: answered + extra,
                total,
                deemed: deemed + extra,
            },
            urged_count: r.urged_count,
        });
    }
    resort(
        &mut rows,
        f.sort,
        |r| r.leader.as_ref().map_or("", |p| p.name.as_str()),
        |r| r.received.to_string(),
        |r| r.title.as_str(),
    );
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
            super::counts::of_pane(conn, "approvals", &b, b.upper.as_deref())?;
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
                "SELECT count(*), coalesce(sum(d.due < :today), 0),
                        coalesce(sum(d.due >= :today AND d.due < :soon), 0)
                 FROM documents d NOT INDEXED WHERE {cond}"
            ),
            &params,
            "pending documents",
        )?
    };
    pane.skipped = skipped;
    Ok(pane)
}

fn read_raw(r: &rusqlite::Row<'_>) -> rusqlite::Result<Raw> {
    Ok(Raw {
        id: r.get(0)?,
        ext_id: r.get(1)?,
        doc_no: r.get(2)?,
        title: r.get(3)?,
        kind: r.get(4)?,
        urgency: r.get(5)?,
        received: r.get(6)?,
        due: r.get(7)?,
        rule: r.get(8)?,
        article: r.get(9)?,
        urged_count: r.get(10)?,
        dept: r.get(11)?,
        leader: match r.get::<_, Option<i64>>(12)? {
            Some(id) => Some(PersonRef {
                id,
                login: r.get(13)?,
                name: r.get(14)?,
            }),
            None => None,
        },
        cs: [r.get(15)?, r.get(16)?, r.get(17)?, r.get(18)?],
    })
}

/// How many countersign requests on documents awaiting approval count as deemed no
/// objection as of `env.today()` without a stored answer (0 where silence is not consent):
/// what the board's status line reports at start and after `:goto`.
pub fn deemed_on_read(conn: &Connection, env: &Env) -> Result<i64> {
    if silence_is_consent(env).is_none() {
        return Ok(0);
    }
    conn.prepare_cached(
        "SELECT count(*) FROM countersigns c JOIN documents d ON d.id = c.document_id
         WHERE c.answer IS NULL AND c.due < ?1 AND d.state = '待批'",
    )
    .db("preparing the deemed countersign count")?
    .query_row([crate::clock::fmt_date(env.today())], |r| r.get(0))
    .db("counting countersign requests deemed on read")
}

struct Raw {
    id: i64,
    ext_id: String,
    doc_no: String,
    title: String,
    kind: DocKind,
    urgency: Urgency,
    received: String,
    due: Option<String>,
    rule: Option<String>,
    article: Option<String>,
    urged_count: i64,
    dept: Option<String>,
    leader: Option<PersonRef>,
    cs: [i64; 4],
}
