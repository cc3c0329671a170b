//! The duty shift on the board: three views that take the body — the duty log (值班日志,
//! key `L`), the handover report (交接班, `J`) and this week's and next week's rota (值班表,
//! `Z`) — with their small forms. The views read through `store::shift` and write through
//! `command::perform` like every other action; `update.rs` turns keys into both.

pub mod form;
pub mod update;

use crate::clock::fmt_datetime;
use crate::domain::Env;
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::Store;
use crate::store::shift::handover::{self, Report};
use crate::store::shift::log::{LogFilter, LogLine, entries};
use crate::store::shift::rota::{self, RotaLine};
use crate::tui::keymap::{Context, Keymap};
use form::ShiftForm;

/// Which view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShiftView {
    /// 值班日志.
    Log,
    /// 交接班: the report of the shift so far.
    Handover,
    /// 值班表: this week and next.
    Rota,
}

impl ShiftView {
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            ShiftView::Log => lang.pick("值班日志", "Duty log"),
            ShiftView::Handover => lang.pick("交接班", "Handover"),
            ShiftView::Rota => lang.pick("值班表（本周、下周）", "Rota (this week and next)"),
        }
    }
}

/// A key in the shift views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShiftAct {
    /// 登记: a new duty log entry.
    New,
    /// 已上报: record the selected incident as reported up.
    ReportUp,
    /// 转公文: the selected entry becomes a document to approve.
    ToDocument,
    /// 转督办: the selected entry becomes a supervision item.
    ToSupervision,
    /// Edit the selected day of the rota.
    EditDay,
    /// 交班: save the handover report and record it.
    Save,
    /// 接班确认.
    Confirm,
}

/// The views' state: what is shown, the selection, an open form.
#[derive(Debug, Clone)]
pub struct ShiftState {
    pub view: ShiftView,
    pub selected: usize,
    pub scroll: usize,
    /// The latest entries, newest first.
    pub log: Vec<LogLine>,
    pub rota: Vec<RotaLine>,
    pub report: Option<Report>,
    /// The latest handover not yet confirmed: (id, who handed over, until).
    pub unconfirmed: Option<(i64, String, String)>,
    pub form: Option<ShiftForm>,
}

/// How many entries the log view reads.
pub const LOG_ROWS: usize = 200;

impl ShiftState {
    /// A view, read.
    pub fn open(store: &mut Store, env: &Env, view: ShiftView) -> Result<ShiftState> {
        let mut s = ShiftState {
            view,
            selected: 0,
            scroll: 0,
            log: Vec::new(),
            rota: Vec::new(),
            report: None,
            unconfirmed: None,
            form: None,
        };
        s.reload(store, env)?;
        if view == ShiftView::Rota {
            // Start on today.
            s.selected = s
                .rota
                .iter()
                .position(|d| d.day == env.today())
                .unwrap_or(0);
        }
        Ok(s)
    }

    /// Re-reads what the view shows (after a write, another process's commit, a tick).
    pub fn reload(&mut self, store: &mut Store, env: &Env) -> Result<()> {
        let view = self.view;
        let (log, rota, report, unconfirmed) = store.read(|tx| {
            let log = entries(
                tx,
                &LogFilter {
                    limit: LOG_ROWS,
                    ..LogFilter::default()
                },
            )?;
            let rota = rota::two_weeks(tx, env)?;
            let report = if view == ShiftView::Handover {
                let until = env.now();
                let since = handover::default_since(tx, until)?;
                Some(handover::report(tx, env, since, until)?)
            } else {
                None
            };
            Ok((log, rota, report, unconfirmed(tx)?))
        })?;
        self.log = log;
        self.rota = rota;
        self.report = report;
        self.unconfirmed = unconfirmed;
        let n = self.rows();
        self.selected = self.selected.min(n.saturating_sub(1));
        Ok(())
    }

    /// Rows of the view's table (the handover view scrolls lines instead).
    pub fn rows(&self) -> usize {
        match self.view {
            ShiftView::Log => self.log.len(),
            ShiftView::Rota => self.rota.len(),
            ShiftView::Handover => 0,
        }
    }

    /// The selected log entry.
    pub fn entry(&self) -> Option<&LogLine> {
        (self.view == ShiftView::Log)
            .then(|| self.log.get(self.selected))
            .flatten()
    }

    /// The handover report as the text lines the view shows.
    pub fn report_lines(&self, lang: Lang) -> Vec<String> {
        let Some(r) = &self.report else {
            return Vec::new();
        };
        let mut lines: Vec<String> = crate::shift::report::doc(r, lang)
            .text()
            .lines()
            .map(str::to_string)
            .collect();
        if let Some((_, by, until)) = &self.unconfirmed {
            lines.insert(
                1,
                match lang {
                    Lang::Zh => format!("!! {by} {until} 交班，待接班确认（y）"),
                    Lang::En => {
                        format!("!! handed over by {by} at {until}, awaiting confirmation (y)")
                    }
                },
            );
        }
        lines
    }
}

fn unconfirmed(tx: &rusqlite::Connection) -> Result<Option<(i64, String, String)>> {
    use crate::error::DbContext;
    use rusqlite::OptionalExtension;
    tx.prepare_cached(
        "SELECT h.id, COALESCE(p.name, ''), h.until FROM handovers h
         LEFT JOIN people p ON p.id = h.by_id
         WHERE h.confirmed_at IS NULL ORDER BY h.until DESC, h.id DESC LIMIT 1",
    )
    .db("preparing the unconfirmed handover query")?
    .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
    .optional()
    .db("reading the unconfirmed handover")
}

/// The status line's hints in a view.
pub fn hints(km: &Keymap, s: &ShiftState, l: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |name: &str, ctx: Context, zh: &str, en: &str| {
        if let Some(k) = km.key_for(name, ctx) {
            out.push((k, l.pick(zh, en).to_string()));
        }
    };
    if s.form.is_some() {
        add("submit", Context::Text, "提交", "submit");
        add("next_field", Context::Text, "下一项", "next field");
        add("back", Context::Text, "取消", "cancel");
        return out;
    }
    match s.view {
        ShiftView::Log => {
            add("log_new", Context::Shift, "登记", "new");
            add("log_report", Context::Shift, "已上报", "reported");
            add("log_to_document", Context::Shift, "转公文", "to document");
            add(
                "log_to_supervision",
                Context::Shift,
                "转督办",
                "to supervision",
            );
        }
        ShiftView::Rota => add("rota_edit", Context::Shift, "编排", "edit day"),
        ShiftView::Handover => {
            add("handover_save", Context::Shift, "交班", "hand over");
            add("handover_confirm", Context::Shift, "接班确认", "take over");
        }
    }
    add("duty_log", Context::Shift, "日志", "log");
    add("handover", Context::Shift, "交接班", "handover");
    add("rota", Context::Shift, "值班表", "rota");
    add("back", Context::Shift, "返回", "back");
    out
}

/// "2026-11-20 08:30:00" for a handover saved now.
pub fn now_str(env: &Env) -> String {
    fmt_datetime(env.now())
}
