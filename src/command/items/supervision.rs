//! Actions on supervision items (督办事项): urge with a 督办通知, extend, progress notes,
//! close-out (销号), reopen, and the 回头看 re-check date.

use super::snapshot::{self, Table};
use super::{Done, Record, actor, required, with_note};
use crate::clock::{fmt_date, parse_date};
use crate::domain::permission::{self, OfficeAct};
use crate::domain::{Env, SupState};
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use crate::profile::Flag;
use crate::store::people::Person;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

/// The parts of a supervision row the actions look at.
struct Sup {
    id: i64,
    title: String,
    state: SupState,
    lead_dept: i64,
    deadline: NaiveDate,
    urged_count: i64,
}

fn load(conn: &Connection, id: i64) -> Result<Sup> {
    let row = conn
        .prepare_cached(
            "SELECT id, title, state, lead_dept, deadline, urged_count FROM supervision
             WHERE id = ?1",
        )
        .db("preparing the supervision query")?
        .query_row([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, SupState>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })
        .optional()
        .db(format!("reading supervision item {id}"))?
        .ok_or_else(|| Error::NotFound(format!("supervision item id {id}")))?;
    let (id, title, state, lead_dept, deadline, urged_count) = row;
    Ok(Sup {
        id,
        deadline: parse_date(&format!("supervision item {id} deadline"), &deadline)?,
        title,
        state,
        lead_dept,
        urged_count,
    })
}

fn co_departments(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn
        .prepare_cached("SELECT dept_id FROM supervision_co WHERE supervision_id = ?1")
        .db("preparing the co-department query")?;
    let rows = stmt
        .query_map([id], |r| r.get(0))
        .db("reading co-departments")?;
    rows.collect::<std::result::Result<_, _>>()
        .db("reading co-departments")
}

/// Refused unless the item is in `want` state.
fn in_state(sup: &Sup, want: SupState, zh_verb: &str, en_verb: &str) -> Result<()> {
    if sup.state == want {
        return Ok(());
    }
    Err(Error::refused(
        format!(
            "督办事项《{}》{}，只有{}的事项可以{zh_verb}",
            sup.title,
            sup.state.zh(),
            want.zh()
        ),
        format!(
            "supervision item “{}” is {}; only {} items can be {en_verb}",
            sup.title,
            sup.state.en(),
            want.en()
        ),
    ))
}

/// "（第六十四条）" / " (art. 64)" for a rule the profile states, else nothing.
fn cite(rule: Option<&Flag>) -> (String, String) {
    match rule.filter(|f| f.value) {
        Some(f) => crate::domain::deadline::article_suffix(&f.article),
        None => (String::new(), String::new()),
    }
}

/// Runs `f` on the item in one transaction, recording the audit entry it describes.
fn change(
    tx: &Connection,
    env: &Env,
    sup_id: i64,
    f: impl FnOnce(&Connection, &Sup, &Person, &str) -> Result<Change>,
) -> Result<Done> {
    let me = actor(tx, env)?;
    let sup = load(tx, sup_id)?;
    let at = env.now_str();
    let before = snapshot::row(tx, Table::Supervision, sup.id)?;
    let c = f(tx, &sup, &me, &at)?;
    let after = snapshot::row(tx, Table::Supervision, sup.id)?;
    Record {
        action: c.action,
        entity: "supervision",
        id: sup.id,
        zh: c.zh,
        en: c.en,
        before,
        after,
        acted_for: None,
    }
    .commit(tx, env)
}

/// What a change did, for the audit log.
struct Change {
    action: &'static str,
    zh: String,
    en: String,
}

fn exec(conn: &Connection, sql: &str, p: impl rusqlite::Params, what: &str) -> Result<()> {
    conn.prepare_cached(sql)
        .db(format!("preparing: {what}"))?
        .execute(p)
        .db(what.to_string())?;
    Ok(())
}

