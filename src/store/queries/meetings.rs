//! 近期会议: meetings in the next 14 days (by start) and past meetings still owing minutes
//! or documents (overdue or due soon), each with what it still owes. The candidates come
//! from three partial indexes (`meetings_by_start`, `meetings_owing_minutes`,
//! `meetings_owing_docs`), so old, settled meetings are never read.

use super::{
    Due, Filter, Pane, PersonRef, SortKey, like_pattern, parse_day, resort, with_counts,
    within_cutoff,
};
use crate::clock::fmt_date;
use crate::domain::{Env, MeetingKind, MeetingState};
use crate::error::{DbContext, Result};
use crate::i18n::Lang;
use chrono::{Days, NaiveDate};
use rusqlite::{Connection, named_params};
use serde::Serialize;

/// How far ahead the pane looks, in calendar days.
pub const HORIZON_DAYS: u64 = 14;

/// One meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingRow {
    pub id: i64,
    pub ext_id: String,
    pub kind: MeetingKind,
    pub title: String,
    /// Start as stored (`YYYY-MM-DD HH:MM` or with seconds).
    pub start: String,
    pub day: NaiveDate,
    pub place: String,
    pub state: MeetingState,
    pub chair: Option<PersonRef>,
    pub members: i64,
    pub leave_requests: i64,
    /// What it still owes, most pressing first.
    pub owed: Vec<Owed>,
    /// The nearest outstanding deadline (None when it owes nothing dated).
    pub next_due: Option<Due>,
    /// Whether anything it owes is late.
    pub overdue: bool,
}

/// Something a meeting still owes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Owed {
    /// Topics without materials once today ≥ the materials deadline.
    MaterialsLate { topics: i64, due: Due },
    /// Members minus leave requests is not more than the quorum fraction.
    QuorumAtRisk { members: i64, leave: i64 },
    /// Leave requests recorded.
    Leave { count: i64 },
    /// Minutes not yet issued (`due.overdue` says whether late).
    Minutes { due: Due },
    /// Documents decided at the meeting not yet issued.
    Documents { due: Due },
}

impl Owed {
    /// A short label for the pane ("材料逾期2", "纪要逾期").
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Owed::MaterialsLate { topics, .. } => {
                format!("{}{topics}", lang.pick("材料缺", "materials late "))
            }
            Owed::QuorumAtRisk { .. } => lang.pick("人数不足", "quorum risk").to_string(),
            Owed::Leave { count } => format!("{}{count}", lang.pick("请假", "leave ")),
            Owed::Minutes { due } if due.overdue => lang.pick("纪要逾期", "minutes late").into(),
            Owed::Minutes { .. } => lang.pick("纪要待发", "minutes due").into(),
            Owed::Documents { due } if due.overdue => lang.pick("文件逾期", "docs late").into(),
            Owed::Documents { .. } => lang.pick("文件待发", "docs due").into(),
        }
    }
    /// Whether this is late (shown emphasised).
    pub fn is_late(&self) -> bool {
        match self {
            Owed::MaterialsLate { .. } | Owed::QuorumAtRisk { .. } => true,
            Owed::Leave { .. } => false,
            Owed::Minutes { due } | Owed::Documents { due } => due.overdue,
        }
    }
}

/// The candidate meetings and their flags; shared by the rows and the counts.
const BASE: &str = "WITH cand(id) AS (
    SELECT id FROM meetings WHERE state <> '已取消' AND start_at >= :today AND start_at < :horizon
    UNION
    SELECT id FROM meetings WHERE minutes_issued_on IS NULL AND state <> '已取消'
        AND minutes_due < :soon AND start_at < :today
    UNION
    SELECT id FROM meetings WHERE docs_owed > 0 AND docs_issued_on IS NULL AND state <> '已取消'
        AND docs_due < :soon AND start_at < :today
), f AS (
    SELECT m.id, m.ext_id, m.title, m.kind, m.start_at, m.place, m.state, m.materials_due,
           m.materials_rule, m.materials_article, m.minutes_due, m.minutes_rule,
           m.minutes_article, m.docs_due, m.docs_rule, m.docs_article,
           p.id AS chair_id, p.login AS chair_login, p.name AS chair_name,
           (m.start_at >= :today AND m.materials_due IS NOT NULL AND EXISTS (
               SELECT 1 FROM topics t WHERE t.meeting_id = m.id AND t.materials_on IS NULL)) AS mat,
           (m.start_at < :today AND m.minutes_issued_on IS NULL AND m.minutes_due IS NOT NULL) AS mins,
           (m.start_at < :today AND m.docs_owed > 0 AND m.docs_issued_on IS NULL
               AND m.docs_due IS NOT NULL) AS docs
    FROM cand JOIN meetings m ON m.id = cand.id
    LEFT JOIN people p ON p.id = m.chair_id
    WHERE (:pat IS NULL OR m.title LIKE :pat ESCAPE '\\' OR m.place LIKE :pat ESCAPE '\\'
           OR p.name LIKE :pat ESCAPE '\\' OR p.login LIKE :pat ESCAPE '\\')
), g AS (
    SELECT f.*,
           ((mat AND materials_due <= :today) OR (mins AND minutes_due < :today)
               OR (docs AND docs_due < :today)) AS late,
           nullif(min(CASE WHEN mat THEN materials_due ELSE '9999-12-31' END,
                      CASE WHEN mins THEN minutes_due ELSE '9999-12-31' END,
                      CASE WHEN docs THEN docs_due ELSE '9999-12-31' END), '9999-12-31') AS next_due
    FROM f
), h AS (
    SELECT * FROM g WHERE (:upper IS NULL OR next_due < :upper) AND (:late_only = 0 OR late)
)";

