//! One finding on its own, for findings about something without a detail view (a meeting
//! kind behind its cadence, a holiday without a 带班 leader, leaders away together, an
//! absence reported late, an investment project or a fund request): every field, the
//! message wrapped by cells.

use super::compliance::severity_style;
use super::{fit, put};
use crate::domain::compliance::Finding;
use crate::i18n::Lang;
use crate::text::{width, wrap};
use crate::tui::findings::entity_label;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The finding widget.
pub struct FindingView<'a> {
    pub finding: &'a Finding,
    pub scroll: usize,
    pub lang: Lang,
    pub theme: &'a Theme,
}

/// The view's lines for a width: (text, style).
pub fn lines(f: &Finding, l: Lang, w: usize, theme: &Theme) -> Vec<(String, Style)> {
    let mut out = Vec::new();
    for t in wrap(&super::compliance::item_cell(f, l), w) {
        out.push((t, theme.header()));
    }
    let fields: [(&str, String, Style); 6] = [
        (
            l.pick("级别", "Level"),
            f.severity.label(l).to_string(),
            severity_style(f.severity, theme),
        ),
        (l.pick("依据", "Rule"), f.cite(l), Style::new()),
        (
            l.pick("类别", "Kind"),
            entity_label(&f.item.entity, l).to_string(),
            Style::new(),
        ),
        (
            l.pick("事项", "About"),
            super::compliance::item_cell(f, l),
            Style::new(),
        ),
        (
            l.pick("起始", "Since"),
            crate::clock::fmt_date(f.since),
            Style::new(),
        ),
        (
            l.pick("说明", "What"),
            f.message(l).to_string(),
            Style::new(),
        ),
    ];
    let label_w = fields
        .iter()
        .map(|x| width(x.0))
        .max()
        .unwrap_or(0)
        .min(w / 3)
        + 1;
    let value_w = w.saturating_sub(label_w + 1).max(1);
    for (label, value, style) in fields {
        for (i, v) in wrap(&value, value_w).into_iter().enumerate() {
            let lab = fit(if i == 0 { label } else { "" }, label_w);
            out.push((format!("{lab} {v}"), style));
        }
    }
    out
}

impl Widget for FindingView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let w = usize::from(area.width);
        let all = lines(self.finding, self.lang, w, self.theme);
        let rows = usize::from(area.height);
        let scroll = self.scroll.min(all.len().saturating_sub(rows));
        for (i, (t, style)) in all.iter().skip(scroll).take(rows).enumerate() {
            let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
            put(buf, area, area.x, y, &fit(t, w), w, *style);
        }
    }
}
