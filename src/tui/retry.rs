//! A board action that met a busy database (another officer's write, a long import) is
//! not lost and does not freeze the screen: each attempt waits at most [`ATTEMPT`] for
//! the lock; while busy the form stays open with its text and says "等待数据库… N 秒",
//! and the loop tries again every [`EVERY`] until it goes through, the user presses Esc
//! (the form closes) or edits the form (the wait stops; Enter submits again).

use crate::command::Command;
use crate::i18n::Lang;
use std::time::{Duration, Instant};

/// How long one attempt waits for another writer's lock.
pub const ATTEMPT: Duration = Duration::from_millis(200);
/// How often a waiting action is tried again.
pub const EVERY: Duration = Duration::from_millis(500);

/// An action waiting for the database.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub cmd: Command,
    pub since: Instant,
    pub last: Instant,
}

impl Waiting {
    pub fn new(cmd: Command) -> Waiting {
        let now = Instant::now();
        Waiting {
            cmd,
            since: now,
            last: now,
        }
    }

    /// Whether it is time for the next attempt.
    pub fn due(&self) -> bool {
        self.last.elapsed() >= EVERY
    }

    /// "等待数据库… N 秒（Esc 取消）".
    pub fn text(&self, lang: Lang) -> String {
        let n = self.since.elapsed().as_secs();
        match lang {
            Lang::Zh => format!("等待数据库… {n} 秒（另一位同事或导入正在写入；Esc 取消）"),
            Lang::En => format!(
                "waiting for the database… {n} s (a colleague or an import is writing; Esc cancels)"
            ),
        }
    }
}
