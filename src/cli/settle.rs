//! `dutydesk settle`: the one command that records countersign silence. Every request past
//! its reply limit without an answer is recorded as 逾期视为无不同意见 where the district
//! counts silence as consent, each with its audit entry by "system" — meant for cron, since
//! every read (`list`, `check`, the board) only derives it. Idempotent.
//!
//! It records as of the real date: a pinned `--today` would store answers for limits that
//! have not run out, and nothing undoes a stored answer. So `--today` is refused, except on
//! a demo or test database whose `meta` says `clock = 'pinned'`.

use super::Ctx;
use crate::command::{Command, Detail};
use crate::domain::compliance::documents::silence_is_consent;
use crate::i18n::Lang;
use anyhow::Result;
use std::io::Write;

pub fn run(ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let mut store = ctx.open_store()?;
    if silence_is_consent(&ctx.env(&store)?).is_none() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "本区规则未规定会签逾期视为无不同意见，无需记录",
                "the district's rules do not count countersign silence as consent; nothing to record",
            )
        )?;
        return Ok(());
    }
    // The door refuses a pinned --today unless the database is a demo or training one.
    let done = ctx.perform(&mut store, &Command::Settle)?;
    let n = match done.detail {
        Detail::Settled(n) => n,
        _ => 0,
    };
    writeln!(out, "{}", summary(n, lang))?;
    Ok(())
}

/// "已将 3 项…" / "recorded 3 …".
fn summary(n: usize, lang: Lang) -> String {
    match (n, lang) {
        (0, _) => lang
            .pick(
                "没有逾期未复、需要记录的会签",
                "no overdue countersign request to record",
            )
            .to_string(),
        (n, Lang::Zh) => format!("已将 {n} 项逾期未复的会签记录为“逾期视为无不同意见”"),
        (n, Lang::En) => {
            format!("recorded {n} overdue countersign request(s) as deemed no objection")
        }
    }
}
