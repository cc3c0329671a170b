//! Triage on the demo district (东昌, 2026-11-20, as the duty officer 冯涛): the priority
//! order, the position in each pane title and the arrival marker, the header at each
//! width, a 文号 cut in the middle, a popup over wide characters, marks and toasts from
//! another person's writes, and each alert raised once. Rendering at 80×24, 100×30 and
//! 60×20, in Chinese and English.

mod board_demo;
mod board_fixture;

use board_demo as demo;
use board_fixture::{normalize_times, raw_text, render};
use chrono::NaiveDateTime;
use dutydesk::command::{self, Command, ImportMode, ImportSource, UrgeRef};
use dutydesk::i18n::Lang;
use dutydesk::interchange::Format;
use dutydesk::store::Store;
use dutydesk::tui::triage::Mark;
use dutydesk::tui::triage::alerts::{self, Kind};
use dutydesk::tui::{Action, App, Mode, PaneId, step};

const SIZES: [(u16, u16); 3] = [(80, 24), (100, 30), (60, 20)];
const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];
const TITLE: &str = "关于防汛应急物资调拨的请示";

fn snap(app: &App, w: u16, h: u16) -> String {
    normalize_times(&raw_text(&render(app, w, h)))
}

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// The office director (孙海涛) imports an overdue 特急重要 document from 发展和改革局.
fn import_urgent(store: &mut Store, app: &App) {
    let text = format!(
        "{{\"type\":\"document\",\"id\":\"GW-09001\",\"title\":\"{TITLE}\",\"kind\":\"请示\",\"urgency\":\"特急重要\",\"from\":\"d02\",\"received\":\"2026-11-10\",\"doc_no\":\"东昌发改呈〔2026〕201号\"}}\n"
    );
    let env = dutydesk::domain::Env {
        actor: "sunht".into(),
        ..app.env.clone()
    };
    command::perform(
        store,
        &env,
        &Command::Import {
            source: ImportSource::Text {
                name: "intake.jsonl".into(),
                text,
                format: Format::Jsonl,
            },
            mode: ImportMode::Ordinary,
        },
    )
    .unwrap();
}

