//! The board's 合规 findings (`tui::findings_refresh`): the first frame without them and
//! the findings that follow it; the full recompute (start, the minute tick, midnight, a
//! bulk change); and the incremental update after one command by another officer (the
//! district part and the items the audit names), alone and as part of the whole re-read
//! the board does after a commit. Percentiles over at least 100 commands.

use super::{ms, time_runs};
use crate::command::{self, Command, Ref, UrgeRef};
use crate::domain::Env;
use crate::error::DbContext;
use crate::i18n::Lang;
use crate::store::Store;
use crate::tui::findings_refresh::{Held, Refreshed};
use crate::tui::{App, keymap::Keymap, theme::Theme};
use anyhow::Result;
use std::io::Write;
use std::time::{Duration, Instant};

/// Median, 99th percentile and maximum.
fn p99(mut v: Vec<Duration>) -> (Duration, Duration, Duration) {
    if v.is_empty() {
        return Default::default();
    }
    v.sort();
    let p = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (p(0.5), p(0.99), v[v.len() - 1])
}

/// Writes the findings lines for `env` on `st`; `officer` acts as another board would.
pub fn measure(
    out: &mut dyn Write,
    st: &mut Store,
    env: &Env,
    runs: usize,
    officer: &str,
) -> Result<()> {
    let open = |st: &mut Store| {
        App::open(
            st,
            env.clone(),
            Lang::Zh,
            Keymap::default(),
            Theme::mono(),
            5,
        )
    };
    let (m, _, max) = p99(time_runs(runs, || open(st).map(drop).map_err(Into::into))?);
    writeln!(
        out,
        "open -> first frame (panes, header, no findings)  median {}  max {}",
        ms(m),
        ms(max)
    )?;
    let mut found = 0;
    let (m, _, max) = p99(time_runs(runs, || {
        let mut app = open(st)?;
        app.complete_findings(st)?;
        found = app.snap.findings.len();
        Ok(())
    })?);
    writeln!(
        out,
        "open -> frame with findings (whole board)  median {}  max {} ({found} findings)",
        ms(m),
        ms(max)
    )?;
    let mut held = Held::default();
    let (m, p, max) = p99(time_runs(runs, || {
        held.invalidate();
        held.refresh(st, env)?;
        Ok(())
    })?);
    writeln!(
        out,
        "findings, full recompute (start, midnight, a bulk change)  median {}  p99 {}  max {}",
        ms(m),
        ms(p),
        ms(max)
    )?;

    // Another officer acts on open items, one command at a time; the board brings its
    // findings (and then its whole snapshot) up to date after each.
    let wenv = Env {
        actor: officer.to_string(),
        ..env.clone()
    };
    let targets = st.read(|tx| {
        let q = |sql: &str| -> crate::error::Result<Vec<i64>> {
            tx.prepare(sql)
                .db("preparing the bench targets")?
                .query_map([], |r| r.get(0))
                .db("reading the bench targets")?
                .collect::<rusqlite::Result<Vec<i64>>>()
                .db("reading the bench targets")
        };
        Ok((
            q("SELECT id FROM supervision WHERE state = '办理中' ORDER BY id LIMIT 50")?,
            q("SELECT id FROM documents WHERE state = '待批' ORDER BY id LIMIT 50")?,
        ))
    })?;
    let n = runs.max(100);
    let mut app = open(st)?;
    app.complete_findings(st)?;
    let mut alone = Vec::with_capacity(n);
    let mut whole = Vec::with_capacity(n);
    let mut full = 0;
    for i in 0..n {
        for (k, app_step) in [false, true].into_iter().enumerate() {
            let cmd = match (i + k) % 3 {
                0 => targets
                    .0
                    .get(i % targets.0.len().max(1))
                    .map(|id| Command::Progress {
                        sup: Ref::Id(*id),
                        note: format!("bench {i}"),
                    }),
                1 => targets
                    .1
                    .get(i % targets.1.len().max(1))
                    .map(|id| Command::Urge {
                        item: UrgeRef::Document(Ref::Id(*id)),
                        note: format!("bench {i}"),
                    }),
                _ => targets
                    .0
                    .get(i % targets.0.len().max(1))
                    .map(|id| Command::Urge {
                        item: UrgeRef::Supervision(Ref::Id(*id)),
                        note: format!("bench {i}"),
                    }),
            };
            let Some(cmd) = cmd else { continue };
            command::perform(st, &wenv, &cmd)?;
            let t = Instant::now();
            if app_step {
                app.reload(st)?;
                whole.push(t.elapsed());
            } else {
                if held.refresh(st, env)? == Refreshed::Full {
                    full += 1;
                }
                alone.push(t.elapsed());
            }
        }
    }
    let (m, p, max) = p99(alone);
    writeln!(
        out,
        "findings after one command (incremental)  median {}  p99 {}  max {} ({n} commands, {full} full)",
        ms(m),
        ms(p),
        ms(max)
    )?;
    let (m, p, max) = p99(whole);
    writeln!(
        out,
        "board re-read after one command (panes + findings)  median {}  p99 {}  max {}",
        ms(m),
        ms(p),
        ms(max)
    )?;
    Ok(())
}
