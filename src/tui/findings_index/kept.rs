//! What the index keeps of a finding: small numbers in place of its texts.
//!
//! Tens of thousands of open items give tens of thousands of findings, but their texts
//! repeat: a rule key and its article belong to a few dozen rules, and a message is made
//! from a rule's template and a date or two ("应于 2026-11-03 前批办"). So each distinct
//! text is kept once ([`Texts`]) and a finding holds four places in it; the item's ext id
//! and title are kept once per item ([`Entry`]), not per finding. A finding is made whole
//! again only for the rows on screen (and the detail of one item).

use super::Kind;
use crate::domain::compliance::{Finding, ItemRef, Severity};
use crate::i18n::Lang;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Arc;

/// Distinct texts, each kept once, by place.
#[derive(Debug, Clone, Default)]
pub(super) struct Texts {
    places: HashMap<Arc<str>, u32>,
    all: Vec<Arc<str>>,
}

/// The place of "no text" (a finding without an article).
pub(super) const NONE: u32 = u32::MAX;

impl Texts {
    /// The place of `s`, kept now if new.
    pub(super) fn place(&mut self, s: &str) -> u32 {
        if let Some(&p) = self.places.get(s) {
            return p;
        }
        // Past four billion distinct texts a place would be reused; a board never gets
        // near (the texts are dropped with the findings at every full computation).
        let p = u32::try_from(self.all.len()).unwrap_or(NONE - 1);
        let s: Arc<str> = Arc::from(s);
        self.all.push(Arc::clone(&s));
        self.places.insert(s, p);
        p
    }

    pub(super) fn get(&self, p: u32) -> &str {
        self.all.get(p as usize).map_or("", |s| s)
    }

    fn get_opt(&self, p: u32) -> Option<&str> {
        (p != NONE).then(|| self.get(p))
    }

    pub(super) fn clear(&mut self) {
        self.places.clear();
        self.all.clear();
    }
}

/// One finding of an item, its texts by place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Kept {
    pub(super) severity: Severity,
    pub(super) since: NaiveDate,
    rule: u32,
    article: u32,
    zh: u32,
    en: u32,
}

/// An item's findings, sorted, with the item's ext id and title (one text, split at
/// `split`: one allocation per item rather than two).
#[derive(Debug, Clone)]
pub(super) struct Entry {
    item: Box<str>,
    split: u32,
    list: List,
}

/// An item's findings: most items have one, kept in place.
#[derive(Debug, Clone)]
enum List {
    One(Kept),
    Many(Box<[Kept]>),
}

/// A finding's texts, borrowed: what the `/` filter reads.
pub(super) struct Parts<'a> {
    pub(super) severity: Severity,
    pub(super) entity: &'a str,
    pub(super) rule: &'a str,
    pub(super) article: Option<&'a str>,
    pub(super) zh: &'a str,
    pub(super) en: &'a str,
    pub(super) ext_id: &'a str,
    pub(super) title: &'a str,
    pub(super) since: NaiveDate,
}

impl<'a> Parts<'a> {
    pub(super) fn of(f: &'a Finding) -> Parts<'a> {
        Parts {
            severity: f.severity,
            entity: &f.item.entity,
            rule: &f.rule,
            article: f.article.as_deref(),
            zh: &f.message_zh,
            en: &f.message_en,
            ext_id: &f.item.ext_id,
            title: &f.item.title,
            since: f.since,
        }
    }

    pub(super) fn message(&self, l: Lang) -> &str {
        l.pick(self.zh, self.en)
    }
}

impl Entry {
    /// An item's findings (sorted, all about the item) kept with their texts in `texts`,
    /// only `lang`'s message where one language is kept.
    pub(super) fn new(list: &[Finding], texts: &mut Texts, lang: Option<Lang>) -> Entry {
        let (ext_id, title) = list.first().map_or(("", ""), |f| {
            (f.item.ext_id.as_str(), f.item.title.as_str())
        });
        // Every finding about an item names it alike (its row's ext id and title).
        debug_assert!(
            list.iter()
                .all(|f| f.item.ext_id == ext_id && f.item.title == title)
        );
        let empty = texts.place("");
        let mut kept = list
            .iter()
            .map(|f| Kept {
                severity: f.severity,
                since: f.since,
                rule: texts.place(&f.rule),
                article: f.article.as_deref().map_or(NONE, |a| texts.place(a)),
                zh: match lang {
                    Some(Lang::En) => empty,
                    _ => texts.place(&f.message_zh),
                },
                en: match lang {
                    Some(Lang::Zh) => empty,
                    _ => texts.place(&f.message_en),
                },
            })
            .collect::<Vec<_>>();
        let list = match kept.as_slice() {
            [one] => List::One(*one),
            _ => List::Many(std::mem::take(&mut kept).into_boxed_slice()),
        };
        Entry {
            item: [ext_id, title].concat().into_boxed_str(),
            split: u32::try_from(ext_id.len()).unwrap_or(0),
            list,
        }
    }

    /// The item's findings, in order.
    pub(super) fn list(&self) -> &[Kept] {
        match &self.list {
            List::One(k) => std::slice::from_ref(k),
            List::Many(ks) => ks,
        }
    }

    fn ext_id(&self) -> &str {
        self.item.get(..self.split as usize).unwrap_or("")
    }

    fn title(&self) -> &str {
        self.item.get(self.split as usize..).unwrap_or(&self.item)
    }

    /// The `idx`-th finding's texts.
    pub(super) fn parts<'a>(&'a self, kind: Kind, k: &Kept, texts: &'a Texts) -> Parts<'a> {
        Parts {
            severity: k.severity,
            entity: kind.entity(),
            rule: texts.get(k.rule),
            article: texts.get_opt(k.article),
            zh: texts.get(k.zh),
            en: texts.get(k.en),
            ext_id: self.ext_id(),
            title: self.title(),
            since: k.since,
        }
    }

    /// A finding made whole again.
    pub(super) fn finding(&self, (kind, id): (Kind, i64), k: &Kept, texts: &Texts) -> Finding {
        Finding {
            severity: k.severity,
            rule: texts.get(k.rule).to_string(),
            article: texts.get_opt(k.article).map(str::to_string),
            item: ItemRef::new(kind.entity(), id, self.ext_id(), self.title()),
            since: k.since,
            message_zh: texts.get(k.zh).to_string(),
            message_en: texts.get(k.en).to_string(),
        }
    }

    /// Every finding made whole again, in order.
    pub(super) fn findings(&self, key: (Kind, i64), texts: &Texts) -> Vec<Finding> {
        self.list()
            .iter()
            .map(|k| self.finding(key, k, texts))
            .collect()
    }
}
