//! The report's tables as plain text cells, built once and written by every format
//! (Markdown, CSV, text), so the formats can never disagree on a figure.

use crate::domain::deadline::article_label;
use crate::i18n::{Lang, Named};
use crate::store::report::{DocFigures, Report, Row, SupFigures};

/// A table: a heading, column heads, rows of cells, and the index of the first numeric
/// column (text is left-aligned before it, numbers right-aligned from it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub key: &'static str,
    pub title: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric_from: usize,
}

/// A percentage with one decimal ("87.5%"), or "—".
pub fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| format!("{v:.1}%"))
}

/// A mean with one decimal, or "—".
pub fn dec(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| format!("{v:.1}"))
}

/// A whole number, or "—".
pub fn int(v: Option<i64>) -> String {
    v.map_or_else(|| "—".into(), |v| v.to_string())
}

fn heads(l: Lang, names: &[(&str, &str)]) -> Vec<String> {
    names
        .iter()
        .map(|(z, e)| l.pick(z, e).to_string())
        .collect()
}

/// "标题（说明）" / "Title (note)".
fn paren(l: Lang, title: &str, note: &str) -> String {
    match l {
        Lang::Zh => format!("{title}（{note}）"),
        Lang::En => format!("{title} ({note})"),
    }
}

fn total_name(l: Lang) -> String {
    l.pick("合计", "Total").into()
}

/// Every table of the report, in order.
pub fn tables(r: &Report, l: Lang) -> Vec<Table> {
    vec![
        supervision(r, l),
        lights(r, l),
        documents(r, l),
        urgency(r, l),
    ]
}

fn sup_cells(f: &SupFigures) -> Vec<String> {
    vec![
        f.received.to_string(),
        f.closed.to_string(),
        f.on_time.to_string(),
        f.overdue.to_string(),
        pct(f.rate),
        dec(f.late_mean),
        int(f.late_p90),
        f.extensions.to_string(),
        f.urges.to_string(),
        f.recheck_done.to_string(),
        f.recheck_failed.to_string(),
    ]
}

/// 督查督办 by the chosen grouping, ranked by on-time rate.
pub fn supervision(r: &Report, l: Lang) -> Table {
    let mut head = vec![
        l.pick("排名", "Rank").to_string(),
        r.by.label(l).to_string(),
    ];
    head.extend(heads(
        l,
        &[
            ("交办", "Received"),
            ("办结", "Closed"),
            ("按期办结", "On time"),
            ("逾期在办", "Overdue"),
            ("按期办结率", "On-time rate"),
            ("平均逾期(工作日)", "Mean late (wd)"),
            ("P90逾期(工作日)", "P90 late (wd)"),
            ("延期", "Extensions"),
            ("催办", "Urges"),
            ("回头看", "Re-checks"),
            ("回头看未通过", "Re-checks failed"),
        ],
    ));
    let mut rows: Vec<Vec<String>> = r
        .supervision
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let rank = if row.figures.rate.is_some() {
                (i + 1).to_string()
            } else {
                "—".into()
            };
            let mut c = vec![rank, source_name(row, r, l)];
            c.extend(sup_cells(&row.figures));
            c
        })
        .collect();
    let mut t = vec![String::new(), total_name(l)];
    t.extend(sup_cells(&r.supervision_total));
    rows.push(t);
    Table {
        key: "supervision",
        title: paren(
            l,
            l.pick(
                "督查督办事项按期办结情况",
                "Supervision items: on-time close-out",
            ),
            r.by.label(l),
        ),
        head,
        rows,
        numeric_from: 2,
    }
}

/// A row's name, made inert for a terminal; a source or an urgency is stored by its
/// Chinese name and shown in English by its English one.
fn source_name<F>(row: &Row<F>, r: &Report, l: Lang) -> String {
    crate::text::printable(&row_name(row, r, l)).into_owned()
}

fn row_name<F>(row: &Row<F>, r: &Report, l: Lang) -> String {
    if r.by == crate::store::report::GroupBy::Source {
        if let Some(s) = crate::domain::SupSource::parse(&row.name) {
            return s.name(l).to_string();
        }
        if let Some(u) = crate::domain::Urgency::parse(&row.name) {
            return u.name(l).to_string();
        }
    }
    row.name.clone()
}

