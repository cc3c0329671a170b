//! Pickers: people and departments as people name them — name, part of it, login,
//! alias, short name, pinyin initials — the same lookup for the board's forms (which list
//! the candidates as the user types), the command line and imports.

use super::resolve::find;
use crate::error::{DbContext, Error, Result};
use crate::store::people::{self, Person};
use rusqlite::Connection;

/// Whether the characters of `short` appear in `name` in order (`住建局` in
/// `区住房和城乡建设局`): how short names of Chinese bodies are formed.
pub(crate) fn in_order(short: &str, name: &str) -> bool {
    let mut rest = name.chars();
    short.chars().all(|c| rest.any(|n| n == c))
}

/// One candidate of a picker: its row id, its name, and the other names it is known by
/// (a person's login; a department's aliases from the org chart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: i64,
    pub name: String,
    pub aka: Vec<String>,
}

impl Candidate {
    /// "李明华 (limh)": how a list of candidates shows one.
    pub fn label(&self) -> String {
        match self.aka.first() {
            Some(a) if !a.is_empty() => format!("{} ({a})", self.name),
            _ => self.name.clone(),
        }
    }
}

/// The tests of a picker, strictest first: exact name or alias, the name containing what
/// was typed, an alias containing it, its characters in order in the name, pinyin
/// initials (`lmh` for 李明华) exactly, then as a prefix.
/// One test of a picker.
type Test<'a> = Box<dyn Fn(&Candidate) -> bool + 'a>;

fn tests(spec: &str) -> Vec<Test<'_>> {
    let lower = spec.to_lowercase();
    let initials = crate::names::is_initials(spec);
    let mut v: Vec<Test<'_>> = vec![
        Box::new(move |c: &Candidate| c.name == spec || c.aka.iter().any(|a| a == spec)),
        Box::new(move |c: &Candidate| c.name.contains(spec)),
        Box::new(move |c: &Candidate| c.aka.iter().any(|a| !a.is_empty() && a.contains(spec))),
        Box::new(move |c: &Candidate| in_order(spec, &c.name)),
    ];
    if initials {
        let l2 = lower.clone();
        v.push(Box::new(move |c: &Candidate| {
            crate::names::initials(&c.name) == l2
        }));
        v.push(Box::new(move |c: &Candidate| {
            crate::names::initials(&c.name).starts_with(&lower)
        }));
    }
    v
}

/// The candidates `spec` matches under the strictest test any of them passes (empty when
/// none does): what a picker lists as the user types.
pub fn matches<'c>(spec: &str, candidates: &'c [Candidate]) -> Vec<&'c Candidate> {
    let spec = spec.trim();
    if spec.is_empty() {
        return Vec::new();
    }
    for test in tests(spec) {
        let hits: Vec<&Candidate> = candidates.iter().filter(|c| test(c)).collect();
        if !hits.is_empty() {
            return hits;
        }
    }
    Vec::new()
}

/// Picks one of `candidates` for `spec`: see [`matches`]. Several matches are refused
/// with their names; none, with what may be typed.
pub(crate) fn pick(
    spec: &str,
    candidates: &[Candidate],
    zh_what: &str,
    en_what: &str,
) -> Result<i64> {
    match matches(spec, candidates).as_slice() {
        [one] => Ok(one.id),
        [] => Err(Error::no_such(
            format!("没有名称、简称、登录名或拼音首字母为“{spec}”的{zh_what}"),
            format!("no {en_what} with the name, short name, login or pinyin initials '{spec}'"),
        )),
        many => {
            let names: Vec<String> = many.iter().take(8).map(|c| c.label()).collect();
            Err(Error::no_such(
                format!(
                    "“{spec}”可指多个{zh_what}：{}，请写全称或编号",
                    names.join("、")
                ),
                format!(
                    "'{spec}' matches several {en_what}s: {}; give the full name or id",
                    names.join(", ")
                ),
            ))
        }
    }
}

