//! Turns the built-in district profiles (`data/profiles/*.toml`) into JSON for the binary:
//! reading a profile's TOML at start-up was a tenth of a quick command's time, the same
//! rules read as JSON a fraction of it. The TOML stays the source (it is what people edit
//! and what errors point into); a profile that does not convert is read from its TOML at
//! run time, with the located error that gives.

use std::path::PathBuf;

const IDS: &[&str] = &["xinzhou", "huancui", "kongtong", "dongchang", "huarong"];

fn main() {
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        return;
    };
    for id in IDS {
        let path = format!("data/profiles/{id}.toml");
        println!("cargo::rerun-if-changed={path}");
        let json = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| toml::from_str::<toml::Value>(&text).ok())
            .and_then(|value| serde_json::to_string(&value).ok())
            .unwrap_or_default();
        if let Err(e) = std::fs::write(out.join(format!("{id}.json")), json) {
            println!("cargo::warning=writing the JSON of {path}: {e}");
        }
    }
}
