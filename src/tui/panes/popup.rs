//! Clearing the cells under a popup. `Clear` resets the popup's own cells, but a wide
//! (two-cell) character that starts just left of the popup keeps its glyph in the cell
//! outside, and the terminal draws it over the popup's left border; one that starts on
//! the popup's last column leaves its second half outside on the right. Both halves are
//! blanked here, so the border is drawn whole.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

/// Clears `r` and the halves of wide characters straddling its left and right edges.
pub fn clear(r: Rect, buf: &mut Buffer) {
    let r = r.intersection(buf.area);
    if r.is_empty() {
        return;
    }
    for y in r.top()..r.bottom() {
        if r.x > buf.area.x {
            let left = (r.x - 1, y);
            if crate::text::width(buf[left].symbol()) > 1 {
                buf[left].reset();
            }
        }
        let last = (r.right() - 1, y);
        if crate::text::width(buf[last].symbol()) > 1 && r.right() < buf.area.right() {
            buf[(r.right(), y)].reset();
        }
    }
    Clear.render(r, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_across_the_edges_are_blanked() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        buf.set_string(0, 0, "区政府会议", ratatui::style::Style::new());
        // The popup starts at x=3: "政" (x=2..3) straddles its left edge; it ends at
        // x=6, where "议"... starts at x=8, so only the left edge matters here.
        clear(Rect::new(3, 0, 4, 1), &mut buf);
        assert_eq!(buf[(2, 0)].symbol(), " ");
        assert_eq!(buf[(0, 0)].symbol(), "区");
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        buf.set_string(0, 0, "区政府会议", ratatui::style::Style::new());
        // Ends at x=4, whose "府" (x=4..5) spills into x=5.
        clear(Rect::new(2, 0, 3, 1), &mut buf);
        assert_eq!(buf[(5, 0)].symbol(), " ");
        assert_eq!(buf[(6, 0)].symbol(), "会");
    }
}
