//! Reading a profile's TOML: strict deserialisation, with every error located at
//! `file:line`.

use super::model::Profile;
use crate::{Error, Result};
use toml::de::{DeTable, DeValue};

/// Deserialises a profile, turning a TOML or schema error into `Error::Invalid` at the
/// offending line.
pub(crate) fn deserialize(text: &str, source: &str) -> Result<Profile> {
    toml::from_str::<Profile>(text).map_err(|e| {
        let location = match e.span() {
            Some(span) => at(source, line_at(text, span.start)),
            None => source.to_string(),
        };
        Error::invalid(location, e.message().trim().to_string())
    })
}

/// "file:line".
pub(crate) fn at(source: &str, line: usize) -> String {
    format!("{source}:{line}")
}

/// The 1-based line of a byte offset.
pub(crate) fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The line where the key at `path` is written (`["meetings", "executive", "cadence"]`,
/// array elements by index). When the full path is not written out, the line of the
/// deepest part that is; `None` when not even the first part is.
pub(crate) fn line_of(text: &str, path: &[String]) -> Option<usize> {
    let doc = DeTable::parse(text).ok()?;
    let mut table: &DeTable<'_> = doc.get_ref();
    let mut best: Option<usize> = None;
    let mut segments = path.iter().peekable();
    while let Some(seg) = segments.next() {
        let Some((key, value)) = table.iter().find(|(k, _)| k.get_ref().as_ref() == seg) else {
            break;
        };
        best = Some(key.span().start);
        let mut value = value;
        if let DeValue::Array(items) = value.get_ref() {
            let Some(idx) = segments.peek().and_then(|s| s.parse::<usize>().ok()) else {
                break;
            };
            segments.next();
            let Some(item) = items.get(idx) else { break };
            best = Some(item.span().start);
            value = item;
        }
        match value.get_ref() {
            DeValue::Table(t) => table = t,
            _ => break,
        }
    }
    best.map(|offset| line_at(text, offset))
}

/// `file:line` for the key at `path`, or just `file` when the key cannot be found.
pub(crate) fn locate(text: &str, source: &str, path: &[String]) -> String {
    match line_of(text, path) {
        Some(line) => at(source, line),
        None => source.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(s: &str) -> Vec<String> {
        s.split('.').map(str::to_string).collect()
    }

    #[test]
    fn finds_lines_of_nested_and_inline_keys() {
        let text = "[district]\nid = \"x\"\n\n[meetings.executive]\narticle = \"十八\"\ncadence = { times = 1, unit = \"month\", article = \"十八\" }\n\n[[investment.tiers]]\nsteps = []\n[[investment.tiers]]\nsteps = []\n";
        assert_eq!(line_of(text, &path("district.id")), Some(2));
        assert_eq!(line_of(text, &path("meetings.executive.cadence")), Some(6));
        assert_eq!(
            line_of(text, &path("meetings.executive.cadence.unit")),
            Some(6)
        );
        assert_eq!(line_of(text, &path("meetings.executive.quorum")), Some(4));
        assert_eq!(line_of(text, &path("investment.tiers.1")), Some(10));
        assert_eq!(line_of(text, &path("nothing.here")), None);
    }

    #[test]
    fn counts_lines_by_bytes_with_chinese_text() {
        let text = "a = \"区长\"\nb = 1\n";
        let offset = text.find('b').unwrap_or(0);
        assert_eq!(line_at(text, offset), 2);
    }
}
