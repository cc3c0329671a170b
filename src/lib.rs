//! dutydesk (值班台): a live terminal board for a district government's duty officers.
//!
//! The crate is a core library — the official working-day [`calendar`], the district
//! [`profile`] (each district's written working rules as data, every value citing its
//! article), the [`domain`] (entities, states and the deadlines they owe) and the SQLite
//! [`store`] — with two thin callers on top: the command line ([`cli`]) and the board
//! ([`tui`]). The core never imports a terminal crate.

pub mod calendar;
pub mod cli;
pub mod clock;
pub mod command;
pub mod config;
pub mod dates;
pub mod demo;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod interchange;
pub mod log_file;
pub mod names;
pub mod paths;
pub mod profile;
pub mod report;
pub mod safe_write;
pub mod shift;
pub mod store;
pub mod text;
pub mod tui;
pub mod vocabulary;

pub use error::{Error, Result};
