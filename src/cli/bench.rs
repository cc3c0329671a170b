//! `dutydesk bench`: measures the board's real work on a large district — a demo district
//! plus years of settled history — and prints medians, so speed is measured by a command
//! anyone can rerun, never asserted by timed tests.
//!
//! What it measures: generating the district; a full board snapshot (header, three panes
//! and the 合规 findings: exactly what the board re-reads on every change) and, of it, the
//! compliance check alone; an incremental filter; a year's 督查通报; drawing the
//! board at 80×24 and 160×48; `list approvals` over every open document; JSON Lines export
//! and import; the latency from another connection's commit to the board's next snapshot
//! with the board's own 100 ms polling; and the process's peak memory.

mod import;
mod triage;

use super::Ctx;
use crate::command::{self, Command, Ref, UrgeRef};
use crate::demo;
use crate::domain::Env;
use crate::i18n::Lang;
use crate::profile::Profile;
use crate::store::Store;
use crate::store::queries::{self, Filter};
use crate::tui::app::Snapshot;
use crate::tui::{App, keymap::Keymap, theme::Theme};
use anyhow::{Context as _, Result};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::io::Write;
use std::time::{Duration, Instant};

/// Options of one bench run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub size: u32,
    pub history: u64,
    pub runs: usize,
}

/// Median, 95th percentile and maximum of some durations.
fn stats(mut v: Vec<Duration>) -> (Duration, Duration, Duration) {
    if v.is_empty() {
        return Default::default();
    }
    v.sort();
    let p = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (p(0.5), p(0.95), v[v.len() - 1])
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Times `f` `runs` times.
fn time_runs(runs: usize, mut f: impl FnMut() -> Result<()>) -> Result<Vec<Duration>> {
    let mut out = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        f()?;
        out.push(t.elapsed());
    }
    Ok(out)
}

/// Peak resident memory of this process (Linux), in MiB.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Commit-to-snapshot latency: a writer on its own connection commits `n` times at
/// staggered moments; the reader polls `data_version` every 100 ms as the board does and
/// re-reads the snapshot when it moves.
fn live_latency(
    path: &std::path::Path,
    env: &Env,
    officer: &str,
    n: usize,
) -> Result<Vec<Duration>> {
    let mut reader = Store::open(path)?;
    let f = Filter::default();
    let (tx, rx) = std::sync::mpsc::channel::<Instant>();
    let wpath = path.to_path_buf();
    // The writer is an officer urging an open supervision item, as on another board.
    let item: i64 = reader.conn().query_row(
        "SELECT min(id) FROM supervision WHERE state = '办理中'",
        [],
        |r| r.get(0),
    )?;
    let wenv = Env {
        actor: officer.to_string(),
        ..env.clone()
    };
    let writer = std::thread::spawn(move || -> Result<()> {
        let mut w = Store::open(&wpath)?;
        for i in 0..n {
            std::thread::sleep(Duration::from_millis(80 + (i as u64 * 37) % 100));
            command::perform(
                &mut w,
                &wenv,
                &Command::Urge {
                    item: UrgeRef::Supervision(Ref::Id(item)),
                    note: format!("bench {i}"),
                },
            )?;
            let _ = tx.send(Instant::now());
        }
        Ok(())
    });
    let mut version = reader.data_version()?;
    let mut lat = Vec::new();
    let until = Instant::now() + Duration::from_secs(60);
    while lat.len() < n && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(100));
        let v = reader.data_version()?;
        if v == version {
            continue;
        }
        version = v;
        Snapshot::read(&mut reader, env, [&f, &f, &f, &f])?;
        let done = Instant::now();
        lat.extend(rx.try_iter().map(|at| done.saturating_duration_since(at)));
    }
    writer
        .join()
        .map_err(|_| anyhow::anyhow!("the bench writer panicked"))??;
    Ok(lat)
}

