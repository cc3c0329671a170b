//! Every query of the 合规 check reads a range of an index over what its rule still
//! governs, never the history: EXPLAIN QUERY PLAN of each statement the check prepares
//! (the whole check and the check of single items, under each built-in profile, on the
//! demo district with settled history) shows no full SCAN of documents, supervision,
//! meetings or countersigns. A SCAN of a partial index over open items (pending
//! documents, open supervision items, unanswered countersign requests, planned meetings)
//! is allowed: it follows the open items, not the history. Small tables (people,
//! departments, divisions, absences, the rota) may be scanned.

mod rules_fixture;

use dutydesk::command::{self, Command};
use dutydesk::demo::Options;
use dutydesk::store::{Store, compliance};
use rules_fixture::{PROFILES, date, env_on};
use std::collections::HashMap;

const BIG: [&str; 4] = ["documents", "supervision", "meetings", "countersigns"];

/// Partial indexes over open items only, which a query may walk whole.
const OPEN_ONLY: [&str; 5] = [
    "documents_pending_by_due",
    "documents_pending_by_leader",
    "supervision_open_by_deadline",
    "countersigns_open_by_due",
    "meetings_planned_by_start",
];

/// Table names by alias (and by name) in a statement's FROM and JOIN clauses.
fn aliases(sql: &str) -> HashMap<String, String> {
    let words: Vec<&str> = sql
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = HashMap::new();
    for i in 0..words.len() {
        if matches!(words[i].to_uppercase().as_str(), "FROM" | "JOIN") {
            let Some(table) = words.get(i + 1) else {
                continue;
            };
            out.insert(table.to_string(), table.to_string());
            if let Some(alias) = words.get(i + 2) {
                let up = alias.to_uppercase();
                if !matches!(
                    up.as_str(),
                    "WHERE" | "JOIN" | "LEFT" | "ON" | "ORDER" | "GROUP" | "AS" | "LIMIT"
                ) {
                    out.insert(alias.to_string(), table.to_string());
                }
            }
        }
    }
    out
}

/// The plan's lines that scan a big table whole (or through an index that holds history).
fn full_scans(s: &Store, sql: &str) -> (Vec<String>, Vec<String>) {
    let conn = s.conn();
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap_or_else(|e| panic!("{e}: {sql}"));
    // The plan does not depend on the values: every parameter is bound to NULL.
    let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
    let lines: Vec<String> = stmt
        .query_map(rusqlite::params_from_iter(nulls), |r| r.get::<_, String>(3))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let names = aliases(sql);
    let bad = lines
        .iter()
        .filter(|l| l.starts_with("SCAN "))
        .filter(|l| {
            let name = l["SCAN ".len()..].split(' ').next().unwrap_or_default();
            let table = names.get(name).map(String::as_str).unwrap_or(name);
            if !BIG.contains(&table) {
                return false;
            }
            let index = l
                .split("INDEX ")
                .nth(1)
                .and_then(|rest| rest.split(' ').next());
            !index.is_some_and(|i| OPEN_ONLY.contains(&i))
        })
        .cloned()
        .collect();
    (lines, bad)
}

#[test]
fn no_compliance_query_scans_the_history() {
    // Before 劳动节, with a year without its notice within ten years (the provisional
    // queries run).
    let today = date("2025-04-28");
    let mut failures = Vec::new();
    let mut seen = 0;
    for id in PROFILES {
        let env = env_on(id, today, "sunht");
        let mut s = Store::open_in_memory().unwrap();
        command::perform(
            &mut s,
            &env,
            &Command::Demo {
                profile: id.to_string(),
                opts: Options { size: 1, seed: 1 },
            },
        )
        .unwrap();
        command::perform(
            &mut s,
            &env,
            &Command::History {
                count: 2000,
                open: 0,
            },
        )
        .unwrap();
        let statements = s.read(|tx| compliance::statements(tx, &env)).unwrap();
        assert!(statements.len() > 20, "{id}: {statements:?}");
        for sql in statements {
            seen += 1;
            let (plan, bad) = full_scans(&s, &sql);
            if !bad.is_empty() {
                failures.push(format!("{id}: {bad:?}\n  plan {plan:?}\n  in {sql}"));
            }
        }
    }
    assert!(seen > 100, "only {seen} statements checked");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn settled_history_is_never_a_finding() {
    // 崆峒 asks signed documents to be printed within 2 working days; the history has
    // none printed, and none of it is reported.
    let today = date("2026-11-20");
    let env = env_on("kongtong", today, "sunht");
    let mut s = Store::open_in_memory().unwrap();
    command::perform(
        &mut s,
        &env,
        &Command::Demo {
            profile: "kongtong".into(),
            opts: Options { size: 1, seed: 1 },
        },
    )
    .unwrap();
    let before = s.read(|tx| compliance::check(tx, &env)).unwrap();
    command::perform(
        &mut s,
        &env,
        &Command::History {
            count: 4000,
            open: 0,
        },
    )
    .unwrap();
    let after = s.read(|tx| compliance::check(tx, &env)).unwrap();
    assert_eq!(before, after);
    assert!(
        after.iter().any(|f| f.rule == "documents.print_after_sign"),
        "the demo's own unprinted document is still reported"
    );
}
