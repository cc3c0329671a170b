//! Government investment projects and fund requests (信州 三十二, 三十三): the route a
//! project follows by its amount's tier, the steps done and the one owed next, and the
//! consulted departments' 5-working-day reply on a fund request.

use super::{Finding, ItemRef, RuleRef, Severity, day_after, due_after, finding, late_by, past};
use crate::clock::fmt_date;
use crate::domain::{Deadline, Env};
use crate::profile::{InvestmentTier, Profile};
use chrono::NaiveDate;

/// The route of a project: its tier (index in the profile's list) and the tier's bounds
/// as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Route<'a> {
    pub index: usize,
    pub tier: &'a InvestmentTier,
    pub label_zh: String,
    pub label_en: String,
}

impl Route<'_> {
    /// The rule that sets the route.
    pub fn rule(&self) -> RuleRef {
        RuleRef::new("investment.tiers", Some(&self.tier.article))
    }
}

/// The route for a project of `amount_wan` 万元 (None where the profile has no tiers or
/// none covers the amount).
pub fn route_for(profile: &Profile, amount_wan: f64) -> Option<Route<'_>> {
    let (index, tier) = profile
        .investment
        .tiers
        .iter()
        .enumerate()
        .find(|(_, t)| t.contains(amount_wan))?;
    let (label_zh, label_en) = tier_label(tier);
    Some(Route {
        index,
        tier,
        label_zh,
        label_en,
    })
}

/// A tier's bounds with their inclusive/exclusive ends: "> 200 且 ≤ 2000 万元" /
/// "> 200 and ≤ 2000 (10,000 yuan)".
pub fn tier_label(t: &InvestmentTier) -> (String, String) {
    let min = t.min_wan.map(|m| {
        let op = if t.min_inclusive { "≥" } else { ">" };
        format!("{op} {}", amount(m))
    });
    let max = t.max_wan.map(|m| {
        let op = if t.max_exclusive { "<" } else { "≤" };
        format!("{op} {}", amount(m))
    });
    match (min, max) {
        (Some(a), Some(b)) => (
            format!("{a} 且 {b} 万元"),
            format!("{a} and {b} (10,000 yuan)"),
        ),
        (Some(a), None) | (None, Some(a)) => (format!("{a} 万元"), format!("{a} (10,000 yuan)")),
        (None, None) => ("不限金额".to_string(), "any amount".to_string()),
    }
}

/// An amount in 万元 without a needless ".0".
pub fn amount(wan: f64) -> String {
    if wan.fract() == 0.0 && wan.abs() < 1e15 {
        format!("{wan:.0}")
    } else {
        format!("{wan}")
    }
}

/// Which of a tier's steps are done, which is owed next, and which were skipped (done
/// out of order: a later step recorded while an earlier one is not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Step indexes done, ascending, within the tier.
    pub done: Vec<usize>,
    /// The first step not done (None when all are).
    pub next: Option<usize>,
    /// Steps not done that come before a step that is.
    pub skipped: Vec<usize>,
}

/// A project's progress along its tier's steps.
pub fn progress(tier: &InvestmentTier, steps_done: &[usize]) -> Progress {
    let n = tier.steps.len();
    let mut done: Vec<usize> = steps_done.iter().copied().filter(|&i| i < n).collect();
    done.sort_unstable();
    done.dedup();
    let next = (0..n).find(|i| !done.contains(i));
    let last_done = done.last().copied();
    let skipped = (0..n)
        .filter(|i| !done.contains(i) && last_done.is_some_and(|l| *i < l))
        .collect();
    Progress {
        done,
        next,
        skipped,
    }
}

/// When the consulted departments must answer a fund request whose papers were complete
/// on `papers_complete_on` (None where the profile sets no limit).
pub fn fund_deadline(env: &Env, papers_complete_on: NaiveDate) -> Option<Deadline> {
    let p = env.profile.investment.fund_consultation.as_ref()?;
    Some(Deadline {
        due: due_after(env, papers_complete_on, p)?,
        rule: "investment.fund_consultation".into(),
        article: Some(p.article.clone()),
    })
}

/// An investment project as the rules see it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectView {
    pub item: ItemRef,
    pub amount_wan: f64,
    pub received: NaiveDate,
    pub steps_done: Vec<usize>,
}

/// A project whose steps were done out of the order its tier sets.
pub fn project(env: &Env, p: &ProjectView) -> Vec<Finding> {
    let Some(route) = route_for(&env.profile, p.amount_wan) else {
        return Vec::new();
    };
    let prog = progress(route.tier, &p.steps_done);
    let Some(&first) = prog.skipped.first() else {
        return Vec::new();
    };
    let step = route.tier.steps.get(first).map_or("", String::as_str);
    vec![finding(
        Severity::Warning,
        &route.rule(),
        &p.item,
        p.received,
        format!(
            "{} 万元项目（{}）程序倒置：第 {} 步“{step}”尚未完成，后续步骤已办",
            amount(p.amount_wan),
            route.label_zh,
            first + 1
        ),
        format!(
            "project of {} (10,000 yuan; {}) is out of order: step {} “{step}” is not done but later steps are",
            amount(p.amount_wan),
            route.label_en,
            first + 1
        ),
    )]
}

/// A fund request as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundView {
    pub item: ItemRef,
    pub consult_due: Option<NaiveDate>,
    pub due_rule: RuleRef,
    pub answered_on: Option<NaiveDate>,
}

/// A consultation reply past its stored deadline.
pub fn fund(env: &Env, f: &FundView) -> Option<Finding> {
    let due = f
        .consult_due
        .filter(|&d| past(env, d) && f.answered_on.is_none())?;
    let (lz, le) = late_by(env, due);
    Some(finding(
        Severity::Violation,
        &f.due_rule,
        &f.item,
        day_after(due),
        format!("资金申请的征求意见应于 {} 前答复，{lz}", fmt_date(due)),
        format!(
            "the consulted departments' reply on the fund request was due by {}; {le}",
            fmt_date(due)
        ),
    ))
}
