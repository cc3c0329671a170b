//! Many writers on one file, and writers killed mid-stream: 8 processes × 500 mixed
//! actions leave exactly the state the actions imply, each action in the audit once; 20
//! rounds of SIGKILL (10 during a large import, 10 during an action stream) leave an
//! intact file with every import wholly present or absent and every action wholly
//! applied or not.
//!
//! The worker processes are this test binary itself, run with `--ignored` on [`worker`].

use super::support::{dd, demo, env, login_of, one};
use dutydesk::command::resolve::UrgeRef;
use dutydesk::command::{self, Command, Ref};
use dutydesk::store::Store;
use std::path::Path;
use std::process::{Child, Command as Process};
use std::time::Duration;

const WORKERS: usize = 8;
const ACTIONS: usize = 500;

/// Starts a worker process doing `n` actions as `login` on `db`.
pub fn spawn_worker(db: &Path, login: &str, w: usize, n: usize) -> Child {
    Process::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "writers::worker",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(
            "RELIABILITY_WORKER",
            format!("{}\t{login}\t{w}\t{n}", db.display()),
        )
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

/// The worker: action `i` of worker `w` urges a pending document (i % 3 == 0), adds a
/// progress note to an open supervision item (1) or urges one (2), round-robin over them.
#[test]
#[ignore = "run as a subprocess by the writer tests"]
fn worker() {
    let Ok(spec) = std::env::var("RELIABILITY_WORKER") else {
        return;
    };
    let parts: Vec<&str> = spec.split('\t').collect();
    let (db, login) = (Path::new(parts[0]), parts[1]);
    let w: usize = parts[2].parse().unwrap();
    let n: usize = parts[3].parse().unwrap();
    let mut store = Store::open_existing(db).unwrap();
    let e = env(&store, login);
    let ids = |sql: &str| -> Vec<String> {
        let mut st = store.conn().prepare(sql).unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let docs = ids("SELECT ext_id FROM documents WHERE state = '待批' ORDER BY id LIMIT 20");
    let sups = ids("SELECT ext_id FROM supervision WHERE state = '办理中' ORDER BY id LIMIT 20");
    for i in 0..n {
        let k = (w * 7 + i) % 20;
        let cmd = match i % 3 {
            0 => Command::Urge {
                item: UrgeRef::Document(Ref::from(docs[k % docs.len()].as_str())),
                note: format!("w{w} #{i}"),
            },
            1 => Command::Progress {
                sup: Ref::from(sups[k % sups.len()].as_str()),
                note: format!("w{w} #{i}"),
            },
            _ => Command::Urge {
                item: UrgeRef::Supervision(Ref::from(sups[k % sups.len()].as_str())),
                note: format!("w{w} #{i}"),
            },
        };
        command::perform(&mut store, &e, &cmd).unwrap();
    }
}

/// Totals the actions leave behind: (document urges, supervision urges, progress notes).
pub fn totals(db: &Path) -> (i64, i64, i64) {
    (
        one(db, "SELECT coalesce(sum(urged_count), 0) FROM documents"),
        one(db, "SELECT coalesce(sum(urged_count), 0) FROM supervision"),
        one(db, "SELECT count(*) FROM progress_notes"),
    )
}

/// Audit rows of the actions: (urges, progress notes).
pub fn audited(db: &Path) -> (i64, i64) {
    (
        one(db, "SELECT count(*) FROM audit WHERE action = 'urge'"),
        one(db, "SELECT count(*) FROM audit WHERE action = 'progress'"),
    )
}

#[test]
fn eight_processes_times_500_actions_leave_exactly_what_they_imply() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let office = login_of(&db, "办公室主任");
    let (d0, s0, p0) = totals(&db);
    let (u0, a0) = audited(&db);
    let mut children: Vec<Child> = (0..WORKERS)
        .map(|w| spawn_worker(&db, &office, w, ACTIONS))
        .collect();
    for c in &mut children {
        assert!(c.wait().unwrap().success());
    }
    let per = |r: usize| -> i64 { (WORKERS * (0..ACTIONS).filter(|i| i % 3 == r).count()) as i64 };
    let (d, s, p) = totals(&db);
    assert_eq!((d - d0, s - s0, p - p0), (per(0), per(2), per(1)));
    let (u, a) = audited(&db);
    assert_eq!(
        (u - u0, a - a0),
        (per(0) + per(2), per(1)),
        "each action audited once"
    );
    // Each note (worker and number) is in the audit exactly once.
    let dup: i64 = one(
        &db,
        "SELECT count(*) FROM (SELECT summary FROM audit WHERE action IN ('urge','progress')
         AND summary LIKE '%#%' GROUP BY summary, entity_id HAVING count(*) > 1)",
    );
    assert_eq!(dup, 0);
    assert_eq!(one::<String>(&db, "PRAGMA integrity_check"), "ok");
    dd(dir.path(), &db)
        .args(["audit", "verify"])
        .assert()
        .success();
}

