//! A small district for the 督查通报, in the first quarter of 2026 (春节 15–23 February,
//! 调休 working Saturdays 14 and 28 February), with answers worked out by hand:
//!
//! | item | dept | assigned | deadline | closed | what it tests |
//! |---|---|---|---|---|---|
//! | S1 | 发改 | 01-05 | 02-13 Fri | 02-24 | across 春节: 2 wd late (02-14 调休, 02-24) |
//! | S2 | 财政 | 01-10 | 02-27 Fri | 02-28 Sat 调休 | closed on a 调休 Saturday: 1 wd late |
//! | S3 | 发改 | 01-15 | 02-10 → 03-10 → 04-30 | open | extended twice: yellow, 2 extensions |
//! | S4 | 教育 | 02-02 | 03-20 | 03-18 | on time |
//! | S5 | 教育 | 03-02 | 03-25 | open | overdue 4 wd at 03-31: red; urged twice |
//! | S6 | 财政 | 2025-12-01 | 01-30 | 01-29 | on time; 回头看 passed 03-05 |
//! | S7 | 财政 | 01-05 | 03-31 | 03-13 | 回头看 02-05, then reopened: failed |
//! | S8 | 教育 | 04-10 | 05-10 | open | after the quarter: nowhere in it |
#![allow(dead_code)]

use chrono::NaiveDate;
use dutydesk::calendar::Calendar;
use dutydesk::clock::Clock;
use dutydesk::domain::Env;
use dutydesk::profile::Profile;
use dutydesk::store::Store;

pub const TODAY: &str = "2026-11-23";

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn env() -> Env {
    Env::new(
        Profile::builtin("dongchang").unwrap(),
        Calendar::embedded(),
        Clock::pinned(day(TODAY)),
        "liuyang",
    )
}

pub const SQL: &str = "
INSERT INTO meta(key, value) VALUES ('profile', 'dongchang'), ('clock', 'pinned');
INSERT INTO departments(id, ext_id, name, kind) VALUES
 (1,'d01','区发改局','部门'),(2,'d02','区财政局','部门'),(3,'d03','区教育局','部门');
INSERT INTO people(id, ext_id, login, name, role, dept_id, partner_id) VALUES
 (1,'p01','wangjg','王建国','区长',NULL,NULL),
 (2,'p02','liming','李明','常务副区长',NULL,NULL),
 (3,'p03','zhanghua','张华','副区长',NULL,NULL),
 (6,'p06','liuyang','刘洋','值班员',NULL,NULL);
INSERT INTO divisions(person_id, dept_id) VALUES (2,1),(2,2),(3,3);
INSERT INTO supervision(id, ext_id, title, source, lead_dept, assigned, deadline, deadline_rule, state, closed_on, updated_at) VALUES
 (1,'S1','春节前后的项目','会议决定',1,'2026-01-05','2026-02-13','given','已销号','2026-02-24','2026-02-24 09:00:00'),
 (2,'S2','调休日销号','领导批示',2,'2026-01-10','2026-02-27','given','已销号','2026-02-28','2026-02-28 09:00:00'),
 (3,'S3','两次延期','政府工作报告',1,'2026-01-15','2026-04-30','extended','办理中',NULL,'2026-03-09 10:00:00'),
 (4,'S4','按期办结','会议决定',3,'2026-02-02','2026-03-20','given','已销号','2026-03-18','2026-03-18 09:00:00'),
 (5,'S5','逾期在办','会议决定',3,'2026-03-02','2026-03-25','given','办理中',NULL,'2026-03-02 09:00:00'),
 (6,'S6','回头看通过','领导批示',2,'2025-12-01','2026-01-30','given','已销号','2026-01-29','2026-03-05 09:00:00'),
 (7,'S7','回头看未通过','领导批示',2,'2026-01-05','2026-03-31','given','已销号','2026-03-13','2026-03-13 09:00:00'),
 (8,'S8','下一季度','会议决定',3,'2026-04-10','2026-05-10','given','办理中',NULL,'2026-04-10 09:00:00');
INSERT INTO extensions(supervision_id, old_deadline, new_deadline, reason, by_id, at) VALUES
 (3,'2026-02-10','2026-03-10','春节',6,'2026-02-09 10:00:00'),
 (3,'2026-03-10','2026-04-30','资金未到位',6,'2026-03-09 10:00:00');
INSERT INTO notices(supervision_id, note, by_id, at) VALUES
 (1,'请抓紧',6,'2026-02-10 09:00:00'),
 (5,'请抓紧',6,'2026-03-26 09:00:00'),
 (5,'再次催办',6,'2026-03-30 09:00:00'),
 (3,'下季度催办',6,'2026-04-02 09:00:00');
INSERT INTO progress_notes(supervision_id, on_date, note, by_id, at) VALUES
 (6,'2026-03-05','回头看：整改到位',6,'2026-03-05 10:00:00'),
 (7,'2026-02-05','回头看：问题反弹',6,'2026-02-05 10:00:00'),
 (7,'2026-02-06','重新整改中',6,'2026-02-06 10:00:00');
INSERT INTO documents(id, ext_id, title, kind, urgency, from_dept, received, leader_id, state, due, due_rule, due_article, signed_on, updated_at) VALUES
 (1,'D1','一般件按时','请示','一般',1,'2026-02-10',2,'已签批','2026-03-06','documents.approval_limits.normal','二十八','2026-03-04','2026-03-04 09:00:00'),
 (2,'D2','加急件超时','请示','加急',3,'2026-03-02',3,'已签批','2026-03-11','documents.approval_limits.urgent','二十八','2026-03-16','2026-03-16 09:00:00'),
 (3,'D3','一般件在批','请示','一般',1,'2026-03-20',2,'待批','2026-04-10','documents.approval_limits.normal','二十八',NULL,'2026-03-20 09:00:00'),
 (4,'D4','特急件逾期待批','请示','特急',2,'2026-03-10',2,'待批','2026-03-17','documents.approval_limits.very_urgent','二十八',NULL,'2026-03-10 09:00:00'),
 (5,'D5','去年收文今年签批','报告','一般',2,'2025-12-20',3,'已签批','2026-01-09','documents.approval_limits.normal','二十八','2026-01-06','2026-01-06 09:00:00');
";

/// The fixture in a store (in memory, or a file for the binary).
pub fn store_at(path: Option<&std::path::Path>) -> Store {
    let st = match path {
        Some(p) => Store::open(p).unwrap(),
        None => Store::open_in_memory().unwrap(),
    };
    st.conn().execute_batch(SQL).unwrap();
    st
}
