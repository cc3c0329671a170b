//! A small district written with plain SQL inserts, at a pinned today (Monday 2026-11-23),
//! for the board and list tests: every pane has overdue, due-soon and later items.
#![allow(dead_code)]

use chrono::NaiveDate;
use dutydesk::calendar::Calendar;
use dutydesk::clock::Clock;
use dutydesk::domain::Env;
use dutydesk::i18n::Lang;
use dutydesk::profile::Profile;
use dutydesk::store::Store;
use dutydesk::tui::{App, keymap::Keymap, theme::Theme};
use rusqlite::Connection;

pub const TODAY: &str = "2026-11-23";

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The built-in 东昌区 profile.
pub fn profile() -> Profile {
    Profile::builtin("dongchang").unwrap()
}

pub fn env_as(actor: &str) -> Env {
    Env::new(
        profile(),
        Calendar::embedded(),
        Clock::pinned(today()),
        actor,
    )
}

pub fn env() -> Env {
    env_as("liuyang")
}

const SQL: &str = "
INSERT INTO meta(key, value) VALUES ('profile', 'dongchang'), ('clock', 'pinned');
INSERT INTO departments(id, ext_id, name, kind) VALUES
 (1,'d01','区发改局','部门'),(2,'d02','区财政局','部门'),(3,'d03','区教育局','部门'),
 (4,'d04','区住建局','部门'),(5,'d05','区卫健局','部门'),(6,'d06','区应急局','部门'),
 (7,'d07','东城街道','镇街'),(8,'d08','区司法局','部门');
INSERT INTO people(id, ext_id, login, name, role, dept_id, partner_id) VALUES
 (1,'p01','wangjg','王建国','区长',NULL,NULL),
 (2,'p02','liming','李明','常务副区长',NULL,NULL),
 (3,'p03','zhanghua','张华','副区长',NULL,4),
 (4,'p04','zhaomin','赵敏','副区长',NULL,3),
 (5,'p05','chenjing','陈静','办公室主任',NULL,NULL),
 (6,'p06','liuyang','刘洋','值班员',NULL,NULL),
 (7,'p07','sunqiang','孙强','部门负责人',1,NULL);
INSERT INTO divisions(person_id, dept_id) VALUES (3,3),(3,5),(4,7),(4,4),(2,2),(2,1),(2,6);
INSERT INTO absences(person_id, start_on, end_on, reason) VALUES (4,'2026-11-20','2026-11-26','出差'),(3,'2026-10-01','2026-10-03','休假');
INSERT INTO duty_rota(day, officer_id, leader_id) VALUES ('2026-11-23',6,2);
INSERT INTO documents(id, ext_id, doc_no, title, kind, urgency, from_dept, received, leader_id, state, due, due_rule, due_article, urged_count, updated_at) VALUES
 (1,'doc-101','东教字〔2026〕31号','关于申请2027年教育经费预算的请示','请示','加急',3,'2026-11-10',4,'待批','2026-11-19','documents.approval_limits.urgent','二十八',1,'2026-11-20 10:00:00'),
 (2,'doc-102','','东城街道老旧小区改造实施方案','报告','一般',7,'2026-11-05',3,'待批','2026-11-25','documents.approval_limits.normal','二十八',0,'2026-11-05 09:00:00'),
 (3,'doc-103','东应急〔2026〕9号','关于召开全区安全生产工作会议的请示','请示','特急',6,'2026-11-20',2,'待批','2026-11-27','documents.approval_limits.very_urgent','二十八',0,'2026-11-20 09:00:00'),
 (4,'doc-104','东财函〔2026〕15号','区财政局关于调整部门预算的函','函','特急重要',2,'2026-11-23',1,'待批','2026-11-26','documents.approval_limits.critical','二十八',0,'2026-11-23 08:30:00'),
 (5,'doc-105','','卫健局关于疫苗冷链采购事项的请示','请示','一般',5,'2026-11-20',3,'待批','2026-12-10','documents.approval_limits.normal','二十八',0,'2026-11-20 09:00:00'),
 (6,'doc-106','','已签批的通知','通知','一般',1,'2026-11-02',2,'已签批','2026-11-20','documents.approval_limits.normal','二十八',0,'2026-11-03 09:00:00');
