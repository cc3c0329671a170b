//! `dutydesk bench`: measures the board's real work on a large district — a demo district
//! plus years of settled history — and prints medians, so speed is measured by a command
//! anyone can rerun, never asserted by timed tests.
//!
//! What it measures: generating the district; a board snapshot (header and three panes:
//! the first frame) and the full compliance check; the findings as the board keeps them
//! (`bench/findings.rs`: after the first frame, in full, after one command); an incremental
//! filter; a year's 督查通报; drawing the
//! board at 80×24 and 160×48; `list approvals` over every open document; JSON Lines export
//! and import; the latency from another process's commit to the board's next frame, and
//! an idle board's CPU (bench/live.rs); and the process's peak memory.

mod count;
mod findings;
mod import;
mod live;
pub mod matrix;
pub mod probe;
mod triage;

use super::Ctx;
use crate::command::{self, Command};
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
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    /// Demo scale (1 ≈ 125 items; open and recent items grow with it).
    #[arg(long, default_value_t = 10)]
    pub size: u32,
    /// Settled items (signed documents, closed supervision) added as history.
    #[arg(long, default_value_t = 1_000_000)]
    pub history: u64,
    /// Open items on the board (demo items plus a generated intake), one measured
    /// configuration per number.
    #[arg(long, value_delimiter = ',', default_value = "1000,10000,50000")]
    pub open: Vec<u64>,
    /// District profiles to measure (`all` for the five).
    #[arg(long, value_delimiter = ',', default_value = "dongchang")]
    pub profiles: Vec<String>,
    /// Repetitions of each timed step.
    #[arg(long, default_value_t = 30)]
    pub runs: usize,
    /// Keep the generated databases in this directory (for inspecting query plans).
    #[arg(long)]
    pub keep: Option<std::path::PathBuf>,
    /// Which part to run: the scale matrix, the single measurements, both, or only the
    /// export and import (`import`).
    #[arg(long, value_enum, default_value_t = Part::All)]
    pub part: Part,
}

/// Which part of the bench to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Part {
    /// The single measurements and the scale matrix.
    All,
    /// The single measurements on the demo district with its history.
    Once,
    /// The scale matrix: profiles × open items.
    Matrix,
    /// Only the interchange step of the single measurements: export, import and both
    /// floors over the demo district with its history.
    Import,
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

pub fn run(ctx: &Ctx, opts: Options, out: &mut dyn Write) -> Result<()> {
    let dir = opts.keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("dutydesk-bench-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let result = run_parts(ctx, &opts, &dir, out);
    if opts.keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}

fn run_parts(ctx: &Ctx, opts: &Options, dir: &std::path::Path, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "dutydesk bench on {}", machine())?;
    writeln!(
        out,
        "command: dutydesk {}",
        std::env::args().skip(1).collect::<Vec<_>>().join(" ")
    )?;
    if matches!(opts.part, Part::All | Part::Once | Part::Import) {
        run_in(ctx, opts, &dir.join("bench.db"), out)?;
    }
    if matches!(opts.part, Part::All | Part::Matrix) {
        let profiles: Vec<String> = if opts.profiles.iter().any(|p| p == "all") {
            matrix::ALL_PROFILES.iter().map(|p| p.to_string()).collect()
        } else {
            opts.profiles.clone()
        };
        for p in &profiles {
            matrix::profile(out, dir, ctx.clock, p, opts)?;
        }
    }
    Ok(())
}

/// The machine: CPU model and count, from /proc (Linux).
fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string());
    format!("{cpus} × {model}")
}

fn run_in(ctx: &Ctx, opts: &Options, path: &std::path::Path, out: &mut dyn Write) -> Result<()> {
    let profile_id = ctx.profile.clone().unwrap_or_else(|| "dongchang".into());
    let _ = std::fs::remove_file(path);
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
            open: 0,
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
    if opts.part == Part::Import {
        return import::measure(out, &st, &env, path);
    }

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
    let officer = summary.duty_officer.as_deref().unwrap_or(&env.actor);
    findings::measure(out, &mut st, &env, runs, officer)?;
    let ff = Filter {
        text: Some("审计".into()),
        ..Filter::default()
    };
    // A filter keystroke re-reads the panes only (the findings are filtered in memory);
    // each run from a snapshot read without the filter, so the panes are read (a
    // snapshot keeps the reads of a filter it has already shown).
    let mut reads = Vec::with_capacity(runs);
    for _ in 0..runs {
        let mut snap = Snapshot::read(&mut st, &env, [&f, &f, &f, &f])?;
        let t = Instant::now();
        snap.requery(&mut st, &env, [&ff, &ff, &ff, &ff])?;
        reads.push(t.elapsed());
    }
    let (m, p95, _) = stats(reads);
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
    live::report(path, &env, &officer, out)?;
    if let Some(mib) = peak_rss_mib() {
        writeln!(out, "peak memory, board steps    {mib:.1} MiB")?;
    }
    import::measure(out, &st, &env, path)?;
    Ok(())
}
