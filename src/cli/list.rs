//! `dutydesk list approvals|supervision|meetings`.

use super::{Ctx, ListWhat};
use anyhow::Result;
use std::io::Write;

pub fn run(
    _ctx: &Ctx,
    _what: ListWhat,
    _overdue: bool,
    _due_within: Option<i64>,
    _json: bool,
    _count: bool,
    _out: &mut dyn Write,
) -> Result<()> {
    anyhow::bail!("list is not available in this build yet")
}
