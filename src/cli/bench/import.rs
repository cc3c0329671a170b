//! The bench's interchange step: JSON Lines export of the whole database to a file, the
//! audited import of that file into a fresh file database (as an office would run it),
//! and the plain-SQL floor for the same rows in a second fresh database on the same disk
//! (`command::floor`), so import speed is read against what SQLite alone costs here; then
//! the same rows copied by SQLite itself, set-based (`INSERT … SELECT`): the engine's best
//! case for these rows on this machine.

use super::ms;
use crate::command::{self, Command};
use crate::domain::Env;
use crate::interchange::{self, Format};
use crate::store::Store;
use anyhow::{Context as _, Result};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

/// Exports `st` next to `path`, imports the export into a fresh database, copies what the
/// import wrote into another with plain INSERTs, and prints the rates and their ratio.
pub fn measure(out: &mut dyn Write, st: &Store, env: &Env, path: &Path) -> Result<()> {
    let file = path.with_extension("jsonl");
    let t = Instant::now();
    let mut w = std::io::BufWriter::new(
        std::fs::File::create(&file).with_context(|| format!("creating {}", file.display()))?,
    );
    let counts = interchange::export(st.conn(), Format::Jsonl, &mut w)?;
    w.flush().context("writing the export")?;
    drop(w);
    let n: u64 = counts.iter().sum();
    let e = t.elapsed();
    writeln!(
        out,
        "export jsonl                {} ({n} records, {:.0} records/s)",
        ms(e),
        n as f64 / e.as_secs_f64()
    )?;

    // The same import an office would run: a fresh training database, its loader an
    // administrator, every record audited.
    let imported = path.with_extension("import.db");
    let mut fresh = fresh_db(&imported, env, env.clock.is_pinned())?;
    let t = Instant::now();
    command::perform(
        &mut fresh,
        env,
        &Command::Import {
            source: command::ImportSource::File(file.clone()),
            mode: command::ImportMode::Migration,
        },
    )?;
    let i = t.elapsed();
    let rate = n as f64 / i.as_secs_f64();
    writeln!(
        out,
        "import jsonl (audited)      {} ({rate:.0} records/s)",
        ms(i)
    )?;
    let _ = std::fs::remove_file(&file);

    let floor_path = path.with_extension("floor.db");
    let mut floor_db = fresh_db(&floor_path, env, true)?;
    let floor = command::floor::copy(fresh.conn(), &mut floor_db)?;
    // The same records, so the rates compare as the times do.
    let floor_rate = n as f64 / floor.elapsed.as_secs_f64();
    writeln!(
        out,
        "plain-SQL floor             {} ({} rows with {} audit rows, {floor_rate:.0} records/s)",
        ms(floor.elapsed),
        floor.rows,
        floor.entries
    )?;
    writeln!(
        out,
        "import / floor              {:.2}x the floor's time",
        floor_rate / rate
    )?;
    drop(floor_db);
    remove_db(&floor_path);

    // SQLite alone, set-based: what these rows cost the engine with no program between.
    let set_path = path.with_extension("set.db");
    let mut set_db = fresh_db(&set_path, env, true)?;
    let set = command::floor::copy_set_based(&imported, &mut set_db)?;
    writeln!(
        out,
        "SQLite alone (INSERT…SELECT) {} ({} rows with {} audit rows, {:.0} records/s)",
        ms(set.elapsed),
        set.rows,
        set.entries,
        n as f64 / set.elapsed.as_secs_f64()
    )?;
    drop(set_db);
    drop(fresh);
    for db in [&imported, &set_path] {
        remove_db(db);
    }
    Ok(())
}

/// A fresh database for the district's profile, made by `init` (a training database when
/// `pinned`).
fn fresh_db(path: &Path, env: &Env, pinned: bool) -> Result<Store> {
    let mut st = Store::open(path)?;
    command::perform(
        &mut st,
        env,
        &Command::Init {
            profile: "dongchang".to_string(),
            pinned_clock: pinned,
            admins: Vec::new(),
            org: None,
        },
    )?;
    Ok(st)
}

/// Removes a database and its WAL files as soon as they are measured: a million-record
/// district takes gigabytes.
fn remove_db(path: &Path) {
    let _ = std::fs::remove_file(path);
    for ext in ["-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(ext);
        let _ = std::fs::remove_file(std::path::PathBuf::from(p));
    }
}
