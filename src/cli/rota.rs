//! `dutydesk rota show|set|import`: the duty rota (值班表).

use super::Ctx;
use super::shift_args::parse_day;
use crate::clock::fmt_date;
use crate::command::{Command, RotaDay};
use crate::shift::rota::{gaps, kind_label, weekday};
use crate::store::shift::rota;
use anyhow::{Context as _, Result, anyhow};
use chrono::NaiveDate;
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;

/// `dutydesk rota …`
#[derive(Debug, Subcommand)]
pub enum RotaCmd {
    /// The rota, a line per day, with holidays, 调休 days and gaps marked (default: this
    /// week and next).
    Show {
        /// First day (default: this week's Monday).
        #[arg(long, value_parser = parse_day)]
        from: Option<NaiveDate>,
        #[arg(long, default_value_t = 2)]
        weeks: u64,
        #[arg(long)]
        json: bool,
    },
    /// Set a day: the duty officer (值班) and/or the leader on duty (带班领导); `-` clears.
    Set {
        #[arg(value_parser = parse_day)]
        day: NaiveDate,
        #[arg(long)]
        officer: Option<String>,
        #[arg(long)]
        leader: Option<String>,
    },
    /// Import days from a CSV file (日期,值班,带班; as saved from Excel as CSV UTF-8).
    Import { file: PathBuf },
}

pub fn run(ctx: &Ctx, cmd: RotaCmd, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    match cmd {
        RotaCmd::Show { from, weeks, json } => {
            let mut store = ctx.open_store_read_only()?;
            let env = ctx.env(&store)?;
            let from = from.unwrap_or_else(|| rota::monday_of(env.today()));
            let lines = store.read(|tx| rota::days(tx, &env, from, weeks.saturating_mul(7)))?;
            for l in &lines {
                if json {
                    writeln!(out, "{}", serde_json::to_string(l)?)?;
                    continue;
                }
                let dash = || "—".to_string();
                writeln!(
                    out,
                    "{} {} {} {} {} {} {} {}",
                    fmt_date(l.day),
                    crate::text::pad(&weekday(l.day, lang), 4),
                    crate::text::pad(&kind_label(l, lang), 18),
                    lang.pick("值班", "duty"),
                    crate::text::pad(&l.officer.clone().unwrap_or_else(dash), 8),
                    lang.pick("带班", "leader"),
                    crate::text::pad(&l.leader.clone().unwrap_or_else(dash), 8),
                    gaps(l, lang)
                )?;
            }
            Ok(())
        }
        RotaCmd::Set {
            day,
            officer,
            leader,
        } => {
            if officer.is_none() && leader.is_none() {
                return Err(anyhow!(lang.pick(
                    "请给出 --officer 或 --leader",
                    "give --officer and/or --leader"
                )));
            }
            let mut store = ctx.open_store()?;
            let done = ctx.perform(
                &mut store,
                &Command::RotaSet(RotaDay {
                    day,
                    officer: officer.map(|s| if s == "-" { String::new() } else { s }),
                    leader: leader.map(|s| if s == "-" { String::new() } else { s }),
                }),
            )?;
            writeln!(out, "{}", done.summary(lang))?;
            Ok(())
        }
        RotaCmd::Import { file } => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let name = file.display().to_string();
            let days = crate::interchange::rota_csv::read(&name, &bytes)?;
            let mut store = ctx.open_store()?;
            let done = ctx.perform(&mut store, &Command::RotaImport { days, source: name })?;
            writeln!(out, "{}", done.summary(lang))?;
            Ok(())
        }
    }
}
