//! `dutydesk calendar …` and `dutydesk rules`: wiring to the calendar and profile printers.

use super::{CalendarCmd, Ctx};
use anyhow::Result;
use std::io::Write;

pub fn run(_ctx: &Ctx, _cmd: CalendarCmd, _out: &mut dyn Write) -> Result<()> {
    anyhow::bail!("calendar is not available in this build yet")
}

pub fn rules(_ctx: &Ctx, _out: &mut dyn Write) -> Result<()> {
    anyhow::bail!("rules is not available in this build yet")
}
