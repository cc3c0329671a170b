//! The `!` list: the alerts raised on this board (not yet acknowledged first), then
//! today's events from the audit log, newest first: time, who (names, and for whom),
//! what and the item.

use super::{fit, put};
use crate::i18n::Lang;
use crate::store::audit::feed::FeedRow;
use crate::text::printable;
use crate::tui::app::App;
use crate::tui::triage::alert_order;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The list widget.
pub struct EventsView<'a> {
    pub app: &'a App,
    pub selected: usize,
}

/// One event as a line: "10:02 王建国 签批：同意 GW-0042《…》".
pub fn event_line(r: &FeedRow, l: Lang) -> String {
    let time = r.at.get(11..16).unwrap_or(&r.at);
    let who = match &r.acted_for {
        Some(f) => format!("{}{}{f}", r.actor_name, l.pick("（代）", " for ")),
        None => r.actor_name.clone(),
    };
    let item = match (&r.ext_id, &r.title) {
        (Some(id), Some(t)) => format!(" {id} {t}"),
        _ => String::new(),
    };
    printable(&format!("{time} {who} {}{item}", r.summary)).into_owned()
}

impl Widget for EventsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let l = app.lang;
        let t = &app.triage;
        let w = usize::from(area.width);
        if area.height == 0 {
            return;
        }
        let open = t.open_alerts().count();
        let head = match l {
            Lang::Zh => format!(
                " 今日动态 [!]  提醒{} 未确认{open}  动态{}",
                t.alerts.len(),
                t.events.len()
            ),
            Lang::En => format!(
                " Today [!]  alerts {} ({open} open)  events {}",
                t.alerts.len(),
                t.events.len()
            ),
        };
        put(
            buf,
            area,
            area.x,
            area.y,
            &fit(&head, w),
            w,
            app.theme.title(true),
        );
        let mut lines: Vec<(String, Style)> = Vec::new();
        for i in alert_order(t) {
            let a = &t.alerts[i];
            let mark = if a.acked {
                l.pick("   已确认", "   acked")
            } else {
                "!! "
            };
            let style = if a.acked {
                app.theme.dim()
            } else {
                app.theme.error()
            };
            lines.push((format!("{mark} {} {}", a.at, a.text), style));
        }
        for r in &t.events {
            lines.push((format!("   {}", event_line(r, l)), Style::new()));
        }
        if lines.is_empty() {
            lines.push((
                l.pick("   （今天还没有动态）", "   (nothing yet today)")
                    .into(),
                app.theme.dim(),
            ));
        }
        let rows = usize::from(area.height.saturating_sub(1)).max(1);
        let sel = self.selected.min(lines.len().saturating_sub(1));
        let off = sel.saturating_sub(rows - 1);
        for (n, (text, style)) in lines.iter().enumerate().skip(off).take(rows) {
            let y = area.y + 1 + u16::try_from(n - off).unwrap_or(0);
            let style = if n == sel {
                style.patch(app.theme.selected(true))
            } else {
                *style
            };
            put(buf, area, area.x, y, &fit(text, w), w, style);
        }
    }
}
