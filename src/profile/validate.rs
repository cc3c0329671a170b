//! Checks a deserialised profile beyond what its types enforce: every value cites an
//! article, a period has exactly one unit, cadences are consistent, meeting kinds are
//! known, investment tiers ascend without gaps. Each error names the file and the line
//! of the offending key.

use super::load::locate;
use super::model::{Cadence, InvestmentTier, Profile, Quorum};
use super::walk::{Rule, items};
use crate::vocabulary::MeetingKind;
use crate::{Error, Result};

/// Validates `profile` read from `text` (named `source` in errors). `expected_id` is the
/// id a built-in profile must carry.
pub(crate) fn validate(
    profile: &Profile,
    text: &str,
    source: &str,
    expected_id: Option<&str>,
) -> Result<()> {
    let fail = |path: &str, message: String| {
        let path: Vec<String> = path.split('.').map(str::to_string).collect();
        Err(Error::invalid(locate(text, source, &path), message))
    };

    let d = &profile.district;
    for (field, value) in [
        ("id", &d.id),
        ("name", &d.name),
        ("province", &d.province),
        ("source", &d.source),
        ("version", &d.version),
    ] {
        if value.trim().is_empty() {
            return fail(
                &format!("district.{field}"),
                format!("district.{field} is empty"),
            );
        }
    }
    if d.id.chars().any(|c| c.is_whitespace()) {
        return fail(
            "district.id",
            format!("district.id '{}' contains spaces", d.id),
        );
    }
    if let Some(expected) = expected_id.filter(|e| *e != d.id) {
        return fail(
            "district.id",
            format!(
                "district.id is '{}' but the file is the '{expected}' profile",
                d.id
            ),
        );
    }

    for key in profile.meetings.keys() {
        if !MeetingKind::ALL.iter().any(|k| k.key() == key) {
            let known: Vec<&str> = MeetingKind::ALL.iter().map(|k| k.key()).collect();
            return fail(
                &format!("meetings.{key}"),
                format!(
                    "unknown meeting kind '{key}', expected one of {}",
                    known.join(", ")
                ),
            );
        }
    }

    for item in items(profile) {
        let problem = check(&item.rule);
        if let Some(message) = problem {
            let path = item.path();
            return Err(Error::invalid(
                locate(text, source, &path),
                format!("{}: {message}", path.join(".")),
            ));
        }
    }

    // Zero extensions would turn every open item yellow: the light would say nothing.
    if profile
        .supervision
        .yellow_after_extensions
        .as_ref()
        .is_some_and(|c| c.value == 0)
    {
        return fail(
            "supervision.yellow_after_extensions",
            "supervision.yellow_after_extensions must be at least 1".into(),
        );
    }

    check_tier_order(&profile.investment.tiers).map_or(Ok(()), |(i, message)| {
        fail(&format!("investment.tiers.{i}"), message)
    })
}

/// What is wrong with one rule value, if anything.
fn check(rule: &Rule<'_>) -> Option<String> {
    if let Rule::Title(t) = rule {
        return t.trim().is_empty().then(|| "is empty".to_string());
    }
    if rule.article().trim().is_empty() {
        return Some("article is empty: every rule must cite its article".into());
    }
    match rule {
        Rule::Period(p) => {
            let n = [p.workdays, p.days, p.months].iter().flatten().count();
            if n != 1 {
                return Some(format!(
                    "a period needs exactly one of workdays, days, months (found {n})"
                ));
            }
            check_period_max(p)
        }
        Rule::Count(c) => (c.value > MAX_COUNT).then(|| {
            format!(
                "value {} is more than the largest sensible {MAX_COUNT}",
                c.value
            )
        }),
        Rule::Roles(r) => r.roles.is_empty().then(|| "roles is empty".to_string()),
        Rule::Cadence(c) => check_cadence(c),
        Rule::Quorum(q) => check_quorum(q),
        Rule::Named(n) => (n.names.is_empty() || n.names.iter().any(|s| s.trim().is_empty()))
            .then(|| "names must be a non-empty list of non-empty names".to_string()),
        Rule::Tier(t) => check_tier(t),
        _ => None,
    }
}

