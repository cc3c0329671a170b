//! The method (统计口径) stated with the report: working days on the official calendar,
//! the district's own limits and the articles behind them.

use crate::domain::deadline::article_label;
use crate::i18n::{Lang, Named};
use crate::profile::{Flag, Profile};
use crate::store::report::Report;

/// The method as lines of text, in the interface language.
pub fn lines(r: &Report, p: &Profile, l: Lang) -> Vec<String> {
    let art = |a: &Option<String>| match a {
        Some(a) => article_label(a, l),
        None => l.pick("值班台默认", "dutydesk default").to_string(),
    };
    let mut out = Vec::new();
    out.push(match l {
        Lang::Zh => format!(
            "统计期间：{} 至 {}，数据截至 {}。",
            r.period.start, r.period.end, r.as_of
        ),
        Lang::En => format!(
            "Period: {} to {}, figures as of {}.",
            r.period.start, r.period.end, r.as_of
        ),
    });
    let mut cal = l
        .pick(
            "工作日按国务院办公厅公布的节假日安排计算：法定节假日不计，调休上班日计入。",
            "Working days follow the State Council's official holiday schedule: official rest days do not count, make-up working days (调休) do.",
        )
        .to_string();
    if !r.missing_years.is_empty() {
        let years: Vec<String> = r.missing_years.iter().map(|y| y.to_string()).collect();
        cal.push_str(&match l {
            Lang::Zh => format!("{} 年尚无官方安排，仅按周末计算。", years.join("、")),
            Lang::En => format!(
                " {} has no official schedule yet: weekends only.",
                years.join(", ")
            ),
        });
    }
    out.push(cal);
    out.push(l.pick(
        "按期办结：在期限（含经批准延期后的期限）之内销号。按期办结率 = 按期办结数 ÷（本期办结数 + 截至期末逾期在办数）；逾期事项在销号前一直计入。",
        "On time: closed out on or before the deadline in force (extensions granted included). On-time rate = closed on time ÷ (closed in the period + still overdue at its end); an overdue item counts until it is closed.",
    ).to_string());
    out.push(l.pick(
        "逾期工作日：自期限次日起至销号之日的工作日数；仍在办的计至统计截止日。平均数与第90百分位数（P90）均按事项计。",
        "Days late: working days after the deadline up to the close, or up to the end of the period for an item still open. Mean and 90th percentile (P90) are per item.",
    ).to_string());
    out.push(l.pick(
        "延期、催办、回头看按登记日期计入期间；回头看之后事项被重新打开的，计为回头看未通过。分管领导按牵头单位所属分工归集。",
        "Extensions, urges and re-checks (回头看) count in the period they were recorded in; a re-check fails when the item is reopened after it. Leaders: the leader whose division of work covers the lead department.",
    ).to_string());
    let lr = &r.light_rule;
    out.push(match l {
        Lang::Zh => format!(
            "红黄绿灯（截至 {}）：已逾期为红灯；距期限 {} 以内（{}），或已延期 {} 次及以上（{}）为黄灯；其余为绿灯。",
            r.as_of,
            lr.window_zh,
            art(&lr.window_article),
            lr.extensions,
            art(&lr.extensions_article)
        ),
        Lang::En => format!(
            "Traffic lights (as of {}): red when overdue; yellow when due within {} ({}) or extended {} time(s) or more ({}); green otherwise.",
            r.as_of,
            lr.window_en,
            art(&lr.window_article),
            lr.extensions,
            art(&lr.extensions_article)
        ),
    });
    let limits: Vec<String> = r
        .limits
        .iter()
        .map(|x| {
            format!(
                "{} {}（{}）",
                x.urgency.name(l),
                l.pick(&x.zh, &x.en),
                art(&x.article)
            )
        })
        .collect();
    out.push(match l {
        Lang::Zh => format!(
            "公文审批时间：自收文至签批的工作日数，对照本区审批时限：{}。",
            limits.join("；")
        ),
        Lang::En => format!(
            "Approval time: working days from receipt to signature, against the district's limits: {}.",
            limits.join("; ").replace('（', " (").replace('）', ")")
        ),
    });
    let s = &p.supervision;
    let rules: Vec<String> = [
        (&s.bulletins, "督查结果通报", "bulletins on the results"),
        (&s.recheck, "回头看", "re-checks (回头看)"),
        (&s.third_party_review, "第三方评估", "third-party review"),
        (&s.yearly_assessment, "年度考核", "yearly assessment"),
    ]
    .into_iter()
    .filter_map(|(f, zh, en): (&Option<Flag>, &str, &str)| {
        let f = f.as_ref().filter(|f| f.value)?;
        let note = match (&f.note, l) {
            (Some(n), Lang::Zh) => format!("：{n}"),
            _ => String::new(),
        };
        Some(format!(
            "{}（{}{note}）",
            l.pick(zh, en),
            article_label(&f.article, l)
        ))
    })
    .collect();
    if !rules.is_empty() {
        out.push(match l {
            Lang::Zh => format!("依据《{}》：{}。", p.district.source, rules.join("；")),
            Lang::En => format!(
                "Under the district's working rules ({}): {}.",
                p.district.source,
                rules.join("; ").replace('（', " (").replace('）', ")")
            ),
        });
    }
    // Names and notes come from the profile file: inert before they reach a terminal.
    out.iter()
        .map(|m| crate::text::printable(m).into_owned())
        .collect()
}
