//! The detail view of one item: every field (each deadline with its rule and article),
//! its child rows and its full history from the audit log.

use super::{Bi, Due, parse_day};
use crate::domain::{CountersignAnswer, DocKind, FeedbackCycle, MeetingKind, MeetingState, Role};
use crate::domain::{DocState, Env, Secrecy, SupSource, SupState, Urgency};
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use crate::store::audit::{self, HistoryEntry};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::Serialize;

/// Which item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Item {
    Document(i64),
    Supervision(i64),
    Meeting(i64),
}

impl Item {
    /// The audit log's entity name.
    pub fn entity(self) -> &'static str {
        match self {
            Item::Document(_) => "document",
            Item::Supervision(_) => "supervision",
            Item::Meeting(_) => "meeting",
        }
    }
    /// The row id.
    pub fn id(self) -> i64 {
        match self {
            Item::Document(i) | Item::Supervision(i) | Item::Meeting(i) => i,
        }
    }
}

/// One labelled value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub value: Bi,
    /// Set for deadlines: the view shows the rule and article behind it.
    pub due: Option<Due>,
}

/// A list of child rows (countersigns, topics, extensions, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub lines: Vec<Bi>,
}

/// A meeting's topic, for the topic forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicRef {
    pub id: i64,
    pub title: String,
    pub approved: bool,
    pub materials_in: bool,
}

/// Everything about one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detail {
    pub item: Item,
    pub ext_id: String,
    pub title: String,
    pub fields: Vec<Field>,
    pub sections: Vec<Section>,
    pub topics: Vec<TopicRef>,
    /// Oldest first.
    pub history: Vec<HistoryEntry>,
}

/// Builds fields one after the other.
struct Fields(Vec<Field>);

impl Fields {
    fn bi(&mut self, zh: &'static str, en: &'static str, value: Bi) {
        self.0.push(Field {
            label_zh: zh,
            label_en: en,
            value,
            due: None,
        });
    }
    fn text(&mut self, zh: &'static str, en: &'static str, value: Option<String>) {
        self.bi(zh, en, Bi::same(value.unwrap_or_default()));
    }
    fn named(&mut self, zh: &'static str, en: &'static str, v: &impl Named) {
        self.bi(zh, en, Bi::new(v.zh(), v.en()));
    }
    fn due(&mut self, zh: &'static str, en: &'static str, due: Option<Due>) {
        self.0.push(Field {
            label_zh: zh,
            label_en: en,
            value: Bi::same(due.as_ref().map(|d| d.due.to_string()).unwrap_or_default()),
            due,
        });
    }
}

/// Reads the detail of `item`.
pub fn detail(conn: &Connection, env: &Env, item: Item) -> Result<Detail> {
    let (ext_id, title, fields, sections, topics) = match item {
        Item::Document(id) => document(conn, env, id)?,
        Item::Supervision(id) => supervision(conn, env, id)?,
        Item::Meeting(id) => meeting(conn, env, id)?,
    };
    Ok(Detail {
        item,
        ext_id,
        title,
        fields,
        sections,
        topics,
        history: audit::history(conn, item.entity(), item.id())?,
    })
}

type Parts = (String, String, Vec<Field>, Vec<Section>, Vec<TopicRef>);

fn s(r: &Row<'_>, col: &str) -> rusqlite::Result<Option<String>> {
    r.get::<_, Option<String>>(col)
}

fn due_at(
    env: &Env,
    what: &str,
    d: Option<String>,
    rule: Option<String>,
    art: Option<String>,
) -> Result<Option<Due>> {
    d.map(|d| {
        Ok(Due::new(
            env,
            parse_day(&d, || what.to_string())?,
            rule,
            art,
        ))
    })
    .transpose()
}

