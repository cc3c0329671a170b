//! Resolving what a command names — items, people, departments — to rows, once, the same
//! way for the board and the command line. Items are named by row id (the board) or by
//! the external id a user types (`doc:`/`sup:` prefixes allowed); people by login, external
//! id, name or an unambiguous part of the name; departments by external id, name or an
//! unambiguous short name (`财政` or `住建局` for 区住房和城乡建设局: the characters in order).

use crate::error::{DbContext, Error, Result};
use crate::store::people::{self, Person};
use rusqlite::{Connection, OptionalExtension};

/// An item as a command names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ref {
    /// A row id (the board knows it).
    Id(i64),
    /// An external id as typed.
    Ext(String),
}

impl From<i64> for Ref {
    fn from(id: i64) -> Ref {
        Ref::Id(id)
    }
}

impl From<&str> for Ref {
    fn from(s: &str) -> Ref {
        Ref::Ext(s.to_string())
    }
}

impl From<String> for Ref {
    fn from(s: String) -> Ref {
        Ref::Ext(s)
    }
}

/// The item to urge: a document, a supervision item, or an external id that names one of
/// them (`doc:ID`/`sup:ID` say which).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrgeRef {
    Document(Ref),
    Supervision(Ref),
    Either(String),
}

/// A resolved urge target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Document(i64),
    Supervision(i64),
}

const DOC_PREFIX: &str = "doc:";
const SUP_PREFIX: &str = "sup:";

fn find(conn: &Connection, sql: &str, key: &str) -> Result<Option<i64>> {
    conn.prepare_cached(sql)
        .db("preparing the lookup")?
        .query_row([key], |r| r.get(0))
        .optional()
        .db(format!("looking up '{key}'"))
}

fn exists(conn: &Connection, sql: &str, id: i64) -> Result<bool> {
    conn.prepare_cached(sql)
        .db("preparing the lookup")?
        .query_row([id], |r| r.get::<_, i64>(0))
        .optional()
        .db(format!("looking up row {id}"))
        .map(|r| r.is_some())
}

/// One kind of item: its table's two lookups and its names in both languages.
struct Kind {
    by_ext: &'static str,
    by_id: &'static str,
    prefix: &'static str,
    zh: &'static str,
    en: &'static str,
}

const DOCUMENT: Kind = Kind {
    by_ext: "SELECT id FROM documents WHERE ext_id = ?1",
    by_id: "SELECT id FROM documents WHERE id = ?1",
    prefix: DOC_PREFIX,
    zh: "公文",
    en: "document",
};
const SUPERVISION: Kind = Kind {
    by_ext: "SELECT id FROM supervision WHERE ext_id = ?1",
    by_id: "SELECT id FROM supervision WHERE id = ?1",
    prefix: SUP_PREFIX,
    zh: "督办事项",
    en: "supervision item",
};
const MEETING: Kind = Kind {
    by_ext: "SELECT id FROM meetings WHERE ext_id = ?1",
    by_id: "SELECT id FROM meetings WHERE id = ?1",
    prefix: "mtg:",
    zh: "会议",
    en: "meeting",
};
const PROJECT: Kind = Kind {
    by_ext: "SELECT id FROM investment_projects WHERE ext_id = ?1",
    by_id: "SELECT id FROM investment_projects WHERE id = ?1",
    prefix: "prj:",
    zh: "投资项目",
    en: "investment project",
};

fn missing(kind: &Kind, what: &str) -> Error {
    Error::no_such(
        format!("没有编号为“{what}”的{}", kind.zh),
        format!("no {} '{what}'", kind.en),
    )
}

fn item(conn: &Connection, kind: &Kind, r: &Ref) -> Result<i64> {
    match r {
        Ref::Id(id) => {
            if exists(conn, kind.by_id, *id)? {
                Ok(*id)
            } else {
                Err(missing(kind, &format!("#{id}")))
            }
        }
        Ref::Ext(s) => {
            let t = s.trim();
            let t = t.strip_prefix(kind.prefix).unwrap_or(t).trim();
            find(conn, kind.by_ext, t)?.ok_or_else(|| missing(kind, t))
        }
    }
}

