//! A pane's own state: its filter, the selected item, the scroll position and size, and
//! the window of rows its queries read.

use crate::store::queries::Filter;

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
    /// History: the filter, on Enter, searches every state (signed, returned, closed).
    pub history: bool,
    /// `End` was pressed before the last rows were read: select the last row once they are.
    pub to_end: bool,
}

/// Rows a pane reads beyond the last one it shows (at least): paging down stays instant,
/// and the window moves on before the selection reaches its end.
pub(super) const MARGIN: usize = 40;

impl PaneUi {
    /// How many rows the pane's queries fetch: up to the viewport's last row, plus a
    /// margin. What a refresh reads follows the screen, not the number of open items.
    pub fn window(&self) -> usize {
        self.offset + self.viewport.max(1) + MARGIN.max(self.viewport * 2)
    }
}