fn lines(
    conn: &Connection,
    sql: &str,
    id: impl rusqlite::Params,
    f: impl Fn(&Row<'_>) -> rusqlite::Result<Bi>,
) -> Result<Vec<Bi>> {
    let mut stmt = conn.prepare_cached(sql).db("preparing a detail query")?;
    let rows = stmt.query_map(id, |r| f(r)).db("reading an item's rows")?;
    rows.collect::<std::result::Result<_, _>>()
        .db("reading an item's rows")
}

fn name_of(conn: &Connection, id: Option<i64>) -> Result<Option<String>> {
    let Some(id) = id else { return Ok(None) };
    conn.prepare_cached("SELECT name || ' (' || login || ')' FROM people WHERE id = ?1")
        .db("preparing a person query")?
        .query_row([id], |r| r.get(0))
        .optional()
        .db("reading a person")
}

fn document(conn: &Connection, env: &Env, id: i64) -> Result<Parts> {
    let row = conn
        .prepare_cached(
            "SELECT d.*, dep.name AS dept_name FROM documents d
             LEFT JOIN departments dep ON dep.id = d.from_dept WHERE d.id = ?1",
        )
        .db("preparing the document detail")?
        .query_row([id], |r| {
            Ok((
                [
                    s(r, "ext_id")?,
                    s(r, "doc_no")?,
                    s(r, "title")?,
                    s(r, "dept_name")?,
                    s(r, "received")?,
                    s(r, "route")?,
                    s(r, "due")?,
                    s(r, "due_rule")?,
                    s(r, "due_article")?,
                    s(r, "signed_on")?,
                    s(r, "instruction")?,
                    s(r, "return_reason")?,
                    s(r, "printed_on")?,
                    s(r, "published_on")?,
                    s(r, "last_urged_at")?,
                    s(r, "updated_at")?,
                ],
                (
                    r.get::<_, DocKind>("kind")?,
                    r.get::<_, Urgency>("urgency")?,
                    r.get::<_, Secrecy>("secrecy")?,
                    r.get::<_, DocState>("state")?,
                ),
                [
                    r.get::<_, Option<i64>>("leader_id")?,
                    r.get::<_, Option<i64>>("signed_by")?,
                ],
                [r.get::<_, i64>("major")?, r.get::<_, i64>("urged_count")?],
            ))
        })
        .optional()
        .db("reading a document")?
        .ok_or_else(|| Error::NotFound(format!("document #{id}")))?;
    let (t, (kind, urgency, secrecy, state), [leader, signer], [major, urged]) = row;
    let [
        ext,
        no,
        title,
        dept,
        recv,
        route,
        due,
        rule,
        art,
        signed,
        instr,
        ret,
        printed,
        published,
        urged_at,
        updated,
    ] = t;
    let ext = ext.unwrap_or_default();
    let title = title.unwrap_or_default();
    let mut f = Fields(Vec::new());
    f.text("编号", "ID", Some(ext.clone()));
    f.text("文号", "Document no.", no);
    f.text("标题", "Title", Some(title.clone()));
    f.named("文种", "Kind", &kind);
    f.named("紧急程度", "Urgency", &urgency);
    f.named("密级", "Classification", &secrecy);
    f.text("来文单位", "From", dept);
    f.text("收文日期", "Received", recv);
    f.bi(
        "重大事项",
        "Major matter",
        if major != 0 {
            Bi::new("是", "yes")
        } else {
            Bi::new("否", "no")
        },
    );
    f.text("承办领导", "Routed to", name_of(conn, leader)?);
    f.text("分办依据", "Routing", route);
    f.named("状态", "State", &state);
    f.due(
        "办理期限",
        "Due",
        due_at(env, &format!("document {ext} due"), due, rule, art)?,
    );
    f.text("签批日期", "Signed on", signed);
    f.text("签批人", "Signed by", name_of(conn, signer)?);
    f.text("批示", "Instruction", instr);
    f.text("退回原因", "Return reason", ret);
    f.text("印发日期", "Printed on", printed);
    f.text("公开日期", "Published on", published);
    f.bi("催办次数", "Urged", Bi::same(urged.to_string()));
    f.text("最近催办", "Last urged", urged_at);
    f.text("更新时间", "Updated", updated);
    let fields = f.0;
    let silence = env
        .profile
        .documents
        .countersign_silence_is_consent
        .as_ref()
        .is_some_and(|fl| fl.value);
    let cs = lines(
        conn,
        "SELECT dep.name, c.requested, c.due, c.due_rule, c.due_article, c.answer, c.answered_on, c.note,
                (c.answer IS NULL AND c.due < ?2)
         FROM countersigns c JOIN departments dep ON dep.id = c.dept_id
         WHERE c.document_id = ?1 ORDER BY c.due, c.id",
        rusqlite::params![id, crate::clock::fmt_date(env.today())],
        |r| {
            let mut answer: Option<CountersignAnswer> = r.get(5)?;
            // Silence past the limit counts as no objection where the district says so.
            if silence && r.get::<_, bool>(8)? {
                answer = Some(CountersignAnswer::Deemed);
            }
            let rule: Option<String> = r.get(3)?;
            let art: Option<String> = r.get(4)?;
            let cite = |l| crate::domain::deadline::cite(rule.as_deref().unwrap_or("given"), art.as_deref(), l);
            let head = format!(
                "{} | {} -> {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?
            );
            let tail: String = [r.get::<_, Option<String>>(6)?, r.get::<_, Option<String>>(7)?]
                .into_iter()
                .flatten()
                .filter(|x| !x.is_empty())
                .map(|x| format!(" | {x}"))
                .collect();
            Ok(Bi::new(
                format!("{head} [{}] {}{tail}", cite(crate::i18n::Lang::Zh), answer.map_or("待复", |a| a.zh())),
                format!("{head} [{}] {}{tail}", cite(crate::i18n::Lang::En), answer.map_or("awaiting", |a| a.en())),
            ))
        },
    )?;
    let notices = notices(conn, "document_id", id)?;
    Ok((
        ext,
        title,
        fields,
        vec![
            Section {
                title_zh: "会签",
                title_en: "Countersigns",
                lines: cs,
            },
            Section {
                title_zh: "催办记录",
                title_en: "Urging notices",
                lines: notices,
            },
        ],
        Vec::new(),
    ))
}

fn notices(conn: &Connection, col: &str, id: i64) -> Result<Vec<Bi>> {
    let sql = match col {
        "document_id" => {
            "SELECT n.at, coalesce(p.name, ''), n.note FROM notices n LEFT JOIN people p ON p.id = n.by_id
             WHERE n.document_id = ?1 ORDER BY n.id"
        }
        _ => {
            "SELECT n.at, coalesce(p.name, ''), n.note FROM notices n LEFT JOIN people p ON p.id = n.by_id
             WHERE n.supervision_id = ?1 ORDER BY n.id"
        }
    };
    lines(conn, sql, [id], |r| {
        Ok(Bi::same(format!(
            "{} | {} | {}",
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?
        )))
    })
}

fn supervision(conn: &Connection, env: &Env, id: i64) -> Result<Parts> {
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

fn meeting(conn: &Connection, env: &Env, id: i64) -> Result<Parts> {
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
    let members = lines(
        conn,
        "SELECT p.name, p.role FROM meeting_members mm JOIN people p ON p.id = mm.person_id
         WHERE mm.meeting_id = ?1 ORDER BY p.name",
        [id],
        |r| {
            let role: Role = r.get(1)?;
            let n: String = r.get(0)?;
            Ok(Bi::new(
                format!("{n} | {}", role.zh()),
                format!("{n} | {}", role.en()),
            ))
        },
    )?;
    Ok((
        ext,
        title,
        f.0,
        vec![
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
