//! The table every pane is drawn with: a title bar with counts, column headings, and the
//! visible rows. Columns have a priority: on a narrow terminal the least important ones
//! are dropped whole and the flexible one (the title) takes what is left, so cells are
//! never cut mid-character and columns stay aligned by cells.

use super::{fit, put};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// A column.
#[derive(Debug, Clone)]
pub struct Column {
    pub head: String,
    /// Width in cells (the minimum for the flexible column).
    pub width: usize,
    /// Takes the remaining width.
    pub flex: bool,
    /// Lower is more important; dropped last.
    pub priority: u8,
}

impl Column {
    pub fn new(head: &str, width: usize, priority: u8) -> Column {
        Column {
            head: head.to_string(),
            width,
            flex: false,
            priority,
        }
    }
    pub fn flex(head: &str, min: usize) -> Column {
        Column {
            head: head.to_string(),
            width: min,
            flex: true,
            priority: 0,
        }
    }
}

/// A styled cell.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub style: Style,
}

impl Cell {
    pub fn plain(s: impl Into<String>) -> Cell {
        Cell {
            text: s.into(),
            style: Style::new(),
        }
    }
    pub fn styled(s: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: s.into(),
            style,
        }
    }
}

/// One pane's table, with only the visible rows built.
pub struct TableView<'a> {
    pub title: String,
    pub columns: Vec<Column>,
    /// The visible rows (from `offset`).
    pub rows: Vec<Vec<Cell>>,
    /// Index within `rows` of the selected row.
    pub selected: Option<usize>,
    pub focused: bool,
    /// Shown when there are no rows.
    pub empty: String,
    pub theme: &'a Theme,
}

/// Which columns fit in `width`, and each one's width.
pub fn fit_columns(columns: &[Column], width: usize) -> Vec<(usize, usize)> {
    let mut keep: Vec<usize> = (0..columns.len()).collect();
    let need = |keep: &[usize]| -> usize {
        keep.iter().map(|i| columns[*i].width).sum::<usize>() + keep.len().saturating_sub(1)
    };
    while need(&keep) > width && keep.len() > 1 {
        // Drop the least important column (highest priority number, rightmost first).
        let Some(pos) = keep
            .iter()
            .enumerate()
            .filter(|(_, i)| !columns[**i].flex)
            .max_by_key(|(p, i)| (columns[**i].priority, *p))
            .map(|(p, _)| p)
        else {
            break;
        };
        keep.remove(pos);
    }
    let spare = width.saturating_sub(need(&keep));
    keep.iter()
        .map(|i| {
            let c = &columns[*i];
            (*i, if c.flex { c.width + spare } else { c.width })
        })
        .collect()
}

impl Widget for TableView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        let w = usize::from(area.width);
        let title_style = self.theme.title(self.focused);
        put(
            buf,
            area,
            area.x,
            area.y,
            &fit(&self.title, w),
            w,
            title_style,
        );
        if area.height < 2 {
            return;
        }
        let cols = fit_columns(&self.columns, w);
        let mut x = area.x;
        for (i, cw) in &cols {
            put(
                buf,
                area,
                x,
                area.y + 1,
                &fit(&self.columns[*i].head, *cw),
                *cw,
                self.theme.column_head(),
            );
            x = x.saturating_add(u16::try_from(cw + 1).unwrap_or(u16::MAX));
        }
        if self.rows.is_empty() {
            put(
                buf,
                area,
                area.x,
                area.y + 2,
                &self.empty,
                w,
                self.theme.dim(),
            );
            return;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let Ok(dy) = u16::try_from(r + 2) else { break };
            if dy >= area.height {
                break;
            }
            let y = area.y + dy;
            let sel = self.selected == Some(r);
            let mut x = area.x;
            for (n, (i, cw)) in cols.iter().enumerate() {
                let cell = row.get(*i).cloned().unwrap_or_default();
                let mut style = cell.style;
                if sel {
                    style = style.patch(self.theme.selected(self.focused));
                }
                // The gap after a cell belongs to the row, so a selected row is one bar.
                let gap = if n + 1 < cols.len() { 1 } else { 0 };
                put(buf, area, x, y, &fit(&cell.text, *cw), *cw, style);
                if gap == 1 {
                    let gs = if sel {
                        self.theme.selected(self.focused)
                    } else {
                        Style::new()
                    };
                    put(
                        buf,
                        area,
                        x + u16::try_from(*cw).unwrap_or(u16::MAX),
                        y,
                        " ",
                        1,
                        gs,
                    );
                }
                x = x.saturating_add(u16::try_from(cw + gap).unwrap_or(u16::MAX));
            }
        }
    }
}

/// "共12 逾期3 将到期4" / "12 | 3 overdue | 4 due soon".
pub fn counts(
    lang: crate::i18n::Lang,
    total: usize,
    overdue: usize,
    soon: usize,
    shown: usize,
) -> String {
    let more = if shown < total {
        lang.pick(
            format!(" (显示前{shown})").as_str(),
            format!(" (first {shown})").as_str(),
        )
        .to_string()
    } else {
        String::new()
    };
    match lang {
        crate::i18n::Lang::Zh => format!("共{total} 逾期{overdue} 将到期{soon}{more}"),
        crate::i18n::Lang::En => format!("{total} total, {overdue} overdue, {soon} due soon{more}"),
    }
}

/// The visible window of a pane: (offset, selected index within the window).
pub fn window(
    len: usize,
    selected: Option<usize>,
    offset: usize,
    rows: usize,
) -> (usize, Option<usize>) {
    let rows = rows.max(1);
    let mut off = offset.min(len.saturating_sub(1));
    if let Some(s) = selected {
        if s < off {
            off = s;
        } else if s >= off + rows {
            off = s + 1 - rows;
        }
    }
    (off, selected.and_then(|s| s.checked_sub(off)))
}
