//! The calendar feed: meetings (and optionally open deadlines) as iCalendar (RFC 5545)
//! that Outlook, Thunderbird and phone calendars import. Times are local to the district
//! with the Asia/Shanghai VTIMEZONE (UTC+8, no daylight saving since 1991); UIDs are the
//! items' external ids, so a second import updates rather than duplicates; SEQUENCE is the
//! meeting's stored version, bumped whenever it moves; a cancelled meeting is sent with
//! STATUS:CANCELLED so clients remove it.

use crate::store::shift::calendar::{FeedDeadline, FeedMeeting};
use crate::store::shift::parse_local;
use chrono::{Duration, NaiveDate, NaiveDateTime};

/// How long a meeting is assumed to last: the store keeps only its start.
pub const MEETING_HOURS: i64 = 2;

const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Asia/Shanghai",
    "X-LIC-LOCATION:Asia/Shanghai",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0800",
    "TZNAME:CST",
    "DTSTART:19700101T000000",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Escapes a TEXT value (RFC 5545 3.3.11); line breaks become `\n`, other control
/// characters are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        for c in crate::text::printable(line.trim_end_matches('\r')).chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                ';' => out.push_str("\\;"),
                ',' => out.push_str("\\,"),
                c => out.push(c),
            }
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character, and
/// ends it with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

fn local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

fn utc(t: NaiveDateTime) -> String {
    (t - Duration::hours(8))
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// The whole feed. `domain` makes the UIDs globally unique (the district's id).
pub fn calendar(
    name: &str,
    domain: &str,
    meetings: &[FeedMeeting],
    deadlines: &[FeedDeadline],
) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//dutydesk//dutydesk calendar feed//ZH".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(name)),
        "X-WR-TIMEZONE:Asia/Shanghai".into(),
    ];
    lines.extend(VTIMEZONE.iter().map(|s| s.to_string()));
    for m in meetings {
        let Some(start) = parse_local(&m.start) else {
            continue;
        };
        let stamp = parse_local(&m.updated_at).unwrap_or(start);
        let cancelled = m.state == "已取消";
        let mut desc = format!("{} {}", m.kind, m.ext_id);
        if let Some(c) = &m.chair {
            desc.push_str(&format!("\n主持：{c}"));
        }
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:mtg-{}@{domain}.dutydesk", uid_part(&m.ext_id)),
            format!("DTSTAMP:{}", utc(stamp)),
            format!("LAST-MODIFIED:{}", utc(stamp)),
            format!("DTSTART;TZID=Asia/Shanghai:{}", local(start)),
            format!(
                "DTEND;TZID=Asia/Shanghai:{}",
                local(start + Duration::hours(MEETING_HOURS))
            ),
            format!("SEQUENCE:{}", m.sequence),
            format!(
                "STATUS:{}",
                if cancelled { "CANCELLED" } else { "CONFIRMED" }
            ),
            format!("SUMMARY:{}", escape(&m.title)),
            format!("LOCATION:{}", escape(&m.place)),
            format!("DESCRIPTION:{}", escape(&desc)),
            format!("CATEGORIES:{}", escape(&m.kind)),
            "TRANSP:OPAQUE".into(),
            "END:VEVENT".into(),
        ]);
    }
    for d in deadlines {
        let Ok(day) = NaiveDate::parse_from_str(&d.due, "%Y-%m-%d") else {
            continue;
        };
        let next = day.succ_opt().unwrap_or(day);
        let (prefix, label) = match d.entity {
            "document" => ("doc", "待批期限"),
            _ => ("sup", "督办期限"),
        };
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:{prefix}-{}-due@{domain}.dutydesk", uid_part(&d.ext_id)),
            format!("DTSTAMP:{}", utc(day.and_time(chrono::NaiveTime::MIN))),
            format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
            format!("SEQUENCE:{}", d.sequence),
            format!("SUMMARY:{}", escape(&format!("{label}：{}", d.title))),
            format!("DESCRIPTION:{}", escape(&d.ext_id)),
            "TRANSP:TRANSPARENT".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

/// An external id made safe for a UID's local part.
fn uid_part(ext: &str) -> String {
    ext.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_cutting_characters() {
        let line = format!("SUMMARY:{}", "区政府常务会议".repeat(10));
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{} octets: {part}", part.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end_matches("\r\n"), line);
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
