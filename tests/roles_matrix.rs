//! The role matrix against the code: every role × every command asked through the core
//! (`command::precheck`, the same checks `perform` makes) on the test district, with the
//! answer the matrix gives; and docs/roles.md is the matrix as printed.
//! Run with `UPDATE_ROLES_DOC=1` to rewrite docs/roles.md after changing the matrix.

#[allow(dead_code)]
#[path = "actions/fixture.rs"]
mod fixture;

use dutydesk::command::{
    self, Command, HandoverSaved, ImportMode, ImportSource, Incoming, LogEntry, OnPaper, Ref,
    RotaDay, ToDocument, ToSupervision, UrgeRef,
};
use dutydesk::domain::Role;
use dutydesk::domain::roles::{self, Act, Grant, MATRIX};
use dutydesk::i18n::Lang;
use dutydesk::interchange::Format;
use fixture::{date, env, store};

/// One person of each role in the test district, with what they are to the items below:
/// D2 is routed to the 区长, M1 is chaired by the 区长, S1 is led by 孙局长's department.
const PEOPLE: [(&str, Role); 6] = [
    ("mayor", Role::Mayor),
    ("exec", Role::ExecutiveDeputy),
    ("wang", Role::DeputyMayor),
    ("chen", Role::OfficeDirector),
    ("liu", Role::DutyOfficer),
    ("sun", Role::DeptHead),
];

