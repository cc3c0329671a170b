//! Rendering: pure functions of the app state into a buffer. Nothing here reads the
//! database; each pane and view has its own file.

pub mod approvals;
pub mod banner;
pub mod command;
pub mod compliance;
pub mod detail;
pub mod events;
pub mod finding;
pub mod form;
pub mod header;
pub mod help;
pub mod help_notes;
pub mod lines;
pub mod meetings;
pub mod popup;
pub mod report;
pub mod shift;
pub mod status;
pub mod supervision;
pub mod table;
pub mod today;

use super::action::PaneId;
use super::app::{App, Mode};
use super::layout;
use crate::i18n::Lang;
use crate::store::queries::Due;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(areas) = layout::areas(area, self.focus) else {
            too_small(self.lang, area, buf);
            return;
        };
        header::HeaderView { app: self }.render(areas.header, buf);
        // A form or question opened from a detail view is drawn over that detail.
        let under = match (&self.mode, &self.return_to) {
            (Mode::Form(_) | Mode::Confirm(_), Some(back)) => back.as_ref(),
            (mode, _) => mode,
        };
        match under {
            Mode::Detail { detail, scroll } => detail::DetailView {
                detail,
                findings: self
                    .held
                    .about(detail.item.entity(), detail.item.id())
                    .iter()
                    .collect(),
                scroll: *scroll,
                lang: self.lang,
                theme: &self.theme,
            }
            .render(areas.body, buf),
            Mode::Finding { finding, scroll } => finding::FindingView {
                finding,
                scroll: *scroll,
                lang: self.lang,
                theme: &self.theme,
            }
            .render(areas.body, buf),
            Mode::Events { selected } => events::EventsView {
                app: self,
                selected: *selected,
            }
            .render(areas.body, buf),
            Mode::Lines {
                title,
                lines,
                scroll,
            } => lines::LinesView {
                title,
                lines,
                scroll: *scroll,
                lang: self.lang,
                theme: &self.theme,
            }
            .render(areas.body, buf),
            Mode::Help { scroll } => help::HelpView {
                keymap: &self.keymap,
                profile: Some(&self.env.profile),
                scroll: *scroll,
                lang: self.lang,
                theme: &self.theme,
            }
            .render(areas.body, buf),
            Mode::Shift(s) => shift::ShiftPane {
                state: s,
                lang: self.lang,
                theme: &self.theme,
                today: self.env.today(),
            }
            .render(areas.body, buf),
            Mode::Report(ui) => report::ReportView {
                ui,
                lang: self.lang,
                theme: &self.theme,
            }
            .render(areas.body, buf),
            _ if self.focus == PaneId::Compliance => {
                compliance::render(self, areas.panes[PaneId::Compliance.index()], buf)
            }
            _ => {
                approvals::render(self, areas.panes[0], buf);
                supervision::render(self, areas.panes[1], buf);
                meetings::render(self, areas.panes[2], buf);
            }
        }
        match &self.mode {
            Mode::Form(f) => form::FormView {
                form: f,
                lang: self.lang,
                theme: &self.theme,
            }
            .render(areas.body, buf),
            Mode::Confirm(c) => form::ConfirmView {
                confirm: c,
                lang: self.lang,
                theme: &self.theme,
            }
            .render(areas.body, buf),
            _ => {}
        }
        status::StatusView { app: self }.render(areas.status, buf);
    }
}

/// The notice shown below the minimum size; never panics, down to 1×1.
fn too_small(lang: Lang, area: Rect, buf: &mut Buffer) {
    let msg = match lang {
        Lang::Zh => format!(
            "终端太小：{}x{}，至少需要 {}x{}",
            area.width,
            area.height,
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        ),
        Lang::En => format!(
            "Terminal too small: {}x{}, need at least {}x{}",
            area.width,
            area.height,
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        ),
    };
    for (i, line) in crate::text::wrap(&msg, usize::from(area.width))
        .iter()
        .enumerate()
    {
        let Ok(dy) = u16::try_from(i) else { break };
        if dy >= area.height {
            break;
        }
        put(
            buf,
            area,
            area.x,
            area.y + dy,
            line,
            usize::from(area.width),
            Style::new(),
        );
    }
}

/// Writes `s` at (x, y), at most `max` cells and never outside `area` or the buffer.
pub fn put(buf: &mut Buffer, area: Rect, x: u16, y: u16, s: &str, max: usize, style: Style) -> u16 {
    let clip = area.intersection(buf.area);
    if y < clip.y || y >= clip.bottom() || x < clip.x || x >= clip.right() {
        return x;
    }
    let room = usize::from(clip.right() - x).min(max);
    buf.set_stringn(x, y, s, room, style).0
}

/// Truncates to `max` cells with `…` marking the cut (`crate::text::truncate`).
pub fn clip(s: &str, max: usize) -> String {
    crate::text::truncate(s, max)
}

/// Pads or clips to exactly `cells` cells.
pub fn fit(s: &str, cells: usize) -> String {
    crate::text::pad(s, cells)
}

/// The countdown text for a deadline: "逾3" / "今天" / "剩2" (zh), "3 late" / "today" /
/// "2 left" (en). The words carry the meaning without colour.
pub fn countdown(d: &Due, lang: Lang) -> String {
    let text = countdown_plain(d, lang);
    // A provisional deadline (no State Council notice for its year yet) says so even in
    // the narrowest layout, where this is the only deadline column left.
    match d.provisional {
        Some(_) => format!("{text}{}", lang.pick("暂", "?")),
        None => text,
    }
}

/// The countdown column's width: one cell more while a shown row carries the mark.
pub fn countdown_width(any_provisional: bool) -> usize {
    if any_provisional { 8 } else { 7 }
}

/// The rule behind a deadline as a pane's 依据 column shows it: the cite, and "暂定" /
/// "provisional" when the date may still move.
pub fn due_cite(d: &Due, lang: Lang) -> String {
    match d.provisional {
        // The mark first: a narrow column cuts the end of the cite.
        Some(_) => format!("{} {}", lang.pick("暂定", "provisional"), d.cite(lang)),
        None => d.cite(lang),
    }
}

fn countdown_plain(d: &Due, lang: Lang) -> String {
    let n = d.workdays_left;
    match (d.overdue, lang) {
        (true, Lang::Zh) if n < 0 => format!("逾{}", -n),
        (true, Lang::Zh) => "逾期".into(),
        (true, Lang::En) if n < 0 => format!("{} late", -n),
        (true, Lang::En) => "late".into(),
        (false, Lang::Zh) if n == 0 => "今天".into(),
        (false, Lang::En) if n == 0 => "today".into(),
        (false, Lang::Zh) => format!("剩{n}"),
        (false, Lang::En) => format!("{n} left"),
    }
}

/// The style of a countdown.
pub fn countdown_style(d: &Due, soon: u32, theme: &super::theme::Theme) -> Style {
    if d.overdue {
        theme.overdue()
    } else if d.workdays_left <= i64::from(soon) {
        theme.due_soon()
    } else {
        Style::new()
    }
}

/// "11-23" from a date (the year is implied on a board).
pub fn short_date(d: chrono::NaiveDate) -> String {
    d.format("%m-%d").to_string()
}
