//! The header's today line: what falls due today, today's meetings (the next one named),
//! the 特急 documents waiting and the leaders away, counted from the snapshot:
//! `今天到期 3 | 今日会议 2（10:00 常务会议）| 特急 2 | 外出领导 1`.

use crate::domain::Urgency;
use crate::i18n::{Lang, Named};
use crate::tui::app::App;

/// The line's facts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Today {
    pub due_today: usize,
    pub meetings: usize,
    /// The next meeting today (or the first, once all have started): "10:00 常务会议".
    pub next_meeting: Option<String>,
    pub very_urgent: usize,
    pub away: usize,
}

/// Counts the snapshot's rows for the board's today.
pub fn facts(app: &App) -> Today {
    let s = &app.snap;
    let today = s.header.today;
    let due_today = s
        .approvals
        .rows
        .iter()
        .filter(|r| r.due.due == today)
        .count()
        + s.supervision
            .rows
            .iter()
            .filter(|r| r.deadline.due == today)
            .count();
    let mut todays: Vec<_> = s.meetings.rows.iter().filter(|m| m.day == today).collect();
    todays.sort_by(|a, b| a.start.cmp(&b.start));
    let now = app.env.clock.now().format("%H:%M").to_string();
    let hm = |m: &&crate::store::queries::MeetingRow| m.start.get(11..16).unwrap_or("").to_string();
    let next = todays
        .iter()
        .find(|m| hm(m) >= now)
        .or(todays.first())
        .map(|m| format!("{} {}", hm(m), m.kind.name(app.lang)));
    Today {
        due_today,
        meetings: todays.len(),
        next_meeting: next,
        very_urgent: s
            .approvals
            .rows
            .iter()
            .filter(|r| matches!(r.urgency, Urgency::VeryUrgent | Urgency::Critical))
            .count(),
        away: s.header.away.len(),
    }
}

/// The line's text.
pub fn line(t: &Today, l: Lang) -> String {
    let next = match (&t.next_meeting, l) {
        (Some(n), Lang::Zh) => format!("（{n}）"),
        (Some(n), Lang::En) => format!(" ({n})"),
        (None, _) => String::new(),
    };
    match l {
        Lang::Zh => format!(
            " 今天到期 {} | 今日会议 {}{next} | 特急 {} | 外出领导 {}",
            t.due_today, t.meetings, t.very_urgent, t.away
        ),
        Lang::En => format!(
            " due today {} | meetings today {}{next} | very urgent {} | leaders away {}",
            t.due_today, t.meetings, t.very_urgent, t.away
        ),
    }
}