pub fn run(ctx: &Ctx, opts: Options, out: &mut dyn Write) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("dutydesk-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let path = dir.join("bench.db");
    let result = run_in(ctx, opts, &path, out);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn run_in(ctx: &Ctx, opts: Options, path: &std::path::Path, out: &mut dyn Write) -> Result<()> {
    let profile_id = ctx.profile.clone().unwrap_or_else(|| "dongchang".into());
    let mut st = Store::open(path)?;
    let account = command::os_account();
    let env = Env::new(
        Profile::resolve(&profile_id)?,
        st.calendar()?,
        ctx.clock,
        account.clone(),
    )
    .with_account(account);
    let runs = opts.runs.max(1);
    writeln!(
        out,
        "dutydesk bench — profile {profile_id}, today {}, size {}, history {}, {runs} runs each",
        env.today(),
        opts.size,
        opts.history
    )?;

    let t = Instant::now();
    command::perform(
        &mut st,
        &env,
        &Command::Demo {
            profile: profile_id.clone(),
            opts: demo::Options {
                size: opts.size,
                seed: 1,
            },
        },
    )?;
    let summary = st.read(|tx| demo::summarize(tx, &env))?;
    let generated = t.elapsed();
    let t = Instant::now();
    command::perform(
        &mut st,
        &env,
        &Command::History {
            count: opts.history,
        },
    )?;
    let hist = t.elapsed();
    let count = |sql: &str| -> Result<i64> { Ok(st.conn().query_row(sql, [], |r| r.get(0))?) };
    let items = count(
        "SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM supervision) + (SELECT count(*) FROM meetings)",
    )?;
    let open = count(
        "SELECT (SELECT count(*) FROM documents WHERE state = '待批') + (SELECT count(*) FROM supervision WHERE state = '办理中')",
    )?;
    writeln!(out, "items in the database       {items} ({open} open)")?;
    writeln!(
        out,
        "demo generation             {} ({} open approvals, {} open supervision)",
        ms(generated),
        summary.approvals.total(),
        summary.supervision.total()
    )?;
    writeln!(
        out,
        "history insert              {} ({} settled items)",
        ms(hist),
        opts.history
    )?;

    let f = Filter::default();
    let first = time_runs(1, || {
        Snapshot::read(&mut st, &env, [&f, &f, &f, &f])
            .map(drop)
            .map_err(Into::into)
    })?;
    writeln!(out, "first snapshot (cold)       {}", ms(first[0]))?;
    let (m, p95, max) = stats(time_runs(runs, || {
        Snapshot::read(&mut st, &env, [&f, &f, &f, &f])
            .map(drop)
            .map_err(Into::into)
    })?);
    writeln!(
        out,
        "board snapshot              median {}  p95 {}  max {}",
        ms(m),
        ms(p95),
        ms(max)
    )?;
    // The 合规 view's part of the snapshot: every rule over the open items.
    let mut found = 0;
    let (m, p95, max) = stats(time_runs(runs, || {
        found = st
            .read(|tx| crate::store::compliance::check(tx, &env))?
            .len();
        Ok(())
    })?);
    writeln!(
        out,
        "compliance check            median {}  p95 {}  max {} ({found} findings)",
        ms(m),
        ms(p95),
        ms(max)
    )?;
    let ff = Filter {
        text: Some("审计".into()),
        ..Filter::default()
    };
    // A filter keystroke re-reads the panes only (the findings are filtered in memory).
    let mut snap = Snapshot::read(&mut st, &env, [&f, &f, &f, &f])?;
    let (m, p95, _) = stats(time_runs(runs, || {
        snap.requery(&mut st, &env, [&ff, &ff, &ff, &ff])
            .map_err(Into::into)
    })?);
    writeln!(
        out,
        "filter keystroke \"审计\"     median {}  p95 {}",
        ms(m),
        ms(p95)
    )?;

    // The 督查通报: a year's report over the history (2025 is inside the ten settled
    // years), and the running year, as `dutydesk report --period YEAR` reads them.
    for year in ["2025", "2026"] {
        let period = crate::store::report::Period::parse(year)?;
        let mut rows = 0;
        let (m, p95, max) = stats(time_runs(runs, || {
            let r = st.read(|tx| {
                crate::store::report::report(tx, &env, period, crate::store::report::GroupBy::Dept)
            })?;
            rows = r.supervision_total.received + r.documents_total.received;
            Ok(())
        })?);
        writeln!(
            out,
            "report, year {year}           median {}  p95 {}  max {} ({rows} items received)",
            ms(m),
            ms(p95),
            ms(max)
        )?;
    }

    for (w, h) in [(80u16, 24u16), (160, 48)] {
        let mut app = App::new(
            &mut st,
            env.clone(),
            Lang::Zh,
            Keymap::default(),
            Theme::mono(),
            5,
        )?;
        app.resize(w, h);
        if w == 80 {
            let officer = summary.duty_officer.as_deref().unwrap_or(&env.actor);
            triage::measure(out, &mut st, &mut app, runs, officer)?;
        }
        let area = Rect::new(0, 0, w, h);
        let (m, _, max) = stats(time_runs(runs, || {
            let mut buf = Buffer::empty(area);
            (&app).render(area, &mut buf);
            Ok(())
        })?);
        writeln!(
            out,
            "draw {w}x{h}                 median {}  max {}",
            ms(m),
            ms(max)
        )?;
    }

    let t = Instant::now();
    let all = Filter {
        limit: usize::MAX,
        ..Filter::default()
    };
    let listed = queries::approvals(st.conn(), &env, &all)?.rows.len();
    writeln!(
        out,
        "list approvals (all open)   {} ({listed} rows)",
        ms(t.elapsed())
    )?;

    let officer = summary
        .duty_officer
        .clone()
        .unwrap_or_else(|| env.actor.clone());
    let lat = live_latency(path, &env, &officer, 20)?;
    let seen = lat.len();
    let (m, _, max) = stats(lat);
    writeln!(
        out,
        "commit -> board snapshot    median {}  max {} ({seen} of 20 commits seen, 100 ms polling)",
        ms(m),
        ms(max)
    )?;
    if let Some(mib) = peak_rss_mib() {
        writeln!(out, "peak memory, board steps    {mib:.1} MiB")?;
    }
    import::measure(out, &st, &env, path)?;
    Ok(())
}
