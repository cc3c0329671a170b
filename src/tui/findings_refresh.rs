//! The board's 合规 findings, kept per item and brought up to date incrementally.
//!
//! A full `store::compliance::check` costs the open items of the whole district; a command
//! touches one or a few. The board therefore keeps the findings in two parts
//! (`store::compliance` explains the split): the district part, recomputed on every
//! refresh (it does not grow with the items), and the findings of each document,
//! supervision item and meeting. After a commit it reads the audit rows written since it
//! last looked (`store::audit::changes`: every write has one, naming its entity and row)
//! and recomputes the items they name, in the same read transaction as those rows.
//!
//! Everything is recomputed instead (one full check) at the first read, on a new day
//! (midnight, `:goto`), and when the audit shows a change that is not about single items
//! (an import, a calendar or profile change, the org chart, absences), more than
//! [`MAX_ROWS`] rows, or none at all while another connection did commit (a change written
//! around the one door: nothing says what changed), and on a manual refresh (`r`). A
//! re-read with nothing new at all (the minute tick, a refused action) recomputes the
//! district part only: no item finding depends on the time of day. The result equals a full check after any
//! sequence of commands (`tests/findings_incremental.rs`).

use super::findings::Findings;
use super::findings_index::{Index, Kind};
use crate::domain::Env;
use crate::domain::compliance::Finding;
use crate::error::{DbContext, Result};
use crate::i18n::Lang;
use crate::store::Store;
use crate::store::audit::changes::{self, Touched};
use crate::store::compliance::{self, Items};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::BTreeSet;

/// More audit rows than this since the last look: recompute everything (a bulk change is
/// cheaper checked whole than item by item).
pub const MAX_ROWS: usize = 64;

/// Entities whose changes only the district part reads (always recomputed).
const DISTRICT_ONLY: &[&str] = &["duty_log", "duty_rota", "handover", "investment", "fund"];

/// Actions that change many things at once, whatever entity their row names: an import
/// writes the org chart, absences and the rota beside the items. (Countersign settlement,
/// by `settle` or before another command, writes one row per document: item changes.)
const BULK: &[&str] = &["import", "import-migration"];

/// What a run of audit rows asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Need {
    /// Nothing about items changed (the district part is recomputed anyway).
    District,
    /// These items changed.
    Items(BTreeSet<(Kind, i64)>),
    /// Recompute everything.
    Full,
}

/// Sorts the audit rows into what must be recomputed; `committed`: another connection
/// committed since the last look (`PRAGMA data_version` moved).
fn need(rows: &[Touched], committed: bool) -> Need {
    // Nothing new in the log though someone committed: a change that bypassed the one
    // door (SQL run directly) — nothing says what changed.
    if rows.is_empty() {
        return if committed {
            Need::Full
        } else {
            Need::District
        };
    }
    if rows.len() > MAX_ROWS {
        return Need::Full;
    }
    let mut items = BTreeSet::new();
    for r in rows {
        if BULK.contains(&r.action.as_str()) {
            return Need::Full;
        }
        match (Kind::of(&r.entity), r.entity_id) {
            (Some(k), Some(id)) => {
                items.insert((k, id));
            }
            _ if DISTRICT_ONLY.contains(&r.entity.as_str()) => {}
            // The org chart, absences, the calendar, the profile, the database as a whole,
            // or anything not known here: every item may be concerned.
            _ => return Need::Full,
        }
    }
    if items.is_empty() {
        Need::District
    } else {
        Need::Items(items)
    }
}

/// The findings as the board keeps them.
#[derive(Debug, Clone, Default)]
pub struct Held {
    /// The district part and each item's findings, in display order.
    index: Index,
    /// The last audit row whose changes are in `index`.
    seen: i64,
    /// The connection's `PRAGMA data_version` at that point.
    version: Option<i64>,
    /// The day the findings hold for; None until the first full computation.
    day: Option<NaiveDate>,
    /// A full recomputation is asked for at the next refresh (a new day, `:goto`).
    stale: bool,
    /// The kinds of item the last refresh found changed (None: any may have).
    touched: Option<BTreeSet<Kind>>,
}

/// How a refresh went, for the bench and the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refreshed {
    /// Everything was recomputed.
    Full,
    /// The district part and this many items.
    Items(usize),
}

impl Held {
    /// Findings kept with only `lang`'s messages (a board shows one language).
    pub fn for_lang(lang: Lang) -> Held {
        Held {
            index: Index::new(Some(lang)),
            ..Held::default()
        }
    }

    /// Whether the findings have been computed at all.
    pub fn ready(&self) -> bool {
        self.day.is_some()
    }

    /// Asks for a full recomputation at the next refresh.
    pub fn invalidate(&mut self) {
        self.stale = true;
    }

    /// Brings the findings up to date with the database and `env`'s day, in one read
    /// transaction: incrementally where the audit allows, else in full.
    pub fn refresh(&mut self, store: &mut Store, env: &Env) -> Result<Refreshed> {
        store.read(|tx| self.refresh_in(tx, env))
    }

