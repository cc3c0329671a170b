//! Signed documents still owing 印制 or 公开 where the district's rules ask for them: what
//! the office records with `printed` and `published`, oldest signature first. Reads only.

use crate::error::{DbContext, Result};
use crate::profile::Profile;
use rusqlite::Connection;

/// One document owing a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owing {
    pub ext_id: String,
    pub title: String,
    pub signed_on: Option<String>,
    pub printed_on: Option<String>,
}

/// At most this many.
const MAX: i64 = 500;

/// The signed documents owing printing (or, printed, publishing), when the profile has
/// those rules; empty otherwise.
pub fn owing(conn: &Connection, profile: &Profile) -> Result<Vec<Owing>> {
    let d = &profile.documents;
    let (print, publish) = (
        d.print_after_sign.is_some(),
        d.publish_after_print.is_some(),
    );
    if !print && !publish {
        return Ok(Vec::new());
    }
    conn.prepare_cached(
        "SELECT ext_id, title, signed_on, printed_on FROM documents
         WHERE state = '已签批'
           AND ((?1 AND printed_on IS NULL)
                OR (?2 AND printed_on IS NOT NULL AND published_on IS NULL AND secrecy = '公开'))
         ORDER BY signed_on, id LIMIT ?3",
    )
    .db("preparing the documents to print")?
    .query_map(rusqlite::params![print, publish, MAX], |r| {
        Ok(Owing {
            ext_id: r.get(0)?,
            title: r.get(1)?,
            signed_on: r.get(2)?,
            printed_on: r.get(3)?,
        })
    })
    .db("reading the documents to print")?
    .collect::<rusqlite::Result<Vec<_>>>()
    .db("reading the documents to print")
}