/// 红黄绿灯 of the items open at the period's end.
pub fn lights(r: &Report, l: Lang) -> Table {
    let mut head = vec![r.by.label(l).to_string()];
    head.extend(heads(
        l,
        &[
            ("在办", "Open"),
            ("红灯", "Red"),
            ("黄灯", "Yellow"),
            ("绿灯", "Green"),
            ("红灯占比", "Red %"),
            ("黄灯占比", "Yellow %"),
            ("绿灯占比", "Green %"),
        ],
    ));
    let cells = |name: String, f: &SupFigures| {
        let s = f.lights.shares();
        let share = |i: usize| s.map_or_else(|| "—".into(), |s| format!("{}%", s[i]));
        vec![
            name,
            f.open.to_string(),
            f.lights.red.to_string(),
            f.lights.yellow.to_string(),
            f.lights.green.to_string(),
            share(2),
            share(1),
            share(0),
        ]
    };
    let mut rows: Vec<Vec<String>> = r
        .supervision
        .iter()
        .filter(|row| row.figures.open > 0)
        .map(|row| cells(source_name(row, r, l), &row.figures))
        .collect();
    rows.push(cells(total_name(l), &r.supervision_total));
    Table {
        key: "lights",
        title: paren(
            l,
            l.pick("在办事项红黄绿灯", "Traffic lights of open items"),
            &format!("{} {}", l.pick("截至", "as of"), r.as_of),
        ),
        head,
        rows,
        numeric_from: 1,
    }
}

fn doc_cells(f: &DocFigures) -> Vec<String> {
    vec![
        f.received.to_string(),
        f.signed.to_string(),
        f.within.to_string(),
        pct(f.share_within),
        dec(f.days_mean),
        int(f.days_p90),
        f.pending_overdue.to_string(),
    ]
}

const DOC_HEADS: &[(&str, &str)] = &[
    ("收文", "Received"),
    ("签批", "Signed"),
    ("限时内签批", "Within limit"),
    ("限时内比例", "Share within"),
    ("平均审批(工作日)", "Mean approval (wd)"),
    ("P90审批(工作日)", "P90 approval (wd)"),
    ("逾期待批", "Pending overdue"),
];

/// 公文审批时效 by sender, leader or urgency.
pub fn documents(r: &Report, l: Lang) -> Table {
    let mut head = vec![r.by.doc_label(l).to_string()];
    head.extend(heads(l, DOC_HEADS));
    let mut rows: Vec<Vec<String>> = r
        .documents
        .iter()
        .map(|row| {
            let mut c = vec![source_name(row, r, l)];
            c.extend(doc_cells(&row.figures));
            c
        })
        .collect();
    let mut t = vec![total_name(l)];
    t.extend(doc_cells(&r.documents_total));
    rows.push(t);
    Table {
        key: "documents",
        title: paren(
            l,
            l.pick("公文审批时效", "Document approval time"),
            r.by.doc_label(l),
        ),
        head,
        rows,
        numeric_from: 1,
    }
}

/// 公文审批时效 by urgency, each against the district's limit and its article.
pub fn urgency(r: &Report, l: Lang) -> Table {
    let mut head = heads(
        l,
        &[
            ("紧急程度", "Urgency"),
            ("审批时限", "Limit"),
            ("依据", "Rule"),
        ],
    );
    head.extend(heads(l, DOC_HEADS));
    let rows = r
        .limits
        .iter()
        .map(|lim| {
            let f = r
                .by_urgency
                .iter()
                .find(|row| row.name == lim.urgency.zh())
                .map(|row| row.figures.clone())
                .unwrap_or_default();
            let rule = match &lim.article {
                Some(a) => article_label(a, l),
                None => l.pick("值班台默认", "dutydesk default").to_string(),
            };
            let mut c = vec![
                lim.urgency.name(l).to_string(),
                l.pick(&lim.zh, &lim.en).to_string(),
                rule,
            ];
            c.extend(doc_cells(&f));
            c
        })
        .collect();
    Table {
        key: "urgency",
        title: l
            .pick(
                "公文审批时效（按紧急程度，对照本区时限）",
                "Document approval time by urgency, against the district's limits",
            )
            .to_string(),
        head,
        rows,
        numeric_from: 3,
    }
}

/// The weekly overdue counts as an ASCII sparkline (8 levels, the highest week full),
/// readable without colour and one cell wide per week in every terminal.
pub fn sparkline(counts: &[u64]) -> String {
    const LEVELS: &[u8] = b"_.,:-=+*#";
    let max = counts.iter().copied().max().unwrap_or(0);
    counts
        .iter()
        .map(|n| {
            let i = if max == 0 {
                0
            } else {
                ((n * (LEVELS.len() as u64 - 1)).div_ceil(max)) as usize
            };
            char::from(LEVELS[i.min(LEVELS.len() - 1)])
        })
        .collect()
}
