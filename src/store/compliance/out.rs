//! Where a check's findings go: into one list, or handed over in parts of bounded size as
//! they are found.
//!
//! A full check over tens of thousands of open items finds tens of thousands of findings.
//! Collected into one list before the board takes them, they would all be held twice for a
//! moment (the list and the board's own compact copy) and the list's growth would double
//! that again; handed over a part at a time, the check holds at most one part.

use crate::domain::compliance::Finding;

/// The most findings held before they are handed over.
const PART: usize = 1024;

/// A check's findings as they are found.
pub(crate) struct Out<'a> {
    found: Vec<Finding>,
    /// Where full parts go (None: everything is kept in `found`).
    part: Option<&'a mut dyn FnMut(Vec<Finding>)>,
}

impl<'a> Out<'a> {
    /// Keeps every finding, for [`Out::into_vec`].
    pub(crate) fn collect() -> Out<'static> {
        Out {
            found: Vec::new(),
            part: None,
        }
    }

    /// Hands the findings to `part` a part at a time (an item's findings may come in
    /// several parts); [`Out::finish`] hands over the last.
    pub(crate) fn parts(part: &'a mut dyn FnMut(Vec<Finding>)) -> Out<'a> {
        Out {
            found: Vec::with_capacity(PART),
            part: Some(part),
        }
    }

    pub(crate) fn push(&mut self, f: Finding) {
        self.found.push(f);
        self.spill();
    }

    pub(crate) fn extend(&mut self, fs: impl IntoIterator<Item = Finding>) {
        for f in fs {
            self.push(f);
        }
    }

    /// Hands over a full part.
    fn spill(&mut self) {
        if self.found.len() >= PART {
            if let Some(part) = self.part.as_mut() {
                part(std::mem::replace(&mut self.found, Vec::with_capacity(PART)));
            }
        }
    }

    /// Hands over what is left.
    pub(crate) fn finish(mut self) {
        if let Some(part) = self.part.as_mut() {
            if !self.found.is_empty() {
                part(std::mem::take(&mut self.found));
            }
        }
    }

    /// Every finding kept (those of an [`Out::collect`]).
    pub(crate) fn into_vec(self) -> Vec<Finding> {
        self.found
    }
}
