//! The header: the day and its kind, the district, who I am, who is on duty, leaders away
//! and their stand-ins, a calendar-coverage warning and the live marker.

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
                l.pick("不在名册", "not on the org chart")
            ),
        };
        let who = |p: &Option<crate::store::queries::PersonRef>| {
            p.as_ref()
                .map_or_else(|| l.pick("未排", "none").to_string(), |p| p.name.clone())
        };
        // Most important first: a narrow terminal cuts from the right.
        let line1 = format!(
            " {} {} {} {} | {} {}  {} {} | {} {}",
            h.profile_name,
            h.today,
            weekday(h.today, l),
            day_kind(&h.day_kind, l),
            l.pick("值班", "duty"),
            who(&h.duty_officer),
            l.pick("带班", "leader"),
            who(&h.duty_leader),
            l.pick("我", "me"),
            me,
        );
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
        let mut x = area.x;
        if !h.missing_years.is_empty() {
            let years: Vec<String> = h.missing_years.iter().map(|y| y.to_string()).collect();
            let warn = match l {
                Lang::Zh => format!(" [无{}年节假日安排] ", years.join("、")),
                Lang::En => format!(" [no holiday schedule: {}] ", years.join(", ")),
            };
            x = put(buf, area, x, area.y + 1, &warn, w, app.theme.warn());
        }
        let room = w.saturating_sub(usize::from(x - area.x));
        line2 = super::fit(&line2, room);
        put(buf, area, x, area.y + 1, &line2, room, Style::new());
    }
}
