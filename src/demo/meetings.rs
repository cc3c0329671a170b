//! Demo meetings over the past three weeks and the next fourteen days, of the kinds the
//! profile has: topics with and without materials, leave requests, and past meetings
//! whose minutes or documents are still owed.

use super::docs::pick;
use super::org::Org;
use super::words;
use crate::domain::{Env, MeetingKind, MeetingState};
use crate::interchange::record::{Leave, Meeting, Record, Topic};
use chrono::{Days, NaiveDate, NaiveTime};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// The kinds the profile sets rules for (or the common ones when it sets none).
fn kinds(env: &Env) -> Vec<MeetingKind> {
    let ks: Vec<MeetingKind> = MeetingKind::ALL
        .iter()
        .copied()
        .filter(|k| env.profile.meetings.contains_key(k.key()))
        .collect();
    if ks.is_empty() {
        vec![
            MeetingKind::Executive,
            MeetingKind::Topical,
            MeetingKind::MayorOffice,
        ]
    } else {
        ks
    }
}

fn choose_kind(rng: &mut ChaCha8Rng, kinds: &[MeetingKind]) -> MeetingKind {
    let has = |k| kinds.contains(&k);
    match rng.random_range(0..100) {
        0..30 if has(MeetingKind::Executive) => MeetingKind::Executive,
        30..75 if has(MeetingKind::Topical) => MeetingKind::Topical,
        _ => *pick(rng, kinds),
    }
}

fn next_workday(env: &Env, mut d: NaiveDate) -> NaiveDate {
    for _ in 0..10 {
        if env.calendar.is_workday(d) {
            break;
        }
        d = d.checked_add_days(Days::new(1)).unwrap_or(d);
    }
    d
}

/// `count` meetings around today.
pub(super) fn generate(org: &Org, env: &Env, rng: &mut ChaCha8Rng, count: u32) -> Vec<Record> {
    let cal = &env.calendar;
    let today = env.today();
    let kinds = kinds(env);
    let leaders = org.leaders();
    let mut out = Vec::with_capacity(count as usize);
    for i in 0..count as usize {
        let kind = match i {
            // The fixed cases need a kind with topics and minutes.
            1 | 2 => [
                MeetingKind::Executive,
                MeetingKind::Topical,
                MeetingKind::MayorOffice,
            ]
            .into_iter()
            .find(|k| kinds.contains(k))
            .unwrap_or(MeetingKind::Executive),
            _ => choose_kind(rng, &kinds),
        };
        // The first ones are fixed so that even the smallest district shows each case:
        // one today, one tomorrow with materials missing and a leave request, one held ten
        // days ago still owing its minutes and documents.
        let offset: i64 = match i {
            0 => 0,
            1 => 1,
            2 => -10,
            _ => rng.random_range(-21..=14),
        };
        let day = if offset >= 0 {
            today.checked_add_days(Days::new(offset as u64))
        } else {
            today.checked_sub_days(Days::new(offset.unsigned_abs()))
        }
        .unwrap_or(today);
        let day = next_workday(env, day);
        let hour = if i == 0 {
            15
        } else {
            *pick(rng, &[9u32, 10, 14, 15])
        };
        let start = day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default());
        let past = day < today;
        let chair = match kind {
            MeetingKind::Topical | MeetingKind::LargeEvent => pick(rng, &org.deputies).clone(),
            _ => org.mayor.clone(),
        };
        let mut members: Vec<String> = match kind {
            MeetingKind::Topical | MeetingKind::LargeEvent => vec![chair.clone()],
            MeetingKind::MayorOffice => leaders.iter().take(3).cloned().collect(),
            _ => leaders.clone(),
        };
        if kind != MeetingKind::PartyGroup {
            members.push(org.director.clone());
        }
        for _ in 0..rng.random_range(0..=3) {
            let (h, _) = pick(rng, &org.heads);
            if !members.contains(h) {
                members.push(h.clone());
            }
        }
        let with_topics = matches!(
            kind,
            MeetingKind::Executive
                | MeetingKind::MayorOffice
                | MeetingKind::Topical
                | MeetingKind::Plenary
        );
        let topics: Vec<Topic> = if with_topics {
            (0..rng.random_range(1..=4))
                .map(|_| {
                    let (dept, _) = pick(rng, &org.depts);
                    let materials_on = if past || (i != 1 && rng.random_bool(0.6)) {
                        Some(cal.add_workdays(day.min(today), -rng.random_range(1..=3)))
                    } else {
                        None
                    };
                    Topic {
                        title: pick(rng, words::MEETING_TOPICS).to_string(),
                        dept: Some(dept.clone()),
                        materials_on,
                        approved: rng.random_bool(0.85),
                        added_at: Some(format!(
                            "{} 09:00:00",
                            crate::clock::fmt_date(cal.add_workdays(day, -6))
                        )),
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let leave: Vec<Leave> = if (i == 1 || rng.random_bool(0.35)) && members.len() > 1 {
            let who = pick(rng, &members[1..]).clone();
            let in_writing = org.heads.iter().any(|(l, _)| *l == who);
            vec![Leave {
                login: who,
                requested_on: cal.add_workdays(day, -1).min(today),
                reason: pick(rng, words::LEAVE_REASONS).to_string(),
                in_writing,
                to: None,
            }]
        } else {
            Vec::new()
        };
        let cancelled = past && i != 2 && rng.random_bool(0.05);
        let state = match (past, cancelled) {
            (_, true) => MeetingState::Cancelled,
            (true, false) => MeetingState::Held,
            (false, _) => MeetingState::Planned,
        };
        let docs_owed = (past && (i == 2 || rng.random_bool(0.4))).then(|| rng.random_range(1..=2));
        let issued = |rng: &mut ChaCha8Rng| {
            (past && i != 2 && rng.random_bool(0.55)).then(|| cal.add_workdays(day, 2).min(today))
        };
        let minutes_issued_on = issued(rng);
        let docs_issued_on = if docs_owed.is_some() {
            issued(rng)
        } else {
            None
        };
        let title = match kind {
            MeetingKind::Executive | MeetingKind::Plenary | MeetingKind::PartyGroup => {
                format!("区政府第{}次{}", 10 + i, kind)
            }
            _ => format!("{}（{}）", pick(rng, words::MEETING_TOPICS), kind),
        };
        out.push(Record::Meeting(Meeting {
            id: format!("HY-{:04}", i + 1),
            title,
            kind,
            start,
            place: Some(pick(rng, words::PLACES).to_string()),
            chair: Some(chair),
            members: Some(members),
            docs_owed,
            major_revisions: rng.random_bool(0.1).then_some(true),
            topics: Some(topics),
            leave: Some(leave),
            state: Some(state),
            minutes_issued_on,
            docs_issued_on,
            requested_on: None,
            requested_by: None,
            minutes_drafted_on: None,
            // A meeting whose minutes are out was reported on by then (崆峒 四十二).
            reported_on: minutes_issued_on,
        }));
    }
    out
}
