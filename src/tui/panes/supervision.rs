//! 逾期督办: countdown, title, lead department (+co), source, deadline, extensions, last
//! progress and when.

use super::approvals::title_line;
use super::table::{Cell, Column, TableView};
use super::{countdown, countdown_style, due_cite, short_date};
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
    let (off, sel_in) = super::table::pane_window(app, PaneId::Supervision, pane.rows.len(), rows);
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
            Cell::plain(super::table::marked(
                app,
                PaneId::Supervision,
                r.id,
                &r.title,
            )),
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
    let mut built: Vec<Vec<Cell>> = built.collect();
    let mut columns = columns(l);
    let shown = pane.rows.iter().skip(off).take(rows);
    if super::table::titles_collide(shown.map(|r| r.title.as_str())) {
        super::table::promote(&mut columns, &mut built, 8, 1);
    }
    TableView {
        title: title_line(
            app,
            PaneId::Supervision,
            pane.total,
            pane.overdue,
            pane.due_soon,
        ),
        columns,
        rows: built,
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

fn columns(l: Lang) -> Vec<Column> {
    vec![
        // The countdown is in working days: the unit is in the heading.
        Column::new(l.pick("工作日", "Workdays"), 8, 0),
        Column::flex(l.pick("督办事项", "Item"), 16).wanting(26),
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
