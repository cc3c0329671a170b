//! A database's health, for `dutydesk backup` and `dutydesk doctor`: a consistent copy
//! taken while others write (`VACUUM INTO` runs in one read transaction, so it holds
//! every committed action, the WAL's included), and the checks an office runs from cron.
//! Everything here only reads the live database.

use super::file::with_companions;
use super::{Store, audit, migrations};
use crate::domain::Env;
use crate::error::{DbContext, Error, IoContext, Result};
use crate::i18n::Lang;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

/// What a backup wrote and found.
#[derive(Debug, Clone)]
pub struct Backup {
    pub bytes: u64,
    pub audit_rows: i64,
}

/// Copies a consistent snapshot of `store` to `dest` (which must not exist), then checks
/// the copy: SQLite's integrity check and the audit chain. A copy that fails a check is
/// removed and the failure returned.
pub fn backup(store: &Store, dest: &Path) -> Result<Backup> {
    if dest.exists() {
        return Err(Error::refused(
            format!("{} 已存在；备份不覆盖已有文件", dest.display()),
            format!(
                "{} exists; a backup never overwrites a file",
                dest.display()
            ),
        ));
    }
    store
        .conn()
        .execute("VACUUM INTO ?1", [dest.to_string_lossy()])
        .db(format!("copying the database to {}", dest.display()))?;
    std::fs::set_permissions(dest, std::fs::Permissions::from_mode(0o640)).at_path(dest)?;
    let verified = verify_copy(dest);
    if verified.is_err() {
        let _ = std::fs::remove_file(dest);
    }
    let audit_rows = verified?;
    let bytes = std::fs::metadata(dest).at_path(dest)?.len();
    Ok(Backup { bytes, audit_rows })
}

/// The integrity check and the audit chain of a copy; the number of audit rows.
fn verify_copy(dest: &Path) -> Result<i64> {
    let copy = Store::open_read_only(dest)?;
    let integrity = integrity(copy.conn())?;
    if integrity != "ok" {
        return Err(Error::invalid(
            dest.display().to_string(),
            format!("the copy fails SQLite's integrity check: {integrity}"),
        ));
    }
    let v = audit::verify(copy.conn())?;
    match v.problem {
        None => Ok(v.rows),
        Some(p) => Err(Error::invalid(
            dest.display().to_string(),
            format!("the copy's audit chain is broken: {}", p.en),
        )),
    }
}

/// `PRAGMA integrity_check`: "ok", or the first problems joined.
pub fn integrity(conn: &rusqlite::Connection) -> Result<String> {
    let mut stmt = conn
        .prepare("PRAGMA integrity_check(20)")
        .db("preparing the integrity check")?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .db("running the integrity check")?
        .collect::<std::result::Result<_, _>>()
        .db("running the integrity check")?;
    Ok(rows.join("; "))
}

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    /// Works, but someone should act (a missing calendar year, a loose file mode).
    Warn,
    /// Broken: act now.
    Fail,
}

/// One of doctor's checks.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Check {
    pub name: &'static str,
    pub status: Status,
    pub zh: String,
    pub en: String,
}

