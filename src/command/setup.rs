//! Setting a database up: `init` (a district's empty database, its first administrator,
//! optionally a pinned clock for tests and training, and its org chart), the demo district,
//! more administrators, and settled history for benchmarks.

use super::identity;
use super::import::{self, ImportMode, ImportSource};
use super::outcome::{Detail, Done, Record};
use super::register::Audit;
use crate::domain::Env;
use crate::domain::permission::refusal;
use crate::domain::roles::Act;
use crate::error::{DbContext, Error, Result};
use crate::store::meta_get;
use rusqlite::{Connection, OptionalExtension, params};

/// How big a demo district to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    /// 1 is a realistic district; larger multiplies the items.
    pub size: u32,
    pub seed: u64,
}

/// Writes a `meta` value.
pub(crate) fn set_meta(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO meta(key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )
    .db("preparing the meta update")?
    .execute([key, value])
    .db(format!("writing meta '{key}'"))?;
    Ok(())
}

/// What makes a database not new, if anything: a recorded profile or any records.
pub fn holds_data(conn: &Connection) -> Result<Option<(String, String)>> {
    if let Some(p) = meta_get(conn, "profile")? {
        return Ok(Some((
            format!("它已属于区情规则“{p}”"),
            format!("it was made for the profile '{p}'"),
        )));
    }
    for (table, sql) in [
        ("departments", "SELECT 1 FROM departments LIMIT 1"),
        ("people", "SELECT 1 FROM people LIMIT 1"),
        ("documents", "SELECT 1 FROM documents LIMIT 1"),
        ("supervision", "SELECT 1 FROM supervision LIMIT 1"),
        ("meetings", "SELECT 1 FROM meetings LIMIT 1"),
    ] {
        let any: Option<i64> = conn
            .prepare_cached(sql)
            .db("preparing the emptiness check")?
            .query_row([], |r| r.get(0))
            .optional()
            .db("checking whether the database is empty")?;
        if any.is_some() {
            return Ok(Some((
                format!("它已有数据（{table}）"),
                format!("it has {table}"),
            )));
        }
    }
    Ok(None)
}

fn must_be_new(conn: &Connection) -> Result<()> {
    match holds_data(conn)? {
        Some((zh, en)) => Err(Error::refused(
            format!("{zh}；init 只用于新建数据库，添加记录请用 dutydesk import"),
            format!("{en}; init only makes a new database — use `dutydesk import` to add records"),
        )),
        None => Ok(()),
    }
}

fn add_admin_row(conn: &Connection, account: &str, by: &str) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "INSERT INTO admins(account, added_at, added_by) VALUES (?1, ?2, ?3)
             ON CONFLICT(account) DO NOTHING",
        )
        .db("preparing the administrator insert")?
        .execute(params![account, crate::store::audit::now_utc(), by])
        .db(format!("adding the administrator '{account}'"))?;
    Ok(n > 0)
}

/// `init`: the profile, the administrators (the account running it first), a pinned clock
/// when asked, and the org chart — together, so a bad org file leaves the database new.
pub(super) fn init(
    tx: &Connection,
    env: &Env,
    profile: &str,
    pinned_clock: bool,
    admins: &[String],
    org: Option<&ImportSource>,
) -> Result<Done> {
    must_be_new(tx)?;
    if env.clock.is_pinned() && !pinned_clock {
        return Err(Error::refused(
            "只有测试或培训库（init --pinned-clock）才能指定日期（--today）",
            "only a test or training database (init --pinned-clock) may have a pinned date (--today)",
        ));
    }
    set_meta(tx, "profile", profile)?;
    if pinned_clock {
        set_meta(tx, "clock", "pinned")?;
    }
    let me = env.account.as_str();
    add_admin_row(tx, me, me)?;
    for a in admins {
        add_admin_row(tx, a.trim(), me)?;
    }
    // The org chart is the first import: the account running init is its administrator.
    let imported = match org {
        Some(src) => Some(import::run(
            tx,
            env,
            src,
            ImportMode::Ordinary,
            Audit::Each,
        )?),
        None => None,
    };
    let kind = if pinned_clock {
        (
            "（测试/培训库，可指定日期）",
            " (test/training database, pinned clock allowed)",
        )
    } else {
        ("", "")
    };
    let mut done = Record {
        action: "init",
        entity: "database",
        id: 0,
        zh: format!("新建数据库，区情规则 {profile}{}，管理员 {me}", kind.0),
        en: format!(
            "created the database for the profile {profile}{}, administrator {me}",
            kind.1
        ),
        before: None,
        after: Some(
            serde_json::json!({"profile": profile, "pinned_clock": pinned_clock, "admins": admins}),
        ),
        acted_for: None,
    }
    .commit(tx, env)?;
    if let Some(s) = imported {
        done.detail = Detail::Imported(s);
    }
    Ok(done)
}

