//! The duty shift's vocabulary: what a line of the duty log (值班日志) records.

use crate::i18n::Named;
use serde::{Serialize, Serializer};

/// What came in (or went out) during a shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LogCategory {
    /// 来电: a telephone call.
    Call,
    /// 传真: a fax.
    Fax,
    /// 突发事件: an incident, to be reported up (信州 四十二).
    Incident,
    /// 上报: a report sent up to a higher authority.
    ReportUp,
    /// 其他: anything else worth writing down.
    Other,
}

impl LogCategory {
    /// Every category, in form order.
    pub const ALL: [LogCategory; 5] = [
        LogCategory::Call,
        LogCategory::Fax,
        LogCategory::Incident,
        LogCategory::ReportUp,
        LogCategory::Other,
    ];
    /// Parses a Chinese or English name.
    pub fn parse(s: &str) -> Option<LogCategory> {
        let t = s.trim();
        LogCategory::ALL.into_iter().find(|c| {
            t == c.zh() || t.eq_ignore_ascii_case(c.en()) || t.eq_ignore_ascii_case(c.word())
        })
    }
    /// The one-word English token the command line accepts.
    fn word(self) -> &'static str {
        match self {
            LogCategory::Call => "call",
            LogCategory::Fax => "fax",
            LogCategory::Incident => "incident",
            LogCategory::ReportUp => "report",
            LogCategory::Other => "other",
        }
    }
    /// The accepted names, for error messages.
    pub fn choices() -> String {
        LogCategory::ALL
            .iter()
            .map(|c| format!("{}|{}", c.zh(), c.word()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Named for LogCategory {
    fn zh(&self) -> &'static str {
        match self {
            LogCategory::Call => "来电",
            LogCategory::Fax => "传真",
            LogCategory::Incident => "突发事件",
            LogCategory::ReportUp => "上报",
            LogCategory::Other => "其他",
        }
    }
    fn en(&self) -> &'static str {
        match self {
            LogCategory::Call => "call",
            LogCategory::Fax => "fax",
            LogCategory::Incident => "incident",
            LogCategory::ReportUp => "report up",
            LogCategory::Other => "other",
        }
    }
}

impl Serialize for LogCategory {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.zh())
    }
}

impl std::str::FromStr for LogCategory {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        LogCategory::parse(s).ok_or_else(|| {
            crate::Error::bad_input(
                "category",
                format!("'{s}' is not one of {}", LogCategory::choices()),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_parse_both_ways() {
        for c in LogCategory::ALL {
            assert_eq!(LogCategory::parse(c.zh()), Some(c));
            assert_eq!(LogCategory::parse(c.en()), Some(c));
        }
        assert_eq!(LogCategory::parse("incident"), Some(LogCategory::Incident));
        assert_eq!(LogCategory::parse("report"), Some(LogCategory::ReportUp));
        assert!(LogCategory::parse("电报").is_none());
    }
}
