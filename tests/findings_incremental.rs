//! The board's findings, kept per item and recomputed only for the items each command
//! touched (`tui::findings_refresh`), equal a full `compliance::check` after any sequence
//! of commands: random commands (urge, sign, return, extend, progress, close, reopen,
//! re-check, meetings held, moved, cancelled, minutes drafted and issued, documents
//! issued, decisions, leave, printing and publishing, settlement) through
//! `command::perform`, by the office and the leaders, on the demo district under each
//! built-in profile, with a re-read of the board after each one or after a few.

mod rules_fixture;

use chrono::{Days, NaiveDate};
use dutydesk::command::{self, Command, Ref, UrgeRef};
use dutydesk::demo::Options;
use dutydesk::domain::Env;
use dutydesk::domain::compliance::Finding;
use dutydesk::i18n::Lang;
use dutydesk::store::{Store, compliance};
use dutydesk::tui::findings_refresh::{Held, Refreshed};
use dutydesk::tui::{App, keymap::Keymap, theme::Theme};
use rules_fixture::{PROFILES, date, env_on};

/// xorshift64*: a fixed sequence per seed, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Row ids (and a text column) of a query, for picking a target.
fn ids(s: &Store, sql: &str) -> Vec<(i64, String)> {
    let conn = s.conn();
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?)))
        .unwrap()
        .map(|r| {
            let (id, t) = r.unwrap();
            (id, t.unwrap_or_default())
        })
        .collect()
}

