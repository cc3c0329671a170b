//! `dutydesk meeting held|cancel|move|minutes|documents|topic|leave ID …`: a meeting's
//! life from the command line, each a command through the one door.

use super::Ctx;
use crate::command::{Command, Ref, parse_start};
use anyhow::{Result, anyhow};
use chrono::{NaiveDate, NaiveDateTime};
use std::io::Write;

/// Parses a start or a time held: `2026-12-10 09:30` (or with a `T`, or seconds).
fn parse_time(s: &str) -> Result<NaiveDateTime, String> {
    parse_start(s).ok_or_else(|| {
        format!(
            "“{s}”不是时间，请写 2026-12-10 09:30 / '{s}' is not a time; write 2026-12-10 09:30"
        )
    })
}

/// `dutydesk meeting …`
#[derive(Debug, clap::Subcommand)]
pub enum MeetingCmd {
    /// Record a meeting as held, at the actual time (default now; never before the start).
    Held {
        id: String,
        #[arg(long, value_name = "TIME", value_parser = parse_time)]
        at: Option<NaiveDateTime>,
    },
    /// Cancel a meeting, with the reason.
    Cancel {
        id: String,
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Move a meeting to another start; its materials, minutes and documents deadlines follow.
    Move {
        id: String,
        #[arg(long, value_name = "TIME", value_parser = parse_time)]
        to: NaiveDateTime,
    },
    /// Record the minutes (纪要) as issued on a day (default today).
    Minutes {
        id: String,
        #[arg(long, value_name = "DATE", value_parser = super::parse_date_arg)]
        on: Option<NaiveDate>,
    },
    /// Record the meeting's documents as issued on a day (default today).
    Documents {
        id: String,
        #[arg(long, value_name = "DATE", value_parser = super::parse_date_arg)]
        on: Option<NaiveDate>,
    },
    /// Add a topic (议题), optionally with the reporting department.
    Topic {
        id: String,
        #[arg(long, value_name = "TEXT")]
        title: String,
        #[arg(long, value_name = "DEPT")]
        dept: Option<String>,
    },
    /// A leave request from a member (name, login or pinyin initials).
    Leave {
        id: String,
        #[arg(long, value_name = "PERSON")]
        person: String,
        #[arg(long, value_name = "TEXT")]
        reason: String,
        /// The request was made in writing.
        #[arg(long)]
        in_writing: bool,
    },
}

pub fn run(ctx: &Ctx, cmd: MeetingCmd, out: &mut dyn Write) -> Result<()> {
    let r = |id: String| Ref::from(id);
    let cmd = match cmd {
        MeetingCmd::Held { id, at } => Command::MeetingHeld { meeting: r(id), at },
        MeetingCmd::Cancel { id, reason } => Command::MeetingCancel {
            meeting: r(id),
            reason,
        },
        MeetingCmd::Move { id, to } => Command::MeetingMove { meeting: r(id), to },
        MeetingCmd::Minutes { id, on } => Command::MinutesIssued { meeting: r(id), on },
        MeetingCmd::Documents { id, on } => Command::DocumentsIssued { meeting: r(id), on },
        MeetingCmd::Topic { id, title, dept } => Command::AddTopic {
            meeting: r(id),
            title,
            dept,
        },
        MeetingCmd::Leave {
            id,
            person,
            reason,
            in_writing,
        } => Command::Leave {
            meeting: r(id),
            person,
            reason,
            in_writing,
        },
    };
    let mut store = ctx.open_store()?;
    let done = ctx.perform(&mut store, &cmd).map_err(|e| anyhow!("{e}"))?;
    writeln!(out, "{}", done.summary(ctx.lang))?;
    Ok(())
}
