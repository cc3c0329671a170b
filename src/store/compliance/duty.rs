//! The duty shift's findings: an incident not reported up (a violation until it is: 信州
//! 四十二 asks every office to report 突发事件 as required) and a day without 值班 in the
//! rota as planned (a warning; today a violation).

use super::out::Out;
use super::{prepare, ymd};
use crate::domain::Env;
use crate::domain::compliance::people::DUTY_LOOKAHEAD_DAYS;
use crate::domain::compliance::{ItemRef, RuleRef, Severity, finding};
use crate::error::DbContext;
use crate::error::Result;
use crate::store::shift::log::{LogFilter, entries};
use crate::store::shift::{parse_local, rota};
use rusqlite::Connection;

/// The rule these findings cite: a key of their own, with the district's duty article
/// where it has one (信州 四十二: 值班, 带班 and reporting 突发事件), else a dutydesk default.
fn rule(env: &Env, key: &str) -> RuleRef {
    match env
        .profile
        .people
        .holiday_duty_leader
        .as_ref()
        .filter(|f| f.value)
    {
        Some(f) => RuleRef::new(format!("duty.{key}"), Some(&f.article)),
        None => RuleRef::new(format!("default.{key}"), None),
    }
}

pub(super) fn gather(conn: &Connection, env: &Env, out: &mut Out<'_>) -> Result<()> {
    let today = env.today();
    let unreported = entries(
        conn,
        &LogFilter {
            unreported: true,
            ..LogFilter::default()
        },
    )?;
    let r = rule(env, "incident_report_up");
    for e in unreported {
        let since = parse_local(&e.received_at).map_or(today, |t| t.date());
        out.push(finding(
            Severity::Violation,
            &r,
            &ItemRef::new("duty_log", e.id, e.ext_id.clone(), e.summary.clone()),
            since,
            format!(
                "突发事件 {} 接报 {}，尚未上报：{}",
                e.ext_id, e.received_at, e.summary
            ),
            format!(
                "incident {} received {} not yet reported up: {}",
                e.ext_id, e.received_at, e.summary
            ),
        ));
    }
    let days = rota::days(conn, env, today, DUTY_LOOKAHEAD_DAYS + 1)?;
    let r = rule(env, "duty_officer_daily");
    // A hole in the rota as planned (a day without 值班 before the last day it is planned
    // through), or today without one. Days past the plan are shown as gaps on the rota
    // view but are not findings until the plan reaches them.
    let planned_through = days.iter().filter(|d| !d.gap_officer).map(|d| d.day).max();
    // A database where the office keeps no rota at all is not told every day that today
    // has nobody on duty: the rule applies once a rota is kept.
    let keeps_rota: bool = prepare(conn, "SELECT EXISTS(SELECT 1 FROM duty_rota)")
        .db("preparing the rota probe")?
        .query_row([], |r| r.get(0))
        .db("looking for a rota")?;
    let holes = days
        .iter()
        .filter(|_| keeps_rota)
        .filter(|d| d.gap_officer)
        .filter(|d| d.day == today || planned_through.is_some_and(|p| d.day < p));
    for d in holes {
        let sev = if d.day == today {
            Severity::Violation
        } else {
            Severity::Warning
        };
        out.push(finding(
            sev,
            &r,
            &ItemRef::new(
                "duty",
                0,
                ymd(d.day),
                d.kind_name.clone().unwrap_or_default(),
            ),
            d.day,
            format!("{} 未安排值班人员", ymd(d.day)),
            format!("nobody on duty (值班) on {}", ymd(d.day)),
        ));
    }
    Ok(())
}
