//! Fixed cases that put every district rule to work in the demo, so the board's 合规 view
//! and `dutydesk check` have an example of each (where the profile has the rule): a 请示
//! with two matters, a 报告 carrying a request, a misrouted paper, a signed paper not yet
//! published, a meeting at risk of quorum with leave asked of the wrong person and a
//! department head's verbal leave, a district-wide meeting requested late, A/B partners
//! and four leaders away together, a 回头看 due, investment projects (one with a step
//! skipped) and a fund request past its reply limit, and a holiday without a leader on
//! duty. All go through registration like any import.

use super::org::Org;
use crate::calendar::DayKind;
use crate::clock::fmt_date;
use crate::command::register::{self, Audit};
use crate::domain::Env;
use crate::error::{DbContext, Error, Result};
use crate::interchange::Record;
use chrono::{Days, NaiveDate};
use rusqlite::{Connection, OptionalExtension};
use serde_json::{Value, json};

fn record(v: Value) -> Result<Record> {
    serde_json::from_value(v).map_err(|e| Error::invalid("demo rule cases", e.to_string()))
}

fn days(d: NaiveDate, n: i64) -> String {
    let shifted = if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    };
    fmt_date(shifted.unwrap_or(d))
}

/// A department exactly one leader 分管, that leader's login, and another deputy's.
fn misroute(conn: &Connection, org: &Org) -> Result<Option<(String, String, String)>> {
    let found: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT d.ext_id, p.login FROM divisions v
             JOIN departments d ON d.id = v.dept_id JOIN people p ON p.id = v.person_id
             WHERE p.role = '副区长' AND v.dept_id IN (
                 SELECT dept_id FROM divisions GROUP BY dept_id HAVING COUNT(*) = 1)
             ORDER BY d.id LIMIT 1",
        )
        .db("preparing the demo division lookup")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .db("reading the demo divisions")?;
    Ok(found.and_then(|(dept, leader)| {
        let other = org.deputies.iter().find(|d| **d != leader)?.clone();
        Some((dept, leader, other))
    }))
}

/// The records, relative to today.
fn cases(conn: &Connection, env: &Env, org: &Org) -> Result<Vec<Value>> {
    let t = env.today();
    let cal = &env.calendar;
    let wd = |n: i64| fmt_date(cal.add_workdays(t, n));
    let dept = org.depts.first().map(|d| d.0.clone()).unwrap_or_default();
    let mut v = vec![
        json!({"type":"document","id":"GZ-001","title":"关于申请项目资金和增加编制的请示",
               "kind":"请示","urgency":"一般","from":dept,"received":wd(-1),"matters":2}),
        json!({"type":"document","id":"GZ-002","title":"关于上半年工作情况并请求追加经费的报告",
               "kind":"报告","urgency":"一般","from":dept,"received":wd(-1),"carries_request":true}),
        json!({"type":"document","id":"GZ-004","title":"关于印发应急预案的通知","kind":"通知",
               "urgency":"一般","from":dept,"received":wd(-8),"state":"已签批","signed_on":wd(-5),
               "signed_by":org.mayor,"printed_on":wd(-3)}),
        json!({"type":"supervision","id":"GZ-S01","title":"整改食品安全检查发现问题",
               "source":"督查发现","lead":dept,"assigned":days(t, -60),"deadline":days(t, -20),
               "state":"已销号","closed_on":days(t, -18),"closed_by":org.director,
               "recheck_on":days(t, -2)}),
    ];
    if let Some((from, _, other)) = misroute(conn, org)? {
        v.push(
            json!({"type":"document","id":"GZ-003","title":"关于调整应急物资储备的请示",
                      "kind":"请示","urgency":"加急","from":from,"received":wd(-2),
                      "leader":other,"route":"explicit"}),
        );
    }
    // A meeting in three days: half the members on leave, one asking a deputy rather than
    // the chair, a department head asking without writing.
    let head = org.heads.first().map(|h| h.0.clone());
    let mut members: Vec<String> = org.leaders();
    members.extend(head.clone());
    let mut leave: Vec<Value> = org
        .deputies
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, d)| {
            let to = if i == 0 { org.deputies.get(3).unwrap_or(&org.mayor) } else { &org.mayor };
            json!({"login":d,"requested_on":days(t, -1),"reason":"外出公务","in_writing":true,"to":to})
        })
        .collect();
    if let Some(h) = &head {
        leave.push(
            json!({"login":h,"requested_on":days(t, -1),"reason":"另有公务",
                          "in_writing":false,"to":org.mayor}),
        );
    }
    v.push(
        json!({"type":"meeting","id":"GZ-M01","title":"区政府常务会议（议题征集中）",
                  "kind":"常务会议","start":format!("{}T09:00", days(t, 3)),"chair":org.mayor,
                  "members":members,"leave":leave,
                  "topics":[{"title":"研究城区停车场建设方案","dept":dept}]}),
    );
    v.push(
        json!({"type":"meeting","id":"GZ-M02","title":"全区安全生产工作会议","kind":"全区性会议",
                  "start":format!("{}T14:30", days(t, 12)),"chair":org.mayor,
                  "requested_on":days(t, -1)}),
    );
    // Four leaders away together in three weeks, among them an A/B pair.
    for (i, who) in org.deputies.iter().take(4).enumerate() {
        v.push(
            json!({"type":"absence","id":format!("GZ-Q{:02}", i + 1),"login":who,
                      "start":days(t, 20),"end":days(t, 21),"reason":"赴外地学习考察",
                      "reported_on":days(t, -1)}),
        );
    }
    let inv = &env.profile.investment;
    if !inv.tiers.is_empty() {
        for (id, title, amount, steps) in [
            ("GZ-P01", "老旧小区雨污分流改造", 150.0, vec![1]),
            ("GZ-P02", "城区智慧停车系统", 1200.0, vec![1, 2]),
            ("GZ-P03", "滨江新区路网建设", 6000.0, vec![1, 3]),
        ] {
            v.push(
                json!({"type":"investment","id":id,"title":title,"dept":dept,
                          "amount_wan":amount,"received":days(t, -20),"steps_done":steps}),
            );
        }
    }
    if inv.fund_consultation.is_some() {
        v.push(
            json!({"type":"fund","id":"GZ-F01","title":"申请拨付义务教育专项资金",
                      "dept":dept,"amount_wan":85,"papers_complete_on":wd(-7)}),
        );
    }
    Ok(v)
}

/// Writes the cases, and leaves the first holiday of the next two weeks without a leader
/// on duty.
pub fn fill(conn: &Connection, env: &Env, org: &Org) -> Result<u64> {
    let mut n = 0;
    for v in cases(conn, env, org)? {
        register::upsert(conn, env, &record(v)?, Audit::Batch)?;
        n += 1;
    }
    let t = env.today();
    let holiday = (0..=14)
        .filter_map(|i| t.checked_add_days(Days::new(i)))
        .find(|d| matches!(env.calendar.day_kind(*d), DayKind::Holiday(_)));
    if let Some(d) = holiday {
        crate::command::setup::clear_duty_leader(conn, &fmt_date(d))?;
    }
    Ok(n)
}
