//! The duty log's writes: an entry, an incident reported up, and an entry turned into a
//! document to approve or a supervision item in one step, the entry keeping the link.

use super::{LogEntry, ToDocument, ToSupervision, audited, office};
use crate::clock::{fmt_date, fmt_datetime};
use crate::command::Done;
use crate::command::register::{self, Audit, row_to_json};
use crate::command::resolve::{self, Ref};
use crate::domain::roles::Act;
use crate::domain::{Env, Urgency};
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use crate::interchange::record::{Document, Supervision};
use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

/// A duty log entry as stored.
struct Stored {
    ext_id: String,
    received_at: String,
    category: String,
    summary: String,
    urgency: String,
    from_dept_id: Option<i64>,
    reported_at: Option<String>,
    document_id: Option<i64>,
    supervision_id: Option<i64>,
}

/// The entry a command names: its row id, or its external id (`ZB-20261120-01`).
pub(crate) fn resolve_entry(conn: &Connection, r: &Ref) -> Result<i64> {
    let found: Option<i64> = match r {
        Ref::Id(id) => conn
            .prepare_cached("SELECT id FROM duty_log WHERE id = ?1")
            .db("preparing the duty log lookup")?
            .query_row([id], |r| r.get(0))
            .optional(),
        Ref::Ext(ext) => conn
            .prepare_cached("SELECT id FROM duty_log WHERE ext_id = ?1")
            .db("preparing the duty log lookup")?
            .query_row([ext.trim()], |r| r.get(0))
            .optional(),
    }
    .db("looking up a duty log entry")?;
    found.ok_or_else(|| {
        let name = match r {
            Ref::Id(id) => id.to_string(),
            Ref::Ext(e) => e.clone(),
        };
        Error::no_such(
            format!("值班日志中没有“{name}”"),
            format!("no duty log entry '{name}'"),
        )
    })
}

fn load(conn: &Connection, id: i64) -> Result<Stored> {
    conn.prepare_cached(
        "SELECT id, ext_id, received_at, category, summary, urgency, from_dept_id,
                reported_at, document_id, supervision_id
         FROM duty_log WHERE id = ?1",
    )
    .db("preparing the duty log read")?
    .query_row([id], |r| {
        Ok(Stored {
            ext_id: r.get(1)?,
            received_at: r.get(2)?,
            category: r.get(3)?,
            summary: r.get(4)?,
            urgency: r.get(5)?,
            from_dept_id: r.get(6)?,
            reported_at: r.get(7)?,
            document_id: r.get(8)?,
            supervision_id: r.get(9)?,
        })
    })
    .db(format!("reading duty log entry {id}"))
}

/// The whole row as JSON, for the audit's before and after.
fn row(conn: &Connection, id: i64) -> Result<Option<Value>> {
    conn.prepare_cached("SELECT * FROM duty_log WHERE id = ?1")
        .db("preparing a duty log row read")?
        .query_row([id], row_to_json)
        .optional()
        .db(format!("reading duty log row {id}"))
}

/// A fresh `ZB-YYYYMMDD-NN` for an entry received at `at`.
fn next_ext_id(conn: &Connection, at: NaiveDateTime) -> Result<String> {
    let day = at.format("%Y%m%d").to_string();
    let mut stmt = conn
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM duty_log WHERE ext_id = ?1)")
        .db("preparing the duty log id check")?;
    let mut n = 1u32;
    loop {
        let ext = format!("ZB-{day}-{n:02}");
        let taken: bool = stmt
            .query_row([&ext], |r| r.get(0))
            .db("checking a new duty log id")?;
        if !taken {
            return Ok(ext);
        }
        n += 1;
    }
}

/// Who called: a person of the org chart, else a department, else free text only.
fn caller(conn: &Connection, from: &str) -> Result<(Option<i64>, Option<i64>)> {
    let from = from.trim();
    if from.is_empty() {
        return Ok((None, None));
    }
    match resolve::person(conn, from) {
        Ok(p) => return Ok((Some(p.id), p.dept_id)),
        Err(Error::NoSuch { .. } | Error::NotFound(_)) => {}
        Err(e) => return Err(e),
    }
    match resolve::department(conn, from) {
        Ok(d) => Ok((None, Some(d))),
        Err(Error::NoSuch { .. } | Error::NotFound(_)) => Ok((None, None)),
        Err(e) => Err(e),
    }
}

