//! The core's error type. Every variant says where the problem is (a file and line, a
//! record and field, an item id) so that a duty officer can act on it.

use std::path::PathBuf;

/// Errors raised by the core (calendar, profile, domain, store, interchange).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A data file (profile, holiday schedule, config, import) is malformed.
    /// `location` is "file:line" or "file" when no line is known.
    #[error("{location}: {message}")]
    Invalid { location: String, message: String },
    /// A command-line or form value could not be understood.
    #[error("{what}: {message}")]
    BadInput { what: String, message: String },
    /// No such item, person, department or profile.
    #[error("not found: {0}")]
    NotFound(String),
    /// What the user named (an item, a person, a department) is not there, or names
    /// several; kept in both interface languages, like a refusal, because the user sees it.
    #[error("{en}")]
    NoSuch { zh: String, en: String },
    /// The acting person may not do this, or the item's state forbids it. The reason is
    /// kept in both interface languages because the board shows it to the user as is.
    #[error("refused: {en}")]
    Refused { zh: String, en: String },
    /// A value the user typed (a date, a number) could not be understood; in both
    /// interface languages, naming the value and the forms that are accepted.
    #[error("{en}")]
    Unclear { zh: String, en: String },
    /// The database file was written by a newer dutydesk.
    #[error(
        "database schema version {found} is newer than this dutydesk understands ({supported}); upgrade dutydesk"
    )]
    SchemaTooNew { found: i64, supported: i64 },
    /// SQLite reported an error; `context` says what we were doing.
    #[error("{context}: {source}")]
    Db {
        context: String,
        #[source]
        source: rusqlite::Error,
    },
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An `Invalid` error at a location.
    pub fn invalid(location: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid {
            location: location.into(),
            message: message.into(),
        }
    }
    /// A `BadInput` error for a named value.
    pub fn bad_input(what: impl Into<String>, message: impl Into<String>) -> Self {
        Error::BadInput {
            what: what.into(),
            message: message.into(),
        }
    }
    /// A `Refused` error with its reason in Chinese and English.
    pub fn refused(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Refused {
            zh: zh.into(),
            en: en.into(),
        }
    }
    /// A `NoSuch` error with its message in Chinese and English.
    pub fn no_such(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Error::NoSuch {
            zh: zh.into(),
            en: en.into(),
        }
    }
    /// An `Unclear` error with its message in Chinese and English.
    pub fn unclear(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Unclear {
            zh: zh.into(),
            en: en.into(),
        }
    }
    /// The message for a user of the given language (refusals are localized; other
    /// errors are technical and shown as is).
    pub fn localized(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Error::Refused { zh, en } | Error::NoSuch { zh, en } | Error::Unclear { zh, en } => {
                lang.pick(zh, en).to_string()
            }
            // Import and value messages are written in English; said again in Chinese.
            Error::Invalid { location, message } if lang == crate::i18n::Lang::Zh => {
                format!("{location}：{}", crate::interchange::messages::zh(message))
            }
            Error::BadInput { what, message } if lang == crate::i18n::Lang::Zh => {
                let what = what
                    .strip_prefix("field '")
                    .and_then(|w| w.strip_suffix('\''))
                    .map_or_else(|| what.clone(), |w| format!("字段 {w}"));
                format!("{what}：{}", crate::interchange::messages::zh(message))
            }
            other => other.to_string(),
        }
    }
}

/// Adds context to a rusqlite result: `conn.execute(..).db("closing item")?`.
pub trait DbContext<T> {
    fn db(self, context: impl Into<String>) -> Result<T>;
    /// As [`DbContext::db`], the context made only on an error (a bulk write's context
    /// names its row, and formatting it for every row that succeeds is wasted).
    fn db_with(self, context: impl FnOnce() -> String) -> Result<T>;
}

impl<T> DbContext<T> for std::result::Result<T, rusqlite::Error> {
    fn db(self, context: impl Into<String>) -> Result<T> {
        self.map_err(|source| Error::Db {
            context: context.into(),
            source,
        })
    }
    fn db_with(self, context: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|source| Error::Db {
            context: context(),
            source,
        })
    }
}

/// Adds a path to an io result.
pub trait IoContext<T> {
    fn at_path(self, path: impl Into<PathBuf>) -> Result<T>;
}

impl<T> IoContext<T> for std::result::Result<T, std::io::Error> {
    fn at_path(self, path: impl Into<PathBuf>) -> Result<T> {
        self.map_err(|source| Error::Io {
            path: path.into(),
            source,
        })
    }
}
