//! The command line: global flags, the subcommand table, and the context each subcommand
//! runs in. Each subcommand lives in its own file and is a thin caller of the core.

pub mod actions;
pub mod admin;
mod args;
pub mod audit;
pub mod backup;
pub mod bench;
pub mod board;
pub mod calendar;
pub mod calendar_cmd;
pub mod calendar_import;
pub mod check;
pub mod demo;
pub mod digest;
mod dispatch;
pub mod doctor;
pub mod exit;
pub mod export;
pub mod handover;
pub mod help_zh;
pub mod help_zh_text;
pub mod ics;
pub mod import;
pub mod init;
pub mod list;
pub mod list_history;
pub mod log;
pub mod meeting;
pub mod receive;
pub mod report;
pub mod rota;
pub mod rules;
pub mod settle;
pub mod shift_args;

pub use admin::AdminCmd;
pub(crate) use args::parse_date_arg;
pub use args::{
    Cli, Command, Duty, Format, Global, ListWhat, Read, Register, Reports, Start, Upkeep,
};
pub use calendar_cmd::CalendarCmd;

use crate::clock::Clock;
use crate::command::{Done, Identity, identity, os_account};
use crate::config::Config;
use crate::domain::Env;
use crate::i18n::Lang;
use crate::profile::Profile;
use crate::store::{self, Store};
use anyhow::{Result, anyhow};
use std::path::PathBuf;

/// Everything a subcommand needs from the command line, environment and config.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub clock: Clock,
    pub db: PathBuf,
    pub profile: Option<String>,
    pub actor: Option<String>,
    pub config: Config,
}

impl Ctx {
    /// Builds the context: flags win over environment, environment over config.
    pub fn new(cli: &Cli, config: Config) -> Ctx {
        Ctx {
            lang: cli.global.lang.or(config.lang).unwrap_or_default(),
            clock: cli
                .global
                .today
                .map(Clock::pinned)
                .unwrap_or_else(Clock::system),
            db: cli
                .global
                .db
                .clone()
                .or_else(|| config.db.clone())
                .unwrap_or_else(crate::paths::default_db),
            profile: cli.global.profile.clone(),
            actor: cli.global.actor.clone(),
            config,
        }
    }

    /// Opens the existing database (every command but `init` and `demo`): a missing path
    /// or a file that is not a dutydesk database is an error, and nothing is created.
    pub fn open_store(&self) -> Result<Store> {
        Store::open_existing(&self.db).map_err(|e| exit::from_core(e, self.lang))
    }

    /// Opens the database at the path, creating it (`init`).
    pub fn create_store(&self) -> Result<Store> {
        Store::open(&self.db).map_err(|e| exit::from_core(e, self.lang))
    }

    /// Who this process acts as on `store`: the operating-system account's person, or
    /// `--as` where the database allows it (refused otherwise, naming the account).
    pub fn identity(&self, store: &Store) -> Result<Identity> {
        identity::establish(store.conn(), &os_account(), self.actor.as_deref())
            .map_err(|e| anyhow!(e.localized(self.lang)))
    }

    /// Opens the database for a read (`list`, `check`, `export`): read-only where it can
    /// be (see [`Store::open_read_only`]).
    pub fn open_store_read_only(&self) -> Result<Store> {
        Store::open_read_only(&self.db).map_err(|e| exit::from_core(e, self.lang))
    }

    /// The profile in force: `--profile`, else the one the database was made for, else
    /// the config file's.
    pub fn profile(&self, store: &Store) -> Result<Profile> {
        let recorded = store::meta_get(store.conn(), "profile")?;
        // The database's deadlines were computed under its recorded profile: another one
        // given on the command line would silently judge them by other rules. Changing it
        // is `dutydesk admin profile ID` (administrators; audited; deadlines recomputed).
        if let (Some(given), Some(recorded)) = (&self.profile, &recorded) {
            if given != recorded {
                return Err(anyhow!(
                    "{}",
                    self.lang.pick(
                        &format!("本库的区情规则是 {recorded}，不能用 --profile {given} 操作；更换规则请管理员运行 dutydesk admin profile {given}"),
                        &format!("this database's profile is {recorded}, not {given}: drop --profile (an administrator changes it with dutydesk admin profile {given})"),
                    )
                ));
            }
        }
        let chosen = match &self.profile {
            Some(p) => Some(p.clone()),
            None => recorded.or_else(|| self.config.profile.clone()),
        };
        let chosen = chosen.ok_or_else(|| {
            anyhow!("no district profile: run `dutydesk init --profile ID` or pass --profile")
        })?;
        Ok(Profile::resolve(&chosen)?)
    }

