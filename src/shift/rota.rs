//! The rota in words: a day's kind, its gaps, the weekday, in Chinese or English.

use crate::i18n::Lang;
use crate::store::shift::rota::RotaLine;
use chrono::NaiveDate;

/// The kind of a day in words.
pub fn kind_label(l: &RotaLine, lang: Lang) -> String {
    let base = match l.kind {
        "holiday" => lang.pick("节假日", "holiday"),
        "makeup" => lang.pick("调休上班", "make-up workday"),
        "weekend" => lang.pick("周末", "weekend"),
        _ => lang.pick("工作日", "workday"),
    };
    match &l.kind_name {
        Some(n) => format!("{base}（{n}）"),
        None => base.to_string(),
    }
}

/// The gaps of a day in words ("" when none).
pub fn gaps(l: &RotaLine, lang: Lang) -> String {
    let mut g = Vec::new();
    if l.gap_officer {
        g.push(lang.pick("!! 缺值班", "!! no officer"));
    }
    if l.gap_leader {
        g.push(lang.pick("!! 节假日缺带班领导", "!! holiday without leader"));
    }
    g.join(" ")
}

/// "周五" / "Fri".
pub fn weekday(d: NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    let i = d.weekday().num_days_from_monday() as usize;
    let zh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    lang.pick(zh[i], en[i]).to_string()
}
