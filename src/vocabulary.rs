//! The vocabulary of the domain: roles, document kinds and urgencies, supervision sources,
//! meeting kinds and the states items move through. Each enum is stored and imported by
//! its Chinese name (the name the rules use) and shown in either language.

use crate::i18n::Named;
use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary with Chinese and English names, string conversion both
/// ways and serde by the Chinese name (English and the Rust name are accepted on input).
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => ($zh:literal, $en:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Parses a Chinese or English name (case-insensitive for English).
            pub fn parse(s: &str) -> Option<Self> {
                let t = s.trim();
                $(
                    if t == $zh || t.eq_ignore_ascii_case($en) || t.eq_ignore_ascii_case(stringify!($variant)) {
                        return Some($name::$variant);
                    }
                )+
                None
            }
            /// The accepted Chinese names, for error messages.
            pub fn choices() -> String {
                [$($zh),+].join("|")
            }
        }

        impl Named for $name {
            fn zh(&self) -> &'static str { match self { $($name::$variant => $zh),+ } }
            fn en(&self) -> &'static str { match self { $($name::$variant => $en),+ } }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.zh()) }
        }

        impl std::str::FromStr for $name {
            type Err = crate::Error;
            fn from_str(s: &str) -> crate::Result<Self> {
                $name::parse(s).ok_or_else(|| crate::Error::bad_input(
                    stringify!($name),
                    format!("'{s}' is not one of {}", $name::choices()),
                ))
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.zh()) }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("'{s}' is not one of {}", $name::choices())))
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.zh()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                $name::parse(s).ok_or_else(|| rusqlite::types::FromSqlError::Other(
                    format!("'{s}' is not one of {}", $name::choices()).into(),
                ))
            }
        }
    };
}

vocabulary! {
    /// A person's role in the district government.
    Role {
        /// 区长: heads the government; major matters go to them.
        Mayor => ("区长", "District Mayor"),
        /// 常务副区长 (in some districts 第一副区长): the mayor's stand-in.
        ExecutiveDeputy => ("常务副区长", "Executive Deputy Mayor"),
        /// 副区长: leads the departments in their division of work (分管).
        DeputyMayor => ("副区长", "Deputy Mayor"),
        /// 办公室主任: runs the government office; closes supervision items.
        OfficeDirector => ("办公室主任", "Office Director"),
        /// 部门负责人: heads a department or town.
        DeptHead => ("部门负责人", "Department Head"),
        /// 值班员: keeps the duty desk.
        DutyOfficer => ("值班员", "Duty Officer"),
    }
}

impl Role {
    /// Whether this role is a government leader (区政府领导) who signs documents.
    pub fn is_leader(self) -> bool {
        matches!(
            self,
            Role::Mayor | Role::ExecutiveDeputy | Role::DeputyMayor
        )
    }
    /// Whether this role works in the government office (may register, urge, close).
    pub fn is_office(self) -> bool {
        matches!(self, Role::OfficeDirector | Role::DutyOfficer)
    }
}

vocabulary! {
    /// Whether an organisational unit is a department or a town/street.
    UnitKind {
        Department => ("部门", "department"),
        Town => ("镇街", "town"),
    }
}

vocabulary! {
    /// The 15 kinds of official document (党政机关公文处理工作条例 第八条).
    DocKind {
        Resolution => ("决议", "resolution"),
        Decision => ("决定", "decision"),
        Order => ("命令", "order"),
        Communique => ("公报", "communique"),
        Announcement => ("公告", "announcement"),
        PublicNotice => ("通告", "public notice"),
        Opinion => ("意见", "opinion"),
        Notice => ("通知", "notice"),
        Bulletin => ("通报", "bulletin"),
        Report => ("报告", "report"),
        Request => ("请示", "request"),
        Reply => ("批复", "reply"),
        Proposal => ("议案", "bill"),
        Letter => ("函", "letter"),
        Minutes => ("纪要", "minutes"),
    }
}

