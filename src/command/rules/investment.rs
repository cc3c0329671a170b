//! Recording the steps of a government investment project's route (信州 三十二).

use super::{Done, audited, cite, office_actor};
use crate::domain::Env;
use crate::domain::compliance::investment::{amount, fund_deadline, progress, route_for};
use crate::domain::roles::Act;
use crate::error::{DbContext, Error, Result};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

/// The step indexes stored in `investment_projects.steps_done` (a JSON array).
pub fn parse_steps(project_id: i64, text: &str) -> Result<Vec<usize>> {
    serde_json::from_str::<Vec<usize>>(text).map_err(|e| {
        Error::invalid(
            format!("investment project {project_id}, field steps_done"),
            format!("'{text}' is not a JSON array of step numbers: {e}"),
        )
    })
}

struct Project {
    id: i64,
    title: String,
    amount_wan: f64,
    steps_done: String,
}

fn load(conn: &Connection, id: i64) -> Result<Project> {
    conn.prepare_cached(
        "SELECT id, title, amount_wan, steps_done FROM investment_projects WHERE id = ?1",
    )
    .db("preparing the project query")?
    .query_row([id], |r| {
        Ok(Project {
            id: r.get(0)?,
            title: r.get(1)?,
            amount_wan: r.get(2)?,
            steps_done: r.get(3)?,
        })
    })
    .optional()
    .db(format!("reading investment project {id}"))?
    .ok_or_else(|| Error::NotFound(format!("investment project id {id}")))
}

/// Records step `step_index` (0-based) of the project's route as done. Office only.
/// A step done out of order is recorded as it happened; `check` reports the skipped one.
pub fn step_done(tx: &Connection, env: &Env, project_id: i64, step_index: usize) -> Result<Done> {
    let me = office_actor(tx, env, Act::Step)?;
    let p = load(tx, project_id)?;
    let Some(route) = route_for(&env.profile, p.amount_wan) else {
        return Err(Error::refused(
            format!("本区规则未规定 {} 万元项目的审批程序", amount(p.amount_wan)),
            format!(
                "this district's rules set no route for a project of {} (10,000 yuan)",
                amount(p.amount_wan)
            ),
        ));
    };
    let steps = &route.tier.steps;
    let Some(step) = steps.get(step_index) else {
        return Err(Error::refused(
            format!(
                "{}的程序共 {} 步，没有第 {} 步",
                route.label_zh,
                steps.len(),
                step_index + 1
            ),
            format!(
                "the route for {} has {} steps; there is no step {}",
                route.label_en,
                steps.len(),
                step_index + 1
            ),
        ));
    };
    let mut done = parse_steps(p.id, &p.steps_done)?;
    if done.contains(&step_index) {
        return Err(Error::refused(
            format!(
                "项目《{}》第 {} 步“{step}”已登记完成",
                p.title,
                step_index + 1
            ),
            format!(
                "step {} “{step}” of “{}” is already done",
                step_index + 1,
                p.title
            ),
        ));
    }
    let before = json!({"steps_done": done});
    done.push(step_index);
    done.sort_unstable();
    let text =
        serde_json::to_string(&done).map_err(|e| Error::invalid("steps_done", e.to_string()))?;
    tx.prepare_cached(
        "UPDATE investment_projects SET steps_done = ?2, updated_at = ?3 WHERE id = ?1",
    )
    .db("preparing the step update")?
    .execute(params![p.id, text, env.now_str()])
    .db(format!("recording a step of project {}", p.id))?;
    let prog = progress(route.tier, &done);
    let (next_zh, next_en) = match prog.next.and_then(|i| steps.get(i).map(|s| (i, s))) {
        Some((i, s)) => (
            format!("；下一步：第 {} 步“{s}”", i + 1),
            format!("; next: step {} “{s}”", i + 1),
        ),
        None => (
            "；程序已全部完成".to_string(),
            "; the route is complete".to_string(),
        ),
    };
    let (cz, ce) = cite(Some(&route.tier.article));
    audited(
        tx,
        env,
        "investment-step",
        "investment",
        p.id,
        format!(
            "{}登记项目《{}》（{}{cz}）第 {} 步“{step}”完成{next_zh}",
            me.name,
            p.title,
            route.label_zh,
            step_index + 1
        ),
        format!(
            "{} recorded step {} “{step}” of “{}” ({}{ce}) as done{next_en}",
            me.name,
            step_index + 1,
            p.title,
            route.label_en
        ),
        Some(before),
        Some(json!({"steps_done": done})),
    )
}

/// Recomputes the stored consultation deadline of every unanswered fund request from its
/// papers-complete date (after the calendar or the profile changed), inside the caller's
/// transaction. Where the profile sets no limit the deadline is cleared. Returns how many
/// rows were recomputed.
pub fn recompute_fund_deadlines(conn: &Connection, env: &Env) -> Result<usize> {
    let rows: Vec<(i64, String)> = conn
        .prepare_cached(
            "SELECT id, papers_complete_on FROM fund_requests
             WHERE answered_on IS NULL AND papers_complete_on IS NOT NULL",
        )
        .db("preparing the fund deadline recompute")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .db("reading open fund requests")?
        .collect::<std::result::Result<_, _>>()
        .db("reading open fund requests")?;
    let mut upd = conn
        .prepare_cached(
            "UPDATE fund_requests SET consult_due = ?2, consult_due_rule = ?3,
             consult_due_article = ?4 WHERE id = ?1",
        )
        .db("preparing the fund deadline update")?;
    let mut n = 0;
    for (id, papers) in rows {
        let papers =
            crate::clock::parse_date(&format!("fund request {id} papers_complete_on"), &papers)?;
        let d = fund_deadline(env, papers);
        upd.execute(params![
            id,
            d.as_ref().map(|d| crate::clock::fmt_date(d.due)),
            d.as_ref().map(|d| d.rule.clone()),
            d.as_ref().and_then(|d| d.article.clone()),
        ])
        .db(format!("updating fund request {id}'s deadline"))?;
        n += 1;
    }
    Ok(n)
}
