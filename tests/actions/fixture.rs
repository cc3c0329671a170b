//! A small district on an in-memory database, and helpers to look at it.

use chrono::NaiveDate;
use dutydesk::calendar::Calendar;
use dutydesk::clock::Clock;
use dutydesk::domain::Env;
use dutydesk::profile::Profile;
use dutydesk::store::Store;
use dutydesk::{Error, Result};
use rusqlite::OptionalExtension;

/// Monday 2025-03-10.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 10).unwrap()
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// People: 1 mayor (区长), 2 exec (常务副区长), 3 wang and 4 zhao (副区长, A/B partners),
/// 10 qian (副区长, no partner), 5 chen (办公室主任), 6 liu (值班员), 7 sun (head of
/// dept 1), 8 zhou (head of dept 2), 9 wu (head of dept 3).
/// Documents: 1 D1 → wang, 2 D2 → mayor, 3 D3 signed, 4 D4 unrouted.
/// Supervision: 1 S1 open (lead 1, co 2, due 2025-03-31), 2 S2 closed.
/// Meetings: 1 M1 常务会议 on 2025-03-20 chaired by the mayor (topic 1), 2 M2 常务会议
/// on 2025-03-05 still marked planned, owing documents, 3 M3 学习会 held 2025-03-03,
/// 4 M4 cancelled.
pub const FIXTURE: &str = "
INSERT INTO meta(key, value) VALUES ('clock', 'pinned');
INSERT INTO departments(id, ext_id, name) VALUES
  (1, 'fgj', '发改局'), (2, 'czj', '财政局'), (3, 'jyj', '教育局');
INSERT INTO people(id, ext_id, login, name, role, dept_id, partner_id) VALUES
  (1, 'p1', 'mayor', '张区长', '区长', NULL, NULL),
  (2, 'p2', 'exec', '李常务', '常务副区长', NULL, NULL),
  (3, 'p3', 'wang', '王副区长', '副区长', NULL, NULL),
  (4, 'p4', 'zhao', '赵副区长', '副区长', NULL, NULL),
  (5, 'p5', 'chen', '陈主任', '办公室主任', NULL, NULL),
  (6, 'p6', 'liu', '刘值班', '值班员', NULL, NULL),
  (7, 'p7', 'sun', '孙局长', '部门负责人', 1, NULL),
  (8, 'p8', 'zhou', '周局长', '部门负责人', 2, NULL),
  (9, 'p9', 'wu', '吴局长', '部门负责人', 3, NULL),
  (10, 'p10', 'qian', '钱副区长', '副区长', NULL, NULL);
UPDATE people SET partner_id = 4 WHERE id = 3;
UPDATE people SET partner_id = 3 WHERE id = 4;
INSERT INTO documents(id, ext_id, title, kind, urgency, from_dept, received, leader_id, state, due, updated_at) VALUES
  (1, 'D1', '关于发改项目的请示', '请示', '一般', 1, '2025-03-03', 3, '待批', '2025-03-21', '2025-03-03 09:00:00'),
  (2, 'D2', '关于财政预算的请示', '请示', '加急', 2, '2025-03-04', 1, '待批', '2025-03-13', '2025-03-04 09:00:00'),
  (3, 'D3', '关于教育工作的报告', '报告', '一般', 3, '2025-03-01', 3, '已签批', '2025-03-19', '2025-03-05 09:00:00'),
  (4, 'D4', '未分送的请示', '请示', '一般', 3, '2025-03-06', NULL, '待批', '2025-03-26', '2025-03-06 09:00:00');
INSERT INTO supervision(id, ext_id, title, source, lead_dept, assigned, deadline, state, updated_at) VALUES
  (1, 'S1', '推进重点项目建设', '会议决定', 1, '2025-03-01', '2025-03-31', '办理中', '2025-03-01 09:00:00'),
  (2, 'S2', '整改审计问题', '督查发现', 3, '2025-01-01', '2025-02-28', '已销号', '2025-02-28 09:00:00');
INSERT INTO supervision_co(supervision_id, dept_id) VALUES (1, 2);
INSERT INTO meetings(id, ext_id, title, kind, start_at, chair_id, state, docs_owed, updated_at) VALUES
  (1, 'M1', '区政府第十次常务会议', '常务会议', '2025-03-20 09:00', 1, '待召开', 1, '2025-03-01 09:00:00'),
  (2, 'M2', '区政府第九次常务会议', '常务会议', '2025-03-05 09:00', 1, '待召开', 1, '2025-03-01 09:00:00'),
  (3, 'M3', '区政府学习会', '学习会', '2025-03-03 15:00', 1, '已召开', 0, '2025-03-01 09:00:00'),
  (4, 'M4', '已取消的专题会议', '专题会议', '2025-03-07 09:00', 3, '已取消', 1, '2025-03-01 09:00:00');
