//! The board knows who acts before anything is typed: an account that is not on the staff
//! list gets a read-only board that says so in its header and is offered no action; a
//! duty officer is not offered 签批 in person but the office's 代录.

mod board_fixture;

use board_fixture as fx;
use dutydesk::i18n::Lang;
use dutydesk::tui::{Action, ItemAction, Mode, step};

#[test]
fn an_unknown_account_gets_a_read_only_board() {
    let mut s = fx::store();
    let mut a = fx::app_as(&mut s, "ghost", Lang::Zh, 100, 30);
    let screen = fx::text(&fx::render(&a, 100, 30));
    assert!(screen.contains("ghost（不在人员名单·只读）"), "{screen}");
    for act in [ItemAction::Sign, ItemAction::Urge, ItemAction::Forward] {
        assert!(!a.offers(act), "{act:?} offered to a stranger");
    }
    step(&mut a, &mut s, Action::Item(ItemAction::Urge));
    assert!(matches!(a.mode, Mode::Normal), "{:?}", a.mode);
    let m = a.message.clone().unwrap();
    assert!(
        m.error && m.text.contains("系统账号“ghost”不在本库人员名单中"),
        "{m:?}"
    );
    let mut en = fx::app_as(&mut s, "ghost", Lang::En, 120, 30);
    en.resize(120, 30);
    let screen = fx::text(&fx::render(&en, 120, 30));
    assert!(
        screen.contains("not on the staff list: read only"),
        "{screen}"
    );
}

#[test]
fn the_footer_offers_what_the_matrix_allows() {
    let mut s = fx::store();
    let officer = fx::app_as(&mut s, "liuyang", Lang::Zh, 80, 24);
    // 签批 stays offered to the office: it records a leader's paper signature (代录).
    assert!(officer.offers(ItemAction::Sign));
    assert!(officer.offers(ItemAction::Close));
    assert!(officer.offers(ItemAction::Printed));
    let head = fx::app_as(&mut s, "sunqiang", Lang::Zh, 80, 24);
    assert!(!head.offers(ItemAction::Sign));
    assert!(!head.offers(ItemAction::Close));
    assert!(head.offers(ItemAction::Progress));
    assert!(!head.offers(ItemAction::Urge));
    let deputy = fx::app_as(&mut s, "zhanghua", Lang::Zh, 80, 24);
    assert!(deputy.offers(ItemAction::Sign));
    assert!(!deputy.offers(ItemAction::Extend));
}
