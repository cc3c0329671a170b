//! `dutydesk demo [--size N] [--seed S] [--no-board]`: a fresh demo district, never in the
//! real database, then the board on it (when standard output is a terminal).

use super::Ctx;
use crate::demo::{self, PaneCounts, Summary};
use crate::domain::Env;
use crate::profile::Profile;
use crate::store::Store;
use anyhow::{Context as _, Result, bail};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The profile the demo uses when none is given: it states the most numbers.
pub const DEFAULT_PROFILE: &str = "dongchang";

pub fn run(ctx: &Ctx, size: u32, seed: u64, no_board: bool, out: &mut dyn Write) -> Result<()> {
    let path = demo_path(ctx);
    make_room(&path)?;
    let profile_id = ctx
        .profile
        .clone()
        .unwrap_or_else(|| DEFAULT_PROFILE.to_string());
    let profile = Profile::resolve(&profile_id)?;
    let mut store = Store::open(&path)
        .with_context(|| format!("creating the demo database {}", path.display()))?;
    let account = crate::command::os_account();
    let loader = ctx.actor.clone().unwrap_or_else(|| account.clone());
    let env = Env::new(profile, store.calendar()?, ctx.clock, loader).with_account(account);
    let started = std::time::Instant::now();
    crate::command::perform(
        &mut store,
        &env,
        &crate::command::Command::Demo {
            profile: profile_id.clone(),
            opts: demo::Options { size, seed },
        },
    )
    .map_err(|e| anyhow::anyhow!(e.localized(ctx.lang)))?;
    let summary = store.read(|tx| demo::summarize(tx, &env))?;
    tracing::info!(
        size,
        seed,
        ms = started.elapsed().as_millis() as u64,
        "demo generated"
    );
    let actor = ctx
        .actor
        .clone()
        .or_else(|| summary.duty_officer.clone())
        .unwrap_or_else(crate::command::os_account);
    print(
        ctx,
        &path,
        &profile_id,
        &env,
        seed,
        size,
        &summary,
        &actor,
        out,
    )?;
    drop(store);
    if !no_board && std::io::stdout().is_terminal() {
        let mut board = ctx.clone();
        board.db = path;
        board.profile = Some(profile_id);
        board.actor = Some(actor);
        return super::board::run(&board);
    }
    Ok(())
}

/// `--db` when it was given explicitly; otherwise the demo file, never the real database
/// (the default path, or the one the config file names).
fn demo_path(ctx: &Ctx) -> PathBuf {
    let real = ctx.db == crate::paths::default_db() || ctx.config.db.as_ref() == Some(&ctx.db);
    if real {
        crate::paths::demo_db()
    } else {
        ctx.db.clone()
    }
}

/// Deletes the previous demo (with its WAL and shared-memory files). A file that holds
/// anything but a demo is left alone, with an error.
fn make_room(path: &Path) -> Result<()> {
    // Rebuilding a file a board has open would leave that board on an unlinked file.
    if crate::store::file::BoardLock::in_use(path) {
        bail!(
            "{} is open on a board; close that board first (the demo will not rebuild a file in use)",
            path.display()
        );
    }
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if len > 0 && !is_disposable(path) {
        bail!(
            "{} holds data that is not a dutydesk demo; the demo makes a fresh database and will not overwrite it — pass another --db",
            path.display()
        );
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(e).with_context(|| format!("removing {}", PathBuf::from(p).display()));
            }
        }
    }
    Ok(())
}

/// Whether a database is an earlier demo, or holds no records at all.
fn is_disposable(path: &Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return false;
    };
    let marker: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'demo'", [], |r| {
            r.get(0)
        })
        .optional()
        .unwrap_or(None);
    if marker.is_some() {
        return true;
    }
    let empty = |sql: &str| {
        conn.query_row(sql, [], |r| r.get::<_, i64>(0))
            .map(|n| n == 0)
            .unwrap_or(false)
    };
    empty("SELECT COUNT(*) FROM people")
        && empty("SELECT COUNT(*) FROM documents")
        && empty("SELECT COUNT(*) FROM supervision")
}

#[allow(clippy::too_many_arguments)]
fn print(
    ctx: &Ctx,
    path: &Path,
    profile: &str,
    env: &Env,
    seed: u64,
    size: u32,
    s: &Summary,
    actor: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let l = ctx.lang;
    writeln!(
        out,
        "{} {} ({} {profile} {}, {} {seed}, {} {size}, {} {})",
        l.pick("演示数据库", "demo database"),
        path.display(),
        l.pick("区情规则", "profile"),
        env.profile.district.name,
        l.pick("种子", "seed"),
        l.pick("规模", "size"),
        l.pick("今天", "today"),
        env.today(),
    )?;
    writeln!(
        out,
        "  {} {}, {} {}",
        l.pick("部门/镇街", "departments and towns"),
        s.departments,
        l.pick("人员", "people"),
        s.people
    )?;
    let pane = |name: &str, c: &PaneCounts| {
        format!(
            "  {name}: {} {}, {} {}, {} {}",
            l.pick("逾期", "overdue"),
            c.overdue,
            l.pick("5个工作日内到期", "due within 5 wd"),
            c.soon,
            l.pick("以后到期", "later"),
            c.later
        )
    };
    writeln!(
        out,
        "{}",
        pane(l.pick("待批公文", "approvals"), &s.approvals)
    )?;
    writeln!(
        out,
        "{}",
        pane(l.pick("督办事项", "supervision"), &s.supervision)
    )?;
    writeln!(
        out,
        "  {}: {} {}, {} {}, {} {}",
        l.pick("会议", "meetings"),
        l.pick("14天内", "next 14 days"),
        s.meetings_upcoming,
        l.pick("纪要或文件逾期", "minutes or documents overdue"),
        s.meetings_owing,
        l.pick("共", "in all"),
        s.meetings
    )?;
    let away = if s.away_today.is_empty() {
        l.pick("无", "nobody").to_string()
    } else {
        s.away_today.join(", ")
    };
    writeln!(
        out,
        "  {}: {}; {}: {away}",
        l.pick("今日值班", "on duty today"),
        s.duty_officer.as_deref().unwrap_or("-"),
        l.pick("今日外出", "away today"),
    )?;
    writeln!(out, "  {}: {actor}", l.pick("当前操作人", "acting as"))?;
    Ok(())
}
