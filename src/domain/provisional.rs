//! Provisional deadlines: a deadline counted in working days across a year whose State
//! Council notice is not loaded yet. Such a year counts its statutory holidays (from 2025
//! on) but none of the 调休 its notice will add — whole-week breaks and make-up Saturdays —
//! so the date may still move when the notice is imported (`dutydesk calendar import`),
//! which recomputes it. Derived on read from the calendar in force, never stored: the
//! import alone changes it.

use super::Env;
use super::deadline::{DEFAULTS, Span};
use crate::calendar::YearBasis;
use crate::i18n::Lang;
use crate::profile::Profile;
use crate::profile::walk::{Rule, items};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// Why a deadline is provisional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Provisional {
    /// The years without a notice the deadline counts across, ascending.
    pub years: Vec<i32>,
    /// Whether those years count their statutory holidays (else weekends only).
    pub statutory: bool,
}

impl Provisional {
    /// The short mark beside a date: "暂定" / "prov.".
    pub fn mark(lang: Lang) -> &'static str {
        lang.pick("暂定", "prov.")
    }

    /// The reason, in full.
    pub fn reason(&self, lang: Lang) -> String {
        let years = self
            .years
            .iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "));
        match (lang, self.statutory) {
            (Lang::Zh, true) => format!(
                "暂定：国务院 {years} 年节假日（调休）安排尚未载入，按法定节假日推算，载入后重新计算"
            ),
            (Lang::Zh, false) => {
                format!("暂定：尚无 {years} 年官方节假日安排，仅按周末计算，载入后重新计算")
            }
            (Lang::En, true) => format!(
                "provisional: the State Council's {years} holiday arrangements (调休) are not \
                 loaded yet; counted with the statutory holidays only, recomputed on import"
            ),
            (Lang::En, false) => format!(
                "provisional: no official {years} holiday schedule; weekends only, \
                 recomputed on import"
            ),
        }
    }
}

/// Whether a deadline under `rule` due on `due` is provisional: its rule counts working
/// days and the days counted reach a year without a notice. The counting starts before
/// the due date (on receipt, assignment or the meeting day), and for the deadlines the
/// board holds open the start lies in the due date's year or the one before it; so the
/// years checked are the due date's and, for a period counted back from a meeting
/// (`materials_lead`), the following one.
pub fn of(env: &Env, rule: &str, due: NaiveDate) -> Option<Provisional> {
    let (from, to) = if rule.ends_with(".materials_lead") {
        (due, due.with_year(due.year() + 1).unwrap_or(due))
    } else {
        (due, due)
    };
    let years = env.calendar.provisional_years(from, to);
    // Cheap first: most deadlines lie in years with a notice.
    if years.is_empty() || !counts_workdays(env, rule) {
        return None;
    }
    let statutory = years
        .iter()
        .all(|y| env.calendar.basis(*y) == YearBasis::Statutory);
    Some(Provisional { years, statutory })
}

/// Whether the rule behind a deadline counts working days. Hand-set dates ("given",
/// "extended") and periods of calendar days or months do not depend on the holidays.
pub fn counts_workdays(env: &Env, rule: &str) -> bool {
    if let Some(d) = DEFAULTS.iter().find(|d| d.rule == rule) {
        return matches!(d.period, Span::Workdays(_));
    }
    // Finding a rule walks the whole profile, and a check or a pane asks for thousands of
    // deadlines under a handful of rules: the answers are remembered per profile. The
    // memo holds its profile, so a profile it names cannot be freed and its address reused.
    thread_local! {
        static KNOWN: RefCell<Option<Known>> = const { RefCell::new(None) };
    }
    KNOWN.with(|k| {
        let mut k = k.borrow_mut();
        let same = k
            .as_ref()
            .is_some_and(|(p, _)| Arc::ptr_eq(p, &env.profile));
        if !same {
            *k = Some((env.profile.clone(), HashMap::new()));
        }
        let Some((_, known)) = k.as_mut() else {
            return false;
        };
        if let Some(c) = known.get(rule) {
            return *c;
        }
        let c = items(&env.profile)
            .into_iter()
            .find(|i| i.key == rule)
            .is_some_and(|i| matches!(i.rule, Rule::Period(p) if p.workdays.is_some()));
        known.insert(rule.to_string(), c);
        c
    })
}

/// A profile and, per rule key asked about, whether it counts working days.
type Known = (Arc<Profile>, HashMap<String, bool>);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;
    use crate::clock::Clock;
    use crate::profile::Profile;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn env() -> Env {
        Env::new(
            Profile::builtin("xinzhou").unwrap(),
            Calendar::embedded(),
            Clock::pinned(ymd(2026, 12, 28)),
            "t",
        )
    }

    #[test]
    fn a_workday_deadline_in_2027_is_provisional_with_its_reason() {
        let e = env();
        let p = of(&e, "default.approval_limits.urgent", ymd(2027, 1, 7)).unwrap();
        assert_eq!(p.years, vec![2027]);
        assert!(p.statutory);
        assert!(
            p.reason(Lang::Zh)
                .contains("国务院 2027 年节假日（调休）安排尚未载入")
        );
        assert!(p.reason(Lang::En).contains("2027 holiday arrangements"));
        assert_eq!(
            of(&e, "default.approval_limits.urgent", ymd(2026, 12, 31)),
            None
        );
    }

    #[test]
    fn hand_set_and_month_deadlines_are_not() {
        let e = env();
        assert_eq!(of(&e, "given", ymd(2027, 3, 1)), None);
        assert_eq!(of(&e, "extended", ymd(2027, 3, 1)), None);
        assert_eq!(of(&e, "default.proposal_limit", ymd(2027, 3, 1)), None);
    }

    #[test]
    fn materials_counted_back_across_new_year_are() {
        let e = env();
        let p = of(&e, "meetings.executive.materials_lead", ymd(2026, 12, 30));
        // Whether the key counts working days depends on the profile; a default does.
        let d = of(&e, "default.materials_lead", ymd(2026, 12, 30));
        assert_eq!(d, None, "the default lead is one calendar day");
        if let Some(p) = p {
            assert_eq!(p.years, vec![2027]);
        }
    }
}
