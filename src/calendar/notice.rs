//! A year's notice as the calendar holds it (read when its year is first looked at), and
//! the statutory days of the years the law governs (computed per year, on demand).

use super::schedule::{ScheduleDay, YearSchedule};
use super::{embedded, statutory};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A year's notice: given, or compiled in and read the first time it is needed (reading
/// all twenty compiled-in notices was a tenth of a quick command's start-up).
#[derive(Clone)]
pub(super) struct Notice {
    schedule: OnceLock<Option<YearSchedule>>,
    /// The compiled-in file (name, text) it is read from.
    embedded: Option<(&'static str, &'static str)>,
}

impl Notice {
    pub(super) fn parsed(schedule: YearSchedule) -> Notice {
        Notice {
            schedule: OnceLock::from(Some(schedule)),
            embedded: None,
        }
    }

    pub(super) fn embedded(name: &'static str, text: &'static str) -> Notice {
        Notice {
            schedule: OnceLock::new(),
            embedded: Some((name, text)),
        }
    }

    /// The schedule; `None` for a compiled-in file that does not read (which a test rules
    /// out): its year then counts like a year without a notice.
    pub(super) fn get(&self) -> Option<&YearSchedule> {
        self.schedule
            .get_or_init(|| {
                self.embedded
                    .and_then(|(name, text)| embedded::parse(name, text))
            })
            .as_ref()
    }
}

/// Notices by year; a later schedule for the same year replaces an earlier.
pub(super) fn notices_of(
    schedules: impl IntoIterator<Item = YearSchedule>,
) -> BTreeMap<i32, Notice> {
    schedules
        .into_iter()
        .map(|s| (s.year, Notice::parsed(s)))
        .collect()
}

/// The statutory days of a year the law governs (empty for any other), computed once per
/// process and year, when first asked for.
pub(super) fn statutory_days(year: i32) -> &'static [ScheduleDay] {
    const YEARS: usize = (statutory::STATUTORY_TO - statutory::STATUTORY_FROM + 1) as usize;
    static TABLE: [OnceLock<Vec<ScheduleDay>>; YEARS] = [const { OnceLock::new() }; YEARS];
    usize::try_from(year - statutory::STATUTORY_FROM)
        .ok()
        .and_then(|i| TABLE.get(i))
        .map_or(&[], |slot| slot.get_or_init(|| statutory::days(year)))
}
