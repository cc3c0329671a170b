//! 合规: every current violation, warning and notice of the district's rules, most
//! serious first, then oldest first — severity, article, item, since when, what is wrong
//! (in the interface language), the item's kind and the rule key. The title counts the
//! findings by severity.

use super::short_date;
use super::table::{Cell, Column, TableView, window};
use crate::domain::compliance::{Finding, Severity};
use crate::domain::deadline::article_label;
use crate::i18n::Lang;
use crate::tui::action::PaneId;
use crate::tui::app::App;
use crate::tui::findings::{entity_label, marker};
use crate::tui::theme::Theme;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// Draws the view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let l = app.lang;
    let f = &app.snap.findings;
    let ui = &app.panes[PaneId::Compliance.index()];
    let rows = crate::tui::layout::rows_in(area);
    let sel = app.selected_index(PaneId::Compliance);
    let (off, sel_in) = window(f.len(), sel, ui.offset, rows);
    let year = app.snap.header.today.year();
    let built = f
        .rows()
        .skip(off)
        .take(rows)
        .map(|x| row(x, l, year, &app.theme));
    let filtered = ui.filter.text.is_some();
    // Dates of this year are shown without it; the column widens when one is not.
    let since_w = if f.rows().all(|x| x.since.year() == year) {
        5
    } else {
        10
    };
    TableView {
        title: title(app),
        columns: columns(l, since_w),
        rows: built.collect(),
        selected: sel_in,
        focused: true,
        empty: if f.pending {
            l.pick("（计算中…）", "(computing…)")
        } else if filtered {
            l.pick("（没有符合筛选的项）", "(nothing matches the filter)")
        } else {
            l.pick(
                "（未发现违规、警示或提示）",
                "(no violations, warnings or notices)",
            )
        }
        .into(),
        theme: &app.theme,
    }
    .render(area, buf);
}

/// " 合规 [4] 违3 警5 提1  筛选:…  (共 12)".
fn title(app: &App) -> String {
    let l = app.lang;
    let f = &app.snap.findings;
    let ui = &app.panes[PaneId::Compliance.index()];
    let mut s = format!(
        " {} [{}] {}{}",
        PaneId::Compliance.title(l),
        PaneId::Compliance.index() + 1,
        super::table::position(app, PaneId::Compliance, f.len()),
        f.counts_label(true, l)
    );
    if let Some(t) = &ui.filter.text {
        let all: usize = f.total_counts().iter().sum();
        s.push_str(&match l {
            Lang::Zh => format!("  筛选:{t}（全部 {all}）"),
            Lang::En => format!("  filter: {t} (of {all})"),
        });
    }
    s.push_str(l.pick("  按严重程度", "  by severity"));
    s
}

/// A finding's severity style: reads in monochrome through the marker's words; the
/// style only adds emphasis.
pub fn severity_style(s: Severity, theme: &Theme) -> Style {
    match s {
        Severity::Violation => theme.overdue(),
        Severity::Warning => theme.due_soon(),
        Severity::Notice => theme.dim(),
    }
}

/// The article as the district numbers it; without one, where the limit came from: set at
/// assignment, an extension, or a dutydesk default (as `deadline::cite` says it).
pub fn article_cell(f: &Finding, l: Lang) -> String {
    match &f.article {
        Some(a) => article_label(a, l),
        None if f.rule == "given" || f.rule.starts_with("given.") => {
            l.pick("交办确定", "assigned").into()
        }
        None if f.rule == "extended" => l.pick("经批准延期", "extended").into(),
        None => l.pick("默认", "default").into(),
    }
}

fn row(f: &Finding, l: Lang, year: i32, theme: &Theme) -> Vec<Cell> {
    // The year only when it is not this year's.
    let since = if f.since.year() == year {
        short_date(f.since)
    } else {
        crate::clock::fmt_date(f.since)
    };
    vec![
        Cell::styled(marker(f.severity, l), severity_style(f.severity, theme)),
        Cell::plain(article_cell(f, l)),
        Cell::plain(item_cell(f, l)),
        Cell::plain(since),
        Cell::plain(f.message(l)),
        Cell::plain(entity_label(&f.item.entity, l)),
        Cell::plain(crate::domain::rule_names::name(&f.rule, l)),
    ]
}

/// The item as a reader names it: a meeting kind by its name (not its profile key), an
/// item by its id and title.
pub fn item_cell(f: &Finding, l: Lang) -> String {
    if f.item.entity == "meeting_kind" {
        use crate::i18n::Named;
        if let Some(k) = crate::domain::MeetingKind::ALL
            .iter()
            .find(|k| k.key() == f.item.ext_id)
        {
            return k.name(l).to_string();
        }
    }
    format!("{} {}", f.item.ext_id, f.item.title)
}

fn columns(l: Lang, since_w: usize) -> Vec<Column> {
    vec![
        Column::new(l.pick("级别", "Level"), 6, 0),
        Column::new(l.pick("条款", "Article"), 11, 1),
        Column::new(l.pick("事项", "Item"), 22, 1),
        Column::new(l.pick("起始", "Since"), since_w, 2),
        Column::flex(l.pick("说明", "What"), 16),
        Column::new(l.pick("类别", "Kind"), 10, 5),
        Column::new(l.pick("规则", "Rule"), 36, 4),
    ]
}
