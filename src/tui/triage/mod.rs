//! Triage: what changed since the board last showed it, and who did it. After every
//! re-read of the snapshot (`App::reload`) [`observe`] compares the new snapshot with the
//! one before and reads the audit rows written since (`store::audit::feed`):
//!
//! - rows that arrived in a pane are marked 新, rows someone else acted on 改, until the
//!   selection lands on them ([`after_key`]);
//! - arrivals or moves above a pane's viewport are kept for the title's `↑N 新` marker
//!   (`App::follow` notes them; the `n` key jumps to the first);
//! - other people's actions become a toast on the status line (`toasts.rs`);
//! - alerts (`alerts.rs`) are raised once per event and board, into the `!` list, the
//!   banner and the outbox that the terminal layer (`tui/notify.rs`) turns into the bell
//!   and desktop notifications.
//!
//! Nothing here writes to the terminal or to the database.

pub mod alerts;
pub mod toasts;

use super::action::PaneId;
use super::app::App;
use super::snapshot::Snapshot;
use crate::config::alerts::Alerts as Settings;
use crate::store::Store;
use crate::store::audit::feed::{self, FeedRow};
use alerts::{Alert, Notice};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// How many audit rows one refresh reads at most (a bulk import is summed up in one
/// toast; marks and alerts come from the first rows, the rest is skipped over).
pub const FEED_BATCH: usize = 200;

/// A row's mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Arrived in the pane since the board last showed it.
    New,
    /// Someone else acted on it since.
    Changed,
}

impl Mark {
    /// The prefix of the row's title cell.
    pub fn prefix(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Mark::New => lang.pick("新 ", "new "),
            Mark::Changed => lang.pick("改 ", "chg "),
        }
    }
}

/// The board's triage state.
#[derive(Debug, Clone, Default)]
pub struct Triage {
    /// The last audit row the board has seen (None before the first read).
    pub last_audit: Option<i64>,
    /// The day the last snapshot was read for: a changed day (midnight, `:goto`) is a new
    /// baseline, not a wave of arrivals.
    pub day: Option<NaiveDate>,
    pub marks: HashMap<(PaneId, i64), Mark>,
    /// Per pane ([`PaneId::ALL`] order): ids above the viewport that arrived or moved
    /// there since the board last showed them.
    pub above: [Vec<i64>; 4],
    /// The latest toast (others' actions), cleared by the next key.
    pub toast: Option<String>,
    /// Every alert raised on this board, oldest first.
    pub alerts: Vec<Alert>,
    raised: HashSet<String>,
    /// Bells and notifications for the terminal layer to send.
    pub outbox: Vec<Notice>,
    pub settings: Settings,
    /// Today's events, read when the `!` list opens (newest first).
    pub events: Vec<FeedRow>,
    /// The board shows another day than the real one (`:goto`, a pinned demo day): its
    /// alerts are listed and shown, never rung or sent to the desktop.
    pub what_if: bool,
}

impl Triage {
    /// The mark of a row.
    pub fn mark(&self, pane: PaneId, id: i64) -> Option<Mark> {
        self.marks.get(&(pane, id)).copied()
    }

    /// After a re-read: `ids` is the pane's new row order, `offset` its first row shown,
    /// `was_above` the ids that were above the viewport before. An id now above that was
    /// not above before arrived or moved there out of sight.
    pub fn note_above(&mut self, p: PaneId, ids: &[i64], offset: usize, was_above: &[i64]) {
        let now_above: HashSet<i64> = ids.iter().take(offset).copied().collect();
        let before: HashSet<i64> = was_above.iter().copied().collect();
        let list = &mut self.above[p.index()];
        list.retain(|id| now_above.contains(id));
        for id in ids.iter().take(offset) {
            if !before.contains(id) && !list.contains(id) {
                list.push(*id);
            }
        }
    }

    /// Alerts not yet acknowledged.
    pub fn open_alerts(&self) -> impl Iterator<Item = &Alert> {
        self.alerts.iter().filter(|a| !a.acked)
    }

    /// Raises `a` unless an alert with its key was raised on this board before; queues
    /// the bell and the notification as the settings allow at `now`.
    pub fn raise(&mut self, a: Alert, now: chrono::NaiveTime) {
        if !self.settings_allow(&a) || !self.raised.insert(a.key.clone()) {
            return;
        }
        let quiet = self.what_if || self.settings.is_quiet(now);
        if !quiet && (self.settings.bell || self.settings.desktop) {
            self.outbox.push(Notice {
                bell: self.settings.bell,
                desktop: self.settings.desktop,
                title: a.title.clone(),
                body: a.text.clone(),
            });
        }
        self.alerts.push(a);
    }

    fn settings_allow(&self, a: &Alert) -> bool {
        use alerts::Kind;
        let s = &self.settings;
        match a.kind {
            Kind::Arrival => s.arrival,
            Kind::Overdue => s.overdue,
            Kind::Meeting => s.meeting,
            Kind::Countersign => s.countersign,
        }
    }
}

/// The first read: where the feed starts, and the alerts that already hold (an item that
/// turned overdue today, a meeting within the hour, a countersign limit just passed).
pub fn start(app: &mut App, store: &mut Store) {
    match store.read(|tx| feed::last_id(tx)) {
        Ok(id) => app.triage.last_audit = Some(id),
        Err(e) => tracing::warn!("reading the audit head failed: {e}"),
    }
    app.triage.day = Some(app.env.today());
    raise_from_snapshot(app, store);
}

