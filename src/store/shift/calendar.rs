//! What the calendar feed (`dutydesk ics`) needs: meetings in a range — cancelled ones too,
//! so calendar clients drop them — with their version, and optionally the deadlines of
//! open items.

use crate::clock::fmt_date;
use crate::error::{DbContext, Result};
use chrono::NaiveDate;
use rusqlite::{Connection, params};

/// One meeting for the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedMeeting {
    pub ext_id: String,
    pub title: String,
    /// 常务会议, …
    pub kind: String,
    /// Local `YYYY-MM-DD HH:MM[:SS]`.
    pub start: String,
    pub place: String,
    pub chair: Option<String>,
    /// 待召开 | 已召开 | 已取消.
    pub state: String,
    /// Bumped whenever the meeting moves or changes (schema v4 trigger).
    pub sequence: i64,
    /// Local time of the last change, for DTSTAMP / LAST-MODIFIED.
    pub updated_at: String,
}

/// An open item's deadline for the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedDeadline {
    /// "document" | "supervision".
    pub entity: &'static str,
    pub ext_id: String,
    pub title: String,
    pub due: String,
    /// How many times it moved (extensions), as its SEQUENCE.
    pub sequence: i64,
}

/// Meetings starting on `from..=to`, optionally only those `leader` (a login) chairs or
/// attends.
pub fn meetings(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    leader: Option<&str>,
) -> Result<Vec<FeedMeeting>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT m.ext_id, m.title, m.kind, m.start_at, m.place, c.name, m.state,
                    m.ics_sequence, m.updated_at
             FROM meetings m LEFT JOIN people c ON c.id = m.chair_id
             WHERE m.start_at >= ?1 AND m.start_at < ?2
               AND (?3 IS NULL OR c.login = ?3 OR EXISTS (
                    SELECT 1 FROM meeting_members mm JOIN people p ON p.id = mm.person_id
                    WHERE mm.meeting_id = m.id AND p.login = ?3))
             ORDER BY m.start_at, m.ext_id",
        )
        .db("preparing the calendar feed query")?;
    let end = to.succ_opt().unwrap_or(to);
    let rows = stmt
        .query_map(params![fmt_date(from), fmt_date(end), leader], |r| {
            Ok(FeedMeeting {
                ext_id: r.get(0)?,
                title: r.get(1)?,
                kind: r.get(2)?,
                start: r.get(3)?,
                place: r.get(4)?,
                chair: r.get(5)?,
                state: r.get(6)?,
                sequence: r.get(7)?,
                updated_at: r.get(8)?,
            })
        })
        .db("reading meetings for the feed")?;
    rows.collect::<std::result::Result<_, _>>()
        .db("reading meetings for the feed")
}

/// Pending documents' and open supervision items' deadlines on `from..=to`.
pub fn deadlines(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<FeedDeadline>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT 'document', ext_id, title, due, 0 FROM documents
             WHERE state = '待批' AND due >= ?1 AND due <= ?2
             UNION ALL
             SELECT 'supervision', s.ext_id, s.title, s.deadline,
                    (SELECT COUNT(*) FROM extensions e WHERE e.supervision_id = s.id)
             FROM supervision s WHERE s.state = '办理中' AND s.deadline >= ?1 AND s.deadline <= ?2
             ORDER BY 4, 2",
        )
        .db("preparing the deadline feed query")?;
    let rows = stmt
        .query_map(params![fmt_date(from), fmt_date(to)], |r| {
            let e: String = r.get(0)?;
            Ok(FeedDeadline {
                entity: if e == "document" {
                    "document"
                } else {
                    "supervision"
                },
                ext_id: r.get(1)?,
                title: r.get(2)?,
                due: r.get(3)?,
                sequence: r.get(4)?,
            })
        })
        .db("reading deadlines for the feed")?;
    rows.collect::<std::result::Result<_, _>>()
        .db("reading deadlines for the feed")
}