    /// The environment for a listing, which records nothing and names no one: the
    /// operating-system account is not looked up (a user-database lookup was a fortieth
    /// of `list --count`); `--as` still names the actor.
    pub fn listing_env(&self, store: &Store) -> Result<Env> {
        let actor = self.actor.clone().unwrap_or_default();
        Ok(Env::new(
            self.profile(store)?,
            store.calendar()?,
            self.clock,
            actor,
        ))
    }

    /// The environment for reads on this store (no identity needed: reads change nothing).
    pub fn env(&self, store: &Store) -> Result<Env> {
        let account = os_account();
        let actor = self.actor.clone().unwrap_or_else(|| account.clone());
        Ok(
            Env::new(self.profile(store)?, store.calendar()?, self.clock, actor)
                .with_account(account),
        )
    }

    /// The environment for a write: the established identity acting.
    pub fn acting_env(&self, store: &Store) -> Result<Env> {
        let id = self.identity(store)?;
        Ok(Env::new(
            self.profile(store)?,
            store.calendar()?,
            self.clock,
            id.login(),
        )
        .with_account(id.account.clone()))
    }

    /// Performs one command with the established identity and prints its summary.
    pub fn perform(&self, store: &mut Store, cmd: &crate::command::Command) -> Result<Done> {
        // The clock first: a pinned date on a real database is refused whoever acts.
        identity::check_clock(store.conn(), &self.clock)
            .map_err(|e| anyhow!(e.localized(self.lang)))?;
        let env = self.acting_env(store)?;
        // Each attempt waits at most the whole bound (so a short bound is honoured).
        store.set_busy_timeout(cli_wait().clamp(
            std::time::Duration::from_millis(100),
            crate::store::BUSY_TIMEOUT,
        ))?;
        // Another writer (an import) may hold the lock for longer than SQLite's own wait:
        // wait on, saying so, up to a bound; then exit with the busy code, nothing written.
        let started = std::time::Instant::now();
        loop {
            match crate::command::perform(store, &env, cmd) {
                Err(e)
                    if crate::store::busy::error_is_busy(&e) && started.elapsed() < cli_wait() =>
                {
                    eprintln!(
                        "{}",
                        self.lang.pick(
                            &format!("等待数据库… {} 秒", started.elapsed().as_secs()),
                            &format!(
                                "waiting for the database… {} s",
                                started.elapsed().as_secs()
                            ),
                        )
                    );
                }
                other => return other.map_err(|e| exit::from_core(e, self.lang)),
            }
        }
    }
}

/// An exit code other than 0 or 1 chosen by a subcommand whose output is already printed
/// (`check`: 3 when there are violations).
#[derive(Debug)]
pub struct Exit(pub u8);

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit {}", self.0)
    }
}

impl std::error::Error for Exit {}

/// Runs the parsed command line.
pub fn run(cli: Cli, ctx: Ctx) -> Result<()> {
    // Every text output passes through one sanitising writer (crate::safe_write).
    let out = &mut crate::safe_write::SafeWriter::new(std::io::stdout().lock());
    match cli.command.unwrap_or(Command::Start(Start::Board)) {
        Command::Start(c) => dispatch::start(&ctx, c, out),
        Command::Read(c) => dispatch::read(&ctx, c, out),
        Command::Reports(c) => dispatch::reports(&ctx, c, out),
        Command::Register(Register::Receive(args)) => receive::run(&ctx, args, out),
        Command::Register(Register::Meeting { cmd }) => meeting::run(&ctx, cmd, out),
        Command::Act(c) => actions::run(&ctx, c, out),
        Command::Duty(c) => dispatch::duty(&ctx, c, out),
        Command::Upkeep(c) => dispatch::upkeep(&ctx, c, out),
    }
}

/// How long a CLI write waits for a busy database in all (`DUTYDESK_WAIT_SECS`, default
/// 120 s), on top of each attempt's own busy timeout.
fn cli_wait() -> std::time::Duration {
    let secs = std::env::var("DUTYDESK_WAIT_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(120);
    std::time::Duration::from_secs(secs)
}
