//! The board's rows in sight: the selection and scroll position of each pane, kept on
//! the same item across re-reads, moved by keys, fitted to the terminal's size, and the
//! rows read further when the selection nears the end of those read.

use super::{App, MARGIN, PaneUi};
use crate::tui::action::PaneId;
use crate::tui::layout;
use ratatui::layout::Rect;

impl App {
    /// Selects the last row of a pane whose `End` waited for its last rows.
    pub(super) fn finish_end(&mut self) {
        for p in PaneId::ALL {
            if !std::mem::take(&mut self.panes[p.index()].to_end) {
                continue;
            }
            let ids = self.snap.ids(p);
            if let Some(last) = ids.last() {
                let ui = &mut self.panes[p.index()];
                ui.selected = Some(*last);
                clamp_offset(ui, Some(ids.len() - 1), ids.len());
            }
        }
    }

    /// How many rows a pane has in all (the rows read are a window of them).
    pub fn pane_total(&self, pane: PaneId) -> usize {
        match pane {
            PaneId::Approvals => self.snap.approvals.total,
            PaneId::Supervision => self.snap.supervision.total,
            PaneId::Meetings => self.snap.meetings.total,
            PaneId::Compliance => self.snap.findings.len(),
        }
    }

    /// Whether the focused pane should read further rows: the selection came near the
    /// end of the rows read while more exist, or the viewport grew past them.
    pub fn needs_rows(&self) -> bool {
        let p = self.focus;
        let ui = &self.panes[p.index()];
        let read = self.snap.ids(p).len();
        read < self.pane_total(p) && read < ui.window().saturating_sub(MARGIN / 2)
    }

    /// `End`: the last row, reading the rows up to it first when they are not read yet.
    /// Returns whether a re-read is needed.
    pub fn to_end(&mut self) -> bool {
        let p = self.focus;
        let total = self.pane_total(p);
        if self.snap.ids(p).len() >= total {
            self.move_by(isize::MAX / 2);
            return false;
        }
        let ui = &mut self.panes[p.index()];
        ui.offset = total.saturating_sub(ui.viewport.max(1));
        ui.to_end = true;
        true
    }

    /// Each pane's ids above its viewport (scrolled out of sight), before a re-read.
    pub(super) fn ids_above(&self) -> Vec<Vec<i64>> {
        PaneId::ALL
            .iter()
            .map(|p| {
                let mut ids = self.snap.ids(*p);
                ids.truncate(self.panes[p.index()].offset);
                ids
            })
            .collect()
    }

    pub(super) fn positions(&self) -> Vec<Option<usize>> {
        PaneId::ALL
            .iter()
            .map(|p| self.selected_index(*p))
            .collect()
    }

    /// After a re-read: each selection finds its item again, else stays at its position.
    /// When the top of the list was in sight with the selection on the top row, it stays
    /// in sight, so an arrival above shows; other arrivals or moves above the viewport are
    /// noted for the title's `↑N 新` marker.
    pub(super) fn follow(&mut self, before: &[Option<usize>], above: &[Vec<i64>]) {
        for p in PaneId::ALL {
            let ids = self.snap.ids(p);
            let ui = &mut self.panes[p.index()];
            let old = before[p.index()];
            let old_offset = ui.offset;
            let screen_row = old.map(|o| o.saturating_sub(ui.offset));
            let found = ui.selected.and_then(|id| ids.iter().position(|x| *x == id));
            let idx = match (found, old) {
                (Some(i), _) => Some(i),
                // The item left the pane (signed, closed, filtered out): stay at the same
                // row position, now on its neighbour.
                (None, Some(o)) if !ids.is_empty() => Some(o.min(ids.len() - 1)),
                _ if !ids.is_empty() => Some(0),
                _ => None,
            };
            ui.selected = idx.map(|i| ids[i]);
            if let (Some(i), Some(row)) = (idx, screen_row) {
                ui.offset = i.saturating_sub(row);
                if old_offset == 0 && (row == 0 || i < ui.viewport) {
                    ui.offset = 0;
                }
            }
            clamp_offset(ui, idx, ids.len());
            let offset = ui.offset;
            self.triage.note_above(p, &ids, offset, &above[p.index()]);
        }
    }

    /// Moves the focused pane's selection by `delta` rows (clamped).
    pub fn move_by(&mut self, delta: isize) {
        let ids = self.snap.ids(self.focus);
        if ids.is_empty() {
            return;
        }
        let cur = self.selected_index(self.focus).unwrap_or(0);
        let next = cur.saturating_add_signed(delta).min(ids.len() - 1);
        let ui = &mut self.panes[self.focus.index()];
        ui.selected = Some(ids[next]);
        clamp_offset(ui, Some(next), ids.len());
    }

    /// Records the terminal size and the page size of each pane.
    pub fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        let areas = layout::areas(Rect::new(0, 0, w, h), self.focus);
        for p in PaneId::ALL {
            let rows = areas.map_or(1, |a| layout::rows_in(a.panes[p.index()]));
            let idx = self.selected_index(p);
            let len = self.snap.ids(p).len();
            let ui = &mut self.panes[p.index()];
            ui.viewport = rows.max(1);
            clamp_offset(ui, idx, len);
        }
        // The 合规 view's rows come from memory: a taller view reads more of them at once.
        let c = &mut self.panes[PaneId::Compliance.index()];
        let read = self.snap.findings.read();
        if read < c.window() && read < self.snap.findings.len() {
            c.filter.limit = c.window();
            self.snap.refilter(&mut self.held, &c.filter);
        }
    }
}

/// Keeps the selected row inside the viewport, and never leaves rows scrolled out of
/// sight above while the rest of the list would fit.
fn clamp_offset(ui: &mut PaneUi, idx: Option<usize>, len: usize) {
    let Some(i) = idx else {
        ui.offset = 0;
        return;
    };
    let rows = ui.viewport.max(1);
    ui.offset = ui.offset.min(len.saturating_sub(rows));
    if i < ui.offset {
        ui.offset = i;
    } else if i >= ui.offset + rows {
        ui.offset = i + 1 - rows;
    }
}
