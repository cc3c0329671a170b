//! The help view, generated from the key table (so it shows the keys in force, overrides
//! included) plus the command-line commands.

use super::{fit, put};
use crate::i18n::Lang;
use crate::profile::Profile;
use crate::profile::model::Period;
use crate::tui::keymap::{Context, Keymap};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The help widget.
pub struct HelpView<'a> {
    pub keymap: &'a Keymap,
    /// The district's rules, so a rule-driven key is explained with its own article.
    pub profile: Option<&'a Profile>,
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
        ":printed GW-00005",
        "动作名后加编号：对该编号的事项操作（不论是否选中、是否显示）",
        "an action with an id acts on that item (selected, shown or not)",
    ),
    (
        ":receive",
        "收文登记（同按键 n）",
        "register an incoming document (as key n)",
    ),
    (
        ":mine / :to_print",
        "本人今日操作；待印制、待公开的公文",
        "my actions today; documents owing printing or publishing",
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

/// "2个工作日" / "2 working days".
fn span(p: &Period, l: Lang) -> String {
    match (p.workdays, p.days, p.months) {
        (Some(n), _, _) => l
            .pick(&format!("{n}个工作日"), &format!("{n} working day(s)"))
            .to_string(),
        (_, Some(n), _) => l
            .pick(&format!("{n}日"), &format!("{n} day(s)"))
            .to_string(),
        (_, _, Some(n)) => l
            .pick(&format!("{n}个月"), &format!("{n} month(s)"))
            .to_string(),
        _ => String::new(),
    }
}

/// A rule-driven key explained with the district's own rule and article, or None to keep
/// the key table's words.
pub fn rule_text(name: &str, profile: &Profile, l: Lang) -> Option<String> {
    let d = &profile.documents;
    let district = &profile.district.name;
    let cite = |p: &Option<Period>, zh_what: &str, en_what: &str| match p {
        Some(p) => format!(
            "{}（{district}{}：{}）",
            l.pick(zh_what, en_what),
            crate::domain::deadline::article_label(&p.article, l),
            l.pick(
                &format!("{}内", span(p, l)),
                &format!("within {}", span(p, l))
            )
        ),
        None => format!(
            "{}（{}）",
            l.pick(zh_what, en_what),
            l.pick(
                "本区规则未规定时限",
                "no time limit in this district's rules"
            )
        ),
    };
    match name {
        "printed" => Some(cite(
            &d.print_after_sign,
            "公文已印制：签发后",
            "document printed: after signing,",
        )),
        "published" => Some(cite(
            &d.publish_after_print,
            "公文已网上公开：印制后",
            "document published online: after printing,",
        )),
        _ => None,
    }
}

/// The help lines: (text, style).
pub fn lines(km: &Keymap, l: Lang, theme: &Theme) -> Vec<(String, Style)> {
    lines_for(km, None, l, theme)
}

/// The help lines with the district's rules: (text, style).
pub fn lines_for(
    km: &Keymap,
    profile: Option<&Profile>,
    l: Lang,
    theme: &Theme,
) -> Vec<(String, Style)> {
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
                    profile
                        .and_then(|p| rule_text(b.name, p, l))
                        .unwrap_or_else(|| b.describe(l).to_string()),
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
        let mut all = lines_for(self.keymap, self.profile, self.lang, self.theme);
        all.extend(note_lines(self.lang, self.theme, w));
        let rows = usize::from(area.height);
        let scroll = self.scroll.min(all.len().saturating_sub(rows));
        for (i, (t, style)) in all.iter().skip(scroll).take(rows).enumerate() {
            let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
            put(buf, area, area.x, y, &fit(t, w), w, *style);
        }
    }
}
