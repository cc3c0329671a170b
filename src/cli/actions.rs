//! The item actions for scripts: sign, return, forward, urge, extend, progress, close,
//! reopen, recheck, and the rules' actions (minutes drafted, reported, printed, published,
//! decide, step, rechecked).
//! Each builds one [`command::Command`] and performs it through the one door (one
//! transaction, one audit entry), printing what was done in the user's language. A refusal
//! is an error carrying the reason in that language, so the exit code is non-zero.

use super::{Command, Ctx};
use crate::command::{self, OnPaper, Ref, UrgeRef};
use anyhow::{Result, bail};
use std::io::Write;

pub fn run(ctx: &Ctx, cmd: Command, out: &mut dyn Write) -> Result<()> {
    let cmd = to_command(cmd)?;
    let mut store = ctx.open_store()?;
    let done = ctx.perform(&mut store, &cmd)?;
    writeln!(out, "{}", done.summary(ctx.lang))?;
    Ok(())
}

/// The core command a command line names.
fn to_command(cmd: Command) -> Result<command::Command> {
    let paper = |leader: Option<String>, on| match (leader, on) {
        (Some(leader), Some(on)) => Some(OnPaper { leader, on }),
        _ => None,
    };
    Ok(match cmd {
        Command::Sign {
            id,
            text,
            for_leader,
            signed_on,
        } => command::Command::Sign {
            doc: Ref::from(id),
            text,
            on_paper: paper(for_leader, signed_on),
        },
        Command::Return {
            id,
            reason,
            for_leader,
            signed_on,
        } => command::Command::Return {
            doc: Ref::from(id),
            reason,
            on_paper: paper(for_leader, signed_on),
        },
        Command::Forward { id, to, note } => command::Command::Forward {
            doc: Ref::from(id),
            to,
            note,
        },
        Command::Urge { id, note } => command::Command::Urge {
            item: UrgeRef::Either(id),
            note,
        },
        Command::Extend { id, to, reason } => command::Command::Extend {
            sup: Ref::from(id),
            to,
            reason,
        },
        Command::Progress { id, note } => command::Command::Progress {
            sup: Ref::from(id),
            note,
        },
        Command::Close { id, note } => command::Command::Close {
            sup: Ref::from(id),
            note,
        },
        Command::Reopen { id, reason } => command::Command::Reopen {
            sup: Ref::from(id),
            reason,
        },
        Command::Recheck { id, on } => command::Command::Recheck {
            sup: Ref::from(id),
            on,
        },
        Command::MinutesDrafted { meeting } => command::Command::MinutesDrafted {
            meeting: Ref::from(meeting),
        },
        Command::Reported { meeting } => command::Command::MeetingReported {
            meeting: Ref::from(meeting),
        },
        Command::Printed { id } => command::Command::Printed { doc: Ref::from(id) },
        Command::Published { id } => command::Command::Published { doc: Ref::from(id) },
        Command::Decide {
            meeting,
            title,
            lead,
            co,
            deadline,
        } => command::Command::Decide {
            meeting: Ref::from(meeting),
            title,
            lead,
            co,
            deadline,
        },
        Command::Step { project, step } => command::Command::Step {
            project: Ref::from(project),
            step,
        },
        Command::Rechecked { id, note } => command::Command::Rechecked {
            sup: Ref::from(id),
            note,
        },
        other => bail!("not an item action: {other:?}"),
    })
}
