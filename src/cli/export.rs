//! `dutydesk export [--format jsonl|csv] [-o FILE]`: what is stored, read through a
//! read-only connection. Nothing is derived into the records (a countersign deemed on read
//! is exported unanswered, as it is stored), and nothing is written to the database.

use super::{Ctx, Format};
use crate::interchange;
use crate::interchange::encoding::Gb18030Writer as GbWriter;
use anyhow::{Context as _, Result};
use std::io::Write;
use std::path::Path;

/// `--encoding`: the CSV's text encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GB18030, which Excel in a Chinese locale opens as is.
    #[value(name = "gbk", alias = "gb18030")]
    Gbk,
}

pub fn run(
    ctx: &Ctx,
    format: Format,
    encoding: Encoding,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let mut store = ctx.open_store_read_only()?;
    let gbk = encoding == Encoding::Gbk;
    if gbk && format != Format::Csv {
        anyhow::bail!(
            "{}",
            ctx.lang.pick(
                "--encoding gbk 仅用于 CSV（--format csv）",
                "--encoding gbk is for CSV only (--format csv)"
            )
        );
    }
    let fmt = match format {
        Format::Jsonl => interchange::Format::Jsonl,
        Format::Csv => interchange::Format::Csv,
    };
    match output {
        None if gbk => {
            let mut w = std::io::BufWriter::new(GbWriter::new(out));
            store.read(|tx| interchange::export(tx, fmt, &mut w))?;
            w.flush()?;
        }
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
            let counts = if gbk {
                let mut w = std::io::BufWriter::new(GbWriter::new(file));
                let c = store.read(|tx| interchange::export(tx, fmt, &mut w))?;
                w.flush()?;
                c
            } else {
                let mut w = std::io::BufWriter::new(file);
                let c = store.read(|tx| interchange::export(tx, fmt, &mut w))?;
                w.flush()?;
                c
            };
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
