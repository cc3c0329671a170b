//! Actions on documents awaiting approval: sign (签批), return (退回), forward (转送),
//! urge (催办).

use super::snapshot::{self, Table};
use super::{Done, Record, actor, name_of, required, with_note};
use crate::domain::permission::{self, Capacity};
use crate::domain::{DocState, Env};
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use crate::store::Store;
use crate::store::people;
use rusqlite::{Connection, OptionalExtension, params};

/// The parts of a document row the actions look at.
struct Doc {
    id: i64,
    title: String,
    state: DocState,
    leader_id: Option<i64>,
    urged_count: i64,
}

fn load(conn: &Connection, id: i64) -> Result<Doc> {
    conn.prepare_cached(
        "SELECT id, title, state, leader_id, urged_count FROM documents WHERE id = ?1",
    )
    .db("preparing the document query")?
    .query_row([id], |r| {
        Ok(Doc {
            id: r.get(0)?,
            title: r.get(1)?,
            state: r.get(2)?,
            leader_id: r.get(3)?,
            urged_count: r.get(4)?,
        })
    })
    .optional()
    .db(format!("reading document {id}"))?
    .ok_or_else(|| Error::NotFound(format!("document id {id}")))
}

/// Only a pending (待批) document can be acted on.
fn pending(doc: &Doc, zh_verb: &str, en_verb: &str) -> Result<()> {
    if doc.state == DocState::Pending {
        return Ok(());
    }
    Err(Error::refused(
        format!(
            "公文《{}》{}，只有待批公文可以{zh_verb}",
            doc.title,
            doc.state.zh()
        ),
        format!(
            "document “{}” is already {}; only pending documents can be {en_verb}",
            doc.title,
            doc.state.en()
        ),
    ))
}

/// Who stands in today for the leader the document is routed to, if anyone.
fn standin(conn: &Connection, env: &Env, leader: Option<i64>) -> Result<Option<i64>> {
    match leader {
        Some(l) => Ok(people::acting_for(conn, env, l, env.today())?.map(|p| p.id)),
        None => Ok(None),
    }
}

/// "（代张三）" / " (for 张三)" when acting as a stand-in.
fn for_whom(cap: Capacity, leader: &str) -> (String, String) {
    if cap == Capacity::StandIn {
        (format!("（代{leader}）"), format!(" (for {leader})"))
    } else {
        (String::new(), String::new())
    }
}

/// Signs a pending document with an instruction (批示; may be empty for a plain 圈阅).
/// The routed leader signs, or their stand-in while they are away ("代签").
pub fn sign(store: &mut Store, env: &Env, doc_id: i64, instruction: &str) -> Result<Done> {
    store.write(|tx| {
        let me = actor(tx, env)?;
        let doc = load(tx, doc_id)?;
        pending(&doc, "签批", "signed")?;
        let cap = permission::may_sign(&me.who(), doc.leader_id, standin(tx, env, doc.leader_id)?)?;
        let at = env.now_str();
        let text = instruction.trim();
        let before = snapshot::row(tx, Table::Document, doc.id)?;
        tx.prepare_cached(
            "UPDATE documents SET state = ?2, signed_on = ?3, signed_by = ?4, instruction = ?5,
             updated_at = ?6 WHERE id = ?1",
        )
        .db("preparing the signature")?
        .execute(params![
            doc.id,
            DocState::Signed,
            crate::clock::fmt_date(env.today()),
            me.id,
            (!text.is_empty()).then_some(text),
            at
        ])
        .db(format!("signing document {}", doc.id))?;
        let after = snapshot::row(tx, Table::Document, doc.id)?;
        let leader = name_of(tx, doc.leader_id)?;
        let (note_zh, note_en) = with_note(text);
        let (zh, en) = if cap == Capacity::StandIn {
            (
                format!("{}代签（代{leader}）《{}》{note_zh}", me.name, doc.title),
                format!(
                    "{} signed “{}” for {leader} (stand-in){note_en}",
                    me.name, doc.title
                ),
            )
        } else {
            (
                format!("{}签批《{}》{note_zh}", me.name, doc.title),
                format!("{} signed “{}”{note_en}", me.name, doc.title),
            )
        };
        Record {
            action: "sign",
            entity: "document",
            id: doc.id,
            zh,
            en,
            before,
            after,
        }
        .commit(tx, env)
    })
}

