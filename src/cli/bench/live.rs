//! What an officer sees of a colleague's commit: from the commit in another process to
//! the board's next frame. The board here is the real one, headless — its [`Events`]
//! (the watcher and the fallback poll), its refresh ([`tui::step`]) and a draw into a
//! buffer — and the writer is this very binary, `dutydesk urge`, started once per commit
//! as a colleague's script or board would write. The moment of each commit is its audit
//! row's time, stamped inside the write transaction just before it commits, so each
//! figure counts a little more than the true latency, never less. Also: the CPU an idle
//! board uses, with its watcher and with polling alone.

use crate::domain::Env;
use crate::i18n::Lang;
use crate::store::Store;
use crate::tui::event::{Event, Events, Wakeup};
use crate::tui::{self, App, Effect, keymap::Keymap, theme::Theme};
use anyhow::{Context as _, Result, anyhow, bail};
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// Commits measured per way of waking.
const COMMITS: usize = 24;
/// How long the idle board is watched.
const IDLE: Duration = Duration::from_secs(10);

/// Commit-to-screen latencies, in the order they were seen.
pub struct Latency {
    pub seen: Vec<Duration>,
    /// Of each, the part until the board noticed the change (the rest is the refresh and
    /// the draw).
    pub noticed: Vec<Duration>,
    pub sent: usize,
    /// File wakes the board took (0 when polling).
    pub wakes: u64,
}

/// A headless board on `path`, drawn at 160×48.
struct Board {
    store: Store,
    app: App,
    events: Events,
    area: Rect,
}

impl Board {
    fn open(path: &Path, env: &Env, wakeup: Wakeup) -> Result<Board> {
        let mut store = Store::open_existing(path)?;
        store.set_busy_timeout(tui::retry::ATTEMPT)?;
        let mut app = App::new(
            &mut store,
            env.clone(),
            Lang::Zh,
            Keymap::default(),
            Theme::mono(),
            5,
        )?;
        app.resize(160, 48);
        let events = Events::with(&store, env.clock, false, wakeup);
        Ok(Board {
            store,
            app,
            events,
            area: Rect::new(0, 0, 160, 48),
        })
    }

    /// One turn of the board's loop; when it refreshed for another's commit, the moment
    /// the change was noticed (before the refresh and the draw).
    fn turn(&mut self) -> Result<Option<DateTime<Utc>>> {
        let Some(ev) = self.events.next(&self.store)? else {
            return Ok(None);
        };
        let changed = (ev == Event::DbChanged).then(Utc::now);
        let Some(action) = tui::action_for(&self.app, ev) else {
            return Ok(None);
        };
        let effect = tui::step(&mut self.app, &mut self.store, action);
        if matches!(effect, Effect::Redraw | Effect::Reload | Effect::Requery) {
            let mut buf = Buffer::empty(self.area);
            (&self.app).render(self.area, &mut buf);
        }
        Ok(changed)
    }
}

/// Runs the two ways of waking and prints their figures.
pub fn report(path: &Path, env: &Env, officer: &str, out: &mut dyn Write) -> Result<()> {
    let polling = Wakeup {
        watch: false,
        ..Wakeup::default()
    };
    for (name, wakeup) in [("watcher", Wakeup::default()), ("100 ms poll", polling)] {
        let lat = measure(path, env, officer, COMMITS, wakeup)?;
        let seen = lat.seen.len();
        let (m, p95, max) = super::stats(lat.seen);
        let (nm, np95, _) = super::stats(lat.noticed);
        writeln!(
            out,
            "commit -> screen, {name:11} median {}  p95 {}  max {} ({seen} of {} commits seen, {} file wakes)",
            super::ms(m),
            super::ms(p95),
            super::ms(max),
            lat.sent,
            lat.wakes
        )?;
        writeln!(
            out,
            "  of which until noticed    median {}  p95 {} (the rest: refresh and draw)",
            super::ms(nm),
            super::ms(np95)
        )?;
    }
    for (name, wakeup) in [("watcher", Wakeup::default()), ("100 ms poll", polling)] {
        let cpu = idle_cpu(path, env, wakeup, IDLE)?;
        writeln!(
            out,
            "idle board CPU, {name:11} {:.3} % over {} s",
            cpu * 100.0,
            IDLE.as_secs()
        )?;
    }
    Ok(())
}

