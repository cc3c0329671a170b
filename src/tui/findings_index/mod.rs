//! The board's findings in display order, kept so that a change costs what it touches.
//!
//! Each item's findings are stored once, sorted, under the item; an ordered index of small
//! keys gives the display order of every item finding (most serious first, then oldest,
//! then by item, as `domain::compliance::sort`). The district part (a few findings about
//! kinds, days and people) is kept apart, sorted, and merged in when rows are read. So
//! replacing one item's findings costs a few index updates, and the 合规 view reads only
//! the rows up to its window ([`Index::view`]): nothing is copied or sorted per refresh
//! in proportion to the number of findings.
//!
//! The `/` filter keeps a second ordered index of the findings it lets through, brought
//! up to date with each item replaced; a new filter text scans the findings once.
//!
//! A finding is kept small ([`kept`]): its rule, article and messages as places in a table
//! of distinct texts (they repeat across items), the item's ext id and title once per item,
//! and only the board's language's message ([`trim`]). It is made whole again only for
//! the rows the view reads.

mod kept;
mod merge;
mod needle;

pub use needle::trim;

use super::findings::{Findings, key_of, mix};
use crate::domain::compliance::{self as rules, Finding, Severity};
use crate::i18n::Lang;
use chrono::NaiveDate;
use kept::{Entry, Kept, Parts, Texts};
use merge::Merge;
use needle::Needle;
use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

/// The kinds of item whose findings are kept per item, in the order of their entity names
/// (the order `domain::compliance::sort` gives them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Document,
    Meeting,
    Supervision,
}

impl Kind {
    /// The kind of an entity name, for the three kinds kept per item.
    pub fn of(entity: &str) -> Option<Kind> {
        Some(match entity {
            "document" => Kind::Document,
            "meeting" => Kind::Meeting,
            "supervision" => Kind::Supervision,
            _ => return None,
        })
    }

    fn entity(self) -> &'static str {
        match self {
            Kind::Document => "document",
            Kind::Meeting => "meeting",
            Kind::Supervision => "supervision",
        }
    }
}

/// A finding's place in the display order: `idx` is its place among its item's findings,
/// which are sorted, so equal leading fields order as the full sort does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    severity: Reverse<Severity>,
    since: NaiveDate,
    kind: Kind,
    id: i64,
    idx: u16,
}

/// Findings counted by severity: [violations, warnings, notices].
type Counts = [usize; 3];

fn slot(s: Severity) -> usize {
    match s {
        Severity::Violation => 0,
        Severity::Warning => 1,
        Severity::Notice => 2,
    }
}

/// The findings and their display order.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// The language kept (None: both messages).
    lang: Option<Lang>,
    /// The district part, sorted.
    district: Vec<Finding>,
    /// Each item's findings, sorted, their texts kept in `texts`.
    items: HashMap<(Kind, i64), Entry>,
    texts: Texts,
    /// Every item finding in display order.
    order: BTreeSet<Key>,
    counts: Counts,
    /// The filter, the item findings it lets through (in order) and their counts.
    needle: Option<Needle>,
    matching: BTreeSet<Key>,
    matching_counts: Counts,
}

impl Index {
    /// An empty index keeping only `lang`'s messages (None: both).
    pub fn new(lang: Option<Lang>) -> Index {
        Index {
            lang,
            ..Index::default()
        }
    }

    /// Drops every item's findings (and the texts only they used).
    pub fn clear_items(&mut self) {
        self.items = HashMap::new();
        self.texts.clear();
        self.order.clear();
        self.matching.clear();
        self.counts = [0; 3];
        self.matching_counts = [0; 3];
    }

    /// Replaces the district part.
    pub fn set_district(&mut self, mut found: Vec<Finding>) {
        rules::sort(&mut found);
        if let Some(l) = self.lang {
            found.iter_mut().for_each(|f| trim(f, l));
        }
        self.district = found;
    }

