//! The scale matrix of `dutydesk bench`: for each district profile, a demo district with
//! a million items of settled history (documents, supervision items and meetings), then
//! a growing intake of open items (e.g. 1k, 10k, 50k), and at each size what an officer
//! waits for: opening the board to its first full frame, the refresh after another
//! officer's change, a filter keystroke, a pane switch and a sort change (each until the
//! frame is drawn), another process's commit until it is on the board's screen, the idle
//! board's CPU, the 合规 check, `list … --count` as a separate process, and the board's
//! resident memory in a process of its own. Medians and 99th percentiles (95th for the
//! commit, as its target is).

use super::{ms, time_runs};
use crate::command::{self, Command, Ref, UrgeRef};
use crate::demo;
use crate::domain::Env;
use crate::i18n::Lang;
use crate::profile::Profile;
use crate::store::Store;
use crate::store::queries::{Filter, SortKey};
use crate::tui::action::{Action, PaneId};
use crate::tui::{App, keymap::Keymap, theme::Theme};
use anyhow::Result;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// The five built-in districts.
pub const ALL_PROFILES: [&str; 5] = ["xinzhou", "huancui", "kongtong", "dongchang", "huarong"];

/// One configuration's figures.
struct Figures {
    open: i64,
    first_frame: Vec<Duration>,
    refresh: Vec<Duration>,
    filter: Vec<Duration>,
    switch: Vec<Duration>,
    sort: Vec<Duration>,
    panes: Vec<Duration>,
    filtered: Vec<Duration>,
    check: Vec<Duration>,
    findings: usize,
    /// `list … --count` as its own process: until its first output, and until it exits.
    count_first: Vec<Duration>,
    count_exit: Vec<Duration>,
    /// Another process's commits until on the board's screen (`dutydesk urge` processes).
    commit: Vec<Duration>,
    idle_cpu: Option<f64>,
    rss_mib: Option<f64>,
}

/// Commits timed until on screen, and how long the idle board is watched, per size.
const COMMITS: usize = 20;
const IDLE: Duration = Duration::from_secs(5);

/// Median and 99th percentile.
fn mp(mut v: Vec<Duration>) -> (Duration, Duration) {
    if v.is_empty() {
        return Default::default();
    }
    v.sort();
    let p = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (p(0.5), p(0.99))
}

/// Runs the matrix for one profile, writing its table.
pub fn profile(
    out: &mut dyn Write,
    dir: &Path,
    clock: crate::clock::Clock,
    profile_id: &str,
    opts: &super::Options,
) -> Result<()> {
    let path = dir.join(format!("{profile_id}.db"));
    let _ = std::fs::remove_file(&path);
    let mut st = Store::open(&path)?;
    let account = command::os_account();
    let env = Env::new(
        Profile::resolve(profile_id)?,
        st.calendar()?,
        clock,
        account.clone(),
    )
    .with_account(account);
    let t = Instant::now();
    command::perform(
        &mut st,
        &env,
        &Command::Demo {
            profile: profile_id.to_string(),
            opts: demo::Options {
                size: opts.size,
                seed: 1,
            },
        },
    )?;
    command::perform(
        &mut st,
        &env,
        &Command::History {
            count: opts.history,
            open: 0,
        },
    )?;
    writeln!(
        out,
        "\n== profile {profile_id}: {} items of history generated in {:.1} s",
        opts.history,
        t.elapsed().as_secs_f64()
    )?;
    let officer = st
        .read(|tx| demo::summarize(tx, &env))?
        .duty_officer
        .unwrap_or_else(|| env.actor.clone());
    let mut sizes = opts.open.clone();
    sizes.sort_unstable();
    let mut rows = Vec::new();
    for target in sizes {
        let open = open_items(&st)?;
        if (target as i64) > open {
            command::perform(
                &mut st,
                &env,
                &Command::History {
                    count: 0,
                    open: target - open as u64,
                },
            )?;
        }
        rows.push(measure(&mut st, &env, &path, &officer, opts.runs)?);
    }
    write_table(out, &rows)
}

fn open_items(st: &Store) -> Result<i64> {
    Ok(st.conn().query_row(
        "SELECT (SELECT count(*) FROM documents WHERE state = '待批')
              + (SELECT count(*) FROM supervision WHERE state = '办理中')",
        [],
        |r| r.get(0),
    )?)
}

