//! `dutydesk audit [--item ID] [--since DATE] [--by LOGIN] [--json]`: the audit log, oldest
//! first; and `dutydesk audit verify`: the log checked against its hash chain.
//!
//! Both only read. Text output passes every stored value through `text::printable`, so
//! nothing written into the log can reach the terminal as a control sequence.

use super::Ctx;
use crate::i18n::Lang;
use crate::store::Store;
use crate::store::audit::{self, log};
use crate::text::{is_unsafe, printable};
use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use std::io::Write;

/// What `audit` does besides listing.
#[derive(Debug, Subcommand)]
pub enum AuditCmd {
    /// Check every row's hash and link and the chain head. Prints the number of rows when
    /// intact; otherwise names the first altered, removed or inserted row and exits 1.
    Verify,
}

/// `audit`'s listing filters.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only rows about this document, supervision item or meeting (external id; `doc:`,
    /// `sup:` or `mtg:` in front says which).
    #[arg(long, value_name = "ID")]
    pub item: Option<String>,
    /// Only rows from this local day (00:00 UTC+8) on.
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<NaiveDate>,
    /// Only rows by this person (login) or operating-system account.
    #[arg(long, value_name = "LOGIN")]
    pub by: Option<String>,
    /// One JSON object per line, every column as stored.
    #[arg(long)]
    pub json: bool,
}

fn parse_since(s: &str) -> Result<NaiveDate, String> {
    crate::clock::parse_date("--since", s).map_err(|e| e.to_string())
}

pub fn run(ctx: &Ctx, cmd: Option<AuditCmd>, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let store = open(ctx)?;
    match cmd {
        Some(AuditCmd::Verify) => verify(&store, ctx.lang, out),
        None => list(&store, args, ctx.lang, out),
    }
}

/// Opens an existing database: a read never creates an empty one in its place.
fn open(ctx: &Ctx) -> Result<Store> {
    if !ctx.db.exists() {
        bail!(
            "{} {}",
            ctx.lang.pick("没有数据库：", "no database at"),
            ctx.db.display()
        );
    }
    ctx.open_store()
}

fn verify(store: &Store, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let v = audit::verify(store.conn())?;
    match v.problem {
        None => {
            let n = v.rows;
            writeln!(
                out,
                "{}",
                match lang {
                    Lang::Zh => format!("审计链完整：{n} 条记录"),
                    Lang::En => format!("audit chain intact: {n} rows"),
                }
            )?;
            Ok(())
        }
        Some(p) => bail!(
            "{}{}",
            lang.pick("审计链已损坏：", "audit chain broken: "),
            p.message(lang)
        ),
    }
}

fn list(store: &Store, args: &ListArgs, lang: Lang, out: &mut dyn Write) -> Result<()> {
    // Buffered: a log can run to millions of lines.
    let mut w = std::io::BufWriter::new(out);
    let conn = store.conn();
    let item = match &args.item {
        Some(spec) => Some(
            log::find_item(conn, spec)
                .map_err(|e| anyhow!(e.localized(lang)).context(format!("--item {spec}")))?,
        ),
        None => None,
    };
    let filter = log::Filter {
        item,
        since: args.since,
        by: args.by.as_deref(),
    };
    // One statement, so one consistent snapshot of the log however long the output.
    log::each(conn, &filter, |row| -> Result<()> {
        if args.json {
            writeln!(w, "{}", json_line(row)?)?;
        } else {
            writeln!(w, "{}", text_line(row, lang))?;
        }
        Ok(())
    })?;
    w.flush()?;
    Ok(())
}

/// One row as a JSON object. serde_json escapes C0 controls but writes DEL, C1 and the
/// bidirectional overrides as they are; they are escaped here too, so `--json` read on a
/// terminal is as safe as text output, and still decodes to exactly the stored value.
pub fn json_line(row: &log::LogRow) -> Result<String> {
    let raw = serde_json::to_string(row)?;
    if !raw.chars().any(is_unsafe) {
        return Ok(raw);
    }
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        // Only string contents can hold such characters (JSON's own syntax is ASCII), and
        // there `\uXXXX` means the same character.
        if is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// "2026-12-02 11:40:12  zhou  wang 为 li  sign  公文 D1  summary", every stored value made
/// printable.
pub fn text_line(row: &log::LogRow, lang: Lang) -> String {
    let mut who = printable(&row.actor).into_owned();
    if let Some(f) = &row.acted_for {
        who = format!("{who} {} {}", lang.pick("为", "for"), printable(f));
    }
    let label = super::check::entity_label(&row.entity, lang);
    let what = match (&row.ext_id, row.entity_id) {
        (Some(ext), _) => format!("{} {}", printable(label), printable(ext)),
        (None, Some(id)) => format!("{} #{id}", printable(label)),
        (None, None) => printable(label).into_owned(),
    };
    [
        printable(&audit::local_time(&row.at)).into_owned(),
        printable(row.os_account.as_deref().unwrap_or("-")).into_owned(),
        who,
        printable(&row.action).into_owned(),
        what,
        printable(&row.summary).into_owned(),
    ]
    .join("  ")
}
