//! The domain: entities, their states, and the deadlines they owe, computed from the
//! district profile and the official calendar. Nothing here knows about terminals.

pub mod cite;
pub mod compliance;
pub mod deadline;
pub mod duty;
pub mod env;
pub mod permission;
pub mod provisional;
pub mod roles;
pub mod routing;
pub mod rule_names;

pub use deadline::Deadline;
pub use env::Env;
// The vocabulary (roles, kinds, urgencies, states) lives below the domain, where the
// district profile can name it too.
pub use crate::vocabulary::*;
