//! A deadline in a year without the State Council's notice is marked 暂定 on the board:
//! the pane's countdown and rule columns, and the detail with the reason.

mod board_fixture;

use board_fixture as fx;
use dutydesk::i18n::Lang;
use dutydesk::tui::{Action, Mode, step};

/// The fixture with one pending document, due in 2027 under 东昌 二十八.
fn setup(lang: Lang) -> (dutydesk::store::Store, dutydesk::tui::App) {
    let mut store = fx::store();
    store
        .conn()
        .execute_batch(
            "UPDATE documents SET state = '已签批' WHERE id <> 1;
             UPDATE documents SET due = '2027-01-07' WHERE id = 1;",
        )
        .unwrap();
    let app = fx::app_on(&mut store, lang, 160, 40);
    (store, app)
}

#[test]
fn pane_and_detail_mark_the_provisional_deadline() {
    let (mut s, mut a) = setup(Lang::Zh);
    let screen = fx::text(&fx::render(&a, 160, 40));
    assert!(screen.contains("暂定"), "{screen}");
    let row = screen.lines().find(|l| l.contains("教育经费")).unwrap();
    assert!(row.contains("暂"), "{row}");
    step(&mut a, &mut s, Action::Open);
    assert!(matches!(a.mode, Mode::Detail { .. }));
    let detail = fx::text(&fx::render(&a, 160, 40));
    assert!(
        detail.contains("国务院 2027 年节假日（调休）安排尚未载入"),
        "{detail}"
    );
}

#[test]
fn in_english_too() {
    let (mut s, mut a) = setup(Lang::En);
    let screen = fx::text(&fx::render(&a, 160, 40));
    assert!(screen.contains("provisional"), "{screen}");
    step(&mut a, &mut s, Action::Open);
    let detail = fx::text(&fx::render(&a, 160, 40));
    assert!(detail.contains("2027 holiday arrangements"), "{detail}");
}
