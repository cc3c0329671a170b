//! A meeting's detail: fields, topics, leave requests and members.

use super::{Fields, Parts, TopicRef, due_at, lines, name_of, s};
use crate::domain::Env;
use crate::domain::{MeetingKind, MeetingState, Role, SupState};
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use crate::store::queries::{Bi, Section};
use rusqlite::{Connection, OptionalExtension};

pub(super) fn meeting(conn: &Connection, env: &Env, id: i64) -> Result<Parts> {
    let row = conn
        .prepare_cached("SELECT * FROM meetings WHERE id = ?1")
        .db("preparing the meeting detail")?
        .query_row([id], |r| {
            Ok((
                [
                    s(r, "ext_id")?,
                    s(r, "title")?,
                    s(r, "start_at")?,
                    s(r, "place")?,
                    s(r, "materials_due")?,
                    s(r, "materials_rule")?,
                    s(r, "materials_article")?,
                    s(r, "minutes_due")?,
                    s(r, "minutes_rule")?,
                    s(r, "minutes_article")?,
                    s(r, "minutes_issued_on")?,
                    s(r, "docs_due")?,
                    s(r, "docs_rule")?,
                    s(r, "docs_article")?,
                    s(r, "docs_issued_on")?,
                    s(r, "updated_at")?,
                ],
                (
                    r.get::<_, MeetingKind>("kind")?,
                    r.get::<_, MeetingState>("state")?,
                ),
                r.get::<_, Option<i64>>("chair_id")?,
                r.get::<_, i64>("docs_owed")?,
            ))
        })
        .optional()
        .db("reading a meeting")?
        .ok_or_else(|| Error::NotFound(format!("meeting #{id}")))?;
    let (t, (kind, state), chair, docs_owed) = row;
    let [
        ext,
        title,
        start,
        place,
        mat,
        mat_r,
        mat_a,
        min,
        min_r,
        min_a,
        min_on,
        docs,
        docs_r,
        docs_a,
        docs_on,
        updated,
    ] = t;
    let ext = ext.unwrap_or_default();
    let title = title.unwrap_or_default();
    let mut f = Fields(Vec::new());
    f.text("编号", "ID", Some(ext.clone()));
    f.text("会议", "Meeting", Some(title.clone()));
    f.named("类别", "Kind", &kind);
    f.text("时间", "Starts", start);
    f.text("地点", "Place", place);
    f.text("主持", "Chair", name_of(conn, chair)?);
    f.named("状态", "State", &state);
    f.due(
        "材料截止",
        "Materials due",
        due_at(
            env,
            &format!("meeting {ext} materials_due"),
            mat,
            mat_r,
            mat_a,
        )?,
    );
    f.due(
        "纪要期限",
        "Minutes due",
        due_at(
            env,
            &format!("meeting {ext} minutes_due"),
            min,
            min_r,
            min_a,
        )?,
    );
    f.text("纪要印发", "Minutes issued", min_on);
    f.bi(
        "待发文件",
        "Documents owed",
        Bi::same(docs_owed.to_string()),
    );
    f.due(
        "文件期限",
        "Documents due",
        due_at(
            env,
            &format!("meeting {ext} docs_due"),
            docs,
            docs_r,
            docs_a,
        )?,
    );
    f.text("文件印发", "Documents issued", docs_on);
    f.text("更新时间", "Updated", updated);
    let mut stmt = conn
        .prepare_cached(
            "SELECT t.id, t.title, coalesce(d.name, ''), t.materials_on, t.approved FROM topics t
             LEFT JOIN departments d ON d.id = t.dept_id WHERE t.meeting_id = ?1 ORDER BY t.id",
        )
        .db("preparing the topics query")?;
    let topic_rows = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, bool>(4)?,
            ))
        })
        .db("reading topics")?
        .collect::<std::result::Result<Vec<_>, _>>()
        .db("reading topics")?;
    let mut topics = Vec::new();
    let mut topic_lines = Vec::new();
    for (tid, t, dept, on, approved) in topic_rows {
        topic_lines.push(Bi::new(
            format!(
                "{t} | {dept} | {} | {}",
                on.as_deref()
                    .map_or("材料未到".to_string(), |d| format!("材料 {d}")),
                if approved { "已审定" } else { "待审定" }
            ),
            format!(
                "{t} | {dept} | {} | {}",
                on.as_deref()
                    .map_or("materials missing".to_string(), |d| format!(
                        "materials {d}"
                    )),
                if approved { "approved" } else { "not approved" }
            ),
        ));
        topics.push(TopicRef {
            id: tid,
            title: t,
            approved,
            materials_in: on.is_some(),
        });
    }
    let leave = lines(
        conn,
        "SELECT p.name, l.requested_on, l.reason, l.in_writing FROM leave_requests l
         JOIN people p ON p.id = l.person_id WHERE l.meeting_id = ?1 ORDER BY l.id",
        [id],
        |r| {
            let base = format!(
                "{} | {} | {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?
            );
            let w: bool = r.get(3)?;
            Ok(Bi::new(
                format!("{base}{}", if w { " | 书面" } else { "" }),
                format!("{base}{}", if w { " | in writing" } else { "" }),
            ))
        },
    )?;
    // Members away on the meeting's day are flagged, with whether they asked leave.
    let members = lines(
        conn,
        "SELECT p.name, p.role,
                (SELECT MAX(a.end_on) FROM absences a JOIN meetings m ON m.id = mm.meeting_id
                  WHERE a.person_id = p.id AND a.start_on <= substr(m.start_at, 1, 10)
                    AND a.end_on >= substr(m.start_at, 1, 10)),
                EXISTS (SELECT 1 FROM leave_requests l
                         WHERE l.meeting_id = mm.meeting_id AND l.person_id = p.id)
         FROM meeting_members mm JOIN people p ON p.id = mm.person_id
         WHERE mm.meeting_id = ?1 ORDER BY p.name",
        [id],
        |r| {
            let role: Role = r.get(1)?;
            let n: String = r.get(0)?;
            let away: Option<String> = r.get(2)?;
            let asked: bool = r.get(3)?;
            let (zh, en) = match (away, asked) {
                (Some(to), true) => (
                    format!(" | 外出至 {to}，已请假"),
                    format!(" | away until {to}, leave asked"),
                ),
                (Some(to), false) => (
                    format!(" | !外出至 {to}，未请假"),
                    format!(" | !away until {to}, no leave asked"),
                ),
                (None, true) => (" | 已请假".to_string(), " | leave asked".to_string()),
                (None, false) => (String::new(), String::new()),
            };
            Ok(Bi::new(
                format!("{n} | {}{zh}", role.zh()),
                format!("{n} | {}{en}", role.en()),
            ))
        },
    )?;
    // Decisions recorded as supervision items (环翠 54, 崆峒 四十七, 华容 五十).
    let decisions = lines(
        conn,
        "SELECT s.ext_id, s.title, d.name, s.deadline, s.state FROM supervision s
         JOIN departments d ON d.id = s.lead_dept WHERE s.meeting_id = ?1 ORDER BY s.id",
        [id],
        |r| {
            let state: SupState = r.get(4)?;
            let base = format!(
                "{} | {} | {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?
            );
            let due: String = r.get(3)?;
            Ok(Bi::new(
                format!("{base} | 期限 {due} | {}", state.zh()),
                format!("{base} | due {due} | {}", state.en()),
            ))
        },
    )?;
    Ok((
        ext,
        title,
        f.0,
        vec![
            Section {
                title_zh: "会议决定事项（督办）",
                title_en: "Decisions (supervision items)",
                lines: decisions,
            },
            Section {
                title_zh: "议题",
                title_en: "Topics",
                lines: topic_lines,
            },
            Section {
                title_zh: "请假",
                title_en: "Leave requests",
                lines: leave,
            },
            Section {
                title_zh: "参会人员",
                title_en: "Members",
                lines: members,
            },
        ],
        topics,
    ))
}
