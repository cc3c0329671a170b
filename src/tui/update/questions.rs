//! What the board asks before an action is performed: whether a date chosen on a day off
//! is meant, and the confirmation of what cannot be undone (the action, the item, what will
//! be recorded).

use crate::command::Command;
use crate::i18n::Lang;
use crate::store::queries::Bi;
use crate::tui::action::ItemAction;
use crate::tui::form::Form;

/// The question for a deadline or 回头看 chosen on a day off.
pub(super) fn day_off(cmd: &Command, cal: &crate::calendar::Calendar) -> Option<Bi> {
    let d = match cmd {
        Command::Extend { to, .. } => *to,
        Command::Recheck { on, .. } => *on,
        Command::Decide {
            deadline: Some(d), ..
        } => *d,
        _ => return None,
    };
    crate::dates::day_off_question(d, cal).map(|(zh, en)| Bi::new(zh, en))
}

/// What the confirmation says: the action, the item, what will be recorded, and whether
/// another action can undo it.
pub(super) fn confirm_text(form: &Form, cmd: &Command) -> Bi {
    let (zh_act, en_act) = (form.action.label(Lang::Zh), form.action.label(Lang::En));
    let title = &form.target.title;
    let (zh_what, en_what) = match cmd {
        Command::Sign { text, .. } if text.is_empty() => {
            ("（圈阅，无批示）".into(), " (read, no instruction)".into())
        }
        Command::Sign { text, .. } => (format!("，批示：{text}"), format!(", instruction: {text}")),
        Command::Return { reason, .. } => (
            format!("，退回原因：{reason}"),
            format!(", reason: {reason}"),
        ),
        Command::Decide {
            title: t,
            lead,
            deadline,
            ..
        } => {
            let d = deadline.map(|d| d.to_string()).unwrap_or_default();
            (
                format!(
                    "，决定事项：{t}（牵头：{lead}{}{d}）",
                    if d.is_empty() { "" } else { "，期限 " }
                ),
                format!(
                    ", decision: {t} (lead: {lead}{}{d})",
                    if d.is_empty() { "" } else { ", due " }
                ),
            )
        }
        Command::MeetingCancel { reason, .. } => {
            (format!("，原因：{reason}"), format!(", reason: {reason}"))
        }
        Command::MinutesIssued { on: Some(d), .. }
        | Command::DocumentsIssued { on: Some(d), .. } => {
            (format!("，印发日期 {d}"), format!(", issued on {d}"))
        }
        _ => (String::new(), String::new()),
    };
    let (zh_undo, en_undo) = match form.action {
        ItemAction::Close => ("销号后可重新打开", "it can be reopened"),
        _ => ("此操作不能撤销", "this cannot be undone"),
    };
    Bi::new(
        format!("确认{zh_act}「{title}」{zh_what}？{zh_undo} (y/n)"),
        format!("{en_act} '{title}'{en_what}? {en_undo} (y/n)"),
    )
}