/// Records an entry in the duty log.
pub(crate) fn add_entry(tx: &Connection, env: &Env, e: &LogEntry) -> Result<Done> {
    let me = office(tx, env, Act::LogAdd)?;
    let summary = e.summary.trim();
    if summary.is_empty() {
        return Err(Error::refused(
            "请填写值班日志的内容摘要",
            "a duty log entry needs a summary",
        ));
    }
    let now = env.now();
    let at = e.received_at.unwrap_or(now);
    if at > now + chrono::Duration::minutes(5) {
        return Err(Error::refused(
            format!("接报时间 {} 在将来", fmt_datetime(at)),
            format!("the time received {} is in the future", fmt_datetime(at)),
        ));
    }
    let (person, dept) = caller(tx, &e.from)?;
    let ext = next_ext_id(tx, at)?;
    tx.prepare_cached(
        "INSERT INTO duty_log(ext_id, received_at, category, from_person_id, from_dept_id,
             from_text, phone, summary, urgency, informed, follow_up, recorded_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )
    .db("preparing the duty log insert")?
    .execute(params![
        ext,
        fmt_datetime(at),
        e.category.zh(),
        person,
        dept,
        e.from.trim(),
        e.phone.trim(),
        summary,
        e.urgency.zh(),
        e.informed.trim(),
        e.follow_up.trim(),
        me.id,
        env.now_str()
    ])
    .db("recording a duty log entry")?;
    let id = tx.last_insert_rowid();
    let from = if e.from.trim().is_empty() {
        String::new()
    } else {
        format!("（{}）", e.from.trim())
    };
    audited(
        tx,
        env,
        "log-add",
        "duty_log",
        id,
        format!(
            "{}登记值班日志 {ext} {}{from}：{summary}",
            me.name,
            e.category.zh()
        ),
        format!(
            "{} logged {ext}, {}{from}: {summary}",
            me.name,
            e.category.en()
        ),
        None,
        row(tx, id)?,
    )
}

/// Records an incident (or any entry) as reported up: when and to whom.
pub(crate) fn report_up(
    tx: &Connection,
    env: &Env,
    id: i64,
    to: &str,
    at: Option<NaiveDateTime>,
) -> Result<Done> {
    let me = office(tx, env, Act::LogReport)?;
    let s = load(tx, id)?;
    let to = to.trim();
    if to.is_empty() {
        return Err(Error::refused(
            "请填写报告对象",
            "say to whom it was reported",
        ));
    }
    if let Some(when) = &s.reported_at {
        return Err(Error::refused(
            format!("{} 已于 {when} 上报", s.ext_id),
            format!("{} was reported up at {when}", s.ext_id),
        ));
    }
    let at = at.unwrap_or_else(|| env.now());
    if fmt_datetime(at) < s.received_at {
        return Err(Error::refused(
            format!("上报时间早于接报时间 {}", s.received_at),
            format!("reported before it was received ({})", s.received_at),
        ));
    }
    let before = row(tx, id)?;
    tx.prepare_cached(
        "UPDATE duty_log SET reported_at = ?2, reported_to = ?3, reported_by = ?4 WHERE id = ?1",
    )
    .db("preparing the report-up update")?
    .execute(params![id, fmt_datetime(at), to, me.id])
    .db("recording a report up")?;
    audited(
        tx,
        env,
        "log-report",
        "duty_log",
        id,
        format!(
            "{}登记 {} 已于 {} 报告{to}：{}",
            me.name,
            s.ext_id,
            fmt_datetime(at),
            s.summary
        ),
        format!(
            "{} recorded {} as reported up to {to} at {}: {}",
            me.name,
            s.ext_id,
            fmt_datetime(at),
            s.summary
        ),
        before,
        row(tx, id)?,
    )
}

/// Refuses an entry that already became an item.
fn not_converted(s: &Stored) -> Result<()> {
    if s.document_id.is_some() || s.supervision_id.is_some() {
        return Err(Error::refused(
            format!("{} 已转为公文或督办事项", s.ext_id),
            format!(
                "{} already became a document or a supervision item",
                s.ext_id
            ),
        ));
    }
    Ok(())
}

fn title_or_summary<'a>(title: &'a str, s: &'a Stored) -> &'a str {
    let t = title.trim();
    if t.is_empty() { &s.summary } else { t }
}

