//! `dutydesk export [--format jsonl|csv] [-o FILE]`: what is stored, read through a
//! read-only connection. Nothing is derived into the records (a countersign deemed on read
//! is exported unanswered, as it is stored), and nothing is written to the database.

use super::{Ctx, Format};
use crate::interchange;
use anyhow::{Context as _, Result};
use std::io::Write;
use std::path::Path;

pub fn run(ctx: &Ctx, format: Format, output: Option<&Path>, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store_read_only()?;
    let fmt = match format {
        Format::Jsonl => interchange::Format::Jsonl,
        Format::Csv => interchange::Format::Csv,
    };
    match output {
        None => {
            let mut w = std::io::BufWriter::new(out);
            store.read(|tx| interchange::export(tx, fmt, &mut w))?;
            w.flush()?;
        }
        Some(path) => {
            // Written beside the target and renamed, so a failed export leaves no half file.
            let tmp = path.with_extension("partial");
            let file = std::fs::File::create(&tmp)
                .with_context(|| format!("creating {}", tmp.display()))?;
            let mut w = std::io::BufWriter::new(file);
            let counts = store.read(|tx| interchange::export(tx, fmt, &mut w))?;
            w.flush()?;
            drop(w);
            std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
            let total: u64 = counts.iter().sum();
            writeln!(
                out,
                "{} {total} {} → {}",
                ctx.lang.pick("已导出", "exported"),
                ctx.lang.pick("条记录", "records"),
                path.display()
            )?;
        }
    }
    Ok(())
}
