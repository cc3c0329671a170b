//! Resolving what a command names — items, people, departments — to rows, once, the same
//! way for the board and the command line. Items are named by row id (the board) or by
//! the external id a user types (`doc:`/`sup:` prefixes allowed); people by login, external
//! id, name or an unambiguous part of the name; departments by external id, name or an
//! unambiguous short name (`财政` or `住建局` for 区住房和城乡建设局: the characters in order).

use crate::error::{DbContext, Error, Result};
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

pub(crate) fn find(conn: &Connection, sql: &str, key: &str) -> Result<Option<i64>> {
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

pub use super::pick::{
    Among, Candidate, department, department_candidates, matches, person, person_among,
    person_candidates,
};

#[cfg(test)]
mod tests {
    use super::super::pick::pick;
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
