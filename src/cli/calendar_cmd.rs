//! `dutydesk calendar …` and `dutydesk rules`: wiring to the calendar and profile printers.

use super::{CalendarCmd, Ctx};
use crate::calendar::{Calendar, YearSchedule};
use crate::error::IoContext as _;
use crate::store::{audit, recompute};
use anyhow::{Context as _, Result};
use std::io::Write;

/// The calendar in force: the database's (compiled-in years plus imported ones) when the
/// database exists, else the compiled-in one — `calendar days` must not create a database.
fn calendar(ctx: &Ctx) -> Result<Calendar> {
    if ctx.db.exists() {
        Ok(ctx.open_store()?.calendar()?)
    } else {
        Ok(Calendar::embedded())
    }
}

pub fn run(ctx: &Ctx, cmd: CalendarCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        CalendarCmd::Days { from, to, json } => {
            let cal = calendar(ctx)?;
            if let Some(w) = super::calendar::warn_missing(&cal, from, to) {
                eprintln!("{w}");
            }
            super::calendar::days(&cal, from, to, json, out)?;
        }
        CalendarCmd::Add { date, n } => {
            let cal = calendar(ctx)?;
            let due = cal.add_workdays(date, n);
            let (lo, hi) = if due < date { (due, date) } else { (date, due) };
            if let Some(w) = super::calendar::warn_missing(&cal, lo, hi) {
                eprintln!("{w}");
            }
            super::calendar::add(&cal, date, n, out)?;
        }
        CalendarCmd::Import { file } => import(ctx, &file, out)?,
    }
    Ok(())
}

/// Adds or replaces a year in the database, then recomputes open items' deadlines — all in
/// one transaction, so a bad file or a failure changes nothing.
fn import(ctx: &Ctx, file: &std::path::Path, out: &mut dyn Write) -> Result<()> {
    let text = std::fs::read_to_string(file).at_path(file)?;
    let sched = YearSchedule::parse(&text, &file.display().to_string())?;
    let year = sched.year;
    let mut st = ctx.open_store()?;
    let replacing = st.calendar()?.schedule(year).is_some();
    // The environment with the new year in place, for the recompute.
    let env = match ctx.profile(&st) {
        Ok(p) => Some(crate::domain::Env::new(
            p,
            st.calendar()?.with_year(sched.clone()),
            ctx.clock,
            ctx.actor(),
        )),
        Err(_) => None, // no district yet: no items to recompute
    };
    let actor = ctx.actor();
    let now = crate::clock::fmt_datetime(ctx.clock.now());
    let n = st.write(|tx| {
        tx.prepare_cached(
            "INSERT INTO holiday_years(year, json, imported_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(year) DO UPDATE SET json = excluded.json, imported_at = excluded.imported_at",
        )
        .and_then(|mut s| s.execute(rusqlite::params![year, sched.to_json(), now]))
        .map_err(|e| crate::Error::Db {
            context: format!("storing the {year} schedule"),
            source: e,
        })?;
        let after = serde_json::json!({"year": year, "days": sched.days.len()});
        audit::record(
            tx,
            &audit::Entry {
                actor: &actor,
                os_account: &actor,
                acted_for: None,
                business_date: None,
                action: "calendar-import",
                entity: "holiday_year",
                entity_id: Some(i64::from(year)),
                summary: &format!("导入 {year} 年节假日安排"),
                before: None,
                after: Some(&after),
            },
        )?;
        match &env {
            Some(env) => recompute::open_items(tx, env).map(Some),
            None => Ok(None),
        }
    })
    .with_context(|| format!("importing {}", file.display()))?;
    let verb = if replacing { "replaced" } else { "added" };
    writeln!(
        out,
        "{verb} the {year} schedule ({} days) from {}",
        sched.days.len(),
        file.display()
    )
    .at_path("<output>")?;
    if let Some(n) = n {
        writeln!(
            out,
            "recomputed deadlines: {} documents, {} countersign requests, {} supervision items, {} meetings",
            n.documents, n.countersigns, n.supervision, n.meetings
        )
        .at_path("<output>")?;
    }
    Ok(())
}

/// `dutydesk rules`: the profile in force (`--profile`, else the database's, else the
/// config's), printed with its articles. Works without a database when `--profile` is given.
pub fn rules(ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let profile = match (&ctx.profile, ctx.db.exists()) {
        (Some(p), _) => crate::profile::Profile::resolve(p)?,
        (None, true) => ctx.profile(&ctx.open_store()?)?,
        (None, false) => match &ctx.config.profile {
            Some(p) => crate::profile::Profile::resolve(p)?,
            None => anyhow::bail!(
                "no district profile: pass --profile ID (one of {})",
                crate::profile::Profile::builtin_ids().join(", ")
            ),
        },
    };
    super::rules::run(&profile, ctx.lang, out)?;
    Ok(())
}
