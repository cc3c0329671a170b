//! After signing: printing and publishing deadlines of signed documents (崆峒 五十三),
//! each governing documents signed (printed) from the rule's effective date on.

use super::{Finding, ItemRef, RuleRef, Severity, day_after, due_after, finding, late_by, past};
use crate::clock::fmt_date;
use crate::domain::{Deadline, Env};
use chrono::NaiveDate;

/// A signed document still owing printing or publishing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedDoc {
    pub item: ItemRef,
    pub signed_on: NaiveDate,
    pub printed_on: Option<NaiveDate>,
    pub published_on: Option<NaiveDate>,
    /// Only a public (公开) document is published online.
    pub public: bool,
}

/// When a document signed on `signed_on` must be printed (None where the profile sets no
/// limit).
pub fn print_deadline(env: &Env, signed_on: NaiveDate) -> Option<Deadline> {
    let p = env.profile.documents.print_after_sign.as_ref()?;
    Some(Deadline {
        due: due_after(env, signed_on, p)?,
        rule: "documents.print_after_sign".into(),
        article: Some(p.article.clone()),
    })
}

/// When a document printed on `printed_on` must be published online (None where the
/// profile sets no limit).
pub fn publish_deadline(env: &Env, printed_on: NaiveDate) -> Option<Deadline> {
    let p = env.profile.documents.publish_after_print.as_ref()?;
    Some(Deadline {
        due: due_after(env, printed_on, p)?,
        rule: "documents.publish_after_print".into(),
        article: Some(p.article.clone()),
    })
}

/// Printing and publishing deadlines missed.
pub fn after_signing(env: &Env, d: &SignedDoc) -> Vec<Finding> {
    let mut out = Vec::new();
    let rules = &env.profile.documents;
    // A rule with an effective date governs documents signed (printed) from that day on.
    let from = |p: &Option<crate::profile::Period>, day| {
        p.as_ref()
            .is_some_and(|p| crate::profile::in_force(p.effective, day))
    };
    let owed = match d.printed_on {
        None if from(&rules.print_after_sign, d.signed_on) => {
            print_deadline(env, d.signed_on).map(|dl| (dl, true))
        }
        Some(printed)
            if d.public
                && d.published_on.is_none()
                && from(&rules.publish_after_print, printed) =>
        {
            publish_deadline(env, printed).map(|dl| (dl, false))
        }
        _ => None,
    };
    if let Some((dl, printing)) = owed.filter(|(dl, _)| past(env, dl.due)) {
        let (lz, le) = late_by(env, dl.due);
        let (wz, we) = if printing {
            ("印制", "printed")
        } else {
            ("在门户网站公开", "published online")
        };
        out.push(finding(
            Severity::Violation,
            &RuleRef::new(dl.rule, dl.article.as_deref()),
            &d.item,
            day_after(dl.due),
            format!("已签发公文应于 {} 前{wz}，{lz}", fmt_date(dl.due)),
            format!(
                "the signed document was to be {we} by {}; {le}",
                fmt_date(dl.due)
            ),
        ));
    }
    out
}