/// A pseudo-random delay in [lo, hi) ms for round `r` (no clock, reproducible).
pub fn delay(r: u64, lo: u64, hi: u64) -> Duration {
    let x = r
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407)
        >> 33;
    Duration::from_millis(lo + x % (hi - lo))
}

pub fn kill(mut c: Child) {
    // std sends SIGKILL on Unix: no chance to clean up.
    let _ = c.kill();
    let _ = c.wait();
}

#[test]
fn sigkill_during_imports_and_action_streams_leaves_whole_imports_and_actions() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let office = login_of(&db, "办公室主任");
    const RECORDS: usize = 20_000;
    for round in 0..10u64 {
        let file = dir.path().join(format!("kill{round}.jsonl"));
        let mut text = String::with_capacity(RECORDS * 140);
        for i in 0..RECORDS {
            text.push_str(&format!(
                r#"{{"type":"document","id":"k{round}-{i}","title":"批量{i}","kind":"请示","urgency":"一般","received":"2026-11-16"}}"#
            ));
            text.push('\n');
        }
        std::fs::write(&file, text).unwrap();
        let c = Process::new(assert_cmd::cargo::cargo_bin!("dutydesk"))
            .env("DUTYDESK_CONFIG", dir.path().join("none.toml"))
            .env("DUTYDESK_LOG", dir.path().join("log.txt"))
            .args(["--db"])
            .arg(&db)
            .args(["--today", super::support::TODAY, "--as", &office, "import"])
            .arg(&file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay(round, 30, 1500));
        kill(c);
        let n: i64 = one(
            &db,
            &format!("SELECT count(*) FROM documents WHERE ext_id LIKE 'k{round}-%'"),
        );
        assert!(
            n == 0 || n == RECORDS as i64,
            "round {round}: {n} of {RECORDS} records"
        );
        assert_eq!(
            one::<String>(&db, "PRAGMA integrity_check"),
            "ok",
            "round {round}"
        );
    }
    // Each action is its change and its audit row in one transaction: the differences
    // between the stored effects and the audit rows never change, whenever a kill lands.
    let gap = |db: &Path| {
        let (d, s, p) = totals(db);
        let (u, a) = audited(db);
        (d + s - u, p - a)
    };
    let before = gap(&db);
    let (u_before, _) = audited(&db);
    for round in 10..20u64 {
        let c = spawn_worker(&db, &office, round as usize, 1_000_000);
        std::thread::sleep(delay(round, 300, 1500));
        kill(c);
        assert_eq!(gap(&db), before, "round {round}");
        assert_eq!(
            one::<String>(&db, "PRAGMA integrity_check"),
            "ok",
            "round {round}"
        );
    }
    assert!(
        audited(&db).0 > u_before,
        "the streams did act before being killed"
    );
    dd(dir.path(), &db)
        .args(["audit", "verify"])
        .assert()
        .success();
}
