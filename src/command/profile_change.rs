//! `Command::ChangeProfile`: an administrator moves the database to another district
//! profile. The one way the profile changes after `init` — `--profile` on any other
//! command must match the recorded one — so it is explicit and audited, and every open
//! item's deadlines are recomputed under the new rules in the same transaction.

use super::identity;
use super::outcome::{Detail, Done, Record};
use super::recompute;
use super::setup::set_meta;
use crate::domain::Env;
use crate::domain::permission::refusal;
use crate::domain::roles::Act;
use crate::error::{Error, Result};
use crate::profile::Profile;
use crate::store::meta_get;
use rusqlite::Connection;

pub(super) fn change(tx: &Connection, env: &Env, to: &str) -> Result<Done> {
    if !identity::is_admin(tx, &env.account)? {
        return Err(refusal(Act::ChangeProfile, None));
    }
    let from = meta_get(tx, "profile")?.unwrap_or_default();
    if from == to {
        return Err(Error::refused(
            format!("本库已使用区情规则 {to}"),
            format!("the database already uses the profile {to}"),
        ));
    }
    let profile = Profile::resolve(to)?;
    set_meta(tx, "profile", to)?;
    let env = Env {
        profile: profile.into(),
        ..env.clone()
    };
    let n = recompute::open_items(tx, &env)?;
    let mut done = Record {
        action: "profile-change",
        entity: "database",
        id: 0,
        zh: format!("区情规则由 {from} 改为 {to}，重新计算 {} 项期限", n.total()),
        en: format!(
            "changed the profile from {from} to {to}; {} deadlines recomputed",
            n.total()
        ),
        before: Some(serde_json::json!({"profile": from})),
        after: Some(serde_json::json!({"profile": to, "recomputed": n.total()})),
        acted_for: None,
    }
    .commit(tx, &env)?;
    done.detail = Detail::None;
    Ok(done)
}
