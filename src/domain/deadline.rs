//! Deadlines: every due date the board shows is computed here, from the district profile
//! and the official calendar, and carries the rule (profile key) and article behind it.
//!
//! Where a district's rules set no limit, the code falls back to a documented dutydesk
//! default (see [`DEFAULTS`]); such a deadline has no article and is shown as a default.

use super::{Env, MeetingKind, SupSource, Urgency};
use crate::calendar::Calendar;
use crate::i18n::Lang;
use crate::profile::Period;
use chrono::{Months, NaiveDate};
use serde::Serialize;

/// A due date with the rule that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub due: NaiveDate,
    /// The profile key ("documents.countersign_reply") or "default.…" for a fallback.
    pub rule: String,
    /// The article of the district's rules; None for a dutydesk default.
    pub article: Option<String>,
}

impl Deadline {
    /// "documents.countersign_reply (二十七)" / "default.supervision_limit (dutydesk default)".
    pub fn cite(&self, lang: Lang) -> String {
        cite(&self.rule, self.article.as_deref(), lang)
    }
}

pub use super::cite::{article_label, article_suffix, chinese_number, cite};

/// A fallback used where the district's rules are silent.
pub struct Default {
    pub rule: &'static str,
    pub period: Span,
    pub why: &'static str,
}

/// A span of time without an article (for defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Workdays(u32),
    Days(u32),
    Months(u32),
}

/// The dutydesk defaults, listed so `rules` and the docs can show them.
pub const DEFAULTS: &[Default] = &[
    Default {
        rule: "default.approval_limits.normal",
        period: Span::Workdays(14),
        why: "approval limit for 一般 documents where the district sets none",
    },
    Default {
        rule: "default.approval_limits.urgent",
        period: Span::Workdays(7),
        why: "approval limit for 加急 documents where the district sets none",
    },
    Default {
        rule: "default.approval_limits.very_urgent",
        period: Span::Workdays(5),
        why: "approval limit for 特急 documents where the district sets none",
    },
    Default {
        rule: "default.approval_limits.critical",
        period: Span::Workdays(3),
        why: "approval limit for 特急重要 documents where the district sets none",
    },
    Default {
        rule: "default.countersign_reply",
        period: Span::Workdays(7),
        why: "countersign reply limit where the district sets none",
    },
    Default {
        rule: "default.proposal_limit",
        period: Span::Months(3),
        why: "limit for 人大建议/政协提案 counted from assignment",
    },
    Default {
        rule: "default.supervision_limit",
        period: Span::Workdays(20),
        why: "limit for a supervision item imported without a deadline",
    },
    Default {
        rule: "default.materials_lead",
        period: Span::Days(1),
        why: "topics and papers due before the meeting",
    },
    Default {
        rule: "default.minutes_within",
        period: Span::Workdays(5),
        why: "minutes owed after a meeting",
    },
    Default {
        rule: "default.documents_within",
        period: Span::Workdays(5),
        why: "documents decided at a meeting owed after it",
    },
];

fn default_span(rule: &str) -> Span {
    DEFAULTS
        .iter()
        .find(|d| d.rule == rule)
        .map(|d| d.period)
        .unwrap_or(Span::Workdays(5))
}

fn span_of(p: &Period) -> Span {
    if let Some(n) = p.workdays {
        Span::Workdays(n)
    } else if let Some(n) = p.days {
        Span::Days(n)
    } else {
        Span::Months(p.months.unwrap_or(0))
    }
}

/// `start` moved forward by `span` (a period of working days starts the day after).
pub fn after(cal: &Calendar, start: NaiveDate, span: Span) -> NaiveDate {
    match span {
        Span::Workdays(n) => cal.add_workdays(start, i64::from(n)),
        Span::Days(n) => start + chrono::Days::new(u64::from(n)),
        Span::Months(n) => start.checked_add_months(Months::new(n)).unwrap_or(start),
    }
}

/// `end` moved back by `span` (the latest day something is due before `end`).
pub fn before(cal: &Calendar, end: NaiveDate, span: Span) -> NaiveDate {
    match span {
        Span::Workdays(n) => cal.add_workdays(end, -i64::from(n)),
        Span::Days(n) => end - chrono::Days::new(u64::from(n)),
        Span::Months(n) => end.checked_sub_months(Months::new(n)).unwrap_or(end),
    }
}

/// Resolves a rule: the profile's period under `key`, else the named default.
fn resolve(p: Option<&Period>, key: String, default_rule: &str) -> (Span, String, Option<String>) {
    match p {
        Some(p) => (span_of(p), key, Some(p.article.clone())),
        None => (default_span(default_rule), default_rule.to_string(), None),
    }
}

fn urgency_key(u: Urgency) -> &'static str {
    match u {
        Urgency::Normal => "normal",
        Urgency::Urgent => "urgent",
        Urgency::VeryUrgent => "very_urgent",
        Urgency::Critical => "critical",
    }
}

