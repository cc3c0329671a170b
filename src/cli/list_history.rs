//! `dutydesk list approvals|supervision … --state … --since … --until … --leader …
//! --dept … --urgency … --limit N --sort due|urgency|received|title`: history and search
//! over every state, sorted and cut in SQL (`store::queries::history`). A read.

use super::Ctx;
use crate::command::resolve;
use crate::domain::{DocState, SupState, Urgency};
use crate::i18n::{Lang, Named};
use crate::store::queries::history::{self, Of, Search, Sort};
use crate::text::{pad, width};
use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;
use clap::ValueEnum;
use std::io::Write;

/// `--sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Due,
    Urgency,
    Received,
    Title,
}

/// The history flags of `list`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct HistoryArgs {
    /// Only items in these states (待批|已签批|退回, 办理中|已办结; English names too;
    /// repeat or separate with commas). Any history flag searches every state.
    #[arg(long, value_name = "STATE", value_delimiter = ',')]
    pub state: Vec<String>,
    /// Received (assigned) on or after this day.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date_arg)]
    pub since: Option<NaiveDate>,
    /// Received (assigned) on or before this day.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date_arg)]
    pub until: Option<NaiveDate>,
    /// The leader a document is routed to (name, login or pinyin initials).
    #[arg(long, value_name = "LEADER")]
    pub leader: Option<String>,
    /// The sender (documents) or a lead or co-department (supervision).
    #[arg(long, value_name = "DEPT")]
    pub dept: Option<String>,
    /// Only documents of this urgency (一般|加急|特急|特急重要).
    #[arg(long, value_name = "URGENCY")]
    pub urgency: Option<String>,
    /// At most N items.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Order: due (default), urgency, received (newest first), title (pinyin).
    #[arg(long, value_enum)]
    pub sort: Option<SortArg>,
}

impl HistoryArgs {
    /// Whether any history flag was given (otherwise `list` lists the open items).
    pub fn any(&self) -> bool {
        !self.state.is_empty()
            || self.since.is_some()
            || self.until.is_some()
            || self.leader.is_some()
            || self.dept.is_some()
            || self.urgency.is_some()
            || self.limit.is_some()
            || self.sort.is_some()
    }
}

fn state_name(of: Of, s: &str, lang: Lang) -> Result<String> {
    let found = match of {
        Of::Documents => DocState::parse(s).map(|x| x.zh()),
        Of::Supervision => SupState::parse(s).map(|x| x.zh()),
    };
    found.map(str::to_string).ok_or_else(|| {
        let choices = match of {
            Of::Documents => DocState::choices(),
            Of::Supervision => SupState::choices(),
        };
        anyhow!(
            "{}",
            lang.pick(
                &format!("--state：“{s}”不是状态，可选 {choices}"),
                &format!("--state: '{s}' is not a state; one of {choices}"),
            )
        )
    })
}

/// `list`: the open items as the board shows them, or the history when a history flag
/// is given.
#[allow(clippy::too_many_arguments)]
pub fn dispatch(
    ctx: &Ctx,
    what: super::ListWhat,
    overdue: bool,
    due_within: Option<i64>,
    json: bool,
    count: bool,
    history: &HistoryArgs,
    out: &mut dyn Write,
) -> Result<()> {
    // `--limit` alone cuts the open items' listing (`--overdue --limit 50`: the 50 most
    // urgent overdue); the other history flags search every state, which `--overdue` and
    // `--due-within` (open items by their deadlines) cannot narrow.
    let narrowed = overdue || due_within.is_some();
    let beyond_limit = HistoryArgs {
        limit: None,
        ..history.clone()
    }
    .any();
    if !history.any() || (narrowed && !beyond_limit) {
        return super::list::run(
            ctx,
            what,
            super::list::Narrow {
                overdue,
                due_within,
                limit: history.limit,
            },
            json,
            count,
            out,
        );
    }
    if narrowed {
        bail!(
            "{}",
            ctx.lang.pick(
                "--overdue 和 --due-within 只列在办事项，不能与 --state、--since 等历史筛选同用（--limit 可以）",
                "--overdue and --due-within list open items: they do not combine with history filters such as --state or --since (--limit does)",
            )
        );
    }
    let of = match what {
        super::ListWhat::Approvals => Of::Documents,
        super::ListWhat::Supervision => Of::Supervision,
        super::ListWhat::Meetings => bail!(
            "{}",
            ctx.lang.pick(
                "会议没有 --state/--since 等历史筛选",
                "meetings have no history filters (--state, --since, …)",
            )
        ),
    };
    run(ctx, of, history, json, count, out)
}

