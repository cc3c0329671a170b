//! `list … --count` as a separate process, the way a script or a shell prompt runs it:
//! timed to its first output (the target) and to its exit.

use super::matrix::today_arg;
use crate::domain::Env;
use anyhow::{Context as _, Result};
use std::path::Path;
use std::time::{Duration, Instant};

/// `dutydesk list supervision --overdue --count` as its own process: from the spawn until
/// its first byte of output (what the user waits for: the issue's "start-up to first
/// output"), and until it has exited (closing the database and the process's teardown
/// too: what a script running it in a loop waits for).
pub(super) fn cli_count(
    path: &Path,
    env: &Env,
    runs: usize,
) -> Result<(Vec<Duration>, Vec<Duration>)> {
    use std::io::Read as _;
    let exe = std::env::current_exe().context("finding the dutydesk binary")?;
    let mut first = Vec::with_capacity(runs);
    let mut exit = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let mut child = std::process::Command::new(&exe)
            .arg("--db")
            .arg(path)
            .args(["--today", &today_arg(env)])
            .args(["list", "supervision", "--overdue", "--count"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .context("running list --count")?;
        let mut stdout = child.stdout.take().context("reading list --count")?;
        let mut byte = [0u8; 1];
        let got = stdout.read(&mut byte).context("reading list --count")?;
        first.push(t.elapsed());
        let mut rest = Vec::new();
        stdout
            .read_to_end(&mut rest)
            .context("reading list --count")?;
        let out = child.wait_with_output().context("running list --count")?;
        exit.push(t.elapsed());
        anyhow::ensure!(
            out.status.success() && got == 1,
            "list --count failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok((first, exit))
}
