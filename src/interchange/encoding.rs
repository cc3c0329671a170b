//! Text encodings of CSV files as spreadsheets write them: Excel in a Chinese locale saves
//! CSV as GBK (GB18030 covers it), other tools as UTF-8 with or without a byte-order mark.
//! Import detects which (`chardetng`, decoding by `encoding_rs`) and says which it read;
//! export can write GB18030 for Excel.

use encoding_rs::{Encoding, GB18030, UTF_8};
use std::io::{self, Write};

/// The encodings dutydesk reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextEncoding {
    #[default]
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
}

impl TextEncoding {
    /// The name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Gb18030 => "GB18030/GBK",
        }
    }
}

/// Detects the encoding of `bytes` and decodes them. Valid UTF-8 is UTF-8 (a BOM is
/// dropped); anything else is handed to the detector, which for Chinese text answers GBK,
/// read as GB18030. Bytes no encoding explains are an error naming the encoding tried.
pub fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| (s.to_string(), TextEncoding::Utf8Bom))
            .map_err(|e| format!("UTF-8 (BOM): {e}"));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), TextEncoding::Utf8));
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let guessed: &'static Encoding = det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    // GBK files are read as GB18030, which decodes everything GBK does.
    let enc = if guessed == UTF_8 { GB18030 } else { guessed };
    if enc != GB18030 && enc.name() != "GBK" {
        return Err(format!(
            "the file is neither UTF-8 nor GB18030/GBK (it looks like {})",
            enc.name()
        ));
    }
    let (text, _, errors) = GB18030.decode(bytes);
    if errors {
        return Err("the file is neither UTF-8 nor GB18030/GBK".to_string());
    }
    Ok((text.into_owned(), TextEncoding::Gb18030))
}

/// A writer that turns the UTF-8 written to it into GB18030, streaming (a character split
/// across two writes is held back until it is whole).
pub struct Gb18030Writer<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Gb18030Writer<W> {
    pub fn new(inner: W) -> Self {
        Gb18030Writer {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for Gb18030Writer<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let whole = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e)),
        };
        let text = std::str::from_utf8(&self.pending[..whole])
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let (bytes, _, _) = GB18030.encode(text);
        self.inner.write_all(&bytes)?;
        self.pending.drain(..whole);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_round_trip_and_bom() {
        let text = "type,id,name\ndepartment,d03,区住房和城乡建设局\n";
        let mut out = Vec::new();
        {
            let mut w = Gb18030Writer::new(&mut out);
            // Split in the middle of a character on purpose.
            let b = text.as_bytes();
            w.write_all(&b[..30]).unwrap();
            w.write_all(&b[30..]).unwrap();
        }
        assert!(std::str::from_utf8(&out).is_err());
        let (back, enc) = decode(&out).unwrap();
        assert_eq!(back, text);
        assert_eq!(enc, TextEncoding::Gb18030);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(
            decode(&bom).unwrap(),
            (text.to_string(), TextEncoding::Utf8Bom)
        );
        assert_eq!(decode(text.as_bytes()).unwrap().1, TextEncoding::Utf8);
    }
}
