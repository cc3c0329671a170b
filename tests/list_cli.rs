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

/// `--limit` alone narrows the open items' listing: the most urgent overdue first, no
/// more than asked, and `--count` never above it. With a history filter `--overdue` is
/// refused rather than silently dropped.
#[test]
fn overdue_with_a_limit_lists_the_most_urgent_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _s) = fx::file_store(dir.path());
    let (all, _) = list(dir.path(), &db, &["supervision", "--overdue", "--json"]);
    let (one, _) = list(
        dir.path(),
        &db,
        &["supervision", "--overdue", "--limit", "1", "--json"],
    );
    let (all, one) = (json_lines(&all), json_lines(&one));
    assert_eq!(all.len(), 2);
    assert_eq!(one, all[..1]);
    let count = |args: &[&str]| list(dir.path(), &db, args).0.trim().to_string();
    assert_eq!(
        count(&["supervision", "--overdue", "--limit", "1", "--count"]),
        "1"
    );
    assert_eq!(
        count(&["supervision", "--overdue", "--limit", "9", "--count"]),
        "2"
    );
    let (table, _) = list(
        dir.path(),
        &db,
        &["supervision", "--overdue", "--limit", "1"],
    );
    assert!(
        table.contains("背街小巷") && !table.contains("公交线路"),
        "{table}"
    );
    let refused = Command::cargo_bin("dutydesk")
        .unwrap()
        .env("DUTYDESK_CONFIG", dir.path().join("config.toml"))
        .env("DUTYDESK_LOG", dir.path().join("log.txt"))
        .args([
            "--db",
            db.to_str().unwrap(),
            "--today",
            fx::TODAY,
            "--lang",
            "en",
        ])
        .args(["list", "supervision", "--overdue", "--state", "已销号"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("history filters"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
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
