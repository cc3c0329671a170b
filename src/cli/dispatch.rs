//! Runs a parsed subcommand, family by family (see `args::Command`).

use super::*;
use std::io::Write;

/// The board, `init` and `demo`.
pub(super) fn start(ctx: &Ctx, c: Start, out: &mut dyn Write) -> Result<()> {
    match c {
        Start::Board => board::run(ctx),
        Start::Init {
            org,
            pinned_clock,
            admin,
            group,
        } => init::run(
            ctx,
            init::Options {
                org: org.as_deref(),
                pinned_clock,
                admins: &admin,
                group: group.as_deref(),
            },
            out,
        ),
        Start::Demo {
            size,
            seed,
            no_board,
        } => demo::run(ctx, size, seed, no_board, out),
    }
}

/// The reads.
pub(super) fn read(ctx: &Ctx, c: Read, out: &mut dyn Write) -> Result<()> {
    match c {
        Read::List {
            what,
            overdue,
            due_within,
            json,
            count,
            history,
        } => list_history::dispatch(ctx, what, overdue, due_within, json, count, &history, out),
        Read::Rules => calendar_cmd::rules(ctx, out),
        Read::Check { json, fail_on } => check::run(ctx, json, fail_on, out),
    }
}

/// The duty log, the handover and the rota.
pub(super) fn duty(ctx: &Ctx, c: Duty, out: &mut dyn Write) -> Result<()> {
    match c {
        Duty::Log { cmd } => log::run(ctx, cmd, out),
        Duty::Handover { cmd, args } => handover::run(ctx, cmd, &args, out),
        Duty::Rota { cmd } => rota::run(ctx, cmd, out),
    }
}

/// Data in and out, the calendar, the audit and the database's care.
pub(super) fn upkeep(ctx: &Ctx, c: Upkeep, out: &mut dyn Write) -> Result<()> {
    match c {
        Upkeep::Import { file, migration } => import::run(ctx, &file, migration, out),
        Upkeep::Admin { cmd } => admin::run(ctx, cmd, out),
        Upkeep::Export {
            format,
            encoding,
            output,
        } => export::run(ctx, format, encoding, output.as_deref(), out),
        Upkeep::Bench(opts) => bench::run(ctx, opts, out),
        Upkeep::BenchProbe => {
            let mut st = ctx.open_store()?;
            let env = ctx.env(&st)?;
            bench::probe::probe(&mut st, &env, out)
        }
        Upkeep::Calendar { cmd } => calendar_cmd::run(ctx, cmd, out),
        Upkeep::Audit { cmd, list } => audit::run(ctx, cmd, &list, out),
        Upkeep::Settle => settle::run(ctx, out),
        Upkeep::Backup { dest } => backup::run(ctx, &dest, out),
        Upkeep::Doctor { json } => doctor::run(ctx, json, out),
    }
}

/// The reports.
pub(super) fn reports(ctx: &Ctx, c: Reports, out: &mut dyn Write) -> Result<()> {
    match c {
        Reports::Report {
            period,
            by,
            format,
            encoding,
            output,
        } => report::run(
            ctx,
            &report::Options {
                period,
                by,
                format,
                encoding,
                output,
            },
            out,
        ),
        Reports::Digest { format } => digest::run(ctx, format, out),
        Reports::Ics(a) => ics::run(ctx, &a, out),
    }
}