/// The command for an act, on the items above.
fn command_for(act: Act) -> Command {
    let paper = || OnPaper {
        leader: "mayor".into(),
        on: date("2025-03-07"),
    };
    let text = |t: &str| ImportSource::Text {
        name: "t.jsonl".into(),
        text: t.into(),
        format: Format::Jsonl,
    };
    match act {
        Act::Sign => Command::Sign {
            doc: Ref::from("D2"),
            text: String::new(),
            on_paper: None,
        },
        Act::SignOnPaper => Command::Sign {
            doc: Ref::from("D2"),
            text: String::new(),
            on_paper: Some(paper()),
        },
        Act::Return => Command::Return {
            doc: Ref::from("D2"),
            reason: String::new(),
            on_paper: None,
        },
        Act::ReturnOnPaper => Command::Return {
            doc: Ref::from("D2"),
            reason: String::new(),
            on_paper: Some(paper()),
        },
        Act::Forward => Command::Forward {
            doc: Ref::from("D2"),
            to: String::new(),
            note: String::new(),
        },
        Act::Urge => Command::Urge {
            item: UrgeRef::Either("D2".into()),
            note: String::new(),
        },
        Act::Extend => Command::Extend {
            sup: Ref::from("S1"),
            to: date("2025-04-30"),
            reason: String::new(),
        },
        Act::Progress => Command::Progress {
            sup: Ref::from("S1"),
            note: String::new(),
        },
        Act::Close => Command::Close {
            sup: Ref::from("S1"),
            note: String::new(),
        },
        Act::Reopen => Command::Reopen {
            sup: Ref::from("S1"),
            reason: String::new(),
        },
        Act::Recheck => Command::Recheck {
            sup: Ref::from("S1"),
            on: date("2025-06-30"),
        },
        Act::AddTopic => Command::AddTopic {
            meeting: Ref::from("M1"),
            title: String::new(),
            dept: None,
        },
        Act::ApproveTopic => Command::ApproveTopic { topic: 1 },
        Act::MaterialsIn => Command::MaterialsIn { topic: 1 },
        Act::Leave => Command::Leave {
            meeting: Ref::from("M1"),
            person: String::new(),
            reason: String::new(),
            in_writing: false,
        },
        Act::MinutesIssued => Command::MinutesIssued {
            meeting: Ref::from("M1"),
            on: None,
        },
        Act::MinutesDrafted => Command::MinutesDrafted {
            meeting: Ref::from("M1"),
        },
        Act::MeetingReported => Command::MeetingReported {
            meeting: Ref::from("M1"),
        },
        Act::DocumentsIssued => Command::DocumentsIssued {
            meeting: Ref::from("M1"),
            on: None,
        },
        Act::Printed => Command::Printed {
            doc: Ref::from("D3"),
        },
        Act::Published => Command::Published {
            doc: Ref::from("D3"),
        },
        Act::Decide => Command::Decide {
            meeting: Ref::from("M3"),
            title: String::new(),
            lead: String::new(),
            co: Vec::new(),
            deadline: None,
        },
        Act::Step => Command::Step {
            project: Ref::from("P1"),
            step: 1,
        },
        Act::Rechecked => Command::Rechecked {
            sup: Ref::from("S2"),
            note: String::new(),
        },
        Act::Receive => Command::Receive(Box::new(Incoming::new(
            "关于春耕备耕工作的请示",
            dutydesk::domain::DocKind::Request,
            dutydesk::domain::Urgency::Normal,
        ))),
        Act::MeetingHeld => Command::MeetingHeld {
            meeting: Ref::from("M1"),
            at: None,
        },
        Act::MeetingCancel => Command::MeetingCancel {
            meeting: Ref::from("M1"),
            reason: "x".into(),
        },
        Act::MeetingMove => Command::MeetingMove {
            meeting: Ref::from("M1"),
            to: date("2025-03-20").and_hms_opt(9, 0, 0).unwrap(),
        },
        Act::Import => Command::Import {
            source: text(""),
            mode: ImportMode::Ordinary,
        },
        Act::MigrationImport => Command::Import {
            source: text(""),
            mode: ImportMode::Migration,
        },
        Act::CalendarImport => Command::CalendarImport {
            schedule: dutydesk::calendar::Calendar::embedded()
                .schedule(2025)
                .unwrap()
                .clone(),
            source: "2025.json".into(),
        },
        Act::Settle => Command::Settle,
        Act::AddAdmin => Command::AddAdmin {
            account: "x".into(),
        },
        Act::LogAdd => Command::LogAdd(LogEntry {
            received_at: None,
            category: dutydesk::domain::duty::LogCategory::Call,
            from: String::new(),
            phone: String::new(),
            summary: String::new(),
            urgency: dutydesk::domain::Urgency::Normal,
            informed: String::new(),
            follow_up: String::new(),
        }),
        Act::LogReport => Command::LogReport {
            entry: Ref::from("ZB-1"),
            to: String::new(),
            at: None,
        },
        Act::LogToDocument => Command::LogToDocument {
            entry: Ref::from("ZB-1"),
            doc: ToDocument {
                title: String::new(),
                kind: dutydesk::domain::DocKind::Request,
                from: None,
            },
        },
        Act::LogToSupervision => Command::LogToSupervision {
            entry: Ref::from("ZB-1"),
            sup: ToSupervision {
                title: String::new(),
                lead: String::new(),
                source: dutydesk::domain::SupSource::LeaderInstruction,
                deadline: None,
            },
        },
        Act::Handover => Command::Handover(HandoverSaved {
            shift_date: date("2025-03-07"),
            since: date("2025-03-06").and_hms_opt(8, 30, 0).unwrap(),
            until: date("2025-03-07").and_hms_opt(8, 30, 0).unwrap(),
            path: String::new(),
            sha256: String::new(),
        }),
        Act::HandoverConfirm => Command::HandoverConfirm { handover: None },
        Act::RotaSet => Command::RotaSet(RotaDay {
            day: date("2025-03-10"),
            officer: None,
            leader: None,
        }),
        Act::RotaImport => Command::RotaImport {
            days: Vec::new(),
            source: "rota.csv".into(),
        },
        Act::ChangeProfile => Command::ChangeProfile {
            profile: "huancui".into(),
        },
    }
}

/// Whether `login` stands in the relation a conditional grant asks for, on the items above.
fn related(login: &str, grant: Grant) -> bool {
    match grant {
        Grant::Yes => true,
        Grant::No => false,
        // D2 is routed to the 区长; M1 is chaired by the 区长.
        Grant::Routed | Grant::Chair => login == "mayor",
        // S1 is led by 孙局长's department.
        Grant::Concerned => login == "sun",
        // A leave request is for whoever it names; before the form is filled the board
        // offers it to anyone who may ask leave for themself.
        Grant::Own => true,
    }
}

