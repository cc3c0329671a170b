//! Before a meeting: members away on its day who have not asked leave, and a materials
//! deadline that falls on a day off — what the office should look at in time.

use super::meetings::MeetingView;
use super::{Finding, RuleRef, Severity, finding, past};
use crate::clock::fmt_date;
use crate::domain::Env;

/// Members away on the day without leave asked, and a materials deadline on a day off:
/// what the office should look at before the meeting.
pub(super) fn attendance(env: &Env, m: &MeetingView, out: &mut Vec<Finding>) {
    for (name, until) in &m.away {
        out.push(finding(
            Severity::Warning,
            &RuleRef::new("default.attendance", None),
            &m.item,
            env.today(),
            format!(
                "参会人员{name}外出至 {}，会议当天不在，尚未请假",
                fmt_date(*until)
            ),
            format!(
                "member {name} is away until {}, on the meeting's day, and has not asked leave",
                fmt_date(*until)
            ),
        ));
    }
    if let Some(due) = m.materials_due
        && !env.calendar.is_workday(due)
        && !past(env, due)
    {
        out.push(finding(
            Severity::Notice,
            &m.materials_rule,
            &m.item,
            env.today(),
            format!("材料截止日 {} 为休息日", fmt_date(due)),
            format!("the materials deadline, {}, is a day off", fmt_date(due)),
        ));
    }
}