fn title_line(app: &App, w: u16, h: u16, pane: &str) -> String {
    snap(app, w, h)
        .lines()
        .find(|l| l.contains(pane))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_board_opens_by_priority_at_each_size() {
    for lang in LANGS {
        for (w, h) in SIZES {
            let (_store, app) = demo::dongchang(lang, w, h);
            let name = format!("triage_board_{}_{w}x{h}", lang_name(lang));
            let text = snap(&app, w, h);
            insta::assert_snapshot!(name, text);
            // The overdue 特急重要 document is the first row, the 特急 one next.
            let rows = &app.snap.approvals.rows;
            assert_eq!(rows[0].urgency, dutydesk::domain::Urgency::Critical);
            assert_eq!(rows[1].urgency, dutydesk::domain::Urgency::VeryUrgent);
            assert!(rows.iter().take(13).all(|r| r.due.overdue));
            // Sort name in the title.
            assert!(
                text.contains(lang.pick("按优先级", "by priority")),
                "{text}"
            );
        }
    }
}

#[test]
fn the_header_never_cuts_who_acts() {
    for lang in LANGS {
        for (w, h) in SIZES {
            let (_store, app) = demo::dongchang(lang, w, h);
            let text = snap(&app, w, h);
            let lines: Vec<&str> = text.lines().collect();
            let me = lang.pick("我 冯涛（值班员）", "me 冯涛 (Duty Officer)");
            assert!(lines[0].contains(me), "{w}x{h}: {}", lines[0]);
            let today = lang.pick(
                " 今天到期 9 | 今日会议 1（15:00 专题会议）",
                " due today 9 | meetings today 1 (15:00 ",
            );
            assert!(lines[1].starts_with(today), "{w}x{h}: {}", lines[1]);
            let marker = lang.pick("[2027年期限暂定]", "[2027 provisional]");
            assert!(lines[2].starts_with(&format!(" {marker}")), "{}", lines[2]);
            // Who is away keeps its room after the short marker.
            assert!(lines[2].contains("张志强"), "{w}x{h}: {}", lines[2]);
        }
    }
    // The district's name gives way first: whole at 100 columns, gone at 80.
    let (_s, app) = demo::dongchang(Lang::Zh, 100, 30);
    assert!(snap(&app, 100, 30).starts_with(" 通化市东昌区 2026-11-20"));
    let (mut s, mut app) = demo::dongchang(Lang::Zh, 80, 24);
    assert!(snap(&app, 80, 24).starts_with(" 2026-11-20 周五"));
    // The marker explains itself.
    step(&mut app, &mut s, Action::CalendarNote);
    let m = app.message.clone().unwrap().text;
    assert!(m.contains("尚无2027年国务院节假日安排"), "{m}");
}

#[test]
fn positions_and_arrivals_above_the_viewport() {
    for lang in LANGS {
        for (w, h) in SIZES {
            let (mut store, mut app) = demo::dongchang(lang, w, h);
            let pane = PaneId::Approvals.title(lang);
            assert!(title_line(&app, w, h, pane).contains(" 1/50 "));
            for _ in 0..12 {
                step(&mut app, &mut store, Action::Down);
            }
            assert!(title_line(&app, w, h, pane).contains(" 13/50 "));
            // At the bottom, the top rows are out of sight; an overdue 特急重要 arrives.
            step(&mut app, &mut store, Action::Bottom);
            import_urgent(&mut store, &app);
            step(&mut app, &mut store, Action::DbChanged);
            let line = title_line(&app, w, h, pane);
            let marker = lang.pick("↑1 新", "↑1 new");
            assert!(line.contains(&format!(" 51/51 {marker} ")), "{line}");
            insta::assert_snapshot!(
                format!("triage_arrival_above_{}_{w}x{h}", lang_name(lang)),
                snap(&app, w, h)
            );
            // n jumps to it, and the marker goes.
            step(&mut app, &mut store, Action::JumpNew);
            let line = title_line(&app, w, h, pane);
            assert!(line.contains(" 1/51 ") && !line.contains('↑'), "{line}");
            assert_eq!(app.snap.approvals.rows[0].title, TITLE);
        }
    }
}

#[test]
fn an_arrival_shows_when_the_selection_is_on_the_top_row() {
    let (mut store, mut app) = demo::dongchang(Lang::Zh, 80, 24);
    let first = app.panes[0].selected;
    import_urgent(&mut store, &app);
    step(&mut app, &mut store, Action::DbChanged);
    // The new row is in sight at the top, marked 新; the cursor stays on its item.
    assert_eq!(app.panes[0].offset, 0);
    assert_eq!(app.panes[0].selected, first);
    let id = app.snap.approvals.rows[0].id;
    assert_eq!(app.triage.mark(PaneId::Approvals, id), Some(Mark::New));
    let text = snap(&app, 80, 24);
    assert!(text.contains(&format!("新 {}", &TITLE[..18])), "{text}");
    assert!(!text.contains('↑'), "{text}");
    // The toast names who sent it (the department), with the urgency.
    let toast = app.triage.toast.clone().unwrap();
    assert!(
        toast.starts_with("发展和改革局报来特急重要公文《关于防汛"),
        "{toast}"
    );
    // Selecting the row takes its mark off; a key takes the toast away.
    step(&mut app, &mut store, Action::Top);
    assert_eq!(app.triage.mark(PaneId::Approvals, id), None);
    assert_eq!(app.triage.toast, None);
}

#[test]
fn another_persons_action_marks_the_row_and_names_them() {
    let (mut store, mut app) = demo::dongchang(Lang::Zh, 80, 24);
    let row = app.snap.approvals.rows[2].clone();
    let env = dutydesk::domain::Env {
        actor: "sunht".into(),
        ..app.env.clone()
    };
    command::perform(
        &mut store,
        &env,
        &Command::Urge {
            item: UrgeRef::Document(command::Ref::Id(row.id)),
            note: "请抓紧".into(),
        },
    )
    .unwrap();
    step(&mut app, &mut store, Action::DbChanged);
    assert_eq!(
        app.triage.mark(PaneId::Approvals, row.id),
        Some(Mark::Changed)
    );
    let toast = app.triage.toast.clone().unwrap();
    assert!(toast.starts_with("孙海涛催办了《"), "{toast}");
    assert!(snap(&app, 80, 24).contains("改 关于"));
    // One's own action is no news.
    let (mut store, mut app) = demo::dongchang(Lang::Zh, 80, 24);
    command::perform(
        &mut store,
        &app.env.clone(),
        &Command::Urge {
            item: UrgeRef::Document(command::Ref::Id(row.id)),
            note: "请抓紧".into(),
        },
    )
    .unwrap();
    step(&mut app, &mut store, Action::DbChanged);
    assert_eq!(app.triage.mark(PaneId::Approvals, row.id), None);
    assert_eq!(app.triage.toast, None);
}

fn count(app: &App, kind: Kind) -> usize {
    app.triage.alerts.iter().filter(|a| a.kind == kind).count()
}

#[test]
fn alerts_at_start_are_raised_once() {
    let (mut store, mut app) = demo::dongchang(Lang::Zh, 80, 24);
    // GW-00033 was due 11-19: overdue as of today. GW-00017's countersign lapsed.
    assert_eq!(count(&app, Kind::Overdue), 5, "{:#?}", app.triage.alerts);
    assert_eq!(count(&app, Kind::Countersign), 2);
    assert!(
        app.triage
            .alerts
            .iter()
            .any(|a| a.text.contains("GW-00033") && a.kind == Kind::Overdue)
    );
    // A pinned day that is not the real one is a what-if view: listed, never rung.
    let (alerts, notices) = (app.triage.alerts.len(), app.triage.outbox.len());
    assert_eq!(notices, 0);
    for a in [
        Action::Tick,
        Action::DbChanged,
        Action::Refresh,
        Action::DayChanged,
    ] {
        step(&mut app, &mut store, a);
    }
    assert_eq!(app.triage.alerts.len(), alerts);
    assert_eq!(app.triage.outbox.len(), notices);
}

/// The demo on the real day (the board rings and notifies only then).
fn real_day_board() -> (Store, App) {
    let today = dutydesk::clock::Clock::system().today().to_string();
    demo::board("dongchang", &today, None, Lang::Zh, 80, 24)
}

#[test]
fn an_urgent_arrival_is_raised_once() {
    let (mut store, mut app) = real_day_board();
    app.triage.outbox.clear();
    import_urgent(&mut store, &app);
    step(&mut app, &mut store, Action::DbChanged);
    assert_eq!(count(&app, Kind::Arrival), 1);
    assert_eq!(app.triage.outbox.len(), 1);
    let n = &app.triage.outbox[0];
    assert!(n.bell && n.desktop);
    assert!(
        n.body.contains("发展和改革局报来特急重要公文《关于防汛"),
        "{n:?}"
    );
    step(&mut app, &mut store, Action::DbChanged);
    step(&mut app, &mut store, Action::Tick);
    assert_eq!(count(&app, Kind::Arrival), 1);
    assert_eq!(app.triage.outbox.len(), 1);
    // The banner shows it until acknowledged in the ! list (after a key has taken the
    // start-up message away).
    step(&mut app, &mut store, Action::Top);
    let text = snap(&app, 80, 24);
    let last = text.lines().last().unwrap();
    assert!(last.starts_with(" !! ["), "{last}");
    assert!(last.contains("发展和改革局报来特急重要公文"), "{last}");
    let open = app.triage.open_alerts().count();
    step(&mut app, &mut store, Action::Events);
    assert!(matches!(app.mode, Mode::Events { .. }));
    let list = snap(&app, 80, 24);
    assert!(list.contains("今日动态 [!]"), "{list}");
    step(&mut app, &mut store, Action::Ack);
    assert_eq!(app.triage.open_alerts().count(), open - 1);
    step(&mut app, &mut store, Action::Bottom);
    step(&mut app, &mut store, Action::Ack);
    assert_eq!(
        app.triage.open_alerts().count(),
        0,
        "all, with an event selected"
    );
    step(&mut app, &mut store, Action::Back);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!snap(&app, 80, 24).contains(" !! ["));
}