INSERT INTO countersigns(document_id, dept_id, requested, due, due_rule, due_article, answer, answered_on) VALUES
 (1,2,'2026-11-10','2026-11-19','documents.countersign_reply','二十七',NULL,NULL),
 (1,1,'2026-11-10','2026-11-19','documents.countersign_reply','二十七','同意','2026-11-12'),
 (3,8,'2026-11-20','2026-12-01','documents.countersign_reply','二十七',NULL,NULL);
INSERT INTO notices(document_id, note, by_id, at) VALUES (1,'请尽快签批',6,'2026-11-20 10:00:00');
INSERT INTO meetings(id, ext_id, title, kind, start_at, place, chair_id, state, docs_owed, materials_due, materials_rule, materials_article, minutes_due, minutes_rule, minutes_article, minutes_issued_on, docs_due, docs_rule, docs_article, updated_at) VALUES
 (1,'m-24','第二十四次常务会议','常务会议','2026-11-25 09:00','第一会议室',1,'待召开',0,'2026-11-18','meetings.executive.materials_lead','二十二','2026-12-02','meetings.executive.minutes_within','二十二',NULL,'2026-12-04','meetings.executive.documents_within','二十二','2026-11-01 09:00:00'),
 (2,'m-25','安全生产专题会议','专题会议','2026-11-30 14:30','第二会议室',2,'待召开',0,'2026-11-27','default.materials_lead',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'2026-11-01 09:00:00'),
 (3,'m-23','第二十三次常务会议','常务会议','2026-11-11 09:00','第一会议室',1,'已召开',2,'2026-11-04','meetings.executive.materials_lead','二十二','2026-11-18','meetings.executive.minutes_within','二十二',NULL,'2026-11-20','meetings.executive.documents_within','二十二','2026-11-11 12:00:00'),
 (4,'m-22','全体会议','全体会议','2026-10-15 09:00','大礼堂',1,'已召开',0,NULL,NULL,NULL,'2026-10-22','default.minutes_within',NULL,'2026-10-20',NULL,NULL,NULL,'2026-10-20 09:00:00'),
 (5,'m-26','区长办公会议','区长办公会议','2026-12-20 09:00','第三会议室',1,'待召开',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'2026-11-01 09:00:00');
INSERT INTO meeting_members(meeting_id, person_id) VALUES (1,1),(1,2),(1,3),(1,4),(2,2),(2,3),(3,1),(3,2),(3,3),(3,4);
INSERT INTO topics(id, meeting_id, title, dept_id, materials_on, approved, added_at) VALUES
 (1,1,'2027年教育经费预算',3,NULL,1,'2026-11-10 09:00:00'),
 (2,1,'老旧小区改造实施方案',7,'2026-11-17',0,'2026-11-10 09:00:00');
INSERT INTO leave_requests(meeting_id, person_id, requested_on, reason, in_writing) VALUES (1,4,'2026-11-20','出差',1),(1,2,'2026-11-21','省里开会',0);
INSERT INTO supervision(id, ext_id, title, source, lead_dept, assigned, deadline, deadline_rule, deadline_article, state, last_progress_on, last_progress, urged_count, updated_at) VALUES
 (1,'sup-01','背街小巷环境整治','会议决定',4,'2026-10-10','2026-11-13','given',NULL,'办理中','2026-11-10','已完成60%',2,'2026-11-10 09:00:00'),
 (2,'sup-02','人大建议第12号：增设公交线路','人大建议',1,'2026-08-20','2026-11-20','supervision.proposal_limit','三十三','办理中',NULL,NULL,0,'2026-08-20 09:00:00'),
 (3,'sup-03','政府工作报告：新建两所幼儿园','政府工作报告',3,'2026-03-01','2026-11-27','given',NULL,'办理中','2026-11-16','主体完工',0,'2026-11-16 09:00:00'),
 (4,'sup-04','督查发现：河道垃圾清理','督查发现',7,'2026-11-01','2026-12-31','given',NULL,'办理中',NULL,NULL,0,'2026-11-01 09:00:00'),
 (5,'sup-05','已销号事项','领导批示',2,'2026-09-01','2026-10-01','given',NULL,'已销号',NULL,NULL,0,'2026-10-01 09:00:00');
