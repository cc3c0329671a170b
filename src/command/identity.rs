//! Who is acting. The acting person is the operating-system account of the process (its
//! effective uid, looked up in the system's user database — never `$USER`, which anyone
//! can set), mapped by login to a person of the org chart. Acting as somebody else
//! (`--as`) is allowed only on a demo or training database (`init --pinned-clock`), or when
//! the account is an administrator of the database; root is no exception.

use crate::domain::Env;
use crate::error::{DbContext, Error, Result};
use crate::store::meta_get;
use crate::store::people::{self, Person};
use rusqlite::{Connection, OptionalExtension};

/// The operating-system account of this process: the login of its effective uid, or
/// `uid:N` when the user database has no entry for it.
pub fn os_account() -> String {
    let uid = nix::unistd::Uid::effective();
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(u)) => u.name,
        _ => format!("uid:{uid}"),
    }
}

/// Whether the database is a demo or training database: its clock may be pinned for
/// writes and anyone may act as anyone (`demo`, `init --pinned-clock`).
pub fn is_training(conn: &Connection) -> Result<bool> {
    Ok(meta_get(conn, "clock")?.as_deref() == Some("pinned"))
}

/// Whether an operating-system account administers this database.
pub fn is_admin(conn: &Connection, account: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM admins WHERE account = ?1")
        .db("preparing the administrator lookup")?
        .query_row([account], |r| r.get::<_, i64>(0))
        .optional()
        .db("reading the administrators")?
        .is_some())
}

/// Who a process acts as, established once at start (CLI call or board).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The operating-system account.
    pub account: String,
    /// The person acted as: the account's own person, or `--as` where allowed. None: the
    /// account is not on the staff list (a read-only board; writes refused).
    pub person: Option<Person>,
    /// Whether the account administers this database.
    pub admin: bool,
    /// Whether this is a demo or training database.
    pub training: bool,
}

impl Identity {
    /// The login the environment acts under: the person's, else the account itself.
    pub fn login(&self) -> &str {
        self.person
            .as_ref()
            .map(|p| p.login.as_str())
            .unwrap_or(&self.account)
    }
    /// Whether this identity may write at all (a person, or an administrator account).
    pub fn can_write(&self) -> bool {
        self.person.is_some() || self.admin
    }
}

/// The refusal for an account that is not on the staff list.
pub fn unknown_account(account: &str) -> Error {
    Error::refused(
        format!(
            "系统账号“{account}”不在本库人员名单中，只能查看、不能写入。请管理员在人员名单中加入登录名为 {account} 的人员（dutydesk import 人员记录，见 docs/import.md）"
        ),
        format!(
            "the account '{account}' is not on this database's staff list: read only. An administrator adds a person with the login '{account}' (dutydesk import a person record, see docs/import.md)"
        ),
    )
}

/// Establishes who `account` acts as. `requested` is `--as`/`DUTYDESK_AS`: refused unless
/// the database is a demo or training database or the account is an administrator.
pub fn establish(conn: &Connection, account: &str, requested: Option<&str>) -> Result<Identity> {
    let admin = is_admin(conn, account)?;
    let training = is_training(conn)?;
    let requested = requested
        .map(str::trim)
        .filter(|r| !r.is_empty() && *r != account);
    let person = match requested {
        Some(other) => {
            if !(admin || training) {
                return Err(Error::refused(
                    format!(
                        "系统账号“{account}”不是本库管理员，不能以他人身份（--as {other}）操作；演示库和培训库（init --pinned-clock）除外"
                    ),
                    format!(
                        "the account '{account}' is not an administrator of this database and may not act as another person (--as {other}); only demo and training databases (init --pinned-clock) allow it"
                    ),
                ));
            }
            Some(super::resolve::person(conn, other)?)
        }
        None => people::find_by_login(conn, account)?,
    };
    Ok(Identity {
        account: account.to_string(),
        person,
        admin,
        training,
    })
}

/// The checks every write passes at the door, inside its transaction: a pinned clock only
/// on demo and training databases, and acting as another person only where
/// [`establish`] would allow it.
pub(super) fn guard(conn: &Connection, env: &Env) -> Result<()> {
    let training = is_training(conn)?;
    check_clock(conn, &env.clock)?;
    if env.actor != env.account
        && env.actor != super::SYSTEM_ACTOR
        && !training
        && !is_admin(conn, &env.account)?
    {
        return Err(Error::refused(
            format!(
                "系统账号“{}”不是本库管理员，不能以“{}”的身份操作",
                env.account, env.actor
            ),
            format!(
                "the account '{}' is not an administrator of this database and may not act as '{}'",
                env.account, env.actor
            ),
        ));
    }
    Ok(())
}

/// A pinned clock drives writes only on demo and training databases; elsewhere `--today`
/// and `:goto` are what-if views and a write under them is refused.
pub fn check_clock(conn: &Connection, clock: &crate::clock::Clock) -> Result<()> {
    if clock.is_pinned() && !is_training(conn)? {
        return Err(Error::refused(
            "指定日期（--today 或 :goto）只用于查看；本库的写入一律使用实际日期，请去掉 --today（看板上 :goto 回到今天）",
            "a pinned date (--today or :goto) is a what-if view: writes to this database use the real date; drop --today (on the board, :goto today)",
        ));
    }
    // A pinned day outside the calendar's years would store dates no reader can use.
    if clock.is_pinned() && !crate::clock::in_range(clock.today()) {
        return Err(Error::refused(
            format!(
                "指定日期 {} 超出支持的年份 {}–{}，只能用于查看，不能写入",
                clock.today(),
                crate::clock::FIRST_YEAR,
                crate::clock::LAST_YEAR
            ),
            format!(
                "the pinned date {} is outside the supported years {}–{}: a view only, no writes",
                clock.today(),
                crate::clock::FIRST_YEAR,
                crate::clock::LAST_YEAR
            ),
        ));
    }
    Ok(())
}

/// The person acting in `env`, or the refusal naming the account and how it is added.
pub(super) fn person(conn: &Connection, env: &Env) -> Result<Person> {
    people::find_by_login(conn, &env.actor)?.ok_or_else(|| unknown_account(&env.actor))
}

/// The acting person if any, and whether the account administers the database.
pub(super) fn actor_or_admin(conn: &Connection, env: &Env) -> Result<(Option<Person>, bool)> {
    Ok((
        people::find_by_login(conn, &env.actor)?,
        is_admin(conn, &env.account)?,
    ))
}