#[test]
fn switched_off_or_quiet_alerts() {
    // Arrivals switched off: nothing raised.
    let (mut store, mut app) = demo::dongchang(Lang::Zh, 80, 24);
    app.triage.settings.arrival = false;
    import_urgent(&mut store, &app);
    step(&mut app, &mut store, Action::DbChanged);
    assert_eq!(count(&app, Kind::Arrival), 0);
    // Quiet hours now: raised into the list and banner, but no bell or notification. (The
    // hours around the district's time now: a fixed "00:00-23:59" leaves out the last
    // minute of the day.)
    let (mut store, mut app) = real_day_board();
    app.triage.outbox.clear();
    let now = chrono::Utc::now() + chrono::Duration::hours(8);
    let hm = |t: chrono::DateTime<chrono::Utc>| t.format("%H:%M").to_string();
    app.triage.settings.quiet_hours = Some(format!(
        "{}-{}",
        hm(now - chrono::Duration::hours(1)),
        hm(now + chrono::Duration::hours(1))
    ));
    import_urgent(&mut store, &app);
    step(&mut app, &mut store, Action::DbChanged);
    assert_eq!(count(&app, Kind::Arrival), 1);
    assert!(app.triage.outbox.is_empty());
}

#[test]
fn a_meeting_within_the_hour_is_raised_once() {
    let (_store, mut app) = demo::dongchang(Lang::Zh, 80, 24);
    let at = |t: &str| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M").unwrap();
    let soon = alerts::scan(&app.snap, &[], at("2026-11-20 14:30"), Lang::Zh);
    let meetings: Vec<_> = soon.iter().filter(|a| a.kind == Kind::Meeting).collect();
    assert_eq!(meetings.len(), 1, "{soon:#?}");
    assert!(
        meetings[0]
            .text
            .starts_with("15:00 专题会议《研究重点项目推进")
    );
    let early = alerts::scan(&app.snap, &[], at("2026-11-20 13:30"), Lang::Zh);
    assert!(early.iter().all(|a| a.kind != Kind::Meeting));
    let before = app.triage.alerts.len();
    let now = at("2026-11-20 14:30").time();
    app.triage.raise(meetings[0].clone(), now);
    app.triage.raise(meetings[0].clone(), now);
    assert_eq!(app.triage.alerts.len(), before + 1);
}