pub(super) fn draw(app: &App) {
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
}

/// A board as `dutydesk` opens one: the panes and header for the first frame; the
/// findings follow in the next step.
pub(super) fn board(st: &mut Store, env: &Env) -> Result<App> {
    let mut app = App::open(
        st,
        env.clone(),
        Lang::Zh,
        Keymap::default(),
        Theme::mono(),
        5,
    )?;
    app.resize(80, 24);
    Ok(app)
}

/// Times one action through the board's own step, until the frame is drawn.
fn keystroke(app: &mut App, st: &mut Store, a: Action) -> Duration {
    let t = Instant::now();
    crate::tui::step(app, st, a);
    draw(app);
    t.elapsed()
}

/// Refreshes timed at least, whatever `--runs` says.
const REFRESH_RUNS: usize = 200;

fn measure(st: &mut Store, env: &Env, path: &Path, officer: &str, runs: usize) -> Result<Figures> {
    let open = open_items(st)?;
    // Opening the board: a new connection, the first snapshot, the first frame.
    let first_frame = time_runs(runs, || {
        let mut s = Store::open(path)?;
        let app = board(&mut s, env)?;
        draw(&app);
        Ok(())
    })?;
    let mut app = board(st, env)?;
    // As the board's loop does after its first frame: the findings, in full.
    app.complete_findings(st)?;
    // Another officer urges an open item, a supervision item and a pending document in
    // turn; the board notices and redraws (each change re-reads its own pane).
    let item: i64 = st.conn().query_row(
        "SELECT min(id) FROM supervision WHERE state = '办理中'",
        [],
        |r| r.get(0),
    )?;
    let doc: i64 = st.conn().query_row(
        "SELECT min(id) FROM documents WHERE state = '待批'",
        [],
        |r| r.get(0),
    )?;
    let wenv = Env {
        actor: officer.to_string(),
        ..env.clone()
    };
    let mut writer = Store::open(path)?;
    // A 99th percentile means something from a hundred samples on; a refresh is cheap.
    let refreshes = runs.max(REFRESH_RUNS);
    let mut refresh = Vec::with_capacity(refreshes);
    for i in 0..refreshes {
        command::perform(
            &mut writer,
            &wenv,
            &Command::Urge {
                item: if i % 2 == 0 {
                    UrgeRef::Supervision(Ref::Id(item))
                } else {
                    UrgeRef::Document(Ref::Id(doc))
                },
                note: format!("bench {i}"),
            },
        )?;
        refresh.push(keystroke(&mut app, st, Action::DbChanged));
    }
    // Typing a filter, a character at a time, then deleting it. Each round after a change
    // by another officer, so that its reads are not those of the round before (which the
    // board keeps until the data changes).
    // Another officer urges the pending document; the board refreshes (untimed).
    let mut changed = |app: &mut App, st: &mut Store, note: String| -> Result<()> {
        command::perform(
            &mut writer,
            &wenv,
            &Command::Urge {
                item: UrgeRef::Document(Ref::Id(doc)),
                note,
            },
        )?;
        crate::tui::step(app, st, Action::DbChanged);
        Ok(())
    };
    let mut filter = Vec::new();
    for i in 0..runs.div_ceil(6).max(1) {
        changed(&mut app, st, format!("bench filter {i}"))?;
        crate::tui::step(&mut app, st, Action::StartFilter);
        for c in ["审", "计", "整"] {
            filter.push(keystroke(&mut app, st, Action::Insert(c.to_string())));
        }
        for _ in 0..3 {
            filter.push(keystroke(&mut app, st, Action::DeleteBack));
        }
        crate::tui::step(&mut app, st, Action::Back);
    }
    let switch = (0..runs)
        .map(|_| keystroke(&mut app, st, Action::NextPane))
        .collect();
    crate::tui::step(&mut app, st, Action::FocusPane(PaneId::Approvals));
    // Each sort change after a change by another officer: a sort seen before on the
    // same data is shown again without a read, which is not what is measured here.
    let mut sort = Vec::with_capacity(runs);
    for i in 0..runs {
        changed(&mut app, st, format!("bench sort {i}"))?;
        sort.push(keystroke(&mut app, st, Action::CycleSort));
    }
    // Of those, the reads alone: the header and three panes at the board's window, without
    // a filter and with one of one, two and three characters.
    let window = Filter {
        limit: app.panes[0].window(),
        sort: SortKey::Priority,
        ..Filter::default()
    };
    let panes = time_runs(runs, || read_panes(st, env, &window))?;
    let mut filtered = Vec::new();
    for text in ["审", "审计", "审计整"] {
        let f = Filter {
            text: Some(text.to_string()),
            ..window.clone()
        };
        filtered.extend(time_runs(runs.div_ceil(3), || read_panes(st, env, &f))?);
    }
    let mut findings = 0;
    let check = time_runs(runs.min(10), || {
        findings = st
            .read(|tx| crate::store::compliance::check(tx, env))?
            .len();
        Ok(())
    })?;
    let (count_first, count_exit) = super::count::cli_count(path, env, runs)?;
    let wakeup = crate::tui::event::Wakeup::default();
    let commit = super::live::measure(path, env, officer, COMMITS, wakeup)?.seen;
    let idle_cpu = super::live::idle_cpu(path, env, wakeup, IDLE).ok();
    let rss_mib = super::probe::rss(path, env).ok();
    Ok(Figures {
        open,
        first_frame,
        refresh,
        filter,
        switch,
        sort,
        panes,
        filtered,
        check,
        findings,
        count_first,
        count_exit,
        commit,
        idle_cpu,
        rss_mib,
    })
}

