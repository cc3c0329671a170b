//! The rules of a profile as a flat table — section, key, readable value, article — in
//! Chinese or English. Used by `dutydesk rules` and kept in step with `docs/rules.md`.

use super::model::{Cadence, CadenceUnit, InvestmentTier, Period, Profile, Roles, Span};
use super::walk::{Rule, items};
use crate::i18n::{Lang, Named as _};
use crate::vocabulary::{MeetingKind, Role};

/// One rule of a profile, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRow {
    /// The group the rule belongs to ("公文处理", "Meetings · executive meeting").
    pub section: String,
    /// The key path in the profile file, e.g. "documents.countersign_reply".
    pub key: String,
    /// The rule, readable ("7 个工作日", "1–2 a month").
    pub value: String,
    /// The article that sets it, as the district numbers articles ("" when none).
    pub article: String,
}

/// Every rule present in `profile`, in display order; values include their notes
/// ("5 个工作日（原则上）").
pub fn rows(profile: &Profile, lang: Lang) -> Vec<RuleRow> {
    build(profile, lang, true)
}

/// As [`rows`], but values without their notes ("5 个工作日"), for compact listings.
pub fn rows_without_notes(profile: &Profile, lang: Lang) -> Vec<RuleRow> {
    build(profile, lang, false)
}

fn build(profile: &Profile, lang: Lang, notes: bool) -> Vec<RuleRow> {
    items(profile)
        .into_iter()
        .map(|item| RuleRow {
            section: section(&item.key, lang),
            value: value(profile, &item.rule, lang, notes),
            article: item.rule.article().to_string(),
            key: item.key,
        })
        .collect()
}

fn kind_of(key: &str) -> Option<MeetingKind> {
    MeetingKind::ALL.iter().copied().find(|k| k.key() == key)
}

fn section(key: &str, lang: Lang) -> String {
    let mut parts = key.split('.');
    match parts.next().unwrap_or_default() {
        "people" => lang.pick("人员与值班", "People and duty").to_string(),
        "documents" => lang.pick("公文处理", "Documents").to_string(),
        "meetings" => {
            let kind = parts.next().unwrap_or_default();
            let name = kind_of(kind).map_or(kind, |k| k.name(lang));
            format!("{} · {name}", lang.pick("会议", "Meetings"))
        }
        "supervision" => lang.pick("督查督办", "Supervision").to_string(),
        "investment" => lang.pick("投资与资金", "Investment and funds").to_string(),
        other => other.to_string(),
    }
}

fn value(profile: &Profile, rule: &Rule<'_>, lang: Lang, notes: bool) -> String {
    let with_note = |text: String, note: Option<&str>, lang: Lang| {
        with_note(text, note.filter(|_| notes), lang)
    };
    let yes_no = |b: bool| {
        if b {
            lang.pick("是", "yes")
        } else {
            lang.pick("否", "no")
        }
    };
    match rule {
        Rule::Period(p) => with_note(period(p, lang), p.note.as_deref(), lang),
        Rule::Flag(f) => with_note(yes_no(f.value).to_string(), f.note.as_deref(), lang),
        Rule::Count(c) => with_note(c.value.to_string(), c.note.as_deref(), lang),
        Rule::Roles(r) => with_note(roles(profile, r, lang), r.note.as_deref(), lang),
        Rule::Cadence(c) => with_note(cadence(c, lang), c.note.as_deref(), lang),
        Rule::Quorum(q) => {
            let frac = format!("{}/{}", q.more_than_numerator, q.more_than_denominator);
            match lang {
                Lang::Zh => format!("出席须超过应到人数的 {frac}"),
                Lang::En => format!("more than {frac} of members present"),
            }
        }
        // Items may themselves contain "、" or "；", so they are set apart by slashes.
        Rule::Named(n) => n.names.join(" / "),
        Rule::Tier(t) => tier(t, lang),
        Rule::Title(t) => (*t).to_string(),
        Rule::Established(_) => lang
            .pick("设有此类会议", "held in this district")
            .to_string(),
    }
}

fn with_note(text: String, note: Option<&str>, lang: Lang) -> String {
    match note {
        Some(n) => match lang {
            Lang::Zh => format!("{text}（{n}）"),
            Lang::En => format!("{text} ({n})"),
        },
        None => text,
    }
}

/// "7 个工作日" / "7 working days".
pub fn period(p: &Period, lang: Lang) -> String {
    let plural = |n: u32, one: &str, many: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    };
    match (p.span(), lang) {
        (Some(Span::Workdays(n)), Lang::Zh) => format!("{n} 个工作日"),
        (Some(Span::Days(n)), Lang::Zh) => format!("{n} 天"),
        (Some(Span::Months(n)), Lang::Zh) => format!("{n} 个月"),
        (Some(Span::Workdays(n)), Lang::En) => plural(n, "working day", "working days"),
        (Some(Span::Days(n)), Lang::En) => plural(n, "day", "days"),
        (Some(Span::Months(n)), Lang::En) => plural(n, "month", "months"),
        (None, _) => "?".to_string(),
    }
}

