//! `dutydesk export`.

use super::{Ctx, Format};
use anyhow::Result;
use std::io::Write;
use std::path::Path;

pub fn run(
    _ctx: &Ctx,
    _format: Format,
    _output: Option<&Path>,
    _out: &mut dyn Write,
) -> Result<()> {
    anyhow::bail!("export is not available in this build yet")
}
