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
    /// The flexible column's wanted width (0: none, it takes whatever is left): it grows
    /// to this before less important columns (priority 2 and up) are given room, and
    /// beyond it only when every column fits, so a wider terminal never narrows it.
    pub want: usize,
}

impl Column {
    pub fn new(head: &str, width: usize, priority: u8) -> Column {
        Column {
            head: head.to_string(),
            width,
            flex: false,
            priority,
            want: width,
        }
    }
    pub fn flex(head: &str, min: usize) -> Column {
        Column {
            head: head.to_string(),
            width: min,
            flex: true,
            priority: 0,
            want: 0,
        }
    }
    /// The flexible column's wanted width (see [`Column::want`]).
    pub fn wanting(mut self, want: usize) -> Column {
        self.want = want.max(self.width);
        self
    }
}

/// A styled cell.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub style: Style,
    /// Cut in the middle, keeping the end (a document number keeps its number).
    pub middle: bool,
}

impl Cell {
    pub fn plain(s: impl Into<String>) -> Cell {
        Cell {
            text: s.into(),
            style: Style::new(),
            middle: false,
        }
    }
    /// A cell cut in the middle when too long.
    pub fn middle(s: impl Into<String>) -> Cell {
        Cell {
            middle: true,
            ..Cell::plain(s)
        }
    }
    pub fn styled(s: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: s.into(),
            style,
            middle: false,
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
    let need_at = |keep: &[usize], wanted: bool| -> usize {
        keep.iter()
            .map(|i| {
                let c = &columns[*i];
                if wanted && c.flex {
                    c.want.max(c.width)
                } else {
                    c.width
                }
            })
            .sum::<usize>()
            + keep.len().saturating_sub(1)
    };
    let need = |keep: &[usize]| need_at(keep, false);
    // First the title's room: the less important columns (priority 2 and up) give way
    // until the flexible column has the width it wants.
    while need_at(&keep, true) > width {
        let Some(pos) = keep
            .iter()
            .enumerate()
            .filter(|(_, i)| !columns[**i].flex && columns[**i].priority >= 2)
            .max_by_key(|(p, i)| (columns[**i].priority, *p))
            .map(|(p, _)| p)
        else {
            break;
        };
        keep.remove(pos);
    }
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
    // Beyond its wanted width the title grows only once every column is shown; until
    // then the rest stays blank, so widening the terminal never narrows the title.
    let all = keep.len() == columns.len();
    keep.iter()
        .map(|i| {
            let c = &columns[*i];
            let w = match (c.flex, all) {
                (true, false) if c.want > 0 => (c.width + spare).min(c.want.max(c.width)),
                (true, _) => c.width + spare,
                (false, _) => c.width,
            };
            (*i, w)
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
                let text = if cell.middle {
                    crate::text::pad_middle(&cell.text, *cw)
                } else {
                    fit(&cell.text, *cw)
                };
                put(buf, area, x, y, &text, *cw, style);
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

/// "共12 逾期3 将到期4" / "12 total, 3 overdue, 4 due soon". The counts are of every
/// matching item; the rows are read as the selection moves down to them.
pub fn counts(lang: crate::i18n::Lang, total: usize, overdue: usize, soon: usize) -> String {
    match lang {
        crate::i18n::Lang::Zh => format!("共{total} 逾期{overdue} 将到期{soon}"),
        crate::i18n::Lang::En => format!("{total} total, {overdue} overdue, {soon} due soon"),
    }
}

/// "13/51 " (the selected row's position of all matching), then "↑2 新 " when rows
/// arrived or moved above the viewport (the `n` key jumps to them).
pub fn position(app: &crate::tui::app::App, p: crate::tui::action::PaneId, total: usize) -> String {
    let l = app.lang;
    let at = app.selected_index(p).map_or(0, |i| i + 1);
    let mut s = format!("{at}/{total} ");
    let above = app.triage.above[p.index()].len();
    if above > 0 {
        s.push_str(&format!("\u{2191}{above} {} ", l.pick("新", "new")));
    }
    s
}

/// Whether two of the visible titles read the same in their first 18 cells (what a
/// narrow title column shows): the pane then shows the id column next to the title.
pub fn titles_collide<'a>(mut titles: impl Iterator<Item = &'a str>) -> bool {
    let mut seen = std::collections::HashSet::new();
    titles.any(|t| !seen.insert(crate::text::truncate(t, 18)))
}

/// Moves the column `from` (and each row's cell) to just after `after`, as important as
/// the title's neighbours (priority 1): the id column where titles collide.
pub fn promote(columns: &mut Vec<Column>, rows: &mut [Vec<Cell>], from: usize, after: usize) {
    if from >= columns.len() || after >= from {
        return;
    }
    let mut c = columns.remove(from);
    c.priority = 1;
    columns.insert(after + 1, c);
    for r in rows.iter_mut() {
        if from < r.len() {
            let cell = r.remove(from);
            r.insert(after + 1, cell);
        }
    }
}

/// A row's title with its 新/改 mark (until the row is selected).
pub fn marked(
    app: &crate::tui::app::App,
    p: crate::tui::action::PaneId,
    id: i64,
    title: &str,
) -> String {
    match app.triage.mark(p, id) {
        Some(m) => format!("{}{title}", m.prefix(app.lang)),
        None => title.to_string(),
    }
}

/// The visible window of a board pane: the focused pane scrolls with its selection; a
/// pane not focused always shows its top rows (its selection is highlighted only when it
/// is among them), so the most urgent rows of every pane are in sight.
pub fn pane_window(
    app: &crate::tui::app::App,
    p: crate::tui::action::PaneId,
    len: usize,
    rows: usize,
) -> (usize, Option<usize>) {
    let sel = app.selected_index(p);
    if app.focus != p {
        return (0, sel.filter(|s| *s < rows.max(1)));
    }
    window(len, sel, app.panes[p.index()].offset, rows)
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
