//! A small district for the rule tests, on an in-memory database, under any of the five
//! built-in profiles. Items are inserted with SQL, their stored deadlines computed by
//! `domain::deadline` as registration does.

#![allow(dead_code)]

use chrono::NaiveDate;
use dutydesk::Error;
use dutydesk::calendar::Calendar;
use dutydesk::clock::Clock;
use dutydesk::domain::compliance::{Finding, Severity};
use dutydesk::domain::{Env, MeetingKind, Urgency, deadline};
use dutydesk::profile::Profile;
pub use dutydesk::store::Store;
use dutydesk::store::compliance;
use rusqlite::params;

pub const PROFILES: [&str; 5] = ["xinzhou", "huancui", "kongtong", "dongchang", "huarong"];

/// Monday 2025-03-10, an ordinary working day.
pub fn today() -> NaiveDate {
    date("2025-03-10")
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Departments 1 发改局 (fgj), 2 财政局 (czj), 3 教育局 (jyj). People: 1 张区长 (mayor),
/// 2 李常务 (exec), 3 王副区长 (wang) and 4 赵副区长 (zhao), A/B partners, 5 钱副区长
/// (qian), 6 陈主任 (chen, office director), 7 刘值班 (liu, duty officer), 8 孙局长 (sun,
/// head of 发改局), 9 周局长 (zhou, head of 财政局). Divisions: wang 分管 发改局, zhao 分管
/// 财政局, both 分管 教育局.
pub const ORG: &str = "
INSERT INTO meta(key, value) VALUES ('clock', 'pinned');
INSERT INTO departments(id, ext_id, name) VALUES
  (1, 'fgj', '发改局'), (2, 'czj', '财政局'), (3, 'jyj', '教育局');
INSERT INTO people(id, ext_id, login, name, role, dept_id, partner_id) VALUES
  (1, 'p1', 'mayor', '张区长', '区长', NULL, NULL),
  (2, 'p2', 'exec', '李常务', '常务副区长', NULL, NULL),
  (3, 'p3', 'wang', '王副区长', '副区长', NULL, NULL),
  (4, 'p4', 'zhao', '赵副区长', '副区长', NULL, NULL),
  (5, 'p5', 'qian', '钱副区长', '副区长', NULL, NULL),
  (6, 'p6', 'chen', '陈主任', '办公室主任', NULL, NULL),
  (7, 'p7', 'liu', '刘值班', '值班员', NULL, NULL),
  (8, 'p8', 'sun', '孙局长', '部门负责人', 1, NULL),
  (9, 'p9', 'zhou', '周局长', '部门负责人', 2, NULL);
UPDATE people SET partner_id = 4 WHERE id = 3;
UPDATE people SET partner_id = 3 WHERE id = 4;
INSERT INTO divisions(person_id, dept_id) VALUES (3, 1), (4, 2), (3, 3), (4, 3);
";

pub fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.write(|tx| {
        tx.execute_batch(ORG)
            .map_err(|e| Error::invalid("fixture", e.to_string()))
    })
    .unwrap();
    s
}

/// `actor` acting on `today` under a built-in profile.
pub fn env_on(profile: &str, today: NaiveDate, actor: &str) -> Env {
    Env::new(
        Profile::builtin(profile).unwrap(),
        Calendar::embedded(),
        Clock::pinned(today),
        actor,
    )
}

/// The office director acting on [`today`].
pub fn env(profile: &str) -> Env {
    env_on(profile, today(), "chen")
}

pub fn exec(store: &Store, sql: &str, p: impl rusqlite::Params) {
    store.conn().execute(sql, p).unwrap();
}

/// Every finding, as `dutydesk check` computes them.
pub fn findings(store: &mut Store, env: &Env) -> Vec<Finding> {
    store.read(|tx| compliance::check(tx, env)).unwrap()
}

/// The findings under one rule key.
pub fn under(store: &mut Store, env: &Env, rule: &str) -> Vec<Finding> {
    findings(store, env)
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// Asserts exactly one finding under `rule`, of `severity`, citing `article`; returns it.
pub fn one(
    store: &mut Store,
    env: &Env,
    rule: &str,
    severity: Severity,
    article: Option<&str>,
) -> Finding {
    let mut v = under(store, env, rule);
    assert_eq!(
        v.len(),
        1,
        "{}: expected one finding under {rule}, got {v:#?}",
        env.profile.district.id
    );
    let f = v.remove(0);
    assert_eq!(f.severity, severity, "{f:#?}");
    assert_eq!(f.article.as_deref(), article, "{f:#?}");
    f
}

/// Asserts no finding under `rule`.
pub fn none(store: &mut Store, env: &Env, rule: &str) {
    let v = under(store, env, rule);
    assert!(
        v.is_empty(),
        "{}: expected nothing under {rule}, got {v:#?}",
        env.profile.district.id
    );
}

/// A pending document from `dept`, routed to `leader`, with its approval deadline.
pub fn document(
    store: &Store,
    env: &Env,
    id: i64,
    kind: &str,
    urgency: Urgency,
    received: &str,
    leader: Option<i64>,
) {
    let d = deadline::approval(env, urgency, date(received));
    exec(
        store,
        "INSERT INTO documents(id, ext_id, title, kind, urgency, from_dept, received, leader_id,
             due, due_rule, due_article, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9, ?10, ?6)",
        params![
            id,
            format!("D{id}"),
            format!("公文{id}"),
            kind,
            urgency,
            received,
            leader,
            d.due.to_string(),
            d.rule,
            d.article
        ],
    );
}

