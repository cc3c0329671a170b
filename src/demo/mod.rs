//! The demo district: the org chart in `data/demo/org.jsonl` (imported through the normal
//! import path) and generated work items spread around today, so that every pane has
//! overdue, due-soon and future items. The same seed, size and today give the same data.

mod docs;
mod meetings;
mod org;
mod rules_cases;
mod summary;
mod words;

pub use summary::{PaneCounts, Summary, summarize};

use crate::command::register::{self, Audit};
use crate::command::{ImportMode, ImportSource};
use crate::domain::Env;
use crate::error::{DbContext, Result};
use crate::interchange::{self, Format};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rusqlite::Connection;

/// The demo org chart, compiled in.
pub const ORG: &str = include_str!("../../data/demo/org.jsonl");

pub use crate::command::DemoOptions as Options;

/// Fills the caller's transaction with the demo district; returns how many records it
/// wrote. Called by the demo command (`Command::Demo`), which records one audit entry for
/// the whole load.
pub(crate) fn fill(conn: &Connection, env: &Env, opts: Options) -> Result<u64> {
    let size = opts.size.max(1);
    let org = ImportSource::Text {
        name: "data/demo/org.jsonl".to_string(),
        text: ORG.to_string(),
        format: Format::Jsonl,
    };
    let imported =
        crate::command::import::run(conn, env, &org, ImportMode::Ordinary, Audit::Batch)?;
    let org = org::Org::load(conn)?;
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let mut n = 0u64;
    for rec in org::rota_and_absences(&org, env) {
        register::upsert(conn, env, &rec, Audit::Batch)?;
        n += 1;
    }
    let meetings = meetings::generate(&org, env, &mut rng, 15 * size);
    for rec in &meetings {
        register::upsert(conn, env, rec, Audit::Batch)?;
    }
    let held: Vec<String> = meetings
        .iter()
        .filter_map(|r| match r {
            interchange::Record::Meeting(m) if m.start.date() < env.today() => Some(m.id.clone()),
            _ => None,
        })
        .collect();
    for rec in docs::documents(&org, env, &mut rng, 60 * size) {
        register::upsert(conn, env, &rec, Audit::Batch)?;
        n += 1;
    }
    for rec in docs::supervision(&org, env, &mut rng, 50 * size, &held) {
        register::upsert(conn, env, &rec, Audit::Batch)?;
        n += 1;
    }
    n += rules_cases::fill(conn, env, &org)?;
    n += imported.total() + meetings.len() as u64;
    Ok(n)
}

/// The login of today's duty officer, if the rota has one.
pub fn duty_officer_today(conn: &Connection, env: &Env) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    conn.prepare_cached(
        "SELECT p.login FROM duty_rota d JOIN people p ON p.id = d.officer_id WHERE d.day = ?1",
    )
    .db("preparing the duty lookup")?
    .query_row([crate::clock::fmt_date(env.today())], |r| r.get(0))
    .optional()
    .db("reading today's duty officer")
}
