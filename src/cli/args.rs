//! The command line's shape: the global flags, every subcommand and its arguments (clap),
//! and the parsers of the values they take. What each subcommand does is in its own file.

use super::*;
use crate::clock;
use crate::i18n::Lang;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// dutydesk (值班台): the duty board of a district government.
#[derive(Debug, Parser)]
#[command(name = "dutydesk", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command that parses `args` as the full one does, built in part: the global flags
    /// and the family of the subcommand the command line names. Anything it does not parse
    /// (help, a version, a mistake, another family's word) is parsed again by the full
    /// command, whose answers are the ones shown.
    pub(crate) fn quick_command(subcommand: Option<&str>) -> clap::Command {
        use clap::Args as _;
        let root = Global::augment_args(clap::Command::new("dutydesk"));
        match subcommand {
            Some(name) => Command::with_family_of(root, name),
            None => root,
        }
    }
}

/// The flags every subcommand takes.
#[derive(Debug, clap::Args)]
pub struct Global {
    /// The database file (default: in the platform's data directory).
    #[arg(long, global = true, env = "DUTYDESK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Pin today's date (YYYY-MM-DD) for every computation.
    #[arg(long, global = true, env = "DUTYDESK_TODAY", value_name = "DATE", value_parser = parse_today_arg)]
    pub today: Option<NaiveDate>,
    /// Interface language (default zh, or the config file's `lang`).
    #[arg(long, global = true, env = "DUTYDESK_LANG", value_enum)]
    pub lang: Option<Lang>,
    /// District profile: a built-in id (xinzhou, huancui, kongtong, dongchang, huarong) or a path to a TOML file.
    #[arg(long, global = true, env = "DUTYDESK_PROFILE", value_name = "ID|PATH")]
    pub profile: Option<String>,
    /// Act as this person (login or name). The default is the operating-system account's
    /// person; acting as another is for administrators and demo/training databases only.
    #[arg(long = "as", global = true, env = "DUTYDESK_AS", value_name = "LOGIN")]
    pub actor: Option<String>,
}

/// Parses a date argument (clap names the argument in its error), in the language the
/// command line asked for (`help_zh::PARSE_LANG`, known before parsing).
pub(crate) fn parse_date_arg(s: &str) -> Result<NaiveDate, String> {
    let parsed = clock::parse_date("", s).and_then(|d| clock::check_range("", d));
    parsed.map_err(|e| match e {
        crate::Error::Unclear { zh, en } => match help_zh::PARSE_LANG.get() {
            Some(Lang::En) => en.trim_start_matches(": ").to_string(),
            _ => zh.trim_start_matches('：').to_string(),
        },
        other => other.to_string(),
    })
}

/// Parses `--today`: any year for a what-if read; writes check the range at the door.
pub(crate) fn parse_today_arg(s: &str) -> Result<NaiveDate, String> {
    clock::parse_view_date("--today", s)
        .map_err(|e| e.localized(help_zh::PARSE_LANG.get().copied().unwrap_or_default()))
}

/// What `list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListWhat {
    /// Documents awaiting approval (待批公文).
    Approvals,
    /// Supervision items (督办事项).
    Supervision,
    /// Meetings (会议).
    Meetings,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
}

/// The subcommands, by family. A command line builds only the family of the subcommand it
/// names (see `help_zh::parse`): building every subcommand's arguments was a sixth of a
/// quick command's start-up. `--help` lists them family by family.
#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(flatten)]
    Start(Start),
    #[command(flatten)]
    Read(Read),
    #[command(flatten)]
    Reports(Reports),
    #[command(flatten)]
    Register(Register),
    #[command(flatten)]
    Act(super::actions::ItemAction),
    #[command(flatten)]
    Duty(Duty),
    #[command(flatten)]
    Upkeep(Upkeep),
}

impl Command {
    /// `root` with the family of subcommands `name` belongs to; `root` alone for a name
    /// that is none.
    pub(crate) fn with_family_of(root: clap::Command, name: &str) -> clap::Command {
        use clap::Subcommand as _;
        match name {
            n if Start::has_subcommand(n) => Start::augment_subcommands(root),
            n if Read::has_subcommand(n) => Read::augment_subcommands(root),
            n if Reports::has_subcommand(n) => Reports::augment_subcommands(root),
            n if Register::has_subcommand(n) => Register::augment_subcommands(root),
            n if super::actions::ItemAction::has_subcommand(n) => {
                super::actions::ItemAction::augment_subcommands(root)
            }
            n if Duty::has_subcommand(n) => Duty::augment_subcommands(root),
            n if Upkeep::has_subcommand(n) => Upkeep::augment_subcommands(root),
            _ => root,
        }
    }
}

/// The board, and a database to open it on.
#[derive(Debug, Subcommand)]
pub enum Start {
    /// Open the live board (the default).
    Board,
    /// Create an empty database for a district (needs --profile); the account running it
    /// becomes its first administrator.
    Init {
        /// An org chart to import (JSON Lines or CSV, see docs/import.md).
        #[arg(long, value_name = "FILE")]
        org: Option<PathBuf>,
        /// A test or training database: --today may drive writes and anyone may --as anyone.
        #[arg(long)]
        pinned_clock: bool,
        /// More administrator accounts (repeat or separate with commas).
        #[arg(long, value_name = "ACCOUNT", value_delimiter = ',')]
        admin: Vec<String>,
        /// The officers' group on a shared server: it gets the directory (mode 2770) and
        /// the database files (0660). See docs/deploy.md.
        #[arg(long, value_name = "GROUP")]
        group: Option<String>,
    },
    /// Make a fresh demo district and open the board on it (never the real database).
    Demo {
        /// Scale: 1 is a realistic district; larger multiplies the items.
        #[arg(long, default_value_t = 1)]
        size: u32,
        /// Random seed, so the same seed gives the same district.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Print the summary only, do not open the board.
        #[arg(long)]
        no_board: bool,
    },
}

