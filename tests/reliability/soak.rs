//! The soaks: the bounded tests at full size. Ignored by `cargo test`; run them with
//! `tests/soak.sh` (release build). Their last results are in docs/reliability.md.
//! Sizes can be lowered with SOAK_SCALE (a divisor) for a quick try.

use super::support::{TODAY, dd, demo, login_of, one};
use super::writers::{audited, delay, kill, spawn_worker, totals};
use std::path::Path;
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

fn scale(n: usize) -> usize {
    let d: usize = std::env::var("SOAK_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    (n / d.max(1)).max(1)
}

fn bin() -> Process {
    Process::new(assert_cmd::cargo::cargo_bin!("dutydesk"))
}

/// A JSON Lines file of `n` documents with ids `prefix-i`.
fn import_file(path: &Path, prefix: &str, n: usize) {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        writeln!(
            f,
            r#"{{"type":"document","id":"{prefix}-{i}","title":"批量来文{i}","kind":"请示","urgency":"一般","received":"2026-11-16"}}"#
        )
        .unwrap();
    }
}

#[test]
#[ignore = "soak: tests/soak.sh"]
fn soak_8_writers_times_10k_actions() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let office = login_of(&db, "办公室主任");
    let n = scale(10_000);
    let (d0, s0, p0) = totals(&db);
    let (u0, a0) = audited(&db);
    let started = Instant::now();
    let mut children: Vec<_> = (0..8).map(|w| spawn_worker(&db, &office, w, n)).collect();
    for c in &mut children {
        assert!(c.wait().unwrap().success());
    }
    let secs = started.elapsed().as_secs_f64();
    let per = |r: usize| -> i64 { (8 * (0..n).filter(|i| i % 3 == r).count()) as i64 };
    let (d, s, p) = totals(&db);
    let (u, a) = audited(&db);
    assert_eq!((d - d0, s - s0, p - p0), (per(0), per(2), per(1)));
    assert_eq!((u - u0, a - a0), (per(0) + per(2), per(1)));
    assert_eq!(one::<String>(&db, "PRAGMA integrity_check"), "ok");
    dd(dir.path(), &db)
        .args(["audit", "verify"])
        .assert()
        .success();
    println!(
        "SOAK writers: 8 x {n} actions in {secs:.1} s ({:.0} actions/s), state and audit exact",
        (8 * n) as f64 / secs
    );
}

#[test]
#[ignore = "soak: tests/soak.sh"]
fn soak_200_kills() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let office = login_of(&db, "办公室主任");
    let rounds = scale(100) as u64;
    let records = scale(50_000);
    let mut whole = (0, 0);
    for round in 0..rounds {
        let file = dir.path().join("kill.jsonl");
        import_file(&file, &format!("k{round}"), records);
        let c = bin()
            .env("DUTYDESK_CONFIG", dir.path().join("none.toml"))
            .env("DUTYDESK_LOG", dir.path().join("log.txt"))
            .arg("--db")
            .arg(&db)
            .args(["--today", TODAY, "--as", &office, "import"])
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay(round, 20, 3000));
        kill(c);
        let n: i64 = one(
            &db,
            &format!("SELECT count(*) FROM documents WHERE ext_id LIKE 'k{round}-%'"),
        );
        assert!(
            n == 0 || n == records as i64,
            "round {round}: {n} of {records}"
        );
        if n == 0 {
            whole.0 += 1
        } else {
            whole.1 += 1
        }
        assert_eq!(
            one::<String>(&db, "PRAGMA integrity_check"),
            "ok",
            "round {round}"
        );
    }
    let gap = |db: &Path| {
        let (d, s, p) = totals(db);
        let (u, a) = audited(db);
        (d + s - u, p - a)
    };
    let before = gap(&db);
    for round in rounds..2 * rounds {
        let c = spawn_worker(&db, &office, round as usize, 1_000_000);
        std::thread::sleep(delay(round, 100, 2000));
        kill(c);
        assert_eq!(gap(&db), before, "round {round}");
        assert_eq!(
            one::<String>(&db, "PRAGMA integrity_check"),
            "ok",
            "round {round}"
        );
    }
    dd(dir.path(), &db)
        .args(["audit", "verify"])
        .assert()
        .success();
    println!(
        "SOAK kills: {} rounds: imports of {records} killed {} times before commit, {} after; {rounds} action streams killed; integrity ok and every action whole each time",
        2 * rounds,
        whole.0,
        whole.1
    );
}

#[test]
#[ignore = "soak: tests/soak.sh"]
// A failed assertion ends the test process, which takes the import with it.
#[allow(clippy::zombie_processes)]
fn soak_officers_act_during_a_600k_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let office = login_of(&db, "办公室主任");
    let officer = login_of(&db, "值班员");
    let records = scale(600_000);
    let file = dir.path().join("big.jsonl");
    import_file(&file, "big", records);
    let import_started = Instant::now();
    let mut import = bin()
        .env("DUTYDESK_CONFIG", dir.path().join("none.toml"))
        .env("DUTYDESK_LOG", dir.path().join("log.txt"))
        .arg("--db")
        .arg(&db)
        .args(["--today", TODAY, "--as", &office, "import"])
        .arg(&file)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    // An officer urges every second through the CLI (its default bounded wait) while the
    // import runs; every action must go through.
    let mut latencies = Vec::new();
    let mut import_secs = None;
    loop {
        let t = Instant::now();
        let out = dd(dir.path(), &db)
            .args(["--as", &officer, "urge", "GW-00002"])
            .output()
            .unwrap();
        assert!(out.status.success(), "an officer's action failed: {out:?}");
        latencies.push(t.elapsed());
        if import_secs.is_none() {
            if let Some(status) = import.try_wait().unwrap() {
                assert!(status.success());
                import_secs = Some(import_started.elapsed().as_secs_f64());
            }
        }
        if import_secs.is_some() && latencies.len() >= 3 {
            break;
        }
        std::thread::sleep(Duration::from_secs(1));
    }
    let _ = import.wait();
    let n: i64 = one(
        &db,
        "SELECT count(*) FROM documents WHERE ext_id LIKE 'big-%'",
    );
    assert_eq!(n, records as i64);
    let urged: i64 = one(
        &db,
        "SELECT urged_count FROM documents WHERE ext_id = 'GW-00002'",
    );
    assert_eq!(urged, latencies.len() as i64, "each action applied once");
    let max = latencies.iter().max().unwrap();
    println!(
        "SOAK import under load: {records} records imported in {:.1} s; {} officer actions, none failed, longest wait {:.1} s",
        import_secs.unwrap(),
        latencies.len(),
        max.as_secs_f64()
    );
}
