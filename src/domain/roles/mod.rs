//! The role matrix: for every command, which roles may perform it and on what condition.
//! One table, read by the core before every write (`domain::permission`), by the board
//! before it opens a form, and printed as docs/roles.md — so the three can never disagree.

use super::Role;
use crate::i18n::{Lang, Named};

/// A command, as the role matrix knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    Sign,
    /// 代录: recording a signature a leader made on paper.
    SignOnPaper,
    Return,
    /// 代录: recording a return a leader made on paper.
    ReturnOnPaper,
    Forward,
    Urge,
    Extend,
    Progress,
    Close,
    Reopen,
    Recheck,
    AddTopic,
    ApproveTopic,
    MaterialsIn,
    Leave,
    MinutesIssued,
    /// 崆峒 四十七: the office records the minutes drafted, before the chair signs.
    MinutesDrafted,
    DocumentsIssued,
    /// 崆峒 四十二: the office records the report after a 常务会议 made.
    MeetingReported,
    Printed,
    Published,
    Decide,
    Step,
    Rechecked,
    Import,
    /// 收文登记: registering an incoming document at the keyboard.
    Receive,
    /// A meeting held (at its actual start).
    MeetingHeld,
    /// A meeting cancelled, with the reason.
    MeetingCancel,
    /// A meeting moved to another start; what it owes follows.
    MeetingMove,
    /// An import whose records carry a later state (signed, returned, closed, issued).
    MigrationImport,
    CalendarImport,
    Settle,
    AddAdmin,
    /// 值班日志: record a call, a fax, an incident or a report up.
    LogAdd,
    /// Record an incident as reported up (when, to whom).
    LogReport,
    /// Turn a duty log entry into a document to approve.
    LogToDocument,
    /// Turn a duty log entry into a supervision item.
    LogToSupervision,
    /// 交班: save the shift's handover report.
    Handover,
    /// 接班确认: the incoming officer confirms the handover.
    HandoverConfirm,
    /// Set a day of the duty rota (值班表).
    RotaSet,
    /// Import the duty rota from a CSV file.
    RotaImport,
    /// Moving the database to another district profile.
    ChangeProfile,
}

/// Whether a role may perform a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    /// Always.
    Yes,
    /// Only the leader the document is routed to, or whoever stands in for them.
    Routed,
    /// Only the meeting's chair.
    Chair,
    /// Only the head of the lead or a co-department.
    Concerned,
    /// Only for themself.
    Own,
    /// Never.
    No,
}

impl Grant {
    /// Whether some item could let this role act (everything but [`Grant::No`]).
    pub fn possible(self) -> bool {
        self != Grant::No
    }
    fn word(self) -> (&'static str, &'static str) {
        match self {
            Grant::Yes => ("可以", "yes"),
            Grant::Routed => (
                "呈批给本人或本人代理时",
                "when routed to them or standing in",
            ),
            Grant::Chair => ("本人主持的会议", "meetings they chair"),
            Grant::Concerned => (
                "本单位牵头或协办的事项",
                "items their department leads or helps",
            ),
            Grant::Own => ("仅本人", "only their own"),
            Grant::No => ("不可", "no"),
        }
    }
    /// The cell as the help and docs/roles.md print it.
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = self.word();
        lang.pick(zh, en)
    }
}

/// One row of the matrix.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub act: Act,
    /// The command's name on the command line and in the audit log.
    pub name: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// Who may, in words, for refusals and the board's "unavailable" note.
    pub who_zh: &'static str,
    pub who_en: &'static str,
    /// The grant for each role, in [`ROLES`] order.
    pub grants: [Grant; 6],
    /// Whether an administrator account may perform it whatever its role (or with none).
    pub admin: bool,
    /// The profile key whose article a refusal cites, where a district rule says so.
    pub rule: Option<&'static str>,
}

/// The roles in the matrix's column order.
pub const ROLES: [Role; 6] = [
    Role::Mayor,
    Role::ExecutiveDeputy,
    Role::DeputyMayor,
    Role::OfficeDirector,
    Role::DutyOfficer,
    Role::DeptHead,
];

use Grant::{Chair, Concerned, No, Own, Routed, Yes};

macro_rules! row {
    ($act:ident, $name:literal, $zh:literal, $en:literal, $who_zh:literal, $who_en:literal,
     [$($g:ident),*], admin: $admin:literal, rule: $rule:expr) => {
        Row {
            act: Act::$act,
            name: $name,
            zh: $zh,
            en: $en,
            who_zh: $who_zh,
            who_en: $who_en,
            grants: [$($g),*],
            admin: $admin,
            rule: $rule,
        }
    };
}

