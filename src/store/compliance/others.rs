//! Gathering for the supervision, people and investment rules.

use super::out::Out;
use super::{Scope, day, each, each_row, item_at, prepare, stored_rule, ymd};
use crate::domain::compliance::ItemRef;
use crate::domain::compliance::investment::{self as inv, FundView, ProjectView};
use crate::domain::compliance::people::{
    self as ppl, ABSENCE_LOOKAHEAD_DAYS, AbsenceView, DUTY_LOOKAHEAD_DAYS,
};
use crate::domain::compliance::supervision::{self as sup, ClosedItem, OpenItem};
use crate::domain::{Env, FeedbackCycle, Role};
use crate::error::{DbContext, Result};
use chrono::Days;
use rusqlite::{Connection, params};
use std::collections::BTreeSet;

pub(super) fn supervision(
    conn: &Connection,
    env: &Env,
    scope: &Scope<'_>,
    out: &mut Out<'_>,
) -> Result<()> {
    // The latest progress note: the item's own column, or the notes table for rows
    // written before that column was kept.
    each_row(
        conn,
        "SELECT s.id, s.ext_id, s.title, d.name, s.assigned, s.deadline, s.deadline_rule,
                s.deadline_article, s.feedback_cycle,
                MAX(COALESCE(s.last_progress_on, ''),
                    COALESCE((SELECT MAX(p.on_date) FROM progress_notes p
                              WHERE p.supervision_id = s.id), ''))
         FROM supervision s INDEXED BY supervision_open_by_deadline
         JOIN departments d ON d.id = s.lead_dept
         WHERE s.state = '办理中'{scope}",
        "s.id",
        scope,
        &[],
        "open supervision items",
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                item_at(r, "supervision", 0)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                stored_rule(r.get(6)?, r.get(7)?),
                r.get::<_, FeedbackCycle>(8)?,
                r.get::<_, String>(9)?,
            ))
        },
        |(id, item, lead_dept, assigned, deadline, deadline_rule, cycle, last)| {
            let (Some(assigned), Some(deadline)) = (
                day("supervision assigned", id, assigned.as_deref()),
                day("supervision deadline", id, deadline.as_deref()),
            ) else {
                return Ok(());
            };
            let s = OpenItem {
                item,
                lead_dept,
                assigned,
                deadline,
                deadline_rule,
                feedback_cycle: cycle,
                last_progress_on: (!last.is_empty())
                    .then(|| day("supervision progress", id, Some(&last)))
                    .flatten(),
            };
            out.extend(sup::open_item(env, &s));
            Ok(())
        },
    )?;

    // Closed here with a 回头看 date reached (settled history is not in the index).
    let rows = each(
        conn,
        "SELECT s.id, s.ext_id, s.title, s.recheck_on,
                MAX(COALESCE(s.last_progress_on, ''),
                    COALESCE((SELECT MAX(p.on_date) FROM progress_notes p
                              WHERE p.supervision_id = s.id), ''))
         FROM supervision s INDEXED BY supervision_recheck_owed
         WHERE s.recheck_on IS NOT NULL AND s.recheck_on <= ?1 AND s.state = '已销号'
           AND s.imported_settled = 0{scope}",
        "s.id",
        scope,
        &[&ymd(env.today())],
        "items due for re-check",
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                item_at(r, "supervision", 0)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        },
    )?;
    for (id, item, recheck, last) in rows {
        let Some(recheck_on) = day("supervision recheck_on", id, Some(&recheck)) else {
            continue;
        };
        let c = ClosedItem {
            item,
            recheck_on,
            last_progress_on: (!last.is_empty())
                .then(|| day("supervision progress", id, Some(&last)))
                .flatten(),
        };
        out.extend(sup::recheck(env, &c));
    }
    Ok(())
}

