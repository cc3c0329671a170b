//! A supervision item's detail: fields, extensions, progress notes and urging notices.

use super::notices;
use super::{Fields, Parts, due_at, lines, name_of, s};
use crate::domain::Env;
use crate::domain::{FeedbackCycle, SupSource, SupState};
use crate::error::{DbContext, Error, Result};
use crate::store::queries::{Bi, Section};
use rusqlite::{Connection, OptionalExtension};

pub(super) fn supervision(conn: &Connection, env: &Env, id: i64) -> Result<Parts> {
    let row = conn
        .prepare_cached(
            "SELECT s.*, dep.name AS dept_name, m.title AS meeting_title,
                    (SELECT group_concat(d.name, '、') FROM supervision_co c
                     JOIN departments d ON d.id = c.dept_id WHERE c.supervision_id = s.id) AS co_names
             FROM supervision s JOIN departments dep ON dep.id = s.lead_dept
             LEFT JOIN meetings m ON m.id = s.meeting_id WHERE s.id = ?1",
        )
        .db("preparing the supervision detail")?
        .query_row([id], |r| {
            Ok((
                [
                    s(r, "ext_id")?, s(r, "title")?, s(r, "dept_name")?, s(r, "co_names")?,
                    s(r, "assigned")?, s(r, "deadline")?, s(r, "deadline_rule")?,
                    s(r, "deadline_article")?, s(r, "closed_on")?, s(r, "recheck_on")?,
                    s(r, "meeting_title")?, s(r, "last_progress_on")?, s(r, "last_progress")?,
                    s(r, "last_urged_at")?, s(r, "updated_at")?,
                ],
                (
                    r.get::<_, SupSource>("source")?,
                    r.get::<_, FeedbackCycle>("feedback_cycle")?,
                    r.get::<_, SupState>("state")?,
                ),
                r.get::<_, Option<i64>>("closed_by")?,
                r.get::<_, i64>("urged_count")?,
            ))
        })
        .optional()
        .db("reading a supervision item")?
        .ok_or_else(|| Error::NotFound(format!("supervision item #{id}")))?;
    let (t, (source, cycle, state), closed_by, urged) = row;
    let [
        ext,
        title,
        lead,
        co,
        assigned,
        deadline,
        rule,
        art,
        closed,
        recheck,
        meeting,
        p_on,
        p,
        urged_at,
        updated,
    ] = t;
    let ext = ext.unwrap_or_default();
    let title = title.unwrap_or_default();
    let mut f = Fields(Vec::new());
    f.text("编号", "ID", Some(ext.clone()));
    f.text("事项", "Item", Some(title.clone()));
    f.named("来源", "Source", &source);
    f.text("牵头单位", "Lead department", lead);
    f.text("协办单位", "Co-departments", co);
    f.text("交办日期", "Assigned", assigned);
    f.due(
        "办结期限",
        "Deadline",
        due_at(
            env,
            &format!("supervision {ext} deadline"),
            deadline,
            rule,
            art,
        )?,
    );
    f.named("反馈周期", "Feedback cycle", &cycle);
    f.named("状态", "State", &state);
    f.text("销号日期", "Closed on", closed);
    f.text("销号人", "Closed by", name_of(conn, closed_by)?);
    f.text("回头看", "Re-check on", recheck);
    f.text("来源会议", "From meeting", meeting);
    f.text("最近进展日期", "Last progress on", p_on);
    f.text("最近进展", "Last progress", p);
    f.bi("催办次数", "Urged", Bi::same(urged.to_string()));
    f.text("最近催办", "Last urged", urged_at);
    f.text("更新时间", "Updated", updated);
    let ext_lines = lines(
        conn,
        "SELECT e.old_deadline, e.new_deadline, e.reason, coalesce(p.name, ''), e.at
         FROM extensions e LEFT JOIN people p ON p.id = e.by_id WHERE e.supervision_id = ?1 ORDER BY e.id",
        [id],
        |r| {
            Ok(Bi::same(format!(
                "{} -> {} | {} | {} | {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?
            )))
        },
    )?;
    let progress = lines(
        conn,
        "SELECT n.on_date, n.note, coalesce(p.name, '') FROM progress_notes n
         LEFT JOIN people p ON p.id = n.by_id WHERE n.supervision_id = ?1 ORDER BY n.on_date, n.id",
        [id],
        |r| {
            Ok(Bi::same(format!(
                "{} | {} | {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?
            )))
        },
    )?;
    Ok((
        ext,
        title,
        f.0,
        vec![
            Section {
                title_zh: "延期记录",
                title_en: "Extensions",
                lines: ext_lines,
            },
            Section {
                title_zh: "进展反馈",
                title_en: "Progress notes",
                lines: progress,
            },
            Section {
                title_zh: "催办记录",
                title_en: "Urging notices",
                lines: notices(conn, "supervision_id", id)?,
            },
        ],
        Vec::new(),
    ))
}
