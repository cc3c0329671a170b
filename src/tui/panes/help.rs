//! The help view, generated from the key table (so it shows the keys in force, overrides
//! included) plus the command-line commands.

use super::{fit, put};
use crate::i18n::Lang;
use crate::tui::keymap::{Context, Keymap};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The help widget.
pub struct HelpView<'a> {
    pub keymap: &'a Keymap,
    pub scroll: usize,
    pub lang: Lang,
    pub theme: &'a Theme,
}

/// The commands of the `:` line.
pub const COMMANDS: &[(&str, &str, &str)] = &[
    (
        ":sign / :urge / :extend ...",
        "任一动作名，如签批、催办、延期",
        "any action name: sign, urge, extend, ...",
    ),
    (
        ":check",
        "合规视图（同按键 4）",
        "the compliance view (as key 4)",
    ),
    (
        ":printed / :decide ...",
        "按规则登记：已印制、已公开、会议决定事项、回头看完成",
        "rule-driven records: printed, published, decision, re-check done",
    ),
    (
        ":report",
        "督查通报视图（同按键 5）",
        "the supervision report view (as key 5)",
    ),
    (
        ":goto 2026-12-01",
        "把看板日期移到某天（:goto today 回到今天）",
        "move the board's today (:goto today to return)",
    ),
    (
        ":lang en / :lang zh",
        "切换界面语言",
        "switch the interface language",
    ),
    (
        ":open GW-00034",
        "按编号跳到事项（同按键 #）；Tab 补全编号",
        "jump to an item by id (as key #); Tab completes ids",
    ),
    (
        ":签批 / :催办 ...",
        "动作的中文名同样可用；Tab 补全命令",
        "the actions' Chinese names work too; Tab completes commands",
    ),
    (
        ":calendar",
        "说明页眉的 [2027年期限暂定] 标记",
        "explain the header's missing-holiday-schedule marker",
    ),
    (":help", "帮助", "help"),
    (":q", "退出", "quit"),
];

/// The help lines: (text, style).
pub fn lines(km: &Keymap, l: Lang, theme: &Theme) -> Vec<(String, Style)> {
    let key_w = 22;
    let mut out = vec![(
        l.pick(
            "按键（可在配置文件 [keys] 中修改）",
            "Keys (change them in the config file's [keys])",
        )
        .to_string(),
        theme.header(),
    )];
    for ctx in [
        Context::Board,
        Context::Item,
        Context::Detail,
        Context::Report,
        Context::Text,
        Context::Confirm,
        Context::Help,
        Context::Global,
    ] {
        out.push((String::new(), Style::new()));
        out.push((ctx.label(l).to_string(), theme.header()));
        for b in km.bindings.iter().filter(|b| b.context == ctx) {
            out.push((
                format!(
                    "  {} {}  [{}]",
                    fit(&b.keys_display(), key_w),
                    b.describe(l),
                    b.name
                ),
                Style::new(),
            ));
        }
    }
    out.push((String::new(), Style::new()));
    out.push((l.pick("命令行", "Command line").to_string(), theme.header()));
    for (c, zh, en) in COMMANDS {
        out.push((
            format!("  {} {}", fit(c, key_w + 8), l.pick(zh, en)),
            Style::new(),
        ));
    }
    out
}

/// The notes after the keys (order, marks and alerts, columns, mouse and input), each
/// wrapped to `w` cells under its indent.
pub fn note_lines(l: Lang, theme: &Theme, w: usize) -> Vec<(String, Style)> {
    let mut out = Vec::new();
    for (zh, en, lines_zh, lines_en) in super::help_notes::NOTES {
        out.push((String::new(), Style::new()));
        out.push((l.pick(zh, en).to_string(), theme.header()));
        let lines = match l {
            Lang::Zh => lines_zh,
            Lang::En => lines_en,
        };
        for line in lines.iter() {
            if w < 8 {
                out.push((line.to_string(), Style::new()));
                continue;
            }
            for (i, part) in crate::text::wrap(line.trim_start(), w - 4)
                .into_iter()
                .enumerate()
            {
                let indent = if i == 0 { "  " } else { "    " };
                out.push((format!("{indent}{part}"), Style::new()));
            }
        }
    }
    out
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let w = usize::from(area.width);
        let mut all = lines(self.keymap, self.lang, self.theme);
        all.extend(note_lines(self.lang, self.theme, w));
        let rows = usize::from(area.height);
        let scroll = self.scroll.min(all.len().saturating_sub(rows));
        for (i, (t, style)) in all.iter().skip(scroll).take(rows).enumerate() {
            let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
            put(buf, area, area.x, y, &fit(t, w), w, *style);
        }
    }
}
