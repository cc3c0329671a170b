//! A demo district in a file (training database: pinned clock, anyone may act as anyone),
//! the binary with a clean environment, and the check that output is terminal-safe.
#![allow(dead_code)]

use assert_cmd::cargo::cargo_bin_cmd;
use chrono::NaiveDate;
use dutydesk::clock::Clock;
use dutydesk::command::{self, Command};
use dutydesk::domain::Env;
use dutydesk::profile::Profile;
use dutydesk::store::Store;
use std::path::{Path, PathBuf};

/// The demo's pinned today.
pub const TODAY: &str = "2026-11-20";

pub fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

/// An environment on `store` acting as `login` at [`TODAY`].
pub fn env(store: &Store, login: &str) -> Env {
    Env::new(
        Profile::builtin("dongchang").unwrap(),
        store.calendar().unwrap(),
        Clock::pinned(today()),
        login,
    )
}

/// The demo district (size 1, seed 1) in `dir/demo.db`.
pub fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    let mut store = Store::open(&db).unwrap();
    let e = env(&store, "demo");
    command::perform(
        &mut store,
        &e,
        &Command::Demo {
            profile: "dongchang".into(),
            opts: dutydesk::demo::Options { size: 1, seed: 1 },
        },
    )
    .unwrap();
    db
}

/// A login of the demo with this role.
pub fn login_of(db: &Path, role: &str) -> String {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row(
        "SELECT login FROM people WHERE role = ?1 ORDER BY id LIMIT 1",
        [role],
        |r| r.get(0),
    )
    .unwrap()
}

/// One value from the database.
pub fn one<T: rusqlite::types::FromSql>(db: &Path, sql: &str) -> T {
    let c = rusqlite::Connection::open(db).unwrap();
    c.busy_timeout(std::time::Duration::from_secs(30)).unwrap();
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// `dutydesk --db DB --today TODAY …`, isolated from the user's config, environment, log.
pub fn dd(dir: &Path, db: &Path) -> assert_cmd::Command {
    let mut c = cargo_bin_cmd!("dutydesk");
    for var in [
        "DUTYDESK_DB",
        "DUTYDESK_TODAY",
        "DUTYDESK_LANG",
        "DUTYDESK_PROFILE",
        "DUTYDESK_AS",
        "DUTYDESK_WAIT_SECS",
    ] {
        c.env_remove(var);
    }
    c.env("DUTYDESK_CONFIG", dir.join("no-such-config.toml"))
        .env("DUTYDESK_LOG", dir.join("dutydesk.log"))
        .arg("--db")
        .arg(db)
        .args(["--today", TODAY]);
    c
}

/// The first character a terminal would read as a control sequence: ESC and the other C0
/// controls but line feed and tab, DEL, C1, the bidirectional overrides and isolates.
pub fn unsafe_char(s: &str) -> Option<char> {
    s.chars().find(|c| {
        (c.is_control() && *c != '\n' && *c != '\t')
            || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

/// Asserts `bytes` are UTF-8 and carry nothing a terminal would act on.
pub fn assert_safe(what: &str, bytes: &[u8]) {
    let s = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    if let Some(c) = unsafe_char(s) {
        let at = s.chars().position(|x| x == c).unwrap_or(0);
        let near: String = s.chars().skip(at.saturating_sub(40)).take(60).collect();
        panic!(
            "{what}: U+{:04X} reaches the terminal near: {near:?}",
            u32::from(c)
        );
    }
}
