//! Meeting start times as `YYYY-MM-DDTHH:MM` (seconds only when not zero).

use chrono::{NaiveDateTime, Timelike};
use serde::{Deserialize, Deserializer, Serializer};

/// Formats a start time.
pub fn format(t: &NaiveDateTime) -> String {
    if t.second() == 0 {
        t.format("%Y-%m-%dT%H:%M").to_string()
    } else {
        t.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

/// Parses `YYYY-MM-DDTHH:MM[:SS]` (a space instead of the `T` is accepted).
pub fn parse(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    // Outside the calendar's years a time is refused like a date (crate::clock::check_range).
    .filter(|t| crate::clock::in_range(t.date()))
}

pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format(t))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
    let s = String::deserialize(d)?;
    parse(&s).ok_or_else(|| {
        serde::de::Error::custom(format!("'{s}' is not a time of the form YYYY-MM-DDTHH:MM"))
    })
}
