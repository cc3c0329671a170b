//! The key table, as data: one row per (action, context) with its default keys and a
//! description in both languages. The config file's `[keys]` section replaces an action's
//! keys (in every context it appears in); the help view and the status line hints are
//! generated from this table, so they can never disagree with what the keys do.

use super::action::{Action, ItemAction, PaneId};
pub use super::key::Key;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use std::collections::BTreeMap;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere (only control and function keys, so typing is never stolen).
    Global,
    /// The board with its three panes.
    Board,
    /// The detail view.
    Detail,
    /// The help view.
    Help,
    /// Editing text: the filter, the command line and forms.
    Text,
    /// A yes/no question.
    Confirm,
}

impl Context {
    /// The heading in the help view.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Context::Global => lang.pick("全局", "Everywhere"),
            Context::Board => lang.pick("看板", "Board"),
            Context::Detail => lang.pick("详情", "Detail"),
            Context::Help => lang.pick("帮助", "Help"),
            Context::Text => {
                lang.pick("输入（筛选、命令、表单）", "Typing (filter, command, form)")
            }
            Context::Confirm => lang.pick("确认", "Confirm"),
        }
    }
}

use Context::*;

/// The default key table: (action name, keys, context, Chinese, English).
pub const DEFAULTS: &[(&str, &[&str], Context, &str, &str)] = &[
    (
        "quit",
        &["ctrl-c"],
        Global,
        "退出（表单未提交时先询问）",
        "quit (asks first if a form is open)",
    ),
    ("help", &["f1"], Global, "帮助", "help"),
    ("quit", &["q"], Board, "退出", "quit"),
    ("help", &["?"], Board, "帮助（本表）", "help (this table)"),
    ("next_pane", &["tab"], Board, "下一栏", "next pane"),
    (
        "prev_pane",
        &["shift-tab"],
        Board,
        "上一栏",
        "previous pane",
    ),
    ("pane_1", &["1"], Board, "待批公文", "pending approvals"),
    ("pane_2", &["2"], Board, "逾期督办", "supervision"),
    ("pane_3", &["3"], Board, "近期会议", "meetings"),
    ("down", &["j", "down"], Board, "下移", "down"),
    ("up", &["k", "up"], Board, "上移", "up"),
    (
        "page_down",
        &["pgdn", "ctrl-f"],
        Board,
        "下一页",
        "page down",
    ),
    ("page_up", &["pgup", "ctrl-b"], Board, "上一页", "page up"),
    ("top", &["g", "home"], Board, "第一行", "first row"),
    ("bottom", &["G", "end"], Board, "最后一行", "last row"),
    ("open", &["enter"], Board, "详情", "details"),
    ("back", &["esc"], Board, "清除筛选", "clear the filter"),
    (
        "filter",
        &["/"],
        Board,
        "筛选（标题、文号、单位、领导）",
        "filter (title, number, department, leader)",
    ),
    ("command", &[":"], Board, "命令行", "command line"),
    ("sort", &["s"], Board, "切换排序", "cycle the sort"),
    (
        "scope",
        &["w"],
        Board,
        "督办：全部在办/仅逾期将到期；其他：仅逾期",
        "supervision: all open / due only; others: overdue only",
    ),
    ("refresh", &["r"], Board, "立即刷新", "refresh now"),
    ("sign", &["a"], Board, "签批（批示）", "sign (instruction)"),
    ("return", &["b"], Board, "退回", "return"),
    (
        "forward",
        &["f"],
        Board,
        "转办其他领导",
        "forward to another leader",
    ),
    ("urge", &["u"], Board, "催办", "urge"),
    ("extend", &["e"], Board, "延期", "extend the deadline"),
    ("progress", &["p"], Board, "进展反馈", "add progress"),
    ("close", &["c"], Board, "销号", "close out"),
    ("reopen", &["o"], Board, "重新打开", "reopen"),
    ("recheck", &["h"], Board, "回头看日期", "re-check date"),
    ("add_topic", &["t"], Board, "新增议题", "add a topic"),
    (
        "approve_topic",
        &["v"],
        Board,
        "审定议题",
        "approve a topic",
    ),
    (
        "materials_in",
        &["i"],
        Board,
        "议题材料到位",
        "topic materials in",
    ),
    ("leave", &["l"], Board, "请假", "leave request"),
    (
        "minutes_issued",
        &["m"],
        Board,
        "纪要已印发",
        "minutes issued",
    ),
    (
        "documents_issued",
        &["d"],
        Board,
        "会议文件已印发",
        "documents issued",
    ),
    ("down", &["j", "down"], Detail, "向下滚动", "scroll down"),
    ("up", &["k", "up"], Detail, "向上滚动", "scroll up"),
    (
        "page_down",
        &["pgdn", "ctrl-f"],
        Detail,
        "下一页",
        "page down",
    ),
    ("page_up", &["pgup", "ctrl-b"], Detail, "上一页", "page up"),
    ("top", &["g", "home"], Detail, "顶部", "top"),
    ("bottom", &["G", "end"], Detail, "底部", "bottom"),
    (
        "back",
        &["esc", "q"],
        Detail,
        "返回看板",
        "back to the board",
    ),
    ("down", &["j", "down"], Help, "向下滚动", "scroll down"),
    ("up", &["k", "up"], Help, "向上滚动", "scroll up"),
    ("page_down", &["pgdn"], Help, "下一页", "page down"),
    ("page_up", &["pgup"], Help, "上一页", "page up"),
    ("back", &["esc", "q", "?"], Help, "关闭帮助", "close help"),
    ("submit", &["enter"], Text, "确定", "submit"),
    ("back", &["esc"], Text, "取消", "cancel"),
    ("next_field", &["tab", "down"], Text, "下一项", "next field"),
    (
        "prev_field",
        &["shift-tab", "up"],
        Text,
        "上一项",
        "previous field",
    ),
    (
        "delete_back",
        &["backspace"],
        Text,
        "删除前一字",
        "delete before the cursor",
    ),
    (
        "delete_forward",
        &["delete"],
        Text,
        "删除后一字",
        "delete under the cursor",
    ),
    (
        "cursor_left",
        &["left"],
        Text,
        "左移（选项：上一个）",
        "left (choice: previous)",
    ),
    (
        "cursor_right",
        &["right"],
        Text,
        "右移（选项：下一个）",
        "right (choice: next)",
    ),
    (
        "cursor_home",
        &["home", "ctrl-a"],
        Text,
        "行首",
        "start of line",
    ),
    (
        "cursor_end",
        &["end", "ctrl-e"],
        Text,
        "行尾",
        "end of line",
    ),
    ("yes", &["y", "enter"], Confirm, "确认", "yes"),
    ("no", &["n", "esc"], Confirm, "取消", "no"),
];

