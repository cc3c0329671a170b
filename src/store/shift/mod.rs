//! The duty shift's reads: the duty log, the rota around today, the handover report's
//! facts and the digest's. Pure reads returning plain structs, shared by the board and the
//! command line (`log`, `rota`, `handover`, `digest`).

pub mod calendar;
pub mod digest;
pub mod handover;
pub mod log;
pub mod rota;

use chrono::{NaiveDate, NaiveDateTime};

/// A stored local time (`YYYY-MM-DD HH:MM[:SS]`), or None when malformed.
pub fn parse_local(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
}

/// "11-20 09:05": a local time as the reports show it.
pub fn short_time(t: NaiveDateTime) -> String {
    t.format("%m-%d %H:%M").to_string()
}