/// A meeting of `kind` on `day` in `state`, with its deadlines computed from the profile.
pub fn meeting(store: &Store, env: &Env, id: i64, kind: MeetingKind, day: &str, state: &str) {
    let d = date(day);
    let m = deadline::materials(env, kind, d);
    let mi = deadline::minutes(env, kind, d);
    let docs = deadline::documents(env, kind, d, false);
    exec(
        store,
        "INSERT INTO meetings(id, ext_id, title, kind, start_at, chair_id, state,
             materials_due, materials_rule, materials_article,
             minutes_due, minutes_rule, minutes_article, docs_due, docs_rule, docs_article,
             updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?5)",
        params![
            id,
            format!("M{id}"),
            format!("会议{id}"),
            kind,
            format!("{day} 09:00"),
            state,
            m.due.to_string(),
            m.rule,
            m.article,
            mi.as_ref().map(|x| x.due.to_string()),
            mi.as_ref().map(|x| x.rule.clone()),
            mi.as_ref().and_then(|x| x.article.clone()),
            docs.due.to_string(),
            docs.rule,
            docs.article
        ],
    );
}

/// An absence of `person` over `from..=to`, reported on `reported`.
pub fn absence(store: &Store, person: i64, from: &str, to: &str, reported: Option<&str>) {
    exec(
        store,
        "INSERT INTO absences(person_id, start_on, end_on, reported_on) VALUES (?1, ?2, ?3, ?4)",
        params![person, from, to, reported],
    );
}

/// The reason of a refusal; panics on anything else.
pub fn refused<T: std::fmt::Debug>(r: dutydesk::Result<T>) -> (String, String) {
    match r {
        Err(Error::Refused { zh, en }) => (zh, en),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// The rules' writes with the signatures they had before the command layer, each one
/// command performed through `command::perform`.
pub mod writes {
    use chrono::NaiveDate;
    use dutydesk::Result;
    use dutydesk::command::{self, Command, Detail, Done, ImportMode, ImportSource, Ref};
    use dutydesk::domain::Env;
    use dutydesk::interchange::Format;
    use dutydesk::store::Store;

    fn run(s: &mut Store, env: &Env, cmd: Command) -> Result<Done> {
        command::perform(s, env, &cmd)
    }

    pub fn mark_printed(s: &mut Store, env: &Env, doc: i64) -> Result<Done> {
        run(s, env, Command::Printed { doc: Ref::Id(doc) })
    }
    pub fn mark_published(s: &mut Store, env: &Env, doc: i64) -> Result<Done> {
        run(s, env, Command::Published { doc: Ref::Id(doc) })
    }
    pub fn step_done(s: &mut Store, env: &Env, project: i64, step: usize) -> Result<Done> {
        // The command numbers steps from 1, as people do.
        run(
            s,
            env,
            Command::Step {
                project: Ref::Id(project),
                step: step + 1,
            },
        )
    }
    pub fn project_id(s: &Store, ext: &str) -> i64 {
        s.conn()
            .query_row(
                "SELECT id FROM investment_projects WHERE ext_id = ?1",
                [ext],
                |r| r.get(0),
            )
            .unwrap()
    }
    pub fn recheck_done(s: &mut Store, env: &Env, sup: i64, note: &str) -> Result<Done> {
        run(
            s,
            env,
            Command::Rechecked {
                sup: Ref::Id(sup),
                note: note.into(),
            },
        )
    }
    #[allow(clippy::too_many_arguments)]
    pub fn record_decision(
        s: &mut Store,
        env: &Env,
        meeting: i64,
        title: &str,
        lead: i64,
        co: &[i64],
        deadline: Option<NaiveDate>,
    ) -> Result<Done> {
        let ext = |d: i64| {
            s.conn()
                .query_row("SELECT ext_id FROM departments WHERE id = ?1", [d], |r| {
                    r.get::<_, String>(0)
                })
                .unwrap_or_else(|_| format!("#{d}"))
        };
        let lead = ext(lead);
        let co = co.iter().map(|d| ext(*d)).collect();
        run(
            s,
            env,
            Command::Decide {
                meeting: Ref::Id(meeting),
                title: title.into(),
                lead,
                co,
                deadline,
            },
        )
    }
    /// `dutydesk settle` on `env`'s day, run by the office director; how many were stored.
    pub fn settle(s: &mut Store, env: &Env) -> usize {
        let office = Env {
            actor: "chen".into(),
            account: "chen".into(),
            ..env.clone()
        };
        match run(s, &office, Command::Settle).unwrap().detail {
            Detail::Settled(n) => n,
            other => panic!("{other:?}"),
        }
    }
    /// An import by the office director (JSON Lines text).
    pub fn import(s: &mut Store, env: &Env, text: &str) -> Result<()> {
        let office = Env {
            actor: "chen".into(),
            account: "chen".into(),
            ..env.clone()
        };
        run(
            s,
            &office,
            Command::Import {
                source: ImportSource::Text {
                    name: "t.jsonl".into(),
                    text: text.into(),
                    format: Format::Jsonl,
                },
                mode: ImportMode::Ordinary,
            },
        )
        .map(|_| ())
    }
}
