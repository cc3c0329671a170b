//! Display-width aware text helpers. Chinese characters take two terminal cells, so all
//! truncation, padding and wrapping is by cells, never by `char`s or bytes.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The number of terminal cells `s` occupies.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Truncates `s` to at most `max` cells, ending in `~` when something was cut. (The
/// ellipsis `…` is an ambiguous-width glyph: two cells in many CJK terminals, which would
/// break every column after it.)
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
    out.push('~');
    out
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
        assert_eq!(truncate("区政府常务会议", 7), "区政府~");
        assert_eq!(width(&truncate("区政府常务会议", 7)), 7);
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab~");
        assert_eq!(truncate("区", 1), "~");
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
