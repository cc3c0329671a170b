//! From a [`Command`] to the family function that performs it: targets resolved once,
//! then the family checks the item's state and the person's rights and applies the change.
//! [`authorize`] runs the same resolution and rights checks without applying anything.

use super::resolve::{self, Target};
use super::{Command, Done, duty, identity, import, items, rules, setup};
use crate::domain::Env;
use crate::domain::permission::{self, Relation};
use crate::domain::roles::{self, Act};
use crate::error::Result;
use crate::store::meta_get;
use rusqlite::Connection;

/// Performs `cmd` inside the caller's transaction.
pub(super) fn run(tx: &Connection, env: &Env, cmd: &Command) -> Result<Done> {
    match cmd {
        Command::Sign {
            doc,
            text,
            on_paper,
        } => {
            let id = resolve::document(tx, doc)?;
            rules::settle_document(tx, env, id)?;
            match on_paper {
                None => items::sign(tx, env, id, text),
                Some(p) => items::decide::sign_on_paper(tx, env, id, text, p),
            }
        }
        Command::Return {
            doc,
            reason,
            on_paper,
        } => {
            let id = resolve::document(tx, doc)?;
            rules::settle_document(tx, env, id)?;
            match on_paper {
                None => items::return_document(tx, env, id, reason),
                Some(p) => items::decide::return_on_paper(tx, env, id, reason, p),
            }
        }
        Command::Forward { doc, to, note } => {
            let id = resolve::document(tx, doc)?;
            rules::settle_document(tx, env, id)?;
            // Anyone is looked up, so naming a non-leader gets the rule's own refusal.
            let to = resolve::person(tx, to)?;
            items::forward(tx, env, id, &to.login, note)
        }
        Command::Urge { item, note } => {
            let target = resolve::urge_target(tx, item)?;
            if let Target::Document(id) = target {
                rules::settle_document(tx, env, id)?;
            }
            items::urge(tx, env, target, note)
        }
        Command::Extend { sup, to, reason } => {
            items::extend(tx, env, resolve::supervision(tx, sup)?, *to, reason)
        }
        Command::Progress { sup, note } => {
            items::add_progress(tx, env, resolve::supervision(tx, sup)?, note)
        }
        Command::Close { sup, note } => items::close(tx, env, resolve::supervision(tx, sup)?, note),
        Command::Reopen { sup, reason } => {
            items::reopen(tx, env, resolve::supervision(tx, sup)?, reason)
        }
        Command::Recheck { sup, on } => {
            items::set_recheck(tx, env, resolve::supervision(tx, sup)?, *on)
        }
        Command::AddTopic {
            meeting,
            title,
            dept,
        } => {
            let m = resolve::meeting(tx, meeting)?;
            let dept = dept
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(|d| resolve::department(tx, d))
                .transpose()?;
            items::add_topic(tx, env, m, title, dept)
        }
        Command::ApproveTopic { topic } => items::approve_topic(tx, env, *topic),
        Command::MaterialsIn { topic } => items::topic_materials_in(tx, env, *topic),
        Command::Leave {
            meeting,
            person,
            reason,
            in_writing,
        } => {
            let m = resolve::meeting(tx, meeting)?;
            let p = resolve::person_among(tx, person, resolve::Among::Members(m))?;
            items::request_leave(tx, env, m, &p.login, reason, *in_writing)
        }
        Command::MinutesIssued { meeting, on } => {
            items::minutes_issued(tx, env, resolve::meeting(tx, meeting)?, *on)
        }
        Command::MinutesDrafted { meeting } => {
            items::meeting_duties::minutes_drafted(tx, env, resolve::meeting(tx, meeting)?)
        }
        Command::MeetingReported { meeting } => {
            items::meeting_duties::reported(tx, env, resolve::meeting(tx, meeting)?)
        }
        Command::DocumentsIssued { meeting, on } => {
            items::documents_issued(tx, env, resolve::meeting(tx, meeting)?, *on)
        }
        Command::Receive(inc) => {
            require(tx, env, Act::Receive)?;
            items::receive::receive(tx, env, inc)
        }
        Command::MeetingHeld { meeting, at } => {
            items::lifecycle::held(tx, env, resolve::meeting(tx, meeting)?, *at)
        }
        Command::MeetingCancel { meeting, reason } => {
            items::lifecycle::cancel(tx, env, resolve::meeting(tx, meeting)?, reason)
        }
        Command::MeetingMove { meeting, to } => {
            items::lifecycle::move_to(tx, env, resolve::meeting(tx, meeting)?, *to)
        }
        Command::Printed { doc } => rules::mark_printed(tx, env, resolve::document(tx, doc)?),
        Command::Published { doc } => rules::mark_published(tx, env, resolve::document(tx, doc)?),
        Command::Decide {
            meeting,
            title,
            lead,
            co,
            deadline,
        } => {
            let m = resolve::meeting(tx, meeting)?;
            let lead = resolve::department(tx, lead)?;
            let co = co
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .map(|c| resolve::department(tx, c))
                .collect::<Result<Vec<_>>>()?;
            rules::record_decision(tx, env, m, title, lead, &co, *deadline)
        }
        Command::Step { project, step } => {
            let id = resolve::project(tx, project)?;
            // Steps are numbered from 1, as people count them.
            let Some(index) = step.checked_sub(1) else {
                return Err(crate::Error::refused(
                    "步骤从 1 开始编号",
                    "steps are numbered from 1",
                ));
            };
            rules::step_done(tx, env, id, index)
        }
        Command::Rechecked { sup, note } => {
            rules::recheck_done(tx, env, resolve::supervision(tx, sup)?, note)
        }
        Command::Settle => settle(tx, env),
        Command::Import { source, mode } => import::perform(tx, env, source, *mode),
        Command::CalendarImport { schedule, source } => {
            require(tx, env, Act::CalendarImport)?;
            let has_profile = meta_get(tx, "profile")?.is_some();
            super::calendar::perform(tx, env, schedule, source, has_profile)
        }
        Command::Init {
            profile,
            pinned_clock,
            admins,
            org,
        } => setup::init(tx, env, profile, *pinned_clock, admins, org.as_ref()),
        Command::Demo { profile, opts } => setup::demo(tx, env, profile, *opts),
        Command::AddAdmin { account } => setup::add_admin(tx, env, account),
        Command::ChangeProfile { profile } => super::profile_change::change(tx, env, profile),
        Command::History { count, open } => setup::history(tx, env, *count, *open),
        Command::LogAdd(e) => duty::add_entry(tx, env, e),
        Command::LogReport { entry, to, at } => {
            duty::report_up(tx, env, duty::resolve_entry(tx, entry)?, to, *at)
        }
        Command::LogToDocument { entry, doc } => {
            duty::to_document(tx, env, duty::resolve_entry(tx, entry)?, doc)
        }
        Command::LogToSupervision { entry, sup } => {
            duty::to_supervision(tx, env, duty::resolve_entry(tx, entry)?, sup)
        }
        Command::Handover(h) => duty::save_handover(tx, env, h),
        Command::HandoverConfirm { handover } => duty::confirm_handover(tx, env, *handover),
        Command::RotaSet(d) => duty::set_rota(tx, env, d),
        Command::RotaImport { days, source } => duty::import_rota(tx, env, days, source),
    }
}