INSERT INTO topics(id, meeting_id, title, dept_id, added_at) VALUES
  (1, 1, '审议重点项目计划', 1, '2025-03-01 09:00:00');
";

pub const DISTRICT: &str = "[district]\nid = \"test\"\nname = \"测试区\"\nprovince = \"测试省\"\nsource = \"测试规则\"\nversion = \"2025\"\n";

/// Rules like huarong's: 常务 or another 副区长 for the 区长 (六), department heads ask
/// leave in writing (四十八), close-out and 督办通知 by the office (六十四).
pub const HUARONG_LIKE: &str = "
[people]
mayor_standin = { roles = [\"常务副区长\", \"副区长\"], article = \"六\" }
ab_partner_standin = { value = true, article = \"八\" }
[meetings.executive]
dept_head_leave_in_writing = { value = true, article = \"四十八\" }
[supervision]
close_by_office = { value = true, article = \"六十四\" }
notice_on_urge = { value = true, article = \"六十四\" }
recheck = { value = true, article = \"六十三\" }
";

/// A profile: the district header plus `rules` (TOML).
pub fn profile(rules: &str) -> Profile {
    toml::from_str(&format!("{DISTRICT}{rules}")).unwrap()
}

/// The test district's database.
pub fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.write(|tx| {
        tx.execute_batch(FIXTURE)
            .map_err(|e| Error::invalid("fixture", e.to_string()))
    })
    .unwrap();
    s
}

/// `actor` acting today under a profile that is silent on everything.
pub fn env(actor: &str) -> Env {
    env_with("", actor)
}

/// `actor` acting today under the test district with `rules`.
pub fn env_with(rules: &str, actor: &str) -> Env {
    Env::new(
        profile(rules),
        Calendar::embedded(),
        Clock::pinned(today()),
        actor,
    )
}

/// Records an absence covering `from..=to`.
pub fn away(store: &mut Store, person: i64, from: &str, to: &str) {
    store
        .conn()
        .execute(
            "INSERT INTO absences(person_id, start_on, end_on) VALUES (?1, ?2, ?3)",
            rusqlite::params![person, from, to],
        )
        .unwrap();
}

/// The reason of a refusal, in Chinese and English; panics on anything else.
pub fn refused<T: std::fmt::Debug>(r: Result<T>) -> (String, String) {
    match r {
        Err(Error::Refused { zh, en } | Error::NoSuch { zh, en }) => (zh, en),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// Whether `r` is a not-found error naming `what`.
pub fn not_found<T: std::fmt::Debug>(r: Result<T>, what: &str) {
    match r {
        Err(Error::NotFound(s)) => assert!(s.contains(what), "{s} should name {what}"),
        // What a command names is resolved at the door: nothing there is a refusal in
        // the user's language, naming what was asked for.
        Err(Error::NoSuch { en, .. }) => assert!(en.starts_with("no "), "{en} should say none"),
        other => panic!("expected not found, got {other:?}"),
    }
}

/// One text column of one row (None for NULL or no row).
pub fn text(store: &Store, sql: &str, id: i64) -> Option<String> {
    store
        .conn()
        .query_row(sql, [id], |r| r.get::<_, Option<String>>(0))
        .optional()
        .unwrap()
        .flatten()
}

/// A count.
pub fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

pub fn audit_rows(store: &Store) -> i64 {
    count(store, "SELECT COUNT(*) FROM audit")
}

/// The last audit entry: (actor, action, entity, entity_id, summary, before, after).
pub type AuditRow = (
    String,
    String,
    String,
    i64,
    String,
    Option<serde_json::Value>,
    Option<serde_json::Value>,
);

pub fn last_audit(store: &Store) -> AuditRow {
    store
        .conn()
        .query_row(
            "SELECT actor, action, entity, entity_id, summary, before, after FROM audit
             ORDER BY id DESC LIMIT 1",
            [],
            |r| {
                let json = |s: Option<String>| s.map(|s| serde_json::from_str(&s).unwrap());
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    json(r.get(5)?),
                    json(r.get(6)?),
                ))
            },
        )
        .unwrap()
}

/// Every table's rows as text, to show that a refused action changed nothing.
pub fn dump(store: &Store) -> String {
    let tables = [
        "documents",
        "supervision",
        "meetings",
        "topics",
        "leave_requests",
        "extensions",
        "progress_notes",
        "notices",
        "audit",
    ];
    let mut out = String::new();
    for t in tables {
        // Fixed table names from the list above, not user input.
        let mut stmt = store.conn().prepare(&format!("SELECT * FROM {t}")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut line = String::new();
                for i in 0..n {
                    line.push_str(&format!("{:?}|", r.get_ref(i)?));
                }
                Ok(line)
            })
            .unwrap();
        for row in rows {
            out.push_str(&row.unwrap());
            out.push('\n');
        }
    }
    out
}

/// The item actions with the signatures they had before the command layer: each builds
/// one command and performs it through `command::perform`, so these tests go through the
/// one door like the board and the command line.
pub mod actions {
    use chrono::NaiveDate;
    use dutydesk::Result;
    use dutydesk::command::{self, Command, Done, Ref, UrgeRef};
    use dutydesk::domain::Env;
    use dutydesk::store::Store;

    /// An item that can be urged.
    #[derive(Debug, Clone, Copy)]
    pub enum Target {
        Document(i64),
        Supervision(i64),
    }

    fn run(s: &mut Store, env: &Env, cmd: Command) -> Result<Done> {
        command::perform(s, env, &cmd)
    }

    pub fn sign(s: &mut Store, env: &Env, doc: i64, text: &str) -> Result<Done> {
        run(
            s,
            env,
            Command::Sign {
                doc: Ref::Id(doc),
                text: text.into(),
                on_paper: None,
            },
        )
    }
    pub fn return_document(s: &mut Store, env: &Env, doc: i64, reason: &str) -> Result<Done> {
        run(
            s,
            env,
            Command::Return {
                doc: Ref::Id(doc),
                reason: reason.into(),
                on_paper: None,
            },
        )
    }
    pub fn forward(s: &mut Store, env: &Env, doc: i64, to: &str, note: &str) -> Result<Done> {
        run(
            s,
            env,
            Command::Forward {
                doc: Ref::Id(doc),
                to: to.into(),
                note: note.into(),
            },
        )
    }
    pub fn urge(s: &mut Store, env: &Env, t: Target, note: &str) -> Result<Done> {
        let item = match t {
            Target::Document(d) => UrgeRef::Document(Ref::Id(d)),
            Target::Supervision(x) => UrgeRef::Supervision(Ref::Id(x)),
        };
        run(
            s,
            env,
            Command::Urge {
                item,
                note: note.into(),
            },
        )
    }
    pub fn extend(s: &mut Store, env: &Env, sup: i64, to: NaiveDate, reason: &str) -> Result<Done> {
        run(
            s,
            env,
            Command::Extend {
                sup: Ref::Id(sup),
                to,
                reason: reason.into(),
            },
        )
    }
    pub fn add_progress(s: &mut Store, env: &Env, sup: i64, note: &str) -> Result<Done> {
        run(
            s,
            env,
            Command::Progress {
                sup: Ref::Id(sup),
                note: note.into(),
            },
        )
    }
    pub fn close(s: &mut Store, env: &Env, sup: i64, note: &str) -> Result<Done> {
        run(
            s,
            env,
            Command::Close {
                sup: Ref::Id(sup),
                note: note.into(),
            },
        )
    }
    pub fn reopen(s: &mut Store, env: &Env, sup: i64, reason: &str) -> Result<Done> {
        run(
            s,
            env,
            Command::Reopen {
                sup: Ref::Id(sup),
                reason: reason.into(),
            },
        )
    }
    pub fn set_recheck(s: &mut Store, env: &Env, sup: i64, on: NaiveDate) -> Result<Done> {
        run(
            s,
            env,
            Command::Recheck {
                sup: Ref::Id(sup),
                on,
            },
        )
    }
    pub fn add_topic(
        s: &mut Store,
        env: &Env,
        meeting: i64,
        title: &str,
        dept: Option<i64>,
    ) -> Result<Done> {
        let dept = dept.map(|d| {
            s.conn()
                .query_row("SELECT ext_id FROM departments WHERE id = ?1", [d], |r| {
                    r.get::<_, String>(0)
                })
                .unwrap_or_else(|_| format!("#{d}"))
        });
        run(
            s,
            env,
            Command::AddTopic {
                meeting: Ref::Id(meeting),
                title: title.into(),
                dept,
            },
        )
    }
    pub fn approve_topic(s: &mut Store, env: &Env, topic: i64) -> Result<Done> {
        run(s, env, Command::ApproveTopic { topic })
    }
    pub fn topic_materials_in(s: &mut Store, env: &Env, topic: i64) -> Result<Done> {
        run(s, env, Command::MaterialsIn { topic })
    }
    pub fn request_leave(
        s: &mut Store,
        env: &Env,
        meeting: i64,
        login: &str,
        reason: &str,
        in_writing: bool,
    ) -> Result<Done> {
        run(
            s,
            env,
            Command::Leave {
                meeting: Ref::Id(meeting),
                person: login.into(),
                reason: reason.into(),
                in_writing,
            },
        )
    }
    pub fn minutes_issued(s: &mut Store, env: &Env, meeting: i64) -> Result<Done> {
        run(
            s,
            env,
            Command::MinutesIssued {
                meeting: Ref::Id(meeting),
                on: None,
            },
        )
    }
    pub fn documents_issued(s: &mut Store, env: &Env, meeting: i64) -> Result<Done> {
        run(
            s,
            env,
            Command::DocumentsIssued {
                meeting: Ref::Id(meeting),
                on: None,
            },
        )
    }
}
