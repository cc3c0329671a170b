//! History and search: documents and supervision items in every state (pending, signed,
//! returned; open, closed), narrowed by state, a date range, the leader, the department,
//! the urgency and a text, sorted and cut in SQL (`ORDER BY … LIMIT n`), so "the 50 most
//! urgent" reads 50 rows. Date ranges are half-open ranges on stored `YYYY-MM-DD` text
//! (`received >= ? AND received < ?`), which the `documents_by_received` and state/due
//! indexes answer. Title order is pinyin order (the `PINYIN` collation).

use super::like_pattern;
use crate::domain::Urgency;
use crate::error::{DbContext, Result};
use crate::i18n::Named;
use chrono::NaiveDate;
use rusqlite::{Connection, ToSql};
use serde::Serialize;

/// Which items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Of {
    Documents,
    Supervision,
}

/// The order of a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// By deadline, earliest first.
    #[default]
    Due,
    /// Most urgent first (特急重要, 特急, 加急, 一般), then by deadline.
    Urgency,
    /// Newest received (assigned) first.
    Received,
    /// By title in pinyin order.
    Title,
}

/// What a search asks for; row ids already resolved (leader, department).
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// States by their stored (Chinese) names; empty: every state.
    pub states: Vec<String>,
    /// Received (documents) or assigned (supervision) on or after.
    pub since: Option<NaiveDate>,
    /// … and on or before.
    pub until: Option<NaiveDate>,
    pub leader: Option<i64>,
    pub dept: Option<i64>,
    pub urgency: Option<Urgency>,
    pub text: Option<String>,
    pub sort: Sort,
    pub limit: Option<usize>,
}

/// One item found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    pub id: i64,
    pub ext_id: String,
    pub title: String,
    pub state: String,
    /// Received (documents) or assigned (supervision).
    pub since: String,
    pub due: String,
    pub urgency: Option<String>,
    /// The routed leader (documents) or the lead department's name (supervision).
    pub who: Option<String>,
    /// The sender (documents) or the lead department (supervision).
    pub dept: Option<String>,
}

/// Items matching `s`, in its order, at most `s.limit`.
pub fn search(conn: &Connection, of: Of, s: &Search) -> Result<Vec<Found>> {
    crate::names::register_collation(conn).db("registering the pinyin order")?;
    let (base, since_col, due_col) = match of {
        Of::Documents => (
            "SELECT d.id, d.ext_id, d.title, d.state, d.received, d.due, d.urgency, p.name, dep.name
             FROM documents d
             LEFT JOIN people p ON p.id = d.leader_id
             LEFT JOIN departments dep ON dep.id = d.from_dept WHERE 1 = 1",
            "d.received",
            "d.due",
        ),
        Of::Supervision => (
            "SELECT d.id, d.ext_id, d.title, d.state, d.assigned, d.deadline, NULL, NULL, dep.name
             FROM supervision d
             JOIN departments dep ON dep.id = d.lead_dept WHERE 1 = 1",
            "d.assigned",
            "d.deadline",
        ),
    };
    let mut sql = base.to_string();
    let mut args: Vec<Box<dyn ToSql>> = Vec::new();
    // Each `?` of a clause becomes the one parameter pushed with it.
    fn arg(sql: &mut String, args: &mut Vec<Box<dyn ToSql>>, clause: &str, v: Box<dyn ToSql>) {
        args.push(v);
        sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
    }
    if !s.states.is_empty() {
        sql.push_str(" AND d.state IN (");
        for (i, st) in s.states.iter().enumerate() {
            let sep = if i == 0 { "?" } else { ", ?" };
            arg(&mut sql, &mut args, sep, Box::new(st.clone()));
        }
        sql.push(')');
    }
    if let Some(d) = s.since {
        let c = format!(" AND {since_col} >= ?");
        arg(&mut sql, &mut args, &c, Box::new(d.to_string()));
    }
    if let Some(d) = s.until.and_then(|d| d.succ_opt()) {
        let c = format!(" AND {since_col} < ?");
        arg(&mut sql, &mut args, &c, Box::new(d.to_string()));
    }
    if let (Of::Documents, Some(l)) = (of, s.leader) {
        arg(&mut sql, &mut args, " AND d.leader_id = ?", Box::new(l));
    }
    match (of, s.dept) {
        (Of::Documents, Some(d)) => arg(&mut sql, &mut args, " AND d.from_dept = ?", Box::new(d)),
        (Of::Supervision, Some(d)) => arg(
            &mut sql,
            &mut args,
            " AND (d.lead_dept = ? OR EXISTS (SELECT 1 FROM supervision_co c
                 WHERE c.supervision_id = d.id AND c.dept_id = ?))",
            Box::new(d),
        ),
        (_, None) => {}
    }
    if let (Of::Documents, Some(u)) = (of, s.urgency) {
        arg(
            &mut sql,
            &mut args,
            " AND d.urgency = ?",
            Box::new(u.zh().to_string()),
        );
    }
    if let Some(pat) = like_pattern(s.text.as_deref()) {
        arg(
            &mut sql,
            &mut args,
            " AND (d.title LIKE ? ESCAPE '\\' OR d.ext_id LIKE ? ESCAPE '\\'
                 OR dep.name LIKE ? ESCAPE '\\')",
            Box::new(pat),
        );
    }
    let urgency_rank = "CASE d.urgency WHEN '特急重要' THEN 0 WHEN '特急' THEN 1
                        WHEN '加急' THEN 2 ELSE 3 END";
    sql.push_str(&match (s.sort, of) {
        (Sort::Due, _) | (Sort::Urgency, Of::Supervision) => {
            format!(" ORDER BY {due_col}, d.id")
        }
        (Sort::Urgency, Of::Documents) => format!(" ORDER BY {urgency_rank}, d.due, d.id"),
        (Sort::Received, _) => format!(" ORDER BY {since_col} DESC, d.id DESC"),
        (Sort::Title, _) => " ORDER BY d.title COLLATE PINYIN, d.id".to_string(),
    });
    if let Some(n) = s.limit {
        sql.push_str(&format!(" LIMIT {}", i64::try_from(n).unwrap_or(i64::MAX)));
    }
    let mut stmt = conn.prepare(&sql).db("preparing the history search")?;
    let params: Vec<&dyn ToSql> = args.iter().map(|b| b.as_ref()).collect();
    stmt.query_map(params.as_slice(), |r| {
        Ok(Found {
            id: r.get(0)?,
            ext_id: r.get(1)?,
            title: r.get(2)?,
            state: r.get(3)?,
            since: r.get(4)?,
            due: r.get(5)?,
            urgency: r.get(6)?,
            who: r.get(7)?,
            dept: r.get(8)?,
        })
    })
    .db("searching the history")?
    .collect::<rusqlite::Result<Vec<_>>>()
    .db("searching the history")
}