#[test]
fn every_role_and_every_command_as_the_matrix_says() {
    let mut s = store();
    s.conn()
        .execute_batch(
            "INSERT INTO investment_projects(id, ext_id, title, amount_wan, received, updated_at)
               VALUES (1, 'P1', '项目', 100, '2025-03-03', '2025-03-03 09:00:00');",
        )
        .unwrap();
    let mut checked = 0;
    for row in MATRIX {
        for (login, role) in PEOPLE {
            let grant = roles::grant(Some(role), row.act);
            let expected = related(login, grant);
            let got = command::precheck(&mut s, &env(login), &command_for(row.act));
            match (&got, expected) {
                (Ok(()), true) => {}
                (Err(dutydesk::Error::Refused { zh, .. }), false) => {
                    assert!(
                        zh.contains(row.who_zh),
                        "{login} {:?}: the refusal should say who may: {zh}",
                        row.act
                    );
                }
                (other, _) => panic!(
                    "{login} ({role:?}) {:?}: expected allowed={expected}, got {other:?}",
                    row.act
                ),
            }
            checked += 1;
        }
    }
    assert_eq!(checked, MATRIX.len() * PEOPLE.len());
}

#[test]
fn every_command_has_a_row() {
    // An exhaustive match: a new Act that is not in the matrix fails to compile here,
    // and one without a row fails below.
    let all = |a: Act| match a {
        Act::Sign
        | Act::SignOnPaper
        | Act::Return
        | Act::ReturnOnPaper
        | Act::Forward
        | Act::Urge
        | Act::Extend
        | Act::Progress
        | Act::Close
        | Act::Reopen
        | Act::Recheck
        | Act::AddTopic
        | Act::ApproveTopic
        | Act::MaterialsIn
        | Act::Leave
        | Act::MinutesIssued
        | Act::MinutesDrafted
        | Act::MeetingReported
        | Act::DocumentsIssued
        | Act::Printed
        | Act::Published
        | Act::Decide
        | Act::Step
        | Act::Rechecked
        | Act::Import
        | Act::MigrationImport
        | Act::CalendarImport
        | Act::Settle
        | Act::AddAdmin
        | Act::LogAdd
        | Act::LogReport
        | Act::LogToDocument
        | Act::LogToSupervision
        | Act::Handover
        | Act::HandoverConfirm
        | Act::RotaSet
        | Act::RotaImport
        | Act::Receive
        | Act::MeetingHeld
        | Act::MeetingCancel
        | Act::MeetingMove
        | Act::ChangeProfile => a,
    };
    for r in MATRIX {
        assert_eq!(all(r.act), r.act);
    }
    assert_eq!(MATRIX.len(), 42, "every Act has exactly one row");
}

fn render() -> String {
    format!(
        "# Who may do what (the role matrix)\n\n\
         Generated from `src/domain/roles/mod.rs` by `tests/roles_matrix.rs` \
         (`UPDATE_ROLES_DOC=1 cargo test --test roles_matrix` rewrites it). The core asks \
         this table before every write (`command::perform`), the board asks it before it \
         opens a form, and the status line offers only what it allows.\n\n\
         - **Routed**: only the leader the document is routed to, or whoever stands in for \
         them that day (the district's stand-in rule, e.g. the A/B partner).\n\
         - **Chair**: only the meeting's chair. **Concerned**: only the head of the lead or a \
         co-department. **Own**: only for themself.\n\
         - **Administrator**: an operating-system account listed in the database's \
         administrators (`init` adds the account that runs it; `dutydesk admin add`). \
         Administrators may also act as another person (`--as`), which demo and training \
         databases (`init --pinned-clock`) allow to anyone.\n\
         - An account that is not on the staff list gets a read-only board; its writes are \
         refused with the login and how an administrator adds it.\n\
         - A refusal cites the district's article where the rule in the last column says so \
         (e.g. 华容 六十四 for close-out by the office).\n\n\
         ## English\n\n{}\n## 中文\n\n{}",
        roles::markdown(Lang::En),
        roles::markdown(Lang::Zh)
    )
}

#[test]
fn roles_doc_is_the_matrix() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/roles.md");
    let want = render();
    let have = std::fs::read_to_string(path).unwrap_or_default();
    if have != want {
        if std::env::var_os("UPDATE_ROLES_DOC").is_some() {
            std::fs::write(path, &want).unwrap();
        } else {
            panic!("docs/roles.md is out of date with the matrix: rerun with UPDATE_ROLES_DOC=1");
        }
    }
}
