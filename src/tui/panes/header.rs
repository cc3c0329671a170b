//! The header: the day and its kind, the district, who I am (never cut: the district's
//! name gives way first), who is on duty; the today line (`today.rs`); leaders away and
//! their stand-ins, a short calendar-coverage marker (`:calendar` explains it), the live
//! marker, the rules' flags on
//! people (a holiday without a 带班 leader, 信州 四十二; A/B partners or too many leaders
//! away, 环翠 75) and the 合规 counts.

use super::put;
use crate::calendar::DayKind;
use crate::i18n::{Lang, Named};
use crate::tui::app::App;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The header widget.
pub struct HeaderView<'a> {
    pub app: &'a App,
}

fn weekday(d: chrono::NaiveDate, l: Lang) -> &'static str {
    let i = d.weekday().num_days_from_monday() as usize;
    let zh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    l.pick(zh[i], en[i])
}

/// The kind of day in words.
pub fn day_kind(k: &DayKind, l: Lang) -> String {
    match (k, l) {
        (DayKind::Workday, _) => l.pick("工作日", "workday").into(),
        (DayKind::Weekend, _) => l.pick("周末", "weekend").into(),
        (DayKind::Holiday(n), Lang::Zh) => format!("{n}假期"),
        (DayKind::Holiday(n), Lang::En) => format!("holiday: {n}"),
        (DayKind::MakeupWorkday(n), Lang::Zh) => format!("调休上班（{n}）"),
        (DayKind::MakeupWorkday(n), Lang::En) => format!("make-up workday ({n})"),
    }
}

impl Widget for HeaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let l = app.lang;
        let h = &app.snap.header;
        let w = usize::from(area.width);
        let (lp, rp) = match l {
            Lang::Zh => ("（", "）"),
            Lang::En => (" (", ")"),
        };
        let me = match &h.me {
            Some((name, role)) => format!("{name}{lp}{}{rp}", role.name(l)),
            None => format!(
                "{}{lp}{}{rp}",
                h.me_login,
                l.pick("不在人员名单·只读", "not on the staff list: read only")
            ),
        };
        // The live marker takes at most 8 cells and a space.
        let line1 = first_line(app, &me, w.saturating_sub(9));
        let live = if app.live {
            l.pick("[实时]", "[live]")
        } else {
            l.pick("[未连接]", "[stale]")
        };
        let live_w = crate::text::width(live);
        put(
            buf,
            area,
            area.x,
            area.y,
            &super::fit(&line1, w.saturating_sub(live_w + 1)),
            w,
            app.theme.header(),
        );
        let lx = area.x + u16::try_from(w.saturating_sub(live_w)).unwrap_or(0);
        put(
            buf,
            area,
            lx,
            area.y,
            live,
            live_w,
            if app.live {
                app.theme.info()
            } else {
                app.theme.warn()
            },
        );
        if area.height < 2 {
            return;
        }
        let today = super::today::line(&super::today::facts(app), l);
        put(
            buf,
            area,
            area.x,
            area.y + 1,
            &super::fit(&today, w),
            w,
            app.theme.header(),
        );
        if area.height < 3 {
            return;
        }
        let y = area.y + 2;
        let away: Vec<String> = h
            .away
            .iter()
            .map(|a| {
                let until = super::short_date(a.until);
                match &a.stand_in {
                    Some(s) => format!(
                        "{}{lp}{}{until}{}{}{rp}",
                        a.person.name,
                        l.pick("至", "to "),
                        l.pick("，代：", ", by "),
                        s.name
                    ),
                    None => format!("{}{lp}{}{until}{rp}", a.person.name, l.pick("至", "to ")),
                }
            })
            .collect();
        let mut line2 = format!(
            " {}{}",
            l.pick("外出领导：", "away: "),
            if away.is_empty() {
                l.pick("无", "none").to_string()
            } else {
                away.join(" ")
            }
        );
        // The 合规 counts stay at the right; the flags and who is away take the rest.
        let counts = format!(
            " {}{} ",
            l.pick("合规:", "check: "),
            app.snap.findings.counts_label(false, l)
        );
        let counts_w = crate::text::width(&counts);
        // Who is away is duty information: the counts (also in the 合规 view's title)
        // give way when both do not fit.
        let left_w = crate::text::width(&line2)
            + flags_width(app)
            + if h.missing_years.is_empty() { 0 } else { 14 };
        let right = if w >= counts_w + left_w.max(20) {
            counts_w
        } else {
            0
        };
        let end = area.x + u16::try_from(w - right).unwrap_or(0);
        let mut x = area.x;
        let mut flags = people_flags(app);
        if !h.missing_years.is_empty() {
            let years: Vec<String> = h.missing_years.iter().map(|y| y.to_string()).collect();
            flags.insert(
                0,
                // Short, so who is away (duty information) keeps its room: the year's
                // statutory holidays are counted, its 调休 are not yet known, so deadlines
                // across it are provisional; `:calendar` or a click explains it.
                match l {
                    Lang::Zh => format!("[{}年期限暂定]", years.join("、")),
                    Lang::En => format!("[{} provisional]", years.join(",")),
                },
            );
        }
        for flag in flags {
            let room = usize::from(end.saturating_sub(x));
            x = put(buf, area, x, y, &format!(" {flag}"), room, app.theme.warn());
        }
        let room = usize::from(end.saturating_sub(x));
        line2 = super::fit(&line2, room);
        put(buf, area, x, y, &line2, room, Style::new());
        if right > 0 {
            let [v, ..] = app.snap.findings.total_counts();
            let style = if v > 0 {
                app.theme.warn()
            } else {
                app.theme.info()
            };
            put(buf, area, end, y, &counts, right, style);
        }
    }
}