/// The longest period a rule may set, per unit: about five years. A longer one is a typo
/// (99,999,999 days), and the deadlines it computes would leave the calendar's years and
/// could no longer be stored and read back.
pub const MAX_WORKDAYS: u32 = 1_250;
/// See [`MAX_WORKDAYS`].
pub const MAX_DAYS: u32 = 1_830;
/// See [`MAX_WORKDAYS`].
pub const MAX_MONTHS: u32 = 60;
/// The largest count a rule may set (members, matters, reminders).
pub const MAX_COUNT: u32 = 10_000;

fn check_period_max(p: &super::model::Period) -> Option<String> {
    let over = |unit: &str, v: Option<u32>, max: u32| {
        v.filter(|v| *v > max)
            .map(|v| format!("{unit} = {v} is more than the largest sensible {max}"))
    };
    over("workdays", p.workdays, MAX_WORKDAYS)
        .or_else(|| over("days", p.days, MAX_DAYS))
        .or_else(|| over("months", p.months, MAX_MONTHS))
}

fn check_cadence(c: &Cadence) -> Option<String> {
    if c.as_needed {
        if c.times.is_some() || c.times_max.is_some() || c.every.is_some() || c.unit.is_some() {
            return Some(
                "an as_needed cadence cannot also give times, times_max, every or unit".into(),
            );
        }
        return None;
    }
    let Some(times) = c.times else {
        return Some("a cadence needs as_needed = true, or times and unit".into());
    };
    if c.unit.is_none() {
        return Some("a cadence with times needs a unit (week, month, year)".into());
    }
    if times == 0 {
        return Some("times must be at least 1".into());
    }
    if times > MAX_COUNT || c.times_max.is_some_and(|m| m > MAX_COUNT) {
        return Some(format!(
            "times is more than the largest sensible {MAX_COUNT}"
        ));
    }
    if c.every == Some(0) {
        return Some("every must be at least 1".into());
    }
    match c.times_max {
        Some(max) if max < times => Some(format!("times_max ({max}) is less than times ({times})")),
        _ => None,
    }
}

fn check_quorum(q: &Quorum) -> Option<String> {
    (q.more_than_denominator == 0
        || q.more_than_numerator == 0
        || q.more_than_numerator >= q.more_than_denominator)
        .then(|| {
            format!(
                "quorum {}/{} is not a fraction between 0 and 1",
                q.more_than_numerator, q.more_than_denominator
            )
        })
}

fn check_tier(t: &InvestmentTier) -> Option<String> {
    if t.steps.is_empty() || t.steps.iter().any(|s| s.trim().is_empty()) {
        return Some("steps must be a non-empty list of non-empty steps".into());
    }
    for v in [t.min_wan, t.max_wan].into_iter().flatten() {
        if !v.is_finite() || v < 0.0 {
            return Some(format!("{v} is not an amount of 万元"));
        }
    }
    match (t.min_wan, t.max_wan) {
        (None, None) => Some("a tier needs min_wan or max_wan".into()),
        (Some(min), Some(max)) if min >= max => {
            Some(format!("min_wan ({min}) is not below max_wan ({max})"))
        }
        _ => None,
    }
}

/// Tiers must ascend and meet exactly: each starts where the previous ends, the shared
/// bound belonging to exactly one of them. Returns the index of the first bad tier.
fn check_tier_order(tiers: &[InvestmentTier]) -> Option<(usize, String)> {
    for (i, pair) in tiers.windows(2).enumerate() {
        let (prev, cur) = (&pair[0], &pair[1]);
        let i = i + 1;
        let (Some(end), Some(start)) = (prev.max_wan, cur.min_wan) else {
            return Some((
                i,
                "only the first tier may lack min_wan and only the last max_wan".into(),
            ));
        };
        if start < end {
            return Some((
                i,
                format!(
                    "tiers out of order: this tier starts at {start} but the previous one ends at {end}"
                ),
            ));
        }
        if start > end {
            return Some((
                i,
                format!("tiers leave a gap between {end} and {start} 万元"),
            ));
        }
        let prev_has = !prev.max_exclusive;
        if prev_has == cur.min_inclusive {
            let which = if prev_has {
                "both tiers include"
            } else {
                "neither tier includes"
            };
            return Some((i, format!("{which} the bound {start} 万元")));
        }
    }
    None
}
