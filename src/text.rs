//! Display-width aware text helpers. Chinese characters take two terminal cells, so all
//! truncation, padding and wrapping is by cells, never by `char`s or bytes.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The number of terminal cells `s` occupies.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The cut marker. `…` (U+2026) is what Chinese readers expect; it is East Asian
/// Ambiguous, measured as one cell here as by ratatui (both use unicode-width), which is
/// how terminals in a UTF-8 locale draw it unless set to draw ambiguous characters wide.
pub const ELLIPSIS: char = '\u{2026}';

/// Truncates `s` to at most `max` cells, ending in [`ELLIPSIS`] when something was cut.
/// A wide character that would straddle the limit is dropped, never split.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push(ELLIPSIS);
    out
}

/// Truncates `s` to at most `max` cells by cutting out its middle, so the end stays: a
/// document number keeps its number (`城东呈〔2026〕53号` → `城东呈…53号`). The part
/// after the last `〕` or `]` is kept whole when it fits with a little of the head;
/// otherwise the head and the tail share the room.
pub fn truncate_middle(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max < 3 {
        return truncate(s, max);
    }
    let after_bracket = s.rfind(['〕', ']']).map(|i| {
        let c = s[i..].chars().next().map_or(0, char::len_utf8);
        &s[i + c..]
    });
    let room = max - 1;
    let tail = match after_bracket {
        Some(t) if !t.is_empty() && width(t) + 2 <= room => t.to_string(),
        _ => tail_cells(s, room / 2),
    };
    let head_room = room - width(&tail);
    let mut head = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > head_room {
            break;
        }
        head.push(c);
        used += w;
    }
    format!("{head}{ELLIPSIS}{tail}")
}

/// The end of `s` in at most `cells` cells.
fn tail_cells(s: &str, cells: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > cells {
            break;
        }
        out.push(c);
        used += w;
    }
    out.iter().rev().collect()
}

/// Pads or middle-cuts `s` to exactly `cells` cells.
pub fn pad_middle(s: &str, cells: usize) -> String {
    let mut t = truncate_middle(s, cells);
    let w = width(&t);
    t.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    t
}

/// Pads `s` with spaces on the right to exactly `cells` cells (truncating first).
pub fn pad(s: &str, cells: usize) -> String {
    let mut t = truncate(s, cells);
    let w = width(&t);
    t.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    t
}

/// Wraps `s` into lines of at most `cells` cells. Chinese text, which has no spaces,
/// breaks between characters; other text breaks at spaces where it can.
pub fn wrap(s: &str, cells: usize) -> Vec<String> {
    if cells == 0 {
        return Vec::new();
    }
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let opts = textwrap::Options::new(cells).break_words(true);
        let wrapped = textwrap::wrap(para, opts);
        if wrapped.is_empty() {
            lines.push(String::new());
        }
        for l in wrapped {
            // textwrap measures with unicode-width; guard anyway so no line overflows.
            lines.push(truncate(&l, cells));
        }
    }
    lines
}

/// Whether `c` must not reach a terminal as it is: control characters (C0, DEL and C1,
/// which terminals read as the start of escape sequences) and the bidirectional overrides
/// (which reorder what is shown around them).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `s` safe to print on a terminal: every [`is_unsafe`] character taken out, except that
/// line breaks and tabs become spaces so a one-line record stays on one line. Text from
/// the database or a file goes through this before it reaches a terminal.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if is_unsafe(c) => None,
            c => Some(c),
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_cells_not_chars() {
        assert_eq!(truncate("区政府常务会议", 7), "区政府…");
        assert_eq!(width(&truncate("区政府常务会议", 7)), 7);
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("区", 1), "…");
        // The marker is one cell, measured the same way ratatui measures it.
        assert_eq!(width("…"), 1);
    }

    #[test]
    fn middle_cut_keeps_the_number() {
        assert_eq!(truncate_middle("城东呈〔2026〕53号", 12), "城东呈…53号");
        assert!(width(&truncate_middle("城东呈〔2026〕53号", 12)) <= 12);
        assert_eq!(
            truncate_middle("城东呈〔2026〕53号", 30),
            "城东呈〔2026〕53号"
        );
        assert_eq!(truncate_middle("abcdefghij", 7), "abc…hij");
        for w in 0..20 {
            assert!(width(&truncate_middle("东昌政办发〔2026〕153号", w)) <= w);
            assert_eq!(width(&pad_middle("东昌政办发〔2026〕153号", w)), w);
        }
    }

    #[test]
    fn pads_to_exact_width() {
        assert_eq!(width(&pad("会议", 7)), 7);
        assert_eq!(width(&pad("常务会议纪要", 5)), 5);
    }

    #[test]
    fn wraps_chinese_without_spaces() {
        let lines = wrap("区政府常务会议讨论决定的事项应当及时公布", 10);
        assert!(lines.len() >= 4);
        for l in &lines {
            assert!(width(l) <= 10, "{l}");
        }
        assert_eq!(lines.concat(), "区政府常务会议讨论决定的事项应当及时公布");
    }

    #[test]
    fn printable_takes_out_escape_sequences() {
        assert_eq!(printable("会议纪要"), "会议纪要");
        assert_eq!(printable("a\x1b]0;evil\x07b"), "a]0;evilb");
        assert_eq!(printable("x\u{9b}31my"), "x31my");
        assert_eq!(printable("one\ntwo\tthree"), "one two three");
        assert_eq!(printable("abc\u{202e}fed"), "abcfed");
        assert!(!printable("\x1b[2J\x7f").chars().any(char::is_control));
    }
}
