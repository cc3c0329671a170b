//! `dutydesk` / `dutydesk board`: open the live board.

use super::Ctx;
use anyhow::Result;

/// Opens the board on the context's database.
pub fn run(_ctx: &Ctx) -> Result<()> {
    anyhow::bail!("the board is not available in this build yet")
}
