//! Recomputes the stored deadlines of open items after one of their inputs changed (a new
//! holiday schedule, another profile). Stored deadlines are a cache of (profile, calendar,
//! the row's own dates); this is what keeps that cache honest. Deadlines a person set by
//! hand (a given supervision deadline, an extension) are left alone.

use crate::domain::{Env, MeetingKind, SupSource, Urgency, deadline};
use crate::error::{DbContext, Result};
use chrono::NaiveDate;
use rusqlite::{Connection, params};

/// How many rows of each kind were recomputed, and the deadlines that moved.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recomputed {
    pub documents: usize,
    pub countersigns: usize,
    pub supervision: usize,
    pub meetings: usize,
    /// Every deadline whose date changed, in the order recomputed.
    pub moved: Vec<Moved>,
}

/// One deadline that a recompute moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// "document", "supervision", "meeting".
    pub entity: &'static str,
    pub ext_id: String,
    pub title: String,
    /// Which deadline of the item ("审批期限" / "approval deadline").
    pub what: (&'static str, &'static str),
    /// The stored date before (None where there was none).
    pub from: Option<String>,
    pub to: String,
}

impl Moved {
    /// "公文 D1《…》审批期限 2027-01-07 → 2027-01-12" / "document D1 “…” approval
    /// deadline 2027-01-07 → 2027-01-12".
    pub fn line(&self, lang: crate::i18n::Lang) -> String {
        let from = self.from.as_deref().unwrap_or("-");
        match lang {
            crate::i18n::Lang::Zh => {
                let e = match self.entity {
                    "document" => "公文",
                    "supervision" => "督办事项",
                    _ => "会议",
                };
                format!(
                    "{e} {}《{}》{} {from} → {}",
                    self.ext_id, self.title, self.what.0, self.to
                )
            }
            crate::i18n::Lang::En => format!(
                "{} {} “{}” {} {from} → {}",
                self.entity, self.ext_id, self.title, self.what.1, self.to
            ),
        }
    }
}

