//! The detail view: every field, each deadline with the rule and article behind it and
//! the working days left, the item's current findings (from the snapshot's compliance
//! check) with their articles, the child rows, and the full history from the audit log.
//! Long values wrap by cells (Chinese without spaces included).

use super::compliance::severity_style;
use super::{countdown, fit, put};
use crate::domain::compliance::Finding;
use crate::i18n::Lang;
use crate::store::queries::Detail;
use crate::text::{width, wrap};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The detail widget.
pub struct DetailView<'a> {
    pub detail: &'a Detail,
    /// The item's findings, most serious first.
    pub findings: Vec<&'a Finding>,
    pub scroll: usize,
    pub lang: Lang,
    pub theme: &'a Theme,
}

/// The view's lines for a width: (text, style).
pub fn lines(
    d: &Detail,
    findings: &[&Finding],
    l: Lang,
    w: usize,
    theme: &Theme,
) -> Vec<(String, Style)> {
    let mut out: Vec<(String, Style)> = Vec::new();
    for t in wrap(&format!("{} {}", d.ext_id, d.title), w) {
        out.push((t, theme.header()));
    }
    let label_w = d
        .fields
        .iter()
        .map(|f| width(l.pick(f.label_zh, f.label_en)))
        .max()
        .unwrap_or(0)
        .min(w / 3)
        + 1;
    let value_w = w.saturating_sub(label_w + 1).max(1);
    let field = |out: &mut Vec<(String, Style)>, label: &str, value: &str, style: Style| {
        for (i, v) in wrap(value, value_w).into_iter().enumerate() {
            let lab = if i == 0 {
                fit(label, label_w)
            } else {
                fit("", label_w)
            };
            out.push((format!("{lab} {v}"), style));
        }
    };
    for f in &d.fields {
        let label = l.pick(f.label_zh, f.label_en);
        let value = f.value.pick(l);
        match &f.due {
            Some(due) => {
                let style = if due.overdue {
                    theme.overdue()
                } else {
                    Style::new()
                };
                field(
                    &mut out,
                    label,
                    &format!("{value}  {}", countdown(due, l)),
                    style,
                );
                let cite = format!("{}{}", l.pick("依据：", "rule: "), due.cite(l));
                field(&mut out, "", &cite, theme.dim());
                if let Some(p) = &due.provisional {
                    field(&mut out, "", &p.reason(l), theme.due_soon());
                }
            }
            None if value.is_empty() => {}
            None => field(&mut out, label, value, Style::new()),
        }
    }
    if !findings.is_empty() {
        out.push((String::new(), Style::new()));
        out.push((
            format!("{} ({})", l.pick("合规", "Findings"), findings.len()),
            theme.header(),
        ));
        for f in findings {
            let m = crate::tui::findings::marker(f.severity, l);
            let since = crate::clock::fmt_date(f.since);
            let text = match l {
                Lang::Zh => format!("{m} 自{since}起 {} [{}]", f.message(l), f.cite(l)),
                Lang::En => format!("{m} since {since}: {} [{}]", f.message(l), f.cite(l)),
            };
            for (i, t) in wrap(&text, w.saturating_sub(2).max(1))
                .into_iter()
                .enumerate()
            {
                let style = if i == 0 {
                    severity_style(f.severity, theme)
                } else {
                    Style::new()
                };
                // The marker is the bullet.
                out.push((if i == 0 { t } else { format!("  {t}") }, style));
            }
        }
    }
    for s in &d.sections {
        out.push((String::new(), Style::new()));
        out.push((
            format!("{} ({})", l.pick(s.title_zh, s.title_en), s.lines.len()),
            theme.header(),
        ));
        if s.lines.is_empty() {
            out.push((format!("  {}", l.pick("无", "none")), theme.dim()));
        }
        for line in &s.lines {
            for (i, t) in wrap(line.pick(l), w.saturating_sub(2).max(1))
                .into_iter()
                .enumerate()
            {
                out.push((
                    format!("{}{t}", if i == 0 { "- " } else { "  " }),
                    Style::new(),
                ));
            }
        }
    }
    out.push((String::new(), Style::new()));
    out.push((
        format!("{} ({})", l.pick("历史记录", "History"), d.history.len()),
        theme.header(),
    ));
    for h in &d.history {
        // Names, not logins; the stored summary is Chinese, so English shows the command.
        let text = match l {
            Lang::Zh if h.summary.starts_with(&h.actor_name) => {
                format!("{} {}", h.at_local(), h.summary)
            }
            Lang::Zh => format!("{} {}：{}", h.at_local(), h.actor_name, h.summary),
            Lang::En => format!(
                "{} {} {}",
                h.at_local(),
                h.actor_name,
                crate::domain::roles::action_label(&h.action, l)
            ),
        };
        for (i, t) in wrap(&text, w.saturating_sub(2).max(1))
            .into_iter()
            .enumerate()
        {
            out.push((
                format!("{}{t}", if i == 0 { "- " } else { "  " }),
                Style::new(),
            ));
        }
    }
    out
}

impl Widget for DetailView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let w = usize::from(area.width);
        let all = lines(self.detail, &self.findings, self.lang, w, self.theme);
        let rows = usize::from(area.height);
        let max_scroll = all.len().saturating_sub(rows);
        let scroll = self.scroll.min(max_scroll);
        for (i, (t, style)) in all.iter().skip(scroll).take(rows).enumerate() {
            let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
            put(buf, area, area.x, y, &fit(t, w), w, *style);
        }
    }
}
