//! Every user intent the board understands. Keys (through the keymap), the command line,
//! the mouse and the event loop's own events (a commit by another process, the minute
//! tick, midnight, a resize) all become an `Action`, and only `update` changes the state.

use crate::i18n::Lang;
use chrono::NaiveDate;

/// The three panes, in screen order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PaneId {
    /// 待批公文: documents awaiting approval.
    Approvals,
    /// 逾期督办: overdue and soon-due supervision items.
    Supervision,
    /// 近期会议: upcoming meetings and what they owe.
    Meetings,
}

impl PaneId {
    /// All panes, in screen order.
    pub const ALL: [PaneId; 3] = [PaneId::Approvals, PaneId::Supervision, PaneId::Meetings];
    /// Position on screen (0-based).
    pub fn index(self) -> usize {
        match self {
            PaneId::Approvals => 0,
            PaneId::Supervision => 1,
            PaneId::Meetings => 2,
        }
    }
    /// The pane's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            PaneId::Approvals => lang.pick("待批公文", "Pending approvals"),
            PaneId::Supervision => lang.pick("逾期督办", "Supervision"),
            PaneId::Meetings => lang.pick("近期会议", "Meetings"),
        }
    }
    /// The next pane (wrapping).
    pub fn next(self) -> PaneId {
        PaneId::ALL[(self.index() + 1) % 3]
    }
    /// The previous pane (wrapping).
    pub fn prev(self) -> PaneId {
        PaneId::ALL[(self.index() + 2) % 3]
    }
}

/// An action on the selected item; each opens a small form and calls one core function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemAction {
    /// 签批: sign a document with an instruction (批示).
    Sign,
    /// 退回: return a document to its department, with a reason.
    Return,
    /// 转办: forward a document to another leader.
    Forward,
    /// 催办: urge a document or a supervision item (records who and when).
    Urge,
    /// 延期: extend a supervision item's deadline (new date and reason; history kept).
    Extend,
    /// 进展: add a progress note to a supervision item.
    Progress,
    /// 销号: close out a supervision item.
    Close,
    /// 重新打开: reopen a closed supervision item.
    Reopen,
    /// 回头看: set a supervision item's re-check date.
    Recheck,
    /// 新增议题: add a topic to a meeting.
    AddTopic,
    /// 审定议题: approve one of a meeting's topics.
    ApproveTopic,
    /// 材料到位: record that a topic's materials are in.
    MaterialsIn,
    /// 请假: record a leave request for a meeting.
    Leave,
    /// 纪要印发: mark a meeting's minutes issued.
    MinutesIssued,
    /// 文件印发: mark the documents decided at a meeting issued.
    DocumentsIssued,
}

/// Everything that can happen to the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Quit the board (asks first when a form is open).
    Quit,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Focus a pane directly (keys 1, 2, 3).
    FocusPane(PaneId),
    /// Select the row above (or scroll up in the detail and help views).
    Up,
    /// Select the row below (or scroll down).
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// The first row.
    Top,
    /// The last row.
    Bottom,
    /// Open the detail view of the selected item.
    Open,
    /// Close the current view, form or filter; on the board, clear the pane's filter.
    Back,
    /// Start the incremental filter on the focused pane (`/`).
    StartFilter,
    /// Open the command line (`:`).
    StartCommand,
    /// Show the key help, generated from the key table.
    Help,
    /// Cycle the focused pane's sort order.
    CycleSort,
    /// Toggle the focused pane's scope: supervision shows every open item instead of
    /// overdue and due-soon ones; the other panes show overdue items only.
    ToggleScope,
    /// Re-read everything now.
    Refresh,
    /// Act on the selected item (opens the action's form).
    Item(ItemAction),
    /// Type text into the input being edited (a key, an IME commit or a paste).
    Insert(String),
    /// Delete the grapheme before the cursor.
    DeleteBack,
    /// Delete the grapheme under the cursor.
    DeleteForward,
    /// Cursor one grapheme left (or the previous choice in a choice field).
    CursorLeft,
    /// Cursor one grapheme right (or the next choice in a choice field).
    CursorRight,
    /// Cursor to the start of the input.
    CursorHome,
    /// Cursor to the end of the input.
    CursorEnd,
    /// Next form field.
    NextField,
    /// Previous form field.
    PrevField,
    /// Submit the filter, command line or form.
    Submit,
    /// Answer yes to a confirmation.
    Yes,
    /// Answer no to a confirmation.
    No,
    /// Move the board's today to a date (`:goto 2026-12-01`).
    Goto(NaiveDate),
    /// Switch the interface language (`:lang en`).
    SetLang(Lang),
    /// The database changed (another process committed): re-read the snapshot.
    DbChanged,
    /// A minute passed: re-read so countdowns follow the clock.
    Tick,
    /// Local midnight passed: re-read so overdue transitions happen on time.
    DayChanged,
    /// The terminal was resized to (columns, rows).
    Resize(u16, u16),
    /// A mouse click at (column, row).
    Click(u16, u16),
}

impl ItemAction {
    /// Every item action, in help order.
    pub const ALL: [ItemAction; 15] = [
        ItemAction::Sign,
        ItemAction::Return,
        ItemAction::Forward,
        ItemAction::Urge,
        ItemAction::Extend,
        ItemAction::Progress,
        ItemAction::Close,
        ItemAction::Reopen,
        ItemAction::Recheck,
        ItemAction::AddTopic,
        ItemAction::ApproveTopic,
        ItemAction::MaterialsIn,
        ItemAction::Leave,
        ItemAction::MinutesIssued,
        ItemAction::DocumentsIssued,
    ];
    /// The panes whose items this action applies to.
    pub fn applies_to(self, pane: PaneId) -> bool {
        use ItemAction::*;
        match self {
            Sign | Return | Forward => pane == PaneId::Approvals,
            Urge => pane != PaneId::Meetings,
            Extend | Progress | Close | Reopen | Recheck => pane == PaneId::Supervision,
            AddTopic | ApproveTopic | MaterialsIn | Leave | MinutesIssued | DocumentsIssued => {
                pane == PaneId::Meetings
            }
        }
    }
    /// The action's short name.
    pub fn label(self, lang: Lang) -> &'static str {
        use ItemAction::*;
        match self {
            Sign => lang.pick("签批", "sign"),
            Return => lang.pick("退回", "return"),
            Forward => lang.pick("转办", "forward"),
            Urge => lang.pick("催办", "urge"),
            Extend => lang.pick("延期", "extend"),
            Progress => lang.pick("进展", "progress"),
            Close => lang.pick("销号", "close"),
            Reopen => lang.pick("重开", "reopen"),
            Recheck => lang.pick("回头看", "re-check"),
            AddTopic => lang.pick("加议题", "add topic"),
            ApproveTopic => lang.pick("审定议题", "approve topic"),
            MaterialsIn => lang.pick("材料到位", "materials in"),
            Leave => lang.pick("请假", "leave"),
            MinutesIssued => lang.pick("纪要印发", "minutes issued"),
            DocumentsIssued => lang.pick("文件印发", "docs issued"),
        }
    }
}