/// The demo district, on an empty database, as a training database with a pinned clock.
pub(super) fn demo(tx: &Connection, env: &Env, profile: &str, opts: DemoOptions) -> Result<Done> {
    must_be_new(tx)?;
    set_meta(tx, "profile", profile)?;
    set_meta(tx, "clock", "pinned")?;
    set_meta(
        tx,
        "demo",
        &format!("seed={} size={}", opts.seed, opts.size.max(1)),
    )?;
    let n = crate::demo::fill(tx, env, opts)?;
    Record {
        action: "demo",
        entity: "database",
        id: 0,
        zh: format!(
            "载入演示区：{n} 条记录（种子 {}，规模 {}）",
            opts.seed,
            opts.size.max(1)
        ),
        en: format!(
            "demo district loaded: {n} records (seed {}, size {})",
            opts.seed,
            opts.size.max(1)
        ),
        before: None,
        after: None,
        acted_for: None,
    }
    .commit(tx, env)
}

/// Makes an operating-system account an administrator (administrators only).
pub(super) fn add_admin(tx: &Connection, env: &Env, account: &str) -> Result<Done> {
    if !identity::is_admin(tx, &env.account)? {
        return Err(refusal(Act::AddAdmin, None));
    }
    let account = account.trim();
    if account.is_empty() || account.chars().any(char::is_control) {
        return Err(Error::refused(
            "请填写系统账号名",
            "an account name is required",
        ));
    }
    if !add_admin_row(tx, account, &env.account)? {
        return Err(Error::refused(
            format!("“{account}”已是管理员"),
            format!("'{account}' is already an administrator"),
        ));
    }
    Record {
        action: "admin-add",
        entity: "database",
        id: 0,
        zh: format!("{}添加管理员 {account}", env.account),
        en: format!("{} added the administrator {account}", env.account),
        before: None,
        after: Some(serde_json::json!({"admin": account})),
        acted_for: None,
    }
    .commit(tx, env)
}

/// Clears the 带班 leader of a day of the rota (the demo's holiday without one).
pub(crate) fn clear_duty_leader(conn: &Connection, day: &str) -> Result<()> {
    conn.prepare_cached("UPDATE duty_rota SET leader_id = NULL WHERE day = ?1")
        .db("preparing the rota change")?
        .execute([day])
        .db("clearing a day's leader on duty")?;
    Ok(())
}

/// Settled history written straight in SQL (it only has to exist, be indexed and be
/// skipped by the panes): `count` items over ten years — 45 % signed documents, 45 %
/// closed supervision items, 10 % held meetings with their minutes issued — plus `open`
/// items still in work (half pending documents, half open supervision items, due from
/// six weeks ago to five months ahead), the load of a big intake. Training databases
/// only; one audit row for the batch.
pub(super) fn history(tx: &Connection, env: &Env, count: u64, open: u64) -> Result<Done> {
    if !identity::is_training(tx)? {
        return Err(Error::refused(
            "历史数据只能写入演示或培训库",
            "settled history is for demo and training databases only",
        ));
    }
    let meetings = (count / 10) as i64;
    let docs = ((count - count / 10) / 2) as i64;
    let sups = count as i64 - meetings - docs;
    tx.execute(
        "WITH RECURSIVE k(i) AS (SELECT 1 WHERE ?1 > 0 UNION ALL SELECT i + 1 FROM k WHERE i < ?1)
         INSERT INTO documents(ext_id, title, kind, urgency, from_dept, received, state, due,
                               signed_on, updated_at, imported_settled)
         SELECT 'H-D-' || i, '历史公文 ' || i, '请示', '一般',
                (SELECT min(id) FROM departments) + i % (SELECT count(*) FROM departments),
                date('2016-01-01', '+' || (i % 3600) || ' days'), '已签批',
                date('2016-01-20', '+' || (i % 3600) || ' days'),
                date('2016-01-10', '+' || (i % 3600) || ' days'), '2016-01-01 00:00:00', 1
         FROM k",
        [docs],
    )
    .db("adding document history")?;
    tx.execute(
        "WITH RECURSIVE k(i) AS (SELECT 1 WHERE ?1 > 0 UNION ALL SELECT i + 1 FROM k WHERE i < ?1)
         INSERT INTO supervision(ext_id, title, source, lead_dept, assigned, deadline, state,
                                 closed_on, updated_at, imported_settled)
         SELECT 'H-S-' || i, '历史督办 ' || i, '会议决定',
                (SELECT min(id) FROM departments) + i % (SELECT count(*) FROM departments),
                date('2016-01-01', '+' || (i % 3600) || ' days'),
                date('2016-03-01', '+' || (i % 3600) || ' days'), '已销号',
                date('2016-02-20', '+' || (i % 3600) || ' days'), '2016-01-01 00:00:00', 1
         FROM k",
        [sups],
    )
    .db("adding supervision history")?;
    tx.execute(
        "WITH RECURSIVE k(i) AS (SELECT 1 WHERE ?1 > 0 UNION ALL SELECT i + 1 FROM k WHERE i < ?1)
         INSERT INTO meetings(ext_id, title, kind, start_at, place, chair_id, state,
                              minutes_due, minutes_issued_on, updated_at, imported_settled)
         SELECT 'H-M-' || i, '历史会议 ' || i, '专题会议',
                date('2016-01-04', '+' || (i % 3600) || ' days') || ' 09:00', '第一会议室',
                (SELECT min(id) FROM people), '已召开',
                date('2016-01-09', '+' || (i % 3600) || ' days'),
                date('2016-01-08', '+' || (i % 3600) || ' days'), '2016-01-01 00:00:00', 1
         FROM k",
        [meetings],
    )
    .db("adding meeting history")?;
    open_load(tx, env, open)?;
    // Table and index sizes for the planner (`sqlite_stat1`), without STAT4's table:
    // every connection loads the samples at open (about 3 ms for each `dutydesk` call on
    // this history; an empty table still costs two queries), while the query planner
    // stability guarantee (`store::tune`) keeps plans from depending on bound values,
    // which is what the samples are for.
    tx.execute_batch("ANALYZE; DROP TABLE IF EXISTS sqlite_stat4;")
        .db("analyzing")?;
    Record {
        action: "history",
        entity: "database",
        id: 0,
        zh: format!("写入历史数据 {count} 条（已签批公文、已销号督办、已召开会议），在办 {open} 条"),
        en: format!(
            "added {count} settled items of history (signed documents, closed supervision items, held meetings) and {open} open items"
        ),
        before: None,
        after: Some(serde_json::json!({"documents": docs, "supervision": sups, "meetings": meetings, "open": open})),
        acted_for: None,
    }
    .commit(tx, env)
}

