//! The `!` list (today's events and the alerts, acknowledged here), `:open ID` and the
//! calendar marker's explanation.

use super::Effect;
use crate::clock::Clock;
use crate::store::Store;
use crate::store::audit::feed;
use crate::store::queries::Item;
use crate::tui::action::{Action, PaneId};
use crate::tui::app::{App, Mode};

/// How many of today's events the list reads at most.
const EVENTS_SHOWN: usize = 500;

/// Opens the list, reading today's events (by the real clock: the audit keeps real times,
/// whatever day the board shows).
pub(super) fn open_events(app: &mut App, store: &mut Store) {
    let day = Clock::system().today();
    match store.read(|tx| feed::on_day(tx, day, EVENTS_SHOWN)) {
        Ok(rows) => app.triage.events = rows,
        Err(e) => app.say(e.localized(app.lang), true),
    }
    app.mode = Mode::Events { selected: 0 };
}

/// Keys in the list: move, acknowledge, leave.
pub(super) fn events(app: &mut App, action: Action, selected: usize) -> Effect {
    let order = crate::tui::triage::alert_order(&app.triage);
    let len = order.len() + app.triage.events.len();
    let last = len.saturating_sub(1);
    let page = usize::from(app.size.1.saturating_sub(6)).max(1);
    let selected = match action {
        Action::Down => (selected + 1).min(last),
        Action::Up => selected.saturating_sub(1),
        Action::PageDown => (selected + page).min(last),
        Action::PageUp => selected.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => last,
        Action::Ack => {
            match order.get(selected) {
                Some(i) => app.triage.alerts[*i].acked = true,
                None => app.triage.alerts.iter_mut().for_each(|a| a.acked = true),
            }
            selected
        }
        Action::Quit => return Effect::Quit,
        Action::Back | Action::Events => return Effect::Redraw,
        _ => selected,
    };
    app.mode = Mode::Events { selected };
    Effect::Redraw
}

/// `:open ID`: the item's row in its pane if it is there, else its detail.
pub(super) fn open_id(app: &mut App, store: &mut Store, id: &str) {
    let id = id.trim();
    let found = [
        (
            PaneId::Approvals,
            app.snap
                .approvals
                .rows
                .iter()
                .find(|r| r.ext_id.eq_ignore_ascii_case(id))
                .map(|r| r.id),
        ),
        (
            PaneId::Supervision,
            app.snap
                .supervision
                .rows
                .iter()
                .find(|r| r.ext_id.eq_ignore_ascii_case(id))
                .map(|r| r.id),
        ),
        (
            PaneId::Meetings,
            app.snap
                .meetings
                .rows
                .iter()
                .find(|r| r.ext_id.eq_ignore_ascii_case(id))
                .map(|r| r.id),
        ),
    ];
    if let Some((p, Some(row))) = found.into_iter().find(|(_, r)| r.is_some()) {
        super::focus(app, p);
        let ids = app.snap.ids(p);
        let to = ids.iter().position(|x| *x == row).unwrap_or(0);
        let cur = app.selected_index(p).unwrap_or(0);
        app.move_by(to as isize - cur as isize);
        return;
    }
    let item = store.read(|tx| crate::store::audit::log::find_item(tx, id));
    match item {
        Ok(i) => {
            let item = match i.entity {
                "document" => Item::Document(i.id),
                "supervision" => Item::Supervision(i.id),
                _ => Item::Meeting(i.id),
            };
            super::open_detail(app, store, item, 0);
        }
        Err(e) => app.say(e.localized(app.lang), true),
    }
}

/// What the header's `[2027年期限暂定]` marker means, on the status line.
pub(super) fn calendar_note(app: &mut App) {
    let years: Vec<String> = app
        .snap
        .header
        .missing_years
        .iter()
        .map(|y| y.to_string())
        .collect();
    if years.is_empty() {
        return app.say(
            app.lang.pick(
                "日历已含今明两年的国务院节假日安排",
                "the calendar has this year's and next year's official holiday schedule",
            ),
            false,
        );
    }
    let text = match app.lang {
        crate::i18n::Lang::Zh => format!(
            "尚无{}年国务院节假日安排：该年已按《全国年节及纪念日放假办法》计入法定节假日，调休未定，跨该年的期限为暂定；公布后用 dutydesk calendar import 文件 导入，期限随即重算",
            years.join("、")
        ),
        crate::i18n::Lang::En => format!(
            "no official holiday schedule for {} yet: its statutory holidays are counted, its make-up days (调休) are not known, so deadlines across it are provisional; import it with `dutydesk calendar import FILE` once published and they are recomputed",
            years.join(", ")
        ),
    };
    app.say(text, false);
}
