//! The 合规 view's data: the rows of the findings it shows, up to its window, read from
//! the findings the board keeps (`tui::findings_index`, in display order, with the `/`
//! filter applied there), the counts by severity, and a stable key per finding so the
//! selection follows its finding across refreshes like the panes' selection follows an
//! item id. Like a pane, the view holds what the screen can show, not every finding.

use crate::domain::compliance::{Finding, Severity};
use crate::i18n::Lang;
use crate::store::queries::Item;

/// The shown findings up to the view's window, and the counts.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// The first shown findings, most serious first, then oldest first.
    rows: Vec<Finding>,
    /// A stable key per row (same order as `rows`).
    keys: Vec<i64>,
    /// How many findings are shown in all (the rows are the first of them).
    total: usize,
    /// Shown and all findings by severity.
    shown_counts: [usize; 3],
    all_counts: [usize; 3],
    /// The findings about no single item (kinds, days, people), for the header's flags.
    district: Vec<Finding>,
    /// Not computed yet: the board's first frame is drawn before its findings
    /// (`tui::findings_refresh`); the view and the header say "计算中…".
    pub pending: bool,
}

impl Findings {
    /// A window of the shown findings: `rows` with their `keys`, the counts of the shown
    /// findings and of all, and the district part.
    pub fn window(
        rows: Vec<Finding>,
        keys: Vec<i64>,
        shown: [usize; 3],
        all: [usize; 3],
        district: Vec<Finding>,
    ) -> Findings {
        Findings {
            rows,
            keys,
            total: shown.iter().sum(),
            shown_counts: shown,
            all_counts: all,
            district,
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

    /// How many findings are shown in all (the filter applied).
    pub fn len(&self) -> usize {
        self.total
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The keys of the rows read, in row order.
    pub fn ids(&self) -> Vec<i64> {
        self.keys.clone()
    }

    /// How many rows are read.
    pub fn read(&self) -> usize {
        self.keys.len()
    }

    /// The finding with this key, among the rows read.
    pub fn get(&self, key: i64) -> Option<&Finding> {
        let i = self.keys.iter().position(|k| *k == key)?;
        self.rows.get(i)
    }

    /// The rows read, in row order.
    pub fn rows(&self) -> impl Iterator<Item = &Finding> {
        self.rows.iter()
    }

    /// How many findings of each severity are shown: [violations, warnings, notices].
    pub fn counts(&self) -> [usize; 3] {
        self.shown_counts
    }

    /// How many findings of each severity there are in all.
    pub fn total_counts(&self) -> [usize; 3] {
        self.all_counts
    }

    /// District findings under one rule key (the rules about people the header flags).
    pub fn under(&self, rule: &'static str) -> impl Iterator<Item = &Finding> {
        self.district.iter().filter(move |f| f.rule == rule)
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

/// FNV-1a over the finding's rule and item: stable across runs and refreshes (a std
/// `HashMap` hasher is seeded per process).
pub(super) fn key_of(f: &Finding) -> u64 {
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

pub(super) fn mix(h: u64, n: u64) -> u64 {
    (h ^ n).wrapping_mul(0x0000_0100_0000_01b3)
}

#[cfg(test)]
mod tests {
    use crate::domain::compliance::{Finding, ItemRef, Severity};
    use crate::tui::findings_index::Index;
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

    fn index(list: Vec<Finding>) -> Index {
        let mut ix = Index::new(None);
        ix.replace([], list);
        ix
    }

    #[test]
    fn keys_are_stable_and_distinct_for_repeated_findings() {
        let a = index(vec![f("r", 1, "x"), f("r", 1, "y"), f("q", 2, "z")]).view(10);
        let b = index(vec![f("r", 1, "x2"), f("r", 1, "y2"), f("q", 2, "z")]).view(10);
        assert_eq!(a.ids(), b.ids(), "messages may change; keys do not");
        let ids = a.ids();
        assert!(ids[0] != ids[1] && ids[1] != ids[2] && ids.iter().all(|k| *k >= 0));
    }

    #[test]
    fn filter_matches_any_text_in_either_language() {
        let mut a = index(vec![f("r", 1, "材料未报送"), f("q", 2, "quorum")]);
        let ids = |a: &Index| -> Vec<i64> { a.rows().map(|f| f.item.id).collect() };
        a.set_filter(Some("材料"));
        assert_eq!(ids(&a), [1]);
        a.set_filter(Some("QUORUM"));
        assert_eq!(ids(&a), [2]);
        a.set_filter(Some("第二十八条"));
        assert_eq!(ids(&a), [1, 2]);
        a.set_filter(Some("meeting"));
        assert_eq!(a.view(10).counts(), [0, 2, 0]);
        a.set_filter(Some("nothing like this"));
        assert!(a.view(10).ids().is_empty());
        assert_eq!(a.view(10).total_counts(), [0, 2, 0]);
    }
}
