//! Nothing writes to the database but the command layer (`src/command/`) and the schema
//! migrations: every other file of the program only reads. A SQL statement that changes
//! rows (INSERT, UPDATE … SET, DELETE, REPLACE, UPSERT) anywhere else fails this test, so
//! a new write cannot walk around the rights, the clock and the audit.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether a line of Rust holds a SQL statement that changes rows.
fn writes(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or("").to_ascii_uppercase();
    let words: Vec<&str> = code
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|w| {
        matches!(
            (w[0], w[1]),
            ("INSERT", "INTO") | ("DELETE", "FROM") | ("REPLACE", "INTO") | ("INSERT", "OR")
        )
    }) || words.windows(3).any(|w| w[0] == "UPDATE" && w[2] == "SET")
}

#[test]
fn only_the_command_layer_and_the_migrations_write() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let allowed = [root.join("src/command"), root.join("src/store/migrations")];
    let mut found = Vec::new();
    for f in &files {
        if allowed.iter().any(|a| f.starts_with(a)) {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap();
        // Test modules inside a file may set up rows as they like.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (i, line) in code.lines().enumerate() {
            if writes(line) {
                found.push(format!(
                    "{}:{}: {}",
                    f.strip_prefix(root).unwrap().display(),
                    i + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "writes outside the command layer:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_sees_writes() {
    assert!(writes(
        r#"conn.execute("INSERT INTO meta(key, value) VALUES (?1, ?2)", p)"#
    ));
    assert!(writes("\"UPDATE documents SET state = ?2 WHERE id = ?1\""));
    assert!(writes("DELETE FROM audit"));
    assert!(!writes("SELECT * FROM documents WHERE updated_at > ?1"));
    assert!(!writes("// an UPDATE x SET in a comment"));
}
