//! `dutydesk admin add ACCOUNT` and `dutydesk admin list`: the operating-system accounts
//! that administer this database (they may act as others with --as, run migration imports
//! and add administrators).

use super::Ctx;
use crate::command::Command;
use crate::error::DbContext;
use anyhow::Result;
use clap::Subcommand;
use std::io::Write;

/// `dutydesk admin …`
#[derive(Debug, Subcommand)]
pub enum AdminCmd {
    /// Make an operating-system account an administrator (administrators only).
    Add { account: String },
    /// List the administrators.
    List,
    /// Move the database to another district profile (administrators): audited, and every
    /// open deadline recomputed under the new rules in the same transaction.
    Profile { id: String },
}

pub fn run(ctx: &Ctx, cmd: AdminCmd, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store()?;
    match cmd {
        AdminCmd::Add { account } => {
            let done = ctx.perform(&mut store, &Command::AddAdmin { account })?;
            writeln!(out, "{}", done.summary(ctx.lang))?;
        }
        AdminCmd::Profile { id } => {
            let done = ctx.perform(&mut store, &Command::ChangeProfile { profile: id })?;
            writeln!(out, "{}", done.summary(ctx.lang))?;
        }
        AdminCmd::List => {
            let mut stmt = store
                .conn()
                .prepare("SELECT account, added_at, added_by FROM admins ORDER BY account")
                .db("preparing the administrator list")?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .db("reading the administrators")?;
            for row in rows {
                let (account, at, by) = row.db("reading an administrator")?;
                let at = crate::store::audit::local_time(&at);
                let line = match ctx.lang {
                    crate::i18n::Lang::Zh => format!("{account}  {at} 由 {by} 添加"),
                    crate::i18n::Lang::En => format!("{account}  added {at} by {by}"),
                };
                writeln!(out, "{}", crate::text::printable(&line))?;
            }
        }
    }
    Ok(())
}
