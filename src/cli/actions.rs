//! The item actions for scripts: sign, return, forward, urge, extend, progress, close,
//! reopen, recheck, and the rules' actions (minutes drafted, reported, printed, published,
//! decide, step, rechecked).
//! Each builds one [`command::Command`] and performs it through the one door (one
//! transaction, one audit entry), printing what was done in the user's language. A refusal
//! is an error carrying the reason in that language, so the exit code is non-zero.

use super::{Ctx, parse_date_arg};
use crate::command::{self, OnPaper, Ref, UrgeRef};
use anyhow::Result;
use chrono::NaiveDate;
use clap::Subcommand;
use std::io::Write;

/// The item actions and the rules' actions, each one core command.
#[derive(Debug, Subcommand)]
pub enum ItemAction {
    /// Sign a document with an instruction (批示). The office records a leader's paper
    /// signature (代录) with --for and --signed-on.
    Sign {
        id: String,
        #[arg(long, short = 't', value_name = "TEXT", default_value = "")]
        text: String,
        /// 代录: the leader who signed on paper (login or name).
        #[arg(long = "for", value_name = "LEADER", requires = "signed_on")]
        for_leader: Option<String>,
        /// 代录: the day the leader signed.
        #[arg(long, value_name = "DATE", value_parser = parse_date_arg, requires = "for_leader")]
        signed_on: Option<NaiveDate>,
    },
    /// Return a document to its department. The office records a leader's paper return
    /// (代录) with --for and --signed-on.
    Return {
        id: String,
        #[arg(long, value_name = "TEXT")]
        reason: String,
        /// 代录: the leader who returned it on paper (login or name).
        #[arg(long = "for", value_name = "LEADER", requires = "signed_on")]
        for_leader: Option<String>,
        /// 代录: the day the leader returned it.
        #[arg(long, value_name = "DATE", value_parser = parse_date_arg, requires = "for_leader")]
        signed_on: Option<NaiveDate>,
    },
    /// Forward a document to another leader.
    Forward {
        id: String,
        /// The leader (login, name or part of the name).
        #[arg(long, value_name = "LEADER")]
        to: String,
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
    },
    /// Urge (催办) a document or a supervision item; records who and when.
    Urge {
        id: String,
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
    },
    /// Extend a supervision item's deadline (history is kept).
    Extend {
        id: String,
        #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
        to: NaiveDate,
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Add a progress note to a supervision item.
    Progress {
        id: String,
        #[arg(long, value_name = "TEXT")]
        note: String,
    },
    /// Close out (销号) a supervision item.
    Close {
        id: String,
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
    },
    /// Reopen a closed supervision item.
    Reopen {
        id: String,
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Set a supervision item's 回头看 re-check date.
    Recheck {
        id: String,
        #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
        on: NaiveDate,
    },
    /// Record a held meeting's minutes as drafted, for the chair to sign (崆峒 四十七).
    MinutesDrafted { meeting: String },
    /// Record the report after a held meeting to the 区委 and 区人大常委会, the 区政协
    /// informed (崆峒 四十二).
    Reported { meeting: String },
    /// Record a signed document as printed (印制).
    Printed { id: String },
    /// Record a printed document as published online (公开).
    Published { id: String },
    /// Record a meeting's decision as a supervision item (会议决定事项).
    Decide {
        meeting: String,
        #[arg(long, value_name = "TEXT")]
        title: String,
        /// The lead department (external id or name).
        #[arg(long, value_name = "DEPT")]
        lead: String,
        /// Co-departments (repeat or separate with commas).
        #[arg(long, value_name = "DEPT", value_delimiter = ',')]
        co: Vec<String>,
        #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
        deadline: Option<NaiveDate>,
    },
    /// Record a step (numbered from 1) of an investment project's route as done.
    Step { project: String, step: usize },
    /// Record a closed supervision item's 回头看 re-check as done.
    Rechecked {
        id: String,
        #[arg(long, value_name = "TEXT")]
        note: String,
    },
}

pub fn run(ctx: &Ctx, cmd: ItemAction, out: &mut dyn Write) -> Result<()> {
    let cmd = to_command(cmd);
    let mut store = ctx.open_store()?;
    let done = ctx.perform(&mut store, &cmd)?;
    writeln!(out, "{}", done.summary(ctx.lang))?;
    Ok(())
}

/// The core command a command line names.
fn to_command(cmd: ItemAction) -> command::Command {
    let paper = |leader: Option<String>, on| match (leader, on) {
        (Some(leader), Some(on)) => Some(OnPaper { leader, on }),
        _ => None,
    };
    match cmd {
        ItemAction::Sign {
            id,
            text,
            for_leader,
            signed_on,
        } => command::Command::Sign {
            doc: Ref::from(id),
            text,
            on_paper: paper(for_leader, signed_on),
        },
        ItemAction::Return {
            id,
            reason,
            for_leader,
            signed_on,
        } => command::Command::Return {
            doc: Ref::from(id),
            reason,
            on_paper: paper(for_leader, signed_on),
        },
        ItemAction::Forward { id, to, note } => command::Command::Forward {
            doc: Ref::from(id),
            to,
            note,
        },
        ItemAction::Urge { id, note } => command::Command::Urge {
            item: UrgeRef::Either(id),
            note,
        },
        ItemAction::Extend { id, to, reason } => command::Command::Extend {
            sup: Ref::from(id),
            to,
            reason,
        },
        ItemAction::Progress { id, note } => command::Command::Progress {
            sup: Ref::from(id),
            note,
        },
        ItemAction::Close { id, note } => command::Command::Close {
            sup: Ref::from(id),
            note,
        },
        ItemAction::Reopen { id, reason } => command::Command::Reopen {
            sup: Ref::from(id),
            reason,
        },
        ItemAction::Recheck { id, on } => command::Command::Recheck {
            sup: Ref::from(id),
            on,
        },
        ItemAction::MinutesDrafted { meeting } => command::Command::MinutesDrafted {
            meeting: Ref::from(meeting),
        },
        ItemAction::Reported { meeting } => command::Command::MeetingReported {
            meeting: Ref::from(meeting),
        },
        ItemAction::Printed { id } => command::Command::Printed { doc: Ref::from(id) },
        ItemAction::Published { id } => command::Command::Published { doc: Ref::from(id) },
        ItemAction::Decide {
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
        ItemAction::Step { project, step } => command::Command::Step {
            project: Ref::from(project),
            step,
        },
        ItemAction::Rechecked { id, note } => command::Command::Rechecked {
            sup: Ref::from(id),
            note,
        },
    }
}
