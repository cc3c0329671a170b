//! `dutydesk check [--json]`: every current violation, warning and notice of the district's
//! rules — severity, rule, article, item, since — most serious first. A read: the file is
//! opened read-only and nothing is recorded; a countersign request past its limit in
//! silence is reported as deemed no objection where the rules say so (`dutydesk settle`
//! records it). Exit codes for cron: 0 when nothing reaches `--fail-on` (violations by
//! default), 3 when something does, 1 when the check itself fails.

use super::Ctx;
use crate::domain::compliance::{Finding, Severity};
use crate::i18n::Lang;
use crate::store::compliance;
use anyhow::Result;
use std::io::Write;

/// The least severity that fails the check (exit code 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Violation,
    Warning,
    Notice,
}

/// The exit code `check` ends with when something reaches `--fail-on`.
pub const FAILED: u8 = 3;

pub fn run(ctx: &Ctx, json: bool, fail_on: FailOn, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store_read_only()?;
    let env = ctx.env(&store)?;
    let findings = store.read(|tx| compliance::check(tx, &env))?;
    let lang = ctx.lang;
    if json {
        for f in &findings {
            writeln!(out, "{}", json_line(f, lang))?;
        }
    } else {
        for f in &findings {
            writeln!(out, "{}", text_line(f, lang))?;
        }
        writeln!(out, "{}", summary(&findings, lang))?;
    }
    let fails = |s: Severity| match fail_on {
        FailOn::Violation => s == Severity::Violation,
        FailOn::Warning => matches!(s, Severity::Violation | Severity::Warning),
        FailOn::Notice => true,
    };
    if findings.iter().any(|f| fails(f.severity)) {
        out.flush()?;
        return Err(super::Exit(FAILED).into());
    }
    Ok(())
}

/// One finding as a JSON object.
pub fn json_line(f: &Finding, lang: Lang) -> serde_json::Value {
    serde_json::json!({
        "severity": f.severity.as_str(),
        "rule": f.rule,
        "article": f.article,
        "entity": f.item.entity,
        "id": f.item.ext_id,
        "title": f.item.title,
        "since": crate::clock::fmt_date(f.since),
        "message": f.message(lang),
    })
}

/// What an entity is called (shared with the board: `domain::compliance::entity_label`).
pub fn entity_label(entity: &str, lang: Lang) -> &str {
    crate::domain::compliance::entity_label(entity, lang)
}

/// "违规 自 2025-03-06 公文 D1《…》：message〔rule（第二十八条）〕".
pub fn text_line(f: &Finding, lang: Lang) -> String {
    let entity = entity_label(&f.item.entity, lang);
    let since = crate::clock::fmt_date(f.since);
    match lang {
        Lang::Zh => format!(
            "{} 自 {since} {entity} {}《{}》：{}〔{}〕",
            f.severity.label(lang),
            f.item.ext_id,
            f.item.title,
            f.message(lang),
            f.cite(lang)
        ),
        Lang::En => format!(
            "{} since {since} {entity} {} “{}”: {} [{}]",
            f.severity.label(lang),
            f.item.ext_id,
            f.item.title,
            f.message(lang),
            f.cite(lang)
        ),
    }
}

/// "共 3 项违规、2 项警示、1 项提示" / "3 violations, 2 warnings, 1 notice".
pub fn summary(findings: &[Finding], lang: Lang) -> String {
    if findings.is_empty() {
        return lang
            .pick("未发现违规、警示或提示", "no findings")
            .to_string();
    }
    let n = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (v, w, no) = (
        n(Severity::Violation),
        n(Severity::Warning),
        n(Severity::Notice),
    );
    let pl = |k: usize| if k == 1 { "" } else { "s" };
    match lang {
        Lang::Zh => format!("共 {v} 项违规、{w} 项警示、{no} 项提示"),
        Lang::En => format!(
            "{v} violation{}, {w} warning{}, {no} notice{}",
            pl(v),
            pl(w),
            pl(no)
        ),
    }
}