/// A random command and the login that performs it, or None when nothing fits.
fn random_command(s: &Store, rng: &mut Rng, today: NaiveDate) -> Option<(Command, String)> {
    let office = "sunht".to_string();
    let pick = |rng: &mut Rng, v: Vec<(i64, String)>| -> Option<(i64, String)> {
        (!v.is_empty()).then(|| v[rng.below(v.len())].clone())
    };
    let pending = || {
        ids(
            s,
            "SELECT d.id, p.login FROM documents d LEFT JOIN people p ON p.id = d.leader_id
             WHERE d.state = '待批'",
        )
    };
    let open_sup = || {
        ids(
            s,
            "SELECT id, deadline FROM supervision WHERE state = '办理中'",
        )
    };
    let closed_sup = || ids(s, "SELECT id, NULL FROM supervision WHERE state = '已销号'");
    let signed = || ids(s, "SELECT id, NULL FROM documents WHERE state = '已签批'");
    let past_mtg = || {
        ids(
            s,
            &format!(
                "SELECT id, NULL FROM meetings WHERE state <> '已取消' AND start_at < '{}'",
                today.succ_opt().unwrap_or(today)
            ),
        )
    };
    let planned = || ids(s, "SELECT id, NULL FROM meetings WHERE state = '待召开'");
    let day = |n: u64| today.checked_add_days(Days::new(n)).unwrap_or(today);
    let cmd = match rng.below(17) {
        0 => {
            let (id, _) = pick(rng, pending())?;
            Command::Urge {
                item: UrgeRef::Document(Ref::Id(id)),
                note: "请抓紧".into(),
            }
        }
        1 => {
            let (id, _) = pick(rng, open_sup())?;
            Command::Urge {
                item: UrgeRef::Supervision(Ref::Id(id)),
                note: "请抓紧".into(),
            }
        }
        2 | 3 => {
            let (id, leader) = pick(rng, pending())?;
            return Some((
                Command::Sign {
                    doc: Ref::Id(id),
                    text: "同意".into(),
                    on_paper: None,
                },
                leader,
            ));
        }
        4 => {
            let (id, leader) = pick(rng, pending())?;
            return Some((
                Command::Return {
                    doc: Ref::Id(id),
                    reason: "材料不全".into(),
                    on_paper: None,
                },
                leader,
            ));
        }
        5 => {
            let (id, _) = pick(rng, open_sup())?;
            Command::Extend {
                sup: Ref::Id(id),
                to: day(40 + rng.below(30) as u64),
                reason: "客观原因".into(),
            }
        }
        6 => {
            let (id, _) = pick(rng, open_sup())?;
            Command::Progress {
                sup: Ref::Id(id),
                note: "已推进".into(),
            }
        }
        7 => {
            let (id, _) = pick(rng, open_sup())?;
            Command::Close {
                sup: Ref::Id(id),
                note: "已办结".into(),
            }
        }
        8 => {
            let (id, _) = pick(rng, closed_sup())?;
            if rng.below(2) == 0 {
                Command::Reopen {
                    sup: Ref::Id(id),
                    reason: "回头看发现问题".into(),
                }
            } else {
                Command::Recheck {
                    sup: Ref::Id(id),
                    on: today,
                }
            }
        }
        9 => {
            let (id, _) = pick(rng, past_mtg())?;
            Command::MeetingHeld {
                meeting: Ref::Id(id),
                at: None,
            }
        }
        10 => {
            let (id, _) = pick(rng, past_mtg())?;
            match rng.below(3) {
                0 => Command::MinutesDrafted {
                    meeting: Ref::Id(id),
                },
                1 => Command::MinutesIssued {
                    meeting: Ref::Id(id),
                    on: None,
                },
                _ => Command::DocumentsIssued {
                    meeting: Ref::Id(id),
                    on: None,
                },
            }
        }
        11 => {
            let (id, _) = pick(rng, past_mtg())?;
            if rng.below(2) == 0 {
                Command::MeetingReported {
                    meeting: Ref::Id(id),
                }
            } else {
                Command::Decide {
                    meeting: Ref::Id(id),
                    title: "落实会议决定".into(),
                    lead: "财政局".into(),
                    co: Vec::new(),
                    deadline: None,
                }
            }
        }
        12 => {
            let (id, _) = pick(rng, planned())?;
            match rng.below(3) {
                0 => Command::MeetingCancel {
                    meeting: Ref::Id(id),
                    reason: "另行安排".into(),
                },
                1 => Command::MeetingMove {
                    meeting: Ref::Id(id),
                    to: day(rng.below(20) as u64).and_hms_opt(9, 0, 0)?,
                },
                _ => {
                    let (_, who) = pick(
                        rng,
                        ids(
                            s,
                            &format!(
                                "SELECT p.id, p.login FROM meeting_members m
                                 JOIN people p ON p.id = m.person_id WHERE m.meeting_id = {id}"
                            ),
                        ),
                    )?;
                    Command::Leave {
                        meeting: Ref::Id(id),
                        person: who,
                        reason: "出差".into(),
                        in_writing: true,
                    }
                }
            }
        }
        13 | 14 => {
            let (id, _) = pick(rng, signed())?;
            if rng.below(2) == 0 {
                Command::Printed { doc: Ref::Id(id) }
            } else {
                Command::Published { doc: Ref::Id(id) }
            }
        }
        15 => {
            let (id, _) = pick(rng, closed_sup())?;
            Command::Rechecked {
                sup: Ref::Id(id),
                note: "已回头看".into(),
            }
        }
        _ => Command::Settle,
    };
    Some((cmd, office))
}

fn board(s: &mut Store, env: &Env) -> App {
    App::new(
        s,
        env.clone(),
        Lang::Zh,
        Keymap::default(),
        Theme::mono(),
        3,
    )
    .unwrap()
}

fn full(s: &mut Store, env: &Env) -> Vec<Finding> {
    s.read(|tx| compliance::check(tx, env)).unwrap()
}

