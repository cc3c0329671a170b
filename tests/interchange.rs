//! The interchange format through the library: every record type round-trips, importing
//! twice updates in place, a bad line names its line and field and writes nothing, CSV and
//! JSON Lines give the same database, and documents are routed and given their deadlines
//! at registration.

use chrono::NaiveDate;
use dutydesk::calendar::Calendar;
use dutydesk::clock::Clock;
use dutydesk::command::{self, Command, ImportMode, ImportSource};
use dutydesk::domain::Env;
use dutydesk::interchange::{self, Format, ImportSummary, Record};
use dutydesk::profile::Profile;
use dutydesk::store::Store;

const TODAY: (i32, u32, u32) = (2026, 11, 20);

fn env(profile: &str) -> Env {
    let (y, m, d) = TODAY;
    Env::new(
        Profile::builtin(profile).unwrap(),
        Calendar::embedded(),
        Clock::pinned(NaiveDate::from_ymd_opt(y, m, d).unwrap()),
        "tester",
    )
}

/// A training database for `profile`, the test account its administrator.
fn store(profile: &str) -> Store {
    let mut s = Store::open_in_memory().unwrap();
    command::perform(
        &mut s,
        &env(profile),
        &Command::Init {
            profile: profile.to_string(),
            pinned_clock: true,
            admins: Vec::new(),
            org: None,
        },
    )
    .unwrap();
    s
}

/// An import by the administrator: a migration import, since the records carry states.
fn import(s: &mut Store, env: &Env, text: &str, f: Format) -> dutydesk::Result<ImportSummary> {
    import_named(s, env, text, f, "t.jsonl")
}

fn import_named(
    s: &mut Store,
    env: &Env,
    text: &str,
    f: Format,
    name: &str,
) -> dutydesk::Result<ImportSummary> {
    let done = command::perform(
        s,
        env,
        &Command::Import {
            source: ImportSource::Text {
                name: name.to_string(),
                text: text.to_string(),
                format: f,
            },
            mode: ImportMode::Migration,
        },
    )?;
    match done.detail {
        command::Detail::Imported(sum) => Ok(sum),
        other => panic!("not an import: {other:?}"),
    }
}

/// The demo district in a fresh database.
fn demo(e: &Env, seed: u64) -> Store {
    let mut s = Store::open_in_memory().unwrap();
    command::perform(
        &mut s,
        e,
        &Command::Demo {
            profile: "dongchang".into(),
            opts: dutydesk::demo::Options { size: 1, seed },
        },
    )
    .unwrap();
    s
}

fn export(s: &mut Store, f: Format) -> String {
    let mut out = Vec::new();
    s.read(|tx| interchange::export(tx, f, &mut out)).unwrap();
    String::from_utf8(out).unwrap()
}

/// Row counts of every table, the audit log last.
fn counts(s: &Store) -> Vec<i64> {
    [
        "departments",
        "people",
        "divisions",
        "absences",
        "duty_rota",
        "documents",
        "countersigns",
        "meetings",
        "meeting_members",
        "topics",
        "leave_requests",
        "supervision",
        "supervision_co",
        "extensions",
        "progress_notes",
        "notices",
        "audit",
    ]
    .iter()
    .map(|t| {
        s.conn()
            .query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    })
    .collect()
}

