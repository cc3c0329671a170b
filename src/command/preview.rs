//! What a command would do, without doing it: performed in a transaction that is rolled
//! back, with the open deadlines compared before and after. `calendar import` shows this
//! before it replaces a year (which days change, how many open deadlines move).

use super::outcome::Done;
use super::{Command, dispatch, identity};
use crate::domain::Env;
use crate::error::{DbContext, Result};
use crate::store::Store;
use rusqlite::Connection;
use std::collections::HashMap;

/// Open deadlines a command would move, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Moved {
    pub documents: usize,
    pub countersigns: usize,
    pub supervision: usize,
    pub meetings: usize,
}

impl Moved {
    pub fn total(&self) -> usize {
        self.documents + self.countersigns + self.supervision + self.meetings
    }
}

/// Runs `cmd` as [`super::perform`] would, then rolls everything back.
pub fn preview(store: &mut Store, env: &Env, cmd: &Command) -> Result<(Done, Moved)> {
    let tx = store
        .conn()
        .unchecked_transaction()
        .db("starting a preview")?;
    let before = deadlines(&tx)?;
    let done = identity::guard(&tx, env).and_then(|()| dispatch::run(&tx, env, cmd));
    let after = deadlines(&tx);
    tx.rollback().db("rolling back a preview")?;
    let (done, after) = (done?, after?);
    let mut moved = Moved::default();
    for (key, due) in &after {
        if before.get(key).is_some_and(|b| b != due) {
            match key.as_bytes().first() {
                Some(b'd') => moved.documents += 1,
                Some(b'c') => moved.countersigns += 1,
                Some(b's') => moved.supervision += 1,
                _ => moved.meetings += 1,
            }
        }
    }
    Ok((done, moved))
}

/// Every open deadline, keyed by kind and row.
fn deadlines(conn: &Connection) -> Result<HashMap<String, String>> {
    let sql = "SELECT 'd' || id, coalesce(due, '') FROM documents WHERE state = '待批'
               UNION ALL SELECT 'c' || id, coalesce(due, '') FROM countersigns WHERE answer IS NULL
               UNION ALL SELECT 's' || id, deadline FROM supervision WHERE state = '办理中'
               UNION ALL SELECT 'm' || id, coalesce(materials_due, '') || '/' || coalesce(minutes_due, '')
                                  || '/' || coalesce(docs_due, '')
                         FROM meetings WHERE state <> '已取消'";
    let mut stmt = conn.prepare(sql).db("preparing the deadline snapshot")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .db("reading open deadlines")?
        .collect::<std::result::Result<HashMap<_, _>, _>>()
        .db("reading open deadlines")?;
    Ok(rows)
}
