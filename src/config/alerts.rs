//! The `[alerts]` table of the config file: which events the board raises an alert for,
//! how (banner, terminal bell, desktop notification) and the quiet hours, during which
//! neither the bell nor a notification is sent (the banner and the `!` list still show
//! them).
//!
//! ```toml
//! [alerts]
//! bell = true
//! desktop = true          # OSC 9 and OSC 777 (through tmux when $TMUX is set)
//! quiet_hours = "22:00-07:00"
//! arrival = true          # a 特急 / 特急重要 document arrives
//! overdue = true          # an item turns overdue today
//! meeting = true          # a meeting starts within the hour
//! countersign = true      # a countersign reply limit passed
//! ```

use crate::error::{Error, Result};
use chrono::NaiveTime;
use serde::Deserialize;

/// The alert settings; every field defaults to on, with no quiet hours.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Alerts {
    pub banner: bool,
    pub bell: bool,
    pub desktop: bool,
    pub arrival: bool,
    pub overdue: bool,
    pub meeting: bool,
    pub countersign: bool,
    /// "HH:MM-HH:MM", local time; may wrap midnight.
    pub quiet_hours: Option<String>,
}

impl Default for Alerts {
    fn default() -> Self {
        Alerts {
            banner: true,
            bell: true,
            desktop: true,
            arrival: true,
            overdue: true,
            meeting: true,
            countersign: true,
            quiet_hours: None,
        }
    }
}

impl Alerts {
    /// The quiet hours as (from, to), or an error naming the bad value.
    pub fn quiet(&self) -> Result<Option<(NaiveTime, NaiveTime)>> {
        let Some(q) = &self.quiet_hours else {
            return Ok(None);
        };
        let bad = || Error::invalid("[alerts] quiet_hours", format!("'{q}' is not HH:MM-HH:MM"));
        let (a, b) = q.split_once('-').ok_or_else(bad)?;
        let t = |s: &str| NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| bad());
        Ok(Some((t(a)?, t(b)?)))
    }

    /// Whether `now` falls in the quiet hours (an unreadable value counts as none: the
    /// board checks it at start and refuses to open with it).
    pub fn is_quiet(&self, now: NaiveTime) -> bool {
        match self.quiet() {
            Ok(Some((from, to))) if from <= to => now >= from && now < to,
            Ok(Some((from, to))) => now >= from || now < to,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn quiet_hours_wrap_midnight() {
        let a = Alerts {
            quiet_hours: Some("22:00-07:00".into()),
            ..Alerts::default()
        };
        assert!(a.is_quiet(at(23, 0)));
        assert!(a.is_quiet(at(6, 59)));
        assert!(!a.is_quiet(at(7, 0)));
        assert!(!a.is_quiet(at(12, 0)));
        let day = Alerts {
            quiet_hours: Some("12:00-13:30".into()),
            ..Alerts::default()
        };
        assert!(day.is_quiet(at(12, 15)));
        assert!(!day.is_quiet(at(13, 30)));
        assert!(Alerts::default().quiet().unwrap().is_none());
        let bad = Alerts {
            quiet_hours: Some("late".into()),
            ..Alerts::default()
        };
        assert!(bad.quiet().is_err());
    }
}