/// Urges an open item: a 督办通知 (notice row), the urge count and time.
pub(super) fn urge(tx: &Connection, env: &Env, sup_id: i64, note: &str) -> Result<Done> {
    change(tx, env, sup_id, |tx, sup, me, at| {
        in_state(sup, SupState::Open, "催办", "urged")?;
        permission::may_urge(&me.who())?;
        let note = note.trim();
        exec(
            tx,
            "INSERT INTO notices(supervision_id, note, by_id, at) VALUES (?1, ?2, ?3, ?4)",
            params![sup.id, note, me.id, at],
            "recording a supervision notice",
        )?;
        exec(
            tx,
            "UPDATE supervision SET urged_count = urged_count + 1, last_urged_at = ?2,
             updated_at = ?2 WHERE id = ?1",
            params![sup.id, at],
            "urging a supervision item",
        )?;
        let n = sup.urged_count + 1;
        let (rule_zh, rule_en) = cite(env.profile.supervision.notice_on_urge.as_ref());
        let (note_zh, note_en) = with_note(note);
        Ok(Change {
            action: "urge",
            zh: format!(
                "{}发出督办通知{rule_zh}《{}》（第{n}次）{note_zh}",
                me.name, sup.title
            ),
            en: format!(
                "{} issued a supervision notice{rule_en} on “{}” (time {n}){note_en}",
                me.name, sup.title
            ),
        })
    })
}

/// Extends an open item's deadline to a later date, keeping the history in `extensions`.
pub fn extend(
    tx: &Connection,
    env: &Env,
    sup_id: i64,
    new_deadline: NaiveDate,
    reason: &str,
) -> Result<Done> {
    change(tx, env, sup_id, |tx, sup, me, at| {
        in_state(sup, SupState::Open, "延期", "extended")?;
        let reason = required(reason, "延期理由", "reason for the extension")?;
        if new_deadline <= sup.deadline {
            return Err(Error::refused(
                format!(
                    "新期限 {} 须晚于现期限 {}",
                    fmt_date(new_deadline),
                    fmt_date(sup.deadline)
                ),
                format!(
                    "the new deadline {} must be after the current one, {}",
                    fmt_date(new_deadline),
                    fmt_date(sup.deadline)
                ),
            ));
        }
        if new_deadline < env.today() {
            return Err(Error::refused(
                format!("新期限 {} 已经过去", fmt_date(new_deadline)),
                format!(
                    "the new deadline {} is already past",
                    fmt_date(new_deadline)
                ),
            ));
        }
        let close_rule = env.profile.supervision.close_by_office.as_ref();
        permission::may_office(&me.who(), OfficeAct::Extend, close_rule)?;
        exec(
            tx,
            "INSERT INTO extensions(supervision_id, old_deadline, new_deadline, reason, by_id, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                sup.id,
                fmt_date(sup.deadline),
                fmt_date(new_deadline),
                reason,
                me.id,
                at
            ],
            "recording an extension",
        )?;
        // The deadline is now the one granted, no longer the rule's: say so.
        exec(
            tx,
            "UPDATE supervision SET deadline = ?2, deadline_rule = 'extended',
             deadline_article = NULL, updated_at = ?3 WHERE id = ?1",
            params![sup.id, fmt_date(new_deadline), at],
            "extending a supervision item",
        )?;
        let (old, new) = (fmt_date(sup.deadline), fmt_date(new_deadline));
        Ok(Change {
            action: "extend",
            zh: format!(
                "{}将《{}》延期：{old} → {new}：{reason}",
                me.name, sup.title
            ),
            en: format!(
                "{} extended “{}”: {old} → {new}: {reason}",
                me.name, sup.title
            ),
        })
    })
}

/// Adds a progress note (dated today) to an open item.
pub fn add_progress(tx: &Connection, env: &Env, sup_id: i64, note: &str) -> Result<Done> {
    change(tx, env, sup_id, |tx, sup, me, at| {
        in_state(sup, SupState::Open, "报送进展", "given progress notes")?;
        let note = required(note, "进展情况", "progress note")?;
        permission::may_add_progress(&me.who(), sup.lead_dept, &co_departments(tx, sup.id)?)?;
        let today = fmt_date(env.today());
        exec(
            tx,
            "INSERT INTO progress_notes(supervision_id, on_date, note, by_id, at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![sup.id, today, note, me.id, at],
            "recording a progress note",
        )?;
        exec(
            tx,
            "UPDATE supervision SET last_progress_on = ?2, last_progress = ?3, updated_at = ?4
             WHERE id = ?1",
            params![sup.id, today, note, at],
            "updating an item's progress",
        )?;
        Ok(Change {
            action: "progress",
            zh: format!("{}报送《{}》进展：{note}", me.name, sup.title),
            en: format!("{} added progress on “{}”: {note}", me.name, sup.title),
        })
    })
}

