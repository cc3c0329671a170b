//! The display order: the district's findings merged with the items' as rows are read.

use super::{Index, Key};
use crate::domain::compliance::Finding;
use std::cmp::Reverse;

/// Merges the sorted district findings with the ordered item keys.
pub(super) struct Merge<'a, D: Iterator<Item = &'a Finding>, K: Iterator<Item = &'a Key>> {
    pub(super) district: std::iter::Peekable<D>,
    pub(super) keys: std::iter::Peekable<K>,
    pub(super) index: &'a Index,
}

impl<'a, D: Iterator<Item = &'a Finding>, K: Iterator<Item = &'a Key>> Iterator
    for Merge<'a, D, K>
{
    type Item = (Option<Key>, Finding);

    fn next(&mut self) -> Option<Self::Item> {
        let district_first = match (self.district.peek(), self.keys.peek()) {
            (None, None) => return None,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (Some(d), Some(k)) => {
                (
                    Reverse(d.severity),
                    d.since,
                    d.item.entity.as_str(),
                    d.item.id,
                ) <= (k.severity, k.since, k.kind.entity(), k.id)
            }
        };
        if district_first {
            return self.district.next().map(|f| (None, f.clone()));
        }
        // A key always names a stored finding; skip one that does not rather than stop.
        loop {
            let k = self.keys.next()?;
            if let Some(f) = self.index.get(k) {
                return Some((Some(*k), f));
            }
        }
    }
}
