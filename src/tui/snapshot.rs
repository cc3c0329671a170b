//! Everything the board shows, read in one transaction: the header, the three panes and
//! the 合规 view's findings (kept per item and brought up to date incrementally by
//! `tui::findings_refresh`; the first frame is drawn before them). Rendering reads only
//! this.

use super::action::PaneId;
use super::findings::Findings;
use super::findings_index::Kind;
use super::findings_refresh::Held;
use crate::domain::Env;
use crate::error::Result;
use crate::store::Store;
use crate::store::queries::{self, ApprovalRow, Filter, Header, MeetingRow, Pane, SupervisionRow};
use chrono::NaiveDate;

/// The board's data.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub header: Header,
    pub approvals: Pane<ApprovalRow>,
    pub supervision: Pane<SupervisionRow>,
    pub meetings: Pane<MeetingRow>,
    /// Every current finding of the district's rules (the 合规 view, the header's flags
    /// and counts, each detail's findings), with the view's filter applied.
    pub findings: Findings,
    /// The day and the filters the three panes were read for.
    read_for: Option<(NaiveDate, [Filter; 3])>,
    /// Panes read since the data was last read, under other filters: deleting a
    /// character of a filter, or going back to a sort, shows them again without a read.
    /// Dropped with every refresh (a new snapshot starts without them).
    recent: Recent,
}

/// The last few reads of each pane under other filters, for the same data.
#[derive(Debug, Clone, Default)]
struct Recent {
    approvals: Vec<(Filter, Pane<ApprovalRow>)>,
    supervision: Vec<(Filter, Pane<SupervisionRow>)>,
    meetings: Vec<(Filter, Pane<MeetingRow>)>,
}

/// Reads of one pane kept in [`Recent`] (a filter typed and deleted again is a few).
const RECENT: usize = 8;

/// Takes the read for `filter` out of `recent`, if there is one.
fn take<T>(recent: &mut Vec<(Filter, Pane<T>)>, filter: &Filter) -> Option<Pane<T>> {
    let i = recent.iter().position(|(f, _)| f == filter)?;
    Some(recent.remove(i).1)
}

/// The most rows of a read kept in [`Recent`]: a screen's worth with its margin, not
/// the whole pane `End` read.
const RECENT_ROWS: usize = 200;

/// Keeps `pane`, read under `filter`, as the newest of `recent`.
fn keep<T>(recent: &mut Vec<(Filter, Pane<T>)>, filter: Filter, pane: Pane<T>) {
    recent.retain(|(f, _)| *f != filter);
    if pane.rows.len() > RECENT_ROWS {
        return;
    }
    if recent.len() >= RECENT {
        recent.remove(0);
    }
    recent.push((filter, pane));
}

impl Snapshot {
    /// Reads the header and the three panes for these filters (one per [`PaneId::ALL`]),
    /// without the findings (`findings.pending`): what the board's first frame shows.
    /// [`Snapshot::read_with`] brings the findings too.
    pub fn read(store: &mut Store, env: &Env, filters: [&Filter; 4]) -> Result<Snapshot> {
        store.read(|tx| Self::panes(tx, env, filters, Findings::computing()))
    }

    /// Reads the header and the panes and brings the findings `held` up to date in the
    /// same transaction (incrementally where the audit allows: `tui::findings_refresh`);
    /// the 合规 view uses only its filter's text. A pane of `before` read for the same
    /// day and filter is kept when the audit shows no change to its kind of item (another
    /// officer's change to a supervision item does not re-read 待批公文 or 近期会议; the
    /// minute tick re-reads none).
    pub fn read_with(
        store: &mut Store,
        env: &Env,
        filters: [&Filter; 4],
        held: &mut Held,
        before: Option<&Snapshot>,
    ) -> Result<Snapshot> {
        store.read(|tx| {
            held.refresh_in(tx, env)?;
            let findings = held.view(filters[3].text.as_deref(), filters[3].limit);
            let today = env.today();
            let same = |i: usize, kind: Kind| {
                before.filter(|b| {
                    !held.touched(kind)
                        && b.read_for
                            .as_ref()
                            .is_some_and(|(d, f)| *d == today && f[i] == *filters[i])
                })
            };
            Ok(Snapshot {
                header: queries::header(tx, env)?,
                approvals: match same(0, Kind::Document) {
                    Some(b) => b.approvals.clone(),
                    None => queries::approvals(tx, env, filters[0])?,
                },
                supervision: match same(1, Kind::Supervision) {
                    Some(b) => b.supervision.clone(),
                    None => queries::supervision(tx, env, filters[1])?,
                },
                meetings: match same(2, Kind::Meeting) {
                    Some(b) => b.meetings.clone(),
                    None => queries::meetings(tx, env, filters[2])?,
                },
                findings,
                read_for: Some(read_for(env, filters)),
                recent: Recent::default(),
            })
        })
    }

