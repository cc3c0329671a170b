//! The shift views' forms: a new duty log entry, an incident reported up, an entry turned
//! into a document or a supervision item, a day of the rota. Each becomes one `Command`.

use crate::clock::parse_date;
use crate::command::{Command, LogEntry, Ref, RotaDay, ToDocument, ToSupervision};
use crate::domain::duty::LogCategory;
use crate::domain::{DocKind, SupSource, Urgency};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Named};
use crate::store::queries::Bi;
use crate::tui::form::{FieldKind, FormField};
use crate::tui::input::TextInput;
use chrono::NaiveDate;

/// What a form records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    LogAdd,
    ReportUp(i64),
    ToDocument(i64),
    ToSupervision(i64),
    Rota(NaiveDate),
}

/// An open form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftForm {
    pub kind: FormKind,
    pub title: Bi,
    pub fields: Vec<FormField>,
    pub focus: usize,
    pub error: Option<String>,
}

fn field(zh: &str, en: &str, kind: FieldKind, required: bool, value: &str) -> FormField {
    FormField {
        label: Bi::new(zh, en),
        kind,
        input: TextInput::new(value),
        choice: 0,
        required,
        hints: Vec::new(),
    }
}

fn choices<T: Named + Copy>(all: &[T]) -> FieldKind {
    FieldKind::Choice(
        all.iter()
            .enumerate()
            .map(|(i, c)| (i as i64, c.zh().to_string()))
            .collect(),
    )
}

use FieldKind::{Date, Text};

impl ShiftForm {
    pub fn log_add() -> ShiftForm {
        ShiftForm {
            kind: FormKind::LogAdd,
            title: Bi::new("登记值班日志", "New duty log entry"),
            fields: vec![
                field("类别", "Category", choices(&LogCategory::ALL), true, ""),
                field(
                    "来电/来文（人员、单位或自填）",
                    "From (person, department or free text)",
                    Text,
                    false,
                    "",
                ),
                field("电话", "Phone", Text, false, ""),
                field("内容摘要", "Summary", Text, true, ""),
                field("紧急程度", "Urgency", choices(Urgency::ALL), false, ""),
                field("已告知", "Informed", Text, false, ""),
                field("后续办理", "Follow-up", Text, false, ""),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn report_up(id: i64, ext: &str) -> ShiftForm {
        ShiftForm {
            kind: FormKind::ReportUp(id),
            title: Bi::new(format!("{ext} 已上报"), format!("{ext} reported up")),
            fields: vec![field("报告对象", "Reported to", Text, true, "")],
            focus: 0,
            error: None,
        }
    }

    pub fn to_document(id: i64, ext: &str, summary: &str) -> ShiftForm {
        let kinds = [
            DocKind::Request,
            DocKind::Report,
            DocKind::Letter,
            DocKind::Notice,
        ];
        ShiftForm {
            kind: FormKind::ToDocument(id),
            title: Bi::new(
                format!("{ext} 转为待批公文"),
                format!("{ext} to a document"),
            ),
            fields: vec![
                field("标题", "Title", Text, true, summary),
                field("文种", "Kind", choices(&kinds), true, ""),
                field(
                    "来文单位（可空）",
                    "From department (optional)",
                    Text,
                    false,
                    "",
                ),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn to_supervision(id: i64, ext: &str, summary: &str) -> ShiftForm {
        ShiftForm {
            kind: FormKind::ToSupervision(id),
            title: Bi::new(
                format!("{ext} 列为督办事项"),
                format!("{ext} to supervision"),
            ),
            fields: vec![
                field("督办事项", "Title", Text, true, summary),
                field("牵头单位", "Lead department", Text, true, ""),
                field(
                    "期限 YYYY-MM-DD（空：按规则）",
                    "Deadline YYYY-MM-DD (empty: by the rules)",
                    Date,
                    false,
                    "",
                ),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn rota(day: NaiveDate, officer: &str, leader: &str) -> ShiftForm {
        ShiftForm {
            kind: FormKind::Rota(day),
            title: Bi::new(format!("编排 {day} 值班"), format!("Rota for {day}")),
            fields: vec![
                field(
                    "值班人员（空：清除）",
                    "On duty (empty: none)",
                    Text,
                    false,
                    officer,
                ),
                field(
                    "带班领导（空：清除）",
                    "Leader on duty (empty: none)",
                    Text,
                    false,
                    leader,
                ),
            ],
            focus: 0,
            error: None,
        }
    }

    fn text(&self, i: usize) -> String {
        self.fields
            .get(i)
            .map(|f| f.input.text().trim().to_string())
            .unwrap_or_default()
    }

    fn choice(&self, i: usize) -> usize {
        self.fields.get(i).map_or(0, |f| f.choice)
    }

    /// Checks the fields and builds the command.
    pub fn to_command(&self, lang: Lang) -> Result<Command> {
        for f in &self.fields {
            if f.required && matches!(f.kind, Text | Date) && f.input.text().trim().is_empty() {
                return Err(Error::bad_input(
                    f.label.pick(lang),
                    lang.pick("必填", "required"),
                ));
            }
        }
        Ok(match &self.kind {
            FormKind::LogAdd => Command::LogAdd(LogEntry {
                received_at: None,
                category: LogCategory::ALL
                    .get(self.choice(0))
                    .copied()
                    .unwrap_or(LogCategory::Call),
                from: self.text(1),
                phone: self.text(2),
                summary: self.text(3),
                urgency: Urgency::ALL
                    .get(self.choice(4))
                    .copied()
                    .unwrap_or(Urgency::Normal),
                informed: self.text(5),
                follow_up: self.text(6),
            }),
            FormKind::ReportUp(id) => Command::LogReport {
                entry: Ref::Id(*id),
                to: self.text(0),
                at: None,
            },
            FormKind::ToDocument(id) => {
                let kinds = [
                    DocKind::Request,
                    DocKind::Report,
                    DocKind::Letter,
                    DocKind::Notice,
                ];
                Command::LogToDocument {
                    entry: Ref::Id(*id),
                    doc: ToDocument {
                        title: self.text(0),
                        kind: kinds
                            .get(self.choice(1))
                            .copied()
                            .unwrap_or(DocKind::Request),
                        from: Some(self.text(2)).filter(|s| !s.is_empty()),
                    },
                }
            }
            FormKind::ToSupervision(id) => Command::LogToSupervision {
                entry: Ref::Id(*id),
                sup: ToSupervision {
                    title: self.text(0),
                    lead: self.text(1),
                    source: SupSource::LeaderInstruction,
                    deadline: match self.text(2) {
                        t if t.is_empty() => None,
                        t => Some(parse_date(
                            self.fields
                                .get(2)
                                .map_or("deadline", |f| f.label.pick(lang)),
                            &t,
                        )?),
                    },
                },
            },
            FormKind::Rota(day) => Command::RotaSet(RotaDay {
                day: *day,
                officer: Some(self.text(0)),
                leader: Some(self.text(1)),
            }),
        })
    }
}
