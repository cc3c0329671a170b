//! The demo district (`dutydesk demo`: size 1, seed 1) in an in-memory store at a pinned
//! today, for the board's rendering and update tests, with the board acting as the day's
//! duty officer.
#![allow(dead_code)]

use chrono::NaiveDate;
use dutydesk::clock::Clock;
use dutydesk::command::{self, Command};
use dutydesk::demo::{Options, summarize};
use dutydesk::domain::Env;
use dutydesk::i18n::Lang;
use dutydesk::profile::Profile;
use dutydesk::store::Store;
use dutydesk::tui::{App, keymap::Keymap, theme::Theme};

/// The demo's pinned today (a Friday).
pub const TODAY: &str = "2026-11-20";

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A demo district under `profile` on `today`; returns the store and the duty officer's
/// login.
pub fn store_on(profile: &str, today: &str) -> (Store, Env) {
    let mut store = Store::open_in_memory().unwrap();
    let env = Env::new(
        Profile::builtin(profile).unwrap(),
        store.calendar().unwrap(),
        Clock::pinned(date(today)),
        "demo",
    );
    command::perform(
        &mut store,
        &env,
        &Command::Demo {
            profile: profile.to_string(),
            opts: Options { size: 1, seed: 1 },
        },
    )
    .unwrap();
    let summary = store.read(|tx| summarize(tx, &env)).unwrap();
    let actor = summary
        .duty_officer
        .expect("the demo has a duty officer today");
    (store, Env { actor, ..env })
}

/// A board on the demo district acting as `login` (None: the duty officer).
pub fn board(
    profile: &str,
    today: &str,
    login: Option<&str>,
    lang: Lang,
    w: u16,
    h: u16,
) -> (Store, App) {
    let (mut store, mut env) = store_on(profile, today);
    if let Some(l) = login {
        env.actor = l.to_string();
    }
    let mut app = App::new(&mut store, env, lang, Keymap::default(), Theme::mono(), 5).unwrap();
    app.resize(w, h);
    (store, app)
}

/// The dongchang demo at [`TODAY`], as the duty officer.
pub fn dongchang(lang: Lang, w: u16, h: u16) -> (Store, App) {
    board("dongchang", TODAY, None, lang, w, h)
}
