//! The physical lines of a CSV input: where each newline is, so that an error about a
//! record names the line a person sees in an editor (the csv crate counts records, and
//! skips blank and comment lines).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Read;
use std::rc::Rc;

/// Where the newlines of the input are, so that a record's byte offset gives its physical
/// line (the csv crate's own count skips blank lines, and a record's offset can be that of
/// the blank or comment lines the reader skipped before it).
#[derive(Clone, Default)]
pub(super) struct LineIndex(Rc<RefCell<Lines>>);

#[derive(Default)]
struct Lines {
    /// Newlines already passed.
    before: u64,
    /// Newlines not yet passed: offset, and whether the line it ends holds no record
    /// (blank or a `#` comment).
    pending: VecDeque<(u64, bool)>,
    /// The line a quoted cell opened on, while it is open.
    quote_from: Option<u64>,
    /// The input is exhausted.
    eof: bool,
}

impl LineIndex {
    /// The line of a quote still open at the end of the input.
    pub(super) fn unclosed_quote(&self) -> Option<u64> {
        let l = self.0.borrow();
        l.quote_from.filter(|_| l.eof)
    }

    /// The 1-based line where the record at a byte offset starts. Offsets are asked for in
    /// increasing order, so newlines before it are folded into a count and forgotten.
    pub(super) fn line_at(&self, offset: u64) -> u64 {
        let mut l = self.0.borrow_mut();
        while let Some(&(nl, skipped)) = l.pending.front() {
            // A record never starts with a newline: one at its offset ends the line before
            // (after a CRLF the reader reports the record at the LF).
            if nl <= offset || skipped {
                l.pending.pop_front();
                l.before += 1;
            } else {
                break;
            }
        }
        l.before + 1
    }
}

/// What the current line held so far.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LineState {
    Start,
    Blank,
    Comment,
    Content,
}

/// A reader that notes the offset of every newline it passes on.
pub(super) struct Counting<R> {
    inner: R,
    read: u64,
    /// Newlines passed (the line a quote opens on).
    newlines: u64,
    state: LineState,
    lines: LineIndex,
}

impl<R> Counting<R> {
    /// Reads `inner`, noting its newlines in `lines`.
    pub(super) fn new(inner: R, lines: LineIndex) -> Counting<R> {
        Counting {
            inner,
            read: 0,
            newlines: 0,
            state: LineState::Start,
            lines,
        }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut idx = self.lines.0.borrow_mut();
        if n == 0 {
            idx.eof = true;
        }
        for (i, &b) in buf[..n].iter().enumerate() {
            if b == b'"' && self.state != LineState::Comment {
                // `""` inside a quoted cell toggles twice: still open.
                idx.quote_from = match idx.quote_from {
                    Some(_) => None,
                    None => Some(self.newlines + 1),
                };
            }
            if b == b'\n' {
                self.newlines += 1;
            }
            self.state = match (self.state, b) {
                (st, b'\n') => {
                    let skipped = st != LineState::Content;
                    idx.pending.push_back((self.read + i as u64, skipped));
                    LineState::Start
                }
                (LineState::Start, b'#') => LineState::Comment,
                (LineState::Start | LineState::Blank, b' ' | b'\t' | b'\r') => LineState::Blank,
                (LineState::Comment, _) => LineState::Comment,
                _ => LineState::Content,
            };
        }
        self.read += n as u64;
        Ok(n)
    }
}
