//! The board's header: what day it is, who I am, who is on duty, which leaders are away
//! and who stands in for them, and whether the calendar covers this year and the next.

use super::PersonRef;
use crate::calendar::DayKind;
use crate::clock::fmt_date;
use crate::domain::{Env, Role};
use crate::error::{DbContext, Result};
use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension, named_params};
use serde::Serialize;

/// The header's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub today: NaiveDate,
    pub day_kind: DayKind,
    /// The district's name (`[district] name`).
    pub profile_name: String,
    pub profile_id: String,
    /// The acting person: login always, name and role when the login is on the org chart.
    pub me_login: String,
    pub me: Option<(String, Role)>,
    pub duty_officer: Option<PersonRef>,
    /// 带班领导.
    pub duty_leader: Option<PersonRef>,
    pub away: Vec<AwayLeader>,
    /// This year and/or the next when the calendar has no official schedule for them.
    pub missing_years: Vec<i32>,
}

/// A leader away today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AwayLeader {
    pub person: PersonRef,
    pub role: Role,
    pub until: NaiveDate,
    pub stand_in: Option<PersonRef>,
}

/// Reads the header.
pub fn header(conn: &Connection, env: &Env) -> Result<Header> {
    let today = env.today();
    let me = conn
        .prepare_cached("SELECT name, role FROM people WHERE login = ?1")
        .db("preparing the acting-person query")?
        .query_row([&env.actor], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Role>(1)?))
        })
        .optional()
        .db("reading the acting person")?;
    let rota = conn
        .prepare_cached(
            "SELECT o.id, o.login, o.name, l.id, l.login, l.name
             FROM duty_rota r
             LEFT JOIN people o ON o.id = r.officer_id
             LEFT JOIN people l ON l.id = r.leader_id
             WHERE r.day = ?1",
        )
        .db("preparing the duty rota query")?
        .query_row([fmt_date(today)], |r| {
            let person = |i: usize| -> rusqlite::Result<Option<PersonRef>> {
                Ok(match r.get::<_, Option<i64>>(i)? {
                    Some(id) => Some(PersonRef {
                        id,
                        login: r.get(i + 1)?,
                        name: r.get(i + 2)?,
                    }),
                    None => None,
                })
            };
            Ok((person(0)?, person(3)?))
        })
        .optional()
        .db("reading today's duty rota")?;
    let (duty_officer, duty_leader) = rota.unwrap_or((None, None));
    let mut away = away_today(conn, env)?;
    for a in &mut away {
        a.stand_in = super::stand_in_for(conn, env, a.person.id)?;
    }
    let missing_years = [today.year(), today.year() + 1]
        .into_iter()
        .filter(|y| !env.calendar.has_schedule(*y))
        .collect();
    Ok(Header {
        today,
        day_kind: env.calendar.day_kind(today),
        profile_name: env.profile.district.name.clone(),
        profile_id: env.profile.district.id.clone(),
        me_login: env.actor.clone(),
        me,
        duty_officer,
        duty_leader,
        away,
        missing_years,
    })
}

/// Leaders (区长, 常务副区长, 副区长) with an absence covering today, by role then name.
/// Uses `absences_by_span` (end_on, start_on): only absences not yet over are read.
pub fn away_today(conn: &Connection, env: &Env) -> Result<Vec<AwayLeader>> {
    let today = fmt_date(env.today());
    let mut stmt = conn
        .prepare_cached(
            "SELECT p.id, p.login, p.name, p.role, max(a.end_on)
             FROM absences a JOIN people p ON p.id = a.person_id
             WHERE a.end_on >= :today AND a.start_on <= :today
             GROUP BY p.id
             ORDER BY p.name",
        )
        .db("preparing the absences query")?;
    let rows = stmt
        .query_map(named_params! {":today": today}, |r| {
            Ok((
                PersonRef {
                    id: r.get(0)?,
                    login: r.get(1)?,
                    name: r.get(2)?,
                },
                r.get::<_, Role>(3)?,
                r.get::<_, String>(4)?,
            ))
        })
        .db("reading today's absences")?;
    let mut out = Vec::new();
    for row in rows {
        let (person, role, until) = row.db("reading today's absences")?;
        if !role.is_leader() {
            continue;
        }
        // An unreadable end date leaves this absence out of the header, not the board.
        let until = match super::parse_day(&until, || format!("absence of {} end_on", person.login))
        {
            Ok(d) => d,
            Err(e) => {
                tracing::warn!("absence skipped: {e}");
                continue;
            }
        };
        out.push(AwayLeader {
            person,
            role,
            until,
            stand_in: None,
        });
    }
    out.sort_by_key(|a| (a.role, a.person.name.clone()));
    Ok(out)
}
