//! The domain: entities, their states, and the deadlines they owe, computed from the
//! district profile and the official calendar. Nothing here knows about terminals.

pub mod types;

pub use types::*;
