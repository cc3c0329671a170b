//! The demo district shows an example of each rule its profile has, in `check`.

mod rules_fixture;

use dutydesk::command::{self, Command};
use dutydesk::demo::Options;
use dutydesk::store::{Store, compliance};
use rules_fixture::{PROFILES, date, env_on};
use std::collections::BTreeSet;

#[test]
fn the_demo_shows_each_rule_of_its_profile() {
    // A Monday with 劳动节 (05-01 to 05-05) in the next two weeks.
    let today = date("2025-04-28");
    let common = [
        "documents.routing_by_division",
        "meetings.executive.leave_to",
        "given.feedback_cycle",
        "given",
    ];
    for id in PROFILES {
        let env = env_on(id, today, "sunht");
        let mut s = Store::open_in_memory().unwrap();
        command::perform(
            &mut s,
            &env,
            &Command::Demo {
                profile: id.to_string(),
                opts: Options { size: 1, seed: 1 },
            },
        )
        .unwrap();
        // Silence is deemed consent on read: no settlement needed to see the rules.
        let rules: BTreeSet<String> = s
            .read(|tx| compliance::check(tx, &env))
            .unwrap()
            .into_iter()
            .map(|f| f.rule)
            .collect();
        let own: &[&str] = match id {
            "xinzhou" => &[
                "documents.one_matter_per_request",
                "documents.no_request_in_report",
                "meetings.large_event.request_lead",
                "people.holiday_duty_leader",
                "investment.tiers",
                "investment.fund_consultation",
                "supervision.recheck",
            ],
            "huancui" => &[
                "meetings.executive.quorum",
                "meetings.executive.materials_lead",
                "meetings.large_event.preparation",
                "people.ab_not_away_together",
                "people.max_leaders_away",
                "supervision.recheck",
            ],
            "kongtong" => &[
                "documents.same_day_clearance",
                "documents.print_after_sign",
                "documents.publish_after_print",
                "meetings.executive.minutes_drafted_within",
            ],
            "dongchang" => &[
                "documents.critical_leader_sign",
                "documents.one_matter_per_request",
                "documents.no_request_in_report",
                "meetings.plenary.cadence",
            ],
            _ => &[
                "meetings.executive.dept_head_leave_in_writing",
                "people.dept_head_leave_notice",
                "supervision.recheck",
            ],
        };
        // Where silence is consent, the demo's overdue countersigns read as deemed.
        let silence: &[&str] = match id {
            "xinzhou" | "dongchang" | "huarong" => &["documents.countersign_silence_is_consent"],
            _ => &[],
        };
        for rule in common.iter().chain(own).chain(silence) {
            assert!(rules.contains(*rule), "{id}: no {rule} in {rules:?}");
        }
    }
}
