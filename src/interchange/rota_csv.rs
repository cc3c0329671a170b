//! The duty rota as offices keep it in a spreadsheet, saved as CSV: one row per day with
//! the date, the duty officer (值班) and the leader on duty (带班领导). A header row is
//! optional and its columns may come in any order (`日期`/`date`, `值班`/`值班人员`/
//! `officer`, `带班`/`带班领导`/`leader`); without one the columns are date, officer,
//! leader. Dates as Excel writes them are accepted (`2026-11-20`, `2026/11/20`,
//! `2026/1/5`, `2026年11月20日`). An empty cell leaves what is stored; `-` clears it.

use crate::command::RotaDay;
use crate::error::{Error, Result};
use chrono::NaiveDate;

/// A date as spreadsheets write it.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let t = s
        .trim()
        .replace(['年', '月', '/', '.'], "-")
        .replace('日', "");
    NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok()
}

/// Reads the CSV text (UTF-8, with or without the BOM Excel writes) into rota days.
pub fn read(name: &str, bytes: &[u8]) -> Result<Vec<RotaDay>> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        Error::invalid(
            name,
            "not UTF-8 text: save the sheet as “CSV UTF-8” (Excel: 另存为 → CSV UTF-8)",
        )
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut cols = (0usize, 1usize, 2usize);
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 1;
        let rec = rec.map_err(|e| Error::invalid(format!("{name}:{line}"), e.to_string()))?;
        let cell = |j: usize| rec.get(j).map(str::trim).unwrap_or("");
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if i == 0 && parse_day(cell(0)).is_none() {
            // A header row: find the columns by name.
            let find = |names: &[&str]| {
                rec.iter()
                    .position(|c| names.iter().any(|n| c.trim().eq_ignore_ascii_case(n)))
            };
            cols = (
                find(&["日期", "date", "day"]).unwrap_or(0),
                find(&["值班", "值班人员", "值班员", "officer"]).unwrap_or(1),
                find(&["带班", "带班领导", "leader"]).unwrap_or(2),
            );
            continue;
        }
        let day = parse_day(cell(cols.0)).ok_or_else(|| {
            Error::invalid(
                format!("{name}:{line}"),
                format!(
                    "'{}' is not a date (2026-11-20 or 2026/11/20)",
                    cell(cols.0)
                ),
            )
        })?;
        let opt = |s: &str| {
            (!s.is_empty()).then(|| {
                if s == "-" {
                    String::new()
                } else {
                    s.to_string()
                }
            })
        };
        out.push(RotaDay {
            day,
            officer: opt(cell(cols.1)),
            leader: opt(cell(cols.2)),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_excel_csv_with_bom_and_header_in_any_order() {
        let csv = "\u{feff}带班领导,日期,值班人员\n李明华,2026/11/21,冯涛\n,2026年11月22日,-\n";
        let days = read("r.csv", csv.as_bytes()).unwrap();
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].day, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
        assert_eq!(days[0].officer.as_deref(), Some("冯涛"));
        assert_eq!(days[0].leader.as_deref(), Some("李明华"));
        assert_eq!(days[1].officer.as_deref(), Some(""));
        assert_eq!(days[1].leader, None);
    }

    #[test]
    fn names_a_bad_date_and_refuses_other_encodings() {
        let e = read("r.csv", "2026-11-20,a,b\nsoon,a,b\n".as_bytes()).unwrap_err();
        assert!(e.to_string().contains("r.csv:2"), "{e}");
        assert!(read("r.csv", &[0xd6, 0xb5, 0xb0, 0xe0]).is_err());
    }
}
