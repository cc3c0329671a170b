//! `dutydesk doctor [--json]`: integrity, schema version, audit chain, file modes and
//! group, WAL size, calendar coverage of open deadlines, the profile, unreadable rows —
//! each with what to do. Exit code 3 when anything needs action (for cron). A read.

use super::Ctx;
use super::exit::{Coded, NEEDS_ACTION};
use crate::store::health::{self, Status};
use anyhow::Result;
use std::io::Write;

pub fn run(ctx: &Ctx, json: bool, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_store_read_only()?;
    let env = ctx.env(&store)?;
    let checks = health::doctor(&store, &ctx.db, &env, ctx.profile.as_deref())
        .map_err(|e| super::exit::from_core(e, ctx.lang))?;
    for c in &checks {
        if json {
            writeln!(out, "{}", serde_json::to_string(c)?)?;
        } else {
            let mark = match c.status {
                Status::Ok => "ok  ",
                Status::Warn => "WARN",
                Status::Fail => "FAIL",
            };
            writeln!(out, "{mark} {:<9} {}", c.name, c.message(ctx.lang))?;
        }
    }
    let bad = checks.iter().filter(|c| c.status != Status::Ok).count();
    if bad > 0 {
        return Err(Coded::new(
            NEEDS_ACTION,
            ctx.lang.pick(
                &format!("{bad} 项需要处理"),
                &format!("{bad} check(s) need action"),
            ),
        )
        .into());
    }
    Ok(())
}
