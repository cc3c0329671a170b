//! Steps shared by the board's update tests on the fixture district: a board acting as
//! the duty officer, the status message, filling a form, finding a finding.
#![allow(dead_code)]

use crate::board_fixture as fx;
use dutydesk::i18n::Lang;
use dutydesk::store::Store;
use dutydesk::store::queries::{self, Item};
use dutydesk::tui::{Action, App, Effect, Mode, PaneId, step};

pub fn setup() -> (Store, App) {
    let mut store = fx::store();
    let app = fx::app_on(&mut store, Lang::Zh, 80, 24);
    (store, app)
}

pub fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

pub fn is_error(app: &App) -> bool {
    app.message.as_ref().is_some_and(|m| m.error)
}

pub fn one(store: &Store, sql: &str) -> String {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

pub fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Opens an item's detail as Enter would.
pub fn detail(app: &mut App, store: &mut Store, item: Item) {
    let d = queries::detail(store.conn(), &app.env, item).unwrap();
    app.mode = Mode::Detail {
        detail: Box::new(d),
        scroll: 0,
    };
}

/// Fills the open form field by field, submits and confirms.
pub fn fill_and_confirm(app: &mut App, store: &mut Store, values: &[&str]) -> Effect {
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            step(app, store, Action::NextField);
        }
        step(app, store, Action::Insert((*v).into()));
    }
    step(app, store, Action::Submit);
    assert!(
        matches!(app.mode, Mode::Confirm(_)),
        "{:?} {:?}",
        app.message,
        app.mode
    );
    step(app, store, Action::Yes)
}

/// Moves the 合规 view's selection to the first finding under `rule`.
pub fn select_rule(app: &mut App, store: &mut Store, rule: &str) {
    step(app, store, Action::FocusPane(PaneId::Compliance));
    step(app, store, Action::Top);
    for _ in 0..app.snap.findings.len() {
        if app.selected_finding().is_some_and(|f| f.rule == rule) {
            return;
        }
        step(app, store, Action::Down);
    }
    panic!("no finding under {rule}");
}
