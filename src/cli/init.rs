//! `dutydesk init --profile ID [--org FILE]`: an empty database for a district.

use super::Ctx;
use anyhow::Result;
use std::io::Write;
use std::path::Path;

pub fn run(_ctx: &Ctx, _org: Option<&Path>, _out: &mut dyn Write) -> Result<()> {
    anyhow::bail!("init is not available in this build yet")
}