    fn panes(
        tx: &rusqlite::Connection,
        env: &Env,
        filters: [&Filter; 4],
        findings: Findings,
    ) -> Result<Snapshot> {
        Ok(Snapshot {
            header: queries::header(tx, env)?,
            approvals: queries::approvals(tx, env, filters[0])?,
            supervision: queries::supervision(tx, env, filters[1])?,
            meetings: queries::meetings(tx, env, filters[2])?,
            findings,
            read_for: Some(read_for(env, filters)),
            recent: Recent::default(),
        })
    }

    /// Re-reads the panes whose filter changed, keeping the findings: for a changed
    /// filter, sort or window, when the data did not change (a keystroke in one pane's
    /// filter reads that pane only). [`Snapshot::refilter`] does the same for the 合规
    /// view.
    pub fn requery(&mut self, store: &mut Store, env: &Env, filters: [&Filter; 4]) -> Result<()> {
        let today = env.today();
        // The filters the panes shown were read for (None: another day, nothing to keep).
        let shown = self
            .read_for
            .take()
            .filter(|(d, _)| *d == today)
            .map(|(_, f)| f);
        let stale = |i: usize| shown.as_ref().is_none_or(|f| f[i] != *filters[i]);
        let (sa, ss, sm) = (stale(0), stale(1), stale(2));
        if shown.is_none() {
            self.recent = Recent::default();
        }
        // A pane read before under the filter now asked for comes back as it was.
        let r = &mut self.recent;
        let mut a = sa.then(|| take(&mut r.approvals, filters[0])).flatten();
        let mut s = ss.then(|| take(&mut r.supervision, filters[1])).flatten();
        let mut m = sm.then(|| take(&mut r.meetings, filters[2])).flatten();
        let (ra, rs, rm) = (sa && a.is_none(), ss && s.is_none(), sm && m.is_none());
        if ra || rs || rm {
            let read = store.read(|tx| {
                Ok((
                    ra.then(|| queries::approvals(tx, env, filters[0]))
                        .transpose()?,
                    rs.then(|| queries::supervision(tx, env, filters[1]))
                        .transpose()?,
                    rm.then(|| queries::meetings(tx, env, filters[2]))
                        .transpose()?,
                ))
            });
            let read = match read {
                Ok(r) => r,
                Err(e) => {
                    // Nothing replaced: the panes shown are still those of `shown`.
                    self.read_for = shown.map(|f| (today, f));
                    return Err(e);
                }
            };
            a = a.or(read.0);
            s = s.or(read.1);
            m = m.or(read.2);
        }
        if let Some(shown) = shown {
            let [fa, fs, fm] = shown;
            let r = &mut self.recent;
            if let Some(a) = a {
                keep(
                    &mut r.approvals,
                    fa,
                    std::mem::replace(&mut self.approvals, a),
                );
            }
            if let Some(s) = s {
                keep(
                    &mut r.supervision,
                    fs,
                    std::mem::replace(&mut self.supervision, s),
                );
            }
            if let Some(m) = m {
                keep(
                    &mut r.meetings,
                    fm,
                    std::mem::replace(&mut self.meetings, m),
                );
            }
        } else {
            if let Some(a) = a {
                self.approvals = a;
            }
            if let Some(s) = s {
                self.supervision = s;
            }
            if let Some(m) = m {
                self.meetings = m;
            }
        }
        self.read_for = Some(read_for(env, filters));
        Ok(())
    }

    /// Re-applies the 合规 view's filter and window to the findings `held` (unchanged
    /// data: nothing is recomputed); while they are still being computed, nothing to do.
    pub fn refilter(&mut self, held: &mut Held, filter: &Filter) {
        if held.ready() {
            self.findings = held.view(filter.text.as_deref(), filter.limit);
        }
    }

    /// The row ids of a pane, in row order (the findings' keys for the 合规 view).
    pub fn ids(&self, pane: PaneId) -> Vec<i64> {
        match pane {
            PaneId::Approvals => self.approvals.rows.iter().map(|r| r.id).collect(),
            PaneId::Supervision => self.supervision.rows.iter().map(|r| r.id).collect(),
            PaneId::Meetings => self.meetings.rows.iter().map(|r| r.id).collect(),
            PaneId::Compliance => self.findings.ids(),
        }
    }
}

/// What the panes were read for.
fn read_for(env: &Env, filters: [&Filter; 4]) -> (NaiveDate, [Filter; 3]) {
    (
        env.today(),
        [filters[0].clone(), filters[1].clone(), filters[2].clone()],
    )
}