impl Check {
    fn new(
        name: &'static str,
        status: Status,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Check {
        Check {
            name,
            status,
            zh: zh.into(),
            en: en.into(),
        }
    }
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// A WAL larger than this means checkpoints are being held off (a reader kept open).
pub const WAL_WARN_BYTES: u64 = 64 << 20;

/// Every check on the database at `path` opened as `store`; `env` for the calendar;
/// `profile_arg` the `--profile` given, if any.
pub fn doctor(
    store: &Store,
    path: &Path,
    env: &Env,
    profile_arg: Option<&str>,
) -> Result<Vec<Check>> {
    let conn = store.conn();
    let mut out = Vec::new();
    let integrity = integrity(conn)?;
    out.push(if integrity == "ok" {
        Check::new("integrity", Status::Ok, "完整性检查通过", "integrity check ok")
    } else {
        Check::new(
            "integrity",
            Status::Fail,
            format!("完整性检查失败：{integrity}。停止写入，用最近一次备份恢复（dutydesk backup 的文件）"),
            format!("integrity check failed: {integrity}. Stop writing and restore the latest backup (made by dutydesk backup)"),
        )
    });
    let version = migrations::version(conn)?;
    out.push(if version == migrations::LATEST {
        Check::new(
            "schema",
            Status::Ok,
            format!("数据库结构版本 {version}"),
            format!("schema version {version}"),
        )
    } else {
        Check::new(
            "schema",
            Status::Warn,
            format!(
                "数据库结构版本 {version}，本程序为 {}；运行任一写命令即升级",
                migrations::LATEST
            ),
            format!(
                "schema version {version}, this dutydesk writes {}; any write command upgrades it",
                migrations::LATEST
            ),
        )
    });
    let v = audit::verify(conn)?;
    out.push(match v.problem {
        None => Check::new("audit", Status::Ok, format!("审计链完整：{} 条", v.rows), format!("audit chain intact: {} rows", v.rows)),
        Some(p) => Check::new(
            "audit",
            Status::Fail,
            format!("审计链被破坏：{}。保全现场，报告管理员（dutydesk audit verify）", p.zh),
            format!("audit chain broken: {}. Keep the file as it is and report it (dutydesk audit verify)", p.en),
        ),
    });
    out.push(modes(path));
    out.push(wal(path));
    out.push(calendar(conn, env)?);
    out.push(profile(conn, profile_arg)?);
    let unreadable = super::compliance::unreadable::all(conn, env.today())?;
    out.push(if unreadable.is_empty() {
        Check::new(
            "rows",
            Status::Ok,
            "所有在办事项均可识读",
            "every open item is readable",
        )
    } else {
        let ids: Vec<&str> = unreadable.iter().map(|f| f.item.ext_id.as_str()).collect();
        Check::new(
            "rows",
            Status::Warn,
            format!(
                "{} 条在办事项的日期无法识读（{}）；更正或重新导入",
                ids.len(),
                ids.join(", ")
            ),
            format!(
                "{} open item(s) have unreadable dates ({}); correct or re-import them",
                ids.len(),
                ids.join(", ")
            ),
        )
    });
    Ok(out)
}

fn modes(path: &Path) -> Check {
    let mut loose = Vec::new();
    let mut closed = Vec::new();
    let mut groups = std::collections::BTreeSet::new();
    for p in with_companions(path) {
        let Ok(m) = std::fs::metadata(&p) else {
            continue;
        };
        let mode = m.mode() & 0o777;
        groups.insert(m.gid());
        if mode & 0o002 != 0 {
            loose.push(format!("{} {mode:o}", p.display()));
        } else if mode & 0o060 != 0o060 {
            closed.push(format!("{} {mode:o}", p.display()));
        }
    }
    if !loose.is_empty() {
        return Check::new(
            "modes",
            Status::Fail,
            format!("任何账户都可写：{}；运行 chmod 660", loose.join(", ")),
            format!(
                "writable by every account: {}; run chmod 660",
                loose.join(", ")
            ),
        );
    }
    if groups.len() > 1 {
        return Check::new(
            "modes",
            Status::Warn,
            "数据库与 -wal/-shm 属于不同的组；chgrp 为值班组（见 docs/deploy.md）",
            "the database and its -wal/-shm belong to different groups; chgrp them to the officers' group (docs/deploy.md)",
        );
    }
    if !closed.is_empty() {
        return Check::new(
            "modes",
            Status::Warn,
            format!(
                "同组其他值班员不能写：{}；运行 chmod 660（见 docs/deploy.md）",
                closed.join(", ")
            ),
            format!(
                "other officers of the group cannot write: {}; run chmod 660 (docs/deploy.md)",
                closed.join(", ")
            ),
        );
    }
    Check::new(
        "modes",
        Status::Ok,
        "文件权限为组内可读写",
        "file modes: group read-write",
    )
}

fn wal(path: &Path) -> Check {
    let [_, wal, _] = with_companions(path);
    let size = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    if size > WAL_WARN_BYTES {
        Check::new(
            "wal",
            Status::Warn,
            format!(
                "WAL 文件 {} MB：有看板或脚本长时间占用读事务；关闭长时间未用的看板",
                size >> 20
            ),
            format!(
                "WAL file is {} MB: a board or script holds a read open for long; close idle boards",
                size >> 20
            ),
        )
    } else {
        Check::new(
            "wal",
            Status::Ok,
            format!("WAL 文件 {} KB", size >> 10),
            format!("WAL file {} KB", size >> 10),
        )
    }
}

fn calendar(conn: &rusqlite::Connection, env: &Env) -> Result<Check> {
    let years: Vec<i32> = conn
        .prepare(
            "SELECT DISTINCT CAST(substr(due, 1, 4) AS INTEGER) FROM documents WHERE state = '待批' AND due IS NOT NULL
             UNION SELECT DISTINCT CAST(substr(deadline, 1, 4) AS INTEGER) FROM supervision WHERE state = '办理中'",
        )
        .db("preparing the calendar coverage query")?
        .query_map([], |r| r.get(0))
        .db("reading the years of open deadlines")?
        .collect::<std::result::Result<_, _>>()
        .db("reading the years of open deadlines")?;
    let missing: Vec<String> = years
        .into_iter()
        .filter(|y| !env.calendar.has_schedule(*y))
        .map(|y| y.to_string())
        .collect();
    Ok(if missing.is_empty() {
        Check::new(
            "calendar",
            Status::Ok,
            "在办期限所在年份均有官方日历",
            "every open deadline's year has an official calendar",
        )
    } else {
        Check::new(
            "calendar",
            Status::Warn,
            format!(
                "在办期限落在没有官方日历的年份：{}；国务院通知发布后用 dutydesk calendar import 导入",
                missing.join(", ")
            ),
            format!(
                "open deadlines fall in years with no official calendar: {}; import the State Council's schedule with dutydesk calendar import",
                missing.join(", ")
            ),
        )
    })
}

fn profile(conn: &rusqlite::Connection, arg: Option<&str>) -> Result<Check> {
    let Some(recorded) = super::meta_get(conn, "profile")? else {
        return Ok(Check::new(
            "profile",
            Status::Fail,
            "数据库未记录区情规则；重新 init",
            "the database records no profile; init it again",
        ));
    };
    if let Err(e) = crate::profile::Profile::resolve(&recorded) {
        return Ok(Check::new(
            "profile",
            Status::Fail,
            format!("区情规则 {recorded} 无法加载：{e}"),
            format!("the profile {recorded} cannot be loaded: {e}"),
        ));
    }
    Ok(match arg.filter(|a| *a != recorded) {
        Some(a) => Check::new(
            "profile",
            Status::Warn,
            format!("配置或 --profile 指定 {a}，数据库为 {recorded}；去掉该设置"),
            format!(
                "the config or --profile names {a} but the database is {recorded}; remove that setting"
            ),
        ),
        None => Check::new(
            "profile",
            Status::Ok,
            format!("区情规则 {recorded}"),
            format!("profile {recorded}"),
        ),
    })
}
