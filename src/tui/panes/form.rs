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

impl Widget for FormView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let f = self.form;
        let h = u16::try_from(f.fields.len() * 2 + 5).unwrap_or(u16::MAX);
        let r = centered(area, 64, h);
        super::popup::clear(r, buf);
        let title = format!(
            " {}{}{} ",
            f.action.label(l),
            l.pick("：", ": "),
            f.target.title
        );
        let title = fit(&title, usize::from(r.width.saturating_sub(2)));
        let block = Block::bordered()
            .title(title.trim_end().to_string())
            .style(self.theme.popup());
        let inner = block.inner(r);
        block.render(r, buf);
        let w = usize::from(inner.width);
        let mut y = inner.y;
        put(
            buf,
            inner,
            inner.x,
            y,
            &fit(&format!("{} {}", l.pick("编号", "ID"), f.target.ext_id), w),
            w,
            self.theme.dim(),
        );
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
                FieldKind::Text | FieldKind::Date => {
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
                FieldKind::Choice(_) | FieldKind::YesNo => {
                    let s = format!("  < {} >", fld.shown(l));
                    let st = if focused {
                        Style::new().add_modifier(Modifier::REVERSED)
                    } else {
                        Style::new()
                    };
                    put(buf, inner, inner.x, y, &fit(&s, w), w, st);
                }
            }
            y += 1;
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
        }
        if let Some(e) = &f.error {
            put(buf, inner, inner.x, y, &fit(e, w), w, self.theme.error());
        }
        let hint = l.pick(
            "Enter 提交  Tab 下一项  Esc 取消",
            "Enter submit  Tab next  Esc cancel",
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
