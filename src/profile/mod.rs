//! District profiles: each district's written working rules as typed data, every value
//! citing its article. Five are built in (`data/profiles/*.toml`); a district can copy
//! one, edit it, and point to it by path.

pub mod model;

pub use model::*;

impl Profile {
    /// A built-in profile id or a path to a profile TOML file (placeholder).
    pub fn resolve(id_or_path: &str) -> crate::Result<Profile> {
        Err(crate::Error::NotFound(format!("profile {id_or_path}")))
    }
}
