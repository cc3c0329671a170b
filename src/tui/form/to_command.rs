//! A filled form turned into the one typed [`Command`] its action performs.

use super::FieldKind::Choice;
use super::Form;
use crate::calendar::Calendar;
use crate::command::{Command, OnPaper, Ref, UrgeRef};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::store::queries::Item;
use crate::tui::action::ItemAction;
use chrono::NaiveDate;

impl Form {
    /// Checks the fields and builds the command; a missing or bad value is a `BadInput`
    /// error naming the field.
    pub fn to_command(&self, lang: Lang, today: NaiveDate, cal: &Calendar) -> Result<Command> {
        for fld in &self.fields {
            if fld.required && fld.kind.is_typed() && fld.input.text().trim().is_empty() {
                return Err(Error::bad_input(
                    fld.label.pick(lang),
                    lang.pick("必填", "required"),
                ));
            }
        }
        // 代录 forms carry the leader and the day first; the action's own fields follow.
        let base = if self.on_paper { 2 } else { 0 };
        let text = |i: usize| {
            self.fields
                .get(base + i)
                .map(|f| f.input.text().trim().to_string())
                .unwrap_or_default()
        };
        let date_at = |i: usize| -> Result<NaiveDate> {
            let f = self.fields.get(i);
            let label = f
                .map(|f| f.label.pick(lang).to_string())
                .unwrap_or_default();
            let value = f
                .map(|f| f.input.text().trim().to_string())
                .unwrap_or_default();
            crate::dates::parse_from(&label, &value, today, cal)
        };
        let date = |i: usize| date_at(base + i);
        let choice = |i: usize| -> Result<i64> {
            match self.fields.get(base + i).map(|f| (&f.kind, f.choice)) {
                Some((Choice(o), c)) => o
                    .get(c)
                    .map(|x| x.0)
                    .ok_or_else(|| Error::bad_input("topic", "no choice")),
                _ => Err(Error::bad_input("topic", "no choice")),
            }
        };
        let paper = || -> Result<Option<OnPaper>> {
            if !self.on_paper {
                return Ok(None);
            }
            let leader = self
                .fields
                .first()
                .map(|f| f.input.text().trim().to_string())
                .unwrap_or_default();
            Ok(Some(OnPaper {
                leader,
                on: date_at(1)?,
            }))
        };
        let id = Ref::Id(self.target.item.id());
        use ItemAction as A;
        Ok(match self.action {
            A::Sign => Command::Sign {
                doc: id,
                text: text(0),
                on_paper: paper()?,
            },
            A::Return => Command::Return {
                doc: id,
                reason: text(0),
                on_paper: paper()?,
            },
            A::Forward => Command::Forward {
                doc: id,
                to: text(0),
                note: text(1),
            },
            A::Urge => Command::Urge {
                item: match self.target.item {
                    Item::Supervision(s) => UrgeRef::Supervision(Ref::Id(s)),
                    other => UrgeRef::Document(Ref::Id(other.id())),
                },
                note: text(0),
            },
            A::Extend => Command::Extend {
                sup: id,
                to: date(0)?,
                reason: text(1),
            },
            A::Progress => Command::Progress {
                sup: id,
                note: text(0),
            },
            A::Close => Command::Close {
                sup: id,
                note: text(0),
            },
            A::Reopen => Command::Reopen {
                sup: id,
                reason: text(0),
            },
            A::Recheck => Command::Recheck {
                sup: id,
                on: date(0)?,
            },
            A::AddTopic => Command::AddTopic {
                meeting: id,
                title: text(0),
                dept: Some(text(1)).filter(|d| !d.is_empty()),
            },
            A::ApproveTopic => Command::ApproveTopic { topic: choice(0)? },
            A::MaterialsIn => Command::MaterialsIn { topic: choice(0)? },
            A::Leave => Command::Leave {
                meeting: id,
                person: text(0),
                reason: text(1),
                in_writing: self.fields.get(2).is_some_and(|f| f.choice == 1),
            },
            A::MinutesIssued => Command::MinutesIssued {
                meeting: id,
                on: if text(0).is_empty() {
                    None
                } else {
                    Some(date(0)?)
                },
            },
            A::DocumentsIssued => Command::DocumentsIssued {
                meeting: id,
                on: if text(0).is_empty() {
                    None
                } else {
                    Some(date(0)?)
                },
            },
            A::MinutesDrafted => Command::MinutesDrafted { meeting: id },
            A::Reported => Command::MeetingReported { meeting: id },
            A::Printed => Command::Printed { doc: id },
            A::Published => Command::Published { doc: id },
            A::Receive | A::Held | A::Cancel | A::Move => {
                return crate::tui::form_office::command(self, lang, today, cal);
            }
            A::Decide => Command::Decide {
                meeting: id,
                title: text(0),
                lead: text(1),
                co: text(2)
                    .split([',', '，', '、'])
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect(),
                deadline: if text(3).is_empty() {
                    None
                } else {
                    Some(date(3)?)
                },
            },
            A::Rechecked => Command::Rechecked {
                sup: id,
                note: text(0),
            },
        })
    }
}