pub fn run(
    ctx: &Ctx,
    of: Of,
    a: &HistoryArgs,
    json: bool,
    count: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let store = ctx.open_store_read_only()?;
    let lang = ctx.lang;
    let conn = store.conn();
    let loc = |e: crate::Error| anyhow!(e.localized(lang));
    let leader = match &a.leader {
        Some(l) => Some(
            resolve::person_among(conn, l, resolve::Among::Leaders)
                .map_err(loc)?
                .id,
        ),
        None => None,
    };
    let dept = match &a.dept {
        Some(d) => Some(resolve::department(conn, d).map_err(loc)?),
        None => None,
    };
    let urgency = match &a.urgency {
        Some(u) => Some(Urgency::parse(u).ok_or_else(|| {
            anyhow!(
                "{}",
                lang.pick(
                    &format!("--urgency：“{u}”不是紧急程度，可选 {}", Urgency::choices()),
                    &format!("--urgency: '{u}' is not one of {}", Urgency::choices()),
                )
            )
        })?),
        None => None,
    };
    if let (Some(s), Some(u)) = (a.since, a.until)
        && s > u
    {
        bail!(
            "{}",
            lang.pick("--since 晚于 --until", "--since is after --until")
        );
    }
    let s = Search {
        states: a
            .state
            .iter()
            .map(|x| state_name(of, x, lang))
            .collect::<Result<_>>()?,
        since: a.since,
        until: a.until,
        leader,
        dept,
        urgency,
        text: None,
        sort: match a.sort.unwrap_or(SortArg::Due) {
            SortArg::Due => Sort::Due,
            SortArg::Urgency => Sort::Urgency,
            SortArg::Received => Sort::Received,
            SortArg::Title => Sort::Title,
        },
        limit: a.limit,
    };
    let rows = history::search(conn, of, &s).map_err(loc)?;
    if count {
        writeln!(out, "{}", rows.len())?;
        return Ok(());
    }
    if json {
        for r in &rows {
            writeln!(out, "{}", serde_json::to_string(r)?)?;
        }
        return Ok(());
    }
    let head = [
        lang.pick("编号", "ID"),
        lang.pick("状态", "State"),
        lang.pick("期限", "Due"),
        lang.pick("收到", "Since"),
        lang.pick("紧急", "Urgency"),
        lang.pick("领导/单位", "Leader/Dept"),
        lang.pick("标题", "Title"),
    ];
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let state = match of {
                Of::Documents => DocState::parse(&r.state).map(|s| s.name(lang).to_string()),
                Of::Supervision => SupState::parse(&r.state).map(|s| s.name(lang).to_string()),
            }
            .unwrap_or_else(|| r.state.clone());
            let urgency = r
                .urgency
                .as_deref()
                .and_then(Urgency::parse)
                .map(|u| u.name(lang).to_string())
                .unwrap_or_default();
            vec![
                r.ext_id.clone(),
                state,
                r.due.clone(),
                r.since.clone(),
                urgency,
                r.who.clone().or(r.dept.clone()).unwrap_or_default(),
                r.title.clone(),
            ]
        })
        .collect();
    let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
    for row in &table {
        for (i, c) in row.iter().enumerate() {
            widths[i] = widths[i].max(width(c));
        }
    }
    let line = |cells: Vec<String>| {
        let n = cells.len();
        cells
            .into_iter()
            .enumerate()
            .map(|(i, c)| if i + 1 == n { c } else { pad(&c, widths[i]) })
            .collect::<Vec<_>>()
            .join("  ")
    };
    writeln!(
        out,
        "{}",
        line(head.iter().map(|s| s.to_string()).collect())
    )?;
    for row in table {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}
