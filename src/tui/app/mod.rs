//! The board's state: focus, per-pane filter and selection (by item id, never by row
//! number), the mode (normal, filter, command, form, confirm, detail, finding, help) and
//! the current snapshot. `update` (in `update/`) is the only thing that changes it.

use super::action::PaneId;
use super::findings;
use super::form::Form;
use super::input::TextInput;
use super::keymap::{Context, Keymap};
use super::theme::Theme;
use crate::command::Command;
use crate::domain::Env;
use crate::domain::compliance::Finding;
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::Store;
use crate::store::queries::{self, Bi, Detail, Filter, Item};

mod pane;
mod scroll;

pub use super::snapshot::Snapshot;
use pane::MARGIN;
pub use pane::PaneUi;

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
    /// A finding about something without a detail view of its own (a meeting kind, a day
    /// of the duty rota, an absence, …), scrolled by `scroll` lines.
    Finding {
        finding: Box<Finding>,
        scroll: usize,
    },
    /// The key help, scrolled by `scroll` lines.
    Help { scroll: usize },
    /// A duty shift view (duty log, handover, rota), with its form if one is open.
    Shift(Box<super::shift::ShiftState>),
    /// The 督查通报 view.
    Report(Box<super::report::ReportUi>),
    /// Today's events and the alerts raised (`!`); `selected` indexes the list's rows
    /// (alerts first, then events).
    Events { selected: usize },
    /// A list of lines with a title ("my actions today", a history search), scrolled.
    Lines {
        title: Bi,
        lines: Vec<Bi>,
        scroll: usize,
    },
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
    Call(Command, Box<Form>),
    /// Quit, leaving the form unsaved; on no, go back to it.
    Quit(Option<Box<Form>>),
    /// A date on a day off was chosen: on yes, go on (to the confirmation if the action
    /// has one); on no, back to the form.
    DayOff(Command, Box<Form>),
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
    /// One per [`PaneId::ALL`].
    pub panes: [PaneUi; 4],
    pub snap: Snapshot,
    pub mode: Mode,
    /// Where a form or confirmation opened from the detail view returns to (the detail,
    /// re-read) once it is done or cancelled.
    pub return_to: Option<Box<Mode>>,
    pub message: Option<Message>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Whether the last refresh succeeded (the header's live marker).
    pub live: bool,
    /// What changed since the board last showed it: marks, arrivals above the viewport,
    /// toasts, today's events and alerts (`tui/triage/`).
    pub triage: super::triage::Triage,
    /// An action waiting for a busy database (see `tui::retry`).
    pub waiting: Option<super::retry::Waiting>,
    /// The 合规 findings per item, brought up to date on each re-read.
    pub held: super::findings_refresh::Held,
}

impl App {
    /// A board on `store` with its findings: [`App::open`], then
    /// [`App::complete_findings`].
    pub fn new(
        store: &mut Store,
        env: Env,
        lang: Lang,
        keymap: Keymap,
        theme: Theme,
        due_soon: u32,
    ) -> Result<App> {
        let mut app = App::open(store, env, lang, keymap, theme, due_soon)?;
        app.complete_findings(store)?;
        Ok(app)
    }

    /// A board on `store`: reads the header and the panes and writes nothing; the 合规
    /// findings are still to come ([`App::complete_findings`]), so the first frame does
    /// not wait for them. The status line says how many countersign requests count as
    /// deemed no objection today (see [`App::deemed_note`]).
    pub fn open(
        store: &mut Store,
        env: Env,
        lang: Lang,
        keymap: Keymap,
        theme: Theme,
        due_soon: u32,
    ) -> Result<App> {
        let mut panes: [PaneUi; 4] = Default::default();
        for p in &mut panes {
            p.filter.due_soon_workdays = due_soon;
            // The board opens in priority order: the most urgent is the first row.
            p.filter.sort = queries::SortKey::Priority;
        }
        fit_windows(&mut panes);
        let snap = Snapshot::read(store, &env, filters(&panes))?;
        let mut app = App {
            lang,
            env,
            keymap,
            theme,
            focus: PaneId::Approvals,
            panes,
            snap,
            mode: Mode::Normal,
            return_to: None,
            message: None,
            size: (80, 24),
            live: true,
            triage: super::triage::Triage::default(),
            waiting: None,
            held: super::findings_refresh::Held::for_lang(lang),
        };
        app.message = app
            .deemed_note(store)
            .map(|text| Message { text, error: false });
        for p in PaneId::ALL {
            app.panes[p.index()].selected = app.snap.ids(p).first().copied();
        }
        app.resize(80, 24);
        super::triage::start(&mut app, store);
        Ok(app)
    }

