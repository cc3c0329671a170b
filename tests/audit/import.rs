//! An import's audit trail: one entry per record, chained in memory for the whole file and
//! saved once, must verify like any other log — after a large import into an empty
//! database, after one into a database that already holds rows (updates read the row
//! before), and after an import that failed (nothing of it is left, the head unmoved).

use dutydesk::calendar::Calendar;
use dutydesk::clock::Clock;
use dutydesk::command::{self, Command, ImportMode, ImportSource};
use dutydesk::domain::Env;
use dutydesk::interchange::Format;
use dutydesk::profile::Profile;
use dutydesk::store::Store;
use dutydesk::store::audit::verify;

fn env() -> Env {
    Env::new(
        Profile::builtin("dongchang").unwrap(),
        Calendar::embedded(),
        Clock::pinned(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()),
        "tester",
    )
}

fn training_store(env: &Env) -> Store {
    training(Store::open_in_memory().unwrap(), env)
}

/// `s` made a training database by `init`.
fn training(mut s: Store, env: &Env) -> Store {
    command::perform(
        &mut s,
        env,
        &Command::Init {
            profile: "dongchang".into(),
            pinned_clock: true,
            admins: Vec::new(),
            org: None,
        },
    )
    .unwrap();
    s
}

fn import(s: &mut Store, env: &Env, text: &str) -> dutydesk::Result<u64> {
    let done = command::perform(
        s,
        env,
        &Command::Import {
            source: ImportSource::Text {
                name: "t.jsonl".into(),
                text: text.to_string(),
                format: Format::Jsonl,
            },
            mode: ImportMode::Migration,
        },
    )?;
    match done.detail {
        command::Detail::Imported(sum) => Ok(sum.total()),
        other => panic!("not an import: {other:?}"),
    }
}