/// The open load of [`history`]: pending documents routed to the district's leaders with
/// every urgency, and open supervision items led by its departments, with titles drawn
/// from ten subjects (so a filter matches a tenth of them).
fn open_load(tx: &Connection, env: &Env, open: u64) -> Result<()> {
    if open == 0 {
        return Ok(());
    }
    let today = crate::clock::fmt_date(env.today());
    let docs = (open / 2) as i64;
    let sups = open as i64 - docs;
    // Numbering continues after an earlier load, so loads can be stacked.
    let start: i64 = tx
        .query_row(
            "SELECT count(*) FROM documents WHERE ext_id GLOB 'L-D-*'",
            [],
            |r| r.get(0),
        )
        .db("counting earlier loads")?;
    let start_s: i64 = tx
        .query_row(
            "SELECT count(*) FROM supervision WHERE ext_id GLOB 'L-S-*'",
            [],
            |r| r.get(0),
        )
        .db("counting earlier loads")?;
    const SUBJECTS: &str =
        "w(j, word) AS (VALUES (0, '审计整改'), (1, '安全生产'), (2, '防汛抗旱'),
        (3, '招商引资'), (4, '老旧小区改造'), (5, '营商环境'), (6, '乡村振兴'), (7, '信访稳定'),
        (8, '财政预算'), (9, '教育布局'))";
    tx.execute(
        &format!(
            "WITH RECURSIVE k(i) AS (SELECT ?3 + 1 WHERE ?1 > 0 UNION ALL SELECT i + 1 FROM k WHERE i < ?3 + ?1),
             {SUBJECTS},
             l(n, id) AS (SELECT row_number() OVER (ORDER BY id) - 1, id FROM people
                          WHERE role IN ('区长', '常务副区长', '副区长'))
             INSERT INTO documents(ext_id, doc_no, title, kind, urgency, from_dept, received,
                                   state, due, due_rule, leader_id, updated_at)
             SELECT 'L-D-' || i, '区发〔2026〕' || i || '号', '关于' || w.word || '工作的请示（' || i || '）',
                    '请示',
                    CASE i % 20 WHEN 0 THEN '特急重要' WHEN 1 THEN '特急' WHEN 2 THEN '加急'
                                WHEN 3 THEN '加急' ELSE '一般' END,
                    (SELECT min(id) FROM departments) + i % (SELECT count(*) FROM departments),
                    date(?2, '-' || (i % 60) || ' days'), '待批',
                    date(?2, printf('%+d days', i % 200 - 40)), 'given',
                    (SELECT id FROM l WHERE l.n = i % (SELECT count(*) FROM l)),
                    '2026-01-01 00:00:00'
             FROM k JOIN w ON w.j = i % 10"
        ),
        rusqlite::params![docs, today, start],
    )
    .db("adding open documents")?;
    tx.execute(
        &format!(
            "WITH RECURSIVE k(i) AS (SELECT ?3 + 1 WHERE ?1 > 0 UNION ALL SELECT i + 1 FROM k WHERE i < ?3 + ?1),
             {SUBJECTS}
             INSERT INTO supervision(ext_id, title, source, lead_dept, assigned, deadline,
                                     deadline_rule, state, updated_at)
             SELECT 'L-S-' || i, '落实' || w.word || '任务（' || i || '）', '会议决定',
                    (SELECT min(id) FROM departments) + i % (SELECT count(*) FROM departments),
                    date(?2, '-' || (i % 90) || ' days'),
                    date(?2, printf('%+d days', i % 200 - 40)), 'given', '办理中',
                    '2026-01-01 00:00:00'
             FROM k JOIN w ON w.j = i % 10"
        ),
        rusqlite::params![sups, today, start_s],
    )
    .db("adding open supervision items")?;
    Ok(())
}
