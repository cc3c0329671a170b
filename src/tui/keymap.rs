//! The key table, as data: one row per (action, context) with its default keys and a
//! description in both languages. The config file's `[keys]` section replaces an action's
//! keys (in every context it appears in); the help view and the status line hints are
//! generated from this table, so they can never disagree with what the keys do.

use super::action::{Action, ItemAction};
pub use super::key::Key;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use std::collections::BTreeMap;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere (only control and function keys, so typing is never stolen).
    Global,
    /// The board with its three panes and the 合规 view.
    Board,
    /// Actions on an item: on the board's selected row, on the item of the selected
    /// finding in the 合规 view, and in the item's detail view (the same keys everywhere).
    Item,
    /// The detail view.
    Detail,
    /// The help view.
    Help,
    /// The 督查通报 view.
    Report,
    /// Editing text: the filter, the command line and forms.
    Text,
    /// A yes/no question.
    Confirm,
    /// The duty shift views: the duty log, the handover, the rota.
    Shift,
}

impl Context {
    /// The heading in the help view.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Context::Global => lang.pick("全局", "Everywhere"),
            Context::Board => lang.pick("看板", "Board"),
            Context::Item => lang.pick(
                "事项操作（看板、合规视图、详情）",
                "Item actions (board, compliance view, detail)",
            ),
            Context::Detail => lang.pick("详情", "Detail"),
            Context::Help => lang.pick("帮助", "Help"),
            Context::Report => lang.pick("督查通报", "Supervision report"),
            Context::Text => {
                lang.pick("输入（筛选、命令、表单）", "Typing (filter, command, form)")
            }
            Context::Confirm => lang.pick("确认", "Confirm"),
            Context::Shift => lang.pick(
                "值班视图（值班日志、交接班、值班表）",
                "Duty views (log, handover, rota)",
            ),
        }
    }
}

pub use super::keytable::{DEFAULTS, action_named};

