//! `dutydesk calendar import FILE [--replace]`: a year's official schedule into the
//! database, explicitly. A file whose dates stray from its declared year is refused by the
//! parser; a year the calendar already has is replaced only with `--replace`, and either
//! way the days that change and the open deadlines that move are shown first (a preview
//! performed and rolled back).

use super::Ctx;
use crate::calendar::{Calendar, YearSchedule};
use crate::command::{self, Command, Detail, Moved};
use crate::error::IoContext as _;
use crate::i18n::Lang;
use anyhow::{Result, anyhow};
use chrono::{Datelike, NaiveDate};
use std::io::Write;
use std::path::Path;

pub fn run(ctx: &Ctx, file: &Path, replace: bool, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let text = std::fs::read_to_string(file).at_path(file)?;
    let sched = YearSchedule::parse(&text, &file.display().to_string())?;
    let year = sched.year;
    let mut st = ctx.open_store()?;
    let old = st.calendar()?;
    let new = old.clone().with_year(sched.clone());
    let changed = changed_days(&old, &new, year);
    let cmd = Command::CalendarImport {
        schedule: sched,
        source: file.display().to_string(),
    };
    if old.has_schedule(year) {
        if changed.is_empty() {
            writeln!(
                out,
                "{}",
                l.pick(
                    &format!("{year} 年安排与现有的相同，无需导入"),
                    &format!(
                        "the {year} schedule is the same as the one in force; nothing to import"
                    ),
                )
            )?;
            return Ok(());
        }
        let env = ctx.acting_env(&st)?;
        let (_, moved) =
            command::preview(&mut st, &env, &cmd).map_err(|e| super::exit::from_core(e, l))?;
        show(l, year, &changed, &moved, out)?;
        if !replace {
            return Err(anyhow!(
                "{}",
                l.pick(
                    &format!("已有 {year} 年安排；确认以上变化后加 --replace 重新运行"),
                    &format!("{year} already has a schedule; check the changes above and run again with --replace"),
                )
            ));
        }
    }
    let done = ctx.perform(&mut st, &cmd)?;
    writeln!(out, "{}", done.summary(l))?;
    if let Detail::Calendar(c) = done.detail {
        if let Some(n) = c.recomputed {
            let line = match l {
                Lang::Zh => format!(
                    "重新计算期限：公文 {}，会签 {}，督办事项 {}，会议 {}",
                    n.documents, n.countersigns, n.supervision, n.meetings
                ),
                Lang::En => format!(
                    "recomputed deadlines: {} documents, {} countersign requests, {} supervision items, {} meetings",
                    n.documents, n.countersigns, n.supervision, n.meetings
                ),
            };
            writeln!(out, "{line}")?;
            for m in &n.moved {
                writeln!(out, "  {}", m.line(l))?;
            }
        }
    }
    Ok(())
}

/// The days around `year` whose kind (working or rest) differs between two calendars.
fn changed_days(old: &Calendar, new: &Calendar, year: i32) -> Vec<(NaiveDate, bool)> {
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(year - 1, 12, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Vec::new();
    };
    from.iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| old.is_workday(*d) != new.is_workday(*d))
        .map(|d| (d, new.is_workday(d)))
        .collect()
}

fn show(
    l: Lang,
    year: i32,
    changed: &[(NaiveDate, bool)],
    moved: &Moved,
    out: &mut dyn Write,
) -> Result<()> {
    writeln!(
        out,
        "{}",
        l.pick(
            &format!("{year} 年安排将改变 {} 天：", changed.len()),
            &format!("the {year} schedule changes {} day(s):", changed.len()),
        )
    )?;
    for (d, work) in changed {
        let kind = if *work {
            l.pick("改为工作日", "becomes a working day")
        } else {
            l.pick("改为休息日", "becomes a rest day")
        };
        writeln!(out, "  {d} ({:?}) {kind}", d.weekday())?;
    }
    writeln!(
        out,
        "{}",
        l.pick(
            &format!(
                "在办期限将变动 {} 项（公文 {}，会签 {}，督办 {}，会议 {}）",
                moved.total(),
                moved.documents,
                moved.countersigns,
                moved.supervision,
                moved.meetings
            ),
            &format!(
                "{} open deadline(s) move ({} documents, {} countersigns, {} supervision, {} meetings)",
                moved.total(),
                moved.documents,
                moved.countersigns,
                moved.supervision,
                moved.meetings
            ),
        )
    )?;
    Ok(())
}
