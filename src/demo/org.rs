//! The demo org as the generators see it, and the duty rota and absences around today.

use crate::domain::{Env, Role};
use crate::error::{DbContext, Result};
use crate::interchange::record::{Absence, Duty, Record};
use chrono::{Days, NaiveDate};
use rusqlite::Connection;

/// Who is who in the demo district (by login and department id).
pub struct Org {
    /// (id, name) of every department and town.
    pub depts: Vec<(String, String)>,
    pub mayor: String,
    /// The 常务副区长 first, then the 副区长.
    pub deputies: Vec<String>,
    pub director: String,
    pub officers: Vec<String>,
    /// (login, department id) of department heads.
    pub heads: Vec<(String, String)>,
}

impl Org {
    /// Reads the org back from the store (after the org chart import).
    pub fn load(conn: &Connection) -> Result<Org> {
        let mut stmt = conn
            .prepare_cached("SELECT ext_id, name FROM departments ORDER BY id")
            .db("reading departments")?;
        let depts = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .db("reading departments")?
            .collect::<rusqlite::Result<Vec<(String, String)>>>()
            .db("reading departments")?;
        let mut stmt = conn
            .prepare_cached(
                "SELECT p.login, p.role, d.ext_id FROM people p
                 LEFT JOIN departments d ON d.id = p.dept_id ORDER BY p.id",
            )
            .db("reading people")?;
        let people = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .db("reading people")?
            .collect::<rusqlite::Result<Vec<(String, Role, Option<String>)>>>()
            .db("reading people")?;
        let with = |role: Role| -> Vec<String> {
            people
                .iter()
                .filter(|p| p.1 == role)
                .map(|p| p.0.clone())
                .collect()
        };
        let mut deputies = with(Role::ExecutiveDeputy);
        deputies.extend(with(Role::DeputyMayor));
        let first = |v: Vec<String>| v.into_iter().next().unwrap_or_default();
        Ok(Org {
            depts,
            mayor: first(with(Role::Mayor)),
            deputies,
            director: first(with(Role::OfficeDirector)),
            officers: with(Role::DutyOfficer),
            heads: people
                .iter()
                .filter(|p| p.1 == Role::DeptHead)
                .filter_map(|p| p.2.clone().map(|d| (p.0.clone(), d)))
                .collect(),
        })
    }

    /// The 区长 and the deputies.
    pub fn leaders(&self) -> Vec<String> {
        let mut v = vec![self.mayor.clone()];
        v.extend(self.deputies.iter().cloned());
        v
    }

    /// The head of a department, if it has one.
    pub fn head_of(&self, dept: &str) -> Option<&str> {
        self.heads
            .iter()
            .find(|(_, d)| d == dept)
            .map(|(l, _)| l.as_str())
    }
}

fn shift(d: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        d.checked_add_days(Days::new(days as u64)).unwrap_or(d)
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
            .unwrap_or(d)
    }
}

/// Three weeks of duty rota around today, and a few absences: one deputy away today (so a
/// stand-in shows), the 区长 away next week, a department head who reported late.
pub fn rota_and_absences(org: &Org, env: &Env) -> Vec<Record> {
    let today = env.today();
    let leaders = org.leaders();
    let mut out = Vec::new();
    for (i, off) in (-7i64..=14).enumerate() {
        let officer = org.officers.get(i % org.officers.len().max(1)).cloned();
        let leader = leaders.get(i % leaders.len().max(1)).cloned();
        out.push(Record::Duty(Duty {
            date: shift(today, off),
            officer,
            leader,
        }));
    }
    let mut absence = |id: &str, login: &str, from: i64, to: i64, reason: &str, reported: i64| {
        out.push(Record::Absence(Absence {
            id: id.to_string(),
            login: login.to_string(),
            start: shift(today, from),
            end: shift(today, to),
            reason: Some(reason.to_string()),
            reported_on: Some(shift(today, reported)),
        }));
    };
    if let Some(dep) = org.deputies.get(1) {
        absence("QJ-001", dep, -1, 2, "赴省委党校参加专题培训", -6);
    }
    absence("QJ-002", &org.mayor, 6, 8, "赴京汇报项目工作", 0);
    if let Some(dep) = org.deputies.get(3) {
        absence("QJ-003", dep, 10, 11, "带队赴外地考察招商", 1);
    }
    if let Some((head, _)) = org.heads.get(2) {
        absence("QJ-004", head, 1, 3, "因病请假", 0);
    }
    if let Some((head, _)) = org.heads.get(7) {
        absence("QJ-005", head, -3, -1, "外出学习", -8);
    }
    out
}
