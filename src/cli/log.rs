//! `dutydesk log add|list|show|report|to-document|to-supervision`: the duty log (值班日志).

use super::Ctx;
use super::shift_args::{parse_day, parse_time};
use crate::command::{Command, LogEntry, Ref, ToDocument, ToSupervision};
use crate::domain::duty::LogCategory;
use crate::domain::{DocKind, SupSource, Urgency};
use crate::i18n::Named;
use crate::shift::report::log_line;
use crate::store::shift::log::{LogFilter, entries, entry};
use anyhow::{Result, anyhow};
use chrono::{NaiveDate, NaiveDateTime};
use clap::Subcommand;
use std::io::Write;

/// `dutydesk log …`
#[derive(Debug, Subcommand)]
pub enum LogCmd {
    /// Record a call, a fax, an incident (突发事件) or a report up (上报).
    Add {
        /// 来电|call, 传真|fax, 突发事件|incident, 上报|report, 其他|other.
        #[arg(long, short = 'c', value_parser = |s: &str| s.parse::<LogCategory>().map_err(|e| e.to_string()))]
        category: LogCategory,
        /// Who called or sent it: a person or department (name, login, short name) or free text.
        #[arg(long, default_value = "")]
        from: String,
        #[arg(long, default_value = "")]
        phone: String,
        /// What was said or received.
        #[arg(long, short = 's')]
        summary: String,
        /// 一般, 加急, 特急, 特急重要.
        #[arg(long, default_value = "一般", value_parser = |s: &str| s.parse::<Urgency>().map_err(|e| e.to_string()))]
        urgency: Urgency,
        /// Who was informed.
        #[arg(long, default_value = "")]
        informed: String,
        /// What is to be done next.
        #[arg(long, default_value = "")]
        follow_up: String,
        /// When it came in (default: now), local time.
        #[arg(long, value_parser = parse_time)]
        at: Option<NaiveDateTime>,
    },
    /// The log, newest first.
    List {
        /// From this local time (YYYY-MM-DD or "YYYY-MM-DD HH:MM").
        #[arg(long, value_parser = parse_time)]
        since: Option<NaiveDateTime>,
        /// Only incidents not yet reported up.
        #[arg(long)]
        unreported: bool,
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
    },
    /// One entry in full.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Record an entry (an incident) as reported up: to whom, and when (default now).
    Report {
        id: String,
        #[arg(long)]
        to: String,
        #[arg(long, value_parser = parse_time)]
        at: Option<NaiveDateTime>,
    },
    /// Turn an entry into a document awaiting approval (routed as an import would).
    ToDocument {
        id: String,
        /// Default: the entry's summary.
        #[arg(long, default_value = "")]
        title: String,
        #[arg(long, default_value = "请示", value_parser = |s: &str| s.parse::<DocKind>().map_err(|e| e.to_string()))]
        kind: DocKind,
        /// The sending department (default: the caller's).
        #[arg(long)]
        from: Option<String>,
    },
    /// Turn an entry into a supervision item.
    ToSupervision {
        id: String,
        /// The lead department (id, name or short name).
        #[arg(long)]
        lead: String,
        #[arg(long, default_value = "")]
        title: String,
        #[arg(long, default_value = "领导批示", value_parser = |s: &str| s.parse::<SupSource>().map_err(|e| e.to_string()))]
        source: SupSource,
        #[arg(long, value_parser = parse_day)]
        deadline: Option<NaiveDate>,
    },
}

pub fn run(ctx: &Ctx, cmd: LogCmd, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let write = |c: Command, out: &mut dyn Write| -> Result<()> {
        let mut store = ctx.open_store()?;
        let done = ctx.perform(&mut store, &c)?;
        writeln!(out, "{}", done.summary(lang))?;
        Ok(())
    };
    match cmd {
        LogCmd::Add {
            category,
            from,
            phone,
            summary,
            urgency,
            informed,
            follow_up,
            at,
        } => write(
            Command::LogAdd(LogEntry {
                received_at: at,
                category,
                from,
                phone,
                summary,
                urgency,
                informed,
                follow_up,
            }),
            out,
        ),
        LogCmd::Report { id, to, at } => write(
            Command::LogReport {
                entry: Ref::from(id),
                to,
                at,
            },
            out,
        ),
        LogCmd::ToDocument {
            id,
            title,
            kind,
            from,
        } => write(
            Command::LogToDocument {
                entry: Ref::from(id),
                doc: ToDocument { title, kind, from },
            },
            out,
        ),
        LogCmd::ToSupervision {
            id,
            lead,
            title,
            source,
            deadline,
        } => write(
            Command::LogToSupervision {
                entry: Ref::from(id),
                sup: ToSupervision {
                    title,
                    lead,
                    source,
                    deadline,
                },
            },
            out,
        ),
        LogCmd::List {
            since,
            unreported,
            json,
        } => {
            let mut store = ctx.open_store_read_only()?;
            let f = LogFilter {
                since: since.map(crate::clock::fmt_datetime),
                unreported,
                ..LogFilter::default()
            };
            let list = store.read(|tx| entries(tx, &f))?;
            for e in &list {
                if json {
                    writeln!(out, "{}", serde_json::to_string(e)?)?;
                } else {
                    writeln!(out, "{}", log_line(e, lang))?;
                }
            }
            if list.is_empty() && !json {
                writeln!(
                    out,
                    "{}",
                    lang.pick("值班日志为空", "the duty log is empty")
                )?;
            }
            Ok(())
        }
        LogCmd::Show { id, json } => {
            let mut store = ctx.open_store_read_only()?;
            let e = store
                .read(|tx| entry(tx, &Ref::from(id)))
                .map_err(|e| anyhow!(e.localized(lang)))?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&e)?)?;
                return Ok(());
            }
            let p = |s: &str| crate::text::printable(s).into_owned();
            let dash = |o: &Option<String>| o.as_deref().map(p).unwrap_or_else(|| "—".into());
            let rows = [
                (lang.pick("编号", "ID"), e.ext_id.clone()),
                (lang.pick("接报时间", "Received"), e.received_at.clone()),
                (
                    lang.pick("类别", "Category"),
                    e.category.name(lang).to_string(),
                ),
                (lang.pick("来电/来文", "From"), p(&e.from)),
                (lang.pick("电话", "Phone"), p(&e.phone)),
                (lang.pick("紧急程度", "Urgency"), e.urgency.clone()),
                (lang.pick("内容", "Summary"), p(&e.summary)),
                (lang.pick("已告知", "Informed"), p(&e.informed)),
                (lang.pick("后续", "Follow-up"), p(&e.follow_up)),
                (lang.pick("登记人", "Recorded by"), dash(&e.recorded_by)),
                (
                    lang.pick("上报时间", "Reported up at"),
                    dash(&e.reported_at),
                ),
                (lang.pick("上报对象", "Reported to"), dash(&e.reported_to)),
                (lang.pick("转为公文", "Became document"), dash(&e.document)),
                (
                    lang.pick("转为督办", "Became supervision"),
                    dash(&e.supervision),
                ),
            ];
            for (k, v) in rows {
                writeln!(out, "{}  {v}", crate::text::pad(k, 12))?;
            }
            if e.unreported() {
                writeln!(
                    out,
                    "{}",
                    lang.pick("!! 突发事件尚未上报", "!! incident not yet reported up")
                )?;
            }
            Ok(())
        }
    }
}
