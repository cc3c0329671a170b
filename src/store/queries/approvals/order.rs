//! The orders of 待批公文: which statements read the rows in the priority, urgency and
//! deadline orders; the first rows of a text filter's matches; the keys of the owner,
//! newest and title orders.

use super::super::matched::{self, Key, Pass};
use super::super::{Filter, SortKey, urgency_rank};
use crate::error::Result;
use rusqlite::Connection;

/// The urgencies from most to least urgent: the priority and urgency orders read each
/// one's first rows through `documents_pending_by_urgency`.
const URGENCIES: [&str; 4] = ["特急重要", "特急", "加急", "一般"];

/// The first `limit` matches of a text filter in the pane's order, with their counts.
pub(super) fn filtered_top(
    conn: &Connection,
    f: &Filter,
    cond: &str,
    params: &[(&str, &dyn rusqlite::ToSql)],
    limit: usize,
) -> Result<matched::Top> {
    let rank = urgency_rank("d.urgency");
    let key = |expr, desc| Key { expr, desc };
    let order = match f.sort {
        SortKey::Priority => vec![
            key("d.due < :today", true),
            key(&rank, false),
            key("d.due", false),
        ],
        SortKey::Urgency => vec![key(&rank, false), key("d.due", false)],
        _ => vec![key("d.due", false)],
    };
    let from_where = format!("FROM documents d NOT INDEXED WHERE {cond}");
    let pass = Pass {
        from_where: &from_where,
        id: "d.id",
        overdue: "d.due < :today",
        due_soon: "d.due >= :today AND d.due < :soon",
        order: &order,
    };
    matched::top(conn, &pass, params, limit, "pending documents")
}

/// For the owner, newest and title orders: the statement reading each candidate's key
/// (`id, key` for the ids bound to `:ids`).
pub(super) fn sort_key_sql(sort: SortKey) -> Option<String> {
    let (key, join) = match sort {
        SortKey::Owner => (
            "coalesce(p.name, '')",
            "LEFT JOIN people p ON p.id = d.leader_id",
        ),
        SortKey::Newest => ("d.received", ""),
        SortKey::Title => ("d.title", ""),
        _ => return None,
    };
    Some(format!(
        "SELECT d.id, {key} FROM documents d {join}
         WHERE d.id IN (SELECT value FROM json_each(:ids))"
    ))
}

/// The statements that read the rows, in order, each with its extra condition and its
/// ORDER BY: one range per urgency (and per side of today) for the priority and urgency
/// orders, so the first rows come off an index instead of a sort of every open
/// document; one statement in deadline order otherwise. (A text filter's first rows are
/// taken from its matches, `filtered_top`.)
pub(super) fn parts(f: &Filter) -> Vec<(String, String)> {
    let rank = urgency_rank("d.urgency");
    let by_due = || ("".to_string(), "d.due, d.id".to_string());
    if f.after.is_some() {
        return vec![(
            " AND (d.due, d.id) > (:after_key, :after_id)".to_string(),
            "d.due, d.id".to_string(),
        )];
    }
    match f.sort {
        SortKey::Priority => {
            let mut v = Vec::new();
            for side in ["d.due < :today", "d.due >= :today"] {
                for u in URGENCIES {
                    v.push((
                        format!(" AND {side} AND d.urgency = '{u}'"),
                        "d.due, d.id".to_string(),
                    ));
                }
            }
            v.push((" AND d.due IS NULL".to_string(), format!("{rank}, d.id")));
            v
        }
        SortKey::Urgency => URGENCIES
            .iter()
            .map(|u| (format!(" AND d.urgency = '{u}'"), "d.due, d.id".to_string()))
            .collect(),
        _ => vec![by_due()],
    }
}
