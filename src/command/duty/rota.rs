//! The duty rota (值班表): a day set on the board or by `rota set`, or many days from the
//! CSV an office keeps in a spreadsheet (`rota import`), in one transaction.

use super::{RotaDay, audited, office};
use crate::clock::fmt_date;
use crate::command::Done;
use crate::command::register::row_to_json;
use crate::command::resolve;
use crate::command::{dispatch, identity};
use crate::domain::Env;
use crate::domain::roles::Act;
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

/// A person named for the rota: None keeps, Some(None) clears, Some(Some(id)) sets.
fn named(conn: &Connection, spec: Option<&str>, leader: bool) -> Result<Option<Option<i64>>> {
    let Some(spec) = spec else { return Ok(None) };
    let spec = spec.trim();
    if spec.is_empty() || spec == "-" {
        return Ok(Some(None));
    }
    let p = resolve::person(conn, spec)?;
    if leader && !p.role.is_leader() {
        return Err(Error::refused(
            format!("{}是{}，带班领导须为区政府领导", p.name, p.role),
            format!(
                "{} is a {}; the leader on duty (带班) must be a district leader",
                p.name,
                p.role.en()
            ),
        ));
    }
    Ok(Some(Some(p.id)))
}

fn row(conn: &Connection, day: &str) -> Result<Option<(i64, Value)>> {
    conn.prepare_cached("SELECT rowid, * FROM duty_rota WHERE day = ?1")
        .db("preparing the rota read")?
        .query_row([day], |r| Ok((r.get(0)?, row_to_json(r)?)))
        .optional()
        .db(format!("reading the rota for {day}"))
}

/// Writes one day; returns the row id, the row before and after.
fn write(conn: &Connection, d: &RotaDay) -> Result<(i64, Option<Value>, Option<Value>)> {
    let day = fmt_date(d.day);
    let officer = named(conn, d.officer.as_deref(), false)?;
    let leader = named(conn, d.leader.as_deref(), true)?;
    let before = row(conn, &day)?;
    let (old_o, old_l): (Option<i64>, Option<i64>) = match &before {
        Some(_) => conn
            .prepare_cached("SELECT officer_id, leader_id FROM duty_rota WHERE day = ?1")
            .db("preparing the rota read")?
            .query_row([&day], |r| Ok((r.get(0)?, r.get(1)?)))
            .db("reading the rota")?,
        None => (None, None),
    };
    let o = officer.unwrap_or(old_o);
    let l = leader.unwrap_or(old_l);
    conn.prepare_cached(
        "INSERT INTO duty_rota(day, officer_id, leader_id) VALUES (?1, ?2, ?3)
         ON CONFLICT(day) DO UPDATE SET officer_id = ?2, leader_id = ?3",
    )
    .db("preparing the rota write")?
    .execute(params![day, o, l])
    .db(format!("writing the rota for {day}"))?;
    let after = row(conn, &day)?;
    let id = after.as_ref().map_or(0, |a| a.0);
    Ok((id, before.map(|b| b.1), after.map(|a| a.1)))
}

fn name_of(conn: &Connection, v: Option<&Value>, col: &str) -> Result<String> {
    let Some(id) = v.and_then(|v| v.get(col)).and_then(Value::as_i64) else {
        return Ok("—".into());
    };
    conn.prepare_cached("SELECT name FROM people WHERE id = ?1")
        .db("preparing the name read")?
        .query_row([id], |r| r.get(0))
        .db("reading a name")
}

/// Sets one day of the rota.
pub(crate) fn set_rota(tx: &Connection, env: &Env, d: &RotaDay) -> Result<Done> {
    let (me, _) = identity::actor_or_admin(tx, env)?;
    dispatch::require(tx, env, Act::RotaSet)?;
    let (id, before, after) = write(tx, d)?;
    let officer = name_of(tx, after.as_ref(), "officer_id")?;
    let leader = name_of(tx, after.as_ref(), "leader_id")?;
    let who = me.map_or_else(|| env.actor.clone(), |p| p.name);
    let day = fmt_date(d.day);
    audited(
        tx,
        env,
        "rota-set",
        "duty_rota",
        id,
        format!("{who}编排 {day} 值班：值班 {officer}，带班 {leader}"),
        format!("{who} set the rota for {day}: on duty {officer}, leader {leader}"),
        before,
        after,
    )
}

/// Imports many days in one transaction; one audit row for the batch, listing them.
pub(crate) fn import_rota(
    tx: &Connection,
    env: &Env,
    days: &[RotaDay],
    source: &str,
) -> Result<Done> {
    dispatch::require(tx, env, Act::RotaImport)?;
    if days.is_empty() {
        return Err(Error::refused(
            "值班表文件中没有日期",
            "the rota file has no days",
        ));
    }
    let mut written = Vec::with_capacity(days.len());
    for (i, d) in days.iter().enumerate() {
        let (_, _, after) = write(tx, d).map_err(|e| match e {
            Error::NoSuch { zh, en } | Error::Refused { zh, en } => Error::refused(
                format!("第 {} 行（{}）：{zh}", i + 2, fmt_date(d.day)),
                format!("line {} ({}): {en}", i + 2, fmt_date(d.day)),
            ),
            other => other,
        })?;
        written.push(after);
    }
    let (first, last) = match (
        days.iter().map(|d| d.day).min(),
        days.iter().map(|d| d.day).max(),
    ) {
        (Some(a), Some(b)) => (fmt_date(a), fmt_date(b)),
        _ => (String::new(), String::new()),
    };
    let who = office(tx, env, Act::RotaImport)
        .map(|p| p.name)
        .unwrap_or_else(|_| env.actor.clone());
    let n = days.len();
    audited(
        tx,
        env,
        "rota-import",
        "duty_rota",
        0,
        format!("{who}从 {source} 导入值班表 {n} 天（{first} 至 {last}）"),
        format!("{who} imported {n} day(s) of the rota from {source} ({first} to {last})"),
        None,
        Some(json!({"source": source, "days": written})),
    )
}
