//! Tab completion on the `:` line: the command word (built-in commands, every action name
//! of the key table, and the actions' Chinese names: `:签` → `:签批`), and after `open `
//! the ids of the rows on the board. One match completes with a space after it; several
//! complete to their common prefix.

use crate::i18n::Lang;
use crate::tui::action::{Action, ItemAction};
use crate::tui::app::App;

/// The built-in commands besides the key table's names.
const BUILT_IN: &[&str] = &["q", "quit", "goto", "lang", "open", "help", "check"];

/// An item action by its name in either language (`签批`, `加议题`).
pub(super) fn action_by_label(name: &str) -> Option<Action> {
    ItemAction::ALL
        .iter()
        .find(|a| a.label(Lang::Zh) == name || a.label(Lang::En) == name)
        .map(|a| Action::Item(*a))
}

fn command_words() -> Vec<String> {
    let mut out: Vec<String> = BUILT_IN.iter().map(|s| s.to_string()).collect();
    for (name, ..) in crate::tui::keytable::DEFAULTS {
        out.push(name.to_string());
    }
    for a in ItemAction::ALL {
        out.push(a.label(Lang::Zh).to_string());
    }
    out.sort();
    out.dedup();
    out
}

fn board_ids(app: &App) -> Vec<String> {
    let s = &app.snap;
    let mut out: Vec<String> = s.approvals.rows.iter().map(|r| r.ext_id.clone()).collect();
    out.extend(s.supervision.rows.iter().map(|r| r.ext_id.clone()));
    out.extend(s.meetings.rows.iter().map(|r| r.ext_id.clone()));
    out
}

fn common_prefix(words: &[&String]) -> String {
    let Some(first) = words.first() else {
        return String::new();
    };
    let mut end = first.len();
    for w in &words[1..] {
        end = first
            .char_indices()
            .zip(w.chars())
            .find(|((_, a), b)| a != b)
            .map_or(end.min(w.len()), |((i, _), _)| i.min(end));
    }
    first[..end].to_string()
}

/// The line after Tab.
pub(super) fn complete(app: &App, line: &str) -> String {
    let (head, word, pool) = match line.split_once(' ') {
        Some(("open", rest)) => ("open ".to_string(), rest.trim_start(), board_ids(app)),
        Some(_) => return line.to_string(),
        None => (String::new(), line, command_words()),
    };
    let lower = word.to_lowercase();
    let hits: Vec<&String> = pool
        .iter()
        .filter(|c| c.to_lowercase().starts_with(&lower))
        .collect();
    match hits.as_slice() {
        [] => line.to_string(),
        [one] => format!("{head}{one} "),
        many => {
            let p = common_prefix(many);
            if p.len() > word.len() {
                format!("{head}{p}")
            } else {
                line.to_string()
            }
        }
    }
}
