//! Getting data in and out through the built binary, on temporary databases: `init`,
//! `import`, the `export`/`import` round trip, and `demo` (deterministic for a seed).

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use std::path::Path;
use tempfile::TempDir;

const TODAY: &str = "2026-11-20";

/// `dutydesk --db DB --today TODAY …`, isolated from the user's config, environment and log.
fn dd(dir: &Path, db: &Path) -> assert_cmd::Command {
    let mut c = cargo_bin_cmd!("dutydesk");
    for var in [
        "DUTYDESK_DB",
        "DUTYDESK_TODAY",
        "DUTYDESK_LANG",
        "DUTYDESK_PROFILE",
        "DUTYDESK_AS",
    ] {
        c.env_remove(var);
    }
    c.env("DUTYDESK_CONFIG", dir.join("no-such-config.toml"))
        .env("DUTYDESK_LOG", dir.join("dutydesk.log"))
        .arg("--db")
        .arg(db)
        .args(["--today", TODAY]);
    c
}

const ORG: &str = r#"{"type":"department","id":"czj","name":"财政局"}
{"type":"department","id":"jyj","name":"教育局"}
{"type":"person","id":"p1","login":"mayor","name":"王建国","role":"区长"}
{"type":"person","id":"p2","login":"depa","name":"张志强","role":"副区长","divisions":["czj","jyj"]}
{"type":"person","id":"p3","login":"duty1","name":"周静","role":"值班员"}
"#;

const DOCS: &str = "type,id,title,kind,urgency,from,received,countersign
document,g1,关于申请资金的请示,请示,加急,czj,2026-11-16,jyj
document,g2,关于工作情况的报告,报告,一般,jyj,2026-11-02,
";

#[test]
fn init_records_the_profile_imports_the_org_and_refuses_twice() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("desk.db");
    let org = dir.path().join("org.jsonl");
    std::fs::write(&org, ORG).unwrap();
    dd(dir.path(), &db)
        .args([
            "--lang",
            "en",
            "--profile",
            "dongchang",
            "init",
            "--pinned-clock",
            "--org",
        ])
        .arg(&org)
        .assert()
        .success()
        .stdout(predicate::str::contains("profile dongchang"))
        .stdout(predicate::str::contains("imported"))
        .stdout(predicate::str::contains("person"));
    dd(dir.path(), &db)
        .args(["--profile", "dongchang", "init", "--pinned-clock"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("init 只用于新建数据库"));
    // A bad org file: the error names the line, and the database stays new.
    let fresh = dir.path().join("fresh.db");
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, format!("{ORG}{{\"type\":\"person\",\"id\":\"p9\",\"login\":\"x\",\"name\":\"某\",\"role\":\"局长\"}}\n")).unwrap();
    dd(dir.path(), &fresh)
        .args(["--profile", "dongchang", "init", "--pinned-clock", "--org"])
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "bad.jsonl:6：字段 role：“局长”不在",
        ));
    dd(dir.path(), &fresh)
        .args(["--profile", "dongchang", "init", "--pinned-clock"])
        .assert()
        .success();
    // No --profile: a clear message, nothing made.
    let other = dir.path().join("other.db");
    dd(dir.path(), &other)
        .args(["init", "--pinned-clock"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--profile"));
}

#[test]
fn import_is_one_transaction_and_names_the_bad_line() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("desk.db");
    dd(dir.path(), &db)
        .args(["--profile", "dongchang", "init", "--pinned-clock"])
        .assert()
        .success();
    let bad = dir.path().join("org.jsonl");
    let mut text = ORG.to_string();
    text.push_str(r#"{"type":"document","id":"x","title":"t","kind":"请示","urgency":"紧急","from":"czj","received":"2026-11-16"}"#);
    std::fs::write(&bad, text).unwrap();
    dd(dir.path(), &db)
        .arg("import")
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "org.jsonl:6：字段 urgency：“紧急”不在 一般|加急|特急|特急重要 之中",
        ));
    // Nothing from the good lines was kept.
    dd(dir.path(), &db)
        .arg("export")
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
}

#[test]
fn export_then_import_into_an_empty_database_reproduces_it() {
    let dir = TempDir::new().unwrap();
    let a = dir.path().join("a.db");
    let org = dir.path().join("org.jsonl");
    let docs = dir.path().join("docs.csv");
    std::fs::write(&org, ORG).unwrap();
    std::fs::write(&docs, DOCS).unwrap();
    dd(dir.path(), &a)
        .args(["--profile", "dongchang", "init", "--pinned-clock", "--org"])
        .arg(&org)
        .assert()
        .success();
    dd(dir.path(), &a)
        .arg("import")
        .arg(&docs)
        .assert()
        .success()
        .stdout(predicate::str::contains("2 条记录"));
    for format in ["jsonl", "csv"] {
        let file = dir.path().join(format!("all.{format}"));
        dd(dir.path(), &a)
            .args(["export", "--format", format, "-o"])
            .arg(&file)
            .assert()
            .success();
        let b = dir.path().join(format!("b-{format}.db"));
        dd(dir.path(), &b)
            .args(["--profile", "dongchang", "init", "--pinned-clock"])
            .assert()
            .success();
        dd(dir.path(), &b)
            .arg("import")
            .arg(&file)
            .assert()
            .success();
        let first = dd(dir.path(), &a).arg("export").output().unwrap().stdout;
        let second = dd(dir.path(), &b).arg("export").output().unwrap().stdout;
        assert!(!first.is_empty());
        assert_eq!(
            String::from_utf8(first).unwrap(),
            String::from_utf8(second).unwrap(),
            "{format}"
        );
    }
}

#[test]
fn the_demo_prints_a_summary_and_is_deterministic_for_a_seed() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("demo.db");
    let run = |seed: &str| {
        let out = dd(dir.path(), &db)
            .args(["--lang", "en", "demo", "--no-board", "--seed", seed])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run("3");
    for want in [
        "profile dongchang",
        "approvals: overdue",
        "supervision: overdue",
        "meetings:",
        "acting as:",
    ] {
        assert!(first.contains(want), "{want}:\n{first}");
    }
    assert_eq!(run("3"), first, "same seed, same district");
    assert_ne!(run("4"), first, "another seed, another district");
    // The demo file is a demo: the real commands read it.
    dd(dir.path(), &db)
        .args(["export", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("type,id,title,kind,urgency"));
}

#[test]
fn the_demo_will_not_overwrite_a_real_database() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("desk.db");
    let org = dir.path().join("org.jsonl");
    std::fs::write(&org, ORG).unwrap();
    dd(dir.path(), &db)
        .args(["--profile", "dongchang", "init", "--pinned-clock", "--org"])
        .arg(&org)
        .assert()
        .success();
    dd(dir.path(), &db)
        .args(["demo", "--no-board"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a dutydesk demo"));
}
