//! Countersign requests whose reply limit passed in silence, recorded as 逾期视为无不同意见
//! where the district's rules say so (信州 二十八, 东昌 二十七, 华容 五十四).

use crate::clock::fmt_date;
use crate::command::outcome::{self, Record};
use crate::domain::compliance::documents::silence_is_consent;
use crate::domain::{CountersignAnswer, Env};
use crate::error::{DbContext, Result};
use crate::i18n::Named;
use rusqlite::{Connection, params};
use serde_json::json;

/// The actor recorded for writes the rules make on their own.
pub const SYSTEM_ACTOR: &str = "system";

/// [`settle_countersigns`] acting as [`SYSTEM_ACTOR`] (the account that ran it is kept in
/// the audit): `dutydesk settle`, for cron. Returns how many were recorded.
pub fn settle(tx: &Connection, env: &Env) -> Result<usize> {
    let system = Env {
        actor: SYSTEM_ACTOR.to_string(),
        ..env.clone()
    };
    settle_countersigns(tx, &system, None)
}

/// The same for one document, before the document is acted on: its silent countersigns
/// are stored as deemed in the same transaction as the act.
pub(crate) fn settle_document(tx: &Connection, env: &Env, doc_id: i64) -> Result<usize> {
    let system = Env {
        actor: SYSTEM_ACTOR.to_string(),
        ..env.clone()
    };
    settle_countersigns(tx, &system, Some(doc_id))
}

/// Records every unanswered countersign request past its limit as deemed no objection,
/// with an audit entry each (actor "system"), inside the caller's transaction. Returns how
/// many were recorded. Idempotent: a request once answered or deemed is never touched
/// again, so boards and scripts may call it as often as they like. Does nothing where the
/// profile does not count silence as consent.
pub fn settle_countersigns(conn: &Connection, env: &Env, doc: Option<i64>) -> Result<usize> {
    let Some(rule) = silence_is_consent(env) else {
        return Ok(0);
    };
    let today = fmt_date(env.today());
    let due: Vec<(i64, i64, String, String, String)> = conn
        .prepare_cached(
            "SELECT c.id, c.document_id, c.due, dp.name, d.title
             FROM countersigns c
             JOIN departments dp ON dp.id = c.dept_id
             JOIN documents d ON d.id = c.document_id
             WHERE c.answer IS NULL AND c.due < ?1 AND (?2 IS NULL OR c.document_id = ?2)
             ORDER BY c.due, c.id",
        )
        .db("preparing the countersign settlement")?
        .query_map(params![&today, doc], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .db("reading overdue countersign requests")?
        .collect::<std::result::Result<_, _>>()
        .db("reading overdue countersign requests")?;
    let deemed = CountersignAnswer::Deemed;
    let article = rule.article.as_deref().unwrap_or("");
    let mut upd = conn
        .prepare_cached(
            "UPDATE countersigns SET answer = ?2, answered_on = ?3
             WHERE id = ?1 AND answer IS NULL",
        )
        .db("preparing the countersign update")?;
    let mut n = 0;
    for (id, doc_id, due, dept, title) in due {
        // The deemed answer takes effect when the limit ran out, on its last day.
        if upd
            .execute(params![id, deemed, due])
            .db(format!("recording countersign request {id} as deemed"))?
            == 0
        {
            continue;
        }
        let before = json!({"countersign": id, "dept": dept, "due": due, "answer": null});
        let after = json!({"countersign": id, "dept": dept, "due": due,
                           "answer": deemed.zh(), "answered_on": due});
        let (deemed_zh, deemed_en) = (deemed.zh(), deemed.en());
        let en = format!(
            "{dept} did not answer the countersign request on “{title}” by {due}: {deemed_en}"
        );
        outcome::write(
            conn,
            env,
            &Record {
                action: "countersign-deemed",
                entity: "document",
                id: doc_id,
                zh: format!(
                    "{dept}对《{title}》的会签意见逾期（{due}）未复，{deemed_zh}（第{article}条）"
                ),
                en,
                before: Some(before),
                after: Some(after),
                acted_for: None,
            },
        )?;
        tracing::info!(
            countersign = id,
            document = doc_id,
            "countersign deemed no objection"
        );
        n += 1;
    }
    Ok(n)
}
