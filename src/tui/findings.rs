//! The 合规 view's data: every current finding of the district's rules (read with the
//! snapshot through `store::compliance::check`, already sorted most serious first), the
//! `/` filter applied in memory, and a stable key per finding so the selection follows
//! its finding across refreshes like the panes' selection follows an item id.

use crate::domain::compliance::{Finding, Severity};
use crate::i18n::Lang;
use crate::store::queries::Item;

/// The findings and the ones the filter lets through.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// Every finding, most serious first, then oldest first.
    pub all: Vec<Finding>,
    /// A stable key per finding (same order as `all`).
    keys: Vec<i64>,
    /// Indexes into `all` of the findings shown, in order.
    pub shown: Vec<usize>,
    /// The filter text `shown` was computed for (None: not filtered yet).
    applied: Option<String>,
    /// Not computed yet: the board's first frame is drawn before its findings
    /// (`tui::findings_refresh`); the view and the header say "计算中…".
    pub pending: bool,
}

impl Findings {
    /// The findings, with none filtered out yet.
    pub fn new(all: Vec<Finding>) -> Findings {
        let mut seen = std::collections::HashMap::new();
        let keys = all
            .iter()
            .map(|f| {
                // The same rule on the same item can hold more than once (two topics of a
                // meeting missing materials): the n-th such finding gets the n-th key.
                let base = key_of(f);
                let n = seen.entry(base).or_insert(0u64);
                *n += 1;
                mix(base, *n) & i64::MAX as u64
            })
            .map(|k| k as i64)
            .collect();
        let shown = (0..all.len()).collect();
        Findings {
            all,
            keys,
            shown,
            applied: None,
            pending: false,
        }
    }

    /// No findings yet: they are being computed.
    pub fn computing() -> Findings {
        Findings {
            pending: true,
            ..Findings::default()
        }
    }

    /// The counts as the header and the view's title show them ("违2 警5 提1"), or
    /// "计算中…" while the findings are being computed; `shown` counts only the findings
    /// the filter lets through.
    pub fn counts_label(&self, shown: bool, lang: Lang) -> String {
        if self.pending {
            return computing(lang).to_string();
        }
        counts_text(
            if shown {
                self.counts()
            } else {
                self.total_counts()
            },
            lang,
        )
    }

    /// Applies the `/` filter: a finding is shown when any of its texts (severity, rule,
    /// article, item kind, id and title, since, message, in either language) contains
    /// `text`, ignoring ASCII case.
    pub fn filter(&mut self, text: Option<&str>) {
        let needle = text.map(str::trim).filter(|t| !t.is_empty());
        // A keystroke in another pane's filter re-reads the panes, not this view's text.
        if self.applied.as_deref() == Some(needle.unwrap_or("")) {
            return;
        }
        self.applied = Some(needle.unwrap_or("").to_string());
        self.shown = match needle {
            None => (0..self.all.len()).collect(),
            Some(n) => {
                let n = n.to_lowercase();
                (0..self.all.len())
                    .filter(|i| haystack(&self.all[*i]).to_lowercase().contains(&n))
                    .collect()
            }
        };
    }

    /// The keys of the shown findings, in row order.
    pub fn ids(&self) -> Vec<i64> {
        self.shown.iter().map(|i| self.keys[*i]).collect()
    }

    /// The finding with this key.
    pub fn get(&self, key: i64) -> Option<&Finding> {
        let i = self.keys.iter().position(|k| *k == key)?;
        self.all.get(i)
    }

    /// The shown findings, in row order.
    pub fn rows(&self) -> impl Iterator<Item = &Finding> {
        self.shown.iter().filter_map(|i| self.all.get(*i))
    }

    /// How many findings of each severity are shown: [violations, warnings, notices].
    pub fn counts(&self) -> [usize; 3] {
        count(self.rows())
    }

    /// How many findings of each severity there are in all.
    pub fn total_counts(&self) -> [usize; 3] {
        count(self.all.iter())
    }

    /// The findings about one item (for its detail view).
    pub fn about(&self, item: Item) -> impl Iterator<Item = &Finding> {
        self.all
            .iter()
            .filter(move |f| f.item.entity == item.entity() && f.item.id == item.id())
    }

    /// Findings under one rule key.
    pub fn under(&self, rule: &'static str) -> impl Iterator<Item = &Finding> {
        self.all.iter().filter(move |f| f.rule == rule)
    }
}