/// What is open, due and owed, and the rules: reads, which change nothing.
#[derive(Debug, Subcommand)]
pub enum Read {
    /// List approvals, supervision items or meetings.
    List {
        what: ListWhat,
        /// Only overdue items.
        #[arg(long)]
        overdue: bool,
        /// Only items due within N working days (overdue included).
        #[arg(long, value_name = "N")]
        due_within: Option<i64>,
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
        /// Print only the number of items.
        #[arg(long)]
        count: bool,
        #[command(flatten)]
        history: list_history::HistoryArgs,
    },
    /// List every current violation, warning and notice of the district's rules. Exit
    /// code: 0 clean, 3 when there are violations (or warnings too, with --fail-on warning).
    Check {
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
        /// The least severity that makes the exit code 3.
        #[arg(long, value_enum, default_value = "violation")]
        fail_on: check::FailOn,
    },
    /// Print the district profile's rules with their articles.
    Rules,
}

/// Reports for others: the 督查通报, the duty digest, the calendar of meetings.
#[derive(Debug, Subcommand)]
pub enum Reports {
    /// The 督查通报 of a period: on-time rates, lateness in working days, traffic lights,
    /// the weekly overdue trend and document approval time, with the method stated.
    Report {
        /// A month (2026-11), a quarter (2026Q4), a year (2026) or FROM..TO; default: this month.
        #[arg(long, value_name = "PERIOD")]
        period: Option<String>,
        /// Group by lead department, leader or source (documents: sender, leader, urgency).
        #[arg(long, value_enum, default_value = "dept")]
        by: crate::store::report::GroupBy,
        #[arg(long, value_enum, default_value = "markdown")]
        format: crate::report::Format,
        /// gbk writes GB18030, which Excel on a Chinese Windows opens directly.
        #[arg(long, value_enum, default_value = "utf8")]
        encoding: crate::report::Encoding,
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Counts, overdue items, today's meetings and duty, yesterday's log, for cron and mail.
    /// Exit code 3 when something is overdue.
    Digest {
        #[arg(long, value_enum, default_value = "text")]
        format: shift_args::ReportFormat,
    },
    /// Meetings (and optionally deadlines) as an iCalendar feed (RFC 5545).
    Ics(ics::IcsArgs),
}

/// Documents and meetings entered.
#[derive(Debug, Subcommand)]
pub enum Register {
    /// 收文登记: register an incoming document; it is routed by the district's rules and
    /// shown with its deadline and why it went to its leader. Needs the government office.
    Receive(receive::ReceiveArgs),
    /// A meeting's life: held, cancelled, moved; minutes and documents issued on a day;
    /// topics and leave requests.
    Meeting {
        #[command(subcommand)]
        cmd: meeting::MeetingCmd,
    },
}

/// The duty: its log, the handover between shifts and the rota.
#[derive(Debug, Subcommand)]
pub enum Duty {
    /// The duty log (值班日志): calls, faxes, incidents, reports up.
    Log {
        #[command(subcommand)]
        cmd: log::LogCmd,
    },
    /// The shift's handover report (交接班): printed, saved and recorded; `handover confirm`
    /// is the incoming officer's 接班确认.
    #[command(args_conflicts_with_subcommands = true)]
    Handover {
        #[command(subcommand)]
        cmd: Option<handover::HandoverCmd>,
        #[command(flatten)]
        args: handover::HandoverArgs,
    },
    /// The duty rota (值班表).
    Rota {
        #[command(subcommand)]
        cmd: rota::RotaCmd,
    },
}

/// Data in and out, the calendar, the audit and the database's care.
#[derive(Debug, Subcommand)]
pub enum Upkeep {
    /// Import records (JSON Lines or CSV); a whole file is one transaction. Needs the
    /// government office or an administrator.
    Import {
        file: PathBuf,
        /// Records carrying later states (signed, returned, closed, issued): administrators only.
        #[arg(long)]
        migration: bool,
    },
    /// Export everything (JSON Lines by default) to stdout or a file.
    Export {
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        /// The CSV's encoding: utf-8 (default) or gbk (GB18030, what Excel opens in zh-CN).
        #[arg(long, value_enum, default_value = "utf-8")]
        encoding: export::Encoding,
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The official working-day calendar.
    Calendar {
        #[command(subcommand)]
        cmd: CalendarCmd,
    },
    /// The audit log, oldest first; `audit verify` checks it against its hash chain.
    #[command(args_conflicts_with_subcommands = true)]
    Audit {
        #[command(subcommand)]
        cmd: Option<audit::AuditCmd>,
        #[command(flatten)]
        list: audit::ListArgs,
    },
    /// Record every countersign request past its reply limit unanswered as 逾期视为无不同意见
    /// where the district counts silence as consent (for cron; uses the real date).
    Settle,
    /// Copy the database to DEST while others keep working, then verify the copy
    /// (integrity check and audit chain).
    Backup { dest: PathBuf },
    /// Check the database's health and say what to do; exit code 3 when anything needs
    /// action (for cron).
    Doctor {
        #[arg(long)]
        json: bool,
    },
    /// Administrators of this database (operating-system accounts).
    Admin {
        #[command(subcommand)]
        cmd: AdminCmd,
    },
    /// Measure the board's work on a large district (a demo plus settled history).
    Bench(bench::Options),
    /// Measures a board's memory for `bench` (a board's life in brief, then its peak
    /// resident memory in MiB).
    #[command(hide = true)]
    BenchProbe,
}
