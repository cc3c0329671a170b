//! The board's triage per refresh (`tui::triage::observe`): comparing the new snapshot
//! with the one before for 新 marks, reading the audit rows since the last refresh for 改
//! marks and toasts, and the alert scan (with its lapsed-countersign query). Measured
//! twice: with nothing new in the log (an idle refresh), and with a full batch of audit
//! rows to read (`FEED_BATCH` urges by another officer on the pane's documents, written
//! first): the most a refresh reads.

use super::{ms, stats, time_runs};
use crate::command::{self, Command, Ref, UrgeRef};
use crate::domain::Env;
use crate::store::Store;
use crate::store::audit::feed;
use crate::tui::App;
use crate::tui::triage::{self, FEED_BATCH};
use anyhow::Result;
use std::io::Write;

/// Writes the line(s) for `app` on `st`.
pub fn measure(
    out: &mut dyn Write,
    st: &mut Store,
    app: &mut App,
    runs: usize,
    officer: &str,
) -> Result<()> {
    // Another officer's urges on the documents the pane shows: audit rows to read, rows
    // to mark 改 and toasts to word.
    let wenv = Env {
        actor: officer.to_string(),
        ..app.env.clone()
    };
    let docs: Vec<i64> = app.snap.approvals.rows.iter().map(|r| r.id).collect();
    for i in 0..FEED_BATCH {
        let Some(id) = docs.get(i % docs.len().max(1)) else {
            break;
        };
        command::perform(
            st,
            &wenv,
            &Command::Urge {
                item: UrgeRef::Document(Ref::Id(*id)),
                note: format!("bench {i}"),
            },
        )?;
    }
    let last = st.read(|tx| feed::last_id(tx))?;
    let old = app.snap.clone();
    let (m, p95, max) = stats(time_runs(runs, || {
        app.triage.last_audit = Some(last);
        triage::observe(app, st, &old);
        Ok(())
    })?);
    writeln!(
        out,
        "triage per refresh (marks, toasts, alerts), idle  median {}  p95 {}  max {}",
        ms(m),
        ms(p95),
        ms(max)
    )?;
    let from = last.saturating_sub(i64::try_from(FEED_BATCH).unwrap_or(0));
    let (m, p95, max) = stats(time_runs(runs, || {
        app.triage.last_audit = Some(from);
        triage::observe(app, st, &old);
        Ok(())
    })?);
    writeln!(
        out,
        "triage per refresh, {FEED_BATCH} audit rows to read  median {}  p95 {}  max {}",
        ms(m),
        ms(p95),
        ms(max)
    )?;
    Ok(())
}
