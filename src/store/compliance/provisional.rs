//! A notice for every open deadline that is provisional: counted in working days into a
//! year whose State Council notice is not loaded (`domain::provisional`). Each query walks
//! a partial index over open items from the first such year on, so a calendar with every
//! notice loaded costs one empty range scan per kind.

use super::out::Out;
use super::{Scopes, each_row, item_at};
use crate::domain::Env;
use crate::domain::compliance::{Finding, ItemRef, Severity};
use crate::domain::provisional::{self, Provisional};
use crate::error::Result;
use crate::i18n::Lang;
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

/// The rule key of these notices; it has no article: the reason is the calendar's.
pub const RULE: &str = "calendar.provisional";

/// Each open deadline and what it is for, from the first year without a notice on:
/// (entity, what in zh and en, the query, its item id column).
const QUERIES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "document",
        "审批期限",
        "approval deadline",
        "SELECT id, ext_id, title, due, due_rule FROM documents
         INDEXED BY documents_pending_by_due
         WHERE state = '待批' AND due >= ?1{scope}",
        "id",
    ),
    (
        "document",
        "会签答复期限",
        "countersign reply deadline",
        "SELECT d.id, d.ext_id, d.title, c.due, c.due_rule
         FROM countersigns c INDEXED BY countersigns_open_by_due
         JOIN documents d ON d.id = c.document_id
         WHERE c.answer IS NULL AND c.due >= ?1{scope}",
        "c.document_id",
    ),
    (
        "supervision",
        "办理期限",
        "deadline",
        "SELECT id, ext_id, title, deadline, deadline_rule FROM supervision
         INDEXED BY supervision_open_by_deadline
         WHERE state = '办理中' AND deadline >= ?1{scope}",
        "id",
    ),
    (
        "meeting",
        "纪要期限",
        "minutes deadline",
        "SELECT id, ext_id, title, minutes_due, minutes_rule FROM meetings
         INDEXED BY meetings_owing_minutes_here
         WHERE minutes_issued_on IS NULL AND state <> '已取消' AND imported_settled = 0
           AND minutes_due >= ?1{scope}",
        "id",
    ),
    (
        "meeting",
        "发文期限",
        "documents deadline",
        "SELECT id, ext_id, title, docs_due, docs_rule FROM meetings
         INDEXED BY meetings_owing_docs_here
         WHERE docs_owed > 0 AND docs_issued_on IS NULL AND state <> '已取消'
           AND imported_settled = 0 AND docs_due >= ?1{scope}",
        "id",
    ),
];

pub(super) fn gather(
    conn: &Connection,
    env: &Env,
    scopes: &Scopes<'_>,
    out: &mut Out<'_>,
) -> Result<()> {
    let today = env.today();
    // Deadlines still open reach at most a few years ahead; none before last year is open
    // in a way this notice could help with.
    let from = today.with_year(today.year() - 1).unwrap_or(today);
    let to = today.with_year(today.year() + 10).unwrap_or(today);
    let Some(first) = env.calendar.provisional_years(from, to).first().copied() else {
        return Ok(());
    };
    let Some(start) = NaiveDate::from_ymd_opt(first, 1, 1) else {
        return Ok(());
    };
    let start = start.to_string();
    for (entity, what_zh, what_en, sql, col) in QUERIES {
        let scope = match *entity {
            "document" => &scopes.documents,
            "supervision" => &scopes.supervision,
            _ => &scopes.meetings,
        };
        // A row at a time: every open deadline of the year may be read, and only a few
        // give a finding.
        each_row(
            conn,
            sql,
            col,
            scope,
            &[&start],
            "deadlines in years without a notice",
            |r| {
                Ok((
                    item_at(r, entity, 0)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            },
            |(item, due, rule)| {
                let Some(due) = super::day("deadline", item.id, due.as_deref()) else {
                    return Ok(());
                };
                let rule = rule.unwrap_or_else(|| "given".into());
                if let Some(p) = provisional::of(env, &rule, due) {
                    out.push(finding(item, due, &rule, &p, (what_zh, what_en), today));
                }
                Ok(())
            },
        )?;
    }
    Ok(())
}

fn finding(
    item: ItemRef,
    due: NaiveDate,
    rule: &str,
    p: &Provisional,
    (what_zh, what_en): (&str, &str),
    today: NaiveDate,
) -> Finding {
    Finding {
        severity: Severity::Notice,
        rule: RULE.into(),
        article: None,
        item,
        since: today,
        message_zh: format!("{what_zh} {due}（{rule}）{}", p.reason(Lang::Zh)),
        message_en: format!("{what_en} {due} ({rule}) {}", p.reason(Lang::En)),
    }
}
