//! The digest in words (`dutydesk digest`): text for mail, Markdown, or JSON for scripts.

use super::report::log_line;
use super::{Doc, Format};
use crate::clock::fmt_date;
use crate::i18n::Lang;
use crate::store::shift::digest::{Counts, Digest};

/// The exit code when something is overdue, so a cron line can act on it.
pub const EXIT_OVERDUE: i32 = 3;

/// The digest in `format`.
pub fn render(d: &Digest, format: Format, lang: Lang) -> String {
    match format {
        Format::Markdown => doc(d, lang).markdown(),
        Format::Text => doc(d, lang).text(),
        Format::Json => serde_json::to_string_pretty(d).unwrap_or_default() + "\n",
    }
}

fn counts(name: &str, c: &Counts, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{name}：共 {}，逾期 {}，即将到期 {}",
            c.total, c.overdue, c.due_soon
        ),
        Lang::En => format!(
            "{name}: {} in all, {} overdue, {} due soon",
            c.total, c.overdue, c.due_soon
        ),
    }
}

fn or_none(v: Vec<String>, lang: Lang) -> Vec<String> {
    if v.is_empty() {
        vec![lang.pick("无", "none").to_string()]
    } else {
        v
    }
}

/// The digest as sections.
pub fn doc(d: &Digest, lang: Lang) -> Doc {
    let kind = |e: &str| match e {
        "document" => lang.pick("公文", "document"),
        "supervision" => lang.pick("督办", "supervision"),
        _ => lang.pick("会议", "meeting"),
    };
    let dash = || "—".to_string();
    let mut intro = vec![
        counts(
            lang.pick("待批公文", "Pending approvals"),
            &d.approvals,
            lang,
        ),
        counts(lang.pick("逾期督办", "Supervision"), &d.supervision, lang),
        counts(lang.pick("近期会议", "Meetings"), &d.meetings, lang),
        format!(
            "{} {}，{} {}",
            lang.pick("今日值班", "On duty today:"),
            d.duty.officer.clone().unwrap_or_else(dash),
            lang.pick("带班领导", "leader on duty"),
            d.duty.leader.clone().unwrap_or_else(dash)
        ),
    ];
    if d.unreported_incidents > 0 {
        intro.push(match lang {
            Lang::Zh => format!("!! 突发事件未上报 {} 件", d.unreported_incidents),
            Lang::En => format!("!! {} incident(s) not reported up", d.unreported_incidents),
        });
    }
    Doc {
        title: format!(
            "{} {} {}",
            d.district,
            lang.pick("值班日报", "duty digest"),
            fmt_date(d.today)
        ),
        intro,
        sections: vec![
            (
                lang.pick("逾期事项", "Overdue").into(),
                or_none(
                    d.overdue
                        .iter()
                        .map(|l| {
                            format!(
                                "[{}] {} 《{}》 {} {} ({})",
                                kind(l.entity),
                                l.ext_id,
                                l.title,
                                lang.pick("期限", "due"),
                                fmt_date(l.due),
                                match lang {
                                    Lang::Zh => format!("逾期 {} 个工作日", l.workdays_late),
                                    Lang::En => format!("{} working day(s) late", l.workdays_late),
                                }
                            )
                        })
                        .collect(),
                    lang,
                ),
            ),
            (
                lang.pick("今日会议", "Meetings today").into(),
                or_none(
                    d.meetings_today
                        .iter()
                        .map(|m| {
                            let owes = if lang == Lang::Zh {
                                &m.owes_zh
                            } else {
                                &m.owes_en
                            };
                            let owes = if owes.is_empty() {
                                lang.pick("无欠缺", "owes nothing").to_string()
                            } else {
                                owes.join(lang.pick("、", ", "))
                            };
                            format!(
                                "{} {} 《{}》 {} — {owes}",
                                m.start, m.ext_id, m.title, m.place
                            )
                        })
                        .collect(),
                    lang,
                ),
            ),
            (
                lang.pick("昨日值班日志", "Yesterday's duty log").into(),
                or_none(
                    d.yesterday_log
                        .iter()
                        .rev()
                        .map(|e| log_line(e, lang))
                        .collect(),
                    lang,
                ),
            ),
        ],
    }
}