fn role_name(profile: &Profile, role: Role, lang: Lang) -> String {
    match (role, lang) {
        (Role::ExecutiveDeputy, Lang::Zh) => profile.executive_title().to_string(),
        _ => role.name(lang).to_string(),
    }
}

fn roles(profile: &Profile, r: &Roles, lang: Lang) -> String {
    // "区长、副区长或办公室主任" / "District Mayor, Deputy Mayor or Office Director".
    let list = |rs: &[Role]| {
        let names: Vec<String> = rs.iter().map(|x| role_name(profile, *x, lang)).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                format!(
                    "{}{}{last}",
                    rest.join(lang.pick("、", ", ")),
                    lang.pick("或", " or ")
                )
            }
            _ => names.concat(),
        }
    };
    let mut s = list(&r.roles);
    if !r.delegate.is_empty() {
        s.push_str(lang.pick("；可委托", "; by delegation: "));
        s.push_str(&list(&r.delegate));
    }
    s
}

/// "每月 1–2 次" / "1–2 a month", "每 2 周 1 次" / "1 every 2 weeks", "根据需要" / "as needed".
pub fn cadence(c: &Cadence, lang: Lang) -> String {
    if c.as_needed {
        return lang.pick("根据需要", "as needed").to_string();
    }
    let times = match (c.times, c.times_max) {
        (Some(a), Some(b)) if b != a => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        (None, _) => "?".to_string(),
    };
    let every = c.every.unwrap_or(1);
    let unit = c.unit.unwrap_or(CadenceUnit::Month);
    let (zh_unit, en_one, en_many) = match unit {
        CadenceUnit::Week => ("周", "week", "weeks"),
        CadenceUnit::Month => ("月", "month", "months"),
        CadenceUnit::Year => ("年", "year", "years"),
    };
    match lang {
        Lang::Zh => {
            let measure = if unit == CadenceUnit::Month && every > 1 {
                "个"
            } else {
                ""
            };
            if every == 1 {
                format!("每{zh_unit} {times} 次")
            } else {
                format!("每 {every} {measure}{zh_unit} {times} 次")
            }
        }
        Lang::En if every == 1 => format!("{times} a {en_one}"),
        Lang::En => format!("{times} every {every} {en_many}"),
    }
}

fn amount(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn tier(t: &InvestmentTier, lang: Lang) -> String {
    let low = t.min_wan.map(|m| {
        let op = if t.min_inclusive { "≥" } else { ">" };
        format!("{op} {}", amount(m))
    });
    let high = t.max_wan.map(|m| {
        let op = if t.max_exclusive { "<" } else { "≤" };
        format!("{op} {}", amount(m))
    });
    let range = [low, high]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(lang.pick(" 且 ", " and "));
    let unit = lang.pick("万元", "×10,000 yuan");
    format!(
        "{range} {unit}{} {}",
        lang.pick("：", ":"),
        t.steps.join(" → ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cad(times: u32, max: Option<u32>, every: u32, unit: CadenceUnit) -> Cadence {
        Cadence {
            as_needed: false,
            times: Some(times),
            times_max: max,
            every: Some(every),
            unit: Some(unit),
            article: "一".into(),
            note: None,
        }
    }

    #[test]
    fn cadences_read_naturally() {
        let half_year = cad(1, None, 6, CadenceUnit::Month);
        assert_eq!(cadence(&half_year, Lang::Zh), "每 6 个月 1 次");
        assert_eq!(cadence(&half_year, Lang::En), "1 every 6 months");
        let fortnight = cad(1, None, 2, CadenceUnit::Week);
        assert_eq!(cadence(&fortnight, Lang::Zh), "每 2 周 1 次");
        let monthly = cad(1, Some(2), 1, CadenceUnit::Month);
        assert_eq!(cadence(&monthly, Lang::Zh), "每月 1–2 次");
        assert_eq!(cadence(&monthly, Lang::En), "1–2 a month");
        assert_eq!(
            cadence(&cad(1, None, 1, CadenceUnit::Year), Lang::En),
            "1 a year"
        );
    }

    #[test]
    fn periods_name_their_unit() {
        let p = |workdays, days| Period {
            workdays,
            days,
            months: None,
            article: "一".into(),
            note: None,
            effective: None,
        };
        assert_eq!(period(&p(Some(7), None), Lang::Zh), "7 个工作日");
        assert_eq!(period(&p(Some(1), None), Lang::En), "1 working day");
        assert_eq!(period(&p(None, Some(15)), Lang::En), "15 days");
    }
}
