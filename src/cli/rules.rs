//! `dutydesk rules`: prints the district profile's rules, each with its article, as an
//! aligned table (Chinese text is two terminal cells wide, so alignment is by cells).

use crate::error::IoContext;
use crate::i18n::Lang;
use crate::profile::Profile;
use crate::profile::table::{RuleRow, rows};
use crate::text::{pad, width, wrap};
use std::io::Write;

/// The width the table is laid out for; long values wrap under their column.
const TABLE_CELLS: usize = 100;
/// The value column is never narrower than this, however long the keys.
const MIN_VALUE_CELLS: usize = 24;

/// Prints the header (district, source document, where the profile was loaded from) and
/// the rules table to `out`.
pub fn run(profile: &Profile, lang: Lang, out: &mut dyn Write) -> crate::Result<()> {
    render(profile, lang, out).at_path("<output>")
}

fn render(profile: &Profile, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let d = &profile.district;
    let (open, close, comma) = (
        lang.pick("（", " ("),
        lang.pick("）", ")"),
        lang.pick("，", ", "),
    );
    let name = match (&d.name_en, lang) {
        (Some(en), Lang::En) => format!("{} ({en})", d.name),
        _ => d.name.clone(),
    };
    writeln!(
        out,
        "{}{name}{comma}{}",
        lang.pick("区县：", "District: "),
        d.province
    )?;
    // A source whose title already carries its status ("…（征求意见稿）") is not
    // followed by it twice.
    if d.source.contains(&d.version) {
        writeln!(out, "{}{}", lang.pick("依据：", "Rules: "), d.source)?;
    } else {
        writeln!(
            out,
            "{}{}{open}{}{close}",
            lang.pick("依据：", "Rules: "),
            d.source,
            d.version
        )?;
    }
    if !profile.loaded_from.is_empty() {
        writeln!(
            out,
            "{}{}",
            lang.pick("配置：", "Profile: "),
            profile.loaded_from
        )?;
    }

    let rows = rows(profile, lang);
    if rows.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            lang.pick("（此配置未载明任何规则）", "(this profile states no rules)")
        )?;
        return Ok(());
    }
    let head_key = lang.pick("规则", "rule");
    let head_article = lang.pick("条款", "article");
    let head_value = lang.pick("内容", "value");
    let key_w = column_width(&rows, head_key, |r| &r.key);
    let article_w = column_width(&rows, head_article, |r| article(r));
    let indent = 2 + key_w + 2 + article_w + 2;
    let value_w = TABLE_CELLS.saturating_sub(indent).max(MIN_VALUE_CELLS);

    let mut section = None;
    for row in &rows {
        if section != Some(&row.section) {
            writeln!(out)?;
            writeln!(out, "【{}】", row.section)?;
            let head = format!(
                "  {}  {}  ",
                pad(head_key, key_w),
                pad(head_article, article_w)
            );
            writeln!(out, "{head}{head_value}")?;
            section = Some(&row.section);
        }
        let lines = wrap(&row.value, value_w);
        let mut lines = lines.iter();
        let first = lines.next().map_or("", String::as_str);
        writeln!(
            out,
            "  {}  {}  {first}",
            pad(&row.key, key_w),
            pad(article(row), article_w)
        )?;
        for more in lines {
            writeln!(out, "{}{more}", " ".repeat(indent))?;
        }
    }
    Ok(())
}

fn article(row: &RuleRow) -> &str {
    if row.article.is_empty() {
        "–"
    } else {
        &row.article
    }
}

fn column_width<'a>(rows: &'a [RuleRow], head: &str, f: impl Fn(&'a RuleRow) -> &'a str) -> usize {
    rows.iter()
        .map(|r| width(f(r)))
        .chain([width(head)])
        .max()
        .unwrap_or(0)
}
