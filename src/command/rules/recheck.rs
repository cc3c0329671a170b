//! Recording a 回头看 re-check as done (环翠 70: fixed items are looked at again): a note
//! on the closed item, and its re-check date cleared, so the reminder ends.

use super::{Done, audited, cite, office_actor};
use crate::clock::fmt_date;
use crate::domain::roles::Act;
use crate::domain::{Env, SupState};
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use rusqlite::Connection;
use rusqlite::{OptionalExtension, params};
use serde_json::json;

/// Records the re-check of a closed item whose 回头看 date has come, with what was found.
/// Office only.
pub fn recheck_done(tx: &Connection, env: &Env, sup_id: i64, note: &str) -> Result<Done> {
    let me = office_actor(tx, env, Act::Rechecked)?;
    let (title, state, recheck_on): (String, SupState, Option<String>) = tx
        .prepare_cached("SELECT title, state, recheck_on FROM supervision WHERE id = ?1")
        .db("preparing the supervision query")?
        .query_row([sup_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()
        .db(format!("reading supervision item {sup_id}"))?
        .ok_or_else(|| Error::NotFound(format!("supervision item id {sup_id}")))?;
    let note = note.trim();
    if note.is_empty() {
        return Err(Error::refused(
            "请填写回头看情况",
            "a re-check note is required",
        ));
    }
    if state != SupState::Closed {
        return Err(Error::refused(
            format!("《{title}》{}，销号后才回头看", state.zh()),
            format!("“{title}” is {}; re-checks follow close-out", state.en()),
        ));
    }
    let today = fmt_date(env.today());
    let Some(on) = recheck_on.filter(|d| d.as_str() <= today.as_str()) else {
        return Err(Error::refused(
            format!("《{title}》没有已到期的回头看"),
            format!("“{title}” has no re-check due"),
        ));
    };
    let text = format!("回头看：{note}");
    tx.prepare_cached(
        "INSERT INTO progress_notes(supervision_id, on_date, note, by_id, at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .db("preparing the re-check note")?
    .execute(params![sup_id, today, text, me.id, env.now_str()])
    .db(format!("recording the re-check of item {sup_id}"))?;
    tx.prepare_cached(
        "UPDATE supervision SET recheck_on = NULL, last_progress_on = ?2, last_progress = ?3,
         updated_at = ?4 WHERE id = ?1",
    )
    .db("preparing the re-check update")?
    .execute(params![sup_id, today, text, env.now_str()])
    .db(format!("closing the re-check of item {sup_id}"))?;
    let rule = env.profile.supervision.recheck.as_ref().filter(|f| f.value);
    let (cz, ce) = cite(rule.map(|f| f.article.as_str()));
    audited(
        tx,
        env,
        "rechecked",
        "supervision",
        sup_id,
        format!("{}完成《{title}》回头看{cz}：{note}", me.name),
        format!("{} re-checked “{title}”{ce}: {note}", me.name),
        Some(json!({"recheck_on": on})),
        Some(json!({"recheck_on": null, "last_progress_on": today, "last_progress": text})),
    )
}