/// The ORDER BY of the rows: in priority order, today's meetings come first (the one a
/// duty officer must not miss), then those owing something late, then by start.
fn order_by(sort: SortKey) -> &'static str {
    match sort {
        SortKey::Priority => {
            "(substr(h.start_at, 1, 10) = :today) DESC, h.late DESC, h.start_at, h.id"
        }
        _ => "h.start_at, h.id",
    }
}

/// The meetings matching `f`.
pub fn meetings(conn: &Connection, env: &Env, f: &Filter) -> Result<Pane<MeetingRow>> {
    let today = env.today();
    let horizon = today
        .checked_add_days(Days::new(HORIZON_DAYS + 1))
        .unwrap_or(today);
    let soon = within_cutoff(&env.calendar, today, i64::from(f.due_soon_workdays));
    let upper = f
        .due_within
        .map(|n| fmt_date(within_cutoff(&env.calendar, today, n)));
    let pat = like_pattern(f.text.as_deref());
    let limit = i64::try_from(f.limit).unwrap_or(i64::MAX);
    let (t, h, s) = (fmt_date(today), fmt_date(horizon), fmt_date(soon));
    let late_only = i64::from(f.overdue_only);
    let mut stmt = conn
        .prepare_cached(&format!(
            "{BASE}
             SELECT h.id, h.ext_id, h.title, h.kind, h.start_at, h.place, h.state,
                    h.chair_id, h.chair_login, h.chair_name, h.mat, h.mins, h.docs,
                    h.materials_due, h.materials_rule, h.materials_article,
                    h.minutes_due, h.minutes_rule, h.minutes_article,
                    h.docs_due, h.docs_rule, h.docs_article,
                    (SELECT count(*) FROM meeting_members mm WHERE mm.meeting_id = h.id),
                    (SELECT count(*) FROM leave_requests l WHERE l.meeting_id = h.id),
                    (SELECT count(*) FROM topics t WHERE t.meeting_id = h.id AND t.materials_on IS NULL)
             FROM h WHERE (:after_key IS NULL OR (h.start_at, h.id) > (:after_key, :after_id))
             ORDER BY {order} LIMIT :limit",
            order = order_by(f.sort)
        ))
        .db("preparing the meetings query")?;
    let raw = stmt
        .query_map(
            named_params! {":today": t, ":horizon": h, ":soon": s, ":pat": pat,
                           ":upper": upper, ":late_only": late_only, ":limit": limit,
                           ":after_key": f.after.as_ref().map(|a| &a.0), ":after_id": f.after.as_ref().map(|a| a.1)},
            |r| {
                let chair = match r.get::<_, Option<i64>>(7)? {
                    Some(id) => Some(PersonRef {
                        id,
                        login: r.get(8)?,
                        name: r.get(9)?,
                    }),
                    None => None,
                };
                Ok(Raw {
                    id: r.get(0)?,
                    ext_id: r.get(1)?,
                    title: r.get(2)?,
                    kind: r.get(3)?,
                    start: r.get(4)?,
                    place: r.get(5)?,
                    state: r.get(6)?,
                    chair,
                    flags: [r.get(10)?, r.get(11)?, r.get(12)?],
                    dues: [
                        (r.get(13)?, r.get(14)?, r.get(15)?),
                        (r.get(16)?, r.get(17)?, r.get(18)?),
                        (r.get(19)?, r.get(20)?, r.get(21)?),
                    ],
                    members: r.get(22)?,
                    leave: r.get(23)?,
                    missing: r.get(24)?,
                })
            },
        )
        .db("reading meetings")?;
    let mut skipped = Vec::new();
    let raw = super::tolerant(raw, &mut skipped, "meetings")?;
    let mut rows = Vec::with_capacity(raw.len());
    for r in raw {
        let ext = r.ext_id.clone();
        // A row whose dates cannot be read is left out (and reported by the 合规 check).
        match build(env, r) {
            Ok(row) => rows.push(row),
            Err(e @ crate::Error::Invalid { .. }) => super::skip(&mut skipped, &ext, &e),
            Err(e) => return Err(e),
        }
    }
    resort(
        &mut rows,
        f.sort,
        |r| r.chair.as_ref().map_or("", |p| p.name.as_str()),
        |r| r.start.clone(),
        |r| r.title.as_str(),
    );
    let mut pane = with_counts(
        conn,
        f,
        rows,
        &format!(
            "{BASE}
             SELECT count(*), coalesce(sum(late), 0),
                    coalesce(sum(NOT late AND next_due < :soon), 0)
             FROM h"
        ),
        named_params! {":today": t, ":horizon": h, ":soon": s,
        ":pat": like_pattern(f.text.as_deref()), ":upper": upper,
        ":late_only": late_only},
        "meetings",
    )?;
    pane.skipped = skipped;
    Ok(pane)
}

