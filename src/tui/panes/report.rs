//! 督查通报: the period's figures in three lines (totals, traffic lights, the weekly
//! overdue trend as an ASCII sparkline), then the ranking of departments (or leaders, or
//! sources) by on-time rate, each with a bar. Every mark is a word, a number or an ASCII
//! character, so it reads in monochrome and keeps one cell per character in CJK terminals.

use super::table::{Cell, Column, TableView, window};
use super::{fit, put};
use crate::i18n::Lang;
use crate::report::tables::{dec, int, pct, sparkline};
use crate::store::report::{Lights, SupFigures};
use crate::tui::report::ReportUi;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// Screen lines that are not ranking rows: header (2), status (1), the three summary
/// lines, the table's title and column heads.
pub const FIXED_LINES: u16 = 8;
/// Summary lines above the ranking.
const SUMMARY: u16 = 3;
/// Cells of a rate bar: one `#` per 10 %.
const BAR: usize = 10;

/// The view widget.
pub struct ReportView<'a> {
    pub ui: &'a ReportUi,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Widget for ReportView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (l, ui, theme) = (self.lang, self.ui, self.theme);
        let r = &ui.report;
        let w = usize::from(area.width);
        let t = &r.supervision_total;
        let lines = [
            (totals(t, l), Style::new()),
            (lights(t, l), Style::new()),
            (trend(r, l), Style::new()),
        ];
        for (i, (text, style)) in lines.iter().enumerate() {
            let dy = i as u16;
            if dy < area.height {
                put(buf, area, area.x, area.y + dy, &fit(text, w), w, *style);
            }
        }
        let table = Rect {
            y: area.y + SUMMARY.min(area.height),
            height: area.height.saturating_sub(SUMMARY),
            ..area
        };
        let rows = crate::tui::layout::rows_in(table);
        let (off, sel) = window(r.supervision.len(), Some(ui.selected), ui.offset, rows);
        let built = r
            .supervision
            .iter()
            .enumerate()
            .skip(off)
            .take(rows)
            .map(|(i, row)| cells(i, &row.name, &row.figures, theme))
            .collect();
        TableView {
            title: title(ui, l),
            columns: columns(ui, l),
            rows: built,
            selected: sel,
            focused: true,
            empty: l
                .pick(
                    "（本期没有督办事项）",
                    "(no supervision items in this period)",
                )
                .into(),
            theme,
        }
        .render(table, buf);
    }
}

fn title(ui: &ReportUi, l: Lang) -> String {
    let r = &ui.report;
    let as_of = r.as_of.format("%m-%d");
    match l {
        Lang::Zh => format!(
            " 督查通报 [5] {}（截至{as_of}） 按{}排名",
            r.period.label(l),
            ui.by.label(l)
        ),
        Lang::En => format!(
            " Supervision report [5] {} (as of {as_of}), ranked by {}",
            r.period.label(l),
            ui.by.label(l).to_lowercase()
        ),
    }
}

fn totals(t: &SupFigures, l: Lang) -> String {
    match l {
        Lang::Zh => format!(
            "按期办结率 {}  交办{} 办结{}（按期{}） 逾期在办{} 逾期工作日 均{} P90 {}",
            pct(t.rate),
            t.received,
            t.closed,
            t.on_time,
            t.overdue,
            dec(t.late_mean),
            int(t.late_p90)
        ),
        Lang::En => format!(
            "On-time {}: received {}, closed {} ({} on time), overdue {}, late {} / p90 {} wd",
            pct(t.rate),
            t.received,
            t.closed,
            t.on_time,
            t.overdue,
            dec(t.late_mean),
            int(t.late_p90)
        ),
    }
}

fn lights(t: &SupFigures, l: Lang) -> String {
    let x: &Lights = &t.lights;
    let s = x.shares().unwrap_or([0, 0, 0]);
    match l {
        Lang::Zh => format!(
            "在办{}：红灯{}（{}%） 黄灯{}（{}%） 绿灯{}（{}%） 延期{} 催办{} 回头看{}（未过{}）",
            x.total(),
            x.red,
            s[2],
            x.yellow,
            s[1],
            x.green,
            s[0],
            t.extensions,
            t.urges,
            t.recheck_done,
            t.recheck_failed
        ),
        Lang::En => format!(
            "Open {}: red {} {}%, yellow {} {}%, green {} {}% | ext {} urges {} re-chk {}/{} failed",
            x.total(),
            x.red,
            s[2],
            x.yellow,
            s[1],
            x.green,
            s[0],
            t.extensions,
            t.urges,
            t.recheck_done,
            t.recheck_failed
        ),
    }
}

fn trend(r: &crate::store::report::Report, l: Lang) -> String {
    let counts: Vec<u64> = r.weekly_overdue.iter().map(|w| w.1).collect();
    let now = counts.last().copied().unwrap_or(0);
    let max = counts.iter().copied().max().unwrap_or(0);
    match l {
        Lang::Zh => format!(
            "逾期趋势 {}周 [{}] 本周{now} 最多{max}",
            counts.len(),
            sparkline(&counts)
        ),
        Lang::En => format!(
            "Overdue, {} weeks [{}] now {now}, peak {max}",
            counts.len(),
            sparkline(&counts)
        ),
    }
}

/// "#######..." for a rate: one `#` per 10 %, rounded down, so 100 % alone is full.
pub fn bar(rate: Option<f64>) -> String {
    match rate {
        None => " ".repeat(BAR),
        Some(r) => {
            let n = ((r / 10.0).floor() as usize).min(BAR);
            format!("{}{}", "#".repeat(n), ".".repeat(BAR - n))
        }
    }
}

fn cells(i: usize, name: &str, f: &SupFigures, theme: &Theme) -> Vec<Cell> {
    let late = if f.overdue > 0 {
        theme.overdue()
    } else {
        Style::new()
    };
    let rank = if f.rate.is_some() {
        (i + 1).to_string()
    } else {
        "-".into()
    };
    vec![
        Cell::plain(rank),
        Cell::plain(crate::text::printable(name).into_owned()),
        Cell::plain(format!("{:>6}", pct(f.rate))),
        Cell::plain(bar(f.rate)),
        Cell::plain(format!("{:>4}", f.closed)),
        Cell::styled(format!("{:>4}", f.overdue), late),
        Cell::plain(format!("{:>5}", dec(f.late_mean))),
        Cell::plain(format!(
            "{}/{}/{}",
            f.lights.red, f.lights.yellow, f.lights.green
        )),
        Cell::plain(format!("{:>4}", f.extensions)),
        Cell::plain(format!("{:>4}", f.urges)),
        Cell::plain(format!("{:>4}", f.received)),
    ]
}

fn columns(ui: &ReportUi, l: Lang) -> Vec<Column> {
    vec![
        Column::new("#", 3, 0),
        Column::flex(ui.by.label(l), 10),
        Column::new(l.pick("按期率", "On-time"), 7, 0),
        Column::new(l.pick("图示", "bar"), BAR, 1),
        Column::new(l.pick("办结", "Done"), 4, 2),
        Column::new(l.pick("逾期", "Late"), 4, 1),
        Column::new(l.pick("均逾期", "Mean"), 6, 3),
        Column::new(l.pick("红/黄/绿", "R/Y/G"), 8, 2),
        Column::new(l.pick("延期", "Ext"), 4, 4),
        Column::new(l.pick("催办", "Urge"), 4, 4),
        Column::new(l.pick("交办", "New"), 4, 5),
    ]
}
