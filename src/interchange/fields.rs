//! Reading a record's fields one by one, so that every error names its field.
//!
//! A JSON line and a CSV row both become a map from field name to value; CSV cells are all
//! text, so in text mode lists are `;`-separated (or a JSON array), booleans are words and
//! numbers are digits. Everything else — required fields, vocabularies, dates, unknown
//! fields — is checked the same way for both formats.

use crate::clock;
use serde_json::{Map, Value};
use std::str::FromStr;

/// A problem with one field of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name, with its place for nested values (`topics[2].dept`).
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "field '{}': {}", self.field, self.message)
    }
}

impl From<FieldError> for crate::Error {
    fn from(e: FieldError) -> Self {
        crate::Error::bad_input(format!("field '{}'", e.field), e.message)
    }
}

pub type FieldResult<T> = Result<T, FieldError>;

/// The fields of one record (or one nested object), taken one at a time.
pub struct Fields {
    map: Map<String, Value>,
    /// Values are CSV text rather than typed JSON.
    text: bool,
    /// Prefix for nested fields (`topics[2].`).
    prefix: String,
    /// What the record is, for the unknown-field message.
    what: &'static str,
    /// Every field asked for, to list in the unknown-field message.
    asked: Vec<&'static str>,
}

impl Fields {
    pub fn new(map: Map<String, Value>, text: bool, what: &'static str) -> Fields {
        Fields {
            map,
            text,
            prefix: String::new(),
            what,
            asked: Vec::new(),
        }
    }

    fn nested(map: Map<String, Value>, text: bool, what: &'static str, prefix: String) -> Fields {
        Fields {
            map,
            text,
            prefix,
            what,
            asked: Vec::new(),
        }
    }