    /// Computes the findings a board opened by [`App::open`] does not have yet; the 合规
    /// view's selection goes to its first finding.
    pub fn complete_findings(&mut self, store: &mut Store) -> Result<()> {
        let c = PaneId::Compliance.index();
        self.held.refresh(store, &self.env)?;
        fit_windows(&mut self.panes);
        let f = &self.panes[c].filter;
        self.snap.findings = self.held.view(f.text.as_deref(), f.limit);
        let ids = self.snap.ids(PaneId::Compliance);
        let ui = &mut self.panes[c];
        if ui.selected.is_none_or(|id| !ids.contains(&id)) {
            ui.selected = ids.first().copied();
        }
        let (w, h) = self.size;
        self.resize(w, h);
        Ok(())
    }

    /// Whether the acting person could take `a` on some item, by the role matrix: the
    /// status line offers only those (an account off the staff list is offered none).
    pub fn offers(&self, a: super::action::ItemAction) -> bool {
        let role = self.snap.header.me.as_ref().map(|m| m.1);
        a.acts()
            .iter()
            .any(|act| crate::domain::roles::possible(role, false, *act))
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

    /// The selected item of the focused pane; in the 合规 view, the item the selected
    /// finding is about (None for a finding about a kind, a day or a group of people).
    pub fn selected_item(&self) -> Option<Item> {
        let id = self.panes[self.focus.index()].selected?;
        self.selected_index(self.focus)?;
        match self.focus {
            PaneId::Approvals => Some(Item::Document(id)),
            PaneId::Supervision => Some(Item::Supervision(id)),
            PaneId::Meetings => Some(Item::Meeting(id)),
            PaneId::Compliance => self.selected_finding().and_then(findings::item_of),
        }
    }

    /// The selected finding of the 合规 view.
    pub fn selected_finding(&self) -> Option<&Finding> {
        let key = self.panes[PaneId::Compliance.index()].selected?;
        self.snap.findings.get(key)
    }

    /// "N countersign requests are deemed no objection" as of the board's today, derived
    /// on read (the board never records them; `dutydesk settle` does), or None when there
    /// are none. Under `:goto` this is the what-if for the chosen day. A failed count is
    /// logged and left out: it is a remark, the panes show the same answers.
    pub fn deemed_note(&self, store: &mut Store) -> Option<String> {
        let n = match store.read(|tx| queries::deemed_on_read(tx, &self.env)) {
            Ok(n) => n,
            Err(e) => {
                tracing::warn!("counting deemed countersigns failed: {e}");
                return None;
            }
        };
        (n > 0).then(|| match self.lang {
            Lang::Zh => format!("{n} 项会签逾期未复，视为无不同意见"),
            Lang::En => {
                format!("{n} countersign request(s) unanswered past the limit: deemed no objection")
            }
        })
    }

    /// Re-reads the snapshot (and the open detail), keeping each selection on its item
    /// and on the same screen row where it can.
    pub fn reload(&mut self, store: &mut Store) -> Result<()> {
        let before = self.positions();
        let above = self.ids_above();
        fit_windows(&mut self.panes);
        let snap = Snapshot::read_with(
            store,
            &self.env,
            filters(&self.panes),
            &mut self.held,
            Some(&self.snap),
        )?;
        let old = std::mem::replace(&mut self.snap, snap);
        self.follow(&before, &above);
        super::triage::observe(self, store, &old);
        if let Mode::Detail { detail, .. } = &mut self.mode {
            let item = detail.item;
            match store.read(|tx| queries::detail(tx, &self.env, item)) {
                Ok(d) => **detail = d,
                Err(crate::Error::NotFound(_)) => self.mode = Mode::Normal,
                // An item whose stored dates cannot be read: back to the board, saying so
                // (the 合规 view lists it as data.unreadable); the board stays live.
                Err(e @ crate::Error::Invalid { .. }) => {
                    self.mode = Mode::Normal;
                    self.say(e.to_string(), true);
                }
                Err(e) => return Err(e),
            }
        }
        if let Mode::Shift(s) = &mut self.mode {
            s.reload(store, &self.env)?;
        }
        // The report follows the data and the clock like the panes do.
        if let Mode::Report(ui) = &mut self.mode {
            ui.reload(store, &self.env)?;
        }
        self.live = true;
        Ok(())
    }

    /// Re-reads the panes for a changed filter or sort (the findings are kept and only
    /// re-filtered: the data did not change).
    pub fn requery(&mut self, store: &mut Store) -> Result<()> {
        let before = self.positions();
        let above = self.ids_above();
        fit_windows(&mut self.panes);
        self.snap.requery(store, &self.env, filters(&self.panes))?;
        self.snap.refilter(
            &mut self.held,
            &self.panes[PaneId::Compliance.index()].filter,
        );
        self.follow(&before, &above);
        self.finish_end();
        Ok(())
    }

    /// Says so when the text just typed or pasted was cut at the input limit.
    pub fn note_cut(&mut self) {
        let cut = match &mut self.mode {
            Mode::Filter { input, .. } | Mode::Command(input) => input.take_cut(),
            Mode::Form(f) => f.fields.iter_mut().any(|x| x.input.take_cut()),
            _ => false,
        };
        if cut {
            let n = super::input::MAX_CHARS;
            self.say(
                self.lang.pick(
                    &format!("输入过长：最多 {n} 个字，多余部分未输入"),
                    &format!("too long: at most {n} characters; the rest was left out"),
                ),
                true,
            );
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
            Mode::Normal => &[Context::Board, Context::Item, Context::Global],
            Mode::Filter { .. } | Mode::Command(_) | Mode::Form(_) => {
                &[Context::Text, Context::Global]
            }
            Mode::Confirm(_) => &[Context::Confirm, Context::Global],
            Mode::Detail { .. } => &[Context::Detail, Context::Item, Context::Global],
            Mode::Finding { .. } | Mode::Events { .. } | Mode::Lines { .. } => {
                &[Context::Detail, Context::Global]
            }
            Mode::Help { .. } => &[Context::Help, Context::Global],
            Mode::Shift(ref s) if s.form.is_some() => &[Context::Text, Context::Global],
            Mode::Shift(_) => &[Context::Shift, Context::Global],
            Mode::Report(_) => &[Context::Report, Context::Global],
        }
    }

    /// Whether keys are typed into an input (printable keys insert text).
    pub fn typing(&self) -> bool {
        matches!(
            self.mode,
            Mode::Filter { .. } | Mode::Command(_) | Mode::Form(_)
        ) || matches!(&self.mode, Mode::Shift(s) if s.form.is_some())
    }
}

/// Sets each pane's row window (the 合规 view's too) from its scroll position and size.
fn fit_windows(panes: &mut [PaneUi; 4]) {
    for ui in panes.iter_mut() {
        ui.filter.limit = ui.window();
    }
}

/// The panes' filters, in [`PaneId::ALL`] order.
fn filters(panes: &[PaneUi; 4]) -> [&Filter; 4] {
    [
        &panes[0].filter,
        &panes[1].filter,
        &panes[2].filter,
        &panes[3].filter,
    ]
}
