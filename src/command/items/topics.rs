//! Topics (议题) on a meeting's agenda: added by the office or a leader, approved by
//! the chair or the 区长, and their papers recorded as in.

use super::meetings::{exec, load, planned, record};
use super::snapshot::{self, Table};
use super::{Done, actor, required};
use crate::clock::fmt_date;
use crate::domain::Env;
use crate::domain::permission::{self, OfficeAct};
use crate::error::{DbContext, Error, Result};
use rusqlite::{Connection, OptionalExtension, params};

/// The parts of a topic row the actions look at.
struct Topic {
    id: i64,
    meeting_id: i64,
    title: String,
    approved: bool,
    materials_on: Option<String>,
}

fn load_topic(conn: &Connection, id: i64) -> Result<Topic> {
    conn.prepare_cached(
        "SELECT id, meeting_id, title, approved, materials_on FROM topics WHERE id = ?1",
    )
    .db("preparing the topic query")?
    .query_row([id], |r| {
        Ok(Topic {
            id: r.get(0)?,
            meeting_id: r.get(1)?,
            title: r.get(2)?,
            approved: r.get(3)?,
            materials_on: r.get(4)?,
        })
    })
    .optional()
    .db(format!("reading topic {id}"))?
    .ok_or_else(|| Error::NotFound(format!("topic id {id}")))
}

/// Adds a topic to a meeting still to be held, optionally from a department.
pub fn add_topic(
    tx: &Connection,
    env: &Env,
    meeting_id: i64,
    title: &str,
    dept: Option<i64>,
) -> Result<Done> {
    let me = actor(tx, env)?;
    let m = load(tx, meeting_id)?;
    planned(&m, "增加议题", "add topics")?;
    let title = required(title, "议题名称", "topic title")?;
    if let Some(d) = dept {
        let known: bool = tx
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM departments WHERE id = ?1)")
            .db("preparing the department check")?
            .query_row([d], |r| r.get(0))
            .db("checking a department")?;
        if !known {
            return Err(Error::NotFound(format!("department id {d}")));
        }
    }
    permission::may_add_topic(&me.who())?;
    let at = env.now_str();
    exec(
        tx,
        "INSERT INTO topics(meeting_id, title, dept_id, added_at) VALUES (?1, ?2, ?3, ?4)",
        params![m.id, title, dept, at],
        "adding a topic",
    )?;
    let after = snapshot::row(tx, Table::Topic, tx.last_insert_rowid())?;
    let text = (
        format!("{}为《{}》增加议题：{title}", me.name, m.title),
        format!("{} added the topic “{title}” to “{}”", me.name, m.title),
    );
    record(&at, "add_topic", m.id, text, None, after).commit(tx, env)
}

/// Approves a topic; the meeting's chair or the 区长 may.
pub fn approve_topic(tx: &Connection, env: &Env, topic_id: i64) -> Result<Done> {
    let me = actor(tx, env)?;
    let t = load_topic(tx, topic_id)?;
    let m = load(tx, t.meeting_id)?;
    planned(&m, "审定议题", "approve topics")?;
    if t.approved {
        return Err(Error::refused(
            format!("议题“{}”已审定", t.title),
            format!("topic “{}” is already approved", t.title),
        ));
    }
    permission::may_approve_topic(&me.who(), m.chair_id)?;
    let at = env.now_str();
    let before = snapshot::row(tx, Table::Topic, t.id)?;
    exec(
        tx,
        "UPDATE topics SET approved = 1 WHERE id = ?1",
        [t.id],
        "approving a topic",
    )?;
    let after = snapshot::row(tx, Table::Topic, t.id)?;
    let text = (
        format!("{}审定《{}》议题：{}", me.name, m.title, t.title),
        format!(
            "{} approved the topic “{}” of “{}”",
            me.name, t.title, m.title
        ),
    );
    record(&at, "approve_topic", m.id, text, before, after).commit(tx, env)
}

/// Records that a topic's papers are in (today).
pub fn topic_materials_in(tx: &Connection, env: &Env, topic_id: i64) -> Result<Done> {
    let me = actor(tx, env)?;
    let t = load_topic(tx, topic_id)?;
    let m = load(tx, t.meeting_id)?;
    planned(&m, "登记议题材料", "record topic materials")?;
    if let Some(on) = &t.materials_on {
        return Err(Error::refused(
            format!("议题“{}”的材料已于 {on} 登记", t.title),
            format!("the papers for topic “{}” were recorded on {on}", t.title),
        ));
    }
    permission::may_office(&me.who(), OfficeAct::MaterialsIn, None)?;
    let at = env.now_str();
    let before = snapshot::row(tx, Table::Topic, t.id)?;
    exec(
        tx,
        "UPDATE topics SET materials_on = ?2 WHERE id = ?1",
        params![t.id, fmt_date(env.today())],
        "recording topic materials",
    )?;
    let after = snapshot::row(tx, Table::Topic, t.id)?;
    let text = (
        format!("{}登记《{}》议题材料已报送：{}", me.name, m.title, t.title),
        format!(
            "{} recorded the papers for “{}” as in ({})",
            me.name, t.title, m.title
        ),
    );
    record(&at, "materials_in", m.id, text, before, after).commit(tx, env)
}

/// The chair of the meeting a topic belongs to (for the board's question before approving).
pub(crate) fn chair_of(conn: &Connection, topic_id: i64) -> Result<Option<i64>> {
    let t = load_topic(conn, topic_id)?;
    Ok(load(conn, t.meeting_id)?.chair_id)
}
