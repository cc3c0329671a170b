//! The one door for every write. A change of state — from the board, the command line, an
//! import, a holiday schedule, the rules' own countersign settlement, `init` or the demo —
//! is a typed [`Command`] performed by [`perform`]: one IMMEDIATE transaction that checks
//! the clock and the identity, resolves the command's targets once ([`resolve`]), asks the
//! role matrix ([`crate::domain::roles`] through [`crate::domain::permission`]), applies the
//! change and writes its audit row ([`crate::store::audit`], one shape for all). Nothing
//! else in the program writes to the database; the migrations are the only other SQL that
//! changes it.
//!
//! The families of commands live one file each: `items/` (documents, supervision items,
//! meetings, topics), `rules/` (the writes the district rules cause), `register/` (the
//! upserts behind imports and the demo), `import`, `calendar`, `setup` (init, demo,
//! administrators).

pub mod audit_log;
pub mod calendar;
mod dispatch;
pub(crate) mod duty;
pub mod floor;
pub mod identity;
pub mod import;
pub(crate) mod items;
pub(crate) mod outcome;
pub mod pick;
mod preview;
mod profile_change;
pub mod recompute;
pub mod register;
pub mod resolve;
pub(crate) mod rules;
pub mod setup;

pub use calendar::CalendarImported;
pub use duty::{HandoverSaved, LogEntry, RotaDay, ToDocument, ToSupervision};
pub use identity::{Identity, os_account};
pub use import::{ImportMode, ImportSource};
pub use outcome::{Detail, Done};
pub use preview::{Moved, preview};
pub use resolve::{Ref, Target, UrgeRef};
pub use rules::{SYSTEM_ACTOR, parse_steps};
pub use setup::DemoOptions;

use crate::calendar::YearSchedule;
use crate::domain::Env;
use crate::domain::roles::Act;
use crate::error::Result;
use crate::store::Store;
use chrono::{NaiveDate, NaiveDateTime};

pub use items::lifecycle::parse_start;
pub use items::receive::Incoming;

/// A leader's act on paper that the office records (代录): whose act, and on which day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnPaper {
    /// The leader who signed or returned (login, name or part of the name).
    pub leader: String,
    /// The day the leader wrote it; not in the future, not before the document arrived.
    pub on: NaiveDate,
}

