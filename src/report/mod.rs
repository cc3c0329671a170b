//! The 督查通报 as a document an office can circulate: Markdown with tables, CSV for
//! Excel (UTF-8 with a byte-order mark, or GB18030), JSON, or plain text for a terminal.
//! Every format writes the same tables (`tables.rs`) and the same method (`method.rs`).

pub mod method;
pub mod tables;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::profile::Profile;
use crate::store::report::Report;
use tables::{Table, sparkline};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Csv,
    Json,
    Text,
}

/// A text encoding for the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    /// UTF-8 (CSV starts with a byte-order mark so Excel reads it as UTF-8).
    Utf8,
    /// GB18030 (a superset of GBK), which Excel on a Chinese Windows opens directly.
    Gbk,
}

/// The report's title: "东昌区督查通报（2026年11月）".
pub fn title(r: &Report, l: Lang) -> String {
    let t = match l {
        Lang::Zh => format!("{}督查通报（{}）", r.district, r.period.label(l)),
        Lang::En => format!(
            "Supervision report, {} — {}",
            r.district_en.as_deref().unwrap_or(&r.district),
            r.period.label(l)
        ),
    };
    crate::text::printable(&t).into_owned()
}

/// The report in `format`, as text; every name and note in it is made inert for a terminal.
pub fn render(r: &Report, p: &Profile, format: Format, l: Lang) -> Result<String> {
    let tables = tables::tables(r, l);
    let method = method::lines(r, p, l);
    Ok(match format {
        Format::Markdown => markdown(r, &tables, &method, l),
        Format::Csv => csv(r, &tables, l)?,
        Format::Json => json(r, &tables, &method)?,
        Format::Text => text(r, &tables, &method, l),
    })
}

/// The bytes to write: UTF-8 as is (CSV with a BOM for Excel), or GB18030.
pub fn encode(s: &str, format: Format, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 if format == Format::Csv => {
            let mut v = "\u{feff}".as_bytes().to_vec();
            v.extend_from_slice(s.as_bytes());
            v
        }
        Encoding::Utf8 => s.as_bytes().to_vec(),
        Encoding::Gbk => encoding_rs::GB18030.encode(s).0.into_owned(),
    }
}

fn trend_line(r: &Report, l: Lang) -> String {
    let counts: Vec<u64> = r.weekly_overdue.iter().map(|w| w.1).collect();
    let first = r
        .weekly_overdue
        .first()
        .map(|w| w.0.to_string())
        .unwrap_or_default();
    let now = counts.last().copied().unwrap_or(0);
    let max = counts.iter().copied().max().unwrap_or(0);
    match l {
        Lang::Zh => format!(
            "近{}周逾期在办（每周，{first} 起）：{}  本周 {now}，最多 {max}",
            counts.len(),
            sparkline(&counts)
        ),
        Lang::En => format!(
            "Overdue open items, weekly over {} weeks from {first}: {}  now {now}, peak {max}",
            counts.len(),
            sparkline(&counts)
        ),
    }
}

/// A Markdown cell: pipes escaped, line breaks flattened.
fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn markdown(r: &Report, tables: &[Table], method: &[String], l: Lang) -> String {
    let mut s = format!("# {}\n\n", md_cell(&title(r, l)));
    let heads = ["一", "二", "三", "四", "五", "六"];
    let mut n = 0;
    let mut section = |s: &mut String, t: &str| {
        let h = match l {
            Lang::Zh => format!("## {}、{}\n\n", heads[n.min(heads.len() - 1)], t),
            Lang::En => format!("## {}. {}\n\n", n + 1, t),
        };
        n += 1;
        s.push_str(&h);
    };
    for (i, t) in tables.iter().enumerate() {
        section(&mut s, &md_cell(&t.title));
        s.push_str(&format!(
            "| {} |\n",
            t.head
                .iter()
                .map(|h| md_cell(h))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
        let align: Vec<&str> = (0..t.head.len())
            .map(|c| if c >= t.numeric_from { "---:" } else { "---" })
            .collect();
        s.push_str(&format!("| {} |\n", align.join(" | ")));
        for row in &t.rows {
            s.push_str(&format!(
                "| {} |\n",
                row.iter()
                    .map(|c| md_cell(c))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
        }
        s.push('\n');
        // The trend follows the lights: both are about open items.
        if i == 1 {
            section(&mut s, l.pick("逾期趋势", "Overdue trend"));
            s.push_str(&format!("`{}`\n\n", trend_line(r, l)));
            let weeks: Vec<String> = r.weekly_overdue.iter().map(|w| w.1.to_string()).collect();
            s.push_str(&format!("{}\n\n", weeks.join(" ")));
        }
    }
    section(&mut s, l.pick("统计口径", "Method"));
    for m in method {
        s.push_str(&format!("- {}\n", md_cell(m)));
    }
    s
}

fn csv(r: &Report, tables: &[Table], l: Lang) -> Result<String> {
    let mut w = ::csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let err = |e: ::csv::Error| Error::invalid("report csv", e.to_string());
    w.write_record([title(r, l)]).map_err(err)?;
    for t in tables {
        w.write_record([""]).map_err(err)?;
        w.write_record([&t.title]).map_err(err)?;
        w.write_record(&t.head).map_err(err)?;
        for row in &t.rows {
            w.write_record(row).map_err(err)?;
        }
    }
    w.write_record([""]).map_err(err)?;
    w.write_record([
        l.pick("周末", "Week ending"),
        l.pick("逾期在办", "Overdue open"),
    ])
    .map_err(err)?;
    for (d, n) in &r.weekly_overdue {
        w.write_record([d.to_string(), n.to_string()])
            .map_err(err)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::invalid("report csv", e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::invalid("report csv", e.to_string()))
}

fn json(r: &Report, tables: &[Table], method: &[String]) -> Result<String> {
    let t: Vec<serde_json::Value> = tables
        .iter()
        .map(
            |t| serde_json::json!({"key": t.key, "title": t.title, "head": t.head, "rows": t.rows}),
        )
        .collect();
    let v = serde_json::json!({"report": r, "tables": t, "method": method});
    serde_json::to_string_pretty(&v).map_err(|e| Error::invalid("report json", e.to_string()))
}

fn text(r: &Report, tables: &[Table], method: &[String], l: Lang) -> String {
    let mut s = format!("{}\n", title(r, l));
    for (i, t) in tables.iter().enumerate() {
        s.push_str(&format!("\n{}\n", t.title));
        let widths: Vec<usize> = (0..t.head.len())
            .map(|c| {
                std::iter::once(&t.head)
                    .chain(&t.rows)
                    .filter_map(|row| row.get(c))
                    .map(|x| crate::text::width(x))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in std::iter::once(&t.head).chain(&t.rows) {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(c, x)| {
                    let w = widths[c];
                    if c >= t.numeric_from {
                        format!("{}{x}", " ".repeat(w.saturating_sub(crate::text::width(x))))
                    } else {
                        crate::text::pad(x, w)
                    }
                })
                .collect();
            s.push_str(cells.join("  ").trim_end());
            s.push('\n');
        }
        if i == 1 {
            s.push_str(&format!("\n{}\n", trend_line(r, l)));
        }
    }
    s.push_str(&format!("\n{}\n", l.pick("统计口径", "Method")));
    for m in method {
        s.push_str(&format!("- {m}\n"));
    }
    s
}
