//! The real binary in a pseudo-terminal at 80×24: wait for the board, navigate, open the
//! detail, filter with Chinese text, open the help, open the 合规 view and a finding's
//! item, see another process's commit appear, quit. The screen is read back through a VT100 parser. Bounded: killed after 20 s.

mod board_fixture;

use board_fixture as fx;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    deadline: Instant,
}

impl Screen {
    fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }
    /// Waits until the screen shows all of `needles`; returns how long it took.
    fn wait_for(&self, needles: &[&str]) -> Duration {
        let start = Instant::now();
        loop {
            let t = self.text();
            if needles.iter().all(|n| t.contains(n)) {
                return start.elapsed();
            }
            assert!(
                Instant::now() < self.deadline,
                "timed out waiting for {needles:?}; screen:\n{t}"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    fn wait_gone(&self, needle: &str) {
        loop {
            let t = self.text();
            if !t.contains(needle) {
                return;
            }
            assert!(
                Instant::now() < self.deadline,
                "timed out waiting for {needle:?} to go; screen:\n{t}"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

#[test]
fn board_in_a_pseudo_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _store) = fx::file_store(dir.path());
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dutydesk"));
    cmd.args([
        "--db",
        db.to_str().unwrap(),
        "--today",
        fx::TODAY,
        "--as",
        "liuyang",
    ]);
    cmd.env("DUTYDESK_CONFIG", dir.path().join("config.toml"));
    cmd.env("DUTYDESK_LOG", dir.path().join("log.txt"));
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("DUTYDESK_LANG");
    cmd.env_remove("DUTYDESK_PROFILE");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(24).unwrap(),
        std::num::NonZeroU16::new(80).unwrap(),
        0,
    )));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let p2 = parser.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            p2.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut w = pair.master.take_writer().unwrap();
    let screen = Screen {
        parser,
        deadline: Instant::now() + Duration::from_secs(20),
    };
    let mut key = |s: &str| {
        w.write_all(s.as_bytes()).unwrap();
        w.flush().unwrap();
        // A lone ESC is only read as the Esc key once nothing follows it.
        std::thread::sleep(Duration::from_millis(60));
    };

    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        screen.wait_for(&["待批公文", "逾期督办", "近期会议", "逾2"]);
        // Jump to a document by its id and open it.
        key(":open doc-102\r");
        key("\r");
        screen.wait_for(&[
            "doc-102",
            "办理期限",
            "依据：documents.approval_limits.normal",
        ]);
        key("\x1b");
        screen.wait_for(&["待批公文 [1]"]);
        // Filter with Chinese text.
        key("/");
        key("预算");
        screen.wait_for(&["筛选:预算", "共2"]);
        key("\r");
        key("\x1b");
        screen.wait_gone("筛选:预算");
        // Help, generated from the key table.
        key("?");
        screen.wait_for(&["按键", "[next_pane]"]);
        key("q");
        screen.wait_for(&["待批公文 [1]"]);
        // The 合规 view: findings by severity, counts in its title and in the header.
        key("4");
        screen.wait_for(&["合规 [4] 1/12 违", "!!违规", "第二十八条", "合规:违"]);
        // Enter on the first finding (an overdue supervision item) opens the item.
        key("\r");
        screen.wait_for(&["合规 (", "依据："]);
        key("\x1b");
        screen.wait_for(&["合规 [4]"]);
        key("1");
        screen.wait_for(&["待批公文 [1]", "逾期督办 [2]"]);
        // Another process commits: the board shows it without a key press.
        let other = dutydesk::store::Store::open(&db).unwrap();
        let t0 = Instant::now();
        other
            .conn()
            .execute(
                "INSERT INTO documents(ext_id, title, kind, urgency, from_dept, received, leader_id, state, due, due_rule, due_article, updated_at)
                 VALUES ('doc-e2e', '另一终端的来文', '请示', '特急', 1, '2026-11-16', 2, '待批', '2026-11-18', 'documents.approval_limits.very_urgent', '二十八', '2026-11-23 09:00:00')",
                [],
            )
            .unwrap();
        screen.wait_for(&["另一终端的来文"]);
        eprintln!(
            "e2e: another process's commit on screen after {:?}",
            t0.elapsed()
        );
        key("q");
    }));
    let exited = {
        let until = Instant::now() + Duration::from_secs(5);
        loop {
            if let Ok(Some(status)) = child.try_wait() {
                break Some(status);
            }
            if Instant::now() > until {
                break None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    if exited.is_none() {
        let _ = child.kill();
    }
    if let Err(e) = outcome {
        std::panic::resume_unwind(e);
    }
    let status = exited.expect("the board quits on q");
    assert!(status.success(), "{status:?}");
}

#[test]
fn board_refuses_when_stdout_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _store) = fx::file_store(dir.path());
    let out = assert_cmd::Command::cargo_bin("dutydesk")
        .unwrap()
        .env("DUTYDESK_CONFIG", dir.path().join("config.toml"))
        .env("DUTYDESK_LOG", dir.path().join("log.txt"))
        .args(["--db", db.to_str().unwrap(), "board"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("terminal"));
}

#[test]
fn a_bad_key_in_the_config_is_named_at_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _store) = fx::file_store(dir.path());
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys]\nsign = [\"ctrl-\"]\n").unwrap();
    let out = assert_cmd::Command::cargo_bin("dutydesk")
        .unwrap()
        .env("DUTYDESK_CONFIG", &config)
        .env("DUTYDESK_LOG", dir.path().join("log.txt"))
        .args(["--db", db.to_str().unwrap(), "board"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sign") && err.contains("'ctrl-'"), "{err}");
}
