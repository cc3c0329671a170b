//! The real board binary in an 80×24 pseudo-terminal, its screen read back through a VT100
//! parser. Every wait is bounded by one deadline, so a hung board fails the test instead
//! of hanging it.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Board {
    child: Box<dyn Child + Send + Sync>,
    keys: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    deadline: Instant,
}

impl Board {
    /// Starts `dutydesk ARGS` with a clean environment (config and log in `dir`).
    pub fn start(dir: &Path, args: &[&str], timeout: Duration) -> Board {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dutydesk"));
        cmd.args(args);
        cmd.env("DUTYDESK_CONFIG", dir.join("config.toml"));
        cmd.env("DUTYDESK_LOG", dir.join("log.txt"));
        cmd.env("TERM", "xterm-256color");
        for var in [
            "DUTYDESK_DB",
            "DUTYDESK_TODAY",
            "DUTYDESK_LANG",
            "DUTYDESK_PROFILE",
            "DUTYDESK_AS",
        ] {
            cmd.env_remove(var);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
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
        let keys = pair.master.take_writer().unwrap();
        Board {
            child,
            keys,
            parser,
            deadline: Instant::now() + timeout,
        }
    }

    /// The screen's text.
    pub fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows all of `needles`.
    pub fn wait_for(&self, needles: &[&str]) {
        loop {
            let t = self.text();
            if needles.iter().all(|n| t.contains(n)) {
                return;
            }
            assert!(
                Instant::now() < self.deadline,
                "timed out waiting for {needles:?}; screen:\n{t}"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Types `s`.
    pub fn keys(&mut self, s: &str) {
        self.keys.write_all(s.as_bytes()).unwrap();
        self.keys.flush().unwrap();
    }

    /// Waits up to five seconds for the board to exit (killing it after); whether it
    /// exited successfully.
    pub fn exit(&mut self) -> bool {
        let until = Instant::now() + Duration::from_secs(5);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
            if Instant::now() > until {
                let _ = self.child.kill();
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Board {
    /// A failed test never leaves the board running.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
