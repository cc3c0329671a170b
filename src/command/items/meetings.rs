//! Actions on meetings: leave requests (请假), and the minutes (纪要) and documents a
//! meeting owes. Each is recorded in the meeting's history (topics too, see `topics`).

use super::snapshot::{self, Table};
use super::{Done, Record, actor, required};
use crate::clock::{fmt_date, parse_date};
use crate::domain::deadline::owes_minutes;
use crate::domain::permission::{self, OfficeAct};
use crate::domain::{Env, MeetingKind, MeetingState};
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use crate::store::people;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

/// The parts of a meeting row the actions look at.
pub(super) struct Meeting {
    pub(super) id: i64,
    pub(super) title: String,
    pub(super) kind: MeetingKind,
    pub(super) day: NaiveDate,
    pub(super) chair_id: Option<i64>,
    pub(super) state: MeetingState,
    pub(super) docs_owed: i64,
    pub(super) minutes_issued_on: Option<String>,
    pub(super) docs_issued_on: Option<String>,
}

pub(super) fn load(conn: &Connection, id: i64) -> Result<Meeting> {
    let row = conn
        .prepare_cached(
            "SELECT id, title, kind, start_at, chair_id, state, docs_owed, minutes_issued_on,
             docs_issued_on FROM meetings WHERE id = ?1",
        )
        .db("preparing the meeting query")?
        .query_row([id], |r| {
            Ok((
                (
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get(2)?,
                    r.get::<_, String>(3)?,
                ),
                (r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?),
            ))
        })
        .optional()
        .db(format!("reading meeting {id}"))?
        .ok_or_else(|| Error::NotFound(format!("meeting id {id}")))?;
    let ((id, title, kind, start_at), (chair_id, state, docs_owed, minutes, docs)) = row;
    // start_at is "YYYY-MM-DD HH:MM" (or with a T); the day is its first ten characters.
    let day = start_at.get(..10).unwrap_or(&start_at);
    Ok(Meeting {
        day: parse_date(&format!("meeting {id} start"), day)?,
        id,
        title,
        kind,
        chair_id,
        state,
        docs_owed,
        minutes_issued_on: minutes,
        docs_issued_on: docs,
    })
}

/// Refused unless the meeting is still to be held.
pub(super) fn planned(m: &Meeting, zh_verb: &str, en_verb: &str) -> Result<()> {
    if m.state == MeetingState::Planned {
        return Ok(());
    }
    Err(Error::refused(
        format!("会议《{}》{}，不能再{zh_verb}", m.title, m.state.zh()),
        format!(
            "meeting “{}” is {}; cannot {en_verb}",
            m.title,
            m.state.en()
        ),
    ))
}

/// Refused when the meeting was cancelled or has not happened yet (its start, to the
/// minute, still ahead).
pub(super) fn held(
    tx: &Connection,
    m: &Meeting,
    env: &Env,
    zh_what: &str,
    en_what: &str,
) -> Result<()> {
    if m.state == MeetingState::Cancelled {
        return Err(Error::refused(
            format!("会议《{}》已取消，没有{zh_what}", m.title),
            format!("meeting “{}” was cancelled; it owes no {en_what}", m.title),
        ));
    }
    let start = super::lifecycle::start_of(tx, m.id)?;
    if m.state == MeetingState::Planned && start > env.now() {
        return Err(Error::refused(
            format!("会议《{}》定于 {} 召开，尚未召开", m.title, fmt_date(m.day)),
            format!(
                "meeting “{}” is on {}; it has not been held yet",
                m.title,
                fmt_date(m.day)
            ),
        ));
    }
    Ok(())
}

pub(super) fn exec(
    conn: &Connection,
    sql: &str,
    p: impl rusqlite::Params,
    what: &str,
) -> Result<usize> {
    conn.prepare_cached(sql)
        .db(format!("preparing: {what}"))?
        .execute(p)
        .db(what.to_string())
}

/// The audit record of an action on a meeting (its history holds its topics and leave).
pub(super) fn record<'a>(
    at: &'a str,
    action: &'a str,
    meeting_id: i64,
    text: (String, String),
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Record<'a> {
    let _ = at; // the audit takes the real time itself
    Record {
        action,
        entity: "meeting",
        id: meeting_id,
        zh: text.0,
        en: text.1,
        before,
        after,
        acted_for: None,
    }
}

/// Records a leave request from `person_login` for a meeting still to be held.
pub fn request_leave(
    tx: &Connection,
    env: &Env,
    meeting_id: i64,
    person_login: &str,
    reason: &str,
    in_writing: bool,
) -> Result<Done> {
    let me = actor(tx, env)?;
    let m = load(tx, meeting_id)?;
    planned(&m, "请假", "ask leave")?;
    let reason = required(reason, "请假事由", "reason for the leave request")?;
    let person = people::find_by_login(tx, person_login)?.ok_or_else(|| {
        Error::refused(
            format!("没有登录名为“{person_login}”的人员"),
            format!("nobody has the login '{person_login}'"),
        )
    })?;
    let exists: bool = tx
        .prepare_cached(
            "SELECT EXISTS(SELECT 1 FROM leave_requests WHERE meeting_id = ?1 AND person_id = ?2)",
        )
        .db("preparing the leave check")?
        .query_row(params![m.id, person.id], |r| r.get(0))
        .db("checking for an earlier leave request")?;
    if exists {
        return Err(Error::refused(
            format!("{}已就《{}》请过假", person.name, m.title),
            format!("{} has already asked leave from “{}”", person.name, m.title),
        ));
    }
    let rule = env
        .profile
        .meetings
        .get(m.kind.key())
        .and_then(|r| r.dept_head_leave_in_writing.as_ref());
    permission::may_request_leave(&me.who(), &person.who(), in_writing, rule)?;
    let at = env.now_str();
    exec(
        tx,
        "INSERT INTO leave_requests(meeting_id, person_id, requested_on, reason, in_writing)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![m.id, person.id, fmt_date(env.today()), reason, in_writing],
        "recording a leave request",
    )?;
    let after = snapshot::row(tx, Table::LeaveRequest, tx.last_insert_rowid())?;
    let (w_zh, w_en) = if in_writing {
        ("（书面）", " (in writing)")
    } else {
        ("", "")
    };
    let text = (
        format!("{}向《{}》请假{w_zh}：{reason}", person.name, m.title),
        format!(
            "{} asked leave from “{}”{w_en}: {reason}",
            person.name, m.title
        ),
    );
    record(&at, "request_leave", m.id, text, None, after).commit(tx, env)
}

