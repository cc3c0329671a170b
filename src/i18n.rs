//! The two interface languages. Simplified Chinese is the default; English by `--lang en`
//! or the config file. Strings are written in place as `lang.pick("中文", "English")` so a
//! reader sees both texts where they are used.

use serde::{Deserialize, Serialize};

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
    /// Parses `zh` / `en` (also `zh-CN`, `chinese`, `english`).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh_cn" | "cn" | "chinese" | "中文" => Some(Lang::Zh),
            "en" | "en-us" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A value that has a Chinese name and an English name.
pub trait Named {
    /// The Chinese name (the one stored and imported).
    fn zh(&self) -> &'static str;
    /// The English name.
    fn en(&self) -> &'static str;
    /// The name in a language.
    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }
}
