//! `dutydesk calendar …` and `dutydesk rules`: wiring to the calendar and profile printers.

use super::{CalendarCmd, Ctx};
use crate::calendar::{Calendar, YearSchedule};
use crate::command::{Command, Detail};
use crate::error::IoContext as _;
use anyhow::{Context as _, Result};
use std::io::Write;

/// The calendar in force: the database's (compiled-in years plus imported ones) when the
/// database exists, else the compiled-in one — `calendar days` must not create a database.
fn calendar(ctx: &Ctx) -> Result<Calendar> {
    if ctx.db.exists() {
        Ok(ctx.open_store()?.calendar()?)
    } else {
        Ok(Calendar::embedded())
    }
}

pub fn run(ctx: &Ctx, cmd: CalendarCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        CalendarCmd::Days { from, to, json } => {
            let cal = calendar(ctx)?;
            for w in super::calendar::warn_missing(&cal, from, to, ctx.lang) {
                eprintln!("{w}");
            }
            super::calendar::days(&cal, from, to, json, ctx.lang, out)?;
        }
        CalendarCmd::Add { date, n } => {
            let cal = calendar(ctx)?;
            let due = cal.add_workdays(date, n);
            let (lo, hi) = if due < date { (due, date) } else { (date, due) };
            for w in super::calendar::warn_missing(&cal, lo, hi, ctx.lang) {
                eprintln!("{w}");
            }
            super::calendar::add(&cal, date, n, out)?;
        }
        CalendarCmd::Import { file } => import(ctx, &file, out)?,
    }
    Ok(())
}

/// Adds or replaces a year in the database, then recomputes open items' deadlines — all in
/// one command, so a bad file or a failure changes nothing.
fn import(ctx: &Ctx, file: &std::path::Path, out: &mut dyn Write) -> Result<()> {
    let text = std::fs::read_to_string(file).at_path(file)?;
    let sched = YearSchedule::parse(&text, &file.display().to_string())?;
    let mut st = ctx.open_store()?;
    let done = ctx
        .perform(
            &mut st,
            &Command::CalendarImport {
                schedule: sched,
                source: file.display().to_string(),
            },
        )
        .with_context(|| format!("importing {}", file.display()))?;
    let l = ctx.lang;
    writeln!(out, "{}", done.summary(l)).at_path("<output>")?;
    if let Detail::Calendar(c) = done.detail {
        if c.replaced {
            writeln!(
                out,
                "{}",
                l.pick("（替换了原有安排）", "(replaced the previous schedule)")
            )
            .at_path("<output>")?;
        }
        if let Some(n) = &c.recomputed {
            let line = match l {
                crate::i18n::Lang::Zh => format!(
                    "重新计算期限：公文 {}，会签 {}，督办事项 {}，会议 {}",
                    n.documents, n.countersigns, n.supervision, n.meetings
                ),
                crate::i18n::Lang::En => format!(
                    "recomputed deadlines: {} documents, {} countersign requests, {} supervision items, {} meetings",
                    n.documents, n.countersigns, n.supervision, n.meetings
                ),
            };
            writeln!(out, "{line}").at_path("<output>")?;
            for m in &n.moved {
                writeln!(out, "  {}", m.line(l)).at_path("<output>")?;
            }
        }
    }
    Ok(())
}

/// `dutydesk rules`: the profile in force (`--profile`, else the database's, else the
/// config's), printed with its articles. Works without a database when `--profile` is given.
pub fn rules(ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let profile = match (&ctx.profile, ctx.db.exists()) {
        (Some(p), _) => crate::profile::Profile::resolve(p)?,
        (None, true) => ctx.profile(&ctx.open_store()?)?,
        (None, false) => match &ctx.config.profile {
            Some(p) => crate::profile::Profile::resolve(p)?,
            None => anyhow::bail!(
                "no district profile: pass --profile ID (one of {})",
                crate::profile::Profile::builtin_ids().join(", ")
            ),
        },
    };
    super::rules::run(&profile, ctx.lang, out)?;
    Ok(())
}