#[test]
fn a_document_number_is_cut_in_the_middle() {
    use dutydesk::tui::panes::table::{Cell, Column, TableView};
    use ratatui::widgets::Widget;
    for lang in LANGS {
        let theme = dutydesk::tui::theme::Theme::mono();
        let area = ratatui::layout::Rect::new(0, 0, 60, 3);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        TableView {
            title: " t".into(),
            columns: vec![
                Column::flex(lang.pick("标题", "Title"), 20),
                Column::new(lang.pick("文号", "No."), 12, 1),
            ],
            rows: vec![vec![
                Cell::plain("关于防汛应急物资调拨的请示"),
                Cell::middle("东昌发改呈〔2026〕201号"),
            ]],
            selected: None,
            focused: true,
            empty: String::new(),
            theme: &theme,
        }
        .render(area, &mut buf);
        let text = raw_text(&buf);
        let row = text.lines().nth(2).unwrap();
        assert!(row.ends_with("东昌发…201号"), "{row}");
    }
}

#[test]
fn a_popup_clears_a_wide_character_across_its_border() {
    use dutydesk::tui::panes::form::FormView;
    use ratatui::widgets::Widget;
    for lang in LANGS {
        for (w, h) in SIZES {
            let (mut store, mut app) = demo::dongchang(lang, w, h);
            step(
                &mut app,
                &mut store,
                Action::Item(dutydesk::tui::ItemAction::Urge),
            );
            let Mode::Form(form) = &app.mode else {
                panic!("{:?}", app.message)
            };
            let area = ratatui::layout::Rect::new(0, 0, w, h);
            let mut buf = ratatui::buffer::Buffer::empty(area);
            // Chinese from an odd column: every row has a character across x = 2k.
            for y in 0..h {
                buf.set_string(
                    1,
                    y,
                    "区".repeat(usize::from(w)),
                    ratatui::style::Style::new(),
                );
            }
            FormView {
                form,
                lang,
                theme: &app.theme,
            }
            .render(area, &mut buf);
            let text = raw_text(&buf);
            let top = text.lines().position(|l| l.contains('┌')).unwrap();
            let bottom = text.lines().position(|l| l.contains('└')).unwrap();
            let left = text.lines().nth(top).unwrap().find('┌').unwrap();
            let left_x = dutydesk::text::width(&text.lines().nth(top).unwrap()[..left]);
            for (y, line) in text.lines().enumerate().take(bottom + 1).skip(top + 1) {
                let cells: Vec<&str> = (0..w).map(|x| buf[(x, y as u16)].symbol()).collect();
                let x = left_x;
                assert!(["│", "└"].contains(&cells[x]), "{w}x{h} row {y}: {line}");
                if x > 0 {
                    assert!(dutydesk::text::width(cells[x - 1]) < 2, "{line}");
                }
                assert!(line.contains('│') || line.contains('└'), "{line}");
            }
            insta::assert_snapshot!(
                format!("triage_popup_over_wide_{}_{w}x{h}", lang_name(lang)),
                text
            );
        }
    }
}

