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
mod recheck;

pub(crate) use countersigns::settle_document;
pub use countersigns::{SYSTEM_ACTOR, settle};
pub(crate) use decisions::record_decision;
pub(crate) use documents::{mark_printed, mark_published};
pub use investment::parse_steps;
pub(crate) use investment::{recompute_fund_deadlines, step_done};
pub(crate) use recheck::recheck_done;

use super::outcome::Done;

pub(super) use super::outcome::{audited, office_actor};

/// "（第五十三条）" / " (art. 53)" for a rule's article, or nothing.
fn cite(article: Option<&str>) -> (String, String) {
    match article {
        Some(a) => crate::domain::deadline::article_suffix(a),
        None => (String::new(), String::new()),
    }
}