/// When a document received on `received` must be approved.
pub fn approval(env: &Env, urgency: Urgency, received: NaiveDate) -> Deadline {
    let l = &env.profile.documents.approval_limits;
    let p = match urgency {
        Urgency::Normal => l.normal.as_ref(),
        Urgency::Urgent => l.urgent.as_ref(),
        Urgency::VeryUrgent => l.very_urgent.as_ref(),
        Urgency::Critical => l.critical.as_ref(),
    };
    let k = urgency_key(urgency);
    // Where the district sets no limit by urgency but clears papers the same day (崆峒
    // 五十四), that is the district's own limit: the day received, carried over to the
    // next working day at most ("原则上").
    let same_day = env.profile.documents.same_day_clearance.as_ref();
    let (span, rule, article) = match (p, same_day) {
        (None, Some(sd)) => (
            span_of(sd),
            "documents.same_day_clearance".to_string(),
            Some(sd.article.clone()),
        ),
        _ => resolve(
            p,
            format!("documents.approval_limits.{k}"),
            &format!("default.approval_limits.{k}"),
        ),
    };
    Deadline {
        due: after(&env.calendar, received, span),
        rule,
        article,
    }
}

/// When a countersign request sent on `requested` must be answered.
pub fn countersign(env: &Env, requested: NaiveDate) -> Deadline {
    let (span, rule, article) = resolve(
        env.profile.documents.countersign_reply.as_ref(),
        "documents.countersign_reply".into(),
        "default.countersign_reply",
    );
    Deadline {
        due: after(&env.calendar, requested, span),
        rule,
        article,
    }
}

/// A supervision item's deadline: the one given, else the profile's limit for its source.
pub fn supervision(
    env: &Env,
    source: SupSource,
    assigned: NaiveDate,
    given: Option<NaiveDate>,
) -> Deadline {
    if let Some(due) = given {
        return Deadline {
            due,
            rule: "given".into(),
            article: None,
        };
    }
    let (span, rule, article) = match source {
        SupSource::NpcSuggestion | SupSource::CppccProposal => resolve(
            env.profile.supervision.proposal_limit.as_ref(),
            "supervision.proposal_limit".into(),
            "default.proposal_limit",
        ),
        _ => resolve(None, String::new(), "default.supervision_limit"),
    };
    Deadline {
        due: after(&env.calendar, assigned, span),
        rule,
        article,
    }
}

fn meeting_rules(env: &Env, kind: MeetingKind) -> Option<&crate::profile::MeetingRules> {
    env.profile.meetings.get(kind.key())
}

/// Whether a stored minutes deadline is the drafting step's (崆峒 四十七), met by the draft
/// rather than by the issue.
pub fn is_drafting_rule(rule: &str) -> bool {
    rule.ends_with(".minutes_drafted_within")
}

/// Whether a stored approval deadline comes from no rule of the district (a dutydesk
/// default): the district sets no limit for that class of document.
pub fn is_default_approval(rule: &str) -> bool {
    rule.starts_with("default.approval_limits.")
}

/// Whether a meeting of this kind owes minutes at all.
pub fn owes_minutes(kind: MeetingKind) -> bool {
    !matches!(kind, MeetingKind::Study | MeetingKind::LargeEvent)
}

/// When topics and papers are due before a meeting on `day`.
pub fn materials(env: &Env, kind: MeetingKind, day: NaiveDate) -> Deadline {
    let p = meeting_rules(env, kind).and_then(|m| m.materials_lead.as_ref());
    let (span, rule, article) = resolve(
        p,
        format!("meetings.{}.materials_lead", kind.key()),
        "default.materials_lead",
    );
    Deadline {
        due: before(&env.calendar, day, span),
        rule,
        article,
    }
}

/// When the minutes of a meeting held on `day` are due (None for kinds without minutes).
pub fn minutes(env: &Env, kind: MeetingKind, day: NaiveDate) -> Option<Deadline> {
    if !owes_minutes(kind) {
        return None;
    }
    let m = meeting_rules(env, kind);
    // A text that times the draft and not the issue (崆峒 四十七: drafted within 2 working
    // days, then signed by the chair) gives the drafting deadline; the issue has none.
    let (p, key) = match (
        m.and_then(|m| m.minutes_within.as_ref()),
        m.and_then(|m| m.minutes_drafted_within.as_ref()),
    ) {
        (None, Some(d)) => (Some(d), "minutes_drafted_within"),
        (p, _) => (p, "minutes_within"),
    };
    let (span, rule, article) = resolve(
        p,
        format!("meetings.{}.{key}", kind.key()),
        "default.minutes_within",
    );
    Some(Deadline {
        due: after(&env.calendar, day, span),
        rule,
        article,
    })
}

/// When documents decided at a meeting on `day` must be issued.
pub fn documents(env: &Env, kind: MeetingKind, day: NaiveDate, major_revisions: bool) -> Deadline {
    let m = meeting_rules(env, kind);
    let (p, key) = match (
        major_revisions,
        m.and_then(|m| m.documents_within_major_revision.as_ref()),
    ) {
        (true, Some(p)) => (Some(p), "documents_within_major_revision"),
        _ => (
            m.and_then(|m| m.documents_within.as_ref()),
            "documents_within",
        ),
    };
    let (span, rule, article) = resolve(
        p,
        format!("meetings.{}.{key}", kind.key()),
        "default.documents_within",
    );
    Deadline {
        due: after(&env.calendar, day, span),
        rule,
        article,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_article_numbers_read_as_numbers() {
        for (s, n) in [
            ("二十八", 28),
            ("十九", 19),
            ("五十四", 54),
            ("七十", 70),
            ("九", 9),
            ("十", 10),
            ("一百零五", 105),
        ] {
            assert_eq!(chinese_number(s), Some(n), "{s}");
        }
        assert_eq!(chinese_number("43"), None);
        assert_eq!(article_label("二十八", Lang::En), "art. 28");
        assert_eq!(article_label("43", Lang::En), "art. 43");
        assert_eq!(article_label("二十八", Lang::Zh), "第二十八条");
    }
}
