//! Actions on documents awaiting approval: sign (签批), return (退回), forward (转送),
//! urge (催办).

use super::snapshot::{self, Table};
use super::{Done, Record, actor, name_of, required, with_note};
use crate::command::OnPaper;
use crate::command::resolve;
use crate::domain::permission::{self, Capacity, Relation};
use crate::domain::roles::Act;
use crate::domain::{DocState, Env};
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use crate::store::people::{self, Person};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

/// The parts of a document row the actions look at.
struct Doc {
    id: i64,
    title: String,
    state: DocState,
    leader_id: Option<i64>,
    urged_count: i64,
    received: NaiveDate,
}

fn load(conn: &Connection, id: i64) -> Result<Doc> {
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

/// Who stands in on `day` for the leader the document is routed to, if anyone.
fn standin(
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
fn for_whom(cap: Capacity, leader: &str) -> (String, String) {
    if cap == Capacity::StandIn {
        (format!("（代{leader}）"), format!(" (for {leader})"))
    } else {
        (String::new(), String::new())
    }
}

/// Signs a pending document with an instruction (批示; may be empty for a plain 圈阅).
/// The routed leader signs, or their stand-in while they are away ("代签").
pub fn sign(tx: &Connection, env: &Env, doc_id: i64, instruction: &str) -> Result<Done> {
    decide(tx, env, doc_id, Decision::Sign(instruction), None)
}

/// Returns a pending document to its department with a reason.
pub fn return_document(tx: &Connection, env: &Env, doc_id: i64, reason: &str) -> Result<Done> {
    decide(tx, env, doc_id, Decision::Return(reason), None)
}

/// 代录: the office records a signature the leader made on paper.
pub fn sign_on_paper(
    tx: &Connection,
    env: &Env,
    doc_id: i64,
    instruction: &str,
    paper: &OnPaper,
) -> Result<Done> {
    decide(tx, env, doc_id, Decision::Sign(instruction), Some(paper))
}

/// 代录: the office records a return the leader made on paper.
pub fn return_on_paper(
    tx: &Connection,
    env: &Env,
    doc_id: i64,
    reason: &str,
    paper: &OnPaper,
) -> Result<Done> {
    decide(tx, env, doc_id, Decision::Return(reason), Some(paper))
}

/// A leader's decision on a document: signed with an instruction, or returned with a reason.
#[derive(Clone, Copy)]
enum Decision<'a> {
    Sign(&'a str),
    Return(&'a str),
}

/// The one path of sign and return, in person or recorded from paper (代录).
fn decide(
    tx: &Connection,
    env: &Env,
    doc_id: i64,
    decision: Decision<'_>,
    paper: Option<&OnPaper>,
) -> Result<Done> {
    let me = actor(tx, env)?;
    let doc = load(tx, doc_id)?;
    let (verb_zh, verb_en) = match decision {
        Decision::Sign(_) => ("签批", "signed"),
        Decision::Return(_) => ("退回", "returned"),
    };
    pending(&doc, verb_zh, verb_en)?;
    let text = match decision {
        Decision::Sign(t) => t.trim().to_string(),
        Decision::Return(r) => required(r, "退回理由", "reason for returning")?,
    };
    // Who decided, on which day, and in what capacity.
    let (leader, on, cap, recorded_by) = match paper {
        None => {
            let standin = standin(tx, env, doc.leader_id, env.today())?;
            let cap = match decision {
                Decision::Sign(_) => permission::may_sign(&me.who(), doc.leader_id, standin)?,
                Decision::Return(_) => permission::may_return(&me.who(), doc.leader_id, standin)?,
            };
            (me.clone(), env.today(), cap, None)
        }
        Some(p) => {
            let act = match decision {
                Decision::Sign(_) => Act::SignOnPaper,
                Decision::Return(_) => Act::ReturnOnPaper,
            };
            permission::check(&me.who(), act, Relation::default(), None)?;
            let (leader, cap) = paper_leader(tx, env, &doc, p)?;
            (leader, p.on, cap, Some(me.id))
        }
    };
    let at = env.now_str();
    let before = snapshot::row(tx, Table::Document, doc.id)?;
    let day = crate::clock::fmt_date(on);
    match decision {
        Decision::Sign(_) => tx
            .prepare_cached(
                "UPDATE documents SET state = ?2, signed_on = ?3, signed_by = ?4, instruction = ?5,
                 recorded_by = ?6, updated_at = ?7 WHERE id = ?1",
            )
            .db("preparing the signature")?
            .execute(params![
                doc.id,
                DocState::Signed,
                day,
                leader.id,
                (!text.is_empty()).then_some(text.as_str()),
                recorded_by,
                at
            ])
            .db(format!("signing document {}", doc.id))?,
        Decision::Return(_) => tx
            .prepare_cached(
                "UPDATE documents SET state = ?2, return_reason = ?3, returned_on = ?4,
                 returned_by = ?5, recorded_by = ?6, updated_at = ?7 WHERE id = ?1",
            )
            .db("preparing the return")?
            .execute(params![
                doc.id,
                DocState::Returned,
                text,
                day,
                leader.id,
                recorded_by,
                at
            ])
            .db(format!("returning document {}", doc.id))?,
    };
    let after = snapshot::row(tx, Table::Document, doc.id)?;
    let routed = name_of(tx, doc.leader_id)?;
    let (zh, en) = describe(
        decision,
        &doc.title,
        &text,
        &me.name,
        &leader.name,
        &routed,
        cap,
        paper.map(|_| &day),
    );
    // The person acted for: the leader whose paper was recorded, or the routed leader a
    // stand-in acted for.
    let acted_for = if paper.is_some() {
        Some(leader.login.clone())
    } else if cap == Capacity::StandIn {
        match doc.leader_id {
            Some(l) => Some(people::person_by_id(tx, l)?.login),
            None => None,
        }
    } else {
        None
    };
    Record {
        action: match (decision, paper) {
            (Decision::Sign(_), None) => "sign",
            (Decision::Sign(_), Some(_)) => "sign-on-paper",
            (Decision::Return(_), None) => "return",
            (Decision::Return(_), Some(_)) => "return-on-paper",
        },
        entity: "document",
        id: doc.id,
        zh,
        en,
        before,
        after,
        acted_for,
    }
    .commit(tx, env)
}

/// The leader whose paper decision the office records: the routed leader, or whoever stood
/// in for them on that day; the day neither in the future nor before the document arrived.
fn paper_leader(tx: &Connection, env: &Env, doc: &Doc, p: &OnPaper) -> Result<(Person, Capacity)> {
    if p.on > env.today() {
        return Err(Error::refused(
            format!("代录日期 {} 晚于今天，不能登记未来的批示", p.on),
            format!(
                "the date {} is in the future: a paper decision cannot be recorded ahead",
                p.on
            ),
        ));
    }
    if p.on < doc.received {
        return Err(Error::refused(
            format!("代录日期 {} 早于收文日期 {}", p.on, doc.received),
            format!(
                "the date {} is before the document arrived ({})",
                p.on, doc.received
            ),
        ));
    }
    let leader = resolve::person_among(tx, &p.leader, resolve::Among::Leaders)?;
    if doc.leader_id == Some(leader.id) {
        return Ok((leader, Capacity::Principal));
    }
    if standin(tx, env, doc.leader_id, p.on)? == Some(leader.id) {
        return Ok((leader, Capacity::StandIn));
    }
    let routed = name_of(tx, doc.leader_id)?;
    Err(Error::refused(
        format!(
            "公文《{}》呈{}批示，{}当日不是其代理人，不能代录其批示",
            doc.title, routed, leader.name
        ),
        format!(
            "“{}” is routed to {routed}; {} was not standing in on that day, so their decision cannot be recorded",
            doc.title, leader.name
        ),
    ))
}

/// The history line: "冯涛代录 王建国 2026-11-20 签批《…》：…", "王建国签批《…》", "李明代签（代王建国）…".
#[allow(clippy::too_many_arguments)]
fn describe(
    decision: Decision<'_>,
    title: &str,
    text: &str,
    me: &str,
    leader: &str,
    routed: &str,
    cap: Capacity,
    paper_day: Option<&String>,
) -> (String, String) {
    let (note_zh, note_en) = with_note(text);
    let sign = matches!(decision, Decision::Sign(_));
    let (v_zh, v_en) = if sign {
        ("签批", "signed")
    } else {
        ("退回", "returned")
    };
    if let Some(day) = paper_day {
        let (for_zh, for_en) = for_whom(cap, routed);
        return (
            format!("{me}代录 {leader}{for_zh} {day} {v_zh}《{title}》{note_zh}"),
            format!("{me} recorded that {leader}{for_en} {v_en} “{title}” on {day}{note_en}"),
        );
    }
    match (sign, cap) {
        (true, Capacity::StandIn) => (
            format!("{me}代签（代{routed}）《{title}》{note_zh}"),
            format!("{me} signed “{title}” for {routed} (stand-in){note_en}"),
        ),
        (true, _) => (
            format!("{me}签批《{title}》{note_zh}"),
            format!("{me} signed “{title}”{note_en}"),
        ),
        (false, _) => {
            let (for_zh, for_en) = for_whom(cap, routed);
            (
                format!("{me}{for_zh}退回《{title}》{note_zh}"),
                format!("{me}{for_en} returned “{title}”{note_en}"),
            )
        }
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
