//! The one way text leaves the program for a terminal or a log: every character that a
//! terminal would read as a control sequence (C0 but for line feed and tab, DEL, C1, the
//! bidirectional overrides — [`crate::text::is_unsafe`]) is written as a visible `\uXXXX`
//! escape instead, and bytes that are not UTF-8 are dropped.
//!
//! The escape is the JSON one, so JSON Lines written through this stay valid JSON with the
//! same values (such characters can only occur inside JSON strings, where `\u001b` and the
//! raw character mean the same), while a table or a message shows the officer that
//! something odd is in the data instead of letting it retitle the window or clear the
//! screen. The board has its own guard ([`crate::text::printable`]) since it draws cells.

use crate::text::is_unsafe;
use std::borrow::Cow;
use std::io::{self, Write};

/// `s` with every unsafe character but `\n` and `\t` written as `\uXXXX`.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push(&mut out, c);
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c != '\n' && c != '\t' && is_unsafe(c)
}

fn push(out: &mut String, c: char) {
    if needs_escape(c) {
        // Every unsafe character is in the Basic Multilingual Plane: four hex digits.
        out.push_str(&format!("\\u{:04x}", u32::from(c)));
    } else {
        out.push(c);
    }
}

/// A writer that passes text on with [`escape`] applied. Writes may split a character
/// anywhere: the incomplete tail waits for the next write.
pub struct SafeWriter<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> SafeWriter<W> {
    pub fn new(inner: W) -> SafeWriter<W> {
        SafeWriter {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes out what is complete in `pending`, keeping an unfinished character.
    fn drain(&mut self, at_end: bool) -> io::Result<()> {
        let mut text = String::new();
        let mut rest: &[u8] = &self.pending;
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    s.chars().for_each(|c| push(&mut text, c));
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // The prefix is valid UTF-8 by construction.
                    if let Ok(s) = std::str::from_utf8(good) {
                        s.chars().for_each(|c| push(&mut text, c));
                    }
                    match e.error_len() {
                        // Not UTF-8: dropped (a raw 0x9b is a C1 escape to some terminals).
                        Some(n) => rest = &bad[n..],
                        // An unfinished character: kept for the next write, or dropped at
                        // the end.
                        None => {
                            rest = if at_end { &[] } else { bad };
                            break;
                        }
                    }
                }
            }
        }
        let keep = rest.to_vec();
        self.pending = keep;
        self.inner.write_all(text.as_bytes())
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.drain(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain(false)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for SafeWriter<W> {
    fn drop(&mut self) {
        let _ = self.drain(true);
        let _ = self.inner.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(parts: &[&[u8]]) -> String {
        let mut buf = Vec::new();
        {
            let mut w = SafeWriter::new(&mut buf);
            for p in parts {
                w.write_all(p).unwrap();
            }
        }
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn escapes_control_sequences_and_keeps_lines() {
        assert_eq!(escape("a\x1b]0;x\x07b\n"), "a\\u001b]0;x\\u0007b\n");
        assert_eq!(escape("x\u{9b}2J\u{202e}"), "x\\u009b2J\\u202e");
        assert_eq!(escape("会议\t纪要"), "会议\t纪要");
    }

    #[test]
    fn split_characters_and_bad_bytes() {
        let s = "区\u{9b}".as_bytes();
        assert_eq!(through(&[&s[..1], &s[1..3], &s[3..]]), "区\\u009b");
        assert_eq!(through(&[b"a\x9bb\xff"]), "ab");
    }

    #[test]
    fn json_stays_json_with_the_same_values() {
        let v = serde_json::json!({"t": "a\u{9b}\u{202e}\x1bz"});
        let out = through(&[v.to_string().as_bytes()]);
        assert!(!out.chars().any(is_unsafe), "{out}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, v);
    }
}