/// The item a finding is about, when it is one the board has a detail view for.
pub fn item_of(f: &Finding) -> Option<Item> {
    match f.item.entity.as_str() {
        "document" => Some(Item::Document(f.item.id)),
        "supervision" => Some(Item::Supervision(f.item.id)),
        "meeting" => Some(Item::Meeting(f.item.id)),
        _ => None,
    }
}

/// What an entity is called on screen.
pub fn entity_label(entity: &str, lang: Lang) -> &str {
    crate::domain::compliance::entity_label(entity, lang)
}

/// The severity as a marker that reads without colour and is one width in every terminal
/// (ASCII and CJK only), six cells: "!!违规" / "! 警示" / "- 提示", "!!viol" / "! warn" /
/// "- note".
pub fn marker(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Violation => lang.pick("!!违规", "!!viol"),
        Severity::Warning => lang.pick("! 警示", "! warn"),
        Severity::Notice => lang.pick("- 提示", "- note"),
    }
}

/// "计算中…" / "computing…".
pub fn computing(lang: Lang) -> &'static str {
    lang.pick("计算中…", "computing…")
}

/// "违2 警5 提1" / "2 viol, 5 warn, 1 note".
pub fn counts_text(c: [usize; 3], lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("违{} 警{} 提{}", c[0], c[1], c[2]),
        Lang::En => format!("{} viol, {} warn, {} note", c[0], c[1], c[2]),
    }
}

fn count<'a>(it: impl Iterator<Item = &'a Finding>) -> [usize; 3] {
    let mut c = [0; 3];
    for f in it {
        c[match f.severity {
            Severity::Violation => 0,
            Severity::Warning => 1,
            Severity::Notice => 2,
        }] += 1;
    }
    c
}

fn haystack(f: &Finding) -> String {
    let mut h = String::new();
    for l in [Lang::Zh, Lang::En] {
        for part in [
            f.severity.label(l),
            entity_label(&f.item.entity, l),
            &f.cite(l),
            f.message(l),
        ] {
            h.push_str(part);
            h.push('\n');
        }
    }
    for part in [&f.rule, &f.item.ext_id, &f.item.title] {
        h.push_str(part);
        h.push('\n');
    }
    h.push_str(&crate::clock::fmt_date(f.since));
    h
}

/// FNV-1a over the finding's rule and item: stable across runs and refreshes (a std
/// `HashMap` hasher is seeded per process).
fn key_of(f: &Finding) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [
        f.rule.as_str(),
        f.item.entity.as_str(),
        f.item.ext_id.as_str(),
    ] {
        for b in part.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h ^ (f.item.id as u64).rotate_left(17)
}

fn mix(h: u64, n: u64) -> u64 {
    (h ^ n).wrapping_mul(0x0000_0100_0000_01b3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compliance::ItemRef;
    use chrono::NaiveDate;

    fn f(rule: &str, id: i64, msg: &str) -> Finding {
        Finding {
            severity: Severity::Warning,
            rule: rule.into(),
            article: Some("二十八".into()),
            item: ItemRef::new("meeting", id, format!("M{id}"), "常务会议"),
            since: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            message_zh: msg.into(),
            message_en: msg.into(),
        }
    }

    #[test]
    fn keys_are_stable_and_distinct_for_repeated_findings() {
        let a = Findings::new(vec![f("r", 1, "x"), f("r", 1, "y"), f("q", 2, "z")]);
        let b = Findings::new(vec![f("r", 1, "x2"), f("r", 1, "y2"), f("q", 2, "z")]);
        assert_eq!(a.ids(), b.ids(), "messages may change; keys do not");
        let ids = a.ids();
        assert!(ids[0] != ids[1] && ids[1] != ids[2] && ids.iter().all(|k| *k >= 0));
    }

    #[test]
    fn filter_matches_any_text_in_either_language() {
        let mut a = Findings::new(vec![f("r", 1, "材料未报送"), f("q", 2, "quorum")]);
        a.filter(Some("材料"));
        assert_eq!(a.shown, [0]);
        a.filter(Some("QUORUM"));
        assert_eq!(a.shown, [1]);
        a.filter(Some("第二十八条"));
        assert_eq!(a.shown, [0, 1]);
        a.filter(Some("meeting"));
        assert_eq!(a.counts(), [0, 2, 0]);
        a.filter(Some("nothing like this"));
        assert!(a.ids().is_empty());
        assert_eq!(a.total_counts(), [0, 2, 0]);
    }
}
