//! `dutydesk ics`: meetings (and with `--deadlines` the open items' deadlines) as an
//! iCalendar feed for Outlook, Thunderbird and phone calendars.

use super::Ctx;
use super::shift_args::parse_day;
use crate::shift::ics;
use crate::store::shift::calendar;
use anyhow::{Context as _, Result};
use chrono::{Days, NaiveDate};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// `dutydesk ics [--from …] [--to …] [--leader LOGIN] [--deadlines] [-o FILE]`
#[derive(Debug, Args)]
pub struct IcsArgs {
    /// First day (default: 30 days ago).
    #[arg(long, value_parser = parse_day)]
    pub from: Option<NaiveDate>,
    /// Last day (default: 90 days ahead).
    #[arg(long, value_parser = parse_day)]
    pub to: Option<NaiveDate>,
    /// Only meetings this leader (login) chairs or attends.
    #[arg(long, value_name = "LOGIN")]
    pub leader: Option<String>,
    /// Also the deadlines of pending documents and open supervision items (all-day).
    #[arg(long)]
    pub deadlines: bool,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, a: &IcsArgs, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store_read_only()?;
    let env = ctx.env(&store)?;
    let today = env.today();
    let from = a
        .from
        .unwrap_or_else(|| today.checked_sub_days(Days::new(30)).unwrap_or(today));
    let to =
        a.to.unwrap_or_else(|| today.checked_add_days(Days::new(90)).unwrap_or(today));
    let (meetings, deadlines) = store.read(|tx| {
        let m = calendar::meetings(tx, from, to, a.leader.as_deref())?;
        let d = if a.deadlines {
            calendar::deadlines(tx, from, to)?
        } else {
            Vec::new()
        };
        Ok((m, d))
    })?;
    let name = format!(
        "{} {}",
        env.profile.district.name,
        ctx.lang.pick("会议", "meetings")
    );
    let text = ics::calendar(&name, &env.profile.district.id, &meetings, &deadlines);
    match &a.output {
        Some(p) => std::fs::write(p, text.as_bytes())
            .with_context(|| format!("writing {}", p.display()))?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}
