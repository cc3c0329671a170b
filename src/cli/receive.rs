//! `dutydesk receive TITLE --kind 请示 --urgency 特急 --from 住建局 …`: 收文登记 from the
//! command line, through the one door; prints the registration number, the leader it was
//! routed to and why, and its deadline.

use super::Ctx;
use crate::command::{Command, Incoming};
use crate::domain::{DocKind, Secrecy, Urgency};
use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use std::io::Write;

/// What `receive` takes.
#[derive(Debug, Clone, clap::Args)]
pub struct ReceiveArgs {
    /// The title.
    pub title: String,
    /// 文种: 请示, 报告, 函, 通知, … (default 请示).
    #[arg(long, default_value = "请示")]
    pub kind: String,
    /// 紧急程度: 一般, 加急, 特急, 特急重要 (default 一般).
    #[arg(long, default_value = "一般")]
    pub urgency: String,
    /// The sending department (name, short name, id or pinyin initials); left out, a
    /// higher authority's paper (routed to the 区长).
    #[arg(long, value_name = "DEPT")]
    pub from: Option<String>,
    /// The day it arrived (default today).
    #[arg(long, value_name = "DATE", value_parser = super::parse_date_arg)]
    pub received: Option<NaiveDate>,
    /// 文号.
    #[arg(long, value_name = "NO")]
    pub doc_no: Option<String>,
    /// 密级: 公开, 内部, 秘密, 机密.
    #[arg(long)]
    pub secrecy: Option<String>,
    /// Number of attachments.
    #[arg(long, default_value_t = 0)]
    pub attachments: u32,
    /// A major matter (重大事项).
    #[arg(long)]
    pub major: bool,
}

fn vocab<T>(
    ctx: &Ctx,
    flag: &str,
    s: &str,
    parse: fn(&str) -> Option<T>,
    choices: String,
) -> Result<T> {
    parse(s).ok_or_else(|| {
        anyhow!(
            "{}",
            ctx.lang.pick(
                &format!("--{flag}：“{s}”不在 {choices} 之中"),
                &format!("--{flag}: '{s}' is not one of {choices}"),
            )
        )
    })
}

pub fn run(ctx: &Ctx, a: ReceiveArgs, out: &mut dyn Write) -> Result<()> {
    let inc = Incoming {
        title: a.title,
        kind: vocab(ctx, "kind", &a.kind, DocKind::parse, DocKind::choices())?,
        urgency: vocab(
            ctx,
            "urgency",
            &a.urgency,
            Urgency::parse,
            Urgency::choices(),
        )?,
        from: a.from,
        received: a.received,
        doc_no: a.doc_no,
        secrecy: match a.secrecy {
            Some(s) => Some(vocab(
                ctx,
                "secrecy",
                &s,
                Secrecy::parse,
                Secrecy::choices(),
            )?),
            None => None,
        },
        attachments: a.attachments,
        major: a.major,
    };
    let mut store = ctx.open_store()?;
    let done = ctx.perform(&mut store, &Command::Receive(Box::new(inc)))?;
    writeln!(out, "{}", done.summary(ctx.lang))?;
    Ok(())
}
