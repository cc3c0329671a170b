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

/// Picks one of `candidates` (id, name) for `spec`: exact name, else the one name that
/// contains it, else the one that has its characters in order. Several matches are
/// refused with their names.
fn pick(spec: &str, candidates: &[(i64, String)], zh_what: &str, en_what: &str) -> Result<i64> {
    if let Some((id, _)) = candidates.iter().find(|(_, n)| n == spec) {
        return Ok(*id);
    }
    for test in [
        (|s: &str, n: &str| n.contains(s)) as fn(&str, &str) -> bool,
        in_order,
    ] {
        let hits: Vec<&(i64, String)> = candidates.iter().filter(|(_, n)| test(spec, n)).collect();
        match hits.as_slice() {
            [] => continue,
            [one] => return Ok(one.0),
            many => {
                let names: Vec<&str> = many.iter().take(8).map(|(_, n)| n.as_str()).collect();
                return Err(Error::no_such(
                    format!(
                        "“{spec}”可指多个{zh_what}：{}，请写全称或编号",
                        names.join("、")
                    ),
                    format!(
                        "'{spec}' matches several {en_what}s: {}; give the full name or id",
                        names.join(", ")
                    ),
                ));
            }
        }
    }
    Err(Error::no_such(
        format!("没有名称或编号为“{spec}”的{zh_what}"),
        format!("no {en_what} with the name or id '{spec}'"),
    ))
}

/// A department by external id, name or unambiguous short name.
pub fn department(conn: &Connection, spec: &str) -> Result<i64> {
    let spec = spec.trim();
    if let Some(id) = find(conn, "SELECT id FROM departments WHERE ext_id = ?1", spec)? {
        return Ok(id);
    }
    let all: Vec<(i64, String)> = conn
        .prepare_cached("SELECT id, name FROM departments ORDER BY id")
        .db("preparing the department list")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .db("reading departments")?
        .collect::<std::result::Result<_, _>>()
        .db("reading departments")?;
    pick(spec, &all, "单位", "department")
}

/// A person by login, external id, name or an unambiguous part of the name.
pub fn person(conn: &Connection, spec: &str) -> Result<Person> {
    let spec = spec.trim();
    if let Some(p) = people::find_by_login(conn, spec)? {
        return Ok(p);
    }
    if let Some(id) = find(conn, "SELECT id FROM people WHERE ext_id = ?1", spec)? {
        return people::person_by_id(conn, id);
    }
    let all: Vec<(i64, String)> = conn
        .prepare_cached("SELECT id, name FROM people ORDER BY id")
        .db("preparing the people list")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .db("reading people")?
        .collect::<std::result::Result<_, _>>()
        .db("reading people")?;
    let id = pick(spec, &all, "人员", "person")?;
    people::person_by_id(conn, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_match_in_order() {
        let all = vec![
            (1, "区住房和城乡建设局".to_string()),
            (2, "区财政局".to_string()),
            (3, "区发展和改革局".to_string()),
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