INSERT INTO supervision_co(supervision_id, dept_id) VALUES (1,7),(1,1);
INSERT INTO extensions(supervision_id, old_deadline, new_deadline, reason, by_id, at) VALUES (1,'2026-10-30','2026-11-13','雨季施工延误',5,'2026-10-28 15:00:00');
INSERT INTO progress_notes(supervision_id, on_date, note, by_id, at) VALUES (1,'2026-10-20','已完成30%',7,'2026-10-20 16:00:00'),(1,'2026-11-10','已完成60%',7,'2026-11-10 16:00:00');
INSERT INTO audit(at, actor, action, entity, entity_id, summary) VALUES
 ('2026-11-10 09:00:00','liuyang','import','document',1,'收文登记'),
 ('2026-11-20 10:00:00','liuyang','urge','document',1,'催办：请尽快签批'),
 ('2026-10-28 15:00:00','chenjing','extend','supervision',1,'延期至2026-11-13');
";

/// Fills a fresh store with the fixture district.
pub fn fill(conn: &Connection) {
    conn.execute_batch(SQL).unwrap();
}

pub fn store() -> Store {
    let store = Store::open_in_memory().unwrap();
    fill(store.conn());
    store
}

/// A file database with the fixture (for tests with two connections or the binary).
pub fn file_store(dir: &std::path::Path) -> (std::path::PathBuf, Store) {
    let path = dir.join("duty.db");
    let store = Store::open(&path).unwrap();
    fill(store.conn());
    (path, store)
}

pub fn app_on(store: &mut Store, lang: Lang, w: u16, h: u16) -> App {
    app_as(store, "liuyang", lang, w, h)
}

/// A board acting as `login`.
pub fn app_as(store: &mut Store, login: &str, lang: Lang, w: u16, h: u16) -> App {
    let mut app = App::new(
        store,
        env_as(login),
        lang,
        Keymap::default(),
        Theme::mono(),
        5,
    )
    .unwrap();
    app.resize(w, h);
    app
}

/// The text of a buffer, one line per row, wide characters once (their shadow cell
/// skipped), trailing spaces trimmed, times of day (`12:34:56`) replaced by `hh:mm:ss`:
/// the clock's date is pinned but writes stamp the real time of day.
pub fn text(buf: &ratatui::buffer::Buffer) -> String {
    normalize_times(&raw_text(buf))
}

/// Replaces every `dd:dd:dd` with `hh:mm:ss` (same width), and the date in front of one
/// with `YYYY-MM-DD`: the audit history shows the real time, never the pinned day.
pub fn normalize_times(s: &str) -> String {
    let s = normalize_clock(s);
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(i) = rest.find(" hh:mm:ss") {
        let head = &rest[..i];
        let date_like = head.len() >= 10
            && head.is_char_boundary(head.len() - 10)
            && head[head.len() - 10..].bytes().enumerate().all(|(k, b)| {
                if k == 4 || k == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if date_like {
            out.push_str(&head[..head.len() - 10]);
            out.push_str("YYYY-MM-DD");
        } else {
            out.push_str(head);
        }
        out.push_str(" hh:mm:ss");
        rest = &rest[i + " hh:mm:ss".len()..];
    }
    out.push_str(rest);
    out
}

fn normalize_clock(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    let d = |i: usize| c.get(i).is_some_and(|x| x.is_ascii_digit());
    let colon = |i: usize| c.get(i) == Some(&':');
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < c.len() {
        if d(i)
            && d(i + 1)
            && colon(i + 2)
            && d(i + 3)
            && d(i + 4)
            && colon(i + 5)
            && d(i + 6)
            && d(i + 7)
        {
            out.push_str("hh:mm:ss");
            i += 8;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// The text of a buffer as drawn.
pub fn raw_text(buf: &ratatui::buffer::Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            let cell = &buf[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = cell.symbol();
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Renders the app into a fresh buffer of `w`×`h`.
pub fn render(app: &App, w: u16, h: u16) -> ratatui::buffer::Buffer {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term.backend().buffer().clone()
}
