//! `dutydesk report [--period 2026-11|2026Q4|2026|A..B] [--by dept|leader|source]
//! [--format markdown|csv|json|text] [--encoding utf8|gbk] [-o FILE]`: the 督查通报 of a
//! period — on-time rates, lateness in working days, extensions, urges, 回头看, traffic
//! lights, the weekly overdue trend and document approval time against the district's
//! limits — with the method stated. A read: the file is opened read-only.

use super::Ctx;
use crate::report::{self, Encoding, Format};
use crate::store::report::{GroupBy, Period, PeriodKind};
use anyhow::{Context as _, Result, anyhow};
use std::io::Write;
use std::path::Path;

/// The options of one report.
#[derive(Debug, Clone)]
pub struct Options {
    pub period: Option<String>,
    pub by: GroupBy,
    pub format: Format,
    pub encoding: Encoding,
    pub output: Option<std::path::PathBuf>,
}

pub fn run(ctx: &Ctx, o: &Options, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store_read_only()?;
    let env = ctx.env(&store)?;
    // Without --period: the month that contains today.
    let period = match &o.period {
        Some(p) => Period::parse(p).map_err(|e| anyhow!(e.localized(ctx.lang)))?,
        None => Period::containing(PeriodKind::Month, env.today()),
    };
    let r = store.read(|tx| crate::store::report::report(tx, &env, period, o.by))?;
    let text = report::render(&r, &env.profile, o.format, ctx.lang)?;
    let bytes = report::encode(&text, o.format, o.encoding);
    match &o.output {
        Some(path) => write_file(path, &bytes),
        None => out.write_all(&bytes).context("writing the report"),
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}
