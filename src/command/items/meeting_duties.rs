//! What a held meeting owes beyond its minutes' issue and its documents: the minutes
//! drafted where the text times the draft (崆峒 四十七: "2个工作日内完成起草，由会议主持人
//! 签发"), and the report to the district's bodies (崆峒 四十二: "向区委、区人大常委会报告
//! 情况，同时向区政协通报情况"). Both are the office's to record, today, once.

use super::meetings::{Meeting, exec, held, load, record};
use super::snapshot::{self, Table};
use super::{Done, actor};
use crate::clock::fmt_date;
use crate::domain::deadline::owes_minutes;
use crate::domain::permission::{self, OfficeAct};
use crate::domain::{Env, MeetingState};
use crate::error::{DbContext, Error, Result};
use crate::i18n::Named;
use rusqlite::{Connection, params};

/// The recorded day of one of the meeting's own columns.
fn recorded(tx: &Connection, id: i64, column: Column) -> Result<Option<String>> {
    let sql = match column {
        Column::Drafted => "SELECT minutes_drafted_on FROM meetings WHERE id = ?1",
        Column::Reported => "SELECT reported_on FROM meetings WHERE id = ?1",
    };
    tx.prepare_cached(sql)
        .db("preparing the meeting duty query")?
        .query_row([id], |r| r.get(0))
        .db(format!("reading meeting {id}"))
}

#[derive(Clone, Copy)]
enum Column {
    Drafted,
    Reported,
}

/// Whether the district times the draft of this kind's minutes rather than their issue.
fn times_the_draft(env: &Env, m: &Meeting) -> bool {
    env.profile
        .meeting(m.kind)
        .is_some_and(|r| r.minutes_within.is_none() && r.minutes_drafted_within.is_some())
}

/// Under a text that times the draft, the chair signs a draft: the issue is refused until
/// the draft is recorded.
pub(super) fn draft_before_issue(tx: &Connection, env: &Env, m: &Meeting) -> Result<()> {
    if !times_the_draft(env, m) || recorded(tx, m.id, Column::Drafted)?.is_some() {
        return Ok(());
    }
    Err(Error::refused(
        format!(
            "会议《{}》的纪要尚未登记起草完成；纪要起草后由会议主持人签发",
            m.title
        ),
        format!(
            "the minutes of “{}” are not recorded as drafted; the chair signs a draft",
            m.title
        ),
    ))
}

/// Records that a held meeting's minutes were drafted today.
pub fn minutes_drafted(tx: &Connection, env: &Env, meeting_id: i64) -> Result<Done> {
    let me = actor(tx, env)?;
    let m = load(tx, meeting_id)?;
    held(tx, &m, env, "会议纪要", "minutes")?;
    if !owes_minutes(m.kind) {
        return Err(Error::refused(
            format!("会议《{}》不需要会议纪要", m.title),
            format!("meeting “{}” owes no minutes", m.title),
        ));
    }
    if let Some(on) = &m.minutes_issued_on {
        return Err(Error::refused(
            format!("会议《{}》的纪要已于 {on} 印发", m.title),
            format!("the minutes of “{}” were issued on {on}", m.title),
        ));
    }
    if let Some(on) = recorded(tx, m.id, Column::Drafted)? {
        return Err(Error::refused(
            format!("会议《{}》的纪要已于 {on} 起草完成", m.title),
            format!("the minutes of “{}” were drafted on {on}", m.title),
        ));
    }
    permission::may_office(&me.who(), OfficeAct::MinutesDrafted, None)?;
    let at = env.now_str();
    let before = snapshot::row(tx, Table::Meeting, m.id)?;
    exec(
        tx,
        "UPDATE meetings SET minutes_drafted_on = ?2, updated_at = ?3 WHERE id = ?1",
        params![m.id, fmt_date(env.today()), at],
        "recording minutes drafted",
    )?;
    mark_held(tx, &m)?;
    let after = snapshot::row(tx, Table::Meeting, m.id)?;
    let text = (
        format!(
            "{}登记《{}》会议纪要已起草完成，待主持人签发",
            me.name, m.title
        ),
        format!(
            "{} recorded the minutes of “{}” as drafted, for the chair to sign",
            me.name, m.title
        ),
    );
    record(&at, "minutes_drafted", m.id, text, before, after).commit(tx, env)
}

/// Records that the report owed after a held meeting was made today.
pub fn reported(tx: &Connection, env: &Env, meeting_id: i64) -> Result<Done> {
    let me = actor(tx, env)?;
    let m = load(tx, meeting_id)?;
    held(tx, &m, env, "会后报告", "report")?;
    let owed = env
        .profile
        .meeting(m.kind)
        .and_then(|r| r.report_after.as_ref())
        .is_some_and(|f| f.value);
    if !owed {
        return Err(Error::refused(
            format!("本区规则未要求{}会后向区委、区人大常委会报告", m.kind.zh()),
            format!("the district's rules ask no report after a {}", m.kind.en()),
        ));
    }
    if let Some(on) = recorded(tx, m.id, Column::Reported)? {
        return Err(Error::refused(
            format!("会议《{}》已于 {on} 登记会后报告", m.title),
            format!("the report after “{}” was recorded on {on}", m.title),
        ));
    }
    permission::may_office(&me.who(), OfficeAct::MeetingReported, None)?;
    let at = env.now_str();
    let before = snapshot::row(tx, Table::Meeting, m.id)?;
    exec(
        tx,
        "UPDATE meetings SET reported_on = ?2, updated_at = ?3 WHERE id = ?1",
        params![m.id, fmt_date(env.today()), at],
        "recording the report after a meeting",
    )?;
    mark_held(tx, &m)?;
    let after = snapshot::row(tx, Table::Meeting, m.id)?;
    let text = (
        format!(
            "{}登记《{}》已向区委、区人大常委会报告并向区政协通报",
            me.name, m.title
        ),
        format!(
            "{} recorded the report after “{}” to the 区委 and 区人大常委会, the 区政协 informed",
            me.name, m.title
        ),
    );
    record(&at, "meeting_reported", m.id, text, before, after).commit(tx, env)
}

/// What a meeting owes after it is held means it was held.
fn mark_held(tx: &Connection, m: &Meeting) -> Result<()> {
    exec(
        tx,
        "UPDATE meetings SET state = ?2 WHERE id = ?1 AND state = ?3",
        params![m.id, MeetingState::Held, MeetingState::Planned],
        "marking a meeting held",
    )
    .map(|_| ())
}
