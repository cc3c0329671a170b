//! Import is a command with rights: the government office or an administrator registers;
//! records carrying a later state (signed, returned, closed, issued) are a migration import
//! for administrators only, audited as such; a record that would move a settled row back
//! is refused with its line; a refused file writes nothing.

#[allow(dead_code)]
#[path = "actions/fixture.rs"]
mod fixture;

use dutydesk::Error;
use dutydesk::command::{self, Command, ImportMode, ImportSource};
use dutydesk::interchange::Format;
use dutydesk::store::Store;
use fixture::{env, store};

fn import(
    s: &mut Store,
    actor: &str,
    text: &str,
    mode: ImportMode,
) -> dutydesk::Result<command::Done> {
    command::perform(
        s,
        &env(actor),
        &Command::Import {
            source: ImportSource::Text {
                name: "intake.jsonl".into(),
                text: text.into(),
                format: Format::Jsonl,
            },
            mode,
        },
    )
}

fn refusal(r: dutydesk::Result<command::Done>) -> String {
    match r {
        Err(Error::Refused { zh, .. }) => zh,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn docs(s: &Store) -> i64 {
    s.conn()
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap()
}

const ARRIVAL: &str = r#"{"type":"document","id":"N1","title":"关于新项目的请示","kind":"请示","urgency":"加急","from":"fgj","received":"2025-03-10"}
"#;

const SIGNED: &str = r#"{"type":"document","id":"N1","title":"关于新项目的请示","kind":"请示","urgency":"加急","from":"fgj","received":"2025-03-10"}
{"type":"document","id":"N2","title":"已签批的请示","kind":"请示","urgency":"一般","from":"fgj","received":"2025-03-03","leader":"mayor","state":"已签批","signed_on":"2025-03-05","signed_by":"mayor","instruction":"同意"}
"#;

#[test]
fn the_office_registers_arrivals_and_nobody_else_does() {
    let mut s = store();
    let before = docs(&s);
    for who in ["sun", "wang", "mayor"] {
        let zh = refusal(import(&mut s, who, ARRIVAL, ImportMode::Ordinary));
        assert!(
            zh.contains("只有区政府办公室或管理员可以导入登记"),
            "{who}: {zh}"
        );
    }
    let zh = refusal(import(&mut s, "ghost", ARRIVAL, ImportMode::Ordinary));
    assert!(zh.contains("ghost"), "{zh}");
    assert_eq!(docs(&s), before);
    let done = import(&mut s, "liu", ARRIVAL, ImportMode::Ordinary).unwrap();
    assert!(done.summary_zh.contains("1 条记录"), "{}", done.summary_zh);
    assert_eq!(docs(&s), before + 1);
    let (action, actor): (String, String) = s
        .conn()
        .query_row(
            "SELECT action, actor FROM audit WHERE entity = 'document' ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((action.as_str(), actor.as_str()), ("import", "liu"));
}

#[test]
fn later_states_are_a_migration_import_for_administrators() {
    let mut s = store();
    let before = docs(&s);
    // The office may not bring in signatures: the line is named, nothing is written.
    let zh = refusal(import(&mut s, "chen", SIGNED, ImportMode::Ordinary));
    assert!(zh.starts_with("intake.jsonl:2："), "{zh}");
    assert!(
        zh.contains("迁移导入") && zh.contains("--migration"),
        "{zh}"
    );
    assert_eq!(docs(&s), before);
    // Nor as a migration: that is for administrators.
    let zh = refusal(import(&mut s, "chen", SIGNED, ImportMode::Migration));
    assert!(zh.contains("只有管理员可以迁移导入"), "{zh}");
    // An administrator account (here the office director's) may.
    s.conn()
        .execute(
            "INSERT INTO admins(account, added_at, added_by) VALUES ('chen', '2025-01-01T00:00:00Z', 'test')",
            [],
        )
        .unwrap();
    import(&mut s, "chen", SIGNED, ImportMode::Migration).unwrap();
    assert_eq!(docs(&s), before + 2);
    let actions: Vec<String> = s
        .conn()
        .prepare("SELECT DISTINCT action FROM audit ORDER BY action")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(actions, ["import-migration"]);
}

#[test]
fn a_record_that_would_move_a_settled_row_back_is_refused() {
    let mut s = store();
    // D3 is signed; S2 is closed.
    let pending_again = r#"{"type":"document","id":"D3","title":"关于教育工作的报告","kind":"报告","urgency":"一般","from":"jyj","received":"2025-03-01","state":"待批"}"#;
    let zh = refusal(import(&mut s, "chen", pending_again, ImportMode::Ordinary));
    assert!(
        zh.contains("intake.jsonl:1") && zh.contains("不能把它改回待批"),
        "{zh}"
    );
    let open_again = r#"{"type":"supervision","id":"S2","title":"整改审计问题","source":"督查发现","lead":"jyj","assigned":"2025-01-01","deadline":"2025-02-28","state":"办理中"}"#;
    let zh = refusal(import(&mut s, "chen", open_again, ImportMode::Ordinary));
    assert!(zh.contains("已销号") && zh.contains("reopen"), "{zh}");
    let state: String = s
        .conn()
        .query_row("SELECT state FROM documents WHERE id = 3", [], |r| r.get(0))
        .unwrap();
    assert_eq!(state, "已签批");
}
