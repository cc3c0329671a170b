//! The log file, opened at the first line logged. Most commands log nothing (a read such
//! as `dutydesk list --count` never does), so they create no file and start no writer: a
//! background writer's queue and the file's creation were a sixth of such a command's
//! start-up. Each line is appended whole under a lock; a log write is rare (warnings,
//! errors, the board's opening), so the board does not need a writer thread of its own.

use crate::safe_write::SafeWriter;
use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock, PoisonError};
use tracing_subscriber::fmt::MakeWriter;

/// A log file at `path`, opened (and its directory made) on first use. If it cannot be
/// opened the program runs without logs rather than failing.
pub struct LogFile {
    path: PathBuf,
    file: OnceLock<Option<Mutex<SafeWriter<File>>>>,
}

impl LogFile {
    pub fn new(path: PathBuf) -> LogFile {
        LogFile {
            path,
            file: OnceLock::new(),
        }
    }

    fn file(&self) -> Option<&Mutex<SafeWriter<File>>> {
        self.file
            .get_or_init(|| {
                if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).ok()?;
                }
                let file = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&self.path)
                    .ok()?;
                // Logs quote data (titles, values): escaped like every other text output.
                Some(Mutex::new(SafeWriter::new(file)))
            })
            .as_ref()
    }
}

/// One line on its way to the log.
pub struct Line<'a>(&'a LogFile);

impl Write for Line<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(file) = self.0.file() {
            // A panic while logging leaves the file usable: the lines are whole writes.
            let mut f = file.lock().unwrap_or_else(PoisonError::into_inner);
            f.write_all(buf)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.0.file.get() {
            Some(Some(file)) => file.lock().unwrap_or_else(PoisonError::into_inner).flush(),
            _ => Ok(()),
        }
    }
}

impl<'a> MakeWriter<'a> for LogFile {
    type Writer = Line<'a>;

    fn make_writer(&'a self) -> Line<'a> {
        Line(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_created_until_a_line_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logs/dutydesk.log");
        let log = LogFile::new(path.clone());
        let _ = log.make_writer().flush();
        assert!(!path.exists());
        log.make_writer()
            .write_all(b"first \x1b[2J line\n")
            .unwrap();
        log.make_writer().write_all(b"second line\n").unwrap();
        log.make_writer().flush().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "first \\u001b[2J line\nsecond line\n");
    }
}
