//! District profiles: each district's written working rules as typed data, every value
//! citing its article. Five are built in (`data/profiles/*.toml`); a district can copy
//! one, edit it, and point to it by path.

pub mod model;

pub use model::*;
