//! The alerts: a 特急/特急重要 document arriving, an item turning overdue today, a meeting
//! starting within the hour, a countersign reply limit that passed. Each has a key naming
//! the event (the item and the day, the meeting and its start, the request), so the board
//! raises it once however often it re-reads. Pure functions of the snapshot, the feed and
//! the time, so they are tested without a terminal.

use super::super::snapshot::Snapshot;
use crate::domain::Urgency;
use crate::i18n::{Lang, Named};
use crate::store::audit::feed::FeedRow;
use crate::store::queries::lapsed::Lapsed;
use crate::text::{printable, truncate};
use chrono::{Duration, NaiveDateTime};

/// What an alert is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Arrival,
    Overdue,
    Meeting,
    Countersign,
}

/// One raised alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// The event's key ("arrival:document:12", "overdue:supervision:7:2026-11-20").
    pub key: String,
    pub kind: Kind,
    /// Short heading (the notification's title).
    pub title: String,
    /// One line, already made printable.
    pub text: String,
    /// The board's local time when raised, `HH:MM`.
    pub at: String,
    pub acked: bool,
}

/// A bell and/or desktop notification for the terminal layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub bell: bool,
    pub desktop: bool,
    pub title: String,
    pub body: String,
}

fn quoted(title: &str, lang: Lang) -> String {
    let t = truncate(&printable(title), 30);
    match lang {
        Lang::Zh => format!("《{t}》"),
        Lang::En => format!("\u{201c}{t}\u{201d}"),
    }
}

fn alert(key: String, kind: Kind, lang: Lang, text: String, now: NaiveDateTime) -> Alert {
    let title = match kind {
        Kind::Arrival => lang.pick("值班台：特急公文", "dutydesk: urgent document"),
        Kind::Overdue => lang.pick("值班台：今日逾期", "dutydesk: overdue today"),
        Kind::Meeting => lang.pick("值班台：会议将开始", "dutydesk: meeting soon"),
        Kind::Countersign => lang.pick("值班台：会签逾期", "dutydesk: countersign lapsed"),
    };
    Alert {
        key,
        kind,
        title: title.to_string(),
        text: printable(&text).into_owned(),
        at: now.format("%H:%M").to_string(),
        acked: false,
    }
}

/// A 特急 or 特急重要 document registered (by an import or a form): its arrival alert.
pub fn arrival(r: &FeedRow, lang: Lang) -> Option<Alert> {
    if r.entity != "document" || !r.created {
        return None;
    }
    let u = Urgency::parse(r.urgency.as_deref()?)?;
    if !matches!(u, Urgency::VeryUrgent | Urgency::Critical) {
        return None;
    }
    let from = r.from_dept.clone().unwrap_or_default();
    let title = quoted(r.title.as_deref().unwrap_or(""), lang);
    let text = match lang {
        Lang::Zh => format!("{from}报来{}公文{title}", u.name(lang)),
        Lang::En => format!("{} document from {from}: {title}", u.name(lang)),
    };
    // The time of day is the feed's, not the board's: the row says when it arrived.
    let at = NaiveDateTime::parse_from_str(&r.at, "%Y-%m-%d %H:%M:%S").ok()?;
    let id = r.entity_id?;
    Some(alert(
        format!("arrival:document:{id}"),
        Kind::Arrival,
        lang,
        text,
        at,
    ))
}

/// The alerts that hold in a snapshot at `now`: items that turned overdue today (first
/// working day past the deadline), meetings starting within the hour, countersign limits
/// that ran out with the last working day.
pub fn scan(snap: &Snapshot, lapsed: &[Lapsed], now: NaiveDateTime, lang: Lang) -> Vec<Alert> {
    let today = now.date();
    let mut out = Vec::new();
    let late = |d: &crate::store::queries::Due| d.overdue && d.workdays_left >= -1;
    for r in snap.approvals.rows.iter().filter(|r| late(&r.due)) {
        let text = match lang {
            Lang::Zh => format!("公文{}{}今日起逾期", r.ext_id, quoted(&r.title, lang)),
            Lang::En => format!(
                "document {} {} is overdue as of today",
                r.ext_id,
                quoted(&r.title, lang)
            ),
        };
        out.push(alert(
            format!("overdue:document:{}:{today}", r.id),
            Kind::Overdue,
            lang,
            text,
            now,
        ));
    }
    for r in snap.supervision.rows.iter().filter(|r| late(&r.deadline)) {
        let text = match lang {
            Lang::Zh => format!("督办{}{}今日起逾期", r.ext_id, quoted(&r.title, lang)),
            Lang::En => format!(
                "supervision {} {} is overdue as of today",
                r.ext_id,
                quoted(&r.title, lang)
            ),
        };
        out.push(alert(
            format!("overdue:supervision:{}:{today}", r.id),
            Kind::Overdue,
            lang,
            text,
            now,
        ));
    }
    for m in &snap.meetings.rows {
        let start = m.start.replace('T', " ");
        let Ok(at) =
            NaiveDateTime::parse_from_str(start.get(..16).unwrap_or(&start), "%Y-%m-%d %H:%M")
        else {
            continue;
        };
        if at < now || at - now > Duration::hours(1) {
            continue;
        }
        let hm = at.format("%H:%M");
        let place = printable(&m.place).into_owned();
        let text = match lang {
            Lang::Zh => format!(
                "{hm} {}{}（{place}）",
                m.kind.name(lang),
                quoted(&m.title, lang)
            ),
            Lang::En => format!(
                "{hm} {} {} ({place})",
                m.kind.name(lang),
                quoted(&m.title, lang)
            ),
        };
        out.push(alert(
            format!("meeting:{}:{}", m.id, m.start),
            Kind::Meeting,
            lang,
            text,
            now,
        ));
    }
    for c in lapsed {
        let text = match lang {
            Lang::Zh => format!(
                "{}会签{}{}期限已过（{}）",
                printable(&c.dept),
                c.ext_id,
                quoted(&c.title, lang),
                c.due
            ),
            Lang::En => format!(
                "countersign by {} on {} {} lapsed ({})",
                printable(&c.dept),
                c.ext_id,
                quoted(&c.title, lang),
                c.due
            ),
        };
        out.push(alert(
            format!("countersign:{}", c.id),
            Kind::Countersign,
            lang,
            text,
            now,
        ));
    }
    out
}
