//! The board's office forms: 收文登记, pickers by pinyin initials, a refusal that keeps what
//! was typed, every date form, a day off questioned, a meeting's life and `:action ID`.

mod board_fixture;

use board_fixture as fx;
use dutydesk::i18n::Lang;
use dutydesk::store::Store;
use dutydesk::tui::form::Form;
use dutydesk::tui::{Action, App, ItemAction, Mode, PaneId, step};

fn setup() -> (Store, App) {
    let mut store = fx::store();
    let app = fx::app_on(&mut store, Lang::Zh, 120, 40);
    (store, app)
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

fn form(app: &App) -> &Form {
    match &app.mode {
        Mode::Form(f) => f,
        other => panic!("no form: {other:?} ({})", message(app)),
    }
}

fn typed(a: &mut App, s: &mut Store, text: &str) {
    step(a, s, Action::Insert(text.into()));
}

fn next(a: &mut App, s: &mut Store, n: usize) {
    for _ in 0..n {
        step(a, s, Action::NextField);
    }
}

#[test]
fn register_a_document_routed_with_its_deadline() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::Item(ItemAction::Receive));
    assert_eq!(form(&a).action, ItemAction::Receive);
    typed(&mut a, &mut s, "关于老旧小区改造资金的请示");
    next(&mut a, &mut s, 2);
    // 特急: the third urgency.
    step(&mut a, &mut s, Action::CursorRight);
    step(&mut a, &mut s, Action::CursorRight);
    next(&mut a, &mut s, 1);
    // The sender by a short name: the picker lists what it matches.
    typed(&mut a, &mut s, "住建");
    assert!(
        form(&a).fields[3]
            .hints
            .iter()
            .any(|h| h.contains("区住建局")),
        "{:?}",
        form(&a).fields[3].hints
    );
    next(&mut a, &mut s, 1);
    typed(&mut a, &mut s, "11月23日");
    step(&mut a, &mut s, Action::Submit);
    assert!(matches!(a.mode, Mode::Normal), "{:?}", a.mode);
    let m = message(&a);
    assert!(m.contains("SW-2026-0001"), "{m}");
    assert!(m.contains("赵敏"), "routed to who oversees 住建局: {m}");
    assert!(m.contains("分工呈批"), "with why: {m}");
    assert!(
        a.snap
            .approvals
            .rows
            .iter()
            .any(|r| r.ext_id == "SW-2026-0001"),
        "on the board at once"
    );
}

#[test]
fn forward_picks_a_leader_by_pinyin_initials() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::Item(ItemAction::Forward));
    typed(&mut a, &mut s, "zh");
    let hints = form(&a).fields[0].hints.clone();
    assert!(hints.iter().any(|h| h.contains("张华")), "{hints:?}");
    assert!(
        !hints.iter().any(|h| h.contains("陈静")),
        "only leaders are offered: {hints:?}"
    );
    step(&mut a, &mut s, Action::ClearLine);
    assert_eq!(form(&a).fields[0].input.text(), "");
    typed(&mut a, &mut s, "wjg");
    step(&mut a, &mut s, Action::Submit);
    let m = message(&a);
    assert!(m.contains("王建国"), "{m}");
}

#[test]
fn a_refusal_keeps_the_text_and_shows_under_the_field() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::FocusPane(PaneId::Meetings));
    let item = a.selected_item().expect("a meeting is selected");
    step(&mut a, &mut s, Action::Top);
    let _ = item;
    step(
        &mut a,
        &mut s,
        Action::ItemOn(ItemAction::Leave, "m-24".into()),
    );
    // 赵敏 has already asked leave from m-24: a business refusal.
    typed(&mut a, &mut s, "zm");
    next(&mut a, &mut s, 1);
    let long = "因赴省里参加重要会议，时间冲突，无法出席本次常务会议，特此请假";
    typed(&mut a, &mut s, long);
    step(&mut a, &mut s, Action::Submit);
    let f = form(&a);
    assert_eq!(f.fields[1].input.text(), long, "the text is kept");
    assert!(
        f.error.as_deref().unwrap_or("").contains("请过假"),
        "{:?}",
        f.error
    );
}

