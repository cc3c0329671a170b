//! Printing (印制) and publishing (公开) a signed document: deadlines of their own in
//! 崆峒 (五十三: printed within 2 wd of signing, published online within 1 wd of printing).

use super::{Done, audited, cite, office_actor};
use crate::clock::{fmt_date, parse_date};
use crate::domain::compliance::documents::{print_deadline, publish_deadline};
use crate::domain::roles::Act;
use crate::domain::{Deadline, DocState, Env, Secrecy};
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

struct Doc {
    id: i64,
    title: String,
    state: DocState,
    secrecy: Secrecy,
    signed_on: Option<String>,
    printed_on: Option<String>,
    published_on: Option<String>,
}

fn load(conn: &Connection, id: i64) -> Result<Doc> {
    conn.prepare_cached(
        "SELECT id, title, state, secrecy, signed_on, printed_on, published_on
         FROM documents WHERE id = ?1",
    )
    .db("preparing the document query")?
    .query_row([id], |r| {
        Ok(Doc {
            id: r.get(0)?,
            title: r.get(1)?,
            state: r.get(2)?,
            secrecy: r.get(3)?,
            signed_on: r.get(4)?,
            printed_on: r.get(5)?,
            published_on: r.get(6)?,
        })
    })
    .optional()
    .db(format!("reading document {id}"))?
    .ok_or_else(|| Error::NotFound(format!("document id {id}")))
}

/// "，逾期 2025-03-12" / ", late (due 2025-03-12)" when done after the deadline.
fn lateness(env: &Env, dl: Option<Deadline>) -> (String, String) {
    match dl.filter(|d| d.due < env.today()) {
        Some(d) => {
            let (cz, ce) = cite(d.article.as_deref());
            (
                format!("，已逾期（应于 {} 前{cz}）", fmt_date(d.due)),
                format!(", late (due {}{ce})", fmt_date(d.due)),
            )
        }
        None => (String::new(), String::new()),
    }
}

/// Records a signed document as printed today. Office only.
pub fn mark_printed(tx: &Connection, env: &Env, doc_id: i64) -> Result<Done> {
    let me = office_actor(tx, env, Act::Printed)?;
    let doc = load(tx, doc_id)?;
    if doc.state != DocState::Signed {
        return Err(Error::refused(
            format!("公文《{}》{}，签发后才能印制", doc.title, doc.state.zh()),
            format!(
                "document “{}” is {}; only a signed document is printed",
                doc.title,
                doc.state.en()
            ),
        ));
    }
    if let Some(on) = &doc.printed_on {
        return Err(Error::refused(
            format!("公文《{}》已于 {on} 印制", doc.title),
            format!("document “{}” was already printed on {on}", doc.title),
        ));
    }
    let today = fmt_date(env.today());
    tx.prepare_cached("UPDATE documents SET printed_on = ?2, updated_at = ?3 WHERE id = ?1")
        .db("preparing the printing update")?
        .execute(params![doc.id, today, env.now_str()])
        .db(format!("recording document {} as printed", doc.id))?;
    let signed = doc
        .signed_on
        .as_deref()
        .map(|s| parse_date(&format!("document {} signed_on", doc.id), s))
        .transpose()?;
    let (lz, le) = lateness(env, signed.and_then(|s| print_deadline(env, s)));
    audited(
        tx,
        env,
        "printed",
        "document",
        doc.id,
        format!("{}登记《{}》已印制{lz}", me.name, doc.title),
        format!("{} recorded “{}” as printed{le}", me.name, doc.title),
        Some(json!({"printed_on": null})),
        Some(json!({"printed_on": today})),
    )
}

/// Records a printed public document as published online today. Office only.
pub fn mark_published(tx: &Connection, env: &Env, doc_id: i64) -> Result<Done> {
    let me = office_actor(tx, env, Act::Published)?;
    let doc = load(tx, doc_id)?;
    let Some(printed) = doc.printed_on.clone() else {
        return Err(Error::refused(
            format!("公文《{}》尚未印制，印制后才能公开", doc.title),
            format!(
                "document “{}” has not been printed; it is published after printing",
                doc.title
            ),
        ));
    };
    if doc.secrecy != Secrecy::Public {
        return Err(Error::refused(
            format!(
                "公文《{}》密级为{}，不在网上公开",
                doc.title,
                doc.secrecy.zh()
            ),
            format!(
                "document “{}” is {}; it is not published online",
                doc.title,
                doc.secrecy.en()
            ),
        ));
    }
    if let Some(on) = &doc.published_on {
        return Err(Error::refused(
            format!("公文《{}》已于 {on} 公开", doc.title),
            format!("document “{}” was already published on {on}", doc.title),
        ));
    }
    let today = fmt_date(env.today());
    tx.prepare_cached("UPDATE documents SET published_on = ?2, updated_at = ?3 WHERE id = ?1")
        .db("preparing the publishing update")?
        .execute(params![doc.id, today, env.now_str()])
        .db(format!("recording document {} as published", doc.id))?;
    let printed = parse_date(&format!("document {} printed_on", doc.id), &printed)?;
    let (lz, le) = lateness(env, publish_deadline(env, printed));
    audited(
        tx,
        env,
        "published",
        "document",
        doc.id,
        format!("{}登记《{}》已在门户网站公开{lz}", me.name, doc.title),
        format!(
            "{} recorded “{}” as published online{le}",
            me.name, doc.title
        ),
        Some(json!({"published_on": null})),
        Some(json!({"published_on": today})),
    )
}