fn dept_ext(conn: &Connection, id: i64) -> Result<String> {
    conn.prepare_cached("SELECT ext_id FROM departments WHERE id = ?1")
        .db("preparing the department read")?
        .query_row([id], |r| r.get(0))
        .db(format!("reading department {id}"))
}

/// Turns an entry into a document awaiting approval (routed and given its deadline as an
/// import would), linking the two.
pub(crate) fn to_document(tx: &Connection, env: &Env, id: i64, d: &ToDocument) -> Result<Done> {
    let me = office(tx, env, Act::LogToDocument)?;
    let s = load(tx, id)?;
    not_converted(&s)?;
    let from = match d.from.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        Some(f) => Some(resolve::department(tx, f)?),
        None => s.from_dept_id,
    };
    let from = from.map(|f| dept_ext(tx, f)).transpose()?;
    let title = title_or_summary(&d.title, &s).to_string();
    let urgency = Urgency::parse(&s.urgency).unwrap_or(Urgency::Normal);
    let received = s
        .received_at
        .get(..10)
        .unwrap_or(&s.received_at)
        .to_string();
    let ext = format!("{}-W", s.ext_id);
    let rec: Document = serde_json::from_value(json!({
        "id": ext, "title": title, "kind": d.kind, "urgency": urgency,
        "from": from, "received": received,
    }))
    .map_err(|e| Error::bad_input("document", e.to_string()))?;
    let doc = register::upsert_document(tx, env, &rec, Audit::Batch)?.id();
    link(tx, id, "document_id", doc)?;
    audited(
        tx,
        env,
        "log-to-document",
        "document",
        doc,
        format!(
            "{}将值班日志 {} 转为待批公文 {ext}《{title}》",
            me.name, s.ext_id
        ),
        format!(
            "{} turned duty log entry {} into document {ext} “{title}”",
            me.name, s.ext_id
        ),
        None,
        Some(
            json!({"duty_log": s.ext_id, "document": ext, "received_at": s.received_at, "category": s.category}),
        ),
    )
}

/// Turns an entry into a supervision item, linking the two.
pub(crate) fn to_supervision(
    tx: &Connection,
    env: &Env,
    id: i64,
    t: &ToSupervision,
) -> Result<Done> {
    let me = office(tx, env, Act::LogToSupervision)?;
    let s = load(tx, id)?;
    not_converted(&s)?;
    let lead = resolve::department(tx, &t.lead)?;
    let lead = dept_ext(tx, lead)?;
    let title = title_or_summary(&t.title, &s).to_string();
    let ext = format!("{}-D", s.ext_id);
    if let Some(dl) = t.deadline.filter(|d| *d < env.today()) {
        return Err(Error::refused(
            format!("期限 {} 已过", fmt_date(dl)),
            format!("the deadline {} has passed", fmt_date(dl)),
        ));
    }
    let rec: Supervision = serde_json::from_value(json!({
        "id": ext, "title": title, "source": t.source, "lead": lead,
        "assigned": fmt_date(env.today()), "deadline": t.deadline.map(fmt_date),
    }))
    .map_err(|e| Error::bad_input("supervision", e.to_string()))?;
    let sup = register::upsert_supervision(tx, env, &rec, Audit::Batch)?.id();
    link(tx, id, "supervision_id", sup)?;
    let after = register::row_json(tx, "supervision", sup)?;
    audited(
        tx,
        env,
        "log-to-supervision",
        "supervision",
        sup,
        format!(
            "{}将值班日志 {} 列为督办事项 {ext}《{title}》",
            me.name, s.ext_id
        ),
        format!(
            "{} turned duty log entry {} into supervision item {ext} “{title}”",
            me.name, s.ext_id
        ),
        None,
        after.or_else(|| Some(json!({"duty_log": s.ext_id, "supervision": ext}))),
    )
}

/// Keeps the link from the entry to what it became.
fn link(tx: &Connection, id: i64, column: &'static str, item: i64) -> Result<()> {
    let sql = match column {
        "document_id" => "UPDATE duty_log SET document_id = ?2 WHERE id = ?1",
        _ => "UPDATE duty_log SET supervision_id = ?2 WHERE id = ?1",
    };
    tx.prepare_cached(sql)
        .db("preparing the duty log link")?
        .execute(params![id, item])
        .db("linking a duty log entry")?;
    Ok(())
}