/// Commit-to-screen latency of `n` commits by `officer`, each `dutydesk urge` in a process
/// of its own at staggered moments, seen by a board woken as `wakeup` says.
pub fn measure(path: &Path, env: &Env, officer: &str, n: usize, wakeup: Wakeup) -> Result<Latency> {
    let mut board = Board::open(path, env, wakeup)?;
    let item: String = board
        .store
        .conn()
        .query_row(
            "SELECT ext_id FROM supervision WHERE state = '办理中' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .context("finding an open supervision item to urge")?;
    let mut last_audit = last_audit_id(&board.store)?;
    let urge = writer(path, env, officer, &item)?;
    let writer = std::thread::spawn(move || -> Result<usize> {
        for i in 0..n {
            // Staggered, so commits fall at every phase of the fallback poll.
            std::thread::sleep(Duration::from_millis(80 + (i as u64 * 37) % 100));
            let out = urge(&format!("bench {i}"))
                .output()
                .context("starting the writer")?;
            if !out.status.success() {
                bail!(
                    "the writer failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                );
            }
        }
        Ok(n)
    });
    let (mut seen, mut noticed) = (Vec::new(), Vec::new());
    let until = Instant::now() + Duration::from_secs(60);
    while seen.len() < n && Instant::now() < until {
        // The writer done (or failed) and every commit it made seen: nothing more comes.
        if writer.is_finished() && last_audit_id(&board.store)? <= last_audit {
            break;
        }
        let Some(woke) = board.turn()? else {
            continue;
        };
        let shown = Utc::now();
        for at in commits_since(&board.store, &mut last_audit)? {
            seen.push((shown - at).to_std().unwrap_or_default());
            noticed.push((woke - at).to_std().unwrap_or_default());
        }
    }
    let sent = writer
        .join()
        .map_err(|_| anyhow!("the bench writer panicked"))??;
    Ok(Latency {
        seen,
        noticed,
        sent,
        wakes: board.events.file_wakes(),
    })
}

/// A maker of `dutydesk urge sup:ITEM --note NOTE` commands on `path`, run by this very
/// binary as a plain command line (no config, its log beside the bench's files).
fn writer(
    path: &Path,
    env: &Env,
    officer: &str,
    item: &str,
) -> Result<impl Fn(&str) -> std::process::Command + Send + 'static> {
    let exe = std::env::current_exe().context("finding this program to run the writer")?;
    let mut args: Vec<std::ffi::OsString> = vec!["--db".into(), path.into()];
    if env.clock.is_pinned() {
        args.extend(["--today".into(), crate::clock::fmt_date(env.today()).into()]);
    }
    let sup = format!("sup:{item}");
    args.extend(["--as", officer, "urge", &sup, "--note"].map(std::ffi::OsString::from));
    let (config, log) = (
        path.with_extension("none.toml"),
        path.with_extension("writer.log"),
    );
    Ok(move |note: &str| {
        let mut cmd = std::process::Command::new(&exe);
        cmd.args(&args)
            .arg(note)
            .env("DUTYDESK_CONFIG", &config)
            .env("DUTYDESK_LOG", &log)
            .env_remove("DUTYDESK_DB")
            .env_remove("DUTYDESK_AS")
            .env_remove("DUTYDESK_TODAY")
            .stdout(std::process::Stdio::null());
        cmd
    })
}

fn last_audit_id(store: &Store) -> Result<i64> {
    Ok(store
        .conn()
        .query_row("SELECT coalesce(max(id), 0) FROM audit", [], |r| r.get(0))?)
}

/// The times of the urges committed since `last` (moved past them).
fn commits_since(store: &Store, last: &mut i64) -> Result<Vec<DateTime<Utc>>> {
    let mut stmt = store
        .conn()
        .prepare_cached("SELECT id, at FROM audit WHERE id > ?1 AND action = 'urge' ORDER BY id")?;
    let rows = stmt.query_map([*last], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, at) = row?;
        *last = id;
        let at = DateTime::parse_from_rfc3339(&at)
            .with_context(|| format!("reading the audit time {at}"))?;
        out.push(at.with_timezone(&Utc));
    }
    Ok(out)
}

/// The share of one CPU a board uses while nothing happens, over `window`.
pub(super) fn idle_cpu(path: &Path, env: &Env, wakeup: Wakeup, window: Duration) -> Result<f64> {
    let mut board = Board::open(path, env, wakeup)?;
    let (cpu0, t0) = (cpu_time()?, Instant::now());
    while t0.elapsed() < window {
        board.events.wake_by(t0 + window);
        board.turn()?;
    }
    let (cpu, wall) = (cpu_time()? - cpu0, t0.elapsed());
    Ok(cpu.as_secs_f64() / wall.as_secs_f64())
}

/// User and system CPU time of this process so far (all its threads: the watcher's too).
fn cpu_time() -> Result<Duration> {
    use nix::sys::resource::{UsageWho, getrusage};
    let u = getrusage(UsageWho::RUSAGE_SELF).context("reading the CPU time")?;
    let tv = |t: nix::sys::time::TimeVal| {
        Duration::from_secs(t.tv_sec().max(0) as u64)
            + Duration::from_micros(t.tv_usec().max(0) as u64)
    };
    Ok(tv(u.user_time()) + tv(u.system_time()))
}