    /// Replaces the findings of these items (an item not in `found` has none now).
    pub fn replace(&mut self, items: impl IntoIterator<Item = (Kind, i64)>, found: Vec<Finding>) {
        for key in items {
            self.remove(key);
        }
        self.add(found);
    }

    /// Adds findings, merged with those their items already have.
    pub fn add(&mut self, mut found: Vec<Finding>) {
        found.retain(|f| Kind::of(&f.item.entity).is_some());
        // Grouped by item (a stable sort: each item's findings keep their order).
        found.sort_by_key(item_key);
        for list in found.chunk_by_mut(|a, b| item_key(a) == item_key(b)) {
            if let (Some(kind), id) = item_key(&list[0]) {
                self.insert((kind, id), list);
            }
        }
    }

    /// Drops an item's findings, returning what was kept of them (a refresh that replaces
    /// them drops it; only a merge makes them whole again).
    fn remove(&mut self, key: (Kind, i64)) -> Option<Entry> {
        let old = self.items.remove(&key)?;
        for (i, f) in old.list().iter().enumerate() {
            let k = order_key(key, i, f);
            if self.order.remove(&k) {
                self.counts[slot(f.severity)] -= 1;
            }
            if self.matching.remove(&k) {
                self.matching_counts[slot(f.severity)] -= 1;
            }
        }
        Some(old)
    }

    fn insert(&mut self, key: (Kind, i64), list: &mut [Finding]) {
        // An item's findings already here (found by another part of the same run): merged.
        let mut merged: Vec<Finding>;
        let list = match self.remove(key) {
            None => list,
            Some(had) => {
                merged = list.to_vec();
                merged.extend(had.findings(key, &self.texts));
                merged.as_mut_slice()
            }
        };
        rules::sort(list);
        let list = &list[..list.len().min(usize::from(u16::MAX))];
        let entry = Entry::new(list, &mut self.texts, self.lang);
        for (i, f) in entry.list().iter().enumerate() {
            let k = order_key(key, i, f);
            self.order.insert(k);
            self.counts[slot(f.severity)] += 1;
            let lets_through = self
                .needle
                .as_ref()
                .is_some_and(|n| n.matches(&entry.parts(key.0, f, &self.texts)));
            if lets_through {
                self.matching.insert(k);
                self.matching_counts[slot(f.severity)] += 1;
            }
        }
        self.items.insert(key, entry);
    }

