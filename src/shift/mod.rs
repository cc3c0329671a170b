//! The duty shift's documents: the handover report (交接班) as Markdown, plain text or
//! JSON, the digest for cron and mail, and the calendar feed (iCalendar). Pure functions
//! of what `store::shift` read; nothing here touches the database or a terminal.

pub mod digest;
pub mod ics;
pub mod report;
pub mod rota;

/// An output format for the reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
    Json,
}

/// A document as sections of lines, written as Markdown or plain text alike.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub title: String,
    pub intro: Vec<String>,
    pub sections: Vec<(String, Vec<String>)>,
}

impl Doc {
    /// Markdown: a heading per section, a bullet per line.
    pub fn markdown(&self) -> String {
        let mut s = format!("# {}\n\n", self.title);
        for l in &self.intro {
            s.push_str(&format!("{l}  \n"));
        }
        for (head, lines) in &self.sections {
            s.push_str(&format!("\n## {head}\n\n"));
            for l in lines {
                s.push_str(&format!("- {}\n", md_escape(l)));
            }
        }
        s
    }
    /// Plain text: 【heading】 and indented lines, for mail and terminals.
    pub fn text(&self) -> String {
        let mut s = format!("{}\n", self.title);
        for l in &self.intro {
            s.push_str(&format!("{l}\n"));
        }
        for (head, lines) in &self.sections {
            s.push_str(&format!("\n【{head}】\n"));
            for l in lines {
                s.push_str(&format!("  {}\n", crate::text::printable(l)));
            }
        }
        s
    }
}

/// Stored text is written as data, not markup: characters Markdown would read are escaped,
/// and control characters never reach the output.
fn md_escape(s: &str) -> String {
    let clean = crate::text::printable(s);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        if matches!(c, '*' | '_' | '`' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
