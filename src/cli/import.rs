//! `dutydesk import FILE`.

use super::Ctx;
use anyhow::Result;
use std::io::Write;
use std::path::Path;

pub fn run(_ctx: &Ctx, _file: &Path, _out: &mut dyn Write) -> Result<()> {
    anyhow::bail!("import is not available in this build yet")
}
