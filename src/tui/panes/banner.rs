//! The status line's banner: the latest alert not yet acknowledged (with how many more
//! and the key of the `!` list), else the latest toast of other people's actions. A
//! status message (what one's own action did, a refusal) comes first.

use super::{fit, put};
use crate::tui::app::App;
use crate::tui::keymap::Context;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Draws the banner or the toast on `area`; false when there is neither.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> bool {
    let l = app.lang;
    let w = usize::from(area.width);
    let t = &app.triage;
    let key = app
        .keymap
        .key_for("events", Context::Board)
        .unwrap_or_else(|| "!".into());
    if t.settings.banner {
        let open: Vec<_> = t.open_alerts().collect();
        if let Some(a) = open.last() {
            // The count and the key first: the alert's text is what a narrow line cuts.
            let count = match l {
                crate::i18n::Lang::Zh => format!("{}条提醒 {key}查看", open.len()),
                crate::i18n::Lang::En => format!("{} alert(s), {key} to list", open.len()),
            };
            let text = format!(" !! [{count}] {}", a.text);
            put(
                buf,
                area,
                area.x,
                area.y,
                &fit(&text, w),
                w,
                app.theme.error(),
            );
            return true;
        }
    }
    if let Some(toast) = &t.toast {
        let text = format!(" {toast}");
        put(
            buf,
            area,
            area.x,
            area.y,
            &fit(&text, w),
            w,
            app.theme.info(),
        );
        return true;
    }
    false
}