/// Returns a pending document to its department with a reason.
pub fn return_document(store: &mut Store, env: &Env, doc_id: i64, reason: &str) -> Result<Done> {
    store.write(|tx| {
        let me = actor(tx, env)?;
        let doc = load(tx, doc_id)?;
        pending(&doc, "退回", "returned")?;
        let reason = required(reason, "退回理由", "reason for returning")?;
        let cap =
            permission::may_return(&me.who(), doc.leader_id, standin(tx, env, doc.leader_id)?)?;
        let at = env.now_str();
        let before = snapshot::row(tx, Table::Document, doc.id)?;
        tx.prepare_cached(
            "UPDATE documents SET state = ?2, return_reason = ?3, updated_at = ?4 WHERE id = ?1",
        )
        .db("preparing the return")?
        .execute(params![doc.id, DocState::Returned, reason, at])
        .db(format!("returning document {}", doc.id))?;
        let after = snapshot::row(tx, Table::Document, doc.id)?;
        let (for_zh, for_en) = for_whom(cap, &name_of(tx, doc.leader_id)?);
        Record {
            action: "return",
            entity: "document",
            id: doc.id,
            zh: format!("{}{for_zh}退回《{}》：{reason}", me.name, doc.title),
            en: format!("{}{for_en} returned “{}”: {reason}", me.name, doc.title),
            before,
            after,
        }
        .commit(tx, env)
    })
}

/// Forwards a pending document to another leader (`to_login`).
pub fn forward(
    store: &mut Store,
    env: &Env,
    doc_id: i64,
    to_login: &str,
    note: &str,
) -> Result<Done> {
    store.write(|tx| {
        let me = actor(tx, env)?;
        let doc = load(tx, doc_id)?;
        pending(&doc, "转送", "forwarded")?;
        let target = people::find_by_login(tx, to_login)?.ok_or_else(|| {
            Error::refused(
                format!("没有登录名为“{to_login}”的人员"),
                format!("nobody has the login '{to_login}'"),
            )
        })?;
        if doc.leader_id == Some(target.id) {
            return Err(Error::refused(
                format!("公文《{}》已在{}处", doc.title, target.name),
                format!("document “{}” is already with {}", doc.title, target.name),
            ));
        }
        let standin = standin(tx, env, doc.leader_id)?;
        let cap = permission::may_forward(&me.who(), doc.leader_id, standin, &target.who())?;
        let at = env.now_str();
        let before = snapshot::row(tx, Table::Document, doc.id)?;
        tx.prepare_cached(
            "UPDATE documents SET leader_id = ?2, route = 'forwarded', updated_at = ?3
             WHERE id = ?1",
        )
        .db("preparing the forward")?
        .execute(params![doc.id, target.id, at])
        .db(format!("forwarding document {}", doc.id))?;
        let after = snapshot::row(tx, Table::Document, doc.id)?;
        let from = name_of(tx, doc.leader_id)?;
        let (for_zh, for_en) = for_whom(cap, &from);
        let (note_zh, note_en) = with_note(note);
        let from_zh = if from.is_empty() {
            "未分送".to_string()
        } else {
            from.clone()
        };
        let from_en = if from.is_empty() {
            "unrouted".to_string()
        } else {
            from
        };
        Record {
            action: "forward",
            entity: "document",
            id: doc.id,
            zh: format!(
                "{}{for_zh}转送《{}》：{from_zh} → {}{note_zh}",
                me.name, doc.title, target.name
            ),
            en: format!(
                "{}{for_en} forwarded “{}”: {from_en} → {}{note_en}",
                me.name, doc.title, target.name
            ),
            before,
            after,
        }
        .commit(tx, env)
    })
}

/// Urges a pending document: a notice row, the urge count and time.
pub(super) fn urge(store: &mut Store, env: &Env, doc_id: i64, note: &str) -> Result<Done> {
    store.write(|tx| {
        let me = actor(tx, env)?;
        let doc = load(tx, doc_id)?;
        pending(&doc, "催办", "urged")?;
        permission::may_urge(&me.who())?;
        let at = env.now_str();
        let note = note.trim();
        let before = snapshot::row(tx, Table::Document, doc.id)?;
        tx.prepare_cached(
            "INSERT INTO notices(document_id, note, by_id, at) VALUES (?1, ?2, ?3, ?4)",
        )
        .db("preparing the notice")?
        .execute(params![doc.id, note, me.id, at])
        .db(format!("recording the urge of document {}", doc.id))?;
        tx.prepare_cached(
            "UPDATE documents SET urged_count = urged_count + 1, last_urged_at = ?2,
             updated_at = ?2 WHERE id = ?1",
        )
        .db("preparing the urge")?
        .execute(params![doc.id, at])
        .db(format!("urging document {}", doc.id))?;
        let after = snapshot::row(tx, Table::Document, doc.id)?;
        let n = doc.urged_count + 1;
        let (note_zh, note_en) = with_note(note);
        Record {
            action: "urge",
            entity: "document",
            id: doc.id,
            zh: format!("{}催办《{}》（第{n}次）{note_zh}", me.name, doc.title),
            en: format!("{} urged “{}” (time {n}){note_en}", me.name, doc.title),
            before,
            after,
        }
        .commit(tx, env)
    })
}