/// The action a table name stands for.
pub fn action_named(name: &str) -> Option<Action> {
    use Action as A;
    use ItemAction as I;
    Some(match name {
        "quit" => A::Quit,
        "help" => A::Help,
        "next_pane" => A::NextPane,
        "prev_pane" => A::PrevPane,
        "pane_1" => A::FocusPane(PaneId::Approvals),
        "pane_2" => A::FocusPane(PaneId::Supervision),
        "pane_3" => A::FocusPane(PaneId::Meetings),
        "down" => A::Down,
        "up" => A::Up,
        "page_down" => A::PageDown,
        "page_up" => A::PageUp,
        "top" => A::Top,
        "bottom" => A::Bottom,
        "open" => A::Open,
        "back" => A::Back,
        "filter" => A::StartFilter,
        "command" => A::StartCommand,
        "sort" => A::CycleSort,
        "scope" => A::ToggleScope,
        "refresh" => A::Refresh,
        "sign" => A::Item(I::Sign),
        "return" => A::Item(I::Return),
        "forward" => A::Item(I::Forward),
        "urge" => A::Item(I::Urge),
        "extend" => A::Item(I::Extend),
        "progress" => A::Item(I::Progress),
        "close" => A::Item(I::Close),
        "reopen" => A::Item(I::Reopen),
        "recheck" => A::Item(I::Recheck),
        "add_topic" => A::Item(I::AddTopic),
        "approve_topic" => A::Item(I::ApproveTopic),
        "materials_in" => A::Item(I::MaterialsIn),
        "leave" => A::Item(I::Leave),
        "minutes_issued" => A::Item(I::MinutesIssued),
        "documents_issued" => A::Item(I::DocumentsIssued),
        "submit" => A::Submit,
        "next_field" => A::NextField,
        "prev_field" => A::PrevField,
        "delete_back" => A::DeleteBack,
        "delete_forward" => A::DeleteForward,
        "cursor_left" => A::CursorLeft,
        "cursor_right" => A::CursorRight,
        "cursor_home" => A::CursorHome,
        "cursor_end" => A::CursorEnd,
        "yes" => A::Yes,
        "no" => A::No,
        _ => return None,
    })
}

