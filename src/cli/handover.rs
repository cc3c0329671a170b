//! `dutydesk handover`: the shift's report (交接班). It prints the report, saves it under
//! `handovers/` beside the database with the shift's date, and records the handover in the
//! audit log (a command: the office's duty staff). `--preview` only prints.
//! `dutydesk handover confirm` is the incoming officer's 接班确认.

use super::Ctx;
use super::shift_args::{ReportFormat, parse_time};
use crate::command::{Command, HandoverSaved};
use crate::shift::report;
use crate::store::shift::handover;
use anyhow::{Context as _, Result, anyhow};
use chrono::NaiveDateTime;
use clap::{Args, Subcommand};
use sha2::{Digest as _, Sha256};
use std::io::Write;

/// `dutydesk handover confirm`
#[derive(Debug, Subcommand)]
pub enum HandoverCmd {
    /// 接班确认: the incoming officer confirms the latest handover (or the one given).
    Confirm { id: Option<i64> },
}

/// `dutydesk handover [--since TIME] [--format …] [--preview]`
#[derive(Debug, Args)]
pub struct HandoverArgs {
    /// The shift's start (default: the end of the last handover, else 24 hours ago).
    #[arg(long, value_parser = parse_time)]
    pub since: Option<NaiveDateTime>,
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ReportFormat,
    /// Print the report only: nothing saved, nothing recorded.
    #[arg(long)]
    pub preview: bool,
}

pub fn run(
    ctx: &Ctx,
    cmd: Option<HandoverCmd>,
    args: &HandoverArgs,
    out: &mut dyn Write,
) -> Result<()> {
    let lang = ctx.lang;
    if let Some(HandoverCmd::Confirm { id }) = cmd {
        let mut store = ctx.open_store()?;
        let done = ctx.perform(&mut store, &Command::HandoverConfirm { handover: id })?;
        writeln!(out, "{}", done.summary(lang))?;
        return Ok(());
    }
    let mut store = if args.preview {
        ctx.open_store_read_only()?
    } else {
        ctx.open_store()?
    };
    let env = ctx.env(&store)?;
    let until = env.now();
    let rep = store
        .read(|tx| {
            let since = match args.since {
                Some(s) => s,
                None => handover::default_since(tx, until)?,
            };
            handover::report(tx, &env, since, until)
        })
        .map_err(|e| anyhow!(e.localized(lang)))?;
    let format = args.format.into();
    let text = report::render(&rep, format, lang);
    out.write_all(text.as_bytes())?;
    if args.preview {
        return Ok(());
    }
    // Asked first so a refused handover leaves no file behind.
    let probe = Command::Handover(HandoverSaved {
        shift_date: rep.shift_date,
        since: until,
        until,
        path: String::new(),
        sha256: String::new(),
    });
    let acting = ctx.acting_env(&store)?;
    crate::command::precheck(&mut store, &acting, &probe)
        .map_err(|e| anyhow!(e.localized(lang)))?;
    let dir = report::dir_for(&ctx.db);
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let path = report::file_for(&dir, &rep, format);
    std::fs::write(&path, text.as_bytes())
        .with_context(|| format!("writing {}", path.display()))?;
    let sha = format!("{:x}", Sha256::digest(text.as_bytes()));
    let since = crate::store::shift::parse_local(&rep.since).unwrap_or(until);
    let done = ctx.perform(
        &mut store,
        &Command::Handover(HandoverSaved {
            shift_date: rep.shift_date,
            since,
            until,
            path: path.display().to_string(),
            sha256: sha,
        }),
    )?;
    eprintln!("{}", done.summary(lang));
    Ok(())
}
