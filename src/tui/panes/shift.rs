//! The duty shift views: the duty log (a table and the selected entry in full), the
//! handover report (scrolled text) and the rota (this week and next, holidays, 调休 days
//! and gaps marked), with a form drawn over them when one is open.

use super::command::draw_input;
use super::{fit, put};
use crate::clock::fmt_date;
use crate::i18n::{Lang, Named};
use crate::tui::form::FieldKind;
use crate::tui::layout::centered;
use crate::tui::shift::form::ShiftForm;
use crate::tui::shift::{ShiftState, ShiftView};
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Clear, Widget};

/// A shift view over the body.
pub struct ShiftPane<'a> {
    pub state: &'a ShiftState,
    pub lang: Lang,
    pub theme: &'a Theme,
    pub today: NaiveDate,
}

impl Widget for ShiftPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let l = self.lang;
        let count = match s.view {
            ShiftView::Log => {
                let unrep = s.log.iter().filter(|e| e.unreported()).count();
                match l {
                    Lang::Zh if unrep > 0 => {
                        format!(" {} 条，突发事件未上报 {unrep} ", s.log.len())
                    }
                    Lang::Zh => format!(" {} 条 ", s.log.len()),
                    Lang::En if unrep > 0 => format!(
                        " {} entries, {unrep} incident(s) not reported up ",
                        s.log.len()
                    ),
                    Lang::En => format!(" {} entries ", s.log.len()),
                }
            }
            ShiftView::Rota => {
                let gaps = s
                    .rota
                    .iter()
                    .filter(|d| d.gap_officer || d.gap_leader)
                    .count();
                match l {
                    Lang::Zh => format!(" 缺口 {gaps} 天 "),
                    Lang::En => format!(" {gaps} day(s) with gaps "),
                }
            }
            ShiftView::Handover => String::new(),
        };
        let block = Block::bordered()
            .title(format!(" {}{count}", s.view.title(l)))
            .style(Style::new())
            .title_style(self.theme.title(true));
        let inner = block.inner(area);
        block.render(area, buf);
        match s.view {
            ShiftView::Log => self.log(inner, buf),
            ShiftView::Rota => self.rota(inner, buf),
            ShiftView::Handover => self.handover(inner, buf),
        }
        if let Some(f) = &s.form {
            FormBox {
                form: f,
                lang: l,
                theme: self.theme,
            }
            .render(area, buf);
        }
    }
}

