//! A meeting's decisions become supervision items (督办事项) with source 会议决定, a lead
//! department, co-departments and a deadline, linked to the meeting (环翠 54, 崆峒 四十七,
//! 华容 五十: the office tracks the decisions and reports on them).

use super::{Done, audited, cite, office_actor};
use crate::clock::fmt_date;
use crate::domain::roles::Act;
use crate::domain::{Env, MeetingKind, MeetingState, SupSource, SupState, deadline};
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

struct Meeting {
    id: i64,
    ext_id: String,
    title: String,
    kind: MeetingKind,
    state: MeetingState,
    start_at: String,
}

fn load(conn: &Connection, id: i64) -> Result<Meeting> {
    conn.prepare_cached(
        "SELECT id, ext_id, title, kind, state, start_at FROM meetings WHERE id = ?1",
    )
    .db("preparing the meeting query")?
    .query_row([id], |r| {
        Ok(Meeting {
            id: r.get(0)?,
            ext_id: r.get(1)?,
            title: r.get(2)?,
            kind: r.get(3)?,
            state: r.get(4)?,
            start_at: r.get(5)?,
        })
    })
    .optional()
    .db(format!("reading meeting {id}"))?
    .ok_or_else(|| Error::NotFound(format!("meeting id {id}")))
}

fn dept_name(conn: &Connection, id: i64) -> Result<String> {
    conn.prepare_cached("SELECT name FROM departments WHERE id = ?1")
        .db("preparing the department query")?
        .query_row([id], |r| r.get(0))
        .optional()
        .db(format!("reading department {id}"))?
        .ok_or_else(|| Error::NotFound(format!("department id {id}")))
}

/// A fresh external id for the meeting's next decision: "<meeting>-J<n>".
fn next_ext_id(conn: &Connection, m: &Meeting) -> Result<String> {
    let mut stmt = conn
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM supervision WHERE ext_id = ?1)")
        .db("preparing the id check")?;
    let count: i64 = conn
        .prepare_cached("SELECT COUNT(*) FROM supervision WHERE meeting_id = ?1")
        .db("preparing the decision count")?
        .query_row([m.id], |r| r.get(0))
        .db("counting the meeting's decisions")?;
    let mut n = count + 1;
    loop {
        let ext = format!("{}-J{n}", m.ext_id);
        let taken: bool = stmt
            .query_row([&ext], |r| r.get(0))
            .db("checking a new supervision id")?;
        if !taken {
            return Ok(ext);
        }
        n += 1;
    }
}

/// Records a decision of a held meeting as a supervision item led by `lead_dept` with
/// `co` helping; the deadline is the one given, else the default limit for a supervision
/// item (`deadline::supervision`). Office only.
pub fn record_decision(
    tx: &Connection,
    env: &Env,
    meeting_id: i64,
    title: &str,
    lead_dept: i64,
    co: &[i64],
    deadline_on: Option<NaiveDate>,
) -> Result<Done> {
    let me = office_actor(tx, env, Act::Decide)?;
    let m = load(tx, meeting_id)?;
    let title = title.trim();
    if title.is_empty() {
        return Err(Error::refused("请填写决定事项", "a decision needs a title"));
    }
    let day = crate::clock::parse_date(
        &format!("meeting {} start_at", m.ext_id),
        m.start_at.get(..10).unwrap_or(&m.start_at),
    )?;
    if m.state == MeetingState::Cancelled || day > env.today() {
        return Err(Error::refused(
            format!("会议《{}》{}，没有可登记的决定事项", m.title, m.state.zh()),
            format!(
                "meeting “{}” is {}; it has no decisions to record",
                m.title,
                m.state.en()
            ),
        ));
    }
    if let Some(d) = deadline_on.filter(|&d| d < day) {
        return Err(Error::refused(
            format!("期限 {} 早于会议日期 {}", fmt_date(d), fmt_date(day)),
            format!(
                "the deadline {} is before the meeting ({})",
                fmt_date(d),
                fmt_date(day)
            ),
        ));
    }
    let lead_name = dept_name(tx, lead_dept)?;
    let mut co_ids: Vec<i64> = co.iter().copied().filter(|&c| c != lead_dept).collect();
    co_ids.sort_unstable();
    co_ids.dedup();
    let co_names = co_ids
        .iter()
        .map(|&c| dept_name(tx, c))
        .collect::<Result<Vec<_>>>()?;
    let today = env.today();
    let dl = deadline::supervision(env, SupSource::MeetingDecision, today, deadline_on);
    let ext = next_ext_id(tx, &m)?;
    let now = env.now_str();
    tx.prepare_cached(
        "INSERT INTO supervision(ext_id, title, source, lead_dept, assigned, deadline,
             deadline_rule, deadline_article, state, meeting_id, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )
    .db("preparing the decision insert")?
    .execute(params![
        ext,
        title,
        SupSource::MeetingDecision,
        lead_dept,
        fmt_date(today),
        fmt_date(dl.due),
        dl.rule,
        dl.article,
        SupState::Open,
        m.id,
        now
    ])
    .db(format!("recording a decision of meeting {}", m.ext_id))?;
    let id = tx.last_insert_rowid();
    let mut ins = tx
        .prepare_cached("INSERT INTO supervision_co(supervision_id, dept_id) VALUES (?1, ?2)")
        .db("preparing the co-department insert")?;
    for &c in &co_ids {
        ins.execute(params![id, c])
            .db(format!("adding co-department {c} to decision {ext}"))?;
    }
    // The rule that has the office track the kind's decisions, where there is one.
    let tracked = env
        .profile
        .meeting(m.kind)
        .and_then(|r| r.decisions_tracked.as_ref())
        .or(env.profile.supervision.meeting_decisions_tracked.as_ref())
        .filter(|f| f.value)
        .map(|f| f.article.as_str());
    let (cz, ce) = cite(tracked);
    let (co_zh, co_en) = if co_names.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!("，协办：{}", co_names.join("、")),
            format!("; co: {}", co_names.join(", ")),
        )
    };
    let after = json!({
        "ext_id": ext, "title": title, "source": SupSource::MeetingDecision.zh(),
        "lead_dept": lead_dept, "co": co_ids, "assigned": fmt_date(today),
        "deadline": fmt_date(dl.due), "deadline_rule": dl.rule,
        "deadline_article": dl.article, "meeting_id": m.id,
    });
    audited(
        tx,
        env,
        "decision",
        "meeting",
        m.id,
        format!("{}将会议决定“{title}”列为督办事项 {ext}", me.name),
        format!(
            "{} made the decision “{title}” supervision item {ext}",
            me.name
        ),
        None,
        Some(after.clone()),
    )?;
    audited(
        tx,
        env,
        "decide",
        "supervision",
        id,
        format!(
            "{}登记《{}》决定事项{cz}，列为督办事项 {ext}：{title}（牵头：{lead_name}{co_zh}，期限 {}）",
            me.name,
            m.title,
            fmt_date(dl.due)
        ),
        format!(
            "{} recorded a decision of “{}”{ce} as supervision item {ext}: {title} (lead: {lead_name}{co_en}; due {})",
            me.name,
            m.title,
            fmt_date(dl.due)
        ),
        None,
        Some(after),
    )
}
