//! 近期会议: when, kind, title, chair, place and what each meeting still owes.

use super::approvals::title_line;
use super::table::{Cell, Column, TableView};
use super::{countdown, countdown_style, countdown_width};
use crate::i18n::{Lang, Named};
use crate::tui::action::PaneId;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Draws the pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let l = app.lang;
    let pane = &app.snap.meetings;
    let ui = &app.panes[PaneId::Meetings.index()];
    let rows = crate::tui::layout::rows_in(area);
    let (off, sel_in) = super::table::pane_window(app, PaneId::Meetings, pane.rows.len(), rows);
    let soon = ui.filter.due_soon_workdays;
    let built = pane.rows.iter().skip(off).take(rows).map(|r| {
        // "11-24 09:00" from the stored start.
        let when = r.start.get(5..16).unwrap_or(&r.start).replace('T', " ");
        let owed: Vec<String> = r.owed.iter().map(|o| o.label(l)).collect();
        let (next, next_style) = match &r.next_due {
            Some(d) => (countdown(d, l), countdown_style(d, soon, &app.theme)),
            None => (String::new(), ratatui::style::Style::new()),
        };
        let owed_style = if r.overdue {
            app.theme.overdue()
        } else {
            ratatui::style::Style::new()
        };
        vec![
            Cell::plain(when),
            Cell::plain(r.kind.name(l)),
            Cell::plain(super::table::marked(app, PaneId::Meetings, r.id, &r.title)),
            Cell::plain(r.chair.as_ref().map(|c| c.name.clone()).unwrap_or_default()),
            Cell::styled(owed.join(" "), owed_style),
            Cell::styled(next, next_style),
            Cell::plain(&r.place),
            Cell::plain(r.members.to_string()),
        ]
    });
    TableView {
        title: title_line(
            app,
            PaneId::Meetings,
            pane.total,
            pane.overdue,
            pane.due_soon,
        ),
        columns: columns(
            l,
            countdown_width(
                pane.rows
                    .iter()
                    .any(|r| r.next_due.as_ref().is_some_and(|d| d.provisional.is_some())),
            ),
        ),
        rows: built.collect(),
        selected: sel_in,
        focused: app.focus == PaneId::Meetings,
        empty: l
            .pick(
                "（14天内没有会议，也没有欠纪要或文件的会议）",
                "(no meetings in 14 days, none owing minutes or documents)",
            )
            .into(),
        theme: &app.theme,
    }
    .render(area, buf);
}

fn columns(l: Lang, due_w: usize) -> Vec<Column> {
    vec![
        Column::new(l.pick("时间", "When"), 11, 0),
        Column::new(l.pick("类别", "Kind"), 10, 3),
        Column::flex(l.pick("会议", "Meeting"), 14),
        Column::new(l.pick("主持", "Chair"), 8, 2),
        Column::new(l.pick("尚欠", "Owes"), 20, 1),
        Column::new(l.pick("期限", "Due"), due_w, 4),
        Column::new(l.pick("地点", "Place"), 14, 5),
        Column::new(l.pick("人数", "Members"), 7, 6),
    ]
}
