//! 待批公文: countdown, urgency, title, from, routed leader (and stand-in), countersigns.

use super::table::{Cell, Column, TableView, counts};
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
    let pane = &app.snap.approvals;
    let ui = &app.panes[PaneId::Approvals.index()];
    let rows = crate::tui::layout::rows_in(area);
    let (off, sel_in) = super::table::pane_window(app, PaneId::Approvals, pane.rows.len(), rows);
    let soon = ui.filter.due_soon_workdays;
    let built = pane.rows.iter().skip(off).take(rows).map(|r| {
        let leader = match (&r.leader, &r.stand_in) {
            (Some(p), Some(s)) => format!("{}({}{})", p.name, l.pick("代:", "by "), s.name),
            (Some(p), None) => p.name.clone(),
            (None, _) => l.pick("未分办", "unrouted").to_string(),
        };
        // "复2/2 视2": replies in, of requests, of which deemed (silence past the limit);
        // the legend is in the help.
        let cs = &r.countersign;
        let cs_text = if cs.total == 0 {
            "-".to_string()
        } else {
            let mut t = format!("{}{}/{}", l.pick("复", "r"), cs.answered, cs.total);
            if cs.deemed > 0 {
                t.push_str(&format!(" {}{}", l.pick("视", "d"), cs.deemed));
            }
            t
        };
        vec![
            Cell::styled(
                countdown(&r.due, l),
                countdown_style(&r.due, soon, &app.theme),
            ),
            Cell::styled(r.urgency.name(l), app.theme.urgency(r.urgency)),
            Cell::plain(super::table::marked(app, PaneId::Approvals, r.id, &r.title)),
            Cell::plain(r.from_dept.clone().unwrap_or_default()),
            Cell::plain(leader),
            Cell::plain(cs_text),
            Cell::middle(&r.doc_no),
            Cell::plain(r.kind.name(l)),
            Cell::plain(short_date(r.received)),
            Cell::plain(short_date(r.due.due)),
            Cell::plain(if r.urged_count > 0 {
                r.urged_count.to_string()
            } else {
                String::new()
            }),
            Cell::plain(rule_cell(&r.due, l)),
            Cell::plain(&r.ext_id),
        ]
    });
    let mut built: Vec<Vec<Cell>> = built.collect();
    let mut columns = columns(l);
    let shown = pane.rows.iter().skip(off).take(rows);
    if super::table::titles_collide(shown.map(|r| r.title.as_str())) {
        let id = columns.len() - 1;
        super::table::promote(&mut columns, &mut built, id, 2);
    }
    let title = title_line(
        app,
        PaneId::Approvals,
        pane.total,
        pane.overdue,
        pane.due_soon,
    );
    TableView {
        title,
        columns,
        rows: built,
        selected: sel_in,
        focused: app.focus == PaneId::Approvals,
        empty: l.pick("（没有待批公文）", "(no pending documents)").into(),
        theme: &app.theme,
    }
    .render(area, buf);
}

/// The rule column: the district's rule with its article, or, where the district sets no
/// limit for the document's urgency, that it sets none — the countdown then runs on a
/// dutydesk default, which is not shown as if it were a rule.
fn rule_cell(d: &crate::store::queries::Due, l: Lang) -> String {
    if crate::domain::deadline::is_default_approval(&d.rule) {
        let mark = l.pick(
            "本区未定时限（系统默认）",
            "no district limit (dutydesk default)",
        );
        return match d.provisional {
            Some(_) => format!("{} {mark}", l.pick("暂定", "provisional")),
            None => mark.to_string(),
        };
    }
    due_cite(d, l)
}

fn columns(l: Lang) -> Vec<Column> {
    vec![
        // The countdown is in working days: the unit is in the heading.
        Column::new(l.pick("工作日", "Workdays"), 8, 0),
        Column::new(
            l.pick("紧急", "Urgency"),
            match l {
                Lang::Zh => 8,
                Lang::En => 11,
            },
            1,
        ),
        Column::flex(l.pick("标题", "Title"), 16).wanting(26),
        Column::new(l.pick("来文单位", "From"), 12, 2),
        Column::new(l.pick("领导", "Leader"), 14, 1),
        Column::new(l.pick("会签", "Cosign"), 9, 3),
        Column::new(l.pick("文号", "No."), 14, 5),
        Column::new(l.pick("文种", "Kind"), 6, 6),
        Column::new(l.pick("收文", "Recv"), 5, 7),
        Column::new(l.pick("到期", "Date"), 5, 4),
        Column::new(l.pick("催办", "Urged"), 5, 8),
        Column::new(l.pick("依据", "Rule"), 30, 9),
        Column::new(l.pick("编号", "ID"), 9, 10),
    ]
}

/// The title bar shared by the panes: name, key, counts, sort and filter.
pub fn title_line(app: &App, p: PaneId, total: usize, overdue: usize, soon: usize) -> String {
    let l = app.lang;
    let f = &app.panes[p.index()].filter;
    // The sort's name before the counts, so a narrow title keeps it.
    let mut s = format!(
        " {} [{}] {}{}  {}",
        p.title(l),
        p.index() + 1,
        super::table::position(app, p, total),
        f.sort.label(l),
        counts(l, total, overdue, soon),
    );
    if f.overdue_only {
        s.push_str(l.pick("  仅逾期", "  overdue only"));
    }
    if p == PaneId::Supervision && f.all_open {
        s.push_str(l.pick("  全部在办", "  all open"));
    }
    if let Some(t) = &f.text {
        s.push_str(&format!("  {}{t}", l.pick("筛选:", "filter: ")));
    }
    s
}