#[test]
fn incremental_findings_equal_a_full_check_after_random_commands() {
    let start = date("2025-04-28");
    let mut performed = 0;
    let mut incremental = 0;
    for (n, profile) in PROFILES.into_iter().enumerate() {
        let mut env = env_on(profile, start, "sunht");
        let mut s = Store::open_in_memory().unwrap();
        command::perform(
            &mut s,
            &env,
            &Command::Demo {
                profile: profile.to_string(),
                opts: Options { size: 1, seed: 1 },
            },
        )
        .unwrap();
        let mut app = board(&mut s, &env);
        assert_eq!(
            app.held.all(),
            shown(full(&mut s, &env), Lang::Zh),
            "{profile} at start"
        );
        let mut held = Held::default();
        held.refresh(&mut s, &env).unwrap();
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (n as u64 + 1));
        for step in 0..70 {
            // Now and then a new day: everything is recomputed.
            if step == 45 {
                env = env_on(profile, start.succ_opt().unwrap(), "sunht");
                app.env = env.clone();
            }
            let burst = 1 + rng.below(3);
            let mut did = Vec::new();
            for _ in 0..burst {
                let Some((cmd, who)) = random_command(&s, &mut rng, env.today()) else {
                    continue;
                };
                let as_who = Env {
                    actor: who,
                    ..env.clone()
                };
                if command::perform(&mut s, &as_who, &cmd).is_ok() {
                    performed += 1;
                    did.push(cmd);
                }
            }
            let want = full(&mut s, &env);
            if let Refreshed::Items(_) = held.refresh(&mut s, &env).unwrap() {
                incremental += 1;
            }
            assert_eq!(held.all(), want, "{profile} step {step} after {did:?}");
            app.reload(&mut s).unwrap();
            let want = shown(want, Lang::Zh);
            assert_eq!(
                app.held.all(),
                want,
                "{profile} step {step}: the board after {did:?}"
            );
            // The panes kept from the last snapshot (their kind did not change) are what
            // a fresh read gives.
            let f = [
                &app.panes[0].filter,
                &app.panes[1].filter,
                &app.panes[2].filter,
                &app.panes[3].filter,
            ];
            let fresh = dutydesk::tui::snapshot::Snapshot::read(&mut s, &env, f).unwrap();
            assert_eq!(
                app.snap.approvals, fresh.approvals,
                "{profile} step {step}: 待批公文 after {did:?}"
            );
            assert_eq!(
                app.snap.supervision, fresh.supervision,
                "{profile} step {step}: 督办 after {did:?}"
            );
            assert_eq!(
                app.snap.meetings, fresh.meetings,
                "{profile} step {step}: 会议 after {did:?}"
            );
            // The view's rows are the first of them, up to its window.
            let rows: Vec<_> = app.snap.findings.rows().cloned().collect();
            assert_eq!(rows, want[..rows.len()], "{profile} step {step}: the view");
            assert_eq!(app.snap.findings.len(), want.len());
        }
    }
    assert!(performed > 150, "only {performed} commands went through");
    assert!(
        incremental > 150,
        "only {incremental} incremental refreshes"
    );
}

#[test]
fn the_first_frame_does_not_wait_for_the_findings() {
    let env = env_on("kongtong", date("2025-04-28"), "sunht");
    let mut s = Store::open_in_memory().unwrap();
    command::perform(
        &mut s,
        &env,
        &Command::Demo {
            profile: "kongtong".into(),
            opts: Options { size: 1, seed: 1 },
        },
    )
    .unwrap();
    let mut app = App::open(
        &mut s,
        env.clone(),
        Lang::En,
        Keymap::default(),
        Theme::mono(),
        3,
    )
    .unwrap();
    assert!(app.snap.findings.pending);
    assert!(!app.snap.approvals.rows.is_empty());
    let area = ratatui::layout::Rect::new(0, 0, 160, 48);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    ratatui::widgets::Widget::render(&app, area, &mut buf);
    let text: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(text.contains("computing…"), "{text}");
    app.complete_findings(&mut s).unwrap();
    assert!(!app.snap.findings.pending);
    assert_eq!(app.held.all(), shown(full(&mut s, &env), Lang::En));
}

/// The findings as a board showing `lang` keeps them: that language's messages only.
fn shown(mut list: Vec<Finding>, lang: Lang) -> Vec<Finding> {
    for f in &mut list {
        dutydesk::tui::findings_index::trim(f, lang);
    }
    list
}
