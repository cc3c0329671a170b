//! The organisation: departments, people (with divisions of work and A/B partners),
//! absences and the duty rota.

use super::{Audit, Audited, Upsert, dept_id, existing, opt_person, person, twice};
use crate::domain::{Env, UnitKind};
use crate::error::{DbContext, Result};
use crate::interchange::fields::FieldError;
use crate::interchange::record::{Absence, Department, Duty, Person};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashSet;

fn upserted(existed: bool, id: i64) -> Upsert {
    if existed {
        Upsert::Updated(id)
    } else {
        Upsert::Inserted(id)
    }
}

/// Writes a department or town.
pub fn upsert_department(
    conn: &Connection,
    env: &Env,
    rec: &Department,
    audit: Audit,
) -> Result<Upsert> {
    let old: Option<i64> = existing(
        conn,
        "SELECT id FROM departments WHERE ext_id = ?1",
        &rec.id,
        |r| r.get(0),
    )?;
    let a = Audited::before(conn, env, audit, "departments", "department", old)?;
    let on = a.on();
    let (id, after) = conn
        .prepare_cached(
            "INSERT INTO departments(ext_id, name, kind, aliases)
                 VALUES (?1, ?2, COALESCE(?3, ?4), COALESCE(?5, ''))
             ON CONFLICT(ext_id) DO UPDATE SET name = excluded.name, kind = COALESCE(?3, kind),
                 aliases = COALESCE(?5, aliases)
             RETURNING *",
        )
        .db("preparing the department upsert")?
        .query_row(
            params![
                rec.id,
                rec.name,
                rec.kind,
                UnitKind::Department,
                rec.aliases.as_ref().map(|a| a
                    .iter()
                    .map(|x| x.trim())
                    .filter(|x| !x.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n"))
            ],
            |r| super::returned(r, "id", on),
        )
        .db(format!("writing department '{}'", rec.id))?;
    a.after_row(id, after, &format!("department {} {}", rec.id, rec.name))?;
    Ok(upserted(old.is_some(), id))
}

/// Whether someone with this login is on record.
pub fn person_exists(conn: &Connection, login: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM people WHERE login = ?1")
        .db("preparing a person lookup")?
        .query_row([login], |_| Ok(()))
        .optional()
        .db("looking up a person")?
        .is_some())
}

/// Writes a person with their divisions of work. The partner must be on record already;
/// an importer that meets a partner further down the file writes the person without one
/// and calls [`set_partner`] at the end.
pub fn upsert_person(conn: &Connection, env: &Env, rec: &Person, audit: Audit) -> Result<Upsert> {
    // A login belongs to one person: catch the clash here to name the field.
    let clash: Option<String> = conn
        .prepare_cached("SELECT ext_id FROM people WHERE login = ?1 AND ext_id <> ?2")
        .db("preparing a login check")?
        .query_row([&rec.login, &rec.id], |r| r.get(0))
        .optional()
        .db("checking a login")?;
    if let Some(other) = clash {
        return Err(FieldError::new(
            "login",
            format!("'{}' already belongs to person '{other}'", rec.login),
        )
        .into());
    }
    if rec.partner.as_deref() == Some(rec.login.as_str()) {
        return Err(FieldError::new("partner", "a person cannot be their own partner").into());
    }
    let dept = rec
        .dept
        .as_deref()
        .map(|d| dept_id(conn, "dept", d))
        .transpose()?;
    let partner = opt_person(conn, "partner", rec.partner.as_deref())?;
    let divisions = match &rec.divisions {
        None => None,
        Some(list) => {
            let mut seen = HashSet::new();
            let mut ids = Vec::with_capacity(list.len());
            for (i, d) in list.iter().enumerate() {
                let field = format!("divisions[{i}]");
                if !seen.insert(d) {
                    return Err(twice(&field, d));
                }
                ids.push(dept_id(conn, &field, d)?);
            }
            Some(ids)
        }
    };
    let old: Option<i64> = existing(
        conn,
        "SELECT id FROM people WHERE ext_id = ?1",
        &rec.id,
        |r| r.get(0),
    )?;
    let a = Audited::before(conn, env, audit, "people", "person", old)?;
    let on = a.on();
    let (id, after) = conn
        .prepare_cached(
            "INSERT INTO people(ext_id, login, name, role, dept_id, partner_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(ext_id) DO UPDATE SET login = excluded.login, name = excluded.name,
                 role = excluded.role, dept_id = COALESCE(?5, dept_id),
                 partner_id = COALESCE(?6, partner_id)
             RETURNING *",
        )
        .db("preparing the person upsert")?
        .query_row(
            params![rec.id, rec.login, rec.name, rec.role, dept, partner],
            |r| super::returned(r, "id", on),
        )
        .db(format!("writing person '{}'", rec.id))?;
    if let Some(ids) = divisions {
        if old.is_some() {
            conn.prepare_cached("DELETE FROM divisions WHERE person_id = ?1")
                .db("preparing the divisions reset")?
                .execute([id])
                .db("resetting divisions")?;
        }
        let mut ins = conn
            .prepare_cached("INSERT INTO divisions(person_id, dept_id) VALUES (?1, ?2)")
            .db("preparing the division insert")?;
        for d in ids {
            ins.execute([id, d]).db("writing a division")?;
        }
    }
    a.after_row(
        id,
        after,
        &format!("person {} {} ({})", rec.id, rec.name, rec.role),
    )?;
    Ok(upserted(old.is_some(), id))
}

/// Links a person to their A/B partner, both by login; `field` names the referring field
/// in errors.
pub fn set_partner(
    conn: &Connection,
    env: &Env,
    login: &str,
    partner: &str,
    audit: Audit,
) -> Result<()> {
    let (id, _) = person(conn, "login", login)?;
    let (pid, _) = person(conn, "partner", partner)?;
    if pid == id {
        return Err(FieldError::new("partner", "a person cannot be their own partner").into());
    }
    let a = Audited::before(conn, env, audit, "people", "person", Some(id))?;
    conn.prepare_cached("UPDATE people SET partner_id = ?2 WHERE id = ?1")
        .db("preparing the partner update")?
        .execute([id, pid])
        .db("writing a partner")?;
    a.after(id, &format!("person {login}: partner {partner}"))
}

/// Writes an absence.
pub fn upsert_absence(conn: &Connection, env: &Env, rec: &Absence, audit: Audit) -> Result<Upsert> {
    let (pid, _) = person(conn, "login", &rec.login)?;
    if rec.end < rec.start {
        return Err(FieldError::new(
            "end",
            format!("{} is before the start {}", rec.end, rec.start),
        )
        .into());
    }
    let old: Option<i64> = existing(
        conn,
        "SELECT id FROM absences WHERE ext_id = ?1",
        &rec.id,
        |r| r.get(0),
    )?;
    let a = Audited::before(conn, env, audit, "absences", "absence", old)?;
    let on = a.on();
    let (id, after) = conn
        .prepare_cached(
            "INSERT INTO absences(ext_id, person_id, start_on, end_on, reason, reported_on)
             VALUES (?1, ?2, ?3, ?4, COALESCE(?5, ''), ?6)
             ON CONFLICT(ext_id) DO UPDATE SET person_id = excluded.person_id,
                 start_on = excluded.start_on, end_on = excluded.end_on,
                 reason = COALESCE(?5, reason), reported_on = COALESCE(?6, reported_on)
             RETURNING *",
        )
        .db("preparing the absence upsert")?
        .query_row(
            params![
                rec.id,
                pid,
                super::day(rec.start),
                super::day(rec.end),
                rec.reason,
                super::opt_day(rec.reported_on)
            ],
            |r| super::returned(r, "id", on),
        )
        .db(format!("writing absence '{}'", rec.id))?;
    a.after_row(
        id,
        after,
        &format!("absence {} {} {}–{}", rec.id, rec.login, rec.start, rec.end),
    )?;
    Ok(upserted(old.is_some(), id))
}

/// Writes one day of the duty rota (keyed by the date).
pub fn upsert_duty(conn: &Connection, env: &Env, rec: &Duty, audit: Audit) -> Result<Upsert> {
    let officer = opt_person(conn, "officer", rec.officer.as_deref())?;
    let leader = match rec.leader.as_deref() {
        None => None,
        Some(l) => {
            let (id, role) = person(conn, "leader", l)?;
            if !role.is_leader() {
                return Err(FieldError::new(
                    "leader",
                    format!("'{l}' is a {role}, not a district leader (区长|常务副区长|副区长)"),
                )
                .into());
            }
            Some(id)
        }
    };
    let day = super::day(rec.date);
    let old: Option<i64> = existing(
        conn,
        "SELECT rowid FROM duty_rota WHERE day = ?1",
        &day,
        |r| r.get(0),
    )?;
    let a = Audited::before(conn, env, audit, "duty_rota", "duty", old)?;
    let id: i64 = conn
        .prepare_cached(
            "INSERT INTO duty_rota(day, officer_id, leader_id) VALUES (?1, ?2, ?3)
             ON CONFLICT(day) DO UPDATE SET officer_id = COALESCE(?2, officer_id),
                 leader_id = COALESCE(?3, leader_id)
             RETURNING rowid",
        )
        .db("preparing the duty upsert")?
        .query_row(params![day, officer, leader], |r| r.get(0))
        .db(format!("writing the duty rota for {day}"))?;
    a.after(id, &format!("duty {day}"))?;
    Ok(upserted(old.is_some(), id))
}