pub(super) fn people(conn: &Connection, env: &Env, out: &mut Out<'_>) -> Result<()> {
    let p = &env.profile.people;
    let today = env.today();
    let absence_rules = p.ab_not_away_together.is_some()
        || p.max_leaders_away.is_some()
        || p.dept_head_leave_notice.is_some();
    if absence_rules {
        let horizon = today
            .checked_add_days(Days::new(ABSENCE_LOOKAHEAD_DAYS))
            .unwrap_or(today);
        let mut stmt = prepare(
            conn,
            "SELECT a.id, COALESCE(a.ext_id, ''), a.person_id, p.name, p.role, p.partner_id,
                        a.start_on, a.end_on, a.reported_on
                 FROM absences a JOIN people p ON p.id = a.person_id
                 WHERE a.end_on >= ?1 AND a.start_on <= ?2
                 ORDER BY a.start_on, a.id",
        )
        .db("preparing the absences check")?;
        let rows = stmt
            .query_map(params![ymd(today), ymd(horizon)], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Role>(4)?,
                    r.get::<_, Option<i64>>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, Option<String>>(8)?,
                ))
            })
            .db("reading absences")?;
        let mut list = Vec::new();
        for row in rows {
            let (id, ext_id, person_id, name, role, partner_id, start, end, reported) =
                row.db("reading an absence")?;
            let (Some(start), Some(end)) = (
                day("absence start_on", id, Some(&start)),
                day("absence end_on", id, Some(&end)),
            ) else {
                continue;
            };
            list.push(AbsenceView {
                id,
                ext_id,
                person_id,
                name,
                role,
                partner_id,
                start,
                end,
                reported_on: day("absence reported_on", id, reported.as_deref()),
            });
        }
        out.extend(ppl::absences(env, &list));
    }
    if p.holiday_duty_leader.as_ref().is_some_and(|f| f.value) {
        let until = today
            .checked_add_days(Days::new(DUTY_LOOKAHEAD_DAYS))
            .unwrap_or(today);
        let mut stmt = prepare(
            conn,
            "SELECT day FROM duty_rota
                 WHERE day >= ?1 AND day <= ?2 AND leader_id IS NOT NULL",
        )
        .db("preparing the duty rota check")?;
        let led: BTreeSet<_> = stmt
            .query_map(params![ymd(today), ymd(until)], |r| r.get::<_, String>(0))
            .db("reading the duty rota")?
            .collect::<std::result::Result<Vec<_>, _>>()
            .db("reading the duty rota")?
            .iter()
            .filter_map(|d| day("duty_rota day", 0, Some(d)))
            .collect();
        out.extend(ppl::holiday_duty(env, &led));
    }
    Ok(())
}

pub(super) fn investment(conn: &Connection, env: &Env, out: &mut Out<'_>) -> Result<()> {
    if !env.profile.investment.tiers.is_empty() {
        let mut stmt = prepare(
            conn,
            "SELECT id, ext_id, title, amount_wan, received, steps_done
                 FROM investment_projects ORDER BY id",
        )
        .db("preparing the investment check")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, f64>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })
            .db("reading investment projects")?;
        for row in rows {
            let (id, ext_id, title, amount_wan, received, steps) =
                row.db("reading an investment project")?;
            let Some(received) = day("investment received", id, Some(&received)) else {
                continue;
            };
            let p = ProjectView {
                item: ItemRef::new("investment", id, ext_id, title),
                amount_wan,
                received,
                steps_done: crate::command::parse_steps(id, &steps)?,
            };
            out.extend(inv::project(env, &p));
        }
    }
    let mut stmt = prepare(
        conn,
        "SELECT id, ext_id, title, consult_due, consult_due_rule, consult_due_article
             FROM fund_requests
             WHERE answered_on IS NULL AND consult_due IS NOT NULL AND consult_due < ?1",
    )
    .db("preparing the fund request check")?;
    let rows = stmt
        .query_map([ymd(env.today())], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                item_at(r, "fund", 0)?,
                r.get::<_, String>(3)?,
                stored_rule(r.get(4)?, r.get(5)?),
            ))
        })
        .db("reading fund requests")?;
    for row in rows {
        let (id, item, due, due_rule) = row.db("reading a fund request")?;
        let f = FundView {
            item,
            consult_due: day("fund consult_due", id, Some(&due)),
            due_rule,
            answered_on: None,
        };
        out.extend(inv::fund(env, &f));
    }
    Ok(())
}