/// What a meeting owes after it is held.
#[derive(Clone, Copy)]
enum Owed {
    Minutes,
    Documents,
}

/// Records that a held meeting's minutes or documents were issued on `on` (today when
/// None): not in the future, not before the meeting.
fn issued(
    tx: &Connection,
    env: &Env,
    meeting_id: i64,
    owed: Owed,
    on: Option<NaiveDate>,
) -> Result<Done> {
    let (zh_what, en_what) = match owed {
        Owed::Minutes => ("会议纪要", "minutes"),
        Owed::Documents => ("会议文件", "documents"),
    };
    let me = actor(tx, env)?;
    let m = load(tx, meeting_id)?;
    held(tx, &m, env, zh_what, en_what)?;
    let on = on.unwrap_or_else(|| env.today());
    if on > env.today() {
        return Err(Error::refused(
            format!("印发日期 {} 晚于今天", fmt_date(on)),
            format!("the day issued, {}, is after today", fmt_date(on)),
        ));
    }
    if on < m.day {
        return Err(Error::refused(
            format!("印发日期 {} 早于会议日期 {}", fmt_date(on), fmt_date(m.day)),
            format!(
                "the day issued, {}, is before the meeting on {}",
                fmt_date(on),
                fmt_date(m.day)
            ),
        ));
    }
    let (owes, done_on) = match owed {
        Owed::Minutes => (owes_minutes(m.kind), &m.minutes_issued_on),
        Owed::Documents => (m.docs_owed > 0, &m.docs_issued_on),
    };
    if !owes {
        return Err(Error::refused(
            format!("会议《{}》不需要印发{zh_what}", m.title),
            format!("meeting “{}” owes no {en_what}", m.title),
        ));
    }
    if let Some(on) = done_on {
        return Err(Error::refused(
            format!("会议《{}》的{zh_what}已于 {on} 印发", m.title),
            format!("the {en_what} of “{}” were issued on {on}", m.title),
        ));
    }
    if let Owed::Minutes = owed {
        super::meeting_duties::draft_before_issue(tx, env, &m)?;
    }
    let act = match owed {
        Owed::Minutes => OfficeAct::MinutesIssued,
        Owed::Documents => OfficeAct::DocumentsIssued,
    };
    permission::may_office(&me.who(), act, None)?;
    let at = env.now_str();
    let before = snapshot::row(tx, Table::Meeting, m.id)?;
    let sql = match owed {
        Owed::Minutes => {
            "UPDATE meetings SET minutes_issued_on = ?2, updated_at = ?3 WHERE id = ?1"
        }
        Owed::Documents => "UPDATE meetings SET docs_issued_on = ?2, updated_at = ?3 WHERE id = ?1",
    };
    exec(
        tx,
        sql,
        params![m.id, fmt_date(on), at],
        "recording an issue",
    )?;
    // Issuing what a meeting decided means it was held.
    exec(
        tx,
        "UPDATE meetings SET state = ?2 WHERE id = ?1 AND state = ?3",
        params![m.id, MeetingState::Held, MeetingState::Planned],
        "marking a meeting held",
    )?;
    let after = snapshot::row(tx, Table::Meeting, m.id)?;
    let (action, text) = match owed {
        Owed::Minutes => (
            "minutes_issued",
            (
                format!("{}登记《{}》会议纪要已于 {on} 印发", me.name, m.title),
                format!(
                    "{} recorded the minutes of “{}” as issued on {on}",
                    me.name, m.title
                ),
            ),
        ),
        Owed::Documents => (
            "documents_issued",
            (
                format!("{}登记《{}》会议文件已于 {on} 印发", me.name, m.title),
                format!(
                    "{} recorded the documents of “{}” as issued on {on}",
                    me.name, m.title
                ),
            ),
        ),
    };
    record(&at, action, m.id, text, before, after).commit(tx, env)
}

/// Records that a held meeting's minutes (纪要) were issued on a day (today when None).
pub fn minutes_issued(
    tx: &Connection,
    env: &Env,
    meeting_id: i64,
    on: Option<NaiveDate>,
) -> Result<Done> {
    issued(tx, env, meeting_id, Owed::Minutes, on)
}

/// Records that the documents decided at a held meeting were issued on a day.
pub fn documents_issued(
    tx: &Connection,
    env: &Env,
    meeting_id: i64,
    on: Option<NaiveDate>,
) -> Result<Done> {
    issued(tx, env, meeting_id, Owed::Documents, on)
}
