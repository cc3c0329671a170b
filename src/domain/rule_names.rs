//! Rule keys (`documents.approval_limits.normal`, `meetings.executive.quorum`) as words for
//! the interface: the 合规 view names a rule, it does not show a profile key to a reader
//! of Chinese. Built from the key's parts: the section, the meeting kind, the rule.

use crate::domain::MeetingKind;
use crate::i18n::{Lang, Named};

/// The words for one part of a key (zh); None leaves the part as written.
fn part_zh(p: &str) -> Option<&'static str> {
    Some(match p {
        "documents" => "公文",
        "meetings" => "会议",
        "supervision" => "督办",
        "people" => "人员",
        "investment" => "投资项目",
        "default" => "默认",
        "approval_limits" => "批办时限",
        "normal" => "一般件",
        "urgent" => "加急件",
        "very_urgent" => "特急件",
        "critical" => "特急重要件",
        "countersign_reply" => "会签答复时限",
        "countersign" => "会签",
        "countersign_silence_is_consent" => "逾期视为无不同意见",
        "routing_by_division" => "按分工呈批",
        "major_to_mayor" => "重大事项报区长",
        "multi_leader_to_mayor" => "多位分管领导报区长",
        "division_leader_consent_first" => "先经分管领导同意",
        "one_matter_per_request" => "一文一事",
        "no_request_in_report" => "报告不夹带请示",
        "intake_via_office" => "经办公室收文",
        "print_after_sign" => "签发后印制",
        "publish_after_print" => "印制后公开",
        "critical_leader_sign" => "特急件领导签发",
        "signing_authority" => "签发权限",
        "normative_filing" => "规范性文件备案",
        "normative_legality_review" => "规范性文件合法性审查",
        "normative_validity_years" => "规范性文件有效期",
        "seal_approval" => "用印审批",
        "bulletins" => "简报",
        "cadence" => "召开频次",
        "quorum" => "到会人数",
        "chair" => "主持人",
        "materials_lead" => "材料提前报送",
        "materials_before_meeting" => "会前报送材料",
        "minutes_within" => "纪要印发时限",
        "minutes_drafted_within" => "纪要起草时限",
        "report_after" => "会后报告",
        "yearly_plan_month" => "年度计划报送月份",
        "submission_urgent_reason" => "特别紧急须说明理由",
        "yellow_within" => "黄灯：临近期限",
        "yellow_after_extensions" => "黄灯：延期次数",
        "minutes_signer" => "纪要签发人",
        "documents_within" => "会议文件印发时限",
        "documents_within_major_revision" => "重大修改后文件印发时限",
        "dept_head_leave_in_writing" => "部门负责人书面请假",
        "dept_head_leave_notice" => "部门负责人请假报告",
        "dept_head_leave_to" => "部门负责人向谁请假",
        "leader_leave_to" => "领导向谁请假",
        "leave_to" => "向谁请假",
        "topics_set_by" => "议题确定",
        "topics_frozen" => "议题锁定",
        "topic_prior_consultation" => "议题会前征求意见",
        "decisions_tracked" => "决定事项督办",
        "meeting_decisions_tracked" => "会议决定事项督办",
        "preparation" => "会议筹备",
        "submission_lead_normal" => "一般会议提前申请",
        "submission_lead_urgent" => "紧急会议提前申请",
        "yearly_plan" => "年度计划",
        "yearly_max_per_department" => "每个部门每年上限",
        "annual_plan" => "年度计划",
        "kinds" => "类别",
        "close_by_office" => "办公室销号",
        "notice_on_urge" => "催办发督办通知",
        "recheck" => "回头看",
        "proposal_limit" => "建议提案办理时限",
        "urging" => "催办",
        "lead_and_co" => "牵头与协办",
        "ledger" => "台账",
        "yearly_assessment" => "年度考核",
        "focus" => "重点",
        "tiers" => "分级",
        "same_day_clearance" => "当日办结",
        "reachable_24h" => "24小时可联系",
        "holiday_duty_leader" => "节假日带班领导",
        "mayor_standin" => "区长代理",
        "ab_partner_standin" => "AB岗代理",
        "ab_not_away_together" => "AB岗不同时外出",
        "max_leaders_away" => "同时外出领导上限",
        "executive_title" => "常务副区长称谓",
        "fund_consultation" => "资金征求意见",
        "needs_mayor_consent" => "须区长同意",
        "request_lead" => "提前申请",
        "third_party_review" => "第三方评审",
        "attendance" => "参会人员外出",
        "article" => "条款",
        "given" => "交办确定",
        "extended" => "经批准延期",
        _ => return None,
    })
}

/// A rule key in words: "公文·批办时限·一般件", "会议·常务会议·到会人数";
/// "documents approval limits normal" in English.
pub fn name(key: &str, lang: Lang) -> String {
    let parts = key.split('.');
    match lang {
        Lang::En => parts
            .map(|p| p.replace('_', " "))
            .collect::<Vec<_>>()
            .join(" · "),
        Lang::Zh => parts
            .map(|p| {
                MeetingKind::ALL
                    .iter()
                    .find(|k| k.key() == p)
                    .map(|k| k.zh().to_string())
                    .or_else(|| part_zh(p).map(str::to_string))
                    .unwrap_or_else(|| p.to_string())
            })
            .collect::<Vec<_>>()
            .join("·"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_rule_key_has_chinese_words() {
        let keys = include_str!("../../tests/fixtures/rule_keys.tsv");
        let mut missing = Vec::new();
        for line in keys
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let key = line
                .split('\t')
                .next()
                .unwrap_or("")
                .replace("<kind>", "executive");
            let zh = name(&key, Lang::Zh);
            // "AB岗" is how the rule is called in Chinese too.
            if zh
                .replace("AB", "")
                .chars()
                .any(|c| c.is_ascii_alphabetic())
            {
                missing.push(format!("{key} → {zh}"));
            }
        }
        assert!(missing.is_empty(), "{missing:#?}");
        assert_eq!(
            name("meetings.party_group.cadence", Lang::Zh),
            "会议·党组会议·召开频次"
        );
    }
}
