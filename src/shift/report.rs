//! The handover report (交接班报告) in words: from [`Report`]'s facts to a [`Doc`], in
//! Chinese or English, and the file name it is saved under.

use super::{Doc, Format};
use crate::clock::fmt_date;
use crate::i18n::{Lang, Named};
use crate::store::shift::handover::{Duty, MeetingWatch, Report, WatchItem};
use crate::store::shift::log::LogLine;
use std::path::{Path, PathBuf};

/// The report in `format`.
pub fn render(r: &Report, format: Format, lang: Lang) -> String {
    match format {
        Format::Markdown => doc(r, lang).markdown(),
        Format::Text => doc(r, lang).text(),
        Format::Json => serde_json::to_string_pretty(r).unwrap_or_default() + "\n",
    }
}

/// Where the reports are saved: `handovers/` in the database's directory.
pub fn dir_for(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("handovers")
}

/// Where a shift's report is saved: `handovers/` beside the database, named by the shift's
/// date and the end of the window (`2026-11-20-0830.md`), so a day with two handovers
/// keeps both.
pub fn file_for(dir: &Path, r: &Report, format: Format) -> PathBuf {
    let ext = match format {
        Format::Markdown => "md",
        Format::Text => "txt",
        Format::Json => "json",
    };
    let hhmm: String = r.until.get(11..16).unwrap_or("0000").replace(':', "");
    dir.join(format!("{}-{hhmm}.{ext}", fmt_date(r.shift_date)))
}

fn none(lang: Lang) -> String {
    lang.pick("无", "none").to_string()
}

fn duty_line(d: &Duty, lang: Lang) -> String {
    let dash = || "—".to_string();
    format!(
        "{} {} {}{}{} {}",
        fmt_date(d.day),
        lang.pick("值班", "on duty"),
        d.officer.clone().unwrap_or_else(dash),
        lang.pick("，", ", "),
        lang.pick("带班领导", "leader on duty"),
        d.leader.clone().unwrap_or_else(dash)
    )
}

fn item_line(w: &WatchItem, lang: Lang) -> String {
    let kind = match w.entity {
        "document" => lang.pick("公文", "document"),
        "supervision" => lang.pick("督办", "supervision"),
        _ => lang.pick("会议", "meeting"),
    };
    format!(
        "[{kind}] {} 《{}》 {} {} {}",
        w.ext_id,
        w.title,
        lang.pick("期限", "due"),
        fmt_date(w.due),
        what(&w.what, lang)
    )
}

/// The stored Chinese words of a watch item, in English where known.
fn what(w: &str, lang: Lang) -> String {
    if lang == Lang::Zh {
        return w.to_string();
    }
    let mut s = w.to_string();
    for (zh, en) in [
        ("特急重要", "very urgent & major"),
        ("特急", "very urgent"),
        ("加急", "urgent"),
        ("一般", "normal"),
        ("督办", "supervision"),
        ("回头看", "re-check"),
        ("逾期", " overdue"),
    ] {
        s = s.replace(zh, en);
    }
    s
}

fn meeting_line(m: &MeetingWatch, lang: Lang) -> String {
    let owes = if lang == Lang::Zh {
        &m.owes_zh
    } else {
        &m.owes_en
    };
    let owes = if owes.is_empty() {
        lang.pick("无欠缺", "owes nothing").to_string()
    } else {
        format!(
            "{}{}",
            lang.pick("尚欠：", "owes: "),
            owes.join(lang.pick("、", ", "))
        )
    };
    format!(
        "{} {} 《{}》 {} — {owes}",
        m.start, m.ext_id, m.title, m.place
    )
}

