//! `dutydesk list` through the built binary, on the fixture district.

mod board_fixture;

use assert_cmd::Command;
use board_fixture as fx;
use serde_json::Value;

fn list(dir: &std::path::Path, db: &std::path::Path, args: &[&str]) -> (String, String) {
    list_at(fx::TODAY, dir, db, args)
}

fn list_at(
    today: &str,
    dir: &std::path::Path,
    db: &std::path::Path,
    args: &[&str],
) -> (String, String) {
    let out = Command::cargo_bin("dutydesk")
        .unwrap()
        .env("DUTYDESK_CONFIG", dir.join("config.toml"))
        .env("DUTYDESK_LOG", dir.join("log.txt"))
        .env_remove("DUTYDESK_PROFILE")
        .env_remove("DUTYDESK_LANG")
        .args([
            "--db",
            db.to_str().unwrap(),
            "--today",
            today,
            "--as",
            "liuyang",
            "list",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json_lines(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn approvals_json_has_the_contract_fields() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _s) = fx::file_store(dir.path());
    let (out, _) = list(dir.path(), &db, &["approvals", "--json"]);
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 5);
    let first = &rows[0];
    assert_eq!(first["id"], "doc-101");
    assert_eq!(first["state"], "待批");
    assert_eq!(first["owner"], "zhaomin");
    assert_eq!(first["due"], "2026-11-19");
    assert_eq!(first["workdays_left"], -2);
    assert_eq!(first["rule"]["key"], "documents.approval_limits.urgent");
    assert_eq!(first["rule"]["article"], "二十八");
    assert!(first["title"].as_str().unwrap().contains("教育经费"));
}

#[test]
fn overdue_due_within_and_count() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _s) = fx::file_store(dir.path());
    assert_eq!(
        list(dir.path(), &db, &["approvals", "--count"]).0.trim(),
        "5"
    );
    assert_eq!(
        list(dir.path(), &db, &["approvals", "--overdue", "--count"])
            .0
            .trim(),
        "1"
    );
    assert_eq!(
        list(
            dir.path(),
            &db,
            &["approvals", "--due-within", "2", "--count"]
        )
        .0
        .trim(),
        "2"
    );
    // The command line lists every open supervision item unless narrowed.
    assert_eq!(
        list(dir.path(), &db, &["supervision", "--count"]).0.trim(),
        "4"
    );
    let (out, _) = list(dir.path(), &db, &["supervision", "--overdue", "--json"]);
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["owner"], "区住建局");
    assert!(rows[0]["workdays_left"].as_i64().unwrap() < 0);
    let (out, _) = list(dir.path(), &db, &["meetings", "--json"]);
    let rows = json_lines(&out);
    assert_eq!(
        rows.iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["m-23", "m-24", "m-25"]
    );
    assert_eq!(rows[0]["owner"], "wangjg");
    assert_eq!(rows[0]["due"], "2026-11-18");
}

#[test]
fn plain_output_is_aligned_by_cells_and_warns_about_missing_calendar_years() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _s) = fx::file_store(dir.path());
    let (out, err) = list(dir.path(), &db, &["approvals"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6);
    // The title column starts at the same cell on every line.
    let col = |l: &str| {
        let i = l.rfind("  ").unwrap() + 2;
        unicode_width::UnicodeWidthStr::width(&l[..i])
    };
    let c0 = col(lines[0]);
    assert!(lines.iter().all(|l| col(l) == c0), "{out}");
    assert!(!err.contains("注意"), "{err}");
    // A today in a year without an official schedule warns on stderr (zh by default):
    // its statutory holidays are counted, its 调休 not yet, so deadlines are provisional.
    let (_, err) = list_at("2027-01-04", dir.path(), &db, &["supervision"]);
    assert!(
        err.contains("注意") && err.contains("2027") && err.contains("暂定"),
        "{err}"
    );
}
