//! `dutydesk list approvals|supervision|meetings [--overdue] [--due-within N] [--json]
//! [--count]`: the board's pane queries without the row limit, streamed page by page
//! (keyset paging on the deadline order) so a large database never sits in memory. A read:
//! it never writes, whatever `--today` says.

use super::{Ctx, ListWhat};
use crate::domain::Env;
use crate::i18n::{Lang, Named};
use crate::store::Store;
use crate::store::queries::{self, Due, Filter};
use crate::text::{pad, width};
use anyhow::Result;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::io::Write;

/// Rows fetched per page.
const PAGE: usize = 1000;

/// One listed item, ready to print.
struct Out {
    json: Value,
    cells: Vec<String>,
    due: Option<chrono::NaiveDate>,
    key: (String, i64),
}

/// Which open items are listed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Narrow {
    /// Only overdue items.
    pub overdue: bool,
    /// Only items due within N working days (overdue included).
    pub due_within: Option<i64>,
    /// At most N items, the most urgent first (in the deadline order).
    pub limit: Option<usize>,
}

pub fn run(
    ctx: &Ctx,
    what: ListWhat,
    narrow: Narrow,
    json: bool,
    count: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let Narrow {
        overdue,
        due_within,
        limit,
    } = narrow;
    // A read: the file is opened read-only and nothing is recorded. Countersign silence
    // the rules count as consent is derived as of `env.today()` by the queries.
    let mut store = ctx.open_store_read_only()?;
    let env = ctx.listing_env(&store)?;
    let lang = ctx.lang;
    let mut f = Filter {
        overdue_only: overdue,
        due_within,
        limit: PAGE,
        // The command line lists every open supervision item unless narrowed.
        all_open: true,
        due_soon_workdays: ctx
            .config
            .due_soon_workdays
            .unwrap_or(queries::DEFAULT_DUE_SOON),
        ..Filter::default()
    };
    if count {
        f.limit = 0;
        let (_, total, skipped) = page(&mut store, &env, what, &f, lang)?;
        note_skipped(lang, &skipped);
        let total = limit.map_or(total, |n| total.min(n));
        writeln!(out, "{total}")?;
        return Ok(());
    }
    f.with_counts = false;
    let mut years = BTreeSet::from([chrono::Datelike::year(&env.today())]);
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut skipped = BTreeSet::new();
    let mut left = limit.unwrap_or(usize::MAX);
    loop {
        // The last page of a limited listing asks for no more than is left.
        f.limit = PAGE.min(left);
        let (rows, _, left_out) = page(&mut store, &env, what, &f, lang)?;
        let n = rows.len();
        // Unreadable rows count toward the page (the keyset moves past the readable
        // ones only; a page of nothing readable ends the listing).
        let fetched = n + left_out.len();
        skipped.extend(left_out);
        for r in rows.into_iter().take(left) {
            left -= 1;
            if let Some(d) = r.due {
                years.insert(chrono::Datelike::year(&d));
            }
            f.after = Some(r.key.clone());
            if json {
                writeln!(out, "{}", r.json)?;
            } else {
                table.push(r.cells);
            }
        }
        if fetched < f.limit || n == 0 || left == 0 {
            break;
        }
    }
    note_skipped(lang, &skipped.into_iter().collect::<Vec<_>>());
    if !json {
        print_table(out, &headings(what, lang), &table)?;
    }
    for y in years.into_iter().filter(|y| !env.calendar.has_schedule(*y)) {
        eprintln!("{}", super::calendar::year_warning(&env.calendar, y, lang));
    }
    Ok(())
}

/// Says on stderr which rows were left out because they could not be read.
fn note_skipped(l: Lang, skipped: &[String]) {
    if skipped.is_empty() {
        return;
    }
    let ids = crate::safe_write::escape(&skipped.join(", ")).into_owned();
    eprintln!(
        "{}",
        match l {
            Lang::Zh => format!(
                "注意：{} 条记录无法识读，已略去（{ids}）；详见 dutydesk check",
                skipped.len()
            ),
            Lang::En => format!(
                "note: {} unreadable row(s) left out ({ids}); see dutydesk check",
                skipped.len()
            ),
        }
    );
}

fn headings(what: ListWhat, l: Lang) -> Vec<String> {
    let h: &[(&str, &str)] = match what {
        ListWhat::Approvals => &[
            ("编号", "ID"),
            ("期限", "DUE"),
            ("剩余", "LEFT"),
            ("紧急", "URGENCY"),
            ("领导", "LEADER"),
            ("标题", "TITLE"),
        ],
        ListWhat::Supervision => &[
            ("编号", "ID"),
            ("期限", "DUE"),
            ("剩余", "LEFT"),
            ("牵头单位", "LEAD"),
            ("标题", "TITLE"),
        ],
        ListWhat::Meetings => &[
            ("编号", "ID"),
            ("时间", "START"),
            ("尚欠", "OWES"),
            ("主持", "CHAIR"),
            ("会议", "TITLE"),
        ],
    };
    h.iter()
        .map(|(zh, en)| l.pick(zh, en).to_string())
        .collect()
}

