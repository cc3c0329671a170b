//! The schedules compiled into the binary, so dutydesk works with no data directory.
//! Adding a year: put `data/holidays/YYYY.json` next to the others and list it here; the
//! test below checks that every listed file parses and validates.

use super::schedule::YearSchedule;

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

/// Every compiled-in schedule. A file that fails to parse (which the test below rules out)
/// is logged and left out rather than stopping the program: its year then counts weekends
/// only and is reported as missing, like any year without a notice.
pub fn schedules() -> Vec<YearSchedule> {
    FILES
        .iter()
        .filter_map(|(name, text)| {
            match YearSchedule::parse(text, &format!("embedded data/holidays/{name}")) {
                Ok(s) => Some(s),
                Err(e) => {
                    tracing::error!("skipping compiled-in holiday schedule: {e}");
                    None
                }
            }
        })
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
    }

    #[test]
    fn years_are_contiguous_2007_to_2026() {
        let years: Vec<i32> = schedules().iter().map(|s| s.year).collect();
        assert_eq!(years, (2007..=2026).collect::<Vec<_>>());
    }
}
