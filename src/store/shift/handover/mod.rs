//! The facts of a shift's handover report (交接班): what happened in the window — from the
//! audit log and the duty log —, what turned overdue, what the next shift must watch, and
//! who is on duty next. `crate::shift::report` writes it as Markdown, text or JSON.
//!
//! The window is local time (UTC+8). Audit rows keep the real time in UTC; on a training
//! database, whose writes carry a pinned business date, a row is placed on that date
//! instead (its real time of day means nothing there) and shown without a time.

mod watch;

use super::log::{LogFilter, LogLine, entries};
use super::rota;
use super::{parse_local, short_time};
use crate::clock::{fmt_date, fmt_datetime};
use crate::command::identity::is_training;
use crate::domain::Env;
use crate::error::{DbContext, Result};
use crate::i18n::Lang;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use watch::{meetings_between, turned_overdue, watch};

/// How many events of one kind the report lists before it only counts the rest.
pub const PER_KIND: usize = 30;

/// The kinds of event the report groups the audit log into, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Arrived,
    Signed,
    Returned,
    Forwarded,
    Urged,
    Extended,
    Closed,
    Decision,
    Other,
}

impl EventKind {
    /// The audit action's kind; None for actions the report leaves out (the duty log's own,
    /// which the report lists from the duty log, and housekeeping).
    pub fn of(action: &str, entity: &str, inserted: bool) -> Option<EventKind> {
        Some(match action {
            "import" if entity == "document" && inserted => EventKind::Arrived,
            "log-to-document" => EventKind::Arrived,
            "sign" | "sign-on-paper" => EventKind::Signed,
            "return" | "return-on-paper" => EventKind::Returned,
            "forward" => EventKind::Forwarded,
            "urge" => EventKind::Urged,
            "extend" => EventKind::Extended,
            "close" => EventKind::Closed,
            "decide" | "log-to-supervision" => EventKind::Decision,
            "import" | "demo" | "init" | "history" | "admin-add" | "calendar-import"
            | "decision" | "log-add" | "log-report" | "handover" | "handover-confirm" => {
                return None;
            }
            _ => EventKind::Other,
        })
    }
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            EventKind::Arrived => lang.pick("新到公文", "Arrived"),
            EventKind::Signed => lang.pick("签批", "Signed"),
            EventKind::Returned => lang.pick("退回", "Returned"),
            EventKind::Forwarded => lang.pick("转办", "Forwarded"),
            EventKind::Urged => lang.pick("催办", "Urged"),
            EventKind::Extended => lang.pick("延期", "Extended"),
            EventKind::Closed => lang.pick("销号", "Closed"),
            EventKind::Decision => lang.pick("立项督办（决定事项）", "Decisions recorded"),
            EventKind::Other => lang.pick("其他操作", "Other actions"),
        }
    }
}

/// One thing that happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub kind: EventKind,
    /// "11-20 09:05", or "11-20" for a row placed by its business date.
    pub when: String,
    pub actor: String,
    pub summary: String,
}

/// An item to watch or that turned overdue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WatchItem {
    /// "document", "supervision", "meeting".
    pub entity: &'static str,
    pub ext_id: String,
    pub title: String,
    pub due: NaiveDate,
    /// What is due ("待批", "督办期限", "纪要", "回头看", an urgency).
    pub what: String,
}

/// A meeting in the next 24 hours and what it still owes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingWatch {
    pub ext_id: String,
    pub title: String,
    pub start: String,
    pub place: String,
    pub owes_zh: Vec<String>,
    pub owes_en: Vec<String>,
}

/// A day's 值班 and 带班领导.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duty {
    pub day: NaiveDate,
    pub officer: Option<String>,
    pub leader: Option<String>,
}

/// What the next shift must watch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Watch {
    /// Due today or by the next working day (documents, supervision items).
    pub due_soon: Vec<WatchItem>,
    /// Pending 特急 and 特急重要 documents.
    pub critical: Vec<WatchItem>,
    pub meetings: Vec<MeetingWatch>,
    /// 回头看 dates by the next working day.
    pub rechecks: Vec<WatchItem>,
    /// Incidents not yet reported up, whenever received.
    pub unreported: Vec<LogLine>,
}

/// The whole report's facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub district: String,
    pub since: String,
    pub until: String,
    /// The outgoing shift's day.
    pub shift_date: NaiveDate,
    pub outgoing: Duty,
    pub incoming: Duty,
    pub happened: Vec<Event>,
    /// Events left out per kind beyond [`PER_KIND`].
    pub more: Vec<(EventKind, usize)>,
    pub meetings_held: Vec<MeetingWatch>,
    pub log: Vec<LogLine>,
    pub turned_overdue: Vec<WatchItem>,
    pub watch: Watch,
}

