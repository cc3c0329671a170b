//! Every user intent the board understands. Keys (through the keymap), the command line,
//! the mouse and the event loop's own events (a commit by another process, the minute
//! tick, midnight, a resize) all become an `Action`, and only `update` changes the state.

use crate::i18n::Lang;
use chrono::NaiveDate;

/// The board's tables: the three panes in screen order, then the 合规 view, which takes
/// the whole body while it is focused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PaneId {
    /// 待批公文: documents awaiting approval.
    Approvals,
    /// 逾期督办: overdue and soon-due supervision items.
    Supervision,
    /// 近期会议: upcoming meetings and what they owe.
    Meetings,
    /// 合规: every current violation, warning and notice of the district's rules.
    Compliance,
}

impl PaneId {
    /// Every table, in key order (1, 2, 3, 4); Tab cycles through them.
    pub const ALL: [PaneId; 4] = [
        PaneId::Approvals,
        PaneId::Supervision,
        PaneId::Meetings,
        PaneId::Compliance,
    ];
    /// The three panes shown together on the board, in screen order.
    pub const BOARD: [PaneId; 3] = [PaneId::Approvals, PaneId::Supervision, PaneId::Meetings];
    /// Position in [`PaneId::ALL`] (0-based).
    pub fn index(self) -> usize {
        match self {
            PaneId::Approvals => 0,
            PaneId::Supervision => 1,
            PaneId::Meetings => 2,
            PaneId::Compliance => 3,
        }
    }
    /// The pane's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            PaneId::Approvals => lang.pick("待批公文", "Pending approvals"),
            PaneId::Supervision => lang.pick("逾期督办", "Supervision"),
            PaneId::Meetings => lang.pick("近期会议", "Meetings"),
            PaneId::Compliance => lang.pick("合规", "Compliance"),
        }
    }
    /// The audit entity of the pane's rows ("document", …); None for the 合规 view, whose
    /// rows are findings about items of any kind.
    pub fn entity(self) -> Option<&'static str> {
        match self {
            PaneId::Approvals => Some("document"),
            PaneId::Supervision => Some("supervision"),
            PaneId::Meetings => Some("meeting"),
            PaneId::Compliance => None,
        }
    }
    /// The next table (wrapping).
    pub fn next(self) -> PaneId {
        PaneId::ALL[(self.index() + 1) % PaneId::ALL.len()]
    }
    /// The previous table (wrapping).
    pub fn prev(self) -> PaneId {
        let n = PaneId::ALL.len();
        PaneId::ALL[(self.index() + n - 1) % n]
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
    /// 纪要起草: mark a meeting's minutes drafted, for the chair to sign (崆峒 四十七).
    MinutesDrafted,
    /// 会后报告: record the report to the 区委 and 区人大常委会 after a meeting, the 区政协
    /// informed (崆峒 四十二).
    Reported,
    /// 文件印发: mark the documents decided at a meeting issued.
    DocumentsIssued,
    /// 已印制: record a signed document as printed (崆峒 五十三: within 2 working days
    /// of signing). Office only.
    Printed,
    /// 已公开: record a printed public document as published online (崆峒 五十三: within
    /// 1 working day of printing). Office only.
    Published,
    /// 决定事项: record a held meeting's decision as a supervision item (title, lead
    /// department, co-departments, optional deadline; 环翠 54, 崆峒 四十七, 华容 五十).
    /// Office only.
    Decide,
    /// 回头看完成: record the 回头看 re-check of a closed supervision item whose date
    /// has come, with what was found (环翠 70). Office only.
    Rechecked,
    /// 收文登记: register an incoming document (on no item; routed by the rules on save).
    /// Office only.
    Receive,
    /// 已召开: record a meeting as held, at its actual time (never before the start).
    Held,
    /// 取消会议: cancel a meeting, with the reason.
    Cancel,
    /// 会议改期: move a meeting; what it owes follows the new day.
    Move,
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
    /// Focus a pane directly (keys 1, 2, 3), or the 合规 view (key 4, `:check`).
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
    /// Open the 督查通报 view: on-time ranking, traffic lights, the weekly overdue trend
    /// (key 5, `:report`).
    Report,
    /// In the 通报 view: the period before (-1) or after (+1).
    ReportShift(i32),
    /// In the 通报 view: month → quarter → year.
    ReportPeriodKind,
    /// In the 通报 view: by lead department → leader → source.
    ReportGroup,
    /// Act on the selected item (opens the action's form).
    Item(ItemAction),
    /// Act on the item with this id (`:printed GW-00005`), wherever it is.
    ItemOn(ItemAction, String),
    /// Toggle history: `/` searches every state (signed, returned, closed included).
    ToggleHistory,
    /// "My actions today": the acting person's audit rows of the day.
    Mine,
    /// Signed documents owing 印制 or 公开 where the district's rules ask for them.
    ToPrint,
    /// Type text into the input being edited (a key, an IME commit or a paste).
    Insert(String),
    /// Clear the field being edited (Ctrl-U).
    ClearLine,
    /// A line break in a multi-line field.
    Newline,
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
    /// Open a duty shift view: the duty log, the handover, the rota.
    Shift(crate::tui::shift::ShiftView),
    /// A duty shift view's own key (new entry, reported up, hand over, …).
    ShiftAct(crate::tui::shift::ShiftAct),
    /// Open the list of today's events and alerts (`!`).
    Events,
    /// Jump to the first row that arrived or moved above the viewport (`↑N 新`).
    JumpNew,
    /// Acknowledge the selected alert in the `!` list (all of them with none selected).
    Ack,
    /// Find an item by its id (`:open GW-00034`): select it in its pane, else open its
    /// detail.
    OpenId(String),
    /// Open the command line with `open ` typed, for an id.
    StartOpenId,
    /// Delete from the cursor to the end of the input (Ctrl-K).
    KillToEnd,
    /// Delete from the start of the input to the cursor (Ctrl-U).
    KillToStart,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWordBack,
    /// Explain the header's missing-holiday-schedule marker (`:calendar`, or a click).
    CalendarNote,
}

