//! `dutydesk init --profile ID [--org FILE] [--pinned-clock] [--admin ACCOUNT]`: an empty
//! database for a district; the account running it is its first administrator.

use super::Ctx;
use crate::command::{self, Command, Detail, ImportSource};
use crate::domain::Env;
use crate::profile::Profile;
use anyhow::{Result, anyhow};
use std::io::Write;
use std::path::Path;

/// What `init` was asked for.
pub struct Options<'a> {
    pub org: Option<&'a Path>,
    pub pinned_clock: bool,
    pub admins: &'a [String],
    /// The officers' group (shared server).
    pub group: Option<&'a str>,
}

pub fn run(ctx: &Ctx, opts: Options<'_>, out: &mut dyn Write) -> Result<()> {
    let Options {
        org,
        pinned_clock,
        admins,
        group,
    } = opts;
    let l = ctx.lang;
    let id = ctx.profile.clone().ok_or_else(|| {
        anyhow!(
            "{}",
            l.pick(
                "init 需要区情规则：dutydesk init --profile ID|路径（内置：xinzhou, huancui, kongtong, dongchang, huarong）",
                "init needs a district profile: dutydesk init --profile ID|PATH (built in: xinzhou, huancui, kongtong, dongchang, huarong)"
            )
        )
    })?;
    // Check the profile before touching the file.
    let profile = Profile::resolve(&id)?;
    let gid = group
        .map(crate::store::share::group_id)
        .transpose()
        .map_err(|e| anyhow!(e.localized(l)))?;
    if let Some(gid) = gid {
        crate::store::share::prepare_dir(&ctx.db, gid).map_err(|e| anyhow!(e.localized(l)))?;
    }
    let mut store = ctx.create_store()?;
    let account = command::os_account();
    let env =
        Env::new(profile, store.calendar()?, ctx.clock, account.clone()).with_account(account);
    let done = command::perform(
        &mut store,
        &env,
        &Command::Init {
            profile: id.clone(),
            pinned_clock,
            admins: admins.to_vec(),
            org: org.map(|p| ImportSource::File(p.to_path_buf())),
        },
    )
    .map_err(|e| anyhow!(e.localized(l)))?;
    // Every officer of the group writes this file: 0660 whatever the umask (SQLite gives
    // the -wal and -shm it makes later the database file's mode).
    crate::store::share::share_files(&ctx.db, gid).map_err(|e| anyhow!(e.localized(l)))?;
    writeln!(
        out,
        "{} {} — {} {} ({})",
        l.pick("已创建数据库", "created the database"),
        ctx.db.display(),
        l.pick("区情规则", "profile"),
        id,
        env.profile.district.name
    )?;
    writeln!(out, "{}", done.summary(l))?;
    if let (Some(org), Detail::Imported(summary)) = (org, &done.detail) {
        super::import::print_summary(ctx, &org.display().to_string(), summary, out)?;
    }
    Ok(())
}
