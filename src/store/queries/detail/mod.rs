//! The detail view of one item: every field (each deadline with its rule and article),
//! its child rows and its full history from the audit log.

use super::{Bi, Due, parse_day};

pub(crate) mod document;
mod meeting;
mod supervision;

use crate::domain::Env;
use crate::error::{DbContext, Result};
use crate::i18n::Named;
use crate::store::audit::{self, HistoryEntry};
use document::document;
use meeting::meeting;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::Serialize;
use supervision::supervision;

/// Which item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Item {
    Document(i64),
    Supervision(i64),
    Meeting(i64),
}

impl Item {
    /// The audit log's entity name.
    pub fn entity(self) -> &'static str {
        match self {
            Item::Document(_) => "document",
            Item::Supervision(_) => "supervision",
            Item::Meeting(_) => "meeting",
        }
    }
    /// The row id.
    pub fn id(self) -> i64 {
        match self {
            Item::Document(i) | Item::Supervision(i) | Item::Meeting(i) => i,
        }
    }
}

/// One labelled value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub value: Bi,
    /// Set for deadlines: the view shows the rule and article behind it.
    pub due: Option<Due>,
}

/// A list of child rows (countersigns, topics, extensions, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub lines: Vec<Bi>,
}

/// A meeting's topic, for the topic forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicRef {
    pub id: i64,
    pub title: String,
    pub approved: bool,
    pub materials_in: bool,
}

/// Everything about one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detail {
    pub item: Item,
    pub ext_id: String,
    pub title: String,
    pub fields: Vec<Field>,
    pub sections: Vec<Section>,
    pub topics: Vec<TopicRef>,
    /// Oldest first.
    pub history: Vec<HistoryEntry>,
}

/// Builds fields one after the other.
pub(super) struct Fields(pub Vec<Field>);

impl Fields {
    pub fn bi(&mut self, zh: &'static str, en: &'static str, value: Bi) {
        self.0.push(Field {
            label_zh: zh,
            label_en: en,
            value,
            due: None,
        });
    }
    pub fn text(&mut self, zh: &'static str, en: &'static str, value: Option<String>) {
        self.bi(zh, en, Bi::same(value.unwrap_or_default()));
    }
    pub fn named(&mut self, zh: &'static str, en: &'static str, v: &impl Named) {
        self.bi(zh, en, Bi::new(v.zh(), v.en()));
    }
    pub fn due(&mut self, zh: &'static str, en: &'static str, due: Option<Due>) {
        self.0.push(Field {
            label_zh: zh,
            label_en: en,
            value: Bi::same(due.as_ref().map(|d| d.due.to_string()).unwrap_or_default()),
            due,
        });
    }
}

/// Reads the detail of `item`.
pub fn detail(conn: &Connection, env: &Env, item: Item) -> Result<Detail> {
    let (ext_id, title, fields, sections, topics) = match item {
        Item::Document(id) => document(conn, env, id)?,
        Item::Supervision(id) => supervision(conn, env, id)?,
        Item::Meeting(id) => meeting(conn, env, id)?,
    };
    Ok(Detail {
        item,
        ext_id,
        title,
        fields,
        sections,
        topics,
        history: audit::history(conn, item.entity(), item.id())?,
    })
}

pub(super) type Parts = (String, String, Vec<Field>, Vec<Section>, Vec<TopicRef>);

pub(super) fn s(r: &Row<'_>, col: &str) -> rusqlite::Result<Option<String>> {
    r.get::<_, Option<String>>(col)
}

pub(super) fn due_at(
    env: &Env,
    what: &str,
    d: Option<String>,
    rule: Option<String>,
    art: Option<String>,
) -> Result<Option<Due>> {
    d.map(|d| {
        Ok(Due::new(
            env,
            parse_day(&d, || what.to_string())?,
            rule,
            art,
        ))
    })
    .transpose()
}

pub(super) fn lines(
    conn: &Connection,
    sql: &str,
    id: impl rusqlite::Params,
    f: impl Fn(&Row<'_>) -> rusqlite::Result<Bi>,
) -> Result<Vec<Bi>> {
    let mut stmt = conn.prepare_cached(sql).db("preparing a detail query")?;
    let rows = stmt.query_map(id, |r| f(r)).db("reading an item's rows")?;
    rows.collect::<std::result::Result<_, _>>()
        .db("reading an item's rows")
}

pub(super) fn name_of(conn: &Connection, id: Option<i64>) -> Result<Option<String>> {
    let Some(id) = id else { return Ok(None) };
    conn.prepare_cached("SELECT name || ' (' || login || ')' FROM people WHERE id = ?1")
        .db("preparing a person query")?
        .query_row([id], |r| r.get(0))
        .optional()
        .db("reading a person")
}

pub(super) fn notices(conn: &Connection, col: &str, id: i64) -> Result<Vec<Bi>> {
    let sql = match col {
        "document_id" => {
            "SELECT n.at, coalesce(p.name, ''), n.note FROM notices n LEFT JOIN people p ON p.id = n.by_id
             WHERE n.document_id = ?1 ORDER BY n.id"
        }
        _ => {
            "SELECT n.at, coalesce(p.name, ''), n.note FROM notices n LEFT JOIN people p ON p.id = n.by_id
             WHERE n.supervision_id = ?1 ORDER BY n.id"
        }
    };
    lines(conn, sql, [id], |r| {
        Ok(Bi::same(format!(
            "{} | {} | {}",
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?
        )))
    })
}
