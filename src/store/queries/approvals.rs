//! 待批公文: documents awaiting a leader. Priority order (the board's default): overdue
//! before due, then 特急重要 > 特急 > 加急 > 一般, then working days left; or deadline
//! order, or by 紧急程度. Only pending documents are read, through
//! `documents_pending_by_due` (partial on `state = '待批'`): deadline order walks it in
//! order; the priority and urgency orders sort that open set (hundreds of rows, never
//! the history) in a temporary B-tree, so rows and counts come from the same predicate.

use super::{
    Bounds, Due, Filter, Pane, PersonRef, SortKey, like_pattern, parse_day, resort, urgency_rank,
    with_counts,
};
use crate::domain::compliance::documents::silence_is_consent;
use crate::domain::{CountersignAnswer, DocKind, Env, Urgency, deadline};
use crate::error::{DbContext, Result};
use crate::i18n::Named;
use chrono::NaiveDate;
use rusqlite::{Connection, named_params};
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

const FILTER: &str = "d.state = '待批'
  AND (:pat IS NULL OR d.title LIKE :pat ESCAPE '\\' OR d.doc_no LIKE :pat ESCAPE '\\'
       OR dep.name LIKE :pat ESCAPE '\\' OR p.name LIKE :pat ESCAPE '\\' OR p.login LIKE :pat ESCAPE '\\')
  AND (:upper IS NULL OR d.due < :upper)";

/// The pending documents matching `f`.
pub fn approvals(conn: &Connection, env: &Env, f: &Filter) -> Result<Pane<ApprovalRow>> {
    let b = Bounds::new(env, f);
    let pat = like_pattern(f.text.as_deref());
    // Silence past the limit is counted as deemed on read (as of `env.today()`), never
    // recorded by it: a pinned later day shows more deemed, an earlier one fewer.
    let silence_is_consent = silence_is_consent(env).is_some();
    let sql = format!(
        "SELECT d.id, d.ext_id, d.doc_no, d.title, d.kind, d.urgency, d.received, d.due,
                d.due_rule, d.due_article, d.urged_count, dep.name, p.id, p.login, p.name,
                (SELECT count(*) FROM countersigns c WHERE c.document_id = d.id),
                (SELECT count(*) FROM countersigns c WHERE c.document_id = d.id AND c.answer IS NOT NULL),
                (SELECT count(*) FROM countersigns c WHERE c.document_id = d.id AND c.answer = :deemed),
                (SELECT count(*) FROM countersigns c WHERE c.document_id = d.id AND c.answer IS NULL AND c.due < :today)
         FROM documents d
         LEFT JOIN departments dep ON dep.id = d.from_dept
         LEFT JOIN people p ON p.id = d.leader_id
         WHERE {FILTER} AND (:after_key IS NULL OR (d.due, d.id) > (:after_key, :after_id))
         ORDER BY {order}
         LIMIT :limit",
        order = order_by(f.sort)
    );
    let mut stmt = conn
        .prepare_cached(&sql)
        .db("preparing the approvals query")?;
    let limit = i64::try_from(f.limit).unwrap_or(i64::MAX);
    let raw = stmt
        .query_map(
            named_params! {":pat": pat, ":upper": b.upper, ":today": b.today, ":limit": limit, ":after_key": f.after.as_ref().map(|a| &a.0), ":after_id": f.after.as_ref().map(|a| a.1),
                           ":deemed": CountersignAnswer::Deemed.zh()},
            |r| {
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
            },
        )
        .db("reading pending documents")?;
    let mut skipped = Vec::new();
    let raw = super::tolerant(raw, &mut skipped, "pending documents")?;
    let away = super::header::away_today(conn, env)?;
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
            Some(l) if away.iter().any(|a| a.person.id == l.id) => {
                super::stand_in_for(conn, env, l.id)?
            }
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
    let mut pane = with_counts(
        conn,
        f,
        rows,
        &format!(
            "SELECT count(*), coalesce(sum(d.due < :today), 0),
                    coalesce(sum(d.due >= :today AND d.due < :soon), 0)
             FROM documents d
             LEFT JOIN departments dep ON dep.id = d.from_dept
             LEFT JOIN people p ON p.id = d.leader_id
             WHERE {FILTER}"
        ),
        named_params! {":pat": like_pattern(f.text.as_deref()), ":upper": b.upper,
        ":today": b.today, ":soon": b.soon},
        "pending documents",
    )?;
    pane.skipped = skipped;
    Ok(pane)
}

/// The ORDER BY of the rows for a sort (keyset paging uses deadline order).
fn order_by(sort: SortKey) -> String {
    match sort {
        SortKey::Priority => format!(
            "(d.due < :today) DESC, {}, d.due, d.id",
            urgency_rank("d.urgency")
        ),
        SortKey::Urgency => format!("{}, d.due, d.id", urgency_rank("d.urgency")),
        _ => "d.due, d.id".to_string(),
    }
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
