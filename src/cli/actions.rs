//! The item actions for scripts: sign, return, forward, urge, extend, progress, close,
//! reopen, recheck.

use super::{Command, Ctx};
use anyhow::Result;
use std::io::Write;

pub fn run(_ctx: &Ctx, _cmd: Command, _out: &mut dyn Write) -> Result<()> {
    anyhow::bail!("actions are not available in this build yet")
}