/// Closes out (销号) an open item; only the office may.
pub fn close(tx: &Connection, env: &Env, sup_id: i64, note: &str) -> Result<Done> {
    change(tx, env, sup_id, |tx, sup, me, at| {
        in_state(sup, SupState::Open, "销号", "closed")?;
        let rule = env.profile.supervision.close_by_office.as_ref();
        permission::may_office(&me.who(), OfficeAct::Close, rule)?;
        exec(
            tx,
            "UPDATE supervision SET state = ?2, closed_on = ?3, closed_by = ?4, updated_at = ?5
             WHERE id = ?1",
            params![sup.id, SupState::Closed, fmt_date(env.today()), me.id, at],
            "closing a supervision item",
        )?;
        let (rule_zh, rule_en) = cite(rule);
        let (note_zh, note_en) = with_note(note);
        Ok(Change {
            action: "close",
            zh: format!("{}销号{rule_zh}《{}》{note_zh}", me.name, sup.title),
            en: format!("{} closed out{rule_en} “{}”{note_en}", me.name, sup.title),
        })
    })
}

/// Reopens a closed item, with a reason.
pub fn reopen(tx: &Connection, env: &Env, sup_id: i64, reason: &str) -> Result<Done> {
    change(tx, env, sup_id, |tx, sup, me, at| {
        in_state(sup, SupState::Closed, "重新打开", "reopened")?;
        let reason = required(reason, "重新打开的理由", "reason for reopening")?;
        let rule = env.profile.supervision.close_by_office.as_ref();
        permission::may_office(&me.who(), OfficeAct::Reopen, rule)?;
        exec(
            tx,
            // Reopened here, it is no longer settled history: every rule applies again.
            "UPDATE supervision SET state = ?2, closed_on = NULL, closed_by = NULL,
             imported_settled = 0, updated_at = ?3 WHERE id = ?1",
            params![sup.id, SupState::Open, at],
            "reopening a supervision item",
        )?;
        Ok(Change {
            action: "reopen",
            zh: format!("{}重新打开《{}》：{reason}", me.name, sup.title),
            en: format!("{} reopened “{}”: {reason}", me.name, sup.title),
        })
    })
}

/// Sets the 回头看 re-check date (today or later).
pub fn set_recheck(tx: &Connection, env: &Env, sup_id: i64, on: NaiveDate) -> Result<Done> {
    change(tx, env, sup_id, |tx, sup, me, at| {
        if on < env.today() {
            return Err(Error::refused(
                format!("回头看日期 {} 已经过去", fmt_date(on)),
                format!("the re-check date {} is already past", fmt_date(on)),
            ));
        }
        let close_rule = env.profile.supervision.close_by_office.as_ref();
        permission::may_office(&me.who(), OfficeAct::Recheck, close_rule)?;
        exec(
            tx,
            "UPDATE supervision SET recheck_on = ?2, updated_at = ?3 WHERE id = ?1",
            params![sup.id, fmt_date(on), at],
            "setting a re-check date",
        )?;
        let (rule_zh, rule_en) = cite(env.profile.supervision.recheck.as_ref());
        Ok(Change {
            action: "recheck",
            zh: format!(
                "{}安排《{}》回头看{rule_zh}：{}",
                me.name,
                sup.title,
                fmt_date(on)
            ),
            en: format!(
                "{} set a re-check{rule_en} of “{}” on {}",
                me.name,
                sup.title,
                fmt_date(on)
            ),
        })
    })
}

/// The lead department and the co-departments of an item (for the board's question before
/// a progress note).
pub(crate) fn departments(conn: &Connection, id: i64) -> Result<(i64, Vec<i64>)> {
    Ok((load(conn, id)?.lead_dept, co_departments(conn, id)?))
}
