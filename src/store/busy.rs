//! Classifying SQLite's failures so each is said as what it is: another writer holding the
//! lock (wait and retry), a full disk, a read-only file or directory.

use crate::error::Error;
use rusqlite::ErrorCode;

fn code(e: &rusqlite::Error) -> Option<(ErrorCode, i32)> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => Some((f.code, f.extended_code)),
        _ => None,
    }
}

/// Another connection holds the lock.
pub fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        code(e),
        Some((ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked, _))
    )
}

/// The disk (or the database's page limit) is full.
pub fn is_full(e: &rusqlite::Error) -> bool {
    matches!(code(e), Some((ErrorCode::DiskFull, _)))
}

/// The file or its directory cannot be written.
pub fn is_readonly_place(e: &rusqlite::Error) -> bool {
    matches!(
        code(e),
        Some((ErrorCode::ReadOnly | ErrorCode::CannotOpen, _))
    )
}

/// The SQLite error inside a core error, if any.
pub fn sqlite(e: &Error) -> Option<&rusqlite::Error> {
    match e {
        Error::Db { source, .. } => Some(source),
        _ => None,
    }
}

/// Whether a core error is the database being busy.
pub fn error_is_busy(e: &Error) -> bool {
    sqlite(e).is_some_and(is_busy)
}

/// Whether a core error is a full disk.
pub fn error_is_full(e: &Error) -> bool {
    sqlite(e).is_some_and(is_full)
}

/// Whether a core error is a read-only file or directory.
pub fn error_is_readonly(e: &Error) -> bool {
    sqlite(e).is_some_and(is_readonly_place)
}

/// A user-facing message for the failures worth naming, in the user's language; None
/// for the others (shown as they are).
pub fn explain(e: &Error, lang: crate::i18n::Lang) -> Option<String> {
    if error_is_busy(e) {
        Some(
            lang.pick(
                "数据库正忙（另一位同事或导入正在写入），操作未执行；请稍后重试",
                "the database is busy (a colleague or an import is writing); nothing was done — try again shortly",
            )
            .to_string(),
        )
    } else if error_is_full(e) {
        Some(
            lang.pick(
                "磁盘已满：操作未执行，数据库未改动；请腾出空间后重试",
                "the disk is full: nothing was done and the database is unchanged; free some space and try again",
            )
            .to_string(),
        )
    } else if error_is_readonly(e) {
        Some(
            lang.pick(
                "数据库文件或其目录只读：可以查看，不能写入",
                "the database file or its directory is read-only: it can be read, not written",
            )
            .to_string(),
        )
    } else {
        None
    }
}
