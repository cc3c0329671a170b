//! `dutydesk init --profile ID [--org FILE]`: an empty database for a district.

use super::Ctx;
use crate::interchange;
use crate::profile::Profile;
use crate::store::{self, Store, register::Audit};
use anyhow::{Result, anyhow, bail};
use rusqlite::OptionalExtension;
use std::io::Write;
use std::path::Path;

pub fn run(ctx: &Ctx, org: Option<&Path>, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let id = ctx.profile.clone().ok_or_else(|| {
        anyhow!("init needs a district profile: dutydesk init --profile ID|PATH (built in: xinzhou, huancui, kongtong, dongchang, huarong)")
    })?;
    // Check the profile before touching the file.
    let profile = Profile::resolve(&id)?;
    let mut store = ctx.open_store()?;
    if let Some(what) = holds_data(&store)? {
        bail!(
            "{} already holds data ({what}); init only makes a new database — use `dutydesk import` to add records",
            ctx.db.display()
        );
    }
    // The profile and the org chart go in together: a bad org file leaves the database new.
    let env = crate::domain::Env::new(profile, store.calendar()?, ctx.clock, ctx.actor());
    let summary = store.write(|tx| {
        store::meta_set(tx, "profile", &id)?;
        org.map(|f| interchange::import_file(tx, &env, f, Audit::Each))
            .transpose()
    })?;
    writeln!(
        out,
        "{} {} — {} {} ({})",
        l.pick("已创建数据库", "created the database"),
        ctx.db.display(),
        l.pick("区情规则", "profile"),
        id,
        env.profile.district.name
    )?;
    if let (Some(org), Some(summary)) = (org, summary) {
        super::import::print_summary(ctx, &org.display().to_string(), &summary, out)?;
    }
    Ok(())
}

/// What makes a database not new, if anything: a recorded profile or any records.
pub fn holds_data(store: &Store) -> Result<Option<String>> {
    if let Some(p) = store.meta("profile")? {
        return Ok(Some(format!("it was made for the profile '{p}'")));
    }
    for (table, sql) in [
        ("departments", "SELECT 1 FROM departments LIMIT 1"),
        ("people", "SELECT 1 FROM people LIMIT 1"),
        ("documents", "SELECT 1 FROM documents LIMIT 1"),
        ("supervision", "SELECT 1 FROM supervision LIMIT 1"),
        ("meetings", "SELECT 1 FROM meetings LIMIT 1"),
    ] {
        let any: Option<i64> = store
            .conn()
            .prepare_cached(sql)?
            .query_row([], |r| r.get(0))
            .optional()?;
        if any.is_some() {
            return Ok(Some(format!("it has {table}")));
        }
    }
    Ok(None)
}