impl ItemAction {
    /// The role matrix's rows behind this action: sign and return also cover the office's
    /// recording of a leader's paper decision (代录).
    pub fn acts(self) -> &'static [crate::domain::roles::Act] {
        use crate::domain::roles::Act;
        match self {
            ItemAction::Sign => &[Act::Sign, Act::SignOnPaper],
            ItemAction::Return => &[Act::Return, Act::ReturnOnPaper],
            ItemAction::Forward => &[Act::Forward],
            ItemAction::Urge => &[Act::Urge],
            ItemAction::Extend => &[Act::Extend],
            ItemAction::Progress => &[Act::Progress],
            ItemAction::Close => &[Act::Close],
            ItemAction::Reopen => &[Act::Reopen],
            ItemAction::Recheck => &[Act::Recheck],
            ItemAction::AddTopic => &[Act::AddTopic],
            ItemAction::ApproveTopic => &[Act::ApproveTopic],
            ItemAction::MaterialsIn => &[Act::MaterialsIn],
            ItemAction::Leave => &[Act::Leave],
            ItemAction::MinutesIssued => &[Act::MinutesIssued],
            ItemAction::MinutesDrafted => &[Act::MinutesDrafted],
            ItemAction::Reported => &[Act::MeetingReported],
            ItemAction::DocumentsIssued => &[Act::DocumentsIssued],
            ItemAction::Printed => &[Act::Printed],
            ItemAction::Published => &[Act::Published],
            ItemAction::Decide => &[Act::Decide],
            ItemAction::Rechecked => &[Act::Rechecked],
            ItemAction::Receive => &[Act::Receive],
            ItemAction::Held => &[Act::MeetingHeld],
            ItemAction::Cancel => &[Act::MeetingCancel],
            ItemAction::Move => &[Act::MeetingMove],
        }
    }

    /// Every item action, in help order.
    pub const ALL: [ItemAction; 25] = [
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
        ItemAction::MinutesDrafted,
        ItemAction::MinutesIssued,
        ItemAction::DocumentsIssued,
        ItemAction::Reported,
        ItemAction::Printed,
        ItemAction::Published,
        ItemAction::Decide,
        ItemAction::Rechecked,
        ItemAction::Receive,
        ItemAction::Held,
        ItemAction::Cancel,
        ItemAction::Move,
    ];
    /// Whether the action applies to items of this audit entity ("document",
    /// "supervision", "meeting").
    pub fn applies_to_entity(self, entity: &str) -> bool {
        use ItemAction::*;
        match self {
            Sign | Return | Forward | Printed | Published => entity == "document",
            Urge => entity == "document" || entity == "supervision",
            Extend | Progress | Close | Reopen | Recheck | Rechecked => entity == "supervision",
            AddTopic | ApproveTopic | MaterialsIn | Leave | MinutesIssued | MinutesDrafted
            | DocumentsIssued | Reported | Decide | Held | Cancel | Move => entity == "meeting",
            // Registering makes a new document; it acts on no item.
            Receive => false,
        }
    }
    /// Whether the action applies to the pane's items (never to the 合规 view as such:
    /// there it applies to the selected finding's item).
    pub fn applies_to(self, pane: PaneId) -> bool {
        pane.entity().is_some_and(|e| self.applies_to_entity(e))
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
            MinutesDrafted => lang.pick("纪要起草", "minutes drafted"),
            Reported => lang.pick("会后报告", "reported"),
            DocumentsIssued => lang.pick("文件印发", "docs issued"),
            Printed => lang.pick("已印制", "printed"),
            Published => lang.pick("已公开", "published"),
            Decide => lang.pick("决定事项", "decision"),
            Rechecked => lang.pick("回头看完成", "re-checked"),
            Receive => lang.pick("收文登记", "register"),
            Held => lang.pick("已召开", "held"),
            Cancel => lang.pick("取消会议", "cancel"),
            Move => lang.pick("会议改期", "move"),
        }
    }
}
