//! 红黄绿灯: each open supervision item's light. Red: overdue (the deadline is before the
//! day looked at). Yellow: due within the window (working days on the official calendar
//! unless the profile says otherwise), or extended at least as often as the profile's
//! count (once by default). Green: on track.

use crate::calendar::Calendar;
use crate::domain::deadline::{Span, after};
use crate::i18n::Lang;
use crate::profile::Profile;
use chrono::NaiveDate;
use serde::Serialize;

/// The yellow window when the profile sets none: 5 working days.
pub const DEFAULT_YELLOW_WORKDAYS: u32 = 5;
/// Yellow after this many extensions when the profile sets none.
pub const DEFAULT_YELLOW_EXTENSIONS: u32 = 1;

/// An item's light.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Light {
    Green,
    Yellow,
    Red,
}

impl Light {
    /// The light as a word, so it reads without colour.
    pub fn label(self, l: Lang) -> &'static str {
        match self {
            Light::Green => l.pick("绿灯", "green"),
            Light::Yellow => l.pick("黄灯", "yellow"),
            Light::Red => l.pick("红灯", "red"),
        }
    }
}

/// How many open items have each light.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Lights {
    pub green: u64,
    pub yellow: u64,
    pub red: u64,
}

impl Lights {
    pub fn add(&mut self, light: Light) {
        match light {
            Light::Green => self.green += 1,
            Light::Yellow => self.yellow += 1,
            Light::Red => self.red += 1,
        }
    }
    pub fn total(&self) -> u64 {
        self.green + self.yellow + self.red
    }
    /// Each light's share in per cent (rounded), or None without open items.
    pub fn shares(&self) -> Option<[u64; 3]> {
        let t = self.total();
        (t > 0).then(|| [self.green, self.yellow, self.red].map(|n| (n * 100 + t / 2) / t))
    }
}

/// The thresholds in force, and the articles the profile cites for them (None: the
/// dutydesk default).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LightRule {
    #[serde(skip)]
    pub window: Span,
    /// The window as words in both languages ("5 个工作日", "5 working days").
    pub window_zh: String,
    pub window_en: String,
    pub window_article: Option<String>,
    pub extensions: u32,
    pub extensions_article: Option<String>,
}

impl LightRule {
    /// The profile's thresholds (`supervision.yellow_within`,
    /// `supervision.yellow_after_extensions`), else the defaults.
    pub fn from_profile(p: &Profile) -> LightRule {
        let s = &p.supervision;
        let window = s
            .yellow_within
            .as_ref()
            .and_then(|p| p.span())
            .map(|s| match s {
                crate::profile::model::Span::Workdays(n) => Span::Workdays(n),
                crate::profile::model::Span::Days(n) => Span::Days(n),
                crate::profile::model::Span::Months(n) => Span::Months(n),
            })
            .unwrap_or(Span::Workdays(DEFAULT_YELLOW_WORKDAYS));
        let (window_zh, window_en) = match window {
            Span::Workdays(n) => (format!("{n} 个工作日"), format!("{n} working days")),
            Span::Days(n) => (format!("{n} 天"), format!("{n} days")),
            Span::Months(n) => (format!("{n} 个月"), format!("{n} months")),
        };
        LightRule {
            window,
            window_zh,
            window_en,
            window_article: s.yellow_within.as_ref().map(|p| p.article.clone()),
            extensions: s
                .yellow_after_extensions
                .as_ref()
                .map_or(DEFAULT_YELLOW_EXTENSIONS, |c| c.value.max(1)),
            extensions_article: s
                .yellow_after_extensions
                .as_ref()
                .map(|c| c.article.clone()),
        }
    }

    /// The last deadline that is yellow on `as_of` (deadlines up to it are due soon).
    pub fn yellow_until(&self, cal: &Calendar, as_of: NaiveDate) -> NaiveDate {
        after(cal, as_of, self.window)
    }

    /// The light of an item open on `as_of` with this deadline and so many extensions;
    /// `yellow_until` from [`LightRule::yellow_until`].
    pub fn light(
        &self,
        as_of: NaiveDate,
        yellow_until: NaiveDate,
        deadline: NaiveDate,
        extensions: u32,
    ) -> Light {
        if deadline < as_of {
            Light::Red
        } else if deadline <= yellow_until || extensions >= self.extensions {
            Light::Yellow
        } else {
            Light::Green
        }
    }
}
