//! The input line of the filter (`/`) and the command line (`:`), drawn in the status
//! line with a block cursor; long input scrolls by grapheme, measured in cells.

use super::put;
use crate::tui::input::TextInput;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

/// A prompt and an input.
pub struct InputLine<'a> {
    pub prompt: &'a str,
    pub input: &'a TextInput,
    pub theme: &'a Theme,
}

impl Widget for InputLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let w = usize::from(area.width);
        let x = put(buf, area, area.x, area.y, self.prompt, w, self.theme.key());
        let room = w.saturating_sub(usize::from(x - area.x));
        draw_input(buf, area, x, area.y, self.input, room);
    }
}

/// Draws an input in `room` cells at (x, y) with its cursor shown reversed.
pub fn draw_input(buf: &mut Buffer, area: Rect, x: u16, y: u16, input: &TextInput, room: usize) {
    let (shown, cur) = input.view(room);
    put(buf, area, x, y, &shown, room, Style::new());
    if room == 0 {
        return;
    }
    let cx = x + u16::try_from(cur).unwrap_or(0);
    let clip = area.intersection(buf.area);
    if cx < clip.right() && y < clip.bottom() && y >= clip.y {
        if let Some(cell) = buf.cell_mut((cx, y)) {
            if cell.symbol().is_empty() || cell.symbol() == " " {
                cell.set_symbol(" ");
            }
            cell.set_style(Style::new().add_modifier(Modifier::REVERSED));
        }
    }
}