/// Prints an aligned table, padding by terminal cells (the last column is not padded).
fn print_table(out: &mut dyn Write, head: &[String], rows: &[Vec<String>]) -> Result<()> {
    // A cell stays on its line: a line break or tab in the data becomes a space.
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| crate::text::printable(c).into_owned())
                .collect()
        })
        .collect();
    let rows = &rows[..];
    let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(width(c));
            }
        }
    }
    let line = |cells: &[String]| -> String {
        let n = cells.len();
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i + 1 == n {
                    c.clone()
                } else {
                    pad(c, widths[i])
                }
            })
            .collect();
        parts.join("  ").trim_end().to_string()
    };
    writeln!(out, "{}", line(head))?;
    for r in rows {
        writeln!(out, "{}", line(r))?;
    }
    Ok(())
}

fn rule_json(d: &Due) -> Value {
    json!({"key": d.rule, "article": d.article})
}

/// `"provisional": true` and its reason when the deadline counts across a year whose
/// State Council notice is not loaded; `false` and no reason otherwise.
fn with_provisional(mut row: Value, d: &Due, l: Lang) -> Value {
    if let Some(obj) = row.as_object_mut() {
        obj.insert("provisional".into(), json!(d.provisional.is_some()));
        if let Some(p) = &d.provisional {
            obj.insert("provisional_reason".into(), json!(p.reason(l)));
        }
    }
    row
}

/// One page of rows, the total count and the rows left out as unreadable.
fn page(
    store: &mut Store,
    env: &Env,
    what: ListWhat,
    f: &Filter,
    l: Lang,
) -> Result<(Vec<Out>, usize, Vec<String>)> {
    Ok(match what {
        ListWhat::Approvals => {
            let p = store.read(|tx| queries::approvals(tx, env, f))?;
            let rows = p.rows.into_iter().map(|r| Out {
                json: with_provisional(json!({
                    "id": r.ext_id, "title": r.title, "state": "待批",
                    "owner": r.leader.as_ref().map(|p| p.login.clone()),
                    "due": r.due.due.to_string(), "workdays_left": r.due.workdays_left,
                    "overdue": r.due.overdue, "rule": rule_json(&r.due),
                    "doc_no": r.doc_no, "kind": r.kind.zh(), "urgency": r.urgency.zh(),
                    "from": r.from_dept, "received": r.received.to_string(),
                    "stand_in": r.stand_in.as_ref().map(|p| p.login.clone()),
                    "countersign": {"answered": r.countersign.answered, "total": r.countersign.total, "deemed": r.countersign.deemed},
                    "urged_count": r.urged_count,
                }), &r.due, l),
                cells: vec![
                    r.ext_id.clone(),
                    r.due.date_label(l),
                    r.due.workdays_left.to_string(),
                    r.urgency.name(l).to_string(),
                    r.leader.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
                    r.title.clone(),
                ],
                due: Some(r.due.due),
                key: (r.due.due.to_string(), r.id),
            });
            (rows.collect(), p.total, p.skipped)
        }
        ListWhat::Supervision => {
            let p = store.read(|tx| queries::supervision(tx, env, f))?;
            let rows = p.rows.into_iter().map(|r| Out {
                json: with_provisional(json!({
                    "id": r.ext_id, "title": r.title, "state": "办理中", "owner": r.lead_dept,
                    "due": r.deadline.due.to_string(), "workdays_left": r.deadline.workdays_left,
                    "overdue": r.deadline.overdue, "rule": rule_json(&r.deadline),
                    "source": r.source.zh(), "co_departments": r.co_depts, "extensions": r.extensions,
                    "last_progress_on": r.last_progress_on.map(|d| d.to_string()),
                    "last_progress": r.last_progress, "urged_count": r.urged_count,
                }), &r.deadline, l),
                cells: vec![
                    r.ext_id.clone(),
                    r.deadline.date_label(l),
                    r.deadline.workdays_left.to_string(),
                    r.lead_dept.clone(),
                    r.title.clone(),
                ],
                due: Some(r.deadline.due),
                key: (r.deadline.due.to_string(), r.id),
            });
            (rows.collect(), p.total, p.skipped)
        }
        ListWhat::Meetings => {
            let p = store.read(|tx| queries::meetings(tx, env, f))?;
            let rows = p.rows.into_iter().map(|r| {
                // A meeting owing nothing dated is due on its own day.
                let due = r
                    .next_due
                    .clone()
                    .unwrap_or_else(|| Due::new(env, r.day, Some("meeting.start".into()), None));
                let owes: Vec<String> = r.owed.iter().map(|o| o.label(l)).collect();
                Out {
                    json: with_provisional(
                        json!({
                            "id": r.ext_id, "title": r.title, "state": r.state.zh(),
                            "owner": r.chair.as_ref().map(|p| p.login.clone()),
                            "due": due.due.to_string(), "workdays_left": due.workdays_left,
                            "overdue": r.overdue, "rule": rule_json(&due),
                            "kind": r.kind.zh(), "start": r.start, "place": r.place,
                            "members": r.members, "leave_requests": r.leave_requests, "owes": owes,
                        }),
                        &due,
                        l,
                    ),
                    cells: vec![
                        r.ext_id.clone(),
                        r.start.replace('T', " "),
                        owes.join(" "),
                        r.chair.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
                        r.title.clone(),
                    ],
                    due: Some(due.due),
                    key: (r.start.clone(), r.id),
                }
            });
            (rows.collect(), p.total, p.skipped)
        }
    })
}