/// One row of the table, with its keys in force.
#[derive(Debug, Clone)]
pub struct Binding {
    pub name: &'static str,
    pub action: Action,
    pub keys: Vec<Key>,
    pub context: Context,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Binding {
    /// The description in a language.
    pub fn describe(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
    /// The keys as the help shows them ("j / Down").
    pub fn keys_display(&self) -> String {
        self.keys
            .iter()
            .map(Key::display)
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// The key table in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .filter_map(|(name, keys, context, zh, en)| {
                Some(Binding {
                    name,
                    action: action_named(name)?,
                    keys: keys.iter().filter_map(|k| Key::parse(k)).collect(),
                    context: *context,
                    zh,
                    en,
                })
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The default table patched by the config's `[keys]` (action name → key specs).
    /// An unknown action or a key that cannot be read is an error naming it.
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<String>>) -> Result<Keymap> {
        let mut map = Keymap::default();
        for (name, specs) in overrides {
            if !map.bindings.iter().any(|b| b.name == name) {
                let known: Vec<&str> = DEFAULTS.iter().map(|d| d.0).collect();
                return Err(Error::invalid(
                    format!("config [keys] {name}"),
                    format!(
                        "unknown action '{name}' (known: {})",
                        dedup(known).join(", ")
                    ),
                ));
            }
            let mut keys = Vec::new();
            for spec in specs {
                keys.push(Key::parse(spec).ok_or_else(|| {
                    Error::invalid(
                        format!("config [keys] {name}"),
                        format!("cannot read key '{spec}' (examples: \"q\", \"ctrl-c\", \"shift-tab\", \"pgdn\", \"f1\")"),
                    )
                })?);
            }
            for b in map.bindings.iter_mut().filter(|b| b.name == name) {
                b.keys.clone_from(&keys);
            }
        }
        if let Some(e) = map.shadowing(overrides) {
            return Err(e);
        }
        Ok(map)
    }

    /// An overridden key that another action already uses where both apply (the first
    /// binding looked up would win and the other action could no longer be reached).
    fn shadowing(&self, overrides: &BTreeMap<String, Vec<String>>) -> Option<Error> {
        // The contexts looked up together (`App::contexts`).
        const TOGETHER: &[&[Context]] = &[
            &[Context::Board, Context::Item, Context::Global],
            &[Context::Text, Context::Global],
            &[Context::Confirm, Context::Global],
            &[Context::Detail, Context::Item, Context::Global],
            &[Context::Help, Context::Global],
        ];
        let meet = |a: Context, b: Context| {
            TOGETHER
                .iter()
                .any(|set| set.contains(&a) && set.contains(&b))
        };
        for b in self
            .bindings
            .iter()
            .filter(|b| overrides.contains_key(b.name))
        {
            for other in &self.bindings {
                if other.name == b.name || !meet(b.context, other.context) {
                    continue;
                }
                if let Some(k) = b.keys.iter().find(|k| other.keys.contains(k)) {
                    return Some(Error::invalid(
                        format!("config [keys] {}", b.name),
                        format!(
                            "key '{}' is already the key for '{}' ({}); bind '{}' to another key too, or pick another",
                            k.display(),
                            other.name,
                            other.context.label(Lang::En),
                            other.name
                        ),
                    ));
                }
            }
        }
        None
    }

    /// The action bound to `key` in the first of `contexts` that binds it.
    pub fn lookup(&self, contexts: &[Context], key: Key) -> Option<Action> {
        contexts.iter().find_map(|c| {
            self.bindings
                .iter()
                .find(|b| b.context == *c && b.keys.contains(&key))
                .map(|b| b.action.clone())
        })
    }

    /// The first key bound to `name` in `context`, for hints ("a", "Enter").
    pub fn key_for(&self, name: &str, context: Context) -> Option<String> {
        self.bindings
            .iter()
            .find(|b| b.name == name && b.context == context)
            .and_then(|b| b.keys.first())
            .map(Key::display)
    }

    /// The binding of an item action.
    pub fn item_binding(&self, a: ItemAction) -> Option<&Binding> {
        self.bindings
            .iter()
            .find(|b| b.context == Context::Item && b.action == Action::Item(a))
    }
}

fn dedup(mut v: Vec<&str>) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(*x));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_row_names_an_action_and_parses() {
        for (name, keys, ..) in DEFAULTS {
            assert!(action_named(name).is_some(), "{name}");
            for k in *keys {
                assert!(Key::parse(k).is_some(), "{name}: {k}");
            }
        }
    }

    #[test]
    fn no_key_means_two_things_where_contexts_meet() {
        // The contexts searched together (see `App::contexts`) must not bind one key twice.
        let m = Keymap::default();
        for group in [
            [Context::Board, Context::Item, Context::Global],
            [Context::Detail, Context::Item, Context::Global],
            [Context::Report, Context::Global, Context::Global],
        ] {
            let mut seen = std::collections::HashMap::new();
            for b in m.bindings.iter().filter(|b| group.contains(&b.context)) {
                for k in &b.keys {
                    if let Some(other) = seen.insert(*k, b.name) {
                        assert_eq!(other, b.name, "{} bound twice in {group:?}", k.display());
                    }
                }
            }
        }
    }

    #[test]
    fn overrides_replace_keys_and_bad_specs_name_the_key() {
        let mut o = BTreeMap::new();
        o.insert("sign".to_string(), vec!["S".to_string()]);
        let m = Keymap::with_overrides(&o).unwrap();
        let s = Key::parse("S").unwrap();
        assert_eq!(
            m.lookup(&[Context::Item], s),
            Some(Action::Item(ItemAction::Sign))
        );
        assert_eq!(m.lookup(&[Context::Item], Key::parse("a").unwrap()), None);
        o.insert("sign".to_string(), vec!["ctrl-".to_string()]);
        let e = Keymap::with_overrides(&o).unwrap_err().to_string();
        assert!(e.contains("sign") && e.contains("'ctrl-'"), "{e}");
        let mut o = BTreeMap::new();
        o.insert("sing".to_string(), vec!["x".to_string()]);
        assert!(
            Keymap::with_overrides(&o)
                .unwrap_err()
                .to_string()
                .contains("unknown action 'sing'")
        );
    }
}
