//! 收文登记: a document that arrives (by fax, by hand, by the exchange system) registered at
//! the keyboard. It is written exactly as an imported one — routed by the district's rules
//! (`domain::routing`), its approval deadline computed (`domain::deadline`) — under an
//! external id of its own (`SW-2026-0001`), with one audit row naming who registered it.

use super::snapshot::{self, Table};
use super::{Done, Record, actor};
use crate::command::register::{self, Audit};
use crate::command::resolve;
use crate::domain::{DocKind, Env, Secrecy, Urgency};
use crate::error::{DbContext, Error, Result};
use crate::interchange::record::Document;
use crate::store::queries::detail::document::route_text;
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

/// What the registering clerk types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub title: String,
    pub kind: DocKind,
    pub urgency: Urgency,
    /// The sending department (a picker: name, short name, id, initials); None for a
    /// higher authority's paper, which routing sends to the 区长.
    pub from: Option<String>,
    /// The day it arrived; today when None. Not in the future.
    pub received: Option<NaiveDate>,
    /// 文号.
    pub doc_no: Option<String>,
    pub secrecy: Option<Secrecy>,
    /// Number of attachments (附件).
    pub attachments: u32,
    /// A major matter (重大事项): routed to the 区长 where the district says so.
    pub major: bool,
}

impl Incoming {
    /// A document with only its title, kind and urgency; the rest left out.
    pub fn new(title: &str, kind: DocKind, urgency: Urgency) -> Incoming {
        Incoming {
            title: title.to_string(),
            kind,
            urgency,
            from: None,
            received: None,
            doc_no: None,
            secrecy: None,
            attachments: 0,
            major: false,
        }
    }
}

/// The next free `SW-YYYY-NNNN` of the year the document arrived.
fn next_id(tx: &Connection, year: i32) -> Result<String> {
    let prefix = format!("SW-{year}-");
    let last: Option<String> = tx
        .prepare_cached(
            "SELECT MAX(ext_id) FROM documents WHERE ext_id >= ?1 AND ext_id < ?1 || '~'",
        )
        .db("preparing the registration number")?
        .query_row([&prefix], |r| r.get(0))
        .db("reading the last registration number")?;
    let n = last
        .as_deref()
        .and_then(|s| s.strip_prefix(&prefix))
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(0);
    Ok(format!("{prefix}{:04}", n + 1))
}

/// Registers `inc`: checks it, routes it, computes its deadline, and records who did it.
pub fn receive(tx: &Connection, env: &Env, inc: &Incoming) -> Result<Done> {
    let me = actor(tx, env)?;
    let title = inc.title.trim();
    if title.is_empty() {
        return Err(Error::refused("请填写标题", "a title is required"));
    }
    let received = inc.received.unwrap_or_else(|| env.today());
    if received > env.today() {
        return Err(Error::refused(
            format!("收文日期 {received} 晚于今天"),
            format!("the day received, {received}, is after today"),
        ));
    }
    let from = match inc.from.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        Some(f) => {
            let id = resolve::department(tx, f)?;
            let ext: String = tx
                .prepare_cached("SELECT ext_id FROM departments WHERE id = ?1")
                .db("preparing the department lookup")?
                .query_row([id], |r| r.get(0))
                .db("reading the department")?;
            Some(ext)
        }
        None => None,
    };
    let ext_id = next_id(tx, received.year())?;
    let rec = Document {
        id: ext_id.clone(),
        title: title.to_string(),
        kind: inc.kind,
        urgency: inc.urgency,
        from,
        received,
        leader: None,
        route: None,
        doc_no: inc.doc_no.clone().filter(|n| !n.trim().is_empty()),
        secrecy: inc.secrecy,
        major: Some(inc.major),
        matters: None,
        carries_request: None,
        countersign: None,
        state: None,
        signed_on: None,
        signed_by: None,
        instruction: None,
        return_reason: None,
        printed_on: None,
        published_on: None,
        urged_count: None,
        last_urged_at: None,
        notices: None,
        needed_by: None,
        urgent_reason: None,
    };
    let id = register::upsert_document(tx, env, &rec, Audit::Batch)?.id();
    tx.prepare_cached("UPDATE documents SET attachments = ?2 WHERE id = ?1")
        .db("preparing the attachments")?
        .execute(rusqlite::params![id, inc.attachments])
        .db("recording the attachments")?;
    let after = snapshot::row(tx, Table::Document, id)?;
    let (leader, due, route): (Option<String>, String, String) = tx
        .prepare_cached(
            "SELECT p.name, d.due, d.route FROM documents d
             LEFT JOIN people p ON p.id = d.leader_id WHERE d.id = ?1",
        )
        .db("preparing the routed document")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .db("reading the routed document")?;
    let why = route_text(env, Some(&route));
    let (to_zh, to_en) = match &leader {
        Some(l) => (format!("呈{l}"), format!("to {l}")),
        None => (
            "无可呈批领导".to_string(),
            "no leader to route to".to_string(),
        ),
    };
    Record {
        action: "receive",
        entity: "document",
        id,
        zh: format!(
            "{}登记收文 {ext_id}《{title}》，{to_zh}（{}），{due} 前批",
            me.name, why.zh
        ),
        en: format!(
            "{} registered {ext_id} “{title}”, {to_en} ({}), due {due}",
            me.name, why.en
        ),
        before: None,
        after,
        acted_for: None,
    }
    .commit(tx, env)
}
