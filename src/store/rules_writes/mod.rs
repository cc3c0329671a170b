//! The writes the district rules cause, each in one transaction with its audit entry:
//! countersign requests recorded as 逾期视为无不同意见 when the reply limit passes in
//! silence ([`settle_countersigns`], by "system"), printing and publishing after signing
//! ([`mark_printed`], [`mark_published`], 崆峒 五十三), a meeting's decisions becoming
//! supervision items ([`record_decision`], 环翠 54, 崆峒 四十七, 华容 五十) and the steps of
//! an investment project's route ([`step_done`], 信州 三十二), and a 回头看 re-check done
//! ([`recheck_done`], 环翠 70).

mod countersigns;
mod decisions;
mod documents;
mod investment;
mod lookup;
mod recheck;

pub use countersigns::{SYSTEM_ACTOR, settle, settle_countersigns};
pub use decisions::record_decision;
pub use documents::{mark_printed, mark_published};
pub use investment::{parse_steps, recompute_fund_deadlines, step_done};
pub use lookup::{department_id, meeting_id, project_id};
pub use recheck::recheck_done;

use crate::domain::Env;
use crate::error::{Error, Result};
use crate::store::audit::{self, Entry};
use crate::store::people::{self, Person};
use rusqlite::Connection;

pub use crate::store::actions::Done;

/// The acting person, who must work in the government office for these writes.
fn office_actor(conn: &Connection, env: &Env, zh_verb: &str, en_verb: &str) -> Result<Person> {
    let me = people::person_by_login(conn, &env.actor)?;
    if me.role.is_office() {
        Ok(me)
    } else {
        Err(Error::refused(
            format!("只有区政府办公室可以{zh_verb}"),
            format!("only the government office may {en_verb}"),
        ))
    }
}

/// "（第五十三条）" / " (art. 53)" for a rule's article, or nothing.
fn cite(article: Option<&str>) -> (String, String) {
    match article {
        Some(a) => crate::domain::deadline::article_suffix(a),
        None => (String::new(), String::new()),
    }
}

/// One audit entry and the [`Done`] that reports it.
#[allow(clippy::too_many_arguments)]
fn audited(
    conn: &Connection,
    env: &Env,
    action: &str,
    entity: &'static str,
    id: i64,
    zh: String,
    en: String,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<Done> {
    audit::record(
        conn,
        &Entry {
            actor: &env.actor,
            os_account: &env.account,
            acted_for: None,
            business_date: env.business_date().as_deref(),
            action,
            entity,
            entity_id: Some(id),
            summary: &zh,
            before: before.as_ref(),
            after: after.as_ref(),
        },
    )?;
    tracing::info!(action, entity, id, actor = %env.actor, "{en}");
    Ok(Done {
        entity,
        id,
        summary_zh: zh,
        summary_en: en,
    })
}
