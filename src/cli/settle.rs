//! `dutydesk settle`: the one command that records countersign silence. Every request past
//! its reply limit without an answer is recorded as 逾期视为无不同意见 where the district
//! counts silence as consent, each with its audit entry by "system" — meant for cron, since
//! every read (`list`, `check`, the board) only derives it. Idempotent.
//!
//! It records as of the real date: a pinned `--today` would store answers for limits that
//! have not run out, and nothing undoes a stored answer. So `--today` is refused, except on
//! a demo or test database whose `meta` says `clock = 'pinned'`.

use super::Ctx;
use crate::domain::compliance::documents::silence_is_consent;
use crate::error::Error;
use crate::i18n::Lang;
use crate::store::{Store, rules_writes};
use anyhow::{Result, anyhow};
use std::io::Write;

/// The `meta` key and value that mark a database as living on a pinned date.
pub const CLOCK_KEY: &str = "clock";
pub const CLOCK_PINNED: &str = "pinned";

pub fn run(ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let local = |e: Error| anyhow!(e.localized(lang));
    let mut store = ctx.open_store()?;
    if ctx.clock.is_pinned() && !pinned_database(&store)? {
        return Err(local(Error::refused(
            "--today 只用于推演查看；settle 总是按真实日期记录（仅 meta 中 clock = 'pinned' 的演示或测试数据库接受 --today）",
            "--today is a what-if view; settle always records as of the real date (only a demo or test database with clock = 'pinned' in its meta accepts --today)",
        )));
    }
    let env = ctx.env(&store)?;
    if silence_is_consent(&env).is_none() {
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
    let n = rules_writes::settle(&mut store, &env).map_err(local)?;
    writeln!(out, "{}", summary(n, lang))?;
    Ok(())
}

/// Whether the database lives on a pinned date (a demo or a test fixture).
fn pinned_database(store: &Store) -> Result<bool> {
    Ok(store.meta(CLOCK_KEY)?.as_deref() == Some(CLOCK_PINNED))
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
