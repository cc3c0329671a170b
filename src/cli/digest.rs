//! `dutydesk digest`: counts per pane, what is overdue, today's meetings and what they
//! owe, today's duty and yesterday's duty log — for cron and mail. Exit code 0, or 3 when
//! something is overdue, so a cron line can act on it (`dutydesk digest || mail …`).

use super::Ctx;
use super::shift_args::{ExitWith, ReportFormat};
use crate::shift::digest::{EXIT_OVERDUE, render};
use crate::store::shift::digest;
use anyhow::Result;
use std::io::Write;

pub fn run(ctx: &Ctx, format: ReportFormat, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store_read_only()?;
    let env = ctx.env(&store)?;
    let d = store.read(|tx| digest::read(tx, &env))?;
    out.write_all(render(&d, format.into(), ctx.lang).as_bytes())?;
    out.flush()?;
    if d.any_overdue() {
        return Err(ExitWith(EXIT_OVERDUE as u8).into());
    }
    Ok(())
}