/// Every change of state the program can make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// 签批 a pending document with an instruction (批示; may be empty for 圈阅). With
    /// `on_paper`, the office records a leader's signature made on paper (代录).
    Sign {
        doc: Ref,
        text: String,
        on_paper: Option<OnPaper>,
    },
    /// 退回 a pending document with a reason; `on_paper` as for [`Command::Sign`].
    Return {
        doc: Ref,
        reason: String,
        on_paper: Option<OnPaper>,
    },
    /// 转送 a pending document to another leader.
    Forward { doc: Ref, to: String, note: String },
    /// 催办 a document or a supervision item.
    Urge { item: UrgeRef, note: String },
    /// Extend a supervision item's deadline.
    Extend {
        sup: Ref,
        to: NaiveDate,
        reason: String,
    },
    /// A progress note on a supervision item.
    Progress { sup: Ref, note: String },
    /// 销号 a supervision item.
    Close { sup: Ref, note: String },
    /// Reopen a closed supervision item.
    Reopen { sup: Ref, reason: String },
    /// Set a supervision item's 回头看 date.
    Recheck { sup: Ref, on: NaiveDate },
    /// Add a topic (议题) to a meeting.
    AddTopic {
        meeting: Ref,
        title: String,
        dept: Option<String>,
    },
    /// Approve a topic.
    ApproveTopic { topic: i64 },
    /// Record a topic's materials as in.
    MaterialsIn { topic: i64 },
    /// A leave request for a meeting.
    Leave {
        meeting: Ref,
        person: String,
        reason: String,
        in_writing: bool,
    },
    /// A meeting's minutes issued (on a day: today when None; not in the future, not
    /// before the meeting).
    MinutesIssued { meeting: Ref, on: Option<NaiveDate> },
    /// A meeting's documents issued (on a day, as for the minutes).
    DocumentsIssued { meeting: Ref, on: Option<NaiveDate> },
    /// 收文登记: register an incoming document; routed by the rules.
    Receive(Box<Incoming>),
    /// A meeting held, at its actual start (now when None; never before the start).
    MeetingHeld {
        meeting: Ref,
        at: Option<NaiveDateTime>,
    },
    /// A meeting cancelled, with the reason.
    MeetingCancel { meeting: Ref, reason: String },
    /// A meeting moved to another start; the deadlines that follow it are recomputed.
    MeetingMove { meeting: Ref, to: NaiveDateTime },
    /// A meeting's minutes drafted, before the chair signs (崆峒 四十七).
    MinutesDrafted { meeting: Ref },
    /// The report after a meeting made to the 区委 and 区人大常委会, the 区政协 informed
    /// (崆峒 四十二).
    MeetingReported { meeting: Ref },
    /// A signed document printed (印制).
    Printed { doc: Ref },
    /// A printed document published (公开).
    Published { doc: Ref },
    /// A meeting's decision as a supervision item.
    Decide {
        meeting: Ref,
        title: String,
        lead: String,
        co: Vec<String>,
        deadline: Option<NaiveDate>,
    },
    /// A step of an investment project's route done (numbered from 1).
    Step { project: Ref, step: usize },
    /// A closed item's 回头看 done.
    Rechecked { sup: Ref, note: String },
    /// Record every countersign request past its limit in silence as 逾期视为无不同意见
    /// where the district says so (the rules' own write, audited as "system").
    Settle,
    /// Import records (JSON Lines or CSV): one file, one transaction.
    Import {
        source: ImportSource,
        mode: ImportMode,
    },
    /// Add or replace a year's official holiday schedule; open deadlines are recomputed.
    CalendarImport {
        schedule: YearSchedule,
        source: String,
    },
    /// Make this empty database a district's: its profile, the account running it as an
    /// administrator, optionally a pinned clock (test and training databases) and an org
    /// chart.
    Init {
        profile: String,
        pinned_clock: bool,
        admins: Vec<String>,
        org: Option<ImportSource>,
    },
    /// Fill an empty database with the demo district (a pinned-clock database).
    Demo { profile: String, opts: DemoOptions },
    /// Make an operating-system account an administrator of this database.
    AddAdmin { account: String },
    /// Move the database to another district profile (administrators; audited; open
    /// deadlines recomputed in the same transaction).
    ChangeProfile { profile: String },
    /// Settled history — signed documents and closed supervision items over ten years —
    /// for measuring the board on a large database (`bench`; training databases only).
    History { count: u64, open: u64 },
    /// 值班日志: record a call, a fax, an incident or a report up.
    LogAdd(LogEntry),
    /// Record a duty log entry (an incident) as reported up: to whom, and when (None: now).
    LogReport {
        entry: Ref,
        to: String,
        at: Option<chrono::NaiveDateTime>,
    },
    /// Turn a duty log entry into a document awaiting approval, keeping the link.
    LogToDocument { entry: Ref, doc: ToDocument },
    /// Turn a duty log entry into a supervision item, keeping the link.
    LogToSupervision { entry: Ref, sup: ToSupervision },
    /// 交班: record the shift's handover report, saved by the caller.
    Handover(HandoverSaved),
    /// 接班确认: the incoming officer confirms a handover (None: the latest unconfirmed).
    HandoverConfirm { handover: Option<i64> },
    /// Set one day of the duty rota (值班 and 带班领导).
    RotaSet(RotaDay),
    /// Import days of the duty rota (CSV), one transaction.
    RotaImport { days: Vec<RotaDay>, source: String },
}