fn collect(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<Vec<Candidate>> {
    conn.prepare_cached(sql)
        .db("preparing the candidate list")?
        .query_map(p, |r| {
            let aka: String = r.get(2)?;
            Ok(Candidate {
                id: r.get(0)?,
                name: r.get(1)?,
                aka: aka
                    .split(['\n', ',', '，', '、', '|'])
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
                    .collect(),
            })
        })
        .db("reading candidates")?
        .collect::<std::result::Result<_, _>>()
        .db("reading candidates")
}

/// Every department as a picker candidate (its aliases as other names).
pub fn department_candidates(conn: &Connection) -> Result<Vec<Candidate>> {
    collect(
        conn,
        "SELECT id, name, aliases FROM departments ORDER BY id",
        [],
    )
}

/// Whom a person picker offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Among {
    /// Anyone on the staff list.
    Anyone,
    /// The district leaders (区长, 常务副区长, 副区长): 转办, 代录.
    Leaders,
    /// The members of a meeting: 请假.
    Members(i64),
}

/// The people a picker offers, their logins as other names.
pub fn person_candidates(conn: &Connection, among: Among) -> Result<Vec<Candidate>> {
    match among {
        Among::Anyone => collect(conn, "SELECT id, name, login FROM people ORDER BY id", []),
        Among::Leaders => collect(
            conn,
            "SELECT id, name, login FROM people
             WHERE role IN ('区长', '常务副区长', '副区长') ORDER BY id",
            [],
        ),
        Among::Members(m) => collect(
            conn,
            "SELECT p.id, p.name, p.login FROM meeting_members mm
             JOIN people p ON p.id = mm.person_id WHERE mm.meeting_id = ?1 ORDER BY p.id",
            [m],
        ),
    }
}

/// A department by external id, name, alias, unambiguous short name or pinyin initials.
pub fn department(conn: &Connection, spec: &str) -> Result<i64> {
    let spec = spec.trim();
    if let Some(id) = find(conn, "SELECT id FROM departments WHERE ext_id = ?1", spec)? {
        return Ok(id);
    }
    pick(spec, &department_candidates(conn)?, "单位", "department")
}

/// A person by login, external id, name, an unambiguous part of the name or pinyin
/// initials.
pub fn person(conn: &Connection, spec: &str) -> Result<Person> {
    person_among(conn, spec, Among::Anyone)
}

/// A person among those a rule allows (the leaders for 转办, a meeting's members for
/// 请假): anyone else is refused naming who may be chosen.
pub fn person_among(conn: &Connection, spec: &str, among: Among) -> Result<Person> {
    let spec = spec.trim();
    let allowed = person_candidates(conn, among)?;
    // A meeting whose members are not on record restricts nobody.
    if matches!(among, Among::Members(_)) && allowed.is_empty() {
        return person_among(conn, spec, Among::Anyone);
    }
    let found = match people::find_by_login(conn, spec)? {
        Some(p) => Some(p),
        None => match find(conn, "SELECT id FROM people WHERE ext_id = ?1", spec)? {
            Some(id) => Some(people::person_by_id(conn, id)?),
            None => None,
        },
    };
    let (zh_what, en_what) = match among {
        Among::Anyone => ("人员", "person"),
        Among::Leaders => ("区政府领导", "district leader"),
        Among::Members(_) => ("参会人员", "member of the meeting"),
    };
    let id = match found {
        Some(p) => p.id,
        None => match pick(spec, &allowed, zh_what, en_what) {
            Ok(id) => id,
            // Someone outside the allowed set: say so rather than "nobody".
            Err(e) if among != Among::Anyone => {
                let everyone = person_candidates(conn, Among::Anyone)?;
                match matches(spec, &everyone).as_slice() {
                    [one] => one.id,
                    _ => return Err(e),
                }
            }
            Err(e) => return Err(e),
        },
    };
    if among != Among::Anyone && !allowed.iter().any(|c| c.id == id) {
        let p = people::person_by_id(conn, id)?;
        let names: Vec<String> = allowed.iter().take(8).map(|c| c.label()).collect();
        return Err(Error::no_such(
            format!("{}不是{zh_what}；可选：{}", p.name, names.join("、")),
            format!(
                "{} is not a {en_what}; choose one of: {}",
                p.name,
                names.join(", ")
            ),
        ));
    }
    people::person_by_id(conn, id)
}
