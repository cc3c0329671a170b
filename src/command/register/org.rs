//! The organisation: departments, people (with divisions of work and A/B partners),
//! absences and the duty rota.

use super::{Audited, Registrar, Upsert, twice};
use crate::domain::UnitKind;
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
pub(super) fn write_department(s: &Registrar<'_>, rec: &Department) -> Result<Upsert> {
    let conn = s.conn;
    let old: Option<i64> = s.existing(
        "departments",
        "SELECT id FROM departments WHERE ext_id = ?1",
        &rec.id,
        |r| r.get(0),
    )?;
    let a = Audited::before(s, "departments", "department", old)?;
    conn.prepare_cached(
        "INSERT INTO departments(ext_id, name, kind, aliases)
                 VALUES (?1, ?2, COALESCE(?3, ?4), COALESCE(?5, ''))
             ON CONFLICT(ext_id) DO UPDATE SET name = excluded.name, kind = COALESCE(?3, kind),
                 aliases = COALESCE(?5, aliases)",
    )
    .db("preparing the department upsert")?
    .execute(params![
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
    ])
    .db_with(|| format!("writing department '{}'", rec.id))?;
    let id = super::upserted_id(conn, old);
    s.wrote_dept(&rec.id, id);
    a.after(id, &format!("department {} {}", rec.id, rec.name))?;
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
pub(crate) fn write_person(s: &Registrar<'_>, rec: &Person) -> Result<Upsert> {
    let conn = s.conn;
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
    let dept = rec.dept.as_deref().map(|d| s.dept("dept", d)).transpose()?;
    let partner = s.opt_person("partner", rec.partner.as_deref())?;
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
                ids.push(s.dept(&field, d)?);
            }
            Some(ids)
        }
    };
    let old: Option<i64> = s.existing(
        "people",
        "SELECT id FROM people WHERE ext_id = ?1",
        &rec.id,
        |r| r.get(0),
    )?;
    let a = Audited::before(s, "people", "person", old)?;
    conn.prepare_cached(
        "INSERT INTO people(ext_id, login, name, role, dept_id, partner_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(ext_id) DO UPDATE SET login = excluded.login, name = excluded.name,
                 role = excluded.role, dept_id = COALESCE(?5, dept_id),
                 partner_id = COALESCE(?6, partner_id)",
    )
    .db("preparing the person upsert")?
    .execute(params![
        rec.id, rec.login, rec.name, rec.role, dept, partner
    ])
    .db_with(|| format!("writing person '{}'", rec.id))?;
    let id = super::upserted_id(conn, old);
    s.wrote_person();
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
    a.after(
        id,
        &format!("person {} {} ({})", rec.id, rec.name, rec.role),
    )?;
    Ok(upserted(old.is_some(), id))
}

/// Links a person to their A/B partner, both by login; `field` names the referring field
/// in errors.
pub(crate) fn set_partner(s: &Registrar<'_>, login: &str, partner: &str) -> Result<()> {
    let conn = s.conn;
    let (id, _) = s.person("login", login)?;
    let (pid, _) = s.person("partner", partner)?;
    if pid == id {
        return Err(FieldError::new("partner", "a person cannot be their own partner").into());
    }
    let a = Audited::before(s, "people", "person", Some(id))?;
    conn.prepare_cached("UPDATE people SET partner_id = ?2 WHERE id = ?1")
        .db("preparing the partner update")?
        .execute([id, pid])
        .db("writing a partner")?;
    a.after(id, &format!("person {login}: partner {partner}"))
}

/// Writes an absence.
pub(super) fn write_absence(s: &Registrar<'_>, rec: &Absence) -> Result<Upsert> {
    let conn = s.conn;
    let (pid, _) = s.person("login", &rec.login)?;
    if rec.end < rec.start {
        return Err(FieldError::new(
            "end",
            format!("{} is before the start {}", rec.end, rec.start),
        )
        .into());
    }
    let old: Option<i64> = s.existing(
        "absences",
        "SELECT id FROM absences WHERE ext_id = ?1",
        &rec.id,
        |r| r.get(0),
    )?;
    let a = Audited::before(s, "absences", "absence", old)?;
    conn.prepare_cached(
        "INSERT INTO absences(ext_id, person_id, start_on, end_on, reason, reported_on)
             VALUES (?1, ?2, ?3, ?4, COALESCE(?5, ''), ?6)
             ON CONFLICT(ext_id) DO UPDATE SET person_id = excluded.person_id,
                 start_on = excluded.start_on, end_on = excluded.end_on,
                 reason = COALESCE(?5, reason), reported_on = COALESCE(?6, reported_on)",
    )
    .db("preparing the absence upsert")?
    .execute(params![
        rec.id,
        pid,
        super::day(rec.start),
        super::day(rec.end),
        rec.reason,
        super::opt_day(rec.reported_on)
    ])
    .db_with(|| format!("writing absence '{}'", rec.id))?;
    let id = super::upserted_id(conn, old);
    a.after(
        id,
        &format!("absence {} {} {}–{}", rec.id, rec.login, rec.start, rec.end),
    )?;
    Ok(upserted(old.is_some(), id))
}

/// Writes one day of the duty rota (keyed by the date).
pub(super) fn write_duty(s: &Registrar<'_>, rec: &Duty) -> Result<Upsert> {
    let conn = s.conn;
    let officer = s.opt_person("officer", rec.officer.as_deref())?;
    let leader = match rec.leader.as_deref() {
        None => None,
        Some(l) => {
            let (id, role) = s.person("leader", l)?;
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
    let old: Option<i64> = s.existing(
        "duty_rota",
        "SELECT rowid FROM duty_rota WHERE day = ?1",
        &day,
        |r| r.get(0),
    )?;
    let a = Audited::before(s, "duty_rota", "duty", old)?;
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
