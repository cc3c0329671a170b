//! The action form and the confirmation box, drawn over the panes.

use super::command::draw_input;
use super::{fit, put};
use crate::i18n::Lang;
use crate::tui::app::Confirm;
use crate::tui::form::{FieldKind, Form};
use crate::tui::layout::centered;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Widget};

/// The form popup.
pub struct FormView<'a> {
    pub form: &'a Form,
    pub lang: Lang,
    pub theme: &'a Theme,
}

/// The rows a multi-line field shows its text in.
const MULTI_ROWS: usize = 3;

/// The rows one field takes: its label, its value (three for a multi-line one), the
/// picker's candidates and, under the focused field, the refusal.
fn rows_of(f: &Form, i: usize) -> usize {
    let fld = &f.fields[i];
    let value = if fld.kind == FieldKind::Multiline {
        MULTI_ROWS
    } else {
        1
    };
    let hints = usize::from(!fld.hints.is_empty());
    let err = usize::from(i == f.focus && f.error.is_some());
    1 + value + hints + err
}

impl Widget for FormView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let f = self.form;
        let body: usize = (0..f.fields.len()).map(|i| rows_of(f, i)).sum();
        let h = u16::try_from(body + 5).unwrap_or(u16::MAX);
        let r = centered(area, 64, h);
        super::popup::clear(r, buf);
        let title = if f.target.title.is_empty() {
            format!(" {} ", f.action.label(l))
        } else {
            format!(
                " {}{}{} ",
                f.action.label(l),
                l.pick("：", ": "),
                f.target.title
            )
        };
        let title = fit(&title, usize::from(r.width.saturating_sub(2)));
        let block = Block::bordered()
            .title(title.trim_end().to_string())
            .style(self.theme.popup());
        let inner = block.inner(r);
        block.render(r, buf);
        let w = usize::from(inner.width);
        let mut y = inner.y;
        let head = if f.target.ext_id.is_empty() {
            l.pick(
                "登记后按规则分办，自动编号",
                "routed by the rules and numbered on save",
            )
            .to_string()
        } else {
            format!("{} {}", l.pick("编号", "ID"), f.target.ext_id)
        };
        put(buf, inner, inner.x, y, &fit(&head, w), w, self.theme.dim());
        y += 1;
        for (i, fld) in f.fields.iter().enumerate() {
            let focused = i == f.focus;
            let mark = if focused { "> " } else { "  " };
            let req = if fld.required { " *" } else { "" };
            let style = if focused {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            put(
                buf,
                inner,
                inner.x,
                y,
                &fit(&format!("{mark}{}{req}", fld.label.pick(l)), w),
                w,
                style,
            );
            y += 1;
            match &fld.kind {
                FieldKind::Multiline => {
                    let room = w.saturating_sub(4).max(1);
                    let lines: Vec<String> = fld
                        .input
                        .text()
                        .split('\n')
                        .flat_map(|p| {
                            let v = crate::text::wrap(p, room);
                            if v.is_empty() { vec![String::new()] } else { v }
                        })
                        .collect();
                    // The last lines, where the typing happens.
                    let from = lines.len().saturating_sub(MULTI_ROWS);
                    for k in 0..MULTI_ROWS {
                        let line = lines.get(from + k).map(String::as_str).unwrap_or("");
                        let cursor = if focused && from + k + 1 == lines.len().max(1) {
                            "_"
                        } else {
                            ""
                        };
                        put(
                            buf,
                            inner,
                            inner.x,
                            y,
                            &fit(&format!("  | {line}{cursor}"), w),
                            w,
                            Style::new(),
                        );
                        y += 1;
                    }
                    y = y.saturating_sub(1);
                }
                FieldKind::Choice(_) | FieldKind::YesNo => {
                    let s = format!("  < {} >", fld.shown(l));
                    let st = if focused {
                        Style::new().add_modifier(Modifier::REVERSED)
                    } else {
                        Style::new()
                    };
                    put(buf, inner, inner.x, y, &fit(&s, w), w, st);
                }
                _ => {
                    let x = put(buf, inner, inner.x, y, "  [", w, Style::new());
                    let room = w.saturating_sub(4);
                    if focused {
                        draw_input(buf, inner, x, y, &fld.input, room);
                    } else {
                        put(
                            buf,
                            inner,
                            x,
                            y,
                            &fit(fld.input.text(), room),
                            room,
                            Style::new(),
                        );
                    }
                    put(
                        buf,
                        inner,
                        inner.x + u16::try_from(w.saturating_sub(1)).unwrap_or(0),
                        y,
                        "]",
                        1,
                        Style::new(),
                    );
                }
            }
            y += 1;
            if !fld.hints.is_empty() {
                let s = format!("    {}", fld.hints.join(l.pick("、", ", ")));
                put(buf, inner, inner.x, y, &fit(&s, w), w, self.theme.dim());
                y += 1;
            }
            if focused && let Some(e) = &f.error {
                put(
                    buf,
                    inner,
                    inner.x,
                    y,
                    &fit(&format!("  {e}"), w),
                    w,
                    self.theme.error(),
                );
                y += 1;
            }
        }
        if f.fields.is_empty() {
            put(
                buf,
                inner,
                inner.x,
                y,
                l.pick("无需填写，按 Enter 继续", "Nothing to fill in: press Enter"),
                w,
                Style::new(),
            );
            y += 1;
            if let Some(e) = &f.error {
                put(buf, inner, inner.x, y, &fit(e, w), w, self.theme.error());
            }
        }
        let hint = l.pick(
            "Enter 提交  Tab 下一项  Ctrl-U 清空  Esc 取消",
            "Enter submit  Tab next  Ctrl-U clear  Esc cancel",
        );
        put(
            buf,
            inner,
            inner.x,
            inner.bottom().saturating_sub(1),
            &fit(hint, w),
            w,
            self.theme.dim(),
        );
    }
}

/// The yes/no box.
pub struct ConfirmView<'a> {
    pub confirm: &'a Confirm,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Widget for ConfirmView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let q = self.confirm.question.pick(self.lang);
        let lines = crate::text::wrap(q, 48);
        let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let r = centered(area, 52, h);
        super::popup::clear(r, buf);
        let block = Block::bordered()
            .title(self.lang.pick(" 确认 ", " Confirm "))
            .style(self.theme.popup());
        let inner = block.inner(r);
        block.render(r, buf);
        for (i, line) in lines.iter().enumerate() {
            let y = inner.y + u16::try_from(i).unwrap_or(u16::MAX);
            put(
                buf,
                inner,
                inner.x + 1,
                y,
                line,
                usize::from(inner.width.saturating_sub(1)),
                self.theme.key(),
            );
        }
    }
}
