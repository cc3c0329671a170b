//! People: absences (环翠 75: A/B partners not away together, at most 3 leaders away; 华容
//! 七十: department heads report leave 3 days ahead) and holiday duty (信州 四十二: a
//! leader on duty, 带班, on holidays).

use super::{Finding, ItemRef, Severity, due_before, finding, period_text, rule_of};
use crate::calendar::DayKind;
use crate::clock::fmt_date;
use crate::domain::{Env, Role};
use chrono::{Days, NaiveDate};
use std::collections::BTreeSet;

/// How far ahead absences on record are checked.
pub const ABSENCE_LOOKAHEAD_DAYS: u64 = 30;
/// How far ahead holidays are checked for a leader on duty.
pub const DUTY_LOOKAHEAD_DAYS: u64 = 14;

/// An absence that is current or to come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbsenceView {
    pub id: i64,
    pub ext_id: String,
    pub person_id: i64,
    pub name: String,
    pub role: Role,
    pub partner_id: Option<i64>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub reported_on: Option<NaiveDate>,
}

impl AbsenceView {
    fn item(&self) -> ItemRef {
        let ext = if self.ext_id.is_empty() {
            format!("absence:{}", self.id)
        } else {
            self.ext_id.clone()
        };
        ItemRef::new(
            "absence",
            self.id,
            ext,
            format!(
                "{} {}–{}",
                self.name,
                fmt_date(self.start),
                fmt_date(self.end)
            ),
        )
    }
    fn covers(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
}

/// Every absence rule over the absences that end today or later.
pub fn absences(env: &Env, list: &[AbsenceView]) -> Vec<Finding> {
    let mut out = Vec::new();
    let today = env.today();
    let horizon = today
        .checked_add_days(Days::new(ABSENCE_LOOKAHEAD_DAYS))
        .unwrap_or(today);
    let in_window: Vec<&AbsenceView> = list
        .iter()
        .filter(|a| a.end >= today && a.start <= horizon)
        .collect();
    let people = &env.profile.people;
    if let Some(rule) = people.ab_not_away_together.as_ref().filter(|f| f.value) {
        let rule = rule_of("people.ab_not_away_together", &rule.article);
        for (i, a) in in_window.iter().enumerate() {
            for b in &in_window[i + 1..] {
                let partners =
                    a.partner_id == Some(b.person_id) || b.partner_id == Some(a.person_id);
                let from = a.start.max(b.start);
                let to = a.end.min(b.end);
                if !partners || a.person_id == b.person_id || from > to {
                    continue;
                }
                let later = if b.start >= a.start { b } else { a };
                out.push(finding(
                    Severity::Warning,
                    &rule,
                    &later.item(),
                    from,
                    format!(
                        "互为AB角的{}与{}同时不在岗（{}–{}）",
                        a.name,
                        b.name,
                        fmt_date(from),
                        fmt_date(to)
                    ),
                    format!(
                        "A/B partners {} and {} are away at the same time ({}–{})",
                        a.name,
                        b.name,
                        fmt_date(from),
                        fmt_date(to)
                    ),
                ));
            }
        }
    }
    if let Some(max) = &people.max_leaders_away {
        too_many_away(env, &in_window, max.value as usize, &max.article, &mut out);
    }
    if let Some(p) = &people.dept_head_leave_notice {
        let rule = rule_of("people.dept_head_leave_notice", &p.article);
        let (pz, pe) = period_text(p);
        for a in in_window.iter().filter(|a| a.role == Role::DeptHead) {
            let Some(latest) = due_before(env, a.start, p) else {
                continue;
            };
            if a.reported_on.is_some_and(|r| r <= latest) {
                continue;
            }
            let (zh, en) = match a.reported_on {
                Some(r) => (
                    format!(
                        "部门负责人{}外出应提前 {pz}报告（最迟 {}），{} 才报告",
                        a.name,
                        fmt_date(latest),
                        fmt_date(r)
                    ),
                    format!(
                        "department head {} was to report leave {pe} ahead (by {}); reported {}",
                        a.name,
                        fmt_date(latest),
                        fmt_date(r)
                    ),
                ),
                None => (
                    format!("部门负责人{}外出未见提前 {pz}报告的记录", a.name),
                    format!(
                        "department head {}'s leave has no report on record ({pe} ahead required)",
                        a.name
                    ),
                ),
            };
            out.push(finding(
                Severity::Warning,
                &rule,
                &a.item(),
                a.reported_on.unwrap_or(a.start),
                zh,
                en,
            ));
        }
    }
    out
}

/// More leaders away at once than the profile allows: one finding per distinct group,
/// checked on today and on every day an absence starts.
fn too_many_away(
    env: &Env,
    list: &[&AbsenceView],
    max: usize,
    article: &str,
    out: &mut Vec<Finding>,
) {
    let leaders: Vec<&&AbsenceView> = list.iter().filter(|a| a.role.is_leader()).collect();
    let mut days: BTreeSet<NaiveDate> = leaders
        .iter()
        .map(|a| a.start)
        .filter(|&d| d > env.today())
        .collect();
    days.insert(env.today());
    let mut last_group: Option<BTreeSet<i64>> = None;
    for d in days {
        let away: Vec<&&&AbsenceView> = leaders.iter().filter(|a| a.covers(d)).collect();
        let group: BTreeSet<i64> = away.iter().map(|a| a.person_id).collect();
        if group.len() <= max || last_group.as_ref() == Some(&group) {
            continue;
        }
        let mut names: Vec<&str> = Vec::new();
        for a in &away {
            if !names.contains(&a.name.as_str()) {
                names.push(&a.name);
            }
        }
        let n = group.len();
        out.push(finding(
            Severity::Warning,
            &rule_of("people.max_leaders_away", article),
            &ItemRef::new("people", 0, fmt_date(d), names.join("、")),
            d,
            format!(
                "{} 有 {n} 位区政府领导同时不在岗（不得超过 {max} 人）：{}",
                fmt_date(d),
                names.join("、")
            ),
            format!(
                "{n} government leaders are away on {} (at most {max}): {}",
                fmt_date(d),
                names.join(", ")
            ),
        ));
        last_group = Some(group);
    }
}

/// Holidays from today through [`DUTY_LOOKAHEAD_DAYS`] with no leader on duty (带班) in
/// the rota, where the profile requires one. `led` lists the days that have one.
pub fn holiday_duty(env: &Env, led: &BTreeSet<NaiveDate>) -> Vec<Finding> {
    let Some(rule) = env
        .profile
        .people
        .holiday_duty_leader
        .as_ref()
        .filter(|f| f.value)
    else {
        return Vec::new();
    };
    let rule = rule_of("people.holiday_duty_leader", &rule.article);
    let today = env.today();
    (0..=DUTY_LOOKAHEAD_DAYS)
        .filter_map(|i| today.checked_add_days(Days::new(i)))
        .filter(|d| !led.contains(d))
        .filter_map(|d| match env.calendar.day_kind(d) {
            DayKind::Holiday(name) => Some(finding(
                Severity::Warning,
                &rule,
                &ItemRef::new("duty", 0, fmt_date(d), name.clone()),
                d,
                format!("{}（{name}）未安排带班领导", fmt_date(d)),
                format!("no leader on duty (带班) on {} ({name})", fmt_date(d)),
            )),
            _ => None,
        })
        .collect()
}
