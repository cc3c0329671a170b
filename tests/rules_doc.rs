//! Keeps `docs/rules.md` in step with the built-in profiles: the part between the
//! GENERATED markers is rendered from the profiles and the key descriptions below.
//! Run with `UPDATE_RULES_DOC=1` to rewrite it after changing a profile. Each key's
//! meaning comes from `tests/fixtures/rule_keys.tsv`.

use dutydesk::domain::MeetingKind;
use dutydesk::i18n::{Lang, Named};
use dutydesk::profile::Profile;
use dutydesk::profile::table::{RuleRow, rows_without_notes};
use dutydesk::profile::walk::all_keys;

const BEGIN: &str = "<!-- BEGIN GENERATED from data/profiles by tests/rules_doc.rs -->";
const END: &str = "<!-- END GENERATED -->";

/// What each key means and where it shows: `key<TAB>meaning<TAB>where`, `<kind>` for
/// meeting kinds.
const DESCRIPTIONS: &str = include_str!("fixtures/rule_keys.tsv");

/// What a key means and where it shows (key with `<kind>` for meeting kinds).
fn describe(key: &str) -> (&'static str, &'static str) {
    DESCRIPTIONS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?, f.next()?))
        })
        .find(|(k, _, _)| *k == key)
        .map(|(_, what, shows)| (what, shows))
        .unwrap_or_else(|| {
            panic!("no description for {key}: add it to tests/fixtures/rule_keys.tsv")
        })
}

/// The key with the meeting kind replaced by `<kind>`.
fn generic(key: &str) -> String {
    let parts: Vec<&str> = key.split('.').collect();
    match parts.as_slice() {
        ["meetings", _, rest @ ..] => format!("meetings.<kind>.{}", rest.join(".")),
        _ => key.to_string(),
    }
}

/// The group a key belongs to: "people", "documents", "meetings.<kind key>", …
fn group(key: &str) -> String {
    let parts: Vec<&str> = key.split('.').collect();
    match parts.as_slice() {
        ["meetings", kind, ..] => format!("meetings.{kind}"),
        [first, ..] => first.to_string(),
        [] => String::new(),
    }
}

fn cell(rows: &[&RuleRow]) -> String {
    let Some(first) = rows.first() else {
        return "–".into();
    };
    let article = if first.article.is_empty() {
        String::new()
    } else {
        format!(" ({})", first.article)
    };
    let value = match first.key.as_str() {
        "investment.tiers" => format!("{} tiers", rows.len()),
        "documents.signing_authority" | "supervision.focus" => {
            format!("{} items", first.value.split(" / ").count())
        }
        _ => first
            .value
            .replace("Executive Deputy Mayor", "Exec. Deputy")
            .replace("Deputy Mayor", "Deputy")
            .replace("District Mayor", "Mayor")
            .replace("Office Director", "Office Dir.")
            .replace("; by delegation: ", ", deleg. ")
            .replace(" working days", " wd")
            .replace(" working day", " wd")
            .replace(" days", " d")
            .replace(" day", " d")
            .replace("held in this district", "held"),
    };
    format!("{value}{article}").replace('|', "\\|")
}

fn render() -> String {
    let ids = Profile::builtin_ids();
    let tables: Vec<Vec<RuleRow>> = ids
        .iter()
        .map(|id| Profile::builtin(id).map(|p| rows_without_notes(&p, Lang::En)))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}"));
    // Every key that any profile sets, in display order.
    let keys: Vec<String> = all_keys()
        .into_iter()
        .filter(|k| tables.iter().flatten().any(|r| r.key == *k))
        .collect();
    let mut groups: Vec<String> = Vec::new();
    for k in &keys {
        if !groups.contains(&group(k)) {
            groups.push(group(k));
        }
    }

    let mut out = String::new();
    for g in &groups {
        let heading = match g.strip_prefix("meetings.") {
            Some(kind) => {
                let k = MeetingKind::ALL
                    .iter()
                    .find(|k| k.key() == kind)
                    .expect("known kind");
                format!("### Meetings: {} — {} (`[{g}]`)", k.en(), k.zh())
            }
            None => {
                let title = tables
                    .iter()
                    .flatten()
                    .find(|r| group(&r.key) == *g)
                    .map(|r| r.section.clone())
                    .unwrap_or_default();
                format!("## {title} (`[{g}]`)")
            }
        };
        if g.starts_with("meetings.") && !out.contains("## Meetings (") {
            out.push_str("## Meetings (`[meetings.<kind>]`)\n\n");
        }
        out.push_str(&format!(
            "{heading}\n\n| key | {} |\n|---|{}\n",
            ids.join(" | "),
            "---|".repeat(ids.len())
        ));
        for k in keys.iter().filter(|k| group(k) == *g) {
            let cells: Vec<String> = tables
                .iter()
                .map(|t| cell(&t.iter().filter(|r| r.key == *k).collect::<Vec<_>>()))
                .collect();
            out.push_str(&format!("| `{k}` | {} |\n", cells.join(" | ")));
        }
        out.push('\n');
        if !g.starts_with("meetings.") {
            for k in keys.iter().filter(|k| group(k) == *g) {
                let (what, shows) = describe(k);
                out.push_str(&format!("- `{k}` — {what}. *Shows:* {shows}.\n"));
            }
            out.push('\n');
        }
        if g == "investment" {
            for (id, table) in ids.iter().zip(&tables) {
                for r in table.iter().filter(|r| r.key == "investment.tiers") {
                    out.push_str(&format!("- {id} ({}): {}\n", r.article, r.value));
                }
            }
            out.push('\n');
        }
        let last_meeting = groups.iter().rev().find(|x| x.starts_with("meetings."));
        if Some(g) == last_meeting {
            out.push_str("### What the meeting keys mean\n\n");
            let used: Vec<String> = keys
                .iter()
                .filter(|k| k.starts_with("meetings."))
                .map(|k| generic(k))
                .collect();
            for gk in all_keys()
                .iter()
                .filter(|k| k.starts_with("meetings.plenary."))
                .map(|k| generic(k))
            {
                if used.contains(&gk) {
                    let (what, shows) = describe(&gk);
                    out.push_str(&format!("- `{gk}` — {what}. *Shows:* {shows}.\n"));
                }
            }
            out.push('\n');
        }
    }
    out
}

#[test]
fn rules_doc_tables_are_current() {
    let path = format!("{}/docs/rules.md", env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (Some(b), Some(e)) = (doc.find(BEGIN), doc.find(END)) else {
        panic!("{path}: missing the GENERATED markers");
    };
    let current = &doc[b + BEGIN.len()..e];
    let fresh = format!("\n\n{}", render());
    if current != fresh {
        if std::env::var_os("UPDATE_RULES_DOC").is_some() {
            let updated = format!("{}{BEGIN}{fresh}{}", &doc[..b], &doc[e..]);
            std::fs::write(&path, updated).unwrap_or_else(|e| panic!("{path}: {e}"));
        } else {
            panic!("{path} is out of date with data/profiles: rerun with UPDATE_RULES_DOC=1");
        }
    }
}

#[test]
fn every_possible_key_has_a_description() {
    for key in all_keys() {
        let (what, shows) = describe(&generic(&key));
        assert!(!what.is_empty() && !shows.is_empty(), "{key}");
    }
}
