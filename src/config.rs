//! The user's config file (TOML, in the platform's config directory or `DUTYDESK_CONFIG`):
//! language, default profile and database, board settings and key overrides.
//!
//! ```toml
//! lang = "en"
//! profile = "huancui"
//! db = "/srv/duty/dutydesk.db"
//! due_soon_workdays = 5
//! mouse = false
//!
//! [alerts]            # see config/alerts.rs
//! quiet_hours = "22:00-07:00"
//!
//! [keys]
//! quit = ["q", "ctrl-c"]
//! sign = ["S"]
//! ```

pub mod alerts;

use crate::error::{Error, IoContext, Result};
use crate::i18n::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The parsed config file. Every field is optional; absent means the built-in default.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub lang: Option<Lang>,
    pub profile: Option<String>,
    pub db: Option<PathBuf>,
    /// Supervision items due within this many working days count as "due soon".
    pub due_soon_workdays: Option<u32>,
    /// Mouse support on the board (off by default).
    pub mouse: Option<bool>,
    /// Alerts: which events, how, and the quiet hours.
    #[serde(default)]
    pub alerts: alerts::Alerts,
    /// Key overrides: action name → list of key specs ("q", "ctrl-c", "shift-tab", "f1").
    #[serde(default)]
    pub keys: BTreeMap<String, Vec<String>>,
}

impl Config {
    /// Reads the config file; a missing file is an empty config, a bad one an error
    /// naming the file and line.
    pub fn load(path: &Path) -> Result<Config> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => return Err(e).at_path(path),
        };
        Config::parse(&text, &path.display().to_string())
    }

    /// Parses config text; `source` names it in errors.
    pub fn parse(text: &str, source: &str) -> Result<Config> {
        toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let loc = match line {
                Some(l) => format!("{source}:{l}"),
                None => source.to_string(),
            };
            Error::invalid(loc, e.message().to_string())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_names_file_and_line() {
        let e = Config::parse("lang = \"en\"\ncolour = 1\n", "config.toml").unwrap_err();
        assert!(e.to_string().starts_with("config.toml:2"), "{e}");
    }

    #[test]
    fn reads_keys() {
        let c = Config::parse("[keys]\nquit = [\"x\"]\n", "c").unwrap();
        assert_eq!(c.keys["quit"], vec!["x".to_string()]);
    }
}
