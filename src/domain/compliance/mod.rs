//! Compliance: every district rule evaluated against the items it governs.
//!
//! The functions here are pure — plain data in, [`Finding`]s out, with the district's
//! rules, the calendar and "today" taken from the [`Env`] — so each rule can be tested
//! per profile without a database. `store::compliance` gathers the data (indexed queries
//! over open items only) and calls them; the board's 合规 view and `dutydesk check` show
//! the result.
//!
//! A rule the district's text does not state produces nothing, with two exceptions
//! that follow the stored deadlines: an item past a deadline the core computed from a
//! dutydesk default (approval limits, meeting materials, minutes and documents) is
//! reported under that default's rule, with no article.

mod attendance;
mod cadence;
pub mod documents;
pub mod duties;
pub mod investment;
pub mod meetings;
pub mod people;
mod signed;
pub mod supervision;

use super::Env;
use super::deadline::{self, cite};
use crate::i18n::Lang;
use crate::profile::{Period, Span};
use chrono::NaiveDate;
use serde::Serialize;

/// How serious a finding is. Ordered: `Violation > Warning > Notice`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something to know or act on soon (a stand-in should act, a 回头看 is due).
    Notice,
    /// A rule is at risk or bent (feedback overdue, quorum at risk, a kind behind cadence).
    Warning,
    /// A rule is broken (a deadline missed, one matter per 请示).
    Violation,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Severity; 3] = [Severity::Violation, Severity::Warning, Severity::Notice];

    /// The stable token used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Violation => "violation",
            Severity::Warning => "warning",
            Severity::Notice => "notice",
        }
    }

    /// The name shown to a user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Violation => lang.pick("违规", "violation"),
            Severity::Warning => lang.pick("警示", "warning"),
            Severity::Notice => lang.pick("提示", "notice"),
        }
    }
}

/// The item a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemRef {
    /// "document", "meeting", "supervision", "absence", "duty", "investment", "fund", or
    /// "meeting_kind" / "people" for findings about a kind or a group.
    pub entity: String,
    /// The row id (0 for findings about a kind, a day or a group of people).
    pub id: i64,
    /// The external id shown to users and scripts (a date or a kind key where no row).
    pub ext_id: String,
    pub title: String,
}

impl ItemRef {
    pub fn new(
        entity: impl Into<String>,
        id: i64,
        ext_id: impl Into<String>,
        title: impl Into<String>,
    ) -> ItemRef {
        ItemRef {
            entity: entity.into(),
            id,
            ext_id: ext_id.into(),
            title: title.into(),
        }
    }
}

/// One rule broken, bent or due, on one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// The profile key ("documents.critical_leader_sign") or "default.…" for a dutydesk
    /// default; "given.…" where the limit was set on the item itself.
    pub rule: String,
    /// The article of the district's rules; None for a default or a given limit.
    pub article: Option<String>,
    pub item: ItemRef,
    /// The first day the finding holds (the day after a missed deadline, the first day
    /// of an overlap, …).
    pub since: NaiveDate,
    pub message_zh: String,
    pub message_en: String,
}

impl Finding {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_zh, &self.message_en)
    }
    /// "documents.countersign_reply (第二十七条)" / "… (dutydesk default)".
    pub fn cite(&self, lang: Lang) -> String {
        cite(&self.rule, self.article.as_deref(), lang)
    }
}

/// Sorts findings: most serious first, then oldest first, then by item for a stable order.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.since.cmp(&b.since))
            .then_with(|| a.item.entity.cmp(&b.item.entity))
            .then(a.item.id.cmp(&b.item.id))
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| a.item.ext_id.cmp(&b.item.ext_id))
            // The same rule twice on one item (two countersign requests, two topics): by
            // message, so the order does not depend on the order they were gathered in.
            .then_with(|| a.message_en.cmp(&b.message_en))
    });
}

/// A rule key with its article, as findings cite it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRef {
    pub key: String,
    pub article: Option<String>,
}

impl RuleRef {
    pub fn new(key: impl Into<String>, article: Option<&str>) -> RuleRef {
        RuleRef {
            key: key.into(),
            article: article.map(str::to_string),
        }
    }
    /// The rule behind a stored deadline (`*_rule`, `*_article` columns); a row written
    /// without one is cited as "given".
    pub fn stored(rule: Option<&str>, article: Option<&str>) -> RuleRef {
        RuleRef::new(rule.unwrap_or("given"), article)
    }
}

