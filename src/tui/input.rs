//! A one-line text input that edits by grapheme and measures by terminal cells, so
//! Chinese (two cells a character), combining marks and emoji move and delete as a whole.

mod readline;

use crate::text::width;
use unicode_segmentation::UnicodeSegmentation;

/// The longest text an input holds, in characters: enough for any instruction or note,
/// far below SQLite's LIKE pattern limit, and small enough that every edit stays cheap.
pub const MAX_CHARS: usize = 2000;

/// Text with a cursor; `cursor` is a byte offset that always sits on a grapheme boundary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
    /// The last insert was cut at [`MAX_CHARS`] (the board says so once).
    cut: bool,
}

impl TextInput {
    /// An input holding `s`, cursor at the end.
    pub fn new(s: &str) -> TextInput {
        let text: String = s.chars().take(MAX_CHARS).collect();
        TextInput {
            cursor: text.len(),
            text,
            cut: false,
        }
    }
    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// Whether the last insert was cut at [`MAX_CHARS`]; clears the mark.
    pub fn take_cut(&mut self) -> bool {
        std::mem::take(&mut self.cut)
    }
    /// Inserts text at the cursor (a typed character, or a paste; line breaks become spaces),
    /// up to [`MAX_CHARS`] in all: the cost is linear in what is inserted.
    pub fn insert(&mut self, s: &str) {
        let room = MAX_CHARS.saturating_sub(self.text.chars().count());
        self.cut = s.chars().count() > room;
        let clean: String = s
            .chars()
            .take(room)
            .map(|c| {
                if c == '\n' || c == '\r' || c == '\t' {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }
    /// Inserts a line break (multi-line fields only; `insert` turns breaks into spaces).
    pub fn newline(&mut self) {
        self.text.insert(self.cursor, '\n');
        self.cursor += 1;
    }
    /// Empties the input (Ctrl-U).
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }
    /// Deletes the grapheme before the cursor.
    pub fn delete_back(&mut self) {
        if let Some((i, _)) = self.text[..self.cursor].grapheme_indices(true).next_back() {
            self.text.replace_range(i..self.cursor, "");
            self.cursor = i;
        }
    }
    /// Deletes the grapheme under the cursor.
    pub fn delete_forward(&mut self) {
        if let Some(g) = self.text[self.cursor..].graphemes(true).next() {
            let end = self.cursor + g.len();
            self.text.replace_range(self.cursor..end, "");
        }
    }
    /// Moves one grapheme left.
    pub fn left(&mut self) {
        if let Some((i, _)) = self.text[..self.cursor].grapheme_indices(true).next_back() {
            self.cursor = i;
        }
    }
    /// Moves one grapheme right.
    pub fn right(&mut self) {
        if let Some(g) = self.text[self.cursor..].graphemes(true).next() {
            self.cursor += g.len();
        }
    }
    /// To the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }
    /// To the end.
    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }
    /// The cursor's column in cells from the start of the text.
    pub fn cursor_cells(&self) -> usize {
        width(&self.text[..self.cursor])
    }
    /// The part of the text to show in `cells` cells so the cursor stays visible, and the
    /// cursor's column within it. Scrolls by whole graphemes, never splitting a wide one.
    pub fn view(&self, cells: usize) -> (String, usize) {
        if cells == 0 {
            return (String::new(), 0);
        }
        let graphemes: Vec<(usize, &str)> = self.text.grapheme_indices(true).collect();
        // The first grapheme shown: walk back from the cursor while the text up to it
        // still fits (one cell kept for the cursor). One pass: linear in the text.
        let before = graphemes.partition_point(|g| g.0 < self.cursor);
        let mut start = before;
        let mut used = 0;
        while start > 0 {
            let w = width(graphemes[start - 1].1);
            if used + w + 1 > cells {
                break;
            }
            used += w;
            start -= 1;
        }
        let from = graphemes.get(start).map_or(self.text.len(), |g| g.0);
        let cur = width(&self.text[from..self.cursor]);
        let mut out = String::new();
        let mut used = 0;
        for (_, g) in &graphemes[start..] {
            let w = width(g);
            if used + w > cells {
                break;
            }
            out.push_str(g);
            used += w;
        }
        (out, cur.min(cells.saturating_sub(1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_chinese_by_grapheme() {
        let mut t = TextInput::default();
        t.insert("会议纪要");
        t.left();
        t.delete_back();
        assert_eq!(t.text(), "会议要");
        assert_eq!(t.cursor_cells(), 4);
        t.insert("é");
        t.delete_back();
        assert_eq!(t.text(), "会议要");
        t.home();
        t.delete_forward();
        assert_eq!(t.text(), "议要");
    }

    #[test]
    fn inserts_are_bounded() {
        let mut t = TextInput::default();
        t.insert(&"字".repeat(100_000));
        assert_eq!(t.text().chars().count(), MAX_CHARS);
        assert!(t.take_cut());
        assert!(!t.take_cut());
        t.insert("x");
        assert_eq!(t.text().chars().count(), MAX_CHARS);
        let (s, c) = t.view(40);
        assert!(width(&s) <= 40 && c < 40);
    }

    #[test]
    fn view_keeps_cursor_visible() {
        let t = TextInput::new("区政府常务会议纪要");
        let (s, c) = t.view(7);
        assert!(width(&s) <= 7);
        assert!(c < 7);
        assert!(s.ends_with('要'));
        assert_eq!(TextInput::new("abc").view(0), (String::new(), 0));
    }
}
