//! `dutydesk demo`: a fresh demo district.

use super::Ctx;
use anyhow::Result;
use std::io::Write;

pub fn run(
    _ctx: &Ctx,
    _size: u32,
    _seed: u64,
    _no_board: bool,
    _out: &mut dyn Write,
) -> Result<()> {
    anyhow::bail!("demo is not available in this build yet")
}