/// A document's row id.
pub fn document(conn: &Connection, r: &Ref) -> Result<i64> {
    item(conn, &DOCUMENT, r)
}

/// A supervision item's row id.
pub fn supervision(conn: &Connection, r: &Ref) -> Result<i64> {
    item(conn, &SUPERVISION, r)
}

/// A meeting's row id.
pub fn meeting(conn: &Connection, r: &Ref) -> Result<i64> {
    item(conn, &MEETING, r)
}

/// An investment project's row id.
pub fn project(conn: &Connection, r: &Ref) -> Result<i64> {
    item(conn, &PROJECT, r)
}

/// The item to urge.
pub fn urge_target(conn: &Connection, r: &UrgeRef) -> Result<Target> {
    match r {
        UrgeRef::Document(r) => document(conn, r).map(Target::Document),
        UrgeRef::Supervision(r) => supervision(conn, r).map(Target::Supervision),
        UrgeRef::Either(spec) => {
            let spec = spec.trim();
            if spec.starts_with(DOC_PREFIX) {
                return document(conn, &Ref::from(spec)).map(Target::Document);
            }
            if spec.starts_with(SUP_PREFIX) {
                return supervision(conn, &Ref::from(spec)).map(Target::Supervision);
            }
            let d = find(conn, DOCUMENT.by_ext, spec)?;
            let s = find(conn, SUPERVISION.by_ext, spec)?;
            match (d, s) {
                (Some(d), None) => Ok(Target::Document(d)),
                (None, Some(s)) => Ok(Target::Supervision(s)),
                (Some(_), Some(_)) => Err(Error::no_such(
                    format!("“{spec}”既是公文编号也是督办事项编号，请写 doc:{spec} 或 sup:{spec}"),
                    format!(
                        "'{spec}' names both a document and a supervision item; write doc:{spec} or sup:{spec}"
                    ),
                )),
                (None, None) => Err(Error::no_such(
                    format!("没有编号为“{spec}”的公文或督办事项"),
                    format!("no document or supervision item '{spec}'"),
                )),
            }
        }
    }
}

/// Whether the characters of `short` appear in `name` in order (`住建局` in
/// `区住房和城乡建设局`): how short names of Chinese bodies are formed.
fn in_order(short: &str, name: &str) -> bool {
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
fn pick(spec: &str, candidates: &[Candidate], zh_what: &str, en_what: &str) -> Result<i64> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: i64, name: &str, aka: &[&str]) -> Candidate {
        Candidate {
            id,
            name: name.to_string(),
            aka: aka.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn aliases_and_pinyin_initials() {
        let all = vec![
            c(1, "区住房和城乡建设局", &["住建局"]),
            c(2, "区人力资源和社会保障局", &["人社局"]),
        ];
        assert_eq!(pick("人社局", &all, "单位", "department").unwrap(), 2);
        let people = vec![
            c(1, "李明华", &["limh"]),
            c(2, "李敏", &["limin"]),
            c(3, "刘梦华", &["liumh"]),
        ];
        // lmh: 李明华 and 刘梦华 share initials; the exact test is the same, so both listed.
        let e = pick("lmh", &people, "人员", "person").unwrap_err();
        assert!(e.localized(crate::i18n::Lang::Zh).contains("李明华"), "{e}");
        assert_eq!(pick("李明", &people, "人员", "person").unwrap(), 1);
        // Exact initials win over a prefix: lm is 李敏, not 李明华.
        assert_eq!(pick("lm", &people, "人员", "person").unwrap(), 2);
    }

    #[test]
    fn short_names_match_in_order() {
        let all = vec![
            c(1, "区住房和城乡建设局", &[]),
            c(2, "区财政局", &[]),
            c(3, "区发展和改革局", &[]),
        ];
        assert_eq!(pick("住建局", &all, "单位", "department").unwrap(), 1);
        assert_eq!(pick("财政", &all, "单位", "department").unwrap(), 2);
        assert_eq!(pick("区财政局", &all, "单位", "department").unwrap(), 2);
        let e = pick("局", &all, "单位", "department").unwrap_err();
        assert!(
            e.localized(crate::i18n::Lang::Zh).contains("可指多个"),
            "{e}"
        );
        assert!(pick("公安", &all, "单位", "department").is_err());
    }
}