/// The first line, fitted to `room` cells without ever cutting who acts: the district's
/// name is shortened first (the part after 市), then dropped, then the kind of day and the
/// 带班 leader, then the duty officer.
fn first_line(app: &App, me: &str, room: usize) -> String {
    let l = app.lang;
    let h = &app.snap.header;
    let who = |p: &Option<crate::store::queries::PersonRef>| {
        p.as_ref()
            .map_or_else(|| l.pick("未排", "none").to_string(), |p| p.name.clone())
    };
    let me = format!("{} {me}", l.pick("我", "me"));
    let full = h.profile_name.clone();
    let short = match full.split_once('市') {
        Some((_, rest)) if !rest.is_empty() => rest.to_string(),
        _ => full.clone(),
    };
    let date = h.today.to_string();
    let day = format!(
        "{date} {} {}",
        weekday(h.today, l),
        day_kind(&h.day_kind, l)
    );
    let officer = format!("{} {}", l.pick("值班", "duty"), who(&h.duty_officer));
    let duty = format!(
        "{officer}  {} {}",
        l.pick("带班", "leader"),
        who(&h.duty_leader)
    );
    let tries = [
        format!("{full} {day} | {duty}"),
        format!("{short} {day} | {duty}"),
        format!("{day} | {duty}"),
        format!("{date} | {duty}"),
        format!("{date} | {officer}"),
        date,
    ];
    for t in &tries {
        let line = format!(" {t} | {me}");
        if crate::text::width(&line) <= room {
            return line;
        }
    }
    format!(" {me}")
}

/// The cells the people flags take (each with its leading space).
fn flags_width(app: &App) -> usize {
    people_flags(app)
        .iter()
        .map(|f| crate::text::width(f) + 1)
        .sum()
}

/// The header's flags from the rules about people: holidays ahead with no 带班 leader
/// (信州 四十二), A/B partners away together and too many leaders away (环翠 75).
fn people_flags(app: &App) -> Vec<String> {
    let l = app.lang;
    let f = &app.snap.findings;
    let mut out = Vec::new();
    let days: Vec<&str> = f
        .under("people.holiday_duty_leader")
        .map(|x| x.item.ext_id.as_str())
        .collect();
    if let Some(first) = days.first() {
        let first = first.get(5..).unwrap_or(first);
        let more = if days.len() > 1 {
            format!("+{}", days.len() - 1)
        } else {
            String::new()
        };
        out.push(match l {
            Lang::Zh => format!("[假日无带班 {first}{more}]"),
            Lang::En => format!("[no holiday duty leader {first}{more}]"),
        });
    }
    if f.under("people.ab_not_away_together").next().is_some() {
        out.push(
            l.pick("[A/B角同时外出]", "[A/B partners away together]")
                .into(),
        );
    }
    if f.under("people.max_leaders_away").next().is_some() {
        out.push(l.pick("[外出领导超限]", "[too many leaders away]").into());
    }
    out
}
