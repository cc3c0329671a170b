//! The `/` filter of the 合规 view, and what a finding keeps of its messages.

use super::kept::Parts;
use crate::domain::compliance::Finding;
use crate::domain::deadline::cite;
use crate::i18n::Lang;
use crate::tui::findings::entity_label;

/// The `/` filter's text, lower-cased once.
#[derive(Debug, Clone)]
pub(super) struct Needle(pub(super) String);

impl Needle {
    /// Whether any of a finding's texts (severity, item kind, rule and article, message,
    /// in either language where kept; the rule key, the item's id and title, since when)
    /// contains the text, ignoring case.
    pub(super) fn matches(&self, f: &Parts<'_>) -> bool {
        let n = self.0.as_str();
        let has = |s: &str| contains_ci(s, n);
        [Lang::Zh, Lang::En].into_iter().any(|l| {
            has(f.severity.label(l))
                || has(entity_label(f.entity, l))
                || has(&cite(f.rule, f.article, l))
                || has(f.message(l))
        }) || has(f.rule)
            || has(f.ext_id)
            || has(f.title)
            || has(&crate::clock::fmt_date(f.since))
    }
}

/// Whether `hay` contains `needle` (already lower case), ignoring case; allocates only
/// for a text with upper-case letters.
fn contains_ci(hay: &str, needle: &str) -> bool {
    if hay.chars().any(char::is_uppercase) {
        hay.to_lowercase().contains(needle)
    } else {
        hay.contains(needle)
    }
}

/// Keeps only `lang`'s message of a finding.
pub fn trim(f: &mut Finding, lang: Lang) {
    match lang {
        Lang::Zh => f.message_en = String::new(),
        Lang::En => f.message_zh = String::new(),
    }
}