/// `settle`: anyone on the staff list, or an administrator; audited as "system".
fn settle(tx: &Connection, env: &Env) -> Result<Done> {
    require(tx, env, Act::Settle)?;
    let n = rules::settle(tx, env)?;
    Ok(Done {
        entity: "database",
        id: 0,
        summary_zh: format!("登记逾期视为无不同意见的会签 {n} 件"),
        summary_en: format!("recorded {n} silent countersign request(s) as deemed no objection"),
        detail: super::Detail::Settled(n),
    })
}

/// The role-level check for commands on the whole database: the acting person's role, or
/// the account's administrator status, must be granted `act`.
pub(super) fn require(tx: &Connection, env: &Env, act: Act) -> Result<()> {
    let (me, admin) = identity::actor_or_admin(tx, env)?;
    if roles::possible(me.as_ref().map(|p| p.role), admin, act) {
        Ok(())
    } else if me.is_none() && !admin {
        Err(identity::unknown_account(&env.actor))
    } else {
        Err(permission::refusal(act, None))
    }
}

/// Whether `env`'s person could perform `cmd` now: the target resolved, the item's state
/// and the rights checked as [`run`] would, nothing written. Free-text fields are not
/// looked at (the form has not been filled yet).
pub(super) fn authorize(tx: &Connection, env: &Env, cmd: &Command) -> Result<()> {
    let act = cmd.act();
    match cmd {
        Command::Sign {
            doc,
            on_paper: None,
            ..
        }
        | Command::Return {
            doc,
            on_paper: None,
            ..
        }
        | Command::Forward { doc, .. } => {
            let id = resolve::document(tx, doc)?;
            items::documents::authorize(tx, env, id, act)
        }
        Command::Sign { doc, .. } | Command::Return { doc, .. } => {
            let id = resolve::document(tx, doc)?;
            items::documents::authorize(tx, env, id, act)
        }
        Command::Progress { sup, .. } => {
            let id = resolve::supervision(tx, sup)?;
            let me = identity::person(tx, env)?;
            let (lead, co) = items::supervision::departments(tx, id)?;
            let rel = Relation {
                lead: Some(lead),
                co: &co,
                ..Relation::default()
            };
            permission::check(&me.who(), act, rel, None).map(|_| ())
        }
        Command::ApproveTopic { topic } => {
            let me = identity::person(tx, env)?;
            let chair = items::topics::chair_of(tx, *topic)?;
            permission::may_approve_topic(&me.who(), chair).map(|_| ())
        }
        Command::MeetingHeld { meeting, .. }
        | Command::MeetingCancel { meeting, .. }
        | Command::MeetingMove { meeting, .. } => {
            let id = resolve::meeting(tx, meeting)?;
            let me = identity::person(tx, env)?;
            items::lifecycle::authorize(tx, &me, id, act)
        }
        _ => require(tx, env, act),
    }
}
