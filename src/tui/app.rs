//! The board's state: focus, per-pane filter and selection (by item id, never by row
//! number), the mode (normal, filter, command, form, confirm, detail, help) and the
//! current snapshot. `update` (in `update.rs`) is the only thing that changes it.

use super::action::PaneId;
use super::form::{Call, Form};
use super::input::TextInput;
use super::keymap::{Context, Keymap};
use super::layout;
use super::theme::Theme;
use crate::domain::Env;
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::Store;
use crate::store::queries::{
    self, ApprovalRow, Bi, Detail, Filter, Header, Item, MeetingRow, Pane, SupervisionRow,
};
use ratatui::layout::Rect;

/// Everything the board shows, read in one transaction.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub header: Header,
    pub approvals: Pane<ApprovalRow>,
    pub supervision: Pane<SupervisionRow>,
    pub meetings: Pane<MeetingRow>,
}

impl Snapshot {
    /// Reads the snapshot for these filters.
    pub fn read(store: &mut Store, env: &Env, filters: [&Filter; 3]) -> Result<Snapshot> {
        store.read(|tx| {
            Ok(Snapshot {
                header: queries::header(tx, env)?,
                approvals: queries::approvals(tx, env, filters[0])?,
                supervision: queries::supervision(tx, env, filters[1])?,
                meetings: queries::meetings(tx, env, filters[2])?,
            })
        })
    }
    /// The item ids of a pane, in row order.
    pub fn ids(&self, pane: PaneId) -> Vec<i64> {
        match pane {
            PaneId::Approvals => self.approvals.rows.iter().map(|r| r.id).collect(),
            PaneId::Supervision => self.supervision.rows.iter().map(|r| r.id).collect(),
            PaneId::Meetings => self.meetings.rows.iter().map(|r| r.id).collect(),
        }
    }
}

/// A pane's own state.
#[derive(Debug, Clone, Default)]
pub struct PaneUi {
    pub filter: Filter,
    /// The selected item's id; the row follows the item across refreshes.
    pub selected: Option<i64>,
    /// The first row shown.
    pub offset: usize,
    /// Rows the pane shows at the current size (for paging).
    pub viewport: usize,
}

/// What the keyboard is doing.
#[derive(Debug, Clone)]
pub enum Mode {
    /// Moving around the board.
    Normal,
    /// Typing the focused pane's filter; `before` is restored on Esc.
    Filter {
        input: TextInput,
        before: Option<String>,
    },
    /// Typing a `:` command.
    Command(TextInput),
    /// Filling in an action's form.
    Form(Form),
    /// A yes/no question.
    Confirm(Confirm),
    /// One item's detail, scrolled by `scroll` lines.
    Detail { detail: Box<Detail>, scroll: usize },
    /// The key help, scrolled by `scroll` lines.
    Help { scroll: usize },
}

/// A question and what happens on yes.
#[derive(Debug, Clone)]
pub struct Confirm {
    pub question: Bi,
    pub on_yes: Pending,
}

/// What a confirmation confirms.
#[derive(Debug, Clone)]
pub enum Pending {
    /// Perform a call; on no, go back to its form.
    Call(Call, Box<Form>),
    /// Quit, leaving the form unsaved; on no, go back to it.
    Quit(Option<Box<Form>>),
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// The whole board.
pub struct App {
    pub lang: Lang,
    pub env: Env,
    pub keymap: Keymap,
    pub theme: Theme,
    pub focus: PaneId,
    pub panes: [PaneUi; 3],
    pub snap: Snapshot,
    pub mode: Mode,
    pub message: Option<Message>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Whether the last refresh succeeded (the header's live marker).
    pub live: bool,
}

impl App {
    /// A board on `store`, with the first snapshot read.
    pub fn new(
        store: &mut Store,
        env: Env,
        lang: Lang,
        keymap: Keymap,
        theme: Theme,
        due_soon: u32,
    ) -> Result<App> {
        let mut panes: [PaneUi; 3] = Default::default();
        for p in &mut panes {
            p.filter.due_soon_workdays = due_soon;
        }
        let snap = Snapshot::read(
            store,
            &env,
            [&panes[0].filter, &panes[1].filter, &panes[2].filter],
        )?;
        let mut app = App {
            lang,
            env,
            keymap,
            theme,
            focus: PaneId::Approvals,
            panes,
            snap,
            mode: Mode::Normal,
            message: None,
            size: (80, 24),
            live: true,
        };
        for p in PaneId::ALL {
            app.panes[p.index()].selected = app.snap.ids(p).first().copied();
        }
        app.resize(80, 24);
        Ok(app)
    }

    /// The focused pane's state.
    pub fn ui(&mut self) -> &mut PaneUi {
        &mut self.panes[self.focus.index()]
    }

    /// The selected row's index in a pane.
    pub fn selected_index(&self, pane: PaneId) -> Option<usize> {
        let id = self.panes[pane.index()].selected?;
        self.snap.ids(pane).iter().position(|x| *x == id)
    }

    /// The selected item of the focused pane.
    pub fn selected_item(&self) -> Option<Item> {
        let id = self.panes[self.focus.index()].selected?;
        self.selected_index(self.focus)?;
        Some(match self.focus {
            PaneId::Approvals => Item::Document(id),
            PaneId::Supervision => Item::Supervision(id),
            PaneId::Meetings => Item::Meeting(id),
        })
    }

    /// Re-reads the snapshot (and the open detail), keeping each selection on its item
    /// and on the same screen row where it can.
    pub fn reload(&mut self, store: &mut Store) -> Result<()> {
        let before: Vec<Option<usize>> = PaneId::ALL
            .iter()
            .map(|p| self.selected_index(*p))
            .collect();
        let f = &self.panes;
        let snap = Snapshot::read(store, &self.env, [&f[0].filter, &f[1].filter, &f[2].filter])?;
        self.snap = snap;
        for p in PaneId::ALL {
            let ids = self.snap.ids(p);
            let ui = &mut self.panes[p.index()];
            let old = before[p.index()];
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
            }
            clamp_offset(ui, idx, ids.len());
        }
        if let Mode::Detail { detail, .. } = &mut self.mode {
            let item = detail.item;
            match store.read(|tx| queries::detail(tx, &self.env, item)) {
                Ok(d) => **detail = d,
                Err(crate::Error::NotFound(_)) => self.mode = Mode::Normal,
                Err(e) => return Err(e),
            }
        }
        self.live = true;
        Ok(())
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
    }

    /// Sets the status message.
    pub fn say(&mut self, text: impl Into<String>, error: bool) {
        self.message = Some(Message {
            text: text.into(),
            error,
        });
    }

    /// The keymap contexts for the current mode, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        match self.mode {
            Mode::Normal => &[Context::Board, Context::Global],
            Mode::Filter { .. } | Mode::Command(_) | Mode::Form(_) => {
                &[Context::Text, Context::Global]
            }
            Mode::Confirm(_) => &[Context::Confirm, Context::Global],
            Mode::Detail { .. } => &[Context::Detail, Context::Global],
            Mode::Help { .. } => &[Context::Help, Context::Global],
        }
    }

    /// Whether keys are typed into an input (printable keys insert text).
    pub fn typing(&self) -> bool {
        matches!(
            self.mode,
            Mode::Filter { .. } | Mode::Command(_) | Mode::Form(_)
        )
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
