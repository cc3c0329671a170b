//! The 督查通报 view's keys: move, change the period and the grouping, open a
//! department's items (the 逾期督办 pane filtered by it, every open item shown).

use super::Effect;
use crate::store::Store;
use crate::tui::action::{Action, PaneId};
use crate::tui::app::{App, Mode};
use crate::tui::report::ReportUi;

/// Opens the view (this month, by lead department).
pub(super) fn open(app: &mut App, store: &mut Store) {
    match ReportUi::open(store, &app.env) {
        Ok(ui) => app.mode = Mode::Report(Box::new(ui)),
        Err(e) => app.say(e.localized(app.lang), true),
    }
}

/// Rows of the ranking on screen at the current size (see `panes::report`).
pub fn ranking_rows(app: &App) -> usize {
    usize::from(
        app.size
            .1
            .saturating_sub(crate::tui::panes::report::FIXED_LINES),
    )
}

pub(super) fn report_mode(
    app: &mut App,
    store: &mut Store,
    action: Action,
    mut ui: Box<ReportUi>,
) -> Effect {
    use Action as A;
    app.message = None;
    let rows = ranking_rows(app);
    let reread = |app: &mut App, store: &mut Store, ui: &mut ReportUi| {
        if let Err(e) = ui.reload(store, &app.env) {
            app.say(e.localized(app.lang), true);
        }
    };
    match action {
        A::Back => return Effect::Redraw,
        A::Quit => return Effect::Quit,
        A::Up => ui.move_by(-1, rows),
        A::Down => ui.move_by(1, rows),
        A::Top => ui.move_by(isize::MIN / 2, rows),
        A::Bottom => ui.move_by(isize::MAX / 2, rows),
        A::ReportShift(n) => {
            ui.period = ui.period.shift(n);
            reread(app, store, &mut ui);
        }
        A::ReportPeriodKind => {
            let day = ui.period.as_of(app.env.today());
            ui.period = crate::store::report::Period::containing(ui.period.kind.next(), day);
            reread(app, store, &mut ui);
        }
        A::ReportGroup => {
            ui.by = ui.by.next();
            ui.selected = 0;
            ui.offset = 0;
            reread(app, store, &mut ui);
        }
        A::Refresh => {
            reread(app, store, &mut ui);
            app.say(app.lang.pick("已刷新", "refreshed"), false);
        }
        A::Open => match ui.selected_dept().map(str::to_string) {
            Some(dept) => {
                // The department's open items: the supervision pane, widened to every open
                // item and filtered by the department's name.
                let p = &mut app.panes[PaneId::Supervision.index()];
                p.filter.text = Some(dept.clone());
                p.filter.all_open = true;
                p.selected = None;
                app.focus = PaneId::Supervision;
                let (w, h) = app.size;
                app.resize(w, h);
                app.say(
                    match app.lang {
                        crate::i18n::Lang::Zh => {
                            format!("逾期督办：{dept} 的全部在办事项（Esc 清除筛选）")
                        }
                        crate::i18n::Lang::En => format!(
                            "supervision: every open item of {dept} (Esc clears the filter)"
                        ),
                    },
                    false,
                );
                return Effect::Requery;
            }
            None => app.say(
                app.lang.pick(
                    "按牵头单位分组时，回车打开该单位的事项（b 切换分组）",
                    "Enter opens a department's items when grouped by department (b to regroup)",
                ),
                true,
            ),
        },
        _ => {}
    }
    app.mode = Mode::Report(ui);
    Effect::Redraw
}
