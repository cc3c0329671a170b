//! `dutydesk import FILE`: one file, one transaction; a summary of what it did.

use super::Ctx;
use crate::command::{Command, Detail, ImportMode, ImportSource};
use crate::interchange::ImportSummary;
use anyhow::Result;
use std::io::Write;
use std::path::Path;

pub fn run(ctx: &Ctx, file: &Path, migration: bool, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store()?;
    let started = std::time::Instant::now();
    let mode = if migration {
        ImportMode::Migration
    } else {
        ImportMode::Ordinary
    };
    let done = ctx.perform(
        &mut store,
        &Command::Import {
            source: ImportSource::File(file.to_path_buf()),
            mode,
        },
    )?;
    let summary = match done.detail {
        Detail::Imported(s) => s,
        _ => ImportSummary::default(),
    };
    tracing::info!(
        file = %file.display(),
        records = summary.total(),
        ms = started.elapsed().as_millis() as u64,
        "import"
    );
    print_summary(ctx, &file.display().to_string(), &summary, out)
}

/// "导入 org.jsonl：部门 24（新增 24，更新 0）…" / "imported org.jsonl: department 24 (24 new, 0 updated) …"
pub fn print_summary(
    ctx: &Ctx,
    source: &str,
    summary: &ImportSummary,
    out: &mut dyn Write,
) -> Result<()> {
    let l = ctx.lang;
    writeln!(
        out,
        "{} {source}: {} {}",
        l.pick("已导入", "imported"),
        summary.total(),
        l.pick("条记录", "records")
    )?;
    if let Some(enc) = summary.encoding {
        writeln!(out, "  {}{}", l.pick("文件编码：", "read as "), enc.label())?;
    }
    for (ty, c) in summary.by_type() {
        writeln!(
            out,
            "  {} {:>7}  ({} {}, {} {})",
            crate::text::pad(&type_label(ty, l), 12),
            c.inserted + c.updated,
            c.inserted,
            l.pick("新增", "new"),
            c.updated,
            l.pick("更新", "updated"),
        )?;
    }
    Ok(())
}

/// A record type's name in the interface language.
pub fn type_label(ty: &str, l: crate::i18n::Lang) -> String {
    let zh = match ty {
        "department" => "部门/镇街",
        "person" => "人员",
        "absence" => "外出请假",
        "duty" => "值班安排",
        "meeting" => "会议",
        "document" => "公文",
        "supervision" => "督办事项",
        other => other,
    };
    l.pick(zh, ty).to_string()
}
