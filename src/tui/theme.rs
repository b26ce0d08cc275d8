//! Every colour and text style of poised. No other module names a colour, so `NO_COLOR`
//! and any future palette change happen here alone.

use ratatui::style::{Color, Modifier, Style};

/// The styles screens draw with, chosen once at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (<https://no-color.org>).
    #[must_use]
    pub fn from_env(no_color: Option<String>) -> Self {
        Self {
            color: no_color.is_none_or(|v| v.is_empty()),
        }
    }

    /// A theme without colour, for snapshot tests and `NO_COLOR`.
    #[must_use]
    pub fn plain() -> Self {
        Self { color: false }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// Ordinary text.
    #[must_use]
    pub fn text(self) -> Style {
        Style::new()
    }

    /// Secondary text: hints, tags, key help.
    #[must_use]
    pub fn muted(self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// Titles and the name of the current step.
    #[must_use]
    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Headings of groups, such as a wardrobe on Home.
    #[must_use]
    pub fn heading(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list.
    #[must_use]
    pub fn selected(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Cyan)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The big countdown.
    #[must_use]
    pub fn countdown(self) -> Style {
        self.fg(Color::White).add_modifier(Modifier::BOLD)
    }

    /// The breathing pacer's body.
    #[must_use]
    pub fn pacer(self) -> Style {
        self.fg(Color::LightBlue)
    }

    /// Overall progress of the session.
    #[must_use]
    pub fn gauge(self) -> Style {
        self.fg(Color::Green)
    }

    /// Things that need attention: paused, a question, a failed save.
    #[must_use]
    pub fn alert(self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    /// Good news: a finished session, a streak.
    #[must_use]
    pub fn good(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    /// A calendar day with only sessions ended early.
    #[must_use]
    pub fn partly(self) -> Style {
        self.fg(Color::Yellow)
    }

    /// A calendar day taken as a rest day.
    #[must_use]
    pub fn rest_day(self) -> Style {
        self.fg(Color::LightBlue)
    }

    /// Frames around panes and overlays.
    #[must_use]
    pub fn border(self) -> Style {
        self.fg(Color::DarkGray)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_removes_every_colour() {
        let theme = Theme::from_env(Some("1".into()));
        for style in [
            theme.title(),
            theme.selected(),
            theme.alert(),
            theme.pacer(),
        ] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
    }

    #[test]
    fn an_empty_no_color_keeps_colour() {
        assert!(Theme::from_env(Some(String::new())).title().fg.is_some());
        assert!(Theme::from_env(None).title().fg.is_some());
    }
}