type RawDue = (Option<String>, Option<String>, Option<String>);

struct Raw {
    id: i64,
    ext_id: String,
    title: String,
    kind: MeetingKind,
    start: String,
    place: String,
    state: MeetingState,
    chair: Option<PersonRef>,
    /// materials missing, minutes owed, documents owed
    flags: [bool; 3],
    /// materials, minutes, documents: (due, rule, article)
    dues: [RawDue; 3],
    members: i64,
    leave: i64,
    missing: i64,
}

fn build(env: &Env, r: Raw) -> Result<MeetingRow> {
    let id = r.ext_id.clone();
    let day = parse_day(r.start.get(..10).unwrap_or(&r.start), || {
        format!("meeting {id} start_at")
    })?;
    let [mat, mins, docs] = r.flags;
    let [mat_d, min_d, doc_d] = r.dues;
    let due_of = |(d, rule, art): RawDue, col: &str| -> Result<Option<Due>> {
        d.map(|s| {
            let day = parse_day(&s, || format!("meeting {id} {col}"))?;
            Ok(Due::new(env, day, rule, art))
        })
        .transpose()
    };
    let mut owed = Vec::new();
    let mut dues = Vec::new();
    let today = env.today();
    if let Some(due) = due_of(mat_d, "materials_due")?.filter(|_| mat) {
        if today >= due.due {
            owed.push(Owed::MaterialsLate {
                topics: r.missing,
                due: due.clone(),
            });
        }
        dues.push(due);
    }
    if r.members > 0 {
        let q = env
            .profile
            .meetings
            .get(r.kind.key())
            .and_then(|m| m.quorum.as_ref());
        let (num, den) = q.map_or((1, 2), |q| {
            (
                i64::from(q.more_than_numerator),
                i64::from(q.more_than_denominator.max(1)),
            )
        });
        let present = r.members - r.leave;
        // Attendance must be MORE than num/den of the members.
        if day >= today && r.state == MeetingState::Planned && present * den <= r.members * num {
            owed.push(Owed::QuorumAtRisk {
                members: r.members,
                leave: r.leave,
            });
        }
    }
    if r.leave > 0 && day >= today {
        owed.push(Owed::Leave { count: r.leave });
    }
    if let Some(due) = due_of(min_d, "minutes_due")?.filter(|_| mins) {
        owed.push(Owed::Minutes { due: due.clone() });
        dues.push(due);
    }
    if let Some(due) = due_of(doc_d, "docs_due")?.filter(|_| docs) {
        owed.push(Owed::Documents { due: due.clone() });
        dues.push(due);
    }
    let next_due = dues.into_iter().min_by_key(|d| d.due);
    let overdue = owed.iter().any(|o| match o {
        Owed::MaterialsLate { .. } => true,
        Owed::Minutes { due } | Owed::Documents { due } => due.overdue,
        _ => false,
    });
    owed.sort_by_key(|o| !o.is_late());
    Ok(MeetingRow {
        id: r.id,
        ext_id: r.ext_id,
        kind: r.kind,
        title: r.title,
        start: r.start,
        day,
        place: r.place,
        state: r.state,
        chair: r.chair,
        members: r.members,
        leave_requests: r.leave,
        owed,
        next_due,
        overdue,
    })
}
