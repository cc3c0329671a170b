//! A leader's decision on a pending document — 签批 with an instruction, or 退回 with a
//! reason — taken in person (the routed leader or the stand-in of the day) or recorded by
//! the office from paper (代录, with the day the leader wrote it).

use super::documents::{Doc, for_whom, load, pending, standin};
use super::snapshot::{self, Table};
use super::{Done, Record, actor, name_of, required, with_note};
use crate::command::OnPaper;
use crate::command::resolve;
use crate::domain::permission::{self, Capacity, Relation};
use crate::domain::roles::Act;
use crate::domain::{DocState, Env};
use crate::error::{DbContext, Error, Result};
use crate::store::people::{self, Person};
use rusqlite::{Connection, params};

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
    let leader = resolve::person(tx, &p.leader)?;
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