/// The matrix. Columns: 区长, 常务副区长, 副区长, 办公室主任, 值班员, 部门负责人.
pub const MATRIX: &[Row] = &[
    row!(Sign, "sign", "签批", "sign",
        "呈批领导或其代理人", "the routed leader or their stand-in",
        [Routed, Routed, Routed, No, No, No], admin: false, rule: None),
    row!(SignOnPaper, "sign --for", "代录签批", "record a signature made on paper",
        "区政府办公室（代录领导书面签批）", "the government office (recording a leader's paper signature)",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(Return, "return", "退回公文", "return a document",
        "呈批领导或其代理人", "the routed leader or their stand-in",
        [Routed, Routed, Routed, No, No, No], admin: false, rule: None),
    row!(ReturnOnPaper, "return --for", "代录退回", "record a return made on paper",
        "区政府办公室（代录领导书面退回）", "the government office (recording a leader's paper return)",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(Forward, "forward", "转送公文", "forward a document",
        "呈批领导、其代理人或区政府办公室", "the routed leader, their stand-in or the government office",
        [Routed, Routed, Routed, Yes, Yes, No], admin: false, rule: None),
    row!(Urge, "urge", "催办", "urge an item",
        "区政府办公室或区政府领导", "the government office or a government leader",
        [Yes, Yes, Yes, Yes, Yes, No], admin: false, rule: None),
    row!(Extend, "extend", "延期督办事项", "extend a supervision item",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: Some("supervision.close_by_office")),
    row!(Progress, "progress", "报送进展", "add progress",
        "区政府办公室、区政府领导或牵头、协办单位负责人",
        "the government office, a government leader or the head of the lead or a co-department",
        [Yes, Yes, Yes, Yes, Yes, Concerned], admin: false, rule: None),
    row!(Close, "close", "销号督办事项", "close out a supervision item",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: Some("supervision.close_by_office")),
    row!(Reopen, "reopen", "重新打开督办事项", "reopen a supervision item",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: Some("supervision.close_by_office")),
    row!(Recheck, "recheck", "安排回头看", "set a re-check date",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: Some("supervision.close_by_office")),
    row!(AddTopic, "topic", "提出议题", "add a topic",
        "区政府办公室或区政府领导", "the government office or a government leader",
        [Yes, Yes, Yes, Yes, Yes, No], admin: false, rule: None),
    row!(ApproveTopic, "approve-topic", "审定议题", "approve a topic",
        "会议主持人或区长", "the meeting's chair or the District Mayor",
        [Yes, Chair, Chair, Chair, Chair, Chair], admin: false, rule: None),
    row!(MaterialsIn, "materials-in", "登记议题材料", "record topic materials as in",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(Leave, "leave", "请假", "request leave",
        "本人或区政府办公室", "the person themself or the government office",
        [Own, Own, Own, Yes, Yes, Own], admin: false, rule: None),
    row!(MinutesIssued, "minutes-issued", "登记会议纪要印发", "record minutes as issued",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(MinutesDrafted, "minutes-drafted", "登记会议纪要起草完成", "record minutes as drafted",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(MeetingReported, "reported", "登记会后报告区委、区人大常委会及通报区政协", "record the report after a meeting",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(DocumentsIssued, "documents-issued", "登记会议文件印发", "record meeting documents as issued",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(Printed, "printed", "登记印制", "record printed",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(Published, "published", "登记公开", "record published",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(Decide, "decide", "决定事项立项督办", "record a decision",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(Step, "step", "登记项目步骤", "record a project step",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(Rechecked, "rechecked", "回头看完成", "record a re-check done",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(Receive, "receive", "收文登记", "register an incoming document",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(MeetingHeld, "meeting held", "登记会议已召开", "record a meeting as held",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(MeetingCancel, "meeting cancel", "取消会议", "cancel a meeting",
        "区政府办公室或会议主持人", "the government office or the meeting's chair",
        [Chair, Chair, Chair, Yes, Yes, No], admin: false, rule: None),
    row!(MeetingMove, "meeting move", "会议改期", "move a meeting",
        "区政府办公室或会议主持人", "the government office or the meeting's chair",
        [Chair, Chair, Chair, Yes, Yes, No], admin: false, rule: None),
    row!(Import, "import", "导入登记", "import",
        "区政府办公室或管理员", "the government office or an administrator",
        [No, No, No, Yes, Yes, No], admin: true, rule: None),
    row!(MigrationImport, "import --migration", "迁移导入（含已办结状态）", "migration import (later states)",
        "管理员", "an administrator",
        [No, No, No, No, No, No], admin: true, rule: None),
    row!(CalendarImport, "calendar import", "导入节假日安排", "import a holiday schedule",
        "区政府办公室或管理员", "the government office or an administrator",
        [No, No, No, Yes, Yes, No], admin: true, rule: None),
    row!(Settle, "settle", "登记逾期视为无不同意见", "settle silent countersigns",
        "任何在册人员或管理员", "anyone on the staff list or an administrator",
        [Yes, Yes, Yes, Yes, Yes, Yes], admin: true, rule: None),
    row!(AddAdmin, "admin add", "添加管理员", "add an administrator",
        "管理员", "an administrator",
        [No, No, No, No, No, No], admin: true, rule: None),
    row!(LogAdd, "log add", "登记值班日志", "record a duty log entry",
        "区政府办公室（值班人员）", "the government office (duty staff)",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(LogReport, "log report", "登记突发事件已上报", "record an incident as reported up",
        "区政府办公室（值班人员）", "the government office (duty staff)",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(LogToDocument, "log to-document", "值班日志转为待批公文", "turn a log entry into a document",
        "区政府办公室（值班人员）", "the government office (duty staff)",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(LogToSupervision, "log to-supervision", "值班日志转为督办事项", "turn a log entry into a supervision item",
        "区政府办公室（值班人员）", "the government office (duty staff)",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(Handover, "handover --save", "交班（保存交接班报告）", "hand over a shift (save the report)",
        "区政府办公室（值班人员）", "the government office (duty staff)",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(HandoverConfirm, "handover confirm", "接班确认", "confirm taking over a shift",
        "区政府办公室（值班人员）", "the government office (duty staff)",
        [No, No, No, Yes, Yes, No], admin: false, rule: None),
    row!(RotaSet, "rota set", "编排值班表", "set a day of the duty rota",
        "区政府办公室", "the government office",
        [No, No, No, Yes, Yes, No], admin: true, rule: None),
    row!(RotaImport, "rota import", "导入值班表", "import the duty rota",
        "区政府办公室或管理员", "the government office or an administrator",
        [No, No, No, Yes, Yes, No], admin: true, rule: None),
    row!(ChangeProfile, "admin profile", "更换区情规则", "change the district profile",
        "管理员", "an administrator",
        [No, No, No, No, No, No], admin: true, rule: None),
];

/// The matrix's row for a command.
pub fn row(act: Act) -> &'static Row {
    // Every Act has a row (tested); the first row is a harmless fallback.
    MATRIX.iter().find(|r| r.act == act).unwrap_or(&MATRIX[0])
}

/// An audit row's action ("sign", "request_leave", …) in words.
pub fn action_label(action: &str, lang: Lang) -> String {
    if let Some(r) = MATRIX.iter().find(|r| r.name == action) {
        return lang.pick(r.zh, r.en).to_string();
    }
    let (zh, en) = match action {
        "request_leave" => ("请假", "asked leave"),
        "minutes_issued" => ("纪要印发", "recorded minutes issued"),
        "documents_issued" => ("文件印发", "recorded documents issued"),
        "add_topic" => ("加议题", "added a topic"),
        "approve_topic" => ("审定议题", "approved a topic"),
        "materials_in" => ("材料到位", "recorded materials in"),
        "meeting_held" => ("会议已召开", "recorded the meeting held"),
        "meeting_cancel" => ("取消会议", "cancelled the meeting"),
        "meeting_move" => ("会议改期", "moved the meeting"),
        "deemed" => ("逾期视为无不同意见", "deemed no objection"),
        _ => return action.replace('_', " "),
    };
    lang.pick(zh, en).to_string()
}

/// The grant for a role (None: not on the staff list).
pub fn grant(role: Option<Role>, act: Act) -> Grant {
    let Some(role) = role else {
        return Grant::No;
    };
    let r = row(act);
    ROLES
        .iter()
        .position(|x| *x == role)
        .map(|i| r.grants[i])
        .unwrap_or(Grant::No)
}

/// Whether someone with this role (and administrator status) could perform the command
/// on some item: what the board asks before offering an action.
pub fn possible(role: Option<Role>, admin: bool, act: Act) -> bool {
    (admin && row(act).admin) || grant(role, act).possible()
}

/// "只有X可以Y" / "only X may Y": the refusal naming who may.
pub fn who_may(act: Act) -> (String, String) {
    let r = row(act);
    (
        format!("只有{}可以{}", r.who_zh, r.zh),
        format!("only {} may {}", r.who_en, r.en),
    )
}

/// The matrix as a Markdown table (docs/roles.md is this, checked by a test).
pub fn markdown(lang: Lang) -> String {
    let mut s = String::new();
    s.push_str(lang.pick("| 命令 | 名称 |", "| command | name |"));
    for role in ROLES {
        s.push_str(&format!(" {} |", lang.pick(role.zh(), role.en())));
    }
    s.push_str(lang.pick(" 管理员 | 依据 |\n", " administrator | rule |\n"));
    s.push_str("|---|---|");
    for _ in ROLES {
        s.push_str("---|");
    }
    s.push_str("---|---|\n");
    for r in MATRIX {
        s.push_str(&format!("| `{}` | {} |", r.name, lang.pick(r.zh, r.en)));
        for g in r.grants {
            s.push_str(&format!(" {} |", g.label(lang)));
        }
        let admin = if r.admin {
            Grant::Yes.label(lang)
        } else {
            "—"
        };
        s.push_str(&format!(" {admin} | {} |\n", r.rule.unwrap_or("—")));
    }
    s
}

#[cfg(test)]
mod tests;