#[test]
fn every_date_form_and_a_day_off_is_questioned() {
    for (typed_date, due) in [
        ("2026-12-10", "2026-12-10"),
        ("2026/12/10", "2026-12-10"),
        ("2026.12.10", "2026-12-10"),
        ("2026年12月10日", "2026-12-10"),
        ("12月10日", "2026-12-10"),
        ("+5", "2026-11-30"),
    ] {
        let (mut s, mut a) = setup();
        step(
            &mut a,
            &mut s,
            Action::ItemOn(ItemAction::Extend, "sup-01".into()),
        );
        typed(&mut a, &mut s, typed_date);
        next(&mut a, &mut s, 1);
        typed(&mut a, &mut s, "施工延误");
        step(&mut a, &mut s, Action::Submit);
        assert!(matches!(a.mode, Mode::Normal), "{typed_date}: {:?}", a.mode);
        let got: String = s
            .conn()
            .query_row("SELECT deadline FROM supervision WHERE id = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(got, due, "{typed_date}");
    }
    // A Sunday asks first; no goes back to the form as typed.
    let (mut s, mut a) = setup();
    step(
        &mut a,
        &mut s,
        Action::ItemOn(ItemAction::Extend, "sup-01".into()),
    );
    typed(&mut a, &mut s, "2026-12-13");
    next(&mut a, &mut s, 1);
    typed(&mut a, &mut s, "x");
    step(&mut a, &mut s, Action::Submit);
    let Mode::Confirm(c) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert!(c.question.zh.contains("休息日"), "{}", c.question.zh);
    step(&mut a, &mut s, Action::No);
    assert_eq!(form(&a).fields[0].input.text(), "2026-12-13");
    // A date nobody writes is refused in the interface language.
    step(&mut a, &mut s, Action::PrevField);
    step(&mut a, &mut s, Action::ClearLine);
    typed(&mut a, &mut s, "下周三");
    step(&mut a, &mut s, Action::Submit);
    let e = form(&a).error.clone().unwrap_or_default();
    assert!(e.contains("不是日期"), "{e}");
}

#[test]
fn meeting_held_cancelled_moved_and_minutes_with_a_date() {
    let (mut s, mut a) = setup();
    // m-24 is on 2026-11-25: not held yet.
    step(
        &mut a,
        &mut s,
        Action::ItemOn(ItemAction::Held, "m-24".into()),
    );
    step(&mut a, &mut s, Action::Submit);
    step(&mut a, &mut s, Action::Yes);
    let e = form(&a).error.clone().unwrap_or_default();
    assert!(e.contains("不能登记为"), "{e}");
    step(&mut a, &mut s, Action::Back);
    // Moved to Friday 2026-11-27 at 15:00.
    step(
        &mut a,
        &mut s,
        Action::ItemOn(ItemAction::Move, "m-24".into()),
    );
    typed(&mut a, &mut s, "11月27日");
    next(&mut a, &mut s, 1);
    typed(&mut a, &mut s, "15:00");
    step(&mut a, &mut s, Action::Submit);
    assert!(message(&a).contains("2026-11-27 15:00"), "{}", message(&a));
    // Cancelled with a reason (asks first).
    step(
        &mut a,
        &mut s,
        Action::ItemOn(ItemAction::Cancel, "m-25".into()),
    );
    typed(&mut a, &mut s, "与省检查组行程冲突");
    step(&mut a, &mut s, Action::Submit);
    let Mode::Confirm(c) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert!(
        c.question.zh.contains("与省检查组行程冲突"),
        "{}",
        c.question.zh
    );
    step(&mut a, &mut s, Action::Yes);
    let st: String = s
        .conn()
        .query_row(
            "SELECT state FROM meetings WHERE ext_id = 'm-25'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(st, "已取消");
    // Minutes of m-23 issued on a past day.
    step(
        &mut a,
        &mut s,
        Action::ItemOn(ItemAction::MinutesIssued, "m-23".into()),
    );
    typed(&mut a, &mut s, "2026/11/17");
    step(&mut a, &mut s, Action::Submit);
    step(&mut a, &mut s, Action::Yes);
    let on: String = s
        .conn()
        .query_row(
            "SELECT minutes_issued_on FROM meetings WHERE ext_id = 'm-23'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(on, "2026-11-17");
}

#[test]
fn a_command_with_an_id_acts_on_that_item_and_close_can_be_reopened() {
    let (mut s, mut a) = setup();
    step(
        &mut a,
        &mut s,
        Action::ItemOn(ItemAction::Close, "sup-03".into()),
    );
    assert_eq!(form(&a).target.ext_id, "sup-03");
    step(&mut a, &mut s, Action::Submit);
    let Mode::Confirm(c) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert!(c.question.zh.contains("可重新打开"), "{}", c.question.zh);
    assert!(!c.question.zh.contains("不能撤销"), "{}", c.question.zh);
    step(&mut a, &mut s, Action::No);
    step(&mut a, &mut s, Action::Back);
    let bad = dutydesk::tui::update::parse_command("printed no-such-doc").unwrap();
    step(&mut a, &mut s, bad.unwrap());
    assert!(message(&a).contains("no-such-doc"), "{}", message(&a));
}

#[test]
fn history_search_and_my_actions_today() {
    let (mut s, mut a) = setup();
    step(&mut a, &mut s, Action::ToggleHistory);
    step(&mut a, &mut s, Action::StartFilter);
    typed(&mut a, &mut s, "已签批");
    step(&mut a, &mut s, Action::Submit);
    let Mode::Lines { lines, .. } = &a.mode else {
        panic!("{:?} {}", a.mode, message(&a))
    };
    assert!(lines.iter().any(|l| l.zh.contains("doc-106")), "{lines:?}");
    step(&mut a, &mut s, Action::Back);
    step(
        &mut a,
        &mut s,
        Action::ItemOn(ItemAction::Urge, "doc-102".into()),
    );
    step(&mut a, &mut s, Action::Submit);
    step(&mut a, &mut s, Action::Mine);
    let Mode::Lines { lines, .. } = &a.mode else {
        panic!("{:?} {}", a.mode, message(&a))
    };
    assert!(lines.iter().any(|l| l.zh.contains("催办")), "{lines:?}");
}
