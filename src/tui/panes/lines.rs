//! A titled list of lines (my actions today, a history search), wrapped by cells and
//! scrolled.

use super::{fit, put};
use crate::i18n::Lang;
use crate::store::queries::Bi;
use crate::text::wrap;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The list widget.
pub struct LinesView<'a> {
    pub title: &'a Bi,
    pub lines: &'a [Bi],
    pub scroll: usize,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Widget for LinesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let w = usize::from(area.width);
        if w == 0 {
            return;
        }
        let mut all: Vec<(String, Style)> = wrap(self.title.pick(self.lang), w)
            .into_iter()
            .map(|t| (t, self.theme.header()))
            .collect();
        for l in self.lines {
            for t in wrap(l.pick(self.lang), w) {
                all.push((t, Style::new()));
            }
        }
        let rows = usize::from(area.height);
        let scroll = self.scroll.min(all.len().saturating_sub(rows));
        for (i, (t, style)) in all.iter().skip(scroll).take(rows).enumerate() {
            let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
            put(buf, area, area.x, y, &fit(t, w), w, *style);
        }
    }
}
