//! A document's detail: its fields, countersigns and urging notices.

use super::notices;
use super::{Fields, Parts, due_at, lines, name_of, s};
use crate::domain::Deadline;
use crate::domain::Env;
use crate::domain::compliance::documents::{print_deadline, publish_deadline, silence_is_consent};
use crate::domain::routing::RouteReason;
use crate::domain::{CountersignAnswer, DocKind, DocState, Secrecy, Urgency};
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use crate::store::queries::{Bi, Due, Section};
use rusqlite::{Connection, OptionalExtension};

pub(super) fn document(conn: &Connection, env: &Env, id: i64) -> Result<Parts> {
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
                    r.get::<_, Option<i64>>("recorded_by")?,
                ],
                [r.get::<_, i64>("major")?, r.get::<_, i64>("urged_count")?],
            ))
        })
        .optional()
        .db("reading a document")?
        .ok_or_else(|| Error::NotFound(format!("document #{id}")))?;
    let (t, (kind, urgency, secrecy, state), [leader, signer, recorder], [major, urged]) = row;
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
    f.bi("分办依据", "Routing", route_text(env, route.as_deref()));
    f.named("状态", "State", &state);
    if state == DocState::Pending {
        f.due(
            "办理期限",
            "Due",
            due_at(env, &format!("document {ext} due"), due, rule, art)?,
        );
    } else {
        // Settled: the limit it had, without a countdown that no longer runs.
        f.text("办理期限", "Due", due);
    }
    f.text("签批日期", "Signed on", signed.clone());
    f.text("签批人", "Signed by", name_of(conn, signer)?);
    // 代录: the office person who recorded a decision the leader made on paper.
    if recorder.is_some() {
        f.text("代录人", "Recorded by (代录)", name_of(conn, recorder)?);
    }
    f.text("批示", "Instruction", instr);
    f.text("退回原因", "Return reason", ret);
    // Printing and publishing have deadlines of their own where the district sets them
    // (崆峒 五十三); shown while they are owed.
    let day = |what: &str, v: &Option<String>| -> Result<Option<chrono::NaiveDate>> {
        v.as_deref()
            .map(|d| crate::store::queries::parse_day(d, || format!("document {ext} {what}")))
            .transpose()
    };
    let (signed_day, printed_day) = (day("signed_on", &signed)?, day("printed_on", &printed)?);
    if state == DocState::Signed && printed.is_none() {
        let dl = signed_day.and_then(|d| print_deadline(env, d));
        f.due("印制期限", "Print by", dl.map(|d| due_of(env, d)));
    }
    f.text("印发日期", "Printed on", printed);
    if secrecy == Secrecy::Public && published.is_none() {
        let dl = printed_day.and_then(|d| publish_deadline(env, d));
        f.due("公开期限", "Publish by", dl.map(|d| due_of(env, d)));
    }
    f.text("公开日期", "Published on", published);
    f.bi("催办次数", "Urged", Bi::same(urged.to_string()));
    f.text("最近催办", "Last urged", urged_at);
    f.text("更新时间", "Updated", updated);
    let fields = f.0;
    let silence = silence_is_consent(env).is_some();
    let cs = lines(
        conn,
        "SELECT dep.name, c.requested, c.due, c.due_rule, c.due_article, c.answer, c.answered_on, c.note,
                (c.answer IS NULL AND c.due < ?2)
         FROM countersigns c JOIN departments dep ON dep.id = c.dept_id
         WHERE c.document_id = ?1 ORDER BY c.due, c.id",
        rusqlite::params![id, crate::clock::fmt_date(env.today())],
        |r| {
            let mut answer: Option<CountersignAnswer> = r.get(5)?;
            let mut answered_on: Option<String> = r.get(6)?;
            // Silence past the limit counts as no objection where the district says so:
            // derived as of today (nothing is stored by reading) and shown as a recorded
            // one is, in effect from the limit's last day.
            if silence && r.get::<_, bool>(8)? {
                answer = Some(CountersignAnswer::Deemed);
                answered_on = Some(r.get(2)?);
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
            let tail: String = [answered_on, r.get::<_, Option<String>>(7)?]
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

fn due_of(env: &Env, d: Deadline) -> Due {
    Due::new(env, d.due, Some(d.rule), d.article)
}

/// Why the document went to its leader, in words, with the article of the district's
/// routing rule where one applies.
pub(crate) fn route_text(env: &Env, route: Option<&str>) -> Bi {
    let docs = &env.profile.documents;
    let art = |flag: &Option<crate::profile::Flag>| {
        flag.as_ref().filter(|f| f.value).map(|f| f.article.clone())
    };
    let (zh, en, article) = match route.and_then(RouteReason::parse) {
        Some(RouteReason::Division) => (
            "分工呈批：呈分管该单位的领导",
            "by division of work: the leader who oversees the sender",
            art(&docs.routing_by_division),
        ),
        Some(RouteReason::Major) => (
            "重大事项报区长",
            "major matter: to the mayor",
            art(&docs.major_to_mayor),
        ),
        Some(RouteReason::Multi) => match art(&docs.multi_leader_to_mayor) {
            Some(a) => (
                "多位领导分管，报区长定牵头",
                "several leaders oversee the sender: to the mayor to name the lead",
                Some(a),
            ),
            None => (
                "多位领导分管，呈排序在前的领导",
                "several leaders oversee the sender: to the most senior of them",
                art(&docs.routing_by_division),
            ),
        },
        Some(RouteReason::None) => (
            "无分管领导，报区长",
            "no leader oversees the sender: to the mayor",
            None,
        ),
        Some(RouteReason::Explicit) => ("登记时指定", "named at registration", None),
        Some(RouteReason::Forwarded) => ("领导转办", "forwarded by a leader", None),
        None => return Bi::same(route.unwrap_or_default()),
    };
    match article {
        Some(a) => {
            let (sz, se) = crate::domain::deadline::article_suffix(&a);
            Bi::new(format!("{zh}{sz}"), format!("{en}{se}"))
        }
        None => Bi::new(zh, en),
    }
}
