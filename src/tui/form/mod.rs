//! The small forms behind the item actions: which fields each action asks for, editing
//! them, and turning a filled form into one typed [`Command`](crate::command::Command)
//! (`to_command.rs`). Nothing here touches the database; `command::perform` performs the
//! command.

mod to_command;

use super::action::ItemAction;
use super::input::TextInput;
use crate::command::resolve::Among;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::store::queries::{Bi, Item, detail::TopicRef};

/// What a field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text (CJK-aware editing).
    Text,
    /// Free text over several lines (批示, 进展): Ctrl-J or Alt-Enter starts a new line.
    Multiline,
    /// A date: 2026-12-10, 2026/12/10, 2026.12.10, 2026年12月10日, 12月10日, `+5`.
    Date,
    /// A person, picked by name, login or pinyin initials among those the rule allows.
    Person(Among),
    /// A department, picked by name, short name, alias, id or pinyin initials.
    Dept,
    /// One of a list: (value, label); cycled with Left/Right.
    Choice(Vec<(i64, String)>),
    /// Yes or no; toggled with Left/Right.
    YesNo,
}

/// One field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    pub label: Bi,
    pub kind: FieldKind,
    pub input: TextInput,
    /// Selected choice (Choice) or 1 = yes (YesNo).
    pub choice: usize,
    pub required: bool,
    /// What a picker matches for the text typed so far (names, logins), shown under it.
    pub hints: Vec<String>,
}

impl FieldKind {
    /// Whether the field is typed into (text, dates, pickers), not cycled.
    pub fn is_typed(&self) -> bool {
        matches!(
            self,
            FieldKind::Text
                | FieldKind::Multiline
                | FieldKind::Date
                | FieldKind::Person(_)
                | FieldKind::Dept
        )
    }
}

impl FormField {
    fn new(zh: &str, en: &str, kind: FieldKind, required: bool) -> FormField {
        FormField {
            label: Bi::new(zh, en),
            kind,
            input: TextInput::default(),
            choice: 0,
            required,
            hints: Vec::new(),
        }
    }
    /// The value as shown (choices by label).
    pub fn shown(&self, lang: Lang) -> String {
        match &self.kind {
            FieldKind::Choice(opts) => opts
                .get(self.choice)
                .map(|o| o.1.clone())
                .unwrap_or_default(),
            FieldKind::YesNo => lang
                .pick(
                    ["否", "是"][self.choice.min(1)],
                    ["no", "yes"][self.choice.min(1)],
                )
                .into(),
            _ => self.input.text().to_string(),
        }
    }
    /// Left/Right on a choice field cycle it; returns false for text fields.
    pub fn cycle(&mut self, forward: bool) -> bool {
        let n = match &self.kind {
            FieldKind::Choice(o) => o.len(),
            FieldKind::YesNo => 2,
            _ => return false,
        };
        if n > 0 {
            self.choice = if forward {
                (self.choice + 1) % n
            } else {
                (self.choice + n - 1) % n
            };
        }
        true
    }
}

/// The item a form acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub item: Item,
    pub ext_id: String,
    pub title: String,
}

/// An open form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub action: ItemAction,
    pub target: Target,
    pub fields: Vec<FormField>,
    pub focus: usize,
    /// Why the last submit was not accepted (bad date, missing value).
    pub error: Option<String>,
    /// 代录: the office records a leader's signature or return made on paper; the form
    /// starts with the leader and the day.
    pub on_paper: bool,
}

use FieldKind::*;