impl ShiftPane<'_> {
    fn rows_window(&self, rows: usize, len: usize) -> usize {
        let sel = self.state.selected;
        if rows == 0 || sel < rows {
            0
        } else {
            (sel + 1 - rows).min(len.saturating_sub(rows))
        }
    }

    fn log(&self, r: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let s = self.state;
        let w = usize::from(r.width);
        let detail_h: u16 = if r.height > 10 { 5 } else { 0 };
        let table_h = r.height.saturating_sub(detail_h + 1);
        let head = format!(
            "{} {} {} {}",
            fit(l.pick("接报时间", "Received"), 11),
            fit(l.pick("类别", "Category"), 9),
            fit(l.pick("来电/来文", "From"), 14),
            l.pick("内容摘要", "Summary")
        );
        put(
            buf,
            r,
            r.x,
            r.y,
            &fit(&head, w),
            w,
            self.theme.column_head(),
        );
        if s.log.is_empty() {
            put(
                buf,
                r,
                r.x,
                r.y + 1,
                l.pick(
                    "值班日志为空；按 n 登记",
                    "The duty log is empty; n records an entry",
                ),
                w,
                self.theme.dim(),
            );
        }
        let rows = usize::from(table_h);
        let first = self.rows_window(rows, s.log.len());
        for (i, e) in s.log.iter().enumerate().skip(first).take(rows) {
            let y = r.y + 1 + u16::try_from(i - first).unwrap_or(0);
            let mark = if e.unreported() {
                l.pick("!!未上报 ", "!!unreported ")
            } else if e.reported_at.is_some() {
                l.pick("已上报 ", "reported ")
            } else {
                ""
            };
            let line = format!(
                "{} {} {} {mark}{}",
                fit(e.received_at.get(5..16).unwrap_or(&e.received_at), 11),
                fit(e.category.name(l), 9),
                fit(&crate::text::printable(&e.from), 14),
                crate::text::printable(&e.summary)
            );
            let mut style = if e.unreported() {
                self.theme.overdue()
            } else {
                Style::new()
            };
            if i == s.selected {
                style = style.patch(self.theme.selected(true));
            }
            put(buf, r, r.x, y, &fit(&line, w), w, style);
        }
        if detail_h == 0 {
            return;
        }
        let Some(e) = s.entry() else { return };
        let y0 = r.y + r.height - detail_h;
        let text = crate::shift::report::log_line(e, l);
        for (i, line) in crate::text::wrap(&text, w)
            .iter()
            .take(usize::from(detail_h))
            .enumerate()
        {
            put(
                buf,
                r,
                r.x,
                y0 + u16::try_from(i).unwrap_or(0),
                line,
                w,
                self.theme.dim(),
            );
        }
    }

    fn rota(&self, r: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let s = self.state;
        let w = usize::from(r.width);
        let head = format!(
            "{} {} {} {} {}",
            fit(l.pick("日期", "Date"), 10),
            fit(l.pick("星期", "Day"), 4),
            fit(l.pick("类型", "Kind"), 18),
            fit(l.pick("值班", "On duty"), 10),
            l.pick("带班领导", "Leader on duty")
        );
        put(
            buf,
            r,
            r.x,
            r.y,
            &fit(&head, w),
            w,
            self.theme.column_head(),
        );
        let rows = usize::from(r.height.saturating_sub(1));
        let first = self.rows_window(rows, s.rota.len());
        for (i, d) in s.rota.iter().enumerate().skip(first).take(rows) {
            let y = r.y + 1 + u16::try_from(i - first).unwrap_or(0);
            let dash = || "—".to_string();
            let today = if d.day == self.today {
                l.pick(" <今天", " <today")
            } else {
                ""
            };
            let line = format!(
                "{} {} {} {} {} {}{today}",
                fmt_date(d.day),
                fit(&crate::shift::rota::weekday(d.day, l), 4),
                fit(&crate::shift::rota::kind_label(d, l), 18),
                fit(&d.officer.clone().unwrap_or_else(dash), 10),
                fit(&d.leader.clone().unwrap_or_else(dash), 10),
                crate::shift::rota::gaps(d, l)
            );
            let mut style = if d.gap_officer || d.gap_leader {
                self.theme.overdue()
            } else if d.kind == "holiday" || d.kind == "weekend" {
                self.theme.dim()
            } else {
                Style::new()
            };
            if i == s.selected {
                style = style.patch(self.theme.selected(true));
            }
            put(buf, r, r.x, y, &fit(&line, w), w, style);
        }
    }

    fn handover(&self, r: Rect, buf: &mut Buffer) {
        let w = usize::from(r.width);
        let lines: Vec<String> = self
            .state
            .report_lines(self.lang)
            .iter()
            .flat_map(|line| crate::text::wrap(line, w))
            .collect();
        let rows = usize::from(r.height);
        let max = lines.len().saturating_sub(rows);
        let first = self.state.scroll.min(max);
        for (i, line) in lines.iter().skip(first).take(rows).enumerate() {
            let y = r.y + u16::try_from(i).unwrap_or(0);
            let style = if line.starts_with("!!") || line.contains("!! ") {
                self.theme.overdue()
            } else if line.starts_with('【') {
                self.theme.column_head()
            } else {
                Style::new()
            };
            put(buf, r, r.x, y, line, w, style);
        }
    }
}

/// The form box.
struct FormBox<'a> {
    form: &'a ShiftForm,
    lang: Lang,
    theme: &'a Theme,
}

impl Widget for FormBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let f = self.form;
        let h = u16::try_from(f.fields.len() * 2 + 4).unwrap_or(u16::MAX);
        let r = centered(area, 64, h);
        Clear.render(r, buf);
        let block = Block::bordered()
            .title(format!(" {} ", f.title.pick(l)))
            .style(self.theme.popup());
        let inner = block.inner(r);
        block.render(r, buf);
        let w = usize::from(inner.width);
        let mut y = inner.y;
        for (i, fld) in f.fields.iter().enumerate() {
            let focused = i == f.focus;
            let mark = if focused { "> " } else { "  " };
            let req = if fld.required { " *" } else { "" };
            let st = if focused {
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
                st,
            );
            y += 1;
            match &fld.kind {
                FieldKind::Text
                | FieldKind::Date
                | FieldKind::Multiline
                | FieldKind::Person(_)
                | FieldKind::Dept => {
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
                    let st = if focused {
                        Style::new().add_modifier(Modifier::REVERSED)
                    } else {
                        Style::new()
                    };
                    put(
                        buf,
                        inner,
                        inner.x,
                        y,
                        &fit(&format!("  < {} >", fld.shown(l)), w),
                        w,
                        st,
                    );
                }
            }
            y += 1;
        }
        if let Some(e) = &f.error {
            put(buf, inner, inner.x, y, &fit(e, w), w, self.theme.error());
        }
        let hint = l.pick(
            "Enter 提交  Tab 下一项  ←→ 选项  Esc 取消",
            "Enter submit  Tab next  ←→ choice  Esc cancel",
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