    /// Sets the `/` filter (None or blank: none); a new text scans the findings once.
    pub fn set_filter(&mut self, text: Option<&str>) {
        let text = text
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_lowercase);
        if self.needle.as_ref().map(|n| n.0.as_str()) == text.as_deref() {
            return;
        }
        self.matching.clear();
        self.matching_counts = [0; 3];
        self.needle = text.map(Needle);
        let Some(n) = &self.needle else {
            return;
        };
        let mut matching = BTreeSet::new();
        let mut counts = [0; 3];
        for k in &self.order {
            let Some(entry) = self.items.get(&(k.kind, k.id)) else {
                continue;
            };
            if let Some(f) = entry.list().get(usize::from(k.idx)) {
                if n.matches(&entry.parts(k.kind, f, &self.texts)) {
                    matching.insert(*k);
                    counts[slot(f.severity)] += 1;
                }
            }
        }
        self.matching = matching;
        self.matching_counts = counts;
    }

    /// The finding a key names, made whole.
    fn get(&self, k: &Key) -> Option<Finding> {
        let key = (k.kind, k.id);
        let entry = self.items.get(&key)?;
        let f = entry.list().get(usize::from(k.idx))?;
        Some(entry.finding(key, f, &self.texts))
    }

    /// The district findings the filter lets through.
    fn district_shown(&self) -> impl Iterator<Item = &Finding> {
        self.district.iter().filter(|f| {
            self.needle
                .as_ref()
                .is_none_or(|n| n.matches(&Parts::of(f)))
        })
    }

    /// The shown findings in display order, the district's merged with the items'.
    pub fn rows(&self) -> impl Iterator<Item = Finding> + '_ {
        self.keyed(true).map(|(_, f)| f)
    }

    /// Every finding in display order (what `compliance::check` gives, trimmed to the
    /// language kept).
    pub fn all(&self) -> Vec<Finding> {
        self.keyed(false).map(|(_, f)| f).collect()
    }

    /// The findings in display order with each item finding's key: those the filter lets
    /// through (`shown`) or all.
    fn keyed(&self, shown: bool) -> impl Iterator<Item = (Option<Key>, Finding)> + '_ {
        let filtered = shown && self.needle.is_some();
        let needle = self.needle.as_ref().filter(|_| filtered);
        Merge {
            district: self
                .district
                .iter()
                .filter(move |f| needle.is_none_or(|n| n.matches(&Parts::of(f))))
                .peekable(),
            keys: if filtered {
                &self.matching
            } else {
                &self.order
            }
            .iter()
            .peekable(),
            index: self,
        }
    }

    /// The findings about one item, most serious first.
    pub fn about(&self, entity: &str, id: i64) -> Vec<Finding> {
        Kind::of(entity)
            .and_then(|k| Some(((k, id), self.items.get(&(k, id))?)))
            .map_or_else(Vec::new, |(key, e)| e.findings(key, &self.texts))
    }

    /// The 合规 view: the first `upto` shown rows (the window the view reads), with the
    /// counts and the district part.
    pub fn view(&self, upto: usize) -> Findings {
        let mut rows = Vec::with_capacity(upto.min(self.len()));
        let mut keys = Vec::with_capacity(rows.capacity());
        // The n-th finding of the same rule on the same item gets the n-th key; such
        // findings are neighbours only within their item, counted from its first.
        // The district's are counted over the whole list, an item's within its findings.
        let mut in_district: HashMap<u64, u64> = HashMap::new();
        for (k, f) in self.keyed(true).take(upto) {
            let base = key_of(&f);
            let n = match k {
                Some(k) => self.items.get(&(k.kind, k.id)).map_or(1, |e| {
                    e.list()
                        .iter()
                        .take(usize::from(k.idx) + 1)
                        .filter(|x| key_of(&e.finding((k.kind, k.id), x, &self.texts)) == base)
                        .count() as u64
                }),
                None => {
                    let n = in_district.entry(base).or_insert(0);
                    *n += 1;
                    *n
                }
            };
            keys.push((mix(base, n) & i64::MAX as u64) as i64);
            rows.push(f);
        }
        let district: Counts = count(self.district.iter());
        let district_shown: Counts = count(self.district_shown());
        let (items_shown, items_total) = match self.needle {
            Some(_) => (self.matching_counts, self.counts),
            None => (self.counts, self.counts),
        };
        Findings::window(
            rows,
            keys,
            add(district_shown, items_shown),
            add(district, items_total),
            self.district.clone(),
        )
    }

    /// How many findings are shown.
    pub fn len(&self) -> usize {
        self.district_shown().count()
            + match self.needle {
                Some(_) => self.matching.len(),
                None => self.order.len(),
            }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The item a finding is about, for grouping (None for a kind not kept per item).
fn item_key(f: &Finding) -> (Option<Kind>, i64) {
    (Kind::of(&f.item.entity), f.item.id)
}

fn order_key(item: (Kind, i64), idx: usize, f: &Kept) -> Key {
    Key {
        severity: Reverse(f.severity),
        since: f.since,
        kind: item.0,
        id: item.1,
        idx: u16::try_from(idx).unwrap_or(u16::MAX),
    }
}

fn count<'a>(it: impl Iterator<Item = &'a Finding>) -> Counts {
    let mut c = [0; 3];
    for f in it {
        c[slot(f.severity)] += 1;
    }
    c
}

fn add(a: Counts, b: Counts) -> Counts {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
}

#[cfg(test)]
mod tests;
