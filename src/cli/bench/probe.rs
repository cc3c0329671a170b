//! The board's memory, measured in a process of its own (`dutydesk bench-probe`): the
//! matrix starts the probe and reads its peak resident memory.

use super::matrix::{board, draw};
use crate::domain::Env;
use crate::store::Store;
use crate::tui::action::{Action, PaneId};
use anyhow::{Context as _, Result};
use std::io::Write;
use std::path::Path;

/// The board's peak resident memory, measured in a process of its own that opens the
/// board, refreshes it, filters and scrolls (`dutydesk bench-probe`).
pub(super) fn rss(path: &Path, env: &Env) -> Result<f64> {
    let exe = std::env::current_exe().context("finding the dutydesk binary")?;
    let out = std::process::Command::new(&exe)
        .arg("--db")
        .arg(path)
        .args(["--today", &super::matrix::today_arg(env)])
        .arg("bench-probe")
        .output()
        .context("running the board probe")?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.trim()
        .parse::<f64>()
        .with_context(|| format!("reading the probe's answer '{}'", text.trim()))
}

/// What the probe process does: a board's life in brief, then its peak memory in MiB.
pub fn probe(st: &mut Store, env: &Env, out: &mut dyn Write) -> Result<()> {
    let mut app = board(st, env)?;
    draw(&app);
    app.complete_findings(st)?;
    for _ in 0..5 {
        crate::tui::step(&mut app, st, Action::Refresh);
        draw(&app);
    }
    crate::tui::step(&mut app, st, Action::StartFilter);
    for c in ["审", "计"] {
        crate::tui::step(&mut app, st, Action::Insert(c.to_string()));
        draw(&app);
    }
    crate::tui::step(&mut app, st, Action::Back);
    for p in PaneId::ALL {
        crate::tui::step(&mut app, st, Action::FocusPane(p));
        for _ in 0..40 {
            crate::tui::step(&mut app, st, Action::PageDown);
        }
        draw(&app);
    }
    let mib = super::peak_rss_mib().unwrap_or(0.0);
    writeln!(out, "{mib:.1}")?;
    Ok(())
}