impl Command {
    /// The command's row in the role matrix.
    pub fn act(&self) -> Act {
        match self {
            Command::Sign { on_paper: None, .. } => Act::Sign,
            Command::Sign { .. } => Act::SignOnPaper,
            Command::Return { on_paper: None, .. } => Act::Return,
            Command::Return { .. } => Act::ReturnOnPaper,
            Command::Forward { .. } => Act::Forward,
            Command::Urge { .. } => Act::Urge,
            Command::Extend { .. } => Act::Extend,
            Command::Progress { .. } => Act::Progress,
            Command::Close { .. } => Act::Close,
            Command::Reopen { .. } => Act::Reopen,
            Command::Recheck { .. } => Act::Recheck,
            Command::AddTopic { .. } => Act::AddTopic,
            Command::ApproveTopic { .. } => Act::ApproveTopic,
            Command::MaterialsIn { .. } => Act::MaterialsIn,
            Command::Leave { .. } => Act::Leave,
            Command::MinutesIssued { .. } => Act::MinutesIssued,
            Command::MinutesDrafted { .. } => Act::MinutesDrafted,
            Command::MeetingReported { .. } => Act::MeetingReported,
            Command::DocumentsIssued { .. } => Act::DocumentsIssued,
            Command::Printed { .. } => Act::Printed,
            Command::Published { .. } => Act::Published,
            Command::Decide { .. } => Act::Decide,
            Command::Step { .. } => Act::Step,
            Command::Rechecked { .. } => Act::Rechecked,
            Command::Receive(_) => Act::Receive,
            Command::MeetingHeld { .. } => Act::MeetingHeld,
            Command::MeetingCancel { .. } => Act::MeetingCancel,
            Command::MeetingMove { .. } => Act::MeetingMove,
            Command::Settle => Act::Settle,
            Command::Import {
                mode: ImportMode::Migration,
                ..
            } => Act::MigrationImport,
            Command::Import { .. } | Command::Init { .. } | Command::Demo { .. } => Act::Import,
            Command::CalendarImport { .. } => Act::CalendarImport,
            Command::AddAdmin { .. } => Act::AddAdmin,
            Command::ChangeProfile { .. } => Act::ChangeProfile,
            Command::History { .. } => Act::MigrationImport,
            Command::LogAdd(_) => Act::LogAdd,
            Command::LogReport { .. } => Act::LogReport,
            Command::LogToDocument { .. } => Act::LogToDocument,
            Command::LogToSupervision { .. } => Act::LogToSupervision,
            Command::Handover(_) => Act::Handover,
            Command::HandoverConfirm { .. } => Act::HandoverConfirm,
            Command::RotaSet(_) => Act::RotaSet,
            Command::RotaImport { .. } => Act::RotaImport,
        }
    }
}

/// Performs one command: all of it in one IMMEDIATE transaction with its audit, or
/// nothing. Refusals (rights, state, clock, identity) change nothing.
pub fn perform(store: &mut Store, env: &Env, cmd: &Command) -> Result<Done> {
    tracing::info!(?cmd, actor = %env.actor, account = %env.account, "perform");
    let out = store.write(|tx| {
        if !matches!(cmd, Command::Init { .. } | Command::Demo { .. }) {
            identity::guard(tx, env)?;
        }
        dispatch::run(tx, env, cmd)
    });
    match &out {
        Ok(done) => tracing::info!(entity = done.entity, id = done.id, "{}", done.summary_en),
        Err(e) => tracing::info!("refused or failed: {e}"),
    }
    out
}

/// Whether `env`'s person could perform `cmd` now, without writing: the same identity,
/// clock and rights checks as [`perform`], run in a read transaction. The board asks it
/// before it opens a form, so an action the actor may not take is shown as unavailable
/// with the reason instead of failing after confirmation.
pub fn precheck(store: &mut Store, env: &Env, cmd: &Command) -> Result<()> {
    store.read(|tx| {
        identity::guard(tx, env)?;
        dispatch::authorize(tx, env, cmd)
    })
}
