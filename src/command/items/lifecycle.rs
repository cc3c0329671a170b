//! A meeting's life: held (at its actual start, never before the planned one), cancelled
//! with a reason, moved to another start (what it owes — materials, minutes, documents —
//! recomputed from the new day). Minutes and documents issued are in `meetings`.

use super::meetings::{exec, load, planned, record};
use super::snapshot::{self, Table};
use super::{Done, actor, required};
use crate::domain::deadline;
use crate::domain::permission;
use crate::domain::roles::{self, Act, Grant};
use crate::domain::{Env, MeetingState};
use crate::error::{DbContext, Error, Result};
use crate::store::people::Person;
use chrono::NaiveDateTime;
use rusqlite::{Connection, params};

/// The office, or the chair where the matrix grants the chair.
fn may(me: &Person, act: Act, chair: Option<i64>) -> Result<()> {
    match roles::grant(Some(me.role), act) {
        Grant::Yes => Ok(()),
        Grant::Chair if chair == Some(me.id) => Ok(()),
        _ => Err(permission::refusal(act, None)),
    }
}

/// Whether `me` may take `act` on meeting `id` (the board asks before opening the form).
pub(crate) fn authorize(tx: &Connection, me: &Person, id: i64, act: Act) -> Result<()> {
    let m = load(tx, id)?;
    may(me, act, m.chair_id)
}

/// A meeting's planned start as stored (`YYYY-MM-DD HH:MM[:SS]`, or with a `T`).
pub(crate) fn start_of(tx: &Connection, id: i64) -> Result<NaiveDateTime> {
    let s: String = tx
        .prepare_cached("SELECT start_at FROM meetings WHERE id = ?1")
        .db("preparing the meeting start")?
        .query_row([id], |r| r.get(0))
        .db("reading the meeting start")?;
    parse_start(&s).ok_or_else(|| Error::invalid(format!("meeting {id}"), format!("start '{s}'")))
}

/// Parses a stored or typed start: `2026-12-10 09:30`, with seconds, or with a `T`.
pub fn parse_start(s: &str) -> Option<NaiveDateTime> {
    let t = s.trim().replace('T', " ");
    ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&t, f).ok())
}

fn hm(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// Records a planned meeting as held at `at` (now when None): not before its planned
/// start, not in the future.
pub fn held(tx: &Connection, env: &Env, id: i64, at: Option<NaiveDateTime>) -> Result<Done> {
    let me = actor(tx, env)?;
    let m = load(tx, id)?;
    planned(&m, "登记召开", "record it as held")?;
    may(&me, Act::MeetingHeld, m.chair_id)?;
    let start = start_of(tx, id)?;
    let now = env.now();
    let at = at.unwrap_or(now);
    if at < start {
        return Err(Error::refused(
            format!(
                "会议《{}》定于 {} 开始，不能登记为 {} 已召开",
                m.title,
                hm(start),
                hm(at)
            ),
            format!(
                "meeting “{}” starts at {}; it cannot be recorded as held at {}",
                m.title,
                hm(start),
                hm(at)
            ),
        ));
    }
    if at > now {
        return Err(Error::refused(
            format!("召开时间 {} 晚于现在", hm(at)),
            format!("the time held, {}, is in the future", hm(at)),
        ));
    }
    let before = snapshot::row(tx, Table::Meeting, id)?;
    exec(
        tx,
        "UPDATE meetings SET state = ?2, held_at = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, MeetingState::Held, hm(at), env.now_str()],
        "recording a meeting as held",
    )?;
    let after = snapshot::row(tx, Table::Meeting, id)?;
    let text = (
        format!("{}登记《{}》已于 {} 召开", me.name, m.title, hm(at)),
        format!("{} recorded “{}” as held at {}", me.name, m.title, hm(at)),
    );
    record("", "meeting_held", id, text, before, after).commit(tx, env)
}

/// Cancels a planned meeting, with the reason.
pub fn cancel(tx: &Connection, env: &Env, id: i64, reason: &str) -> Result<Done> {
    let me = actor(tx, env)?;
    let m = load(tx, id)?;
    planned(&m, "取消", "cancel it")?;
    may(&me, Act::MeetingCancel, m.chair_id)?;
    let reason = required(reason, "取消原因", "reason for cancelling")?;
    let before = snapshot::row(tx, Table::Meeting, id)?;
    exec(
        tx,
        "UPDATE meetings SET state = ?2, cancel_reason = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, MeetingState::Cancelled, reason, env.now_str()],
        "cancelling a meeting",
    )?;
    let after = snapshot::row(tx, Table::Meeting, id)?;
    let text = (
        format!("{}取消《{}》：{reason}", me.name, m.title),
        format!("{} cancelled “{}”: {reason}", me.name, m.title),
    );
    record("", "meeting_cancel", id, text, before, after).commit(tx, env)
}

/// Moves a planned meeting to `to` (not in the past); the materials, minutes and documents
/// deadlines follow the new day. A materials deadline on a day off is named in the summary.
pub fn move_to(tx: &Connection, env: &Env, id: i64, to: NaiveDateTime) -> Result<Done> {
    let me = actor(tx, env)?;
    let m = load(tx, id)?;
    planned(&m, "改期", "move it")?;
    may(&me, Act::MeetingMove, m.chair_id)?;
    if to < env.now() {
        return Err(Error::refused(
            format!("新的开始时间 {} 已过", hm(to)),
            format!("the new start, {}, has passed", hm(to)),
        ));
    }
    let major: bool = tx
        .prepare_cached("SELECT major_revisions FROM meetings WHERE id = ?1")
        .db("preparing the meeting")?
        .query_row([id], |r| r.get(0))
        .db("reading the meeting")?;
    let day = to.date();
    let ma = deadline::materials(env, m.kind, day);
    let mi = deadline::minutes(env, m.kind, day);
    let d = deadline::documents(env, m.kind, day, major);
    let before = snapshot::row(tx, Table::Meeting, id)?;
    exec(
        tx,
        "UPDATE meetings SET start_at = ?2, materials_due = ?3, materials_rule = ?4,
             materials_article = ?5, minutes_due = ?6, minutes_rule = ?7, minutes_article = ?8,
             docs_due = ?9, docs_rule = ?10, docs_article = ?11, updated_at = ?12
         WHERE id = ?1",
        params![
            id,
            to.format("%Y-%m-%d %H:%M:%S").to_string(),
            ma.due.to_string(),
            ma.rule,
            ma.article,
            mi.as_ref().map(|x| x.due.to_string()),
            mi.as_ref().map(|x| x.rule.clone()),
            mi.as_ref().and_then(|x| x.article.clone()),
            d.due.to_string(),
            d.rule,
            d.article,
            env.now_str()
        ],
        "moving a meeting",
    )?;
    let after = snapshot::row(tx, Table::Meeting, id)?;
    let (off_zh, off_en) = if env.calendar.is_workday(ma.due) {
        (String::new(), String::new())
    } else {
        (
            format!("（材料截止日 {} 为休息日）", ma.due),
            format!(" (the materials deadline, {}, is a day off)", ma.due),
        )
    };
    let text = (
        format!(
            "{}将《{}》改至 {}，材料 {} 前报送{off_zh}",
            me.name,
            m.title,
            hm(to),
            ma.due
        ),
        format!(
            "{} moved “{}” to {}; materials due {}{off_en}",
            me.name,
            m.title,
            hm(to),
            ma.due
        ),
    );
    record("", "meeting_move", id, text, before, after).commit(tx, env)
}
