//! The 督查通报 view's state: the period and grouping chosen, the figures read for them,
//! and the selected row (by position: the rows are a ranking that only changes on a
//! re-read, and a re-read keeps the position).

use crate::domain::Env;
use crate::error::Result;
use crate::store::Store;
use crate::store::report::{self, GroupBy, Period, PeriodKind, Report};

/// The view's state.
#[derive(Debug, Clone)]
pub struct ReportUi {
    pub period: Period,
    pub by: GroupBy,
    pub report: Report,
    pub selected: usize,
    pub offset: usize,
}

impl ReportUi {
    /// The view for this month, by lead department.
    pub fn open(store: &mut Store, env: &Env) -> Result<ReportUi> {
        let period = Period::containing(PeriodKind::Month, env.today());
        let by = GroupBy::Dept;
        Ok(ReportUi {
            period,
            by,
            report: read(store, env, period, by)?,
            selected: 0,
            offset: 0,
        })
    }

    /// Re-reads the figures for the period and grouping in force, keeping the selection's
    /// position where the rows allow.
    pub fn reload(&mut self, store: &mut Store, env: &Env) -> Result<()> {
        self.report = read(store, env, self.period, self.by)?;
        self.selected = self
            .selected
            .min(self.report.supervision.len().saturating_sub(1));
        Ok(())
    }

    /// Moves the selection by `delta` rows (clamped), keeping it within `rows` on screen.
    pub fn move_by(&mut self, delta: isize, rows: usize) {
        let len = self.report.supervision.len();
        if len == 0 {
            return;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(len - 1);
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
    }

    /// The selected row's department, when rows are departments.
    pub fn selected_dept(&self) -> Option<&str> {
        (self.by == GroupBy::Dept)
            .then(|| self.report.supervision.get(self.selected))
            .flatten()
            .map(|r| r.name.as_str())
    }
}

fn read(store: &mut Store, env: &Env, period: Period, by: GroupBy) -> Result<Report> {
    store.read(|tx| report::report(tx, env, period, by))
}