    /// The full name of a field.
    pub fn name(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    fn err(&self, key: &str, message: impl Into<String>) -> FieldError {
        FieldError::new(self.name(key), message)
    }

    /// Takes a value; null and (in text mode) blank count as absent.
    fn take(&mut self, key: &'static str) -> Option<Value> {
        self.asked.push(key);
        match self.map.remove(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if self.text && s.trim().is_empty() => None,
            Some(v) => Some(v),
        }
    }

    fn text_of(&self, key: &str, v: Value) -> FieldResult<String> {
        match v {
            Value::String(s) => Ok(s),
            Value::Number(n) => Ok(n.to_string()),
            other => Err(self.err(key, format!("expected text, found {}", kind(&other)))),
        }
    }

    /// A required text value (ids, names, titles).
    pub fn req_str(&mut self, key: &'static str) -> FieldResult<String> {
        self.opt_str(key)?
            .ok_or_else(|| self.err(key, "missing (it is required)"))
    }

    /// An optional text value; blank is absent.
    pub fn opt_str(&mut self, key: &'static str) -> FieldResult<Option<String>> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => {
                let s = self.text_of(key, v)?;
                let t = s.trim();
                if t.is_empty() {
                    Ok(None)
                } else {
                    Ok(Some(t.to_string()))
                }
            }
        }
    }

    /// A required value of a vocabulary (`Urgency`, `Role`, …).
    pub fn req_enum<T: FromStr<Err = crate::Error>>(
        &mut self,
        key: &'static str,
    ) -> FieldResult<T> {
        self.opt_enum(key)?
            .ok_or_else(|| self.err(key, "missing (it is required)"))
    }

    /// An optional value of a vocabulary.
    pub fn opt_enum<T: FromStr<Err = crate::Error>>(
        &mut self,
        key: &'static str,
    ) -> FieldResult<Option<T>> {
        let Some(s) = self.opt_str(key)? else {
            return Ok(None);
        };
        s.parse::<T>().map(Some).map_err(|e| match e {
            crate::Error::BadInput { message, .. } => self.err(key, message),
            other => self.err(key, other.to_string()),
        })
    }

    /// A required date, `YYYY-MM-DD`.
    pub fn req_date(&mut self, key: &'static str) -> FieldResult<chrono::NaiveDate> {
        self.opt_date(key)?
            .ok_or_else(|| self.err(key, "missing (it is required)"))
    }

    /// An optional date, `YYYY-MM-DD`.
    pub fn opt_date(&mut self, key: &'static str) -> FieldResult<Option<chrono::NaiveDate>> {
        let Some(s) = self.opt_str(key)? else {
            return Ok(None);
        };
        clock::parse_date(key, &s).map(Some).map_err(|e| match e {
            crate::Error::BadInput { message, .. } => self.err(key, message),
            other => self.err(key, other.to_string()),
        })
    }

    /// A required meeting time, `YYYY-MM-DDTHH:MM`.
    pub fn req_minute(&mut self, key: &'static str) -> FieldResult<chrono::NaiveDateTime> {
        let s = self
            .opt_str(key)?
            .ok_or_else(|| self.err(key, "missing (it is required)"))?;
        super::record::minute::parse(&s).ok_or_else(|| {
            self.err(
                key,
                format!("'{s}' is not a time of the form YYYY-MM-DDTHH:MM"),
            )
        })
    }

    /// An optional timestamp, normalised to `YYYY-MM-DD HH:MM:SS`.
    pub fn opt_stamp(&mut self, key: &'static str) -> FieldResult<Option<String>> {
        let Some(s) = self.opt_str(key)? else {
            return Ok(None);
        };
        super::record::minute::parse(&s)
            .map(|t| Some(clock::fmt_datetime(t)))
            .ok_or_else(|| {
                self.err(
                    key,
                    format!(
                        "'{s}' is not a time of the form YYYY-MM-DD HH:MM:SS in the supported years {}–{}",
                        clock::FIRST_YEAR,
                        clock::LAST_YEAR
                    ),
                )
            })
    }

    /// An optional yes/no.
    pub fn opt_bool(&mut self, key: &'static str) -> FieldResult<Option<bool>> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(b)),
            Some(Value::String(s)) if self.text => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "y" | "1" | "是" => Ok(Some(true)),
                "false" | "no" | "n" | "0" | "否" => Ok(Some(false)),
                _ => Err(self.err(key, format!("'{s}' is not one of true|false"))),
            },
            Some(other) => Err(self.err(
                key,
                format!("expected true or false, found {}", kind(&other)),
            )),
        }
    }

    /// An optional whole number ≥ 0.
    pub fn opt_u32(&mut self, key: &'static str) -> FieldResult<Option<u32>> {
        let bad =
            |f: &Self, shown: String| f.err(key, format!("'{shown}' is not a whole number ≥ 0"));
        match self.take(key) {
            None => Ok(None),
            Some(Value::Number(n)) => n
                .as_u64()
                .and_then(|v| u32::try_from(v).ok())
                .map(Some)
                .ok_or_else(|| bad(self, n.to_string())),
            Some(Value::String(s)) if self.text => {
                s.trim().parse::<u32>().map(Some).map_err(|_| bad(self, s))
            }
            Some(other) => Err(self.err(key, format!("expected a number, found {}", kind(&other)))),
        }
    }

    /// The elements of an optional list. In text mode a cell is `a;b;c`, or a JSON array
    /// when it starts with `[` (for ids holding `;`, and for lists of objects).
    fn elements(&mut self, key: &'static str) -> FieldResult<Option<Vec<Value>>> {
        let v = match self.take(key) {
            // In a CSV row, a blank cell in a list column is an empty list.
            None if self.text && self.asked_blank(key) => return Ok(Some(Vec::new())),
            None => return Ok(None),
            Some(v) => v,
        };
        match v {
            Value::Array(a) => Ok(Some(a)),
            Value::String(s) if self.text => {
                let t = s.trim();
                if t.starts_with('[') {
                    match serde_json::from_str::<Value>(t) {
                        Ok(Value::Array(a)) => Ok(Some(a)),
                        _ => Err(self.err(key, "not a valid JSON array")),
                    }
                } else {
                    Ok(Some(
                        t.split(';')
                            .map(str::trim)
                            .filter(|x| !x.is_empty())
                            .map(|x| Value::String(x.to_string()))
                            .collect(),
                    ))
                }
            }
            other => Err(self.err(key, format!("expected a list, found {}", kind(&other)))),
        }
    }

    /// Whether a CSV row had this column, blank.
    fn asked_blank(&self, key: &str) -> bool {
        self.blank_columns().iter().any(|c| c == key)
    }

    fn blank_columns(&self) -> Vec<String> {
        match self.map.get(BLANK_KEY) {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// An optional list of ids or logins.
    pub fn opt_list(&mut self, key: &'static str) -> FieldResult<Option<Vec<String>>> {
        let Some(items) = self.elements(key)? else {
            return Ok(None);
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.into_iter().enumerate() {
            let at = format!("{key}[{i}]");
            match v {
                Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
                Value::Number(n) => out.push(n.to_string()),
                other => {
                    return Err(FieldError::new(
                        self.name(&at),
                        format!("expected an id, found {}", kind(&other)),
                    ));
                }
            }
        }
        Ok(Some(out))
    }

    /// An optional list of objects (or, where `bare` is given, bare ids it turns into
    /// objects), each read by `read`.
    pub fn opt_objects<T>(
        &mut self,
        key: &'static str,
        what: &'static str,
        bare: Option<&dyn Fn(String) -> T>,
        read: impl Fn(&mut Fields) -> FieldResult<T>,
    ) -> FieldResult<Option<Vec<T>>> {
        let Some(items) = self.elements(key)? else {
            return Ok(None);
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.into_iter().enumerate() {
            let prefix = format!("{}{key}[{i}].", self.prefix);
            match (v, bare) {
                (Value::Object(m), _) => {
                    let mut f = Fields::nested(m, false, what, prefix);
                    let item = read(&mut f)?;
                    f.finish()?;
                    out.push(item);
                }
                (Value::String(s), Some(make)) if !s.trim().is_empty() => {
                    out.push(make(s.trim().to_string()))
                }
                (other, _) => {
                    return Err(FieldError::new(
                        prefix.trim_end_matches('.').to_string(),
                        format!("expected an object, found {}", kind(&other)),
                    ));
                }
            }
        }
        Ok(Some(out))
    }

    /// Fails on any field left over (one the record type does not have).
    pub fn finish(mut self) -> FieldResult<()> {
        self.map.remove(BLANK_KEY);
        let blank = self.text;
        let left = self
            .map
            .iter()
            .find(|(_, v)| !(blank && v.as_str().is_some_and(|s| s.trim().is_empty())))
            .map(|(k, _)| k.clone());
        match left {
            None => Ok(()),
            Some(k) => Err(FieldError::new(
                self.name(&k),
                format!(
                    "not a field of a {} (its fields: {})",
                    self.what,
                    self.asked.join(", ")
                ),
            )),
        }
    }
}

/// In a CSV row's map, the key under which the row's blank columns are listed, so that a
/// blank list cell can mean "no items" rather than "left out". It cannot clash with a
/// field name (field names are plain words).
pub const BLANK_KEY: &str = " blank";

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
