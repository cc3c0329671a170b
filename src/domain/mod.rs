//! The domain: entities, their states, and the deadlines they owe, computed from the
//! district profile and the official calendar. Nothing here knows about terminals.

pub mod compliance;
pub mod deadline;
pub mod duty;
pub mod env;
pub mod permission;
pub mod provisional;
pub mod roles;
pub mod routing;
pub mod rule_names;
pub mod types;

pub use deadline::Deadline;
pub use env::Env;
pub use types::*;