/// After a re-read (`old` is the snapshot before): marks, toasts and alerts.
pub fn observe(app: &mut App, store: &mut Store, old: &Snapshot) {
    let today = app.env.today();
    let same_day = app.triage.day == Some(today);
    app.triage.day = Some(today);
    if same_day {
        mark_arrivals(app, old);
    } else {
        // A new day (midnight, :goto) is a new baseline: nothing "arrived".
        app.triage.marks.clear();
        app.triage.above = Default::default();
    }
    let rows = read_feed(app, store);
    let me = app.env.actor.clone();
    let others: Vec<&FeedRow> = rows.iter().filter(|r| r.actor != me).collect();
    for r in &others {
        if let (Some(p), Some(id)) = (pane_of(&r.entity), r.entity_id) {
            let in_pane = app.snap.ids(p).contains(&id);
            if in_pane {
                app.triage.marks.entry((p, id)).or_insert(Mark::Changed);
            }
        }
    }
    if let Some(t) = toasts::summarize(&others, app.lang) {
        app.triage.toast = Some(t);
    }
    let now = app.env.clock.now().time();
    app.triage.what_if = today != crate::clock::Clock::system().today();
    for r in &rows {
        if let Some(a) = alerts::arrival(r, app.lang) {
            app.triage.raise(a, now);
        }
    }
    raise_from_snapshot(app, store);
}

/// Alerts from the snapshot and the lapsed countersigns.
fn raise_from_snapshot(app: &mut App, store: &mut Store) {
    let lapsed =
        match store.read(|tx| crate::store::queries::lapsed::lapsed_countersigns(tx, &app.env)) {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!("reading lapsed countersigns failed: {e}");
                Vec::new()
            }
        };
    let now = app.env.clock.now();
    // A pinned day other than the real one (a demo, `:goto`) has no time of day to speak
    // of: meetings "within the hour" are only alerted on the real day.
    let real_day = now.date() == crate::clock::Clock::system().today();
    app.triage.what_if = !real_day;
    for a in alerts::scan(&app.snap, &lapsed, now, app.lang) {
        if a.kind == alerts::Kind::Meeting && !real_day {
            continue;
        }
        app.triage.raise(a, now.time());
    }
}

/// The audit rows since the last read (at most [`FEED_BATCH`]); moves the mark past all
/// of them, skipping the rest of a bulk write.
fn read_feed(app: &mut App, store: &mut Store) -> Vec<FeedRow> {
    let Some(after) = app.triage.last_audit else {
        return Vec::new();
    };
    let read = store.read(|tx| {
        let rows = feed::after(tx, after, FEED_BATCH)?;
        let last = if rows.len() == FEED_BATCH {
            feed::last_id(tx)?
        } else {
            rows.last().map_or(after, |r| r.id)
        };
        Ok((rows, last))
    });
    match read {
        Ok((rows, last)) => {
            app.triage.last_audit = Some(last);
            rows
        }
        Err(e) => {
            tracing::warn!("reading the audit feed failed: {e}");
            Vec::new()
        }
    }
}

/// Rows in a board pane now that were not in it before are marked 新.
fn mark_arrivals(app: &mut App, old: &Snapshot) {
    for p in PaneId::BOARD {
        let before: HashSet<i64> = old.ids(p).into_iter().collect();
        let now = app.snap.ids(p);
        let keep: HashSet<i64> = now.iter().copied().collect();
        app.triage
            .marks
            .retain(|(q, id), _| *q != p || keep.contains(id));
        for id in now {
            if !before.contains(&id) {
                app.triage.marks.insert((p, id), Mark::New);
            }
        }
    }
}

/// The pane whose rows are of an audit entity.
fn pane_of(entity: &str) -> Option<PaneId> {
    PaneId::BOARD
        .into_iter()
        .find(|p| p.entity() == Some(entity))
}

/// After a key (not a refresh): the toast goes, the selected row's mark goes, and ids
/// above the viewport that are now in sight leave the `↑N` marker.
pub fn after_key(app: &mut App) {
    app.triage.toast = None;
    let p = app.focus;
    if let Some(id) = app.panes[p.index()].selected {
        app.triage.marks.remove(&(p, id));
    }
    for q in PaneId::ALL {
        let ids = app.snap.ids(q);
        let offset = app.panes[q.index()].offset;
        let above: HashSet<i64> = ids.iter().take(offset).copied().collect();
        app.triage.above[q.index()].retain(|id| above.contains(id));
    }
}

/// Jumps to the first row above the viewport that the `↑N 新` marker counts.
pub fn jump_new(app: &mut App) -> bool {
    let p = app.focus;
    let ids = app.snap.ids(p);
    let first = app.triage.above[p.index()]
        .iter()
        .filter_map(|id| ids.iter().position(|x| x == id))
        .min();
    let Some(i) = first else {
        return false;
    };
    let cur = app.selected_index(p).unwrap_or(0);
    app.move_by(i as isize - cur as isize);
    app.triage.above[p.index()].clear();
    true
}

/// The order the `!` list shows the alerts in: not yet acknowledged first, newest first
/// within each (indexes into `alerts`).
pub fn alert_order(t: &Triage) -> Vec<usize> {
    let mut order: Vec<usize> = (0..t.alerts.len()).rev().collect();
    order.sort_by_key(|i| t.alerts[*i].acked);
    order
}
