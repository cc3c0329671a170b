//! Exit codes a script can act on (documented in docs/reliability.md):
//!
//! | code | meaning |
//! |---|---|
//! | 0 | done |
//! | 1 | an error (the message says which) |
//! | 2 | the command line or the config file is wrong |
//! | 3 | `doctor` found something that needs action; `backup` could not verify its copy |
//! | 66 | no database at the path, or the file is not a dutydesk database (nothing created or changed) |
//! | 74 | the disk is full (nothing was written) |
//! | 75 | the database stayed busy (another writer held it) for the whole wait; nothing was written — try again |

use std::fmt;

pub const NEEDS_ACTION: u8 = 3;
pub const NO_DATABASE: u8 = 66;
pub const DISK_FULL: u8 = 74;
pub const BUSY: u8 = 75;

/// An error that ends the program with a particular exit code.
#[derive(Debug)]
pub struct Coded {
    pub code: u8,
    pub message: String,
}

impl Coded {
    pub fn new(code: u8, message: impl Into<String>) -> Coded {
        Coded {
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for Coded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Coded {}

/// The code for an error (1 unless it carries one).
pub fn code_of(e: &anyhow::Error) -> u8 {
    e.chain()
        .find_map(|c| c.downcast_ref::<Coded>().map(|c| c.code))
        .unwrap_or(1)
}

/// A core error as the CLI reports it: localized, and with its exit code where it has one
/// (a missing or foreign file, a full disk, a busy database).
pub fn from_core(e: crate::Error, lang: crate::i18n::Lang) -> anyhow::Error {
    use crate::store::busy;
    let code = match &e {
        crate::Error::NoSuch { en, .. } if en.starts_with("there is no database at") => {
            Some(NO_DATABASE)
        }
        crate::Error::Refused { en, .. } if en.contains("is not a dutydesk database") => {
            Some(NO_DATABASE)
        }
        e if busy::error_is_full(e) => Some(DISK_FULL),
        e if busy::error_is_busy(e) => Some(BUSY),
        _ => None,
    };
    let message = busy::explain(&e, lang).unwrap_or_else(|| e.localized(lang));
    match code {
        Some(code) => Coded::new(code, message).into(),
        None => anyhow::anyhow!(message),
    }
}
