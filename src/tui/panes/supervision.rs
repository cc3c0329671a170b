//! 逾期督办: countdown, title, lead department (+co), source, deadline, extensions, last
//! progress and when.

use super::approvals::title_line;
use super::table::{Cell, Column, TableView, window};
use super::{countdown, countdown_style, countdown_width, due_cite, short_date};
use crate::i18n::{Lang, Named};
use crate::tui::action::PaneId;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Draws the pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let l = app.lang;
    let pane = &app.snap.supervision;
    let ui = &app.panes[PaneId::Supervision.index()];
    let rows = crate::tui::layout::rows_in(area);
    let sel = app.selected_index(PaneId::Supervision);
    let (off, sel_in) = window(pane.rows.len(), sel, ui.offset, rows);
    let soon = ui.filter.due_soon_workdays;
    let built = pane.rows.iter().skip(off).take(rows).map(|r| {
        let lead = if r.co_depts > 0 {
            format!("{}+{}", r.lead_dept, r.co_depts)
        } else {
            r.lead_dept.clone()
        };
        let last = match (&r.last_progress_on, &r.last_progress) {
            (Some(d), Some(n)) => format!("{} {n}", short_date(*d)),
            (Some(d), None) => short_date(*d),
            (None, _) => l.pick("无反馈", "none").to_string(),
        };
        vec![
            Cell::styled(
                countdown(&r.deadline, l),
                countdown_style(&r.deadline, soon, &app.theme),
            ),
            Cell::plain(&r.title),
            Cell::plain(lead),
            Cell::plain(short_date(r.deadline.due)),
            Cell::plain(last),
            Cell::plain(r.source.name(l)),
            Cell::plain(if r.extensions > 0 {
                r.extensions.to_string()
            } else {
                String::new()
            }),
            Cell::plain(if r.urged_count > 0 {
                r.urged_count.to_string()
            } else {
                String::new()
            }),
            Cell::plain(&r.ext_id),
            Cell::plain(due_cite(&r.deadline, l)),
        ]
    });
    TableView {
        title: title_line(
            app,
            PaneId::Supervision,
            pane.total,
            pane.overdue,
            pane.due_soon,
            pane.rows.len(),
        ),
        columns: columns(
            l,
            countdown_width(pane.rows.iter().any(|r| r.deadline.provisional.is_some())),
        ),
        rows: built.collect(),
        selected: sel_in,
        focused: app.focus == PaneId::Supervision,
        empty: l
            .pick(
                "（没有逾期或将到期的督办事项）",
                "(nothing overdue or due soon)",
            )
            .into(),
        theme: &app.theme,
    }
    .render(area, buf);
}

fn columns(l: Lang, due_w: usize) -> Vec<Column> {
    vec![
        Column::new(l.pick("期限", "Due"), due_w, 0),
        Column::flex(l.pick("督办事项", "Item"), 16),
        Column::new(l.pick("牵头单位", "Lead"), 14, 1),
        Column::new(l.pick("到期", "Date"), 5, 3),
        Column::new(l.pick("最近反馈", "Last progress"), 18, 2),
        Column::new(l.pick("来源", "Source"), 12, 4),
        Column::new(l.pick("延期", "Ext"), 4, 5),
        Column::new(l.pick("催办", "Urged"), 5, 7),
        Column::new(l.pick("编号", "ID"), 10, 8),
        Column::new(l.pick("依据", "Rule"), 30, 9),
    ]
}
