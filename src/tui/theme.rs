//! Every style the board uses, in one place. The theme must read in monochrome: overdue,
//! selection and urgency are carried by modifiers (bold, reverse, underline) and by the
//! text itself ("逾3"), colour only adds to them. `NO_COLOR` turns colour off.

use crate::domain::Urgency;
use ratatui::style::{Color, Modifier, Style};

/// The styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set (to anything non-empty).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }
    /// Monochrome.
    pub fn mono() -> Theme {
        Theme { color: false }
    }
    fn fg(&self, s: Style, c: Color) -> Style {
        if self.color { s.fg(c) } else { s }
    }
    /// The header.
    pub fn header(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    /// A warning in the header (no calendar schedule, stale data).
    pub fn warn(&self) -> Style {
        self.fg(
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Color::Yellow,
        )
    }
    /// A pane's title bar.
    pub fn title(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
    /// Column headings.
    pub fn column_head(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::UNDERLINED), Color::Cyan)
    }
    /// The selected row (in the focused pane; others keep a lighter mark).
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }
    /// An overdue countdown or marker.
    pub fn overdue(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Red)
    }
    /// A due-soon countdown.
    pub fn due_soon(&self) -> Style {
        self.fg(Style::new(), Color::Yellow)
    }
    /// An urgency cell.
    pub fn urgency(&self, u: Urgency) -> Style {
        match u {
            Urgency::Normal => Style::new(),
            Urgency::Urgent => self.fg(Style::new(), Color::Yellow),
            Urgency::VeryUrgent => {
                self.fg(Style::new().add_modifier(Modifier::BOLD), Color::LightRed)
            }
            Urgency::Critical => self.fg(
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                Color::Red,
            ),
        }
    }
    /// Secondary text (labels, hints).
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }
    /// An info message.
    pub fn info(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Green)
    }
    /// An error or refusal message.
    pub fn error(&self) -> Style {
        self.fg(
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            Color::Red,
        )
    }
    /// A key name in hints.
    pub fn key(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    /// Popup borders and the form's focused field.
    pub fn popup(&self) -> Style {
        Style::new()
    }
}
