//! How a rule is cited: its profile key with the article of the district's rules ("第二十
//! 七条" / "art. 27"), or where the date came from when no article applies.

use crate::i18n::Lang;

/// Formats a rule key with its article. Without an article it says where the date came
/// from instead: set by whoever assigned the item ("given…"), a granted extension
/// ("extended"), or a dutydesk default ("default.…").
pub fn cite(rule: &str, article: Option<&str>, lang: Lang) -> String {
    match article {
        Some(a) => format!("{rule} ({})", article_label(a, lang)),
        None if rule == "given" || rule.starts_with("given.") => {
            lang.pick("交办时确定", "set at assignment").to_string()
        }
        None if rule == "extended" => lang.pick("经批准延期", "extended").to_string(),
        // Not a rule of the district: the calendar's own state (a year without a notice).
        None if rule.starts_with("calendar.") => format!(
            "{rule} ({})",
            lang.pick("国务院节假日安排", "State Council holiday notice")
        ),
        None => format!("{rule} ({})", lang.pick("本系统默认", "dutydesk default")),
    }
}

/// "第二十七条" / "第43条" in Chinese; "art. 27" / "art. 43" in English (Chinese numerals are
/// read as numbers for English readers).
pub fn article_label(article: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第{article}条"),
        Lang::En => match chinese_number(article) {
            Some(n) => format!("art. {n}"),
            None => format!("art. {article}"),
        },
    }
}

/// An article as a suffix in both languages: ("（第六十四条）", " (art. 64)"), for messages
/// that carry the rule behind them.
pub fn article_suffix(article: &str) -> (String, String) {
    (
        format!("（{}）", article_label(article, Lang::Zh)),
        format!(" ({})", article_label(article, Lang::En)),
    )
}

/// Reads a Chinese numeral below 1000 ("二十八" → 28, "十九" → 19, "一百零五" → 105).
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let (mut total, mut pending) = (0u32, None::<u32>);
    let mut any = false;
    for c in s.chars() {
        any = true;
        match c {
            '百' => {
                total += pending.take().unwrap_or(1) * 100;
            }
            '十' => {
                total += pending.take().unwrap_or(1) * 10;
            }
            _ => pending = Some(digit(c)?),
        }
    }
    any.then(|| total + pending.unwrap_or(0))
}