/// The default start of a shift: the end of the last saved handover, else 24 hours ago.
pub fn default_since(conn: &Connection, until: NaiveDateTime) -> Result<NaiveDateTime> {
    let last: Option<String> = conn
        .prepare_cached("SELECT until FROM handovers WHERE until <= ?1 ORDER BY until DESC LIMIT 1")
        .db("preparing the last handover query")?
        .query_row([fmt_datetime(until)], |r| r.get(0))
        .optional()
        .db("reading the last handover")?;
    Ok(last
        .as_deref()
        .and_then(parse_local)
        .unwrap_or(until - Duration::hours(24)))
}

/// The outgoing shift's day: a handover before noon ends the previous day's shift.
pub fn shift_day(until: NaiveDateTime) -> NaiveDate {
    let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN);
    if until.time() < noon {
        until.date().pred_opt().unwrap_or(until.date())
    } else {
        until.date()
    }
}

/// Reads the report for the window `since..=until` (local times).
pub fn report(
    conn: &Connection,
    env: &Env,
    since: NaiveDateTime,
    until: NaiveDateTime,
) -> Result<Report> {
    let shift_date = shift_day(until);
    let next = shift_date.succ_opt().unwrap_or(shift_date);
    let (happened, more) = events(conn, since, until)?;
    let log = entries(
        conn,
        &LogFilter {
            since: Some(fmt_datetime(since)),
            until: Some(fmt_datetime(until)),
            ..LogFilter::default()
        },
    )?;
    Ok(Report {
        district: env.profile.district.name.clone(),
        since: fmt_datetime(since),
        until: fmt_datetime(until),
        shift_date,
        outgoing: duty(conn, env, shift_date)?,
        incoming: duty(conn, env, next)?,
        happened,
        more,
        meetings_held: meetings_between(conn, env, since, until)?,
        log,
        turned_overdue: turned_overdue(conn, since.date(), until.date())?,
        watch: watch(conn, env, until)?,
    })
}

/// A day's 值班 and 带班领导 from the rota.
pub fn duty(conn: &Connection, env: &Env, day: NaiveDate) -> Result<Duty> {
    let line = rota::days(conn, env, day, 1)?.into_iter().next();
    Ok(Duty {
        day,
        officer: line.as_ref().and_then(|l| l.officer.clone()),
        leader: line.and_then(|l| l.leader),
    })
}

/// Events of a kind left out of the list, and how many.
type Uncounted = (EventKind, usize);

/// The audit rows in the window, grouped by kind (oldest first within a kind).
fn events(
    conn: &Connection,
    since: NaiveDateTime,
    until: NaiveDateTime,
) -> Result<(Vec<Event>, Vec<Uncounted>)> {
    let utc = |t: NaiveDateTime| {
        (t - Duration::hours(8))
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string()
    };
    // Real rows by their UTC time (`audit_by_at`); on a training database also rows whose
    // business date falls in the window.
    let training = is_training(conn)?;
    let mut stmt = conn
        .prepare_cached(
            "SELECT a.at, a.business_date, a.actor, COALESCE(p.name, a.actor), a.action,
                    a.entity, a.before IS NULL, a.summary
             FROM audit a LEFT JOIN people p ON p.login = a.actor
             WHERE (a.business_date IS NULL AND a.at >= ?1 AND a.at <= ?2 || 'Z')
                OR (?3 AND a.business_date >= ?4 AND a.business_date <= ?5)
             ORDER BY a.id",
        )
        .db("preparing the shift's audit query")?;
    let rows = stmt
        .query_map(
            params![
                utc(since),
                utc(until),
                training,
                fmt_date(since.date()),
                fmt_date(until.date())
            ],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, bool>(6)?,
                    r.get::<_, String>(7)?,
                ))
            },
        )
        .db("reading the shift's audit rows")?;
    let mut out: Vec<Event> = Vec::new();
    let mut more: Vec<(EventKind, usize)> = Vec::new();
    for row in rows {
        let (at, business, actor, action, entity, inserted, summary) =
            row.db("reading an audit row")?;
        let Some(kind) = EventKind::of(&action, &entity, inserted) else {
            continue;
        };
        if out.iter().filter(|e| e.kind == kind).count() >= PER_KIND {
            match more.iter_mut().find(|m| m.0 == kind) {
                Some(m) => m.1 += 1,
                None => more.push((kind, 1)),
            }
            continue;
        }
        let when = match business {
            Some(d) => d.get(5..10).unwrap_or(&d).to_string(),
            None => parse_local(&crate::store::audit::local_time(&at))
                .map(short_time)
                .unwrap_or(at),
        };
        out.push(Event {
            kind,
            when,
            actor,
            summary,
        });
    }
    out.sort_by_key(|e| e.kind);
    Ok((out, more))
}