#[test]
fn open_an_id_tab_completion_and_readline_keys() {
    let (mut store, mut app) = demo::dongchang(Lang::Zh, 80, 24);
    // :open GW-00014 selects its row.
    step(&mut app, &mut store, Action::StartCommand);
    step(&mut app, &mut store, Action::Insert("open GW-00014".into()));
    step(&mut app, &mut store, Action::Submit);
    let i = app.selected_index(PaneId::Approvals).unwrap();
    assert_eq!(app.snap.approvals.rows[i].ext_id, "GW-00014");
    // # opens the line with "open "; an id that is not on the board opens its detail.
    step(&mut app, &mut store, Action::StartOpenId);
    step(&mut app, &mut store, Action::Insert("GW-00004".into()));
    step(&mut app, &mut store, Action::Submit);
    assert!(matches!(app.mode, Mode::Detail { .. }), "{:?}", app.message);
    step(&mut app, &mut store, Action::Back);
    // Tab completes command words, the Chinese action names too.
    step(&mut app, &mut store, Action::StartCommand);
    step(&mut app, &mut store, Action::Insert("签".into()));
    step(&mut app, &mut store, Action::NextField);
    let Mode::Command(input) = &app.mode else {
        panic!()
    };
    assert_eq!(input.text(), "签批 ");
    // Readline keys: Ctrl-W, Ctrl-U, Ctrl-K.
    step(&mut app, &mut store, Action::DeleteWordBack);
    step(&mut app, &mut store, Action::Insert("go".into()));
    step(&mut app, &mut store, Action::NextField);
    let Mode::Command(input) = &app.mode else {
        panic!()
    };
    assert_eq!(input.text(), "goto ");
    step(&mut app, &mut store, Action::CursorHome);
    step(&mut app, &mut store, Action::KillToEnd);
    let Mode::Command(input) = &app.mode else {
        panic!()
    };
    assert_eq!(input.text(), "");
    // :签批 is the sign action.
    step(&mut app, &mut store, Action::Insert("签批".into()));
    step(&mut app, &mut store, Action::Submit);
    assert!(matches!(app.mode, Mode::Form(_)), "{:?}", app.message);
}

#[test]
fn the_compliance_view_opens_on_its_most_severe_finding() {
    let (mut store, mut app) = demo::dongchang(Lang::Zh, 80, 24);
    step(&mut app, &mut store, Action::FocusPane(PaneId::Compliance));
    step(&mut app, &mut store, Action::Bottom);
    step(&mut app, &mut store, Action::FocusPane(PaneId::Approvals));
    step(&mut app, &mut store, Action::FocusPane(PaneId::Compliance));
    assert_eq!(app.selected_index(PaneId::Compliance), Some(0));
    assert_eq!(app.panes[3].offset, 0);
    let f = app.selected_finding().unwrap();
    assert_eq!(
        f.severity,
        dutydesk::domain::compliance::Severity::Violation
    );
}

#[test]
fn an_unfocused_pane_shows_its_top_rows() {
    let (mut store, mut app) = demo::dongchang(Lang::Zh, 80, 24);
    step(&mut app, &mut store, Action::Bottom);
    step(&mut app, &mut store, Action::FocusPane(PaneId::Supervision));
    let text = snap(&app, 80, 24);
    let first = &app.snap.approvals.rows[0].title;
    assert!(text.contains(&first[..18]), "{text}");
    // The help lists the mouse and how to turn it on.
    step(&mut app, &mut store, Action::Help);
    let mut all = String::new();
    for _ in 0..40 {
        all.push_str(&snap(&app, 80, 24));
        step(&mut app, &mut store, Action::PageDown);
    }
    assert!(all.contains("mouse = true"), "help");
    assert!(all.contains("复2/2 视2"), "help legend");
}
