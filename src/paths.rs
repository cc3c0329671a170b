//! Where the database, the config file and the logs live: the platform's data and config
//! directories (via `directories`), overridden by `--db` / `DUTYDESK_DB`.

use std::path::PathBuf;

fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("cn.gov", "district", "dutydesk")
}

/// The default database file.
pub fn default_db() -> PathBuf {
    match dirs() {
        Some(d) => d.data_dir().join("dutydesk.db"),
        None => PathBuf::from("dutydesk.db"),
    }
}

/// The demo database, beside the real one but never the real one.
pub fn demo_db() -> PathBuf {
    match dirs() {
        Some(d) => d.data_dir().join("dutydesk-demo.db"),
        None => PathBuf::from("dutydesk-demo.db"),
    }
}

/// The config file (`config.toml` in the platform's config directory), unless
/// `DUTYDESK_CONFIG` names another.
pub fn config_file() -> PathBuf {
    if let Some(p) = std::env::var_os("DUTYDESK_CONFIG") {
        return PathBuf::from(p);
    }
    match dirs() {
        Some(d) => d.config_dir().join("config.toml"),
        None => PathBuf::from("dutydesk.toml"),
    }
}

/// The directory for log files.
pub fn log_dir() -> PathBuf {
    match dirs() {
        Some(d) => d.data_dir().join("logs"),
        None => PathBuf::from("."),
    }
}
