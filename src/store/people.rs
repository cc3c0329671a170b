//! People: lookups by login and id, who is away on a day, and who stands in for an absent
//! leader under the district's rules.

use crate::domain::permission::{Who, standin_rule};
use crate::domain::{Env, Role};
use crate::error::{DbContext, Error, Result};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

/// A person in the district government.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Person {
    pub id: i64,
    pub ext_id: String,
    pub login: String,
    pub name: String,
    pub role: Role,
    pub dept_id: Option<i64>,
    /// The A/B partner (AB岗/AB角) who stands in while this person is away.
    pub partner_id: Option<i64>,
}

impl Person {
    /// The facts permissions depend on.
    pub fn who(&self) -> Who {
        Who {
            id: self.id,
            role: self.role,
            dept_id: self.dept_id,
        }
    }
}

/// `SELECT` of every person column, followed by the given clause.
macro_rules! select_people {
    ($rest:literal) => {
        concat!(
            "SELECT id, ext_id, login, name, role, dept_id, partner_id FROM people ",
            $rest
        )
    };
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        ext_id: r.get(1)?,
        login: r.get(2)?,
        name: r.get(3)?,
        role: r.get(4)?,
        dept_id: r.get(5)?,
        partner_id: r.get(6)?,
    })
}

/// The person with this login, if any.
pub fn find_by_login(conn: &Connection, login: &str) -> Result<Option<Person>> {
    conn.prepare_cached(select_people!("WHERE login = ?1"))
        .db("preparing the person query")?
        .query_row([login.trim()], from_row)
        .optional()
        .db(format!("looking up the person with login '{login}'"))
}

/// The person acting under `login`; an unknown login is refused with a hint to `--as`.
pub fn person_by_login(conn: &Connection, login: &str) -> Result<Person> {
    find_by_login(conn, login)?.ok_or_else(|| {
        Error::refused(
            format!("登录名“{login}”不在人员名单中，请用 --as 登录名 指定一位已登记的人员"),
            format!("login '{login}' is not on the staff list; pass --as LOGIN with a known login"),
        )
    })
}

/// The person with this id.
pub fn person_by_id(conn: &Connection, id: i64) -> Result<Person> {
    conn.prepare_cached(select_people!("WHERE id = ?1"))
        .db("preparing the person query")?
        .query_row([id], from_row)
        .optional()
        .db(format!("looking up person {id}"))?
        .ok_or_else(|| Error::NotFound(format!("person id {id}")))
}

/// Everyone with a role, in id order.
pub fn people_with_role(conn: &Connection, role: Role) -> Result<Vec<Person>> {
    let mut stmt = conn
        .prepare_cached(select_people!("WHERE role = ?1 ORDER BY id"))
        .db("preparing the people-by-role query")?;
    let rows = stmt
        .query_map([role], from_row)
        .db("reading people by role")?;
    rows.collect::<std::result::Result<_, _>>()
        .db("reading people by role")
}

/// Whether an absence on record covers `day` for this person.
pub fn is_away(conn: &Connection, person_id: i64, day: NaiveDate) -> Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS(SELECT 1 FROM absences
         WHERE person_id = ?1 AND start_on <= ?2 AND end_on >= ?2)",
    )
    .db("preparing the absence query")?
    .query_row(params![person_id, day_str(day)], |r| r.get(0))
    .db(format!("checking whether person {person_id} is away"))
}

/// Everyone away on `day`, in id order.
pub fn away_on(conn: &Connection, day: NaiveDate) -> Result<Vec<Person>> {
    let mut stmt = conn
        .prepare_cached(select_people!(
            "WHERE id IN (SELECT person_id FROM absences WHERE start_on <= ?1 AND end_on >= ?1)
             ORDER BY id"
        ))
        .db("preparing the away query")?;
    let rows = stmt
        .query_map([day_str(day)], from_row)
        .db("reading who is away")?;
    rows.collect::<std::result::Result<_, _>>()
        .db("reading who is away")
}

/// Who stands in for leader `leader_id` on `day`: None when the leader is present or
/// nobody can. For the 区长, the first present person whose role is in the profile's
/// `people.mayor_standin` (default: the 常务副区长); for a deputy, their A/B partner if
/// present (unless the profile's `people.ab_partner_standin` says no).
pub fn acting_for(
    conn: &Connection,
    env: &Env,
    leader_id: i64,
    day: NaiveDate,
) -> Result<Option<Person>> {
    let leader = person_by_id(conn, leader_id)?;
    if !is_away(conn, leader.id, day)? {
        return Ok(None);
    }
    let Some(rule) = standin_rule(&env.profile, leader.role) else {
        return Ok(None);
    };
    for role in &rule.roles {
        for p in people_with_role(conn, *role)? {
            if p.id != leader.id && !is_away(conn, p.id, day)? {
                return Ok(Some(p));
            }
        }
    }
    if rule.partner {
        if let Some(pid) = leader.partner_id.filter(|&pid| pid != leader.id) {
            if !is_away(conn, pid, day)? {
                return person_by_id(conn, pid).map(Some);
            }
        }
    }
    Ok(None)
}

fn day_str(day: NaiveDate) -> String {
    crate::clock::fmt_date(day)
}
