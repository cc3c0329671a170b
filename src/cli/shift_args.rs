//! Shared pieces of the duty-shift subcommands: reading a local time from the command line,
//! the report formats, and the exit code that is not an error.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use clap::ValueEnum;

/// `--since 2026-11-20`, `--since "2026-11-20 08:30"`, `--since 08:30` (today) — local
/// time, UTC+8.
pub fn parse_time(s: &str) -> Result<NaiveDateTime, String> {
    let t = s.trim().replace('T', " ");
    if let Some(v) = crate::store::shift::parse_local(&t) {
        return Ok(v);
    }
    if let Ok(hm) = NaiveTime::parse_from_str(&t, "%H:%M") {
        return Ok(crate::clock::Clock::system().today().and_time(hm));
    }
    Err(format!(
        "'{s}' is not a time: YYYY-MM-DD, \"YYYY-MM-DD HH:MM\" or HH:MM (today)"
    ))
}

/// A date argument.
pub fn parse_day(s: &str) -> Result<NaiveDate, String> {
    crate::clock::parse_date("date", s).map_err(|e| e.to_string())
}

/// The formats of `handover` and `digest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Text,
    Json,
}

impl From<ReportFormat> for crate::shift::Format {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Markdown => crate::shift::Format::Markdown,
            ReportFormat::Text => crate::shift::Format::Text,
            ReportFormat::Json => crate::shift::Format::Json,
        }
    }
}

/// A finished command that wants a particular exit code (`digest`: 3 when something is
/// overdue). Not an error: `main` exits with the code and prints nothing more.
#[derive(Debug)]
pub struct ExitWith(pub u8);

impl std::fmt::Display for ExitWith {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit code {}", self.0)
    }
}

impl std::error::Error for ExitWith {}
