//! The terminal layer's side of alerts: the bell (BEL) and desktop notifications by
//! OSC 9 (iTerm2, Windows Terminal, kitty, foot, WezTerm) and OSC 777 (VTE: GNOME
//! Terminal, Tilix; rxvt). Inside tmux ($TMUX set) each sequence is wrapped in tmux's
//! passthrough (`ESC P tmux; … ESC \`), which tmux forwards only with
//! `set -g allow-passthrough on` (tmux ≥ 3.3). Only this file writes control sequences
//! for alerts, and the text in them has been through [`crate::text::printable`] here, so
//! no data can end or extend the sequence.

use super::triage::alerts::Notice;
use std::io::{self, Write};

/// The longest notification body sent, in characters (terminals cut or refuse long ones).
const MAX_BODY: usize = 160;

/// Whether to wrap sequences for tmux.
pub fn in_tmux() -> bool {
    std::env::var_os("TMUX").is_some_and(|v| !v.is_empty())
}

/// The bytes for one notice.
pub fn encode(n: &Notice, tmux: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if n.bell {
        out.push(0x07);
    }
    if n.desktop {
        // Semicolons separate OSC 777's fields; the title has none of its own.
        let title: String = crate::text::printable(&n.title).replace(';', ",");
        let body: String = crate::text::printable(&n.body)
            .chars()
            .take(MAX_BODY)
            .collect();
        let osc9 = format!("\x1b]9;{body}\x07");
        let osc777 = format!("\x1b]777;notify;{title};{body}\x07");
        for seq in [osc9, osc777] {
            if tmux {
                out.extend_from_slice(b"\x1bPtmux;");
                out.extend_from_slice(seq.replace('\x1b', "\x1b\x1b").as_bytes());
                out.extend_from_slice(b"\x1b\\");
            } else {
                out.extend_from_slice(seq.as_bytes());
            }
        }
    }
    out
}

/// Sends the notices to the terminal.
pub fn send(out: &mut impl Write, notices: &[Notice]) -> io::Result<()> {
    if notices.is_empty() {
        return Ok(());
    }
    let tmux = in_tmux();
    for n in notices {
        out.write_all(&encode(n, tmux))?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(body: &str) -> Notice {
        Notice {
            bell: true,
            desktop: true,
            title: "值班台".into(),
            body: body.into(),
        }
    }

    #[test]
    fn data_cannot_break_out_of_the_sequence() {
        let bytes = encode(&notice("《关于\x07\x1b]0;evil\x1b\\》"), false);
        let s = String::from_utf8(bytes).unwrap();
        // BEL, then exactly two OSC sequences, each ended by the one BEL we wrote.
        assert_eq!(s.matches('\x07').count(), 3, "{s:?}");
        assert_eq!(s.matches('\x1b').count(), 2, "{s:?}");
        assert!(s.contains("\x1b]9;《关于]0;evil\\》\x07"), "{s:?}");
        assert!(s.contains("\x1b]777;notify;值班台;《关于"), "{s:?}");
    }

    #[test]
    fn tmux_passthrough_doubles_escapes() {
        let s = String::from_utf8(encode(&notice("x"), true)).unwrap();
        assert!(s.starts_with('\x07'));
        assert!(s.contains("\x1bPtmux;\x1b\x1b]9;x\x07\x1b\\"), "{s:?}");
        let quiet = Notice {
            bell: false,
            desktop: false,
            ..notice("x")
        };
        assert!(encode(&quiet, false).is_empty());
    }
}