/// One duty log entry as a report line.
pub fn log_line(e: &LogLine, lang: Lang) -> String {
    let time = e.received_at.get(5..16).unwrap_or(&e.received_at);
    let from = if e.from.is_empty() {
        String::new()
    } else if e.phone.is_empty() {
        format!(" {}", e.from)
    } else {
        format!(" {}（{}）", e.from, e.phone)
    };
    let mut s = format!(
        "{time} {} [{}]{from}：{}",
        e.ext_id,
        e.category.name(lang),
        e.summary
    );
    if e.urgency != "一般" {
        s.push_str(&format!(" [{}]", what(&e.urgency, lang)));
    }
    if !e.informed.is_empty() {
        s.push_str(&format!(
            "；{}{}",
            lang.pick("已告知 ", "informed "),
            e.informed
        ));
    }
    if let (Some(at), Some(to)) = (&e.reported_at, &e.reported_to) {
        s.push_str(&format!(
            "；{} {} {}",
            lang.pick("已上报", "reported up to"),
            to,
            at.get(5..16).unwrap_or(at)
        ));
    } else if e.unreported() {
        s.push_str(lang.pick("；!! 尚未上报", "; !! NOT REPORTED UP"));
    }
    if let Some(d) = &e.document {
        s.push_str(&format!(
            "；{} {d}",
            lang.pick("已转公文", "became document")
        ));
    }
    if let Some(d) = &e.supervision {
        s.push_str(&format!(
            "；{} {d}",
            lang.pick("已列督办", "became supervision item")
        ));
    }
    if !e.follow_up.is_empty() {
        s.push_str(&format!(
            "；{}{}",
            lang.pick("后续：", "follow-up: "),
            e.follow_up
        ));
    }
    s
}

fn or_none(lines: Vec<String>, lang: Lang) -> Vec<String> {
    if lines.is_empty() {
        vec![none(lang)]
    } else {
        lines
    }
}

/// The report as sections.
pub fn doc(r: &Report, lang: Lang) -> Doc {
    let mut happened: Vec<String> = r
        .happened
        .iter()
        .map(|e| format!("{} [{}] {}", e.when, e.kind.label(lang), e.summary))
        .collect();
    for (kind, n) in &r.more {
        happened.push(match lang {
            Lang::Zh => format!("[{}] 另有 {n} 项未列出", kind.label(lang)),
            Lang::En => format!("[{}] {n} more not listed", kind.label(lang)),
        });
    }
    let held: Vec<String> = r
        .meetings_held
        .iter()
        .map(|m| meeting_line(m, lang))
        .collect();
    let w = &r.watch;
    Doc {
        title: format!(
            "{} {}",
            r.district,
            lang.pick("值班交接班报告", "duty handover report")
        ),
        intro: vec![
            format!(
                "{}{} {} {}",
                lang.pick("时段：", "Window: "),
                r.since,
                lang.pick("至", "to"),
                r.until
            ),
            format!(
                "{}{}",
                lang.pick("交班：", "Outgoing: "),
                duty_line(&r.outgoing, lang)
            ),
            format!(
                "{}{}",
                lang.pick("接班：", "Incoming: "),
                duty_line(&r.incoming, lang)
            ),
        ],
        sections: vec![
            (
                lang.pick(
                    "值班日志（来电、传真、突发事件、上报）",
                    "Duty log (calls, faxes, incidents, reports up)",
                )
                .into(),
                or_none(
                    r.log.iter().rev().map(|e| log_line(e, lang)).collect(),
                    lang,
                ),
            ),
            (
                lang.pick("本班办理情况", "What happened").into(),
                or_none(happened, lang),
            ),
            (
                lang.pick("本班召开的会议", "Meetings held").into(),
                or_none(held, lang),
            ),
            (
                lang.pick("本班转为逾期", "Turned overdue").into(),
                or_none(
                    r.turned_overdue
                        .iter()
                        .map(|w| item_line(w, lang))
                        .collect(),
                    lang,
                ),
            ),
            (
                lang.pick(
                    "请下一班关注：突发事件未上报",
                    "Watch: incidents not reported up",
                )
                .into(),
                or_none(
                    w.unreported.iter().map(|e| log_line(e, lang)).collect(),
                    lang,
                ),
            ),
            (
                lang.pick(
                    "请下一班关注：今天和下一个工作日到期",
                    "Watch: due today and the next working day",
                )
                .into(),
                or_none(
                    w.due_soon.iter().map(|x| item_line(x, lang)).collect(),
                    lang,
                ),
            ),
            (
                lang.pick(
                    "请下一班关注：特急、特急重要公文",
                    "Watch: very urgent documents",
                )
                .into(),
                or_none(
                    w.critical.iter().map(|x| item_line(x, lang)).collect(),
                    lang,
                ),
            ),
            (
                lang.pick(
                    "请下一班关注：24小时内的会议",
                    "Watch: meetings in the next 24 hours",
                )
                .into(),
                or_none(
                    w.meetings.iter().map(|m| meeting_line(m, lang)).collect(),
                    lang,
                ),
            ),
            (
                lang.pick("请下一班关注：回头看", "Watch: re-checks (回头看)")
                    .into(),
                or_none(
                    w.rechecks.iter().map(|x| item_line(x, lang)).collect(),
                    lang,
                ),
            ),
        ],
    }
}
