//! The readline keys every input takes (Ctrl-A/E move, in the key table; these delete):
//! Ctrl-K to the end, Ctrl-U to the start, Ctrl-W the word before the cursor. A "word"
//! ends at whitespace; Chinese, which has none, goes back to the previous space (or the
//! start), as in a shell.

use super::TextInput;

impl TextInput {
    /// Deletes from the cursor to the end.
    pub fn kill_to_end(&mut self) {
        self.text.truncate(self.cursor);
    }
    /// Deletes from the start to the cursor.
    pub fn kill_to_start(&mut self) {
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
    }
    /// Deletes the whitespace before the cursor, then the word before that.
    pub fn delete_word_back(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readline_deletions() {
        let mut t = TextInput::new("open GW-00034  ");
        t.delete_word_back();
        assert_eq!(t.text(), "open ");
        t.insert("区政府 常务会议");
        t.home();
        t.right();
        t.right();
        t.kill_to_end();
        assert_eq!(t.text(), "op");
        t.kill_to_start();
        assert_eq!(t.text(), "");
        let mut z = TextInput::new("签批");
        z.delete_word_back();
        assert_eq!(z.text(), "");
    }
}