fn count(s: &Store, sql: &str) -> i64 {
    s.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

const ORG: &str = r#"{"type":"department","id":"czj","name":"财政局"}
{"type":"department","id":"jyj","name":"教育局"}
{"type":"person","id":"p1","login":"mayor","name":"王建国","role":"区长"}
{"type":"person","id":"p2","login":"depa","name":"张志强","role":"副区长","divisions":["czj"],"partner":"depb"}
{"type":"person","id":"p3","login":"depb","name":"刘晓燕","role":"副区长","divisions":["jyj"],"partner":"depa"}
{"type":"person","id":"p4","login":"office","name":"孙海涛","role":"办公室主任"}
"#;

/// `n` documents and `n` supervision items, some signed, countersigned or closed.
fn items(n: usize, title: &str) -> String {
    let mut out = String::new();
    for i in 0..n {
        let dept = ["czj", "jyj"][i % 2];
        let extra = match i % 3 {
            0 => r#","countersign":["jyj"]"#.to_string(),
            1 => r#","state":"已签批","signed_on":"2026-11-18","signed_by":"mayor""#.to_string(),
            _ => String::new(),
        };
        out.push_str(&format!(
            r#"{{"type":"document","id":"D{i}","title":"{title}{i}","kind":"请示","urgency":"一般","from":"{dept}","received":"2026-11-16"{extra}}}"#
        ));
        out.push('\n');
        let closed = if i % 4 == 0 {
            r#","state":"已销号","closed_on":"2026-11-10","closed_by":"office""#
        } else {
            ""
        };
        out.push_str(&format!(
            r#"{{"type":"supervision","id":"S{i}","title":"{title}{i}","source":"领导批示","lead":"{dept}","assigned":"2026-10-01"{closed}}}"#
        ));
        out.push('\n');
    }
    out
}

#[test]
fn a_large_import_leaves_one_entry_per_record_and_an_intact_chain() {
    let e = env();
    let mut s = training_store(&e);
    let before = count(&s, "SELECT count(*) FROM audit");
    let n = import(&mut s, &e, &format!("{ORG}{}", items(1500, "第"))).unwrap();
    // The partners named ahead of their own line add an entry each when linked.
    let per_record = count(
        &s,
        "SELECT count(*) FROM audit WHERE action = 'import-migration' AND entity <> 'database'
             AND summary NOT LIKE '%: partner %'",
    );
    assert_eq!(per_record, i64::try_from(n).unwrap());
    assert_eq!(
        count(&s, "SELECT count(*) FROM audit"),
        before + per_record + 1 + 1,
        "the records, the partner link, and the import's own entry"
    );
    let v = verify(s.conn()).unwrap();
    assert!(v.ok, "{v:?}");
    assert_eq!(v.rows, count(&s, "SELECT count(*) FROM audit"));
    // Every document's entry carries the row as it was written.
    let mismatched = count(
        &s,
        "SELECT count(*) FROM audit a JOIN documents d ON a.entity = 'document' AND a.entity_id = d.id
         WHERE json_extract(a.after, '$.ext_id') <> d.ext_id OR json_extract(a.after, '$.due') <> d.due
            OR json_extract(a.after, '$.leader_id') IS NOT d.leader_id",
    );
    assert_eq!(mismatched, 0);
}

#[test]
fn a_second_import_updates_with_the_rows_before_and_the_chain_holds() {
    let e = env();
    let mut s = training_store(&e);
    import(&mut s, &e, &format!("{ORG}{}", items(200, "第"))).unwrap();
    let docs = count(&s, "SELECT count(*) FROM documents");
    import(&mut s, &e, &items(200, "更新第")).unwrap();
    assert_eq!(count(&s, "SELECT count(*) FROM documents"), docs);
    let updates = count(
        &s,
        "SELECT count(*) FROM audit WHERE entity = 'document' AND before IS NOT NULL
             AND json_extract(before, '$.title') LIKE '第%'
             AND json_extract(after, '$.title') LIKE '更新第%'",
    );
    assert_eq!(updates, 200);
    let v = verify(s.conn()).unwrap();
    assert!(v.ok, "{v:?}");
}

#[test]
fn a_failed_import_leaves_no_entry_and_the_head_unmoved() {
    let e = env();
    let mut s = training_store(&e);
    import(&mut s, &e, ORG).unwrap();
    let head = |s: &Store| -> (i64, String) {
        s.conn()
            .query_row("SELECT rows, last_hash FROM audit_chain", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap()
    };
    let (rows, hash) = head(&s);
    let docs = count(&s, "SELECT count(*) FROM documents");
    let mut bad = items(300, "第");
    bad.push_str(
        r#"{"type":"document","id":"X","title":"t","kind":"请示","urgency":"一般","from":"nowhere","received":"2026-11-16"}"#,
    );
    let err = import(&mut s, &e, &bad).unwrap_err().to_string();
    assert!(err.contains("t.jsonl:601"), "{err}");
    assert!(err.contains("nowhere"), "{err}");
    assert_eq!(head(&s), (rows, hash));
    assert_eq!(count(&s, "SELECT count(*) FROM documents"), docs);
    assert_eq!(count(&s, "SELECT count(*) FROM audit"), rows);
    let v = verify(s.conn()).unwrap();
    assert!(v.ok, "{v:?}");
}

#[test]
fn the_benchs_floor_copies_each_record_with_its_entry_into_a_training_database() {
    let e = env();
    let mut s = training_store(&e);
    let n = import(&mut s, &e, &format!("{ORG}{}", items(100, "第"))).unwrap();
    let mut floor = training_store(&e);
    let f = command::floor::copy(s.conn(), &mut floor).unwrap();
    // Besides the records': the partner link, and the import's own entry.
    assert_eq!(f.entries, n + 2);
    for t in [
        "documents",
        "countersigns",
        "supervision",
        "people",
        "divisions",
    ] {
        let sql = format!("SELECT count(*) FROM {t}");
        assert_eq!(count(&floor, &sql), count(&s, &sql), "{t}");
    }
    // Only a training database takes rows this way.
    let mut office = Store::open_in_memory().unwrap();
    command::perform(
        &mut office,
        &Env::new(
            Profile::builtin("dongchang").unwrap(),
            Calendar::embedded(),
            Clock::system(),
            "tester",
        ),
        &Command::Init {
            profile: "dongchang".into(),
            pinned_clock: false,
            admins: Vec::new(),
            org: None,
        },
    )
    .unwrap();
    assert!(command::floor::copy(s.conn(), &mut office).is_err());
}

#[test]
fn the_set_based_copy_writes_the_same_rows_as_the_floor() {
    let e = env();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("imported.db");
    let mut s = training(Store::open(&path).unwrap(), &e);
    let n = import(&mut s, &e, &format!("{ORG}{}", items(100, "第"))).unwrap();
    let mut floor = training_store(&e);
    let f = command::floor::copy(s.conn(), &mut floor).unwrap();
    let mut set = training_store(&e);
    let g = command::floor::copy_set_based(&path, &mut set).unwrap();
    assert_eq!((g.rows, g.entries), (f.rows, f.entries));
    assert_eq!(g.entries, n + 2);
    for t in [
        "documents",
        "countersigns",
        "notices",
        "supervision",
        "progress_notes",
        "people",
        "divisions",
        "audit",
    ] {
        let sql = format!("SELECT count(*) FROM {t}");
        assert_eq!(count(&set, &sql), count(&floor, &sql), "{t}");
    }
    // The imported database is detached again.
    let attached: i64 = count(&set, "SELECT count(*) FROM pragma_database_list");
    assert_eq!(attached, 1);
}
