//! District profiles: each district's written working rules as typed data, every value
//! citing its article. Five are built in (`data/profiles/*.toml`, compiled into the
//! program); a district can copy one, edit it, and point to it by path.
//!
//! Loading is strict: an unknown key, a value of the wrong type, a period with two
//! units or a rule without its article is an error naming the file and the line.

mod load;
pub mod model;
pub mod table;
mod validate;
pub mod walk;

pub use model::*;

use crate::error::IoContext;
use crate::{Error, Result};
use std::path::Path;

macro_rules! builtin {
    ($id:literal) => {
        (
            $id,
            include_str!(concat!("../../data/profiles/", $id, ".toml")),
            include_str!(concat!(env!("OUT_DIR"), "/", $id, ".json")),
        )
    };
}

/// The built-in profiles: id, TOML text, and the same converted to JSON at build time
/// (see `build.rs`; empty where it did not convert).
const BUILTIN: &[(&str, &str, &str)] = &[
    builtin!("xinzhou"),
    builtin!("huancui"),
    builtin!("kongtong"),
    builtin!("dongchang"),
    builtin!("huarong"),
];

const BUILTIN_IDS: &[&str] = &["xinzhou", "huancui", "kongtong", "dongchang", "huarong"];

impl Profile {
    /// The ids of the built-in profiles, in seed order.
    pub fn builtin_ids() -> &'static [&'static str] {
        BUILTIN_IDS
    }

    /// A built-in profile by id (`xinzhou`, `huancui`, `kongtong`, `dongchang`, `huarong`).
    pub fn builtin(id: &str) -> Result<Profile> {
        let (id, text, json) = BUILTIN
            .iter()
            .find(|(k, _, _)| *k == id)
            .ok_or_else(|| unknown(id))?;
        let source = format!("data/profiles/{id}.toml");
        // The JSON when it reads; else the TOML, whose errors are located. The JSON is
        // not validated again at every start: it is the TOML's rules, which the tests
        // validate (`every_builtin_json_is_its_toml`), and debug builds check it anyway.
        let mut profile = match serde_json::from_str::<Profile>(json) {
            Ok(p) => {
                debug_assert!(validate::validate(&p, text, &source, Some(id)).is_ok());
                p
            }
            Err(_) => parse_checked(text, &source, Some(id))?,
        };
        profile.loaded_from = format!("builtin:{id}");
        Ok(profile)
    }

    /// A profile from a TOML file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Profile> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).at_path(path)?;
        Profile::parse(&text, &path.display().to_string())
    }

    /// A built-in profile if `id_or_path` is a built-in id, else the TOML file at that path.
    pub fn resolve(id_or_path: &str) -> Result<Profile> {
        if BUILTIN_IDS.contains(&id_or_path) {
            return Profile::builtin(id_or_path);
        }
        let path = Path::new(id_or_path);
        let looks_like_path = id_or_path.contains(['/', '\\']) || id_or_path.ends_with(".toml");
        if looks_like_path || path.exists() {
            Profile::from_path(path)
        } else {
            Err(unknown(id_or_path))
        }
    }

    /// Parses and validates profile TOML; `source_name` names it in errors.
    pub fn parse(text: &str, source_name: &str) -> Result<Profile> {
        let mut profile = parse_checked(text, source_name, None)?;
        profile.loaded_from = source_name.to_string();
        Ok(profile)
    }
}

fn parse_checked(text: &str, source: &str, expected_id: Option<&str>) -> Result<Profile> {
    let profile = load::deserialize(text, source)?;
    validate::validate(&profile, text, source, expected_id)?;
    Ok(profile)
}

fn unknown(id: &str) -> Error {
    Error::NotFound(format!(
        "profile '{id}': not a built-in profile ({}) nor a .toml file",
        BUILTIN_IDS.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_are_clone_send_sync() {
        fn assert_traits<T: Clone + Send + Sync + 'static>() {}
        assert_traits::<Profile>();
    }

    #[test]
    fn builtin_ids_match_the_embedded_files() {
        let ids: Vec<&str> = BUILTIN.iter().map(|(id, _, _)| *id).collect();
        assert_eq!(ids, BUILTIN_IDS);
    }

    /// The JSON made at build time reads as the TOML does: every built-in profile is read
    /// from it, and to the same rules.
    #[test]
    fn every_builtin_json_is_its_toml() {
        for (id, text, json) in BUILTIN {
            let from_json: Profile =
                serde_json::from_str(json).unwrap_or_else(|e| panic!("{id}: {e}"));
            let mut from_toml = parse_checked(text, id, Some(id)).expect("builtin");
            from_toml.loaded_from = from_json.loaded_from.clone();
            assert_eq!(from_json, from_toml, "{id}");
        }
    }

    #[test]
    fn a_builtin_file_must_carry_its_own_id() {
        let (_, text, _) = BUILTIN[0];
        let err = parse_checked(text, "data/profiles/huancui.toml", Some("huancui"));
        let line = text
            .lines()
            .position(|l| l.starts_with("id = "))
            .map(|i| i + 1);
        match (err, line) {
            (Err(Error::Invalid { location, message }), Some(line)) => {
                assert_eq!(location, format!("data/profiles/huancui.toml:{line}"));
                assert!(message.contains("huancui"), "{message}");
            }
            (other, _) => panic!("expected an id mismatch, got {other:?}"),
        }
    }

    #[test]
    fn every_rule_key_is_a_known_key() {
        let known = walk::all_keys();
        for id in BUILTIN_IDS {
            let p = Profile::builtin(id).expect("builtin");
            for item in walk::items(&p) {
                assert!(known.contains(&item.key), "{}", item.key);
            }
        }
    }

    #[test]
    fn unknown_id_is_not_found() {
        assert!(matches!(
            Profile::resolve("nowhere"),
            Err(Error::NotFound(_))
        ));
    }
}