/// One row of the table, with its keys in force.
#[derive(Debug, Clone)]
pub struct Binding {
    pub name: &'static str,
    pub action: Action,
    pub keys: Vec<Key>,
    pub context: Context,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Binding {
    /// The description in a language.
    pub fn describe(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
    /// The keys as the help shows them ("j / Down").
    pub fn keys_display(&self) -> String {
        self.keys
            .iter()
            .map(Key::display)
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// The key table in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .filter_map(|(name, keys, context, zh, en)| {
                Some(Binding {
                    name,
                    action: action_named(name)?,
                    keys: keys.iter().filter_map(|k| Key::parse(k)).collect(),
                    context: *context,
                    zh,
                    en,
                })
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The default table patched by the config's `[keys]` (action name → key specs).
    /// An unknown action or a key that cannot be read is an error naming it.
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<String>>) -> Result<Keymap> {
        let mut map = Keymap::default();
        for (name, specs) in overrides {
            if !map.bindings.iter().any(|b| b.name == name) {
                let known: Vec<&str> = DEFAULTS.iter().map(|d| d.0).collect();
                return Err(Error::invalid(
                    format!("config [keys] {name}"),
                    format!(
                        "unknown action '{name}' (known: {})",
                        dedup(known).join(", ")
                    ),
                ));
            }
            let mut keys = Vec::new();
            for spec in specs {
                keys.push(Key::parse(spec).ok_or_else(|| {
                    Error::invalid(
                        format!("config [keys] {name}"),
                        format!("cannot read key '{spec}' (examples: \"q\", \"ctrl-c\", \"shift-tab\", \"pgdn\", \"f1\")"),
                    )
                })?);
            }
            for b in map.bindings.iter_mut().filter(|b| b.name == name) {
                b.keys.clone_from(&keys);
            }
        }
        Ok(map)
    }

    /// The action bound to `key` in the first of `contexts` that binds it.
    pub fn lookup(&self, contexts: &[Context], key: Key) -> Option<Action> {
        contexts.iter().find_map(|c| {
            self.bindings
                .iter()
                .find(|b| b.context == *c && b.keys.contains(&key))
                .map(|b| b.action.clone())
        })
    }

    /// The first key bound to `name` in `context`, for hints ("a", "Enter").
    pub fn key_for(&self, name: &str, context: Context) -> Option<String> {
        self.bindings
            .iter()
            .find(|b| b.name == name && b.context == context)
            .and_then(|b| b.keys.first())
            .map(Key::display)
    }

    /// The binding of an item action on the board.
    pub fn item_binding(&self, a: ItemAction) -> Option<&Binding> {
        self.bindings
            .iter()
            .find(|b| b.context == Context::Board && b.action == Action::Item(a))
    }
}

fn dedup(mut v: Vec<&str>) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(*x));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_row_names_an_action_and_parses() {
        for (name, keys, ..) in DEFAULTS {
            assert!(action_named(name).is_some(), "{name}");
            for k in *keys {
                assert!(Key::parse(k).is_some(), "{name}: {k}");
            }
        }
    }

    #[test]
    fn overrides_replace_keys_and_bad_specs_name_the_key() {
        let mut o = BTreeMap::new();
        o.insert("sign".to_string(), vec!["S".to_string()]);
        let m = Keymap::with_overrides(&o).unwrap();
        let s = Key::parse("S").unwrap();
        assert_eq!(
            m.lookup(&[Context::Board], s),
            Some(Action::Item(ItemAction::Sign))
        );
        assert_eq!(m.lookup(&[Context::Board], Key::parse("a").unwrap()), None);
        o.insert("sign".to_string(), vec!["ctrl-".to_string()]);
        let e = Keymap::with_overrides(&o).unwrap_err().to_string();
        assert!(e.contains("sign") && e.contains("'ctrl-'"), "{e}");
        let mut o = BTreeMap::new();
        o.insert("sing".to_string(), vec!["x".to_string()]);
        assert!(
            Keymap::with_overrides(&o)
                .unwrap_err()
                .to_string()
                .contains("unknown action 'sing'")
        );
    }
}
