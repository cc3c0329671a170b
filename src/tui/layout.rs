//! Where everything goes on screen, as a pure function of the terminal size and the
//! focused pane, so the app (page sizes) and the renderer agree without the renderer
//! having to tell anyone anything.

use super::action::PaneId;
use ratatui::layout::Rect;

/// Below this the board shows a notice instead of a broken layout.
pub const MIN_WIDTH: u16 = 60;
/// Below this the board shows a notice instead of a broken layout.
pub const MIN_HEIGHT: u16 = 16;
/// Header lines: the day and who acts; today's line (due, meetings, 特急, away); who is
/// away, the rules' flags and the 合规 counts.
pub const HEADER_LINES: u16 = 3;

/// The screen's regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    /// Everything between the header and the status line (panes, or a full view).
    pub body: Rect,
    /// One per [`PaneId::ALL`]: the three panes in screen order and the 合规 view. The
    /// 合规 view takes the whole body while it is focused (the panes are then empty, of
    /// height 0) and is empty otherwise.
    pub panes: [Rect; 4],
    pub status: Rect,
}

/// The layout for a terminal of `area`, or None when it is too small.
pub fn areas(area: Rect, focus: PaneId) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let header = Rect {
        height: HEADER_LINES,
        ..area
    };
    let status = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + HEADER_LINES,
        height: area.height - HEADER_LINES - 1,
        ..area
    };
    let mut panes = [Rect { height: 0, ..body }; 4];
    if focus == PaneId::Compliance {
        panes[PaneId::Compliance.index()] = body;
    } else {
        // The focused pane gets half the body, the others a quarter each; positions never
        // change, so the eye finds each pane where it was.
        let h = body.height;
        let small = h / 4;
        let big = h - 2 * small;
        let mut y = body.y;
        for p in PaneId::BOARD {
            let height = if p == focus { big } else { small };
            panes[p.index()] = Rect { y, height, ..body };
            y += height;
        }
    }
    Some(Areas {
        header,
        body,
        panes,
        status,
    })
}

/// How many table rows a pane area shows (title and column header take two lines).
pub fn rows_in(pane: Rect) -> usize {
    usize::from(pane.height.saturating_sub(2))
}

/// A centred box of at most `w`×`h` inside `r`.
pub fn centered(r: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(r.width);
    let h = h.min(r.height);
    Rect {
        x: r.x + (r.width - w) / 2,
        y: r.y + (r.height - h) / 2,
        width: w,
        height: h,
    }
}