vocabulary! {
    /// How urgent a document is; each profile may set its own approval time limit.
    Urgency {
        Normal => ("一般", "normal"),
        Urgent => ("加急", "urgent"),
        VeryUrgent => ("特急", "very urgent"),
        Critical => ("特急重要", "very urgent & major"),
    }
}

vocabulary! {
    /// Security classification (密级).
    Secrecy {
        Public => ("公开", "public"),
        Internal => ("内部", "internal"),
        Secret => ("秘密", "secret"),
        Confidential => ("机密", "confidential"),
    }
}

vocabulary! {
    /// Where a document is in its life.
    DocState {
        /// Awaiting a leader's signature (待批).
        Pending => ("待批", "pending"),
        /// Signed with an instruction (已签批).
        Signed => ("已签批", "signed"),
        /// Sent back to the department (退回).
        Returned => ("退回", "returned"),
    }
}

vocabulary! {
    /// A countersign (会签/征求意见) reply.
    CountersignAnswer {
        Agree => ("同意", "agreed"),
        Objection => ("有不同意见", "objection"),
        /// The reply limit passed in silence: recorded as no objection (逾期视为无不同意见).
        Deemed => ("逾期视为无不同意见", "deemed no objection"),
    }
}

vocabulary! {
    /// Where a supervision item (督办事项) comes from.
    SupSource {
        MeetingDecision => ("会议决定", "meeting decision"),
        LeaderInstruction => ("领导批示", "leader instruction"),
        WorkReport => ("政府工作报告", "government work report"),
        NpcSuggestion => ("人大建议", "NPC deputy suggestion"),
        CppccProposal => ("政协提案", "CPPCC proposal"),
        InspectionFinding => ("督查发现", "inspection finding"),
    }
}

vocabulary! {
    /// A supervision item's state. Closing (销号) is done by the office only.
    SupState {
        Open => ("办理中", "open"),
        Closed => ("已销号", "closed"),
    }
}

vocabulary! {
    /// How often the lead department owes a progress report.
    FeedbackCycle {
        Weekly => ("每周", "weekly"),
        Monthly => ("每月", "monthly"),
        None => ("不定期", "none"),
    }
}

vocabulary! {
    /// Kinds of government meeting.
    MeetingKind {
        Plenary => ("全体会议", "plenary meeting"),
        Executive => ("常务会议", "executive meeting"),
        MayorOffice => ("区长办公会议", "mayor's office meeting"),
        Topical => ("专题会议", "topical meeting"),
        PartyGroup => ("党组会议", "party group meeting"),
        Study => ("学习会", "study session"),
        /// A district-wide working meeting or major event organised by a department.
        LargeEvent => ("全区性会议", "district-wide meeting"),
    }
}

impl MeetingKind {
    /// The profile key for this kind (`[meetings.<key>]`).
    pub fn key(self) -> &'static str {
        match self {
            MeetingKind::Plenary => "plenary",
            MeetingKind::Executive => "executive",
            MeetingKind::MayorOffice => "mayor_office",
            MeetingKind::Topical => "topical",
            MeetingKind::PartyGroup => "party_group",
            MeetingKind::Study => "study",
            MeetingKind::LargeEvent => "large_event",
        }
    }
}

vocabulary! {
    /// A meeting's state.
    MeetingState {
        Planned => ("待召开", "planned"),
        Held => ("已召开", "held"),
        Cancelled => ("已取消", "cancelled"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_round_trip_by_chinese_and_english() {
        assert_eq!(Urgency::parse("特急重要"), Some(Urgency::Critical));
        assert_eq!(Urgency::parse("urgent"), Some(Urgency::Urgent));
        assert_eq!(DocKind::ALL.len(), 15);
        for k in DocKind::ALL {
            assert_eq!(DocKind::parse(k.zh()), Some(*k));
        }
        assert!("紧急".parse::<Urgency>().is_err());
    }
}
