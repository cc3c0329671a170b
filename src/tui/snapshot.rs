//! Everything the board shows, read in one transaction: the header, the three panes and
//! the 合规 view's findings. Rendering reads only this.

use super::action::PaneId;
use super::findings::Findings;
use crate::domain::Env;
use crate::error::Result;
use crate::store::queries::{self, ApprovalRow, Filter, Header, MeetingRow, Pane, SupervisionRow};
use crate::store::{Store, compliance};

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
}

impl Snapshot {
    /// Reads the whole snapshot for these filters (one per [`PaneId::ALL`]; the 合规
    /// view uses only its filter's text). The compliance check walks open items only
    /// (`dutydesk bench` measures it).
    pub fn read(store: &mut Store, env: &Env, filters: [&Filter; 4]) -> Result<Snapshot> {
        store.read(|tx| {
            let mut findings = Findings::new(compliance::check(tx, env)?);
            findings.filter(filters[3].text.as_deref());
            Ok(Snapshot {
                header: queries::header(tx, env)?,
                approvals: queries::approvals(tx, env, filters[0])?,
                supervision: queries::supervision(tx, env, filters[1])?,
                meetings: queries::meetings(tx, env, filters[2])?,
                findings,
            })
        })
    }

    /// Re-reads the three panes and re-applies the 合规 filter, keeping the findings: for
    /// a changed filter or sort, when the data did not change.
    pub fn requery(&mut self, store: &mut Store, env: &Env, filters: [&Filter; 4]) -> Result<()> {
        let (a, s, m) = store.read(|tx| {
            Ok((
                queries::approvals(tx, env, filters[0])?,
                queries::supervision(tx, env, filters[1])?,
                queries::meetings(tx, env, filters[2])?,
            ))
        })?;
        self.approvals = a;
        self.supervision = s;
        self.meetings = m;
        self.findings.filter(filters[3].text.as_deref());
        Ok(())
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
