//! Demo documents and supervision items, spread so that some are overdue, some due within
//! five working days and some later.

use super::org::Org;
use super::words;
use crate::domain::{
    CountersignAnswer, DocKind, DocState, Env, FeedbackCycle, Secrecy, SupSource, SupState,
    Urgency, deadline,
};
use crate::interchange::record::{
    Countersign, Document, Extension, Notice, Progress, Record, Supervision,
};
use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

pub(super) fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// Working days from today: overdue (negative), due soon (0–5) or later.
fn spread(rng: &mut ChaCha8Rng, max_later: i64) -> i64 {
    match rng.random_range(0..100) {
        0..35 => -rng.random_range(1..=10),
        35..70 => rng.random_range(0..=5),
        _ => rng.random_range(6..=max_later.max(6)),
    }
}

fn stamp(d: NaiveDate, h: u32, m: u32) -> String {
    format!("{} {h:02}:{m:02}:00", crate::clock::fmt_date(d))
}

/// `count` documents, every kind and urgency among them.
pub(super) fn documents(org: &Org, env: &Env, rng: &mut ChaCha8Rng, count: u32) -> Vec<Record> {
    let cal = &env.calendar;
    let today = env.today();
    let year = today.format("%Y").to_string();
    let mut out = Vec::with_capacity(count as usize);
    for i in 0..count as usize {
        // The first ones walk through every kind and urgency so that each appears.
        let kind = if i < DocKind::ALL.len() {
            DocKind::ALL[i]
        } else if rng.random_bool(0.6) {
            DocKind::Request
        } else {
            *pick(
                rng,
                &[
                    DocKind::Report,
                    DocKind::Letter,
                    DocKind::Opinion,
                    DocKind::Notice,
                ],
            )
        };
        let urgency = if i < Urgency::ALL.len() {
            Urgency::ALL[i]
        } else {
            match rng.random_range(0..100) {
                0..50 => Urgency::Normal,
                50..75 => Urgency::Urgent,
                75..90 => Urgency::VeryUrgent,
                _ => Urgency::Critical,
            }
        };
        let (from, from_name) = pick(rng, &org.depts).clone();
        let limit = cal.workdays_between(today, deadline::approval(env, urgency, today).due);
        // Fresh ones came in today; the rest land overdue, due soon or later.
        let left = if rng.random_bool(0.12) {
            limit
        } else {
            spread(rng, limit).min(limit)
        };
        let received = cal.add_workdays(today, left - limit).min(today);
        let state = match rng.random_range(0..100) {
            0..86 => DocState::Pending,
            86..96 => DocState::Signed,
            _ => DocState::Returned,
        };
        let leader = (rng.random_bool(0.05)).then(|| pick(rng, &org.deputies).clone());
        let major = rng.random_bool(0.05);
        let countersign = rng.random_bool(0.2).then(|| {
            let n = rng.random_range(1..=3);
            let mut list: Vec<Countersign> = Vec::new();
            for _ in 0..n {
                let (d, _) = pick(rng, &org.depts);
                if *d != from && !list.iter().any(|c| &c.dept == d) {
                    let mut c = Countersign::to(d.clone());
                    if rng.random_bool(0.3) {
                        c.answer = Some(CountersignAnswer::Agree);
                        c.answered_on = Some(cal.add_workdays(received, 2).min(today));
                    }
                    list.push(c);
                }
            }
            list
        });
        let signed_on =
            (state != DocState::Pending).then(|| cal.add_workdays(received, 1).min(today));
        let short: String = from_name.chars().take(2).collect();
        out.push(Record::Document(Document {
            id: format!("GW-{:05}", i + 1),
            title: format!("关于{}的{}", pick(rng, words::MATTERS), kind),
            kind,
            urgency,
            from: Some(from),
            received,
            leader,
            route: None,
            doc_no: Some(format!("{short}呈〔{year}〕{}号", i + 1)),
            secrecy: rng.random_bool(0.15).then_some(Secrecy::Internal),
            major: major.then_some(true),
            matters: None,
            carries_request: (kind == DocKind::Report && rng.random_bool(0.2)).then_some(true),
            countersign,
            state: Some(state),
            signed_on,
            signed_by: None,
            instruction: (state == DocState::Signed)
                .then(|| pick(rng, words::INSTRUCTIONS).to_string()),
            return_reason: (state == DocState::Returned)
                .then(|| pick(rng, words::RETURN_REASONS).to_string()),
            printed_on: None,
            published_on: None,
            urged_count: None,
            last_urged_at: None,
            notices: None,
            needed_by: None,
            urgent_reason: None,
        }));
    }
    out
}

