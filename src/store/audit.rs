//! The audit log: one row per change, in the same transaction as the change itself, each
//! chained by hash to the row before it.
//!
//! Every row has one shape: the real time (UTC, RFC 3339 — never the pinned business date,
//! which is kept beside it), the operating-system account of the process, the person acting
//! and the person acted for, the command, the row before and after, and the hash of all of
//! that together with the previous row's hash. The chain's head (row count and last hash)
//! lives in `audit_chain`, apart from the log, so `audit verify` can tell a removed last row
//! from an intact log.

pub mod changes;
pub mod feed;
pub mod log;
mod verify;

pub use verify::{Kind, Problem, Verification, verify};

use crate::error::{DbContext, Result};
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

/// The hash before the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The real time now, as stored in `audit.at`: UTC, RFC 3339 with milliseconds.
pub fn now_utc() -> String {
    utc_text(chrono::Utc::now())
}

/// `%Y-%m-%dT%H:%M:%S%.3fZ`, written directly: an import writes one per record, and
/// chrono's format string is parsed anew on every call.
fn utc_text(t: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::{Datelike, Timelike};
    if t.nanosecond() >= 1_000_000_000 {
        // A leap second (never from the system clock): chrono spells it as second 60.
        return t.format(UTC_FORMAT).to_string();
    }
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.nanosecond() / 1_000_000
    )
}

/// How `audit.at` is written.
const UTC_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.3fZ";

/// The fields a row's hash covers, in order.
pub struct Hashed<'a> {
    pub id: i64,
    pub at: &'a str,
    pub os_account: Option<&'a str>,
    pub actor: &'a str,
    pub acted_for: Option<&'a str>,
    pub action: &'a str,
    pub business_date: Option<&'a str>,
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    pub summary: &'a str,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
    pub prev_hash: &'a str,
}

impl Hashed<'_> {
    /// SHA-256 (hex) of the fields, each length-prefixed so no two rows can collide by
    /// moving text from one field to the next; a missing value differs from an empty one.
    pub fn hash(&self) -> String {
        let mut h = Sha256::new();
        let mut put = |v: Option<&str>| match v {
            None => h.update(b"-"),
            Some(s) => {
                // The length in decimal, then ':', without allocating: `verify` hashes every
                // row of the log, so this runs millions of times.
                let mut buf = [0u8; 21];
                let mut at = buf.len() - 1;
                buf[at] = b':';
                let mut n = s.len();
                loop {
                    at -= 1;
                    buf[at] = b'0' + (n % 10) as u8;
                    n /= 10;
                    if n == 0 {
                        break;
                    }
                }
                h.update(&buf[at..]);
                h.update(s.as_bytes());
            }
        };
        put(Some(&self.id.to_string()));
        put(Some(self.at));
        put(self.os_account);
        put(Some(self.actor));
        put(self.acted_for);
        put(Some(self.action));
        put(self.business_date);
        put(Some(self.entity));
        put(self.entity_id.map(|i| i.to_string()).as_deref());
        put(Some(self.summary));
        put(self.before);
        put(self.after);
        put(Some(self.prev_hash));
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let digest = h.finalize();
        let mut out = String::with_capacity(64);
        for b in digest {
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
        out
    }
}

/// The chain's head: rows so far and the last row's hash.
pub fn head(conn: &Connection) -> Result<(i64, String)> {
    Ok(conn
        .prepare_cached("SELECT rows, last_hash FROM audit_chain WHERE id = 1")
        .db("preparing the audit chain read")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .db("reading the audit chain")?
        .unwrap_or((0, GENESIS.to_string())))
}

/// One entry as read back for an item's history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HistoryEntry {
    pub id: i64,
    /// As stored: UTC RFC 3339 (older rows: local `YYYY-MM-DD HH:MM:SS`).
    pub at: String,
    pub actor: String,
    /// The acting person's name (the login when not on the staff list, e.g. "system").
    pub actor_name: String,
    pub acted_for: Option<String>,
    pub action: String,
    pub summary: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl HistoryEntry {
    /// The time in the district's local time (UTC+8), `YYYY-MM-DD HH:MM:SS`.
    pub fn at_local(&self) -> String {
        local_time(&self.at)
    }
}

/// A stored audit time in local time (UTC+8). Rows written before times were kept in UTC
/// are already local and are returned as they are.
pub fn local_time(at: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(at) {
        Ok(t) => crate::clock::fmt_datetime(t.with_timezone(&crate::clock::offset()).naive_local()),
        Err(_) => at.to_string(),
    }
}

/// The full history of one item, oldest first.
pub fn history(conn: &Connection, entity: &str, entity_id: i64) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, at, actor, acted_for, action, summary, before, after,
                    COALESCE((SELECT name FROM people WHERE login = audit.actor), actor)
             FROM audit WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
        )
        .db("preparing the history query")?;
    let rows = stmt
        .query_map(params![entity, entity_id], |r| {
            Ok(HistoryEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                actor_name: r.get(8)?,
                acted_for: r.get(3)?,
                action: r.get(4)?,
                summary: r.get(5)?,
                before: r.get(6)?,
                after: r.get(7)?,
            })
        })
        .db("reading an item's history")?;
    rows.collect::<std::result::Result<_, _>>()
        .db("reading an item's history")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_is_written_as_chronos_format_writes_it() {
        use chrono::{NaiveDate, TimeZone, Utc};
        let day = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        for (h, m, s, nano) in [
            (0, 0, 0, 0),
            (3, 40, 12, 123_456_789),
            (23, 59, 59, 999_999_999),
            (9, 5, 7, 1_000_000),
            (23, 59, 59, 1_500_000_000),
        ] {
            let t = Utc.from_utc_datetime(&day.and_hms_nano_opt(h, m, s, nano).unwrap());
            assert_eq!(utc_text(t), t.format(UTC_FORMAT).to_string());
        }
        let year_one = Utc.from_utc_datetime(
            &NaiveDate::from_ymd_opt(1, 1, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
        );
        assert_eq!(utc_text(year_one), year_one.format(UTC_FORMAT).to_string());
    }

    /// The hash is part of the stored data: it must never change for the same fields. The
    /// expected value was computed independently (Python's hashlib over the same layout).
    #[test]
    fn hash_is_stable() {
        let h = Hashed {
            id: 7,
            at: "2026-12-02T03:40:12.123Z",
            os_account: None,
            actor: "wang",
            acted_for: Some("li"),
            action: "sign",
            business_date: Some("2026-11-20"),
            entity: "document",
            entity_id: Some(12),
            summary: "签批：同意",
            before: None,
            after: Some(r#"{"a":1}"#),
            prev_hash: GENESIS,
        };
        assert_eq!(
            h.hash(),
            "e0daf3ad22f9e5c1922e4504015a93cc3b33089dff0bc3506515b34c845a32de"
        );
    }
}
