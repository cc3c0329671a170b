//! 交班 and 接班确认: the outgoing officer's saved report, recorded with its window, file
//! and hash; the incoming officer's confirmation of it.

use super::{HandoverSaved, audited, office};
use crate::clock::{fmt_date, fmt_datetime};
use crate::command::Done;
use crate::domain::Env;
use crate::domain::roles::Act;
use crate::error::{DbContext, Error, Result};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

/// Records a handover report the caller has written to `h.path`.
pub(crate) fn save_handover(tx: &Connection, env: &Env, h: &HandoverSaved) -> Result<Done> {
    let me = office(tx, env, Act::Handover)?;
    if h.until < h.since {
        return Err(Error::refused(
            "交接班报告的起止时间颠倒",
            "the handover's window ends before it starts",
        ));
    }
    tx.prepare_cached(
        "INSERT INTO handovers(shift_date, since, until, by_id, path, sha256, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .db("preparing the handover insert")?
    .execute(params![
        fmt_date(h.shift_date),
        fmt_datetime(h.since),
        fmt_datetime(h.until),
        me.id,
        h.path,
        h.sha256,
        env.now_str()
    ])
    .db("recording a handover")?;
    let id = tx.last_insert_rowid();
    audited(
        tx,
        env,
        "handover",
        "handover",
        id,
        format!(
            "{}交班（{} 至 {}），报告 {}",
            me.name,
            fmt_datetime(h.since),
            fmt_datetime(h.until),
            h.path
        ),
        format!(
            "{} handed over the shift ({} to {}), report {}",
            me.name,
            fmt_datetime(h.since),
            fmt_datetime(h.until),
            h.path
        ),
        None,
        Some(json!({
            "shift_date": fmt_date(h.shift_date), "since": fmt_datetime(h.since),
            "until": fmt_datetime(h.until), "path": h.path, "sha256": h.sha256,
        })),
    )
}

/// The incoming officer confirms a handover: the one named, else the latest one not yet
/// confirmed. Nobody confirms their own.
pub(crate) fn confirm_handover(tx: &Connection, env: &Env, which: Option<i64>) -> Result<Done> {
    let me = office(tx, env, Act::HandoverConfirm)?;
    let sql = match which {
        Some(_) => {
            "SELECT h.id, h.since, h.until, h.by_id, p.name, h.confirmed_at
             FROM handovers h LEFT JOIN people p ON p.id = h.by_id WHERE h.id = ?1"
        }
        None => {
            "SELECT h.id, h.since, h.until, h.by_id, p.name, h.confirmed_at
             FROM handovers h LEFT JOIN people p ON p.id = h.by_id
             WHERE h.confirmed_at IS NULL AND ?1 IS NULL ORDER BY h.until DESC, h.id DESC LIMIT 1"
        }
    };
    type Row = (
        i64,
        String,
        String,
        Option<i64>,
        Option<String>,
        Option<String>,
    );
    let found: Option<Row> = tx
        .prepare_cached(sql)
        .db("preparing the handover read")?
        .query_row([which], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .optional()
        .db("reading a handover")?;
    let Some((id, since, until, by, by_name, confirmed)) = found else {
        return Err(Error::no_such(
            "没有待确认的交接班",
            "no handover awaits confirmation",
        ));
    };
    if let Some(at) = confirmed {
        return Err(Error::refused(
            format!("该交接班已于 {at} 确认"),
            format!("this handover was confirmed at {at}"),
        ));
    }
    if by == Some(me.id) {
        return Err(Error::refused(
            "接班确认须由接班人进行，交班人不能确认自己的交接班",
            "the incoming officer confirms a handover, not the one who handed over",
        ));
    }
    let now = env.now_str();
    tx.prepare_cached("UPDATE handovers SET confirmed_by = ?2, confirmed_at = ?3 WHERE id = ?1")
        .db("preparing the confirmation")?
        .execute(params![id, me.id, now])
        .db("recording a handover confirmation")?;
    let by_name = by_name.unwrap_or_default();
    audited(
        tx,
        env,
        "handover-confirm",
        "handover",
        id,
        format!("{}接班确认（{by_name}交班，{since} 至 {until}）", me.name),
        format!(
            "{} took over the shift handed over by {by_name} ({since} to {until})",
            me.name
        ),
        None,
        Some(json!({"confirmed_by": me.login, "confirmed_at": now})),
    )
}