fn one<T: rusqlite::types::FromSql>(s: &Store, sql: &str) -> T {
    s.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

const ORG: &str = r#"# a small district
{"type":"department","id":"fgj","name":"发展和改革局"}
{"type":"department","id":"czj","name":"财政局"}
{"type":"department","id":"jyj","name":"教育局"}
{"type":"department","id":"hk","name":"河口镇","kind":"镇街"}

{"type":"person","id":"p1","login":"mayor","name":"王建国","role":"区长"}
{"type":"person","id":"p2","login":"exec","name":"李明华","role":"常务副区长","divisions":["fgj","czj"]}
{"type":"person","id":"p3","login":"depa","name":"张志强","role":"副区长","divisions":["czj","jyj"],"partner":"depb"}
{"type":"person","id":"p4","login":"depb","name":"刘晓燕","role":"副区长","divisions":[],"partner":"depa"}
{"type":"person","id":"p5","login":"office","name":"孙海涛","role":"办公室主任"}
{"type":"person","id":"p6","login":"duty1","name":"周静","role":"值班员"}
{"type":"person","id":"p7","login":"headf","name":"许文博","role":"部门负责人","dept":"fgj"}
"#;

const ITEMS: &str = r#"{"type":"absence","id":"a1","login":"depa","start":"2026-11-19","end":"2026-11-21","reason":"培训","reported_on":"2026-11-10"}
{"type":"duty","date":"2026-11-20","officer":"duty1","leader":"exec"}
{"type":"meeting","id":"m1","title":"区政府第十次常务会议","kind":"常务会议","start":"2026-11-10T09:00","place":"第一会议室","chair":"mayor","members":["mayor","exec","depa"],"docs_owed":2,"major_revisions":true,"topics":[{"title":"研究预算","dept":"czj","materials_on":"2026-11-06","approved":true},{"title":"研究学校","dept":"jyj","materials_on":null,"approved":false}],"leave":[{"login":"depa","requested_on":"2026-11-09","reason":"出差","in_writing":true,"to":"mayor"}],"state":"已召开","minutes_issued_on":"2026-11-12"}
{"type":"document","id":"g1","title":"关于申请资金的请示","kind":"请示","urgency":"加急","from":"fgj","received":"2026-11-16","doc_no":"发改呈〔2026〕1号","secrecy":"内部","matters":1,"countersign":["jyj",{"dept":"czj","requested":"2026-11-17","answer":"同意","answered_on":"2026-11-18","note":"无意见"}]}
{"type":"document","id":"g2","title":"关于工作情况的报告","kind":"报告","urgency":"一般","from":"hk","received":"2026-11-02","carries_request":true,"state":"已签批","signed_on":"2026-11-05","signed_by":"mayor","instruction":"同意"}
{"type":"document","id":"g3","title":"关于转发市政府通知的函","kind":"函","urgency":"一般","received":"2026-11-18"}
{"type":"meeting","id":"m2","title":"全区安全生产工作会议","kind":"全区性会议","start":"2026-11-27 14:30","requested_on":"2026-11-12"}
{"type":"supervision","id":"s1","title":"推进重点项目","source":"会议决定","lead":"fgj","co":["czj","jyj"],"assigned":"2026-10-01","deadline":"2026-11-13","feedback":"每周","meeting":"m1","progress":[{"on":"2026-10-20","note":"已启动","by":"headf"}],"extensions":[{"old":"2026-11-13","new":"2026-11-27","reason":"需协调","by":"office","at":"2026-11-12 10:00:00"}],"notices":[{"at":"2026-11-16 09:00:00","by":"duty1","note":"请反馈"}],"urged_count":1,"last_urged_at":"2026-11-16 09:00:00"}
{"type":"supervision","id":"s2","title":"办理人大建议","source":"人大建议","lead":"jyj","assigned":"2026-09-01"}
{"type":"supervision","id":"s3","title":"整改审计问题","source":"督查发现","lead":"czj","assigned":"2026-08-01","deadline":"2026-09-30","state":"已销号","closed_on":"2026-09-28","closed_by":"office","recheck_on":"2026-12-01"}
{"type":"investment","id":"i1","title":"城区道路改造","dept":"fgj","amount_wan":3000.5,"received":"2026-11-02","steps_done":[1,2]}
{"type":"fund","id":"f1","title":"专项资金申请","dept":"jyj","amount_wan":80,"papers_complete_on":"2026-11-16"}
"#;

fn loaded(profile: &str) -> (Store, Env) {
    let mut s = store(profile);
    let e = env(profile);
    import(&mut s, &e, &format!("{ORG}{ITEMS}"), Format::Jsonl).unwrap();
    (s, e)
}

#[test]
fn every_record_type_round_trips() {
    let (mut s, e) = loaded("dongchang");
    let first = export(&mut s, Format::Jsonl);
    for ty in interchange::record::TYPES {
        assert!(
            first.contains(&format!("{{\"type\":\"{ty}\"")),
            "{ty} missing:\n{first}"
        );
    }
    let mut again = store("dongchang");
    import(&mut again, &e, &first, Format::Jsonl).unwrap();
    assert_eq!(counts(&again)[..16], counts(&s)[..16]);
    assert_eq!(
        export(&mut again, Format::Jsonl),
        first,
        "second export differs"
    );
    // The serde form of a record and the field reader agree on every exported line.
    for line in first.lines() {
        let by_serde: Record = serde_json::from_str(line).unwrap();
        let map = serde_json::from_str(line).unwrap();
        let by_reader = interchange::read::record(map, false).unwrap();
        assert_eq!(by_serde, by_reader, "{line}");
    }
    // Details that must survive: an answered countersign, an extension, the topics.
    assert!(first.contains(r#""answer":"同意""#), "{first}");
    assert!(first.contains(r#""extensions":[{"old":"2026-11-13","new":"2026-11-27""#));
    assert!(first.contains(r#""materials_on":null"#));
    // No sending department: routed to the 区长; no chair on record.
    assert!(first.contains(r#""id":"g3","title":"关于转发市政府通知的函","kind":"函","urgency":"一般","received":"2026-11-18","leader":"mayor","route":"none""#), "{first}");
    assert!(first.contains(r#""id":"m2","title":"全区安全生产工作会议","kind":"全区性会议","start":"2026-11-27T14:30","state":"待召开""#), "{first}");
}

#[test]
fn importing_twice_updates_in_place() {
    let (mut s, e) = loaded("dongchang");
    let before = counts(&s);
    let again = import(&mut s, &e, &format!("{ORG}{ITEMS}"), Format::Jsonl).unwrap();
    let after = counts(&s);
    assert_eq!(after[..16], before[..16], "row counts changed");
    assert!(again.counts.iter().all(|c| c.inserted == 0), "{again:?}");
    assert_eq!(again.get("document").updated, 3);
    assert_eq!(again.get("person").updated, 7);
    // One audit entry per record written, and one for the import itself.
    assert_eq!(after[16] - before[16], again.total() as i64 + 1);
    let (action, before_json): (String, Option<String>) = s
        .conn()
        .query_row(
            "SELECT action, before FROM audit WHERE entity = 'document' ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    // The records carry later states (signed, held): a migration import, audited as such.
    assert_eq!(action, "import-migration");
    assert!(before_json.unwrap().contains("\"ext_id\":\"g3\""));
}

#[test]
fn left_out_fields_keep_what_the_board_did() {
    let (mut s, e) = loaded("dongchang");
    s.conn()
        .execute(
            "UPDATE documents SET state = '已签批', signed_on = '2026-11-20' WHERE ext_id = 'g1'",
            [],
        )
        .unwrap();
    let line = r#"{"type":"document","id":"g1","title":"关于申请资金的请示（修改）","kind":"请示","urgency":"加急","from":"fgj","received":"2026-11-16"}"#;
    import(&mut s, &e, line, Format::Jsonl).unwrap();
    let (title, state, n): (String, String, i64) = s
        .conn()
        .query_row(
            "SELECT title, state, (SELECT COUNT(*) FROM countersigns c WHERE c.document_id = d.id)
             FROM documents d WHERE ext_id = 'g1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(title, "关于申请资金的请示（修改）");
    assert_eq!(state, "已签批", "a left-out state keeps the stored one");
    assert_eq!(n, 2, "a left-out list keeps its rows");
    let line = r#"{"type":"document","id":"g1","title":"t","kind":"请示","urgency":"加急","from":"fgj","received":"2026-11-16","countersign":[]}"#;
    import(&mut s, &e, line, Format::Jsonl).unwrap();
    assert_eq!(
        one::<i64>(
            &s,
            "SELECT COUNT(*) FROM countersigns c JOIN documents d ON d.id = c.document_id WHERE d.ext_id = 'g1'"
        ),
        0
    );
}

/// Imports `bad` after the good records and checks the error and that nothing changed.
fn rejects(bad: &str, line: usize, field: &str, says: &str) {
    let (mut s, e) = loaded("dongchang");
    let before = counts(&s);
    let mut text = String::new();
    // Distinct ids: an id given twice in one file is itself an error.
    for i in 1..line {
        text.push_str(&format!(
            r#"{{"type":"department","id":"new{i}","name":"新部门{i}"}}"#
        ));
        text.push('\n');
    }
    text.push_str(bad);
    text.push('\n');
    let err = import(&mut s, &e, &text, Format::Jsonl)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with(&format!("t.jsonl:{line}: ")), "{err}");
    assert!(err.contains(&format!("field '{field}'")), "{err}");
    assert!(err.contains(says), "{err}");
    assert_eq!(counts(&s), before, "something was written: {err}");
}

#[test]
fn bad_lines_name_line_and_field_and_write_nothing() {
    rejects(
        r#"{"type":"memo","id":"x"}"#,
        3,
        "type",
        "'memo' is not one of department|person",
    );
    rejects(
        r#"{"type":"department","id":"x","name":"n","colour":"red"}"#,
        2,
        "colour",
        "not a field of a department",
    );
    rejects(
        r#"{"type":"document","id":"x","title":"t","kind":"请示","urgency":"紧急","from":"fgj","received":"2026-11-16"}"#,
        17,
        "urgency",
        "'紧急' is not one of 一般|加急|特急|特急重要",
    );
    rejects(
        r#"{"type":"document","id":"x","title":"t","kind":"请示","urgency":"一般","from":"fgj","received":"2026-11-31"}"#,
        1,
        "received",
        "'2026-11-31' is not a date",
    );
    rejects(
        r#"{"type":"document","id":"x","title":"t","kind":"请示","urgency":"一般","from":"nowhere","received":"2026-11-16"}"#,
        4,
        "from",
        "no department 'nowhere'",
    );
    rejects(
        r#"{"type":"meeting","id":"x","title":"t","kind":"常务会议","start":"2026-11-25T09:00","chair":"mayor","members":["mayor","ghost"]}"#,
        2,
        "members[1]",
        "no person with login 'ghost'",
    );
    rejects(
        r#"{"type":"person","id":"x","login":"x","name":"某","role":"副区长","partner":"ghost"}"#,
        2,
        "partner",
        "no person with login 'ghost'",
    );
    rejects(
        r#"{"type":"document","id":"x","title":"t","kind":"请示","urgency":"一般","from":"fgj","received":"2026-11-16","leader":"office"}"#,
        1,
        "leader",
        "not a district leader",
    );
    rejects(r#"{"type":"department","name":"n"}"#, 1, "id", "missing");
    rejects(
        r#"{"type":"meeting","id":"x","title":"t","kind":"常务会议","start":"2026-11-25T09:00","chair":"mayor","topics":[{"title":"a","dept":"fgj","approved":"yes"}]}"#,
        1,
        "topics[0].approved",
        "expected true or false",
    );
}

#[test]
fn a_line_that_is_not_json_names_its_line() {
    let mut s = store("dongchang");
    let e = env("dongchang");
    let err = import(
        &mut s,
        &e,
        "{\"type\":\"department\",\"id\":\"a\",\"name\":\"b\"}\n{oops\n",
        Format::Jsonl,
    )
    .unwrap_err()
    .to_string();
    assert!(err.starts_with("t.jsonl:2: not a JSON object"), "{err}");
    assert_eq!(one::<i64>(&s, "SELECT COUNT(*) FROM departments"), 0);
}

const CSV: &str = "# the same district as ORG, as one CSV with the union of the columns
type,id,name,kind,login,role,divisions,partner,dept
department,fgj,发展和改革局,,,,,,
department,czj,财政局,,,,,,
department,jyj,教育局,,,,,,
department,hk,河口镇,镇街,,,,,

person,p1,王建国,,mayor,区长,,,
person,p2,李明华,,exec,常务副区长,fgj;czj,,
person,p3,张志强,,depa,副区长,czj;jyj,depb,
person,p4,刘晓燕,,depb,副区长,,depa,
person,p5,孙海涛,,office,办公室主任,,,
person,p6,周静,,duty1,值班员,,,
person,p7,许文博,,headf,部门负责人,,,fgj
";

#[test]
fn csv_and_json_lines_give_the_same_database() {
    let e = env("dongchang");
    let mut a = store("dongchang");
    import(&mut a, &e, ORG, Format::Jsonl).unwrap();
    let mut b = store("dongchang");
    // The items as CSV sections, one header per type, from an export.
    let mut items = store("dongchang");
    import(&mut items, &e, &format!("{ORG}{ITEMS}"), Format::Jsonl).unwrap();
    let csv = export(&mut items, Format::Csv);
    let items_csv: String = csv
        .split_inclusive('\n')
        .skip_while(|l| !l.starts_with("type,id,login,start"))
        .collect();
    import(&mut b, &e, CSV, Format::Csv).unwrap();
    import(&mut b, &e, &items_csv, Format::Csv).unwrap();
    import(&mut a, &e, ITEMS, Format::Jsonl).unwrap();
    assert_eq!(
        stamped_anytime(&export(&mut a, Format::Jsonl)),
        stamped_anytime(&export(&mut b, Format::Jsonl))
    );
    assert_eq!(counts(&a)[..16], counts(&b)[..16]);
}

/// An export with the time of day of the import's own stamps (the pinned day, at the
/// real clock's time) blanked: the two imports compared may fall in different seconds.
fn stamped_anytime(export: &str) -> String {
    let day = "2026-11-20 ";
    let mut out = String::with_capacity(export.len());
    let mut rest = export;
    while let Some(i) = rest.find(day) {
        let (head, tail) = rest.split_at(i + day.len());
        out.push_str(head);
        match tail.get(..8) {
            Some(t) if t.as_bytes()[2] == b':' && t.as_bytes()[5] == b':' => {
                out.push_str("hh:mm:ss");
                rest = &tail[8..];
            }
            _ => rest = tail,
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn csv_errors_name_line_and_field() {
    let mut s = store("dongchang");
    let e = env("dongchang");
    let text = "type,id,name,kind\ndepartment,a,甲,\n\ndepartment,b,乙,区县\n";
    let err = import(&mut s, &e, text, Format::Csv)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("t.jsonl:4: field 'kind': '区县' is not one of 部门|镇街"),
        "{err}"
    );
    // Comment lines, blank lines and a cell spanning lines all count as lines.
    let text = "# org\ntype,id,name,kind\n# note\ndepartment,a,\"甲\n(二行)\",\n\n\ndepartment,b,乙,区县\n";
    let err = import(&mut s, &e, text, Format::Csv)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("t.jsonl:8: field 'kind'"), "{err}");
    let err = import(&mut s, &e, "department,a,甲\n", Format::Csv)
        .unwrap_err()
        .to_string();
    assert!(err.contains("header whose first column is 'type'"), "{err}");
    let err = import(&mut s, &e, "type,id,name,colour\n", Format::Csv)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("'colour' is not a field of any record type"),
        "{err}"
    );
    assert_eq!(one::<i64>(&s, "SELECT COUNT(*) FROM departments"), 0);
    // A spreadsheet's byte-order mark and trailing empty columns are fine.
    import(
        &mut s,
        &e,
        "\u{feff}type,id,name,,\r\ndepartment,a,甲,,\r\n",
        Format::Csv,
    )
    .unwrap();
    assert_eq!(
        one::<String>(&s, "SELECT name FROM departments WHERE ext_id = 'a'"),
        "甲"
    );
    let err = import(
        &mut s,
        &e,
        "type,id,name\r\n\r\ndepartment,b,乙,多余\r\n",
        Format::Csv,
    )
    .unwrap_err()
    .to_string();
    assert_eq!(err, "t.jsonl:3: 4 cells but the header has 3 columns");
}

fn routed(s: &Store, doc: &str) -> (String, String) {
    s.conn()
        .query_row(
            "SELECT p.login, d.route FROM documents d JOIN people p ON p.id = d.leader_id WHERE d.ext_id = ?1",
            [doc],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

const ROUTING: &str = r#"{"type":"document","id":"r-one","title":"t","kind":"请示","urgency":"一般","from":"jyj","received":"2026-11-16"}
{"type":"document","id":"r-multi","title":"t","kind":"请示","urgency":"一般","from":"czj","received":"2026-11-16"}
{"type":"document","id":"r-none","title":"t","kind":"请示","urgency":"一般","from":"hk","received":"2026-11-16"}
{"type":"document","id":"r-major","title":"t","kind":"请示","urgency":"一般","from":"jyj","received":"2026-11-16","major":true}
{"type":"document","id":"r-explicit","title":"t","kind":"请示","urgency":"一般","from":"jyj","received":"2026-11-16","leader":"depb"}
"#;

#[test]
fn documents_are_routed_by_division_of_work() {
    for (profile, multi) in [("dongchang", "mayor"), ("huancui", "exec")] {
        let (mut s, e) = loaded(profile);
        import(&mut s, &e, ROUTING, Format::Jsonl).unwrap();
        assert_eq!(routed(&s, "r-one"), ("depa".into(), "division".into()));
        assert_eq!(
            routed(&s, "r-multi"),
            (multi.into(), "multi".into()),
            "{profile}"
        );
        assert_eq!(routed(&s, "r-none"), ("mayor".into(), "none".into()));
        assert_eq!(routed(&s, "r-major"), ("mayor".into(), "major".into()));
        assert_eq!(routed(&s, "r-explicit"), ("depb".into(), "explicit".into()));
    }
}

#[test]
fn deadlines_come_from_the_profile() {
    let (s, _) = loaded("dongchang");
    // 加急: 7 working days (dongchang 二十八), counted from the day after receipt.
    let (due, rule, article): (String, String, String) = s
        .conn()
        .query_row(
            "SELECT due, due_rule, due_article FROM documents WHERE ext_id = 'g1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (due.as_str(), rule.as_str(), article.as_str()),
        ("2026-11-25", "documents.approval_limits.urgent", "二十八")
    );
    // Countersign requests: 7 working days (二十七) from the day each was requested.
    let dues: Vec<String> = {
        let mut st = s
            .conn()
            .prepare("SELECT due FROM countersigns ORDER BY id")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    assert_eq!(dues, ["2026-11-25", "2026-11-26"]);
    // A proposal without a deadline gets the profile's limit; an extension moves it on.
    let (d2, r2): (String, String) = s
        .conn()
        .query_row(
            "SELECT deadline, deadline_rule FROM supervision WHERE ext_id = 's2'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(r2.ends_with(".proposal_limit"), "{r2}");
    assert_eq!(d2, "2026-12-01", "three months from 2026-09-01");
    assert_eq!(
        one::<String>(
            &s,
            "SELECT deadline || ' ' || deadline_rule FROM supervision WHERE ext_id = 's1'"
        ),
        "2026-11-27 extended"
    );
    // A 常务会议 held on 2026-11-10: documents within 7 working days (二十二).
    assert_eq!(
        one::<String>(
            &s,
            "SELECT docs_due || ' ' || docs_article FROM meetings WHERE ext_id = 'm1'"
        ),
        "2026-11-19 二十二"
    );
}

#[test]
fn partners_named_before_their_record_are_linked() {
    let (s, _) = loaded("dongchang");
    let pairs: Vec<(String, String)> = {
        let mut st = s
            .conn()
            .prepare("SELECT p.login, q.login FROM people p JOIN people q ON q.id = p.partner_id ORDER BY p.id")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    assert_eq!(
        pairs,
        [
            ("depa".to_string(), "depb".to_string()),
            ("depb".into(), "depa".into())
        ]
    );
}

#[test]
fn the_demo_round_trips_through_both_formats() {
    let e = env("dongchang");
    let mut s = demo(&e, 7);
    let jsonl = export(&mut s, Format::Jsonl);
    for f in [Format::Jsonl, Format::Csv] {
        let text = export(&mut s, f);
        let mut t = store("dongchang");
        import(&mut t, &e, &text, f).unwrap();
        assert_eq!(export(&mut t, Format::Jsonl), jsonl, "{f:?}");
    }
}

/// Import throughput, measured once by hand in release (times are printed, not asserted):
/// `cargo test --release --test interchange -- --ignored --nocapture throughput`.
/// Two loads: 100 000 intake documents (routed, with deadlines, some countersigned), and
/// the export of a large demo district (every type, with child rows).
#[test]
#[ignore]
fn import_throughput() {
    let e = env("dongchang");
    let mut intake = String::new();
    let depts = ["fgj", "czj", "jyj", "hk"];
    for i in 0..100_000 {
        let cs = if i % 5 == 0 {
            r#","countersign":["jyj"]"#
        } else {
            ""
        };
        intake.push_str(&format!(
            r#"{{"type":"document","id":"D{i}","title":"关于申请第{i}号项目资金的请示","kind":"请示","urgency":"{}","from":"{}","received":"2026-11-{:02}"{cs}}}"#,
            ["一般", "加急", "特急", "特急重要"][i % 4],
            depts[i % 4],
            1 + i % 28
        ));
        intake.push('\n');
    }
    let mut big = Store::open_in_memory().unwrap();
    command::perform(
        &mut big,
        &e,
        &Command::Demo {
            profile: "dongchang".into(),
            opts: dutydesk::demo::Options { size: 400, seed: 1 },
        },
    )
    .unwrap();
    let mut intake_csv = String::new();
    {
        let mut t = store("dongchang");
        import(&mut t, &e, ORG, Format::Jsonl).unwrap();
        import(&mut t, &e, &intake, Format::Jsonl).unwrap();
        let all = export(&mut t, Format::Csv);
        intake_csv.extend(
            all.split_inclusive('\n')
                .skip_while(|l| !l.starts_with("type,id,title,kind,urgency")),
        );
    }
    let runs = [
        ("intake", Format::Jsonl, intake.clone()),
        ("intake", Format::Csv, intake_csv),
        ("demo", Format::Jsonl, export(&mut big, Format::Jsonl)),
        ("demo", Format::Csv, export(&mut big, Format::Csv)),
    ];
    for (what, f, text) in runs {
        let mut t = store("dongchang");
        if what == "intake" {
            import(&mut t, &e, ORG, Format::Jsonl).unwrap();
        }
        let start = std::time::Instant::now();
        let sum = import_named(&mut t, &e, &text, f, "t").unwrap();
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{what} {f:?}: {} records ({} MB) in {secs:.2} s = {:.0} records/s",
            sum.total(),
            text.len() / 1_000_000,
            sum.total() as f64 / secs
        );
    }
}