impl Form {
    /// The form for `action` on `target`; `topics` are the meeting's topics (topic forms).
    /// Refused (both languages) when there is nothing to choose from.
    pub fn new(action: ItemAction, target: Target, topics: &[TopicRef]) -> Result<Form> {
        use ItemAction as A;
        let f = FormField::new;
        let meeting = target.item.id();
        let topic_choice = |pick: fn(&TopicRef) -> bool, none_zh: &str, none_en: &str| {
            let opts: Vec<(i64, String)> = topics
                .iter()
                .filter(|t| pick(t))
                .map(|t| (t.id, t.title.clone()))
                .collect();
            if opts.is_empty() {
                Err(Error::refused(none_zh, none_en))
            } else {
                Ok(vec![f("议题", "Topic", Choice(opts), true)])
            }
        };
        let fields = match action {
            A::Sign => vec![f("批示", "Instruction", Multiline, false)],
            A::Return => vec![f("退回原因", "Reason", Text, true)],
            A::Forward => vec![
                f(
                    "转至领导（姓名、登录名或拼音首字母）",
                    "To leader (name, login or pinyin initials)",
                    Person(Among::Leaders),
                    true,
                ),
                f("附言", "Note", Text, false),
            ],
            A::Urge | A::Close => vec![f("说明", "Note", Text, false)],
            A::Extend => vec![
                f(
                    "新期限（如 2026-12-10、12月10日、+5）",
                    "New deadline (2026-12-10, 2026/12/10, +5)",
                    Date,
                    true,
                ),
                f("延期原因", "Reason", Text, true),
            ],
            A::Progress => vec![f("进展", "Progress", Multiline, true)],
            A::Reopen => vec![f("原因", "Reason", Text, true)],
            A::Recheck => vec![f(
                "回头看日期（如 2026-12-10、12月10日、+5）",
                "Re-check on (2026-12-10, 2026/12/10, +5)",
                Date,
                true,
            )],
            A::AddTopic => vec![
                f("议题", "Topic", Text, true),
                f(
                    "汇报单位（名称、简称或拼音首字母）",
                    "Department (name, short name or initials)",
                    Dept,
                    false,
                ),
            ],
            A::ApproveTopic => topic_choice(
                |t| !t.approved,
                "该会议没有待审定的议题",
                "this meeting has no topic awaiting approval",
            )?,
            A::MaterialsIn => topic_choice(
                |t| !t.materials_in,
                "该会议没有缺材料的议题",
                "no topic of this meeting lacks materials",
            )?,
            A::Leave => vec![
                f(
                    "请假人（参会人员：姓名、登录名或拼音首字母）",
                    "Who (a member: name, login or initials)",
                    Person(Among::Members(meeting)),
                    true,
                ),
                f("事由", "Reason", Text, true),
                f("书面请假", "In writing", YesNo, false),
            ],
            A::MinutesIssued | A::DocumentsIssued => vec![f(
                "印发日期（空：今天）",
                "Issued on (empty: today)",
                Date,
                false,
            )],
            A::MinutesDrafted | A::Reported | A::Printed | A::Published => Vec::new(),
            A::Receive | A::Held | A::Cancel | A::Move => super::form_office::fields(action),
            A::Decide => vec![
                f("决定事项", "Decision", Text, true),
                f(
                    "牵头单位（名称、简称或拼音首字母）",
                    "Lead department (name, short name or initials)",
                    Dept,
                    true,
                ),
                f(
                    "协办单位（逗号分隔，可空）",
                    "Co-departments (comma-separated, optional)",
                    Text,
                    false,
                ),
                f(
                    "期限（空：按规则）",
                    "Deadline (empty: by the rules)",
                    Date,
                    false,
                ),
            ],
            A::Rechecked => vec![f("回头看情况", "What the re-check found", Multiline, true)],
        };
        Ok(Form {
            action,
            target,
            fields,
            focus: 0,
            error: None,
            on_paper: false,
        })
    }

    /// The 代录 form: the leader who signed or returned on paper and the day, then the
    /// instruction or reason. Only for sign and return.
    pub fn on_paper(action: ItemAction, target: Target) -> Result<Form> {
        let mut form = Form::new(action, target, &[])?;
        let f = FormField::new;
        let mut fields = vec![
            f(
                "签批领导（姓名、登录名或拼音首字母）",
                "Leader (name, login or initials)",
                Person(Among::Leaders),
                true,
            ),
            f("批示日期", "Date written", Date, true),
        ];
        fields.append(&mut form.fields);
        form.fields = fields;
        form.on_paper = true;
        Ok(form)
    }

    /// Whether the action asks for confirmation first (it cannot be undone, or is only
    /// undone by another action).
    pub fn needs_confirm(&self) -> bool {
        use ItemAction as A;
        matches!(
            self.action,
            A::Sign
                | A::Return
                | A::Close
                | A::ApproveTopic
                | A::MinutesIssued
                | A::MinutesDrafted
                | A::Reported
                | A::DocumentsIssued
                | A::Printed
                | A::Published
                | A::Decide
                | A::Rechecked
                | A::Held
                | A::Cancel
        )
    }

    /// The field being edited.
    pub fn current(&mut self) -> Option<&mut FormField> {
        self.fields.get_mut(self.focus)
    }

    /// Whether anything was typed (quitting then asks first).
    pub fn is_dirty(&self) -> bool {
        self.fields.iter().any(|f| !f.input.text().is_empty())
    }
}
