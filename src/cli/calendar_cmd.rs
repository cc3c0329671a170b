//! `dutydesk calendar …` and `dutydesk rules`: wiring to the calendar and profile printers.

use super::Ctx;
use super::args::parse_date_arg;
use crate::calendar::Calendar;
use anyhow::Result;
use chrono::NaiveDate;
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;

/// `dutydesk calendar …`
#[derive(Debug, Subcommand)]
pub enum CalendarCmd {
    /// One line per day: date, weekday, workday / rest / 补班 and the holiday; any span, streamed.
    Days {
        #[arg(value_parser = parse_date_arg)]
        from: NaiveDate,
        #[arg(value_parser = parse_date_arg)]
        to: NaiveDate,
        #[arg(long)]
        json: bool,
    },
    /// The date N working days after DATE (N may be negative).
    Add {
        #[arg(value_parser = parse_date_arg)]
        date: NaiveDate,
        #[arg(allow_negative_numbers = true)]
        n: i64,
    },
    /// Add or replace a year's official schedule (holiday-cn JSON layout) in the database.
    Import {
        file: PathBuf,
        /// Replace a year the calendar already has (the changes are shown first).
        #[arg(long)]
        replace: bool,
    },
}

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
        CalendarCmd::Import { file, replace } => {
            super::calendar_import::run(ctx, &file, replace, out)?
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
