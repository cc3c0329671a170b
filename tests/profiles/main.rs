//! The five built-in district profiles: each loads, its numbers match its seed text,
//! what the text does not say is absent, broken or edited profiles are handled, and the
//! rules table and docs/rules.md cover every rule.

mod errors;
mod seeds;
mod table;

use dutydesk::Error;
use dutydesk::domain::Role;
use dutydesk::i18n::Lang;
use dutydesk::profile::table::rows;
use dutydesk::profile::{Flag, MeetingRules, Period, Profile, Roles, Span};

pub fn load(id: &str) -> Profile {
    Profile::builtin(id).unwrap_or_else(|e| panic!("{id}: {e}"))
}

/// Asserts a period's length and article.
pub fn period(p: Option<&Period>, span: Span, article: &str) {
    let p = p.unwrap_or_else(|| panic!("missing period ({article})"));
    assert_eq!(p.span(), Some(span), "{p:?}");
    assert_eq!(p.article, article, "{p:?}");
}

pub fn roles(r: Option<&Roles>, roles: &[Role], delegate: &[Role], article: &str) {
    let r = r.unwrap_or_else(|| panic!("missing roles ({article})"));
    assert_eq!(r.roles, roles, "{r:?}");
    assert_eq!(r.delegate, delegate, "{r:?}");
    assert_eq!(r.article, article, "{r:?}");
}

pub fn flag(f: Option<&Flag>, article: &str) {
    let f = f.unwrap_or_else(|| panic!("missing flag ({article})"));
    assert!(f.value, "{f:?}");
    assert_eq!(f.article, article, "{f:?}");
}

pub fn meeting<'a>(p: &'a Profile, key: &str) -> &'a MeetingRules {
    p.meetings
        .get(key)
        .unwrap_or_else(|| panic!("{}: no {key} meeting", p.district.id))
}

pub fn text(id: &str) -> String {
    let path = format!("{}/data/profiles/{id}.toml", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The 1-based line of the first line containing `needle`.
pub fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("'{needle}' not in text"))
        + 1
}

pub fn invalid(result: dutydesk::Result<Profile>) -> (String, String) {
    match result {
        Err(Error::Invalid { location, message }) => (location, message),
        other => panic!("expected an Invalid error, got {other:?}"),
    }
}

#[test]
fn every_builtin_profile_loads_with_its_own_id() {
    assert_eq!(
        Profile::builtin_ids(),
        ["xinzhou", "huancui", "kongtong", "dongchang", "huarong"]
    );
    for id in Profile::builtin_ids() {
        let p = load(id);
        assert_eq!(p.district.id, *id);
        assert_eq!(p.loaded_from, format!("builtin:{id}"));
        assert_eq!(
            Profile::resolve(id).map(|r| r.district.id).ok().as_deref(),
            Some(*id)
        );
        assert!(!rows(&p, Lang::Zh).is_empty());
    }
}

#[test]
fn rules_a_seed_does_not_state_are_absent() {
    let all: Vec<Profile> = Profile::builtin_ids().iter().map(|id| load(id)).collect();
    let having = |f: &dyn Fn(&Profile) -> bool| -> Vec<&str> {
        all.iter()
            .filter(|p| f(p))
            .map(|p| p.district.id.as_str())
            .collect()
    };
    assert_eq!(
        having(&|p| !p.documents.approval_limits.is_empty()),
        ["dongchang"]
    );
    assert_eq!(having(&|p| !p.investment.tiers.is_empty()), ["xinzhou"]);
    assert_eq!(
        having(&|p| p.investment.fund_consultation.is_some()),
        ["xinzhou"]
    );
    assert_eq!(
        having(&|p| p.documents.countersign_reply.is_some()),
        ["xinzhou", "dongchang", "huarong"]
    );
    assert_eq!(
        having(&|p| p.documents.same_day_clearance.is_some()),
        ["kongtong"]
    );
    assert_eq!(
        having(&|p| p.documents.print_after_sign.is_some()),
        ["kongtong"]
    );
    assert_eq!(
        having(&|p| p.people.max_leaders_away.is_some()),
        ["huancui"]
    );
    assert_eq!(having(&|p| p.people.executive_title.is_some()), ["huancui"]);
    assert_eq!(
        having(&|p| p.meetings.values().any(|m| m.quorum.is_some())),
        ["huancui"]
    );
    assert_eq!(
        having(&|p| p.meetings.contains_key("party_group")),
        ["kongtong", "dongchang"]
    );
    assert!(all.iter().all(|p| p.supervision.proposal_limit.is_none()));
}

#[test]
fn every_table_key_is_documented() {
    let doc_path = format!("{}/docs/rules.md", env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(&doc_path).unwrap_or_else(|e| panic!("{doc_path}: {e}"));
    for id in Profile::builtin_ids() {
        for row in rows(&load(id), Lang::En) {
            assert!(
                doc.contains(&format!("`{}`", row.key)),
                "{} ({id}) is not in docs/rules.md",
                row.key
            );
        }
    }
}