/// `count` supervision items, every source among them; items from 会议决定 point at one of
/// the `held` meetings.
pub(super) fn supervision(
    org: &Org,
    env: &Env,
    rng: &mut ChaCha8Rng,
    count: u32,
    held: &[String],
) -> Vec<Record> {
    let cal = &env.calendar;
    let today = env.today();
    let mut out = Vec::with_capacity(count as usize);
    for i in 0..count as usize {
        let source = SupSource::ALL[i % SupSource::ALL.len()];
        let (lead, _) = pick(rng, &org.depts).clone();
        let co: Vec<String> = (0..rng.random_range(0..=2))
            .map(|_| pick(rng, &org.depts).0.clone())
            .filter(|d| *d != lead)
            .fold(Vec::new(), |mut v, d| {
                if !v.contains(&d) {
                    v.push(d);
                }
                v
            });
        let due = cal.add_workdays(today, spread(rng, 60));
        let assigned = cal.add_workdays(due.min(today), -rng.random_range(10..=40));
        // Proposals often carry no deadline: the profile's limit for the source applies.
        let proposal = matches!(source, SupSource::NpcSuggestion | SupSource::CppccProposal);
        let given = !(proposal && rng.random_bool(0.5));
        // A few fixed ones so that even the smallest district shows each case.
        let closed = i == 5 || rng.random_bool(0.08);
        let extended = !closed && (i == 3 || i == 16 || rng.random_bool(0.06));
        let (deadline, extensions) = if extended {
            let new = cal.add_workdays(due, 10);
            let ext = Extension {
                old: due,
                new,
                reason: pick(rng, words::EXTENSION_REASONS).to_string(),
                by: Some(org.director.clone()),
                at: Some(stamp(cal.add_workdays(due, -2).max(assigned), 10, 0)),
            };
            (Some(due), Some(vec![ext]))
        } else {
            (given.then_some(due), None)
        };
        let notes = rng.random_range(0..=3);
        let progress: Vec<Progress> = (0..notes)
            .map(|k| {
                let on = cal.add_workdays(assigned, 5 * (k + 1)).min(today);
                Progress {
                    on,
                    note: pick(rng, words::PROGRESS).to_string(),
                    by: org.head_of(&lead).map(str::to_string),
                    at: Some(stamp(on, 16, 30)),
                }
            })
            .collect();
        let urged = !closed && due < today && rng.random_bool(0.4);
        let notices = urged.then(|| {
            vec![Notice {
                at: stamp(cal.add_workdays(due, 1).min(today), 9, 15),
                by: Some(pick(rng, &org.officers).clone()),
                note: "已发督办通知，请于3个工作日内反馈。".to_string(),
            }]
        });
        let meeting = (source == SupSource::MeetingDecision && !held.is_empty())
            .then(|| pick(rng, held).clone());
        out.push(Record::Supervision(Supervision {
            id: format!("DB-{:05}", i + 1),
            title: pick(rng, words::TASKS).to_string(),
            source,
            lead,
            co: Some(co),
            assigned,
            deadline,
            feedback: Some(*pick(
                rng,
                &[
                    FeedbackCycle::Weekly,
                    FeedbackCycle::Monthly,
                    FeedbackCycle::None,
                ],
            )),
            meeting,
            state: Some(if closed {
                SupState::Closed
            } else {
                SupState::Open
            }),
            closed_on: closed.then_some(today.min(due)),
            closed_by: closed.then(|| org.director.clone()),
            recheck_on: (closed && rng.random_bool(0.5)).then(|| cal.add_workdays(today, 15)),
            progress: Some(progress),
            extensions,
            urged_count: urged.then_some(1),
            last_urged_at: notices.as_ref().map(|n| n[0].at.clone()),
            notices,
        }));
    }
    out
}
