//! The schedules compiled into the binary, so dutydesk works with no data directory.
//! Adding a year: put `data/holidays/YYYY.json` next to the others and list it here; the
//! test below checks that every listed file parses and validates.

use super::notice::Notice;
use super::schedule::YearSchedule;
use std::collections::BTreeMap;

/// `(file name, contents)` of every compiled-in schedule, oldest first.
pub const FILES: &[(&str, &str)] = &[
    ("2007.json", include_str!("../../data/holidays/2007.json")),
    ("2008.json", include_str!("../../data/holidays/2008.json")),
    ("2009.json", include_str!("../../data/holidays/2009.json")),
    ("2010.json", include_str!("../../data/holidays/2010.json")),
    ("2011.json", include_str!("../../data/holidays/2011.json")),
    ("2012.json", include_str!("../../data/holidays/2012.json")),
    ("2013.json", include_str!("../../data/holidays/2013.json")),
    ("2014.json", include_str!("../../data/holidays/2014.json")),
    ("2015.json", include_str!("../../data/holidays/2015.json")),
    ("2016.json", include_str!("../../data/holidays/2016.json")),
    ("2017.json", include_str!("../../data/holidays/2017.json")),
    ("2018.json", include_str!("../../data/holidays/2018.json")),
    ("2019.json", include_str!("../../data/holidays/2019.json")),
    ("2020.json", include_str!("../../data/holidays/2020.json")),
    ("2021.json", include_str!("../../data/holidays/2021.json")),
    ("2022.json", include_str!("../../data/holidays/2022.json")),
    ("2023.json", include_str!("../../data/holidays/2023.json")),
    ("2024.json", include_str!("../../data/holidays/2024.json")),
    ("2025.json", include_str!("../../data/holidays/2025.json")),
    ("2026.json", include_str!("../../data/holidays/2026.json")),
];

/// The compiled-in notices by year, each read when first needed.
pub(super) fn notices() -> BTreeMap<i32, Notice> {
    FILES
        .iter()
        .filter_map(|(name, text)| {
            Some((name.get(..4)?.parse().ok()?, Notice::embedded(name, text)))
        })
        .collect()
}

/// Reads one compiled-in file. One that fails to read (which the test below rules out) is
/// logged and left out rather than stopping the program: its year then counts weekends
/// only and is reported as missing, like any year without a notice.
pub(super) fn parse(name: &str, text: &str) -> Option<YearSchedule> {
    match YearSchedule::parse(text, &format!("embedded data/holidays/{name}")) {
        Ok(s) => Some(s),
        Err(e) => {
            tracing::error!("skipping compiled-in holiday schedule: {e}");
            None
        }
    }
}

/// Every compiled-in schedule that reads.
#[cfg(test)]
pub fn schedules() -> Vec<YearSchedule> {
    FILES
        .iter()
        .filter_map(|(name, text)| parse(name, text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_parses_and_validates() {
        for (name, text) in FILES {
            let s = YearSchedule::parse(text, name).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                format!("{}.json", s.year),
                *name,
                "file name and year disagree"
            );
            assert!(!s.papers.is_empty(), "{name} cites no notice");
        }
        assert_eq!(schedules().len(), FILES.len());
        let years: Vec<i32> = notices().keys().copied().collect();
        let named: Vec<i32> = schedules().iter().map(|s| s.year).collect();
        assert_eq!(years, named, "a file's name gives its year");
    }

    #[test]
    fn years_are_contiguous_2007_to_2026() {
        let years: Vec<i32> = schedules().iter().map(|s| s.year).collect();
        assert_eq!(years, (2007..=2026).collect::<Vec<_>>());
    }
}