fn read_panes(st: &mut Store, env: &Env, f: &Filter) -> Result<()> {
    st.read(|tx| {
        crate::store::queries::header(tx, env)?;
        crate::store::queries::approvals(tx, env, f)?;
        crate::store::queries::supervision(tx, env, f)?;
        crate::store::queries::meetings(tx, env, f)?;
        Ok(())
    })?;
    Ok(())
}

pub(super) fn today_arg(env: &Env) -> String {
    crate::clock::fmt_date(env.today())
}

fn write_table(out: &mut dyn Write, rows: &[Figures]) -> Result<()> {
    write!(out, "{:<34}", "open items (ms: median / p99)")?;
    for r in rows {
        write!(out, "{:>22}", r.open)?;
    }
    writeln!(out)?;
    let line = |out: &mut dyn Write, name: &str, f: &dyn Fn(&Figures) -> String| -> Result<()> {
        write!(out, "{name:<34}")?;
        for r in rows {
            write!(out, "{:>22}", f(r))?;
        }
        writeln!(out)?;
        Ok(())
    };
    let pair = |v: &Vec<Duration>| {
        let (m, p) = mp(v.clone());
        format!("{} / {}", short(m), short(p))
    };
    line(out, "first full frame", &|r| pair(&r.first_frame))?;
    line(out, "refresh after a change", &|r| pair(&r.refresh))?;
    line(out, "filter keystroke", &|r| pair(&r.filter))?;
    line(out, "pane switch", &|r| pair(&r.switch))?;
    line(out, "sort change", &|r| pair(&r.sort))?;
    line(out, "  of which: header + panes read", &|r| pair(&r.panes))?;
    line(out, "  of which: filtered panes read", &|r| {
        pair(&r.filtered)
    })?;
    line(out, "合规 check (all findings)", &|r| pair(&r.check))?;
    line(out, "  findings", &|r| r.findings.to_string())?;
    line(out, "list --count: first output", &|r| pair(&r.count_first))?;
    line(out, "list --count: exited", &|r| pair(&r.count_exit))?;
    line(out, "commit -> screen (median / p95)", &|r| {
        let (m, p95, _) = super::stats(r.commit.clone());
        format!("{} / {}", short(m), short(p95))
    })?;
    line(out, "idle board CPU", &|r| {
        r.idle_cpu
            .map_or_else(|| "?".to_string(), |c| format!("{:.3} %", c * 100.0))
    })?;
    line(out, "board peak RSS", &|r| {
        r.rss_mib
            .map_or_else(|| "?".to_string(), |m| format!("{m:.1} MiB"))
    })?;
    Ok(())
}

/// Milliseconds with two decimals, without the unit (the table's heading says ms).
fn short(d: Duration) -> String {
    let s = ms(d);
    s.trim_end_matches(" ms").to_string()
}
