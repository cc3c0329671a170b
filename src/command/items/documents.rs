//! Actions on documents awaiting approval: forward (转送), urge (催办), and what sign and
//! return (`decide`) share: the row they look at, its state, the stand-in of the day.

use super::snapshot::{self, Table};
use super::{Done, Record, actor, name_of, with_note};
use crate::domain::permission::{self, Capacity, Relation};
use crate::domain::roles::Act;
use crate::domain::{DocState, Env};
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use crate::store::people;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

/// The parts of a document row the actions look at.
pub(super) struct Doc {
    pub(super) id: i64,
    pub(super) title: String,
    pub(super) state: DocState,
    pub(super) leader_id: Option<i64>,
    pub(super) urged_count: i64,
    pub(super) received: NaiveDate,
}

pub(super) fn load(conn: &Connection, id: i64) -> Result<Doc> {
    conn.prepare_cached(
        "SELECT id, title, state, leader_id, urged_count, received FROM documents WHERE id = ?1",
    )
    .db("preparing the document query")?
    .query_row([id], |r| {
        Ok(Doc {
            id: r.get(0)?,
            title: r.get(1)?,
            state: r.get(2)?,
            leader_id: r.get(3)?,
            urged_count: r.get(4)?,
            received: crate::command::register::date_column(r, 5)?.unwrap_or(NaiveDate::MIN),
        })
    })
    .optional()
    .db(format!("reading document {id}"))?
    .ok_or_else(|| Error::NotFound(format!("document id {id}")))
}

/// Only a pending (待批) document can be acted on.
pub(super) fn pending(doc: &Doc, zh_verb: &str, en_verb: &str) -> Result<()> {
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

/// Who stands in on `day` for the leader the document is routed to, if anyone.
pub(super) fn standin(
    conn: &Connection,
    env: &Env,
    leader: Option<i64>,
    day: NaiveDate,
) -> Result<Option<i64>> {
    match leader {
        Some(l) => Ok(people::acting_for(conn, env, l, day)?.map(|p| p.id)),
        None => Ok(None),
    }
}

/// "（代张三）" / " (for 张三)" when acting as a stand-in.
pub(super) fn for_whom(cap: Capacity, leader: &str) -> (String, String) {
    if cap == Capacity::StandIn {
        (format!("（代{leader}）"), format!(" (for {leader})"))
    } else {
        (String::new(), String::new())
    }
}

/// The board's question before it opens a form: may `env`'s person perform `act` on this
/// document now (its state, the role matrix, the routing and stand-ins)?
pub(crate) fn authorize(tx: &Connection, env: &Env, doc_id: i64, act: Act) -> Result<()> {
    let me = actor(tx, env)?;
    let doc = load(tx, doc_id)?;
    let (zh, en) = match act {
        Act::Sign | Act::SignOnPaper => ("签批", "signed"),
        Act::Return | Act::ReturnOnPaper => ("退回", "returned"),
        _ => ("转送", "forwarded"),
    };
    pending(&doc, zh, en)?;
    let rel = Relation {
        routed: doc.leader_id,
        standin: standin(tx, env, doc.leader_id, env.today())?,
        ..Relation::default()
    };
    permission::check(&me.who(), act, rel, None).map(|_| ())
}

/// Forwards a pending document to another leader (`to_login`).
pub fn forward(
    tx: &Connection,
    env: &Env,
    doc_id: i64,
    to_login: &str,
    note: &str,
) -> Result<Done> {
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
    let standin = standin(tx, env, doc.leader_id, env.today())?;
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
        acted_for: None,
    }
    .commit(tx, env)
}

/// Urges a pending document: a notice row, the urge count and time.
pub(super) fn urge(tx: &Connection, env: &Env, doc_id: i64, note: &str) -> Result<Done> {
    let me = actor(tx, env)?;
    let doc = load(tx, doc_id)?;
    pending(&doc, "催办", "urged")?;
    permission::may_urge(&me.who())?;
    let at = env.now_str();
    let note = note.trim();
    let before = snapshot::row(tx, Table::Document, doc.id)?;
    tx.prepare_cached("INSERT INTO notices(document_id, note, by_id, at) VALUES (?1, ?2, ?3, ?4)")
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
        acted_for: None,
    }
    .commit(tx, env)
}
