//! The status line: the message of the last action (what was done, why something was
//! refused), else the keys that matter in the current context, generated from the key
//! table; while typing a filter or a command it is the input line.

use super::{command::InputLine, put};
use crate::tui::action::{Action, ItemAction, PaneId};
use crate::tui::app::{App, Mode};
use crate::tui::keymap::Context;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The status line widget.
pub struct StatusView<'a> {
    pub app: &'a App,
}

impl Widget for StatusView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let w = usize::from(area.width);
        match &app.mode {
            Mode::Filter { input, .. } => {
                return InputLine {
                    prompt: "/",
                    input,
                    theme: &app.theme,
                }
                .render(area, buf);
            }
            Mode::Command(input) => {
                return InputLine {
                    prompt: ":",
                    input,
                    theme: &app.theme,
                }
                .render(area, buf);
            }
            _ => {}
        }
        if let Some(m) = &app.message {
            let style = if m.error {
                app.theme.error()
            } else {
                app.theme.info()
            };
            put(
                buf,
                area,
                area.x,
                area.y,
                &super::fit(&format!(" {}", m.text), w),
                w,
                style,
            );
            return;
        }
        if super::banner::render(app, area, buf) {
            return;
        }
        let mut x = area.x;
        for (key, what) in hints(app) {
            if usize::from(x - area.x) + crate::text::width(&key) + crate::text::width(&what) + 2
                > w
            {
                break;
            }
            x = put(buf, area, x, area.y, &format!(" {key}"), w, app.theme.key());
            x = put(buf, area, x, area.y, &format!(" {what}"), w, Style::new());
        }
    }
}

/// (key, description) pairs for the current context, most useful first.
pub fn hints(app: &App) -> Vec<(String, String)> {
    let l = app.lang;
    let km = &app.keymap;
    let mut out = Vec::new();
    let mut add = |name: &str, ctx: Context, zh: &str, en: &str| {
        if let Some(k) = km.key_for(name, ctx) {
            out.push((k, l.pick(zh, en).to_string()));
        }
    };
    // The item actions that apply to items of this kind, with their keys.
    let items = |out: &mut Vec<(String, String)>, entity: Option<&str>| {
        let Some(entity) = entity else { return };
        let docs = &app.env.profile.documents;
        for a in ItemAction::ALL.iter().filter(|a| {
            a.applies_to_entity(entity)
                && app.offers(**a)
                // Printing and publishing are hinted where the district sets their limits
                // (崆峒 五十三); their keys work everywhere.
                && match a {
                    ItemAction::Printed => docs.print_after_sign.is_some(),
                    ItemAction::Published => docs.publish_after_print.is_some(),
                    _ => true,
                }
        }) {
            if let Some(b) = km.item_binding(*a) {
                if let (Some(k), Action::Item(a)) = (b.keys.first(), &b.action) {
                    out.push((k.display(), a.label(l).to_string()));
                }
            }
        }
    };
    match &app.mode {
        Mode::Normal => {
            add("help", Context::Board, "帮助", "help");
            add("open", Context::Board, "详情", "detail");
            let entity = match app.focus {
                PaneId::Compliance => app.selected_item().map(|i| i.entity()),
                p => p.entity(),
            };
            items(&mut out, entity);
            let mut add = |name: &str, zh: &str, en: &str| {
                if let Some(k) = km.key_for(name, Context::Board) {
                    out.push((k, l.pick(zh, en).to_string()));
                }
            };
            add("filter", "筛选", "filter");
            if app.focus == PaneId::Compliance {
                add("pane_1", "看板", "board");
            } else {
                add("check", "合规", "compliance");
            }
            add("report", "通报", "report");
            add("next_pane", "切换", "pane");
            add("sort", "排序", "sort");
            add("command", "命令", "command");
            add("quit", "退出", "quit");
        }
        Mode::Detail { detail, .. } => {
            add("back", Context::Detail, "返回", "back");
            add("down", Context::Detail, "滚动", "scroll");
            items(&mut out, Some(detail.item.entity()));
        }
        Mode::Finding { .. } | Mode::Lines { .. } => {
            add("back", Context::Detail, "返回", "back");
            add("down", Context::Detail, "滚动", "scroll");
        }
        Mode::Events { .. } => {
            add("ack", Context::Detail, "确认提醒", "acknowledge");
            add("down", Context::Detail, "移动", "move");
            add("back", Context::Detail, "返回", "back");
        }
        Mode::Help { .. } => {
            add("down", Context::Help, "滚动", "scroll");
            add("back", Context::Help, "关闭", "close");
        }
        Mode::Form(_) => {
            add("submit", Context::Text, "提交", "submit");
            add("next_field", Context::Text, "下一项", "next field");
            add("back", Context::Text, "取消", "cancel");
        }
        Mode::Confirm(_) => {
            add("yes", Context::Confirm, "确认", "yes");
            add("no", Context::Confirm, "取消", "no");
        }
        Mode::Shift(s) => out.extend(crate::tui::shift::hints(km, s, l)),
        Mode::Report(_) => {
            add("report_prev", Context::Report, "上期", "prev");
            add("report_next", Context::Report, "下期", "next");
            add("report_period", Context::Report, "月季年", "period");
            add("report_group", Context::Report, "分组", "group");
            add("open", Context::Report, "单位事项", "items");
            add("back", Context::Report, "返回", "back");
        }
        Mode::Filter { .. } | Mode::Command(_) => {}
    }
    out
}