/// Builds a finding.
pub(crate) fn finding(
    severity: Severity,
    rule: &RuleRef,
    item: &ItemRef,
    since: NaiveDate,
    zh: String,
    en: String,
) -> Finding {
    Finding {
        severity,
        rule: rule.key.clone(),
        article: rule.article.clone(),
        item: item.clone(),
        since,
        message_zh: zh,
        message_en: en,
    }
}

/// The day after `d` (the first day a deadline on `d` is missed).
pub(crate) fn day_after(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(d)
}

/// Whether a deadline on `due` has passed today.
pub(crate) fn past(env: &Env, due: NaiveDate) -> bool {
    due < env.today()
}

/// The day a profile period ends, counted from `start` (a period of working days starts
/// the day after `start`). None for a malformed period (a loaded profile has none).
pub(crate) fn due_after(env: &Env, start: NaiveDate, p: &Period) -> Option<NaiveDate> {
    Some(deadline::after(&env.calendar, start, span(p)?))
}

/// The latest day something is due before `end` under a profile period.
pub(crate) fn due_before(env: &Env, end: NaiveDate, p: &Period) -> Option<NaiveDate> {
    Some(deadline::before(&env.calendar, end, span(p)?))
}

fn span(p: &Period) -> Option<deadline::Span> {
    Some(match p.span()? {
        Span::Workdays(n) => deadline::Span::Workdays(n),
        Span::Days(n) => deadline::Span::Days(n),
        Span::Months(n) => deadline::Span::Months(n),
    })
}

/// A period as text: "2 个工作日" / "2 working days".
pub(crate) fn period_text(p: &Period) -> (String, String) {
    let plural = |n: u32| if n == 1 { "" } else { "s" };
    match p.span() {
        Some(Span::Workdays(n)) => (
            format!("{n} 个工作日"),
            format!("{n} working day{}", plural(n)),
        ),
        Some(Span::Days(n)) => (format!("{n} 天"), format!("{n} day{}", plural(n))),
        Some(Span::Months(n)) => (format!("{n} 个月"), format!("{n} month{}", plural(n))),
        None => (String::from("—"), String::from("—")),
    }
}

/// The rule behind a profile value.
pub(crate) fn rule_of(key: &str, article: &str) -> RuleRef {
    RuleRef::new(key, Some(article))
}

/// "3 个工作日" / "3 working days" style text for a count of late working days.
pub(crate) fn late_by(env: &Env, due: NaiveDate) -> (String, String) {
    let n = env.calendar.workdays_between(due, env.today()).max(0);
    if n > 0 {
        (
            format!("已逾期 {n} 个工作日"),
            format!("{n} working day{} late", if n == 1 { "" } else { "s" }),
        )
    } else {
        // Overdue over a weekend or holiday: late by calendar days only.
        let d = (env.today() - due).num_days();
        let s = if d == 1 { "" } else { "s" };
        (format!("已逾期 {d} 天"), format!("{d} day{s} late"))
    }
}

/// What an entity is called.
pub fn entity_label(entity: &str, lang: crate::i18n::Lang) -> &str {
    let (zh, en) = match entity {
        "document" => ("公文", "document"),
        "meeting" => ("会议", "meeting"),
        "meeting_kind" => ("会议类型", "meeting kind"),
        "supervision" => ("督办事项", "supervision item"),
        "absence" => ("外出请假", "absence"),
        "people" => ("区政府领导", "leaders"),
        "duty" => ("值班", "duty"),
        "investment" => ("投资项目", "investment project"),
        "fund" => ("资金申请", "fund request"),
        other => (other, other),
    };
    lang.pick(zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(sev: Severity, since: &str, id: i64) -> Finding {
        finding(
            sev,
            &RuleRef::new("x", None),
            &ItemRef::new("document", id, id.to_string(), "t"),
            NaiveDate::parse_from_str(since, "%Y-%m-%d").unwrap(),
            String::new(),
            String::new(),
        )
    }

    #[test]
    fn sorted_by_severity_then_since() {
        let mut v = vec![
            f(Severity::Notice, "2026-01-01", 1),
            f(Severity::Warning, "2026-03-01", 2),
            f(Severity::Violation, "2026-04-01", 3),
            f(Severity::Warning, "2026-02-01", 4),
        ];
        sort(&mut v);
        let ids: Vec<i64> = v.iter().map(|x| x.item.id).collect();
        assert_eq!(ids, [3, 4, 2, 1]);
        assert!(Severity::Violation > Severity::Warning && Severity::Warning > Severity::Notice);
    }
}
