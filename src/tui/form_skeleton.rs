//! The command each item action would be with nothing filled in: what the board asks the
//! core (`command::precheck`) before it opens the form, so rights are known first.

use super::action::ItemAction;
use super::form::Form;
use crate::command::{Command, OnPaper, Ref, UrgeRef};
use crate::store::queries::Item;
use chrono::NaiveDate;

impl Form {
    /// The command this action would be on `item`, with nothing filled in: what the board
    /// asks the core about before it opens the form. `topic` is a topic of the meeting for
    /// the topic actions.
    pub fn skeleton(
        action: ItemAction,
        item: Item,
        topic: Option<i64>,
        on_paper: Option<OnPaper>,
    ) -> Command {
        let id = Ref::Id(item.id());
        use ItemAction as A;
        match action {
            A::Sign => Command::Sign {
                doc: id,
                text: String::new(),
                on_paper,
            },
            A::Return => Command::Return {
                doc: id,
                reason: String::new(),
                on_paper,
            },
            A::Forward => Command::Forward {
                doc: id,
                to: String::new(),
                note: String::new(),
            },
            A::Urge => Command::Urge {
                item: match item {
                    Item::Supervision(s) => UrgeRef::Supervision(Ref::Id(s)),
                    other => UrgeRef::Document(Ref::Id(other.id())),
                },
                note: String::new(),
            },
            A::Extend => Command::Extend {
                sup: id,
                to: NaiveDate::MIN,
                reason: String::new(),
            },
            A::Progress => Command::Progress {
                sup: id,
                note: String::new(),
            },
            A::Close => Command::Close {
                sup: id,
                note: String::new(),
            },
            A::Reopen => Command::Reopen {
                sup: id,
                reason: String::new(),
            },
            A::Recheck => Command::Recheck {
                sup: id,
                on: NaiveDate::MIN,
            },
            A::AddTopic => Command::AddTopic {
                meeting: id,
                title: String::new(),
                dept: None,
            },
            A::ApproveTopic => Command::ApproveTopic {
                topic: topic.unwrap_or(0),
            },
            A::MaterialsIn => Command::MaterialsIn {
                topic: topic.unwrap_or(0),
            },
            A::Leave => Command::Leave {
                meeting: id,
                person: String::new(),
                reason: String::new(),
                in_writing: false,
            },
            A::MinutesDrafted => Command::MinutesDrafted { meeting: id },
            A::Reported => Command::MeetingReported { meeting: id },
            A::MinutesIssued => Command::MinutesIssued {
                meeting: id,
                on: None,
            },
            A::DocumentsIssued => Command::DocumentsIssued {
                meeting: id,
                on: None,
            },
            A::Receive | A::Held | A::Cancel | A::Move => {
                super::form_office::skeleton(action, item)
            }
            A::Printed => Command::Printed { doc: id },
            A::Published => Command::Published { doc: id },
            A::Decide => Command::Decide {
                meeting: id,
                title: String::new(),
                lead: String::new(),
                co: Vec::new(),
                deadline: None,
            },
            A::Rechecked => Command::Rechecked {
                sup: id,
                note: String::new(),
            },
        }
    }
}