/// Notes a move when the stored date differs from the new one.
fn note(
    n: &mut Recomputed,
    item: (&'static str, &str, &str),
    what: (&'static str, &'static str),
    from: Option<String>,
    to: String,
) {
    if from.as_deref() != Some(to.as_str()) {
        n.moved.push(Moved {
            entity: item.0,
            ext_id: item.1.to_string(),
            title: item.2.to_string(),
            what,
            from,
            to,
        });
    }
}

impl Recomputed {
    /// Rows recomputed in all.
    pub fn total(&self) -> usize {
        self.documents + self.countersigns + self.supervision + self.meetings
    }
}

/// A meeting as the recompute reads it.
struct MeetingRow {
    id: i64,
    kind: MeetingKind,
    start: String,
    major: bool,
    ext_id: String,
    title: String,
    /// The stored materials, minutes and documents deadlines.
    old: [Option<String>; 3],
    /// Whether minutes, and documents, are still owed.
    owes: [bool; 2],
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Recomputes every open item's deadlines inside the caller's transaction.
pub fn open_items(conn: &Connection, env: &Env) -> Result<Recomputed> {
    let mut n = Recomputed::default();

    type DocRow = (i64, Urgency, String, Option<String>, String, String);
    let docs: Vec<DocRow> = conn
        .prepare_cached(
            "SELECT id, urgency, received, due, ext_id, title FROM documents WHERE state = '待批'",
        )
        .db("preparing the documents recompute")?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .db("reading pending documents")?
        .collect::<std::result::Result<_, _>>()
        .db("reading pending documents")?;
    let mut upd = conn
        .prepare_cached(
            "UPDATE documents SET due = ?2, due_rule = ?3, due_article = ?4 WHERE id = ?1",
        )
        .db("preparing the document deadline update")?;
    for (id, urgency, received, old, ext_id, title) in docs {
        let Some(received) = date(&received) else {
            continue;
        };
        let d = deadline::approval(env, urgency, received);
        let item = ("document", ext_id.as_str(), title.as_str());
        note(
            &mut n,
            item,
            ("审批期限", "approval deadline"),
            old,
            d.due.to_string(),
        );
        upd.execute(params![id, d.due.to_string(), d.rule, d.article])
            .db(format!("updating document {id}'s deadline"))?;
        n.documents += 1;
    }

    type ReqRow = (i64, String, Option<String>, String, String);
    let reqs: Vec<ReqRow> = conn
        .prepare_cached(
            "SELECT c.id, c.requested, c.due, d.ext_id, d.title FROM countersigns c
             JOIN documents d ON d.id = c.document_id WHERE c.answer IS NULL",
        )
        .db("preparing the countersign recompute")?
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .db("reading open countersign requests")?
        .collect::<std::result::Result<_, _>>()
        .db("reading open countersign requests")?;
    let mut upd = conn
        .prepare_cached(
            "UPDATE countersigns SET due = ?2, due_rule = ?3, due_article = ?4 WHERE id = ?1",
        )
        .db("preparing the countersign deadline update")?;
    for (id, requested, old, ext_id, title) in reqs {
        let Some(requested) = date(&requested) else {
            continue;
        };
        let d = deadline::countersign(env, requested);
        let item = ("document", ext_id.as_str(), title.as_str());
        let what = ("会签答复期限", "countersign reply deadline");
        note(&mut n, item, what, old, d.due.to_string());
        upd.execute(params![id, d.due.to_string(), d.rule, d.article])
            .db(format!("updating countersign request {id}'s deadline"))?;
        n.countersigns += 1;
    }

    type SupRow = (i64, SupSource, String, Option<String>, String, String);
    let items: Vec<SupRow> = conn
        .prepare_cached(
            "SELECT s.id, s.source, s.assigned, s.deadline, s.ext_id, s.title FROM supervision s
             WHERE s.state = '办理中' AND COALESCE(s.deadline_rule, '') <> 'given'
               AND NOT EXISTS (SELECT 1 FROM extensions e WHERE e.supervision_id = s.id)",
        )
        .db("preparing the supervision recompute")?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .db("reading open supervision items")?
        .collect::<std::result::Result<_, _>>()
        .db("reading open supervision items")?;
    let mut upd = conn
        .prepare_cached(
            "UPDATE supervision SET deadline = ?2, deadline_rule = ?3, deadline_article = ?4 WHERE id = ?1",
        )
        .db("preparing the supervision deadline update")?;
    for (id, source, assigned, old, ext_id, title) in items {
        let Some(assigned) = date(&assigned) else {
            continue;
        };
        let d = deadline::supervision(env, source, assigned, None);
        let item = ("supervision", ext_id.as_str(), title.as_str());
        note(
            &mut n,
            item,
            ("办理期限", "deadline"),
            old,
            d.due.to_string(),
        );
        upd.execute(params![id, d.due.to_string(), d.rule, d.article])
            .db(format!("updating supervision item {id}'s deadline"))?;
        n.supervision += 1;
    }

    let meetings: Vec<MeetingRow> = conn
        .prepare_cached(
            "SELECT id, kind, start_at, major_revisions, ext_id, title, materials_due,
                    minutes_due, docs_due, minutes_issued_on IS NULL,
                    docs_owed > 0 AND docs_issued_on IS NULL
             FROM meetings WHERE state <> '已取消'
               AND (minutes_issued_on IS NULL OR (docs_owed > 0 AND docs_issued_on IS NULL)
                    OR start_at >= ?1)",
        )
        .db("preparing the meetings recompute")?
        .query_map([env.today().to_string()], |r| {
            Ok(MeetingRow {
                id: r.get(0)?,
                kind: r.get(1)?,
                start: r.get(2)?,
                major: r.get(3)?,
                ext_id: r.get(4)?,
                title: r.get(5)?,
                old: [r.get(6)?, r.get(7)?, r.get(8)?],
                owes: [r.get(9)?, r.get(10)?],
            })
        })
        .db("reading open meetings")?
        .collect::<std::result::Result<_, _>>()
        .db("reading open meetings")?;
    let mut upd = conn
        .prepare_cached(
            "UPDATE meetings SET materials_due = ?2, materials_rule = ?3, materials_article = ?4,
                 minutes_due = ?5, minutes_rule = ?6, minutes_article = ?7,
                 docs_due = ?8, docs_rule = ?9, docs_article = ?10 WHERE id = ?1",
        )
        .db("preparing the meeting deadline update")?;
    for row in meetings {
        let MeetingRow {
            id,
            kind,
            start,
            major,
            ext_id,
            title,
            old: [old_materials, old_minutes, old_docs],
            owes: [owes_minutes, owes_docs],
        } = row;
        // Stored as `YYYY-MM-DD HH:MM:SS`; only the day matters for deadlines.
        let Some(day) = start.get(..10).and_then(date) else {
            continue;
        };
        let m = deadline::materials(env, kind, day);
        let mi = deadline::minutes(env, kind, day);
        let d = deadline::documents(env, kind, day, major);
        // Only what the meeting still owes is reported as moved.
        let item = ("meeting", ext_id.as_str(), title.as_str());
        if day >= env.today() {
            let what = ("材料报送期限", "materials deadline");
            note(&mut n, item, what, old_materials, m.due.to_string());
        }
        if let (true, Some(mi)) = (owes_minutes, &mi) {
            let what = ("纪要期限", "minutes deadline");
            note(&mut n, item, what, old_minutes, mi.due.to_string());
        }
        if owes_docs {
            let what = ("发文期限", "documents deadline");
            note(&mut n, item, what, old_docs, d.due.to_string());
        }
        upd.execute(params![
            id,
            m.due.to_string(),
            m.rule,
            m.article,
            mi.as_ref().map(|x| x.due.to_string()),
            mi.as_ref().map(|x| x.rule.clone()),
            mi.as_ref().and_then(|x| x.article.clone()),
            d.due.to_string(),
            d.rule,
            d.article
        ])
        .db(format!("updating meeting {id}'s deadlines"))?;
        n.meetings += 1;
    }
    // Fund requests' consultation deadlines (信州 三十三) live with the rules' tables.
    super::rules::recompute_fund_deadlines(conn, env)?;
    Ok(n)
}