    /// As [`Held::refresh`], inside the caller's read transaction (the snapshot's, so the
    /// panes and the findings show the same state). After an error the next refresh
    /// recomputes everything.
    pub fn refresh_in(&mut self, tx: &Connection, env: &Env) -> Result<Refreshed> {
        let full = self.stale || self.day != Some(env.today());
        let version: i64 = tx
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .db("reading the database's change counter")?;
        let (next, how) = if full {
            (self.computed(tx, env)?, Refreshed::Full)
        } else {
            let rows = changes::after(tx, self.seen, MAX_ROWS + 1)?;
            let last = rows.last().map_or(self.seen, |r| r.id);
            match need(&rows, self.version != Some(version)) {
                Need::Full => (self.computed(tx, env)?, Refreshed::Full),
                Need::District => (
                    Partial {
                        district: compliance::check_district(tx, env)?,
                        items: Vec::new(),
                        changed: BTreeSet::new(),
                        seen: last,
                    },
                    Refreshed::Items(0),
                ),
                Need::Items(changed) => {
                    let mut which = Items::default();
                    for (k, id) in &changed {
                        match k {
                            Kind::Document => which.documents.push(*id),
                            Kind::Supervision => which.supervision.push(*id),
                            Kind::Meeting => which.meetings.push(*id),
                        }
                    }
                    let n = changed.len();
                    (
                        Partial {
                            district: compliance::check_district(tx, env)?,
                            items: compliance::check_items(tx, env, &which)?,
                            changed,
                            seen: last,
                        },
                        Refreshed::Items(n),
                    )
                }
            }
        };
        self.touched = match how {
            Refreshed::Full => None,
            Refreshed::Items(_) => Some(next.changed.iter().map(|(k, _)| *k).collect()),
        };
        self.index.replace(next.changed, next.items);
        self.index.set_district(next.district);
        self.seen = next.seen;
        self.version = Some(version);
        self.day = Some(env.today());
        self.stale = false;
        Ok(how)
    }

    /// Everything, straight into the index, with the audit position it corresponds to.
    /// The findings held go first: kept beside the new ones they would double the memory
    /// a full computation takes. Should it fail, the next refresh computes everything
    /// again.
    fn computed(&mut self, tx: &Connection, env: &Env) -> Result<Partial> {
        self.index.clear_items();
        self.stale = true;
        let seen = crate::store::audit::feed::last_id(tx)?;
        let district = compliance::check_district(tx, env)?;
        // Into the index part by part, each trimmed as it goes in.
        let index = &mut self.index;
        compliance::check_all_items_in_parts(tx, env, |part| index.add(part))?;
        // The statements a refresh after one item's change runs, prepared now (no row has
        // id 0): the first such refresh is then as quick as the next.
        let none = vec![0];
        compliance::check_items(
            tx,
            env,
            &Items {
                documents: none.clone(),
                supervision: none.clone(),
                meetings: none,
            },
        )?;
        Ok(Partial {
            seen,
            district,
            items: Vec::new(),
            changed: BTreeSet::new(),
        })
    }

    /// Whether the last refresh found items of this kind changed (or could not tell):
    /// a pane of another kind need not be read again.
    pub fn touched(&self, kind: Kind) -> bool {
        self.touched.as_ref().is_none_or(|t| t.contains(&kind))
    }

    /// Every finding, most serious first, then oldest first (as `compliance::check`,
    /// with only the board's language where one is kept: [`Held::for_lang`]).
    pub fn all(&self) -> Vec<Finding> {
        self.index.all()
    }

    /// The findings about one item, most serious first.
    pub fn about(&self, entity: &str, id: i64) -> Vec<Finding> {
        self.index.about(entity, id)
    }

    /// The 合规 view with its filter applied: the first `upto` rows it shows (its
    /// window) and the counts. The cost follows `upto`, not the number of findings.
    pub fn view(&mut self, filter: Option<&str>, upto: usize) -> Findings {
        self.index.set_filter(filter);
        self.index.view(upto)
    }
}

/// One refresh's result, before it is applied.
struct Partial {
    district: Vec<Finding>,
    items: Vec<Finding>,
    /// The items recomputed (their old findings are dropped, found or not).
    changed: BTreeSet<(Kind, i64)>,
    seen: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, action: &str, entity: &str, entity_id: Option<i64>) -> Touched {
        Touched {
            id,
            action: action.into(),
            entity: entity.into(),
            entity_id,
        }
    }

    #[test]
    fn audit_rows_sort_into_items_district_or_everything() {
        assert_eq!(need(&[], true), Need::Full);
        assert_eq!(need(&[], false), Need::District);
        assert_eq!(
            need(&[row(1, "log", "duty_log", Some(3))], true),
            Need::District
        );
        let n = need(
            &[
                row(1, "sign", "document", Some(7)),
                row(2, "decide", "supervision", Some(2)),
                row(3, "decision", "meeting", Some(5)),
                row(4, "urge", "document", Some(7)),
                row(5, "countersign-deemed", "document", Some(7)),
            ],
            true,
        );
        let want: BTreeSet<_> = [
            (Kind::Document, 7),
            (Kind::Supervision, 2),
            (Kind::Meeting, 5),
        ]
        .into();
        assert_eq!(n, Need::Items(want));
        for bulk in [
            row(1, "import", "database", None),
            row(1, "import", "document", Some(1)),
            row(1, "calendar-import", "holiday_year", Some(2027)),
            row(1, "change-profile", "database", None),
            row(1, "import", "absence", Some(4)),
            row(1, "sign", "document", None),
        ] {
            assert_eq!(
                need(std::slice::from_ref(&bulk), true),
                Need::Full,
                "{bulk:?}"
            );
        }
        let many: Vec<_> = (0..=MAX_ROWS as i64)
            .map(|i| row(i, "urge", "document", Some(i)))
            .collect();
        assert_eq!(need(&many, true), Need::Full);
    }
}
