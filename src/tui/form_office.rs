//! The office's forms that are not about one pending item's approval: 收文登记 (a new
//! document, on no item) and a meeting's life (held, cancelled, moved). Fields, the
//! command each becomes, and the command with nothing filled in for the rights check.

use super::action::ItemAction;
use super::form::{FieldKind, Form, FormField, Target};
use crate::calendar::Calendar;
use crate::command::Incoming;
use crate::command::{Command, Ref};
use crate::domain::{DocKind, Secrecy, Urgency};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Named};
use crate::store::queries::{Bi, Item};
use FieldKind::*;
use chrono::{NaiveDate, NaiveDateTime};

fn f(zh: &str, en: &str, kind: FieldKind, required: bool) -> FormField {
    FormField {
        label: Bi::new(zh, en),
        kind,
        input: Default::default(),
        choice: 0,
        required,
        hints: Vec::new(),
    }
}

fn choices<T: Named + Copy>(all: &[T]) -> FieldKind {
    Choice(
        all.iter()
            .enumerate()
            .map(|(i, v)| (i as i64, v.zh().to_string()))
            .collect(),
    )
}

/// The fields of the office's forms.
pub fn fields(action: ItemAction) -> Vec<FormField> {
    match action {
        ItemAction::Receive => {
            let mut kind = f("文种", "Kind", choices(DocKind::ALL), true);
            // 请示 is what arrives most.
            kind.choice = DocKind::ALL
                .iter()
                .position(|k| *k == DocKind::Request)
                .unwrap_or(0);
            vec![
                f("标题", "Title", Text, true),
                kind,
                f("紧急程度", "Urgency", choices(Urgency::ALL), true),
                f(
                    "来文单位（名称、简称或拼音首字母；空：上级来文）",
                    "Sender (name, short name or initials; empty: a higher authority)",
                    Dept,
                    false,
                ),
                f(
                    "收文日期（空：今天）",
                    "Received (empty: today)",
                    Date,
                    false,
                ),
                f("文号", "Document number", Text, false),
                f("密级", "Secrecy", choices(Secrecy::ALL), true),
                f("附件数", "Attachments", Text, false),
                f("重大事项", "Major matter", YesNo, false),
            ]
        }
        ItemAction::Held => vec![f(
            "召开时间（空：现在；如 2026-12-10 09:30）",
            "Held at (empty: now; e.g. 2026-12-10 09:30)",
            Text,
            false,
        )],
        ItemAction::Cancel => vec![f("取消原因", "Reason", Multiline, true)],
        ItemAction::Move => vec![
            f("新日期", "New day", Date, true),
            f("开始时间 HH:MM", "Start HH:MM", Text, true),
        ],
        _ => Vec::new(),
    }
}

/// The 收文登记 form (on no item: the board's key or `:receive`).
pub fn receive_form() -> Form {
    Form {
        action: ItemAction::Receive,
        target: Target {
            item: Item::Document(0),
            ext_id: String::new(),
            title: String::new(),
        },
        fields: fields(ItemAction::Receive),
        focus: 0,
        error: None,
        on_paper: false,
    }
}

fn text(form: &Form, i: usize) -> String {
    form.fields
        .get(i)
        .map(|f| f.input.text().trim().to_string())
        .unwrap_or_default()
}

fn chosen<T: Copy>(form: &Form, i: usize, all: &[T]) -> Option<T> {
    form.fields.get(i).and_then(|f| all.get(f.choice)).copied()
}

fn time(day: NaiveDate, s: &str) -> Result<NaiveDateTime> {
    let t = s.trim().replace('：', ":");
    chrono::NaiveTime::parse_from_str(&t, "%H:%M")
        .map(|t| day.and_time(t))
        .map_err(|_| {
            Error::unclear(
                format!("“{s}”不是时间，请写 09:30"),
                format!("'{s}' is not a time; write 09:30"),
            )
        })
}

/// The command an office form becomes.
pub fn command(form: &Form, lang: Lang, today: NaiveDate, cal: &Calendar) -> Result<Command> {
    let id = Ref::Id(form.target.item.id());
    let label = |i: usize| {
        form.fields
            .get(i)
            .map(|f| f.label.pick(lang).to_string())
            .unwrap_or_default()
    };
    Ok(match form.action {
        ItemAction::Receive => {
            let attachments = match text(form, 7) {
                s if s.is_empty() => 0,
                s => s.parse::<u32>().map_err(|_| {
                    Error::unclear(
                        format!("附件数：“{s}”不是数字"),
                        format!("attachments: '{s}' is not a number"),
                    )
                })?,
            };
            let received = match text(form, 4) {
                s if s.is_empty() => None,
                s => Some(crate::dates::parse_from(&label(4), &s, today, cal)?),
            };
            Command::Receive(Box::new(Incoming {
                title: text(form, 0),
                kind: chosen(form, 1, DocKind::ALL).unwrap_or(DocKind::Request),
                urgency: chosen(form, 2, Urgency::ALL).unwrap_or(Urgency::Normal),
                from: Some(text(form, 3)).filter(|s| !s.is_empty()),
                received,
                doc_no: Some(text(form, 5)).filter(|s| !s.is_empty()),
                secrecy: chosen(form, 6, Secrecy::ALL),
                attachments,
                major: form.fields.get(8).is_some_and(|f| f.choice == 1),
            }))
        }
        ItemAction::Held => Command::MeetingHeld {
            meeting: id,
            at: match text(form, 0) {
                s if s.is_empty() => None,
                s => Some(
                    crate::command::parse_start(&s)
                        .or_else(|| time(today, &s).ok())
                        .ok_or_else(|| {
                            Error::unclear(
                                format!("“{s}”不是时间，请写 2026-12-10 09:30 或 09:30"),
                                format!("'{s}' is not a time; write 2026-12-10 09:30 or 09:30"),
                            )
                        })?,
                ),
            },
        },
        ItemAction::Cancel => Command::MeetingCancel {
            meeting: id,
            reason: text(form, 0),
        },
        ItemAction::Move => {
            let day = crate::dates::parse_from(&label(0), &text(form, 0), today, cal)?;
            Command::MeetingMove {
                meeting: id,
                to: time(day, &text(form, 1))?,
            }
        }
        _ => return Err(Error::bad_input("form", "not an office form")),
    })
}

/// The office command with nothing filled in (the rights check before the form opens).
pub fn skeleton(action: ItemAction, item: Item) -> Command {
    let id = Ref::Id(item.id());
    match action {
        ItemAction::Held => Command::MeetingHeld {
            meeting: id,
            at: None,
        },
        ItemAction::Cancel => Command::MeetingCancel {
            meeting: id,
            reason: String::new(),
        },
        ItemAction::Move => Command::MeetingMove {
            meeting: id,
            to: NaiveDateTime::MIN,
        },
        _ => Command::Receive(Box::new(Incoming::new(
            "",
            DocKind::Request,
            Urgency::Normal,
        ))),
    }
}
