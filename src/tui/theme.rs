//! Every colour and text style of poised. No other module names a colour, so `NO_COLOR`
//! and any future palette change happen here alone.
//!
//! Text and the countdown use the terminal's own foreground, and muted text is dimmed rather
//! than grey, so both stay legible on light and dark backgrounds alike; the few colours come
//! in a dark-background and a light-background set (`theme` in config.toml).

use ratatui::style::{Color, Modifier, Style};

/// The styles screens draw with, chosen once at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
    light: bool,
}

/// The terminal's background, which picks the set of colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Background {
    #[default]
    Dark,
    Light,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (<https://no-color.org>).
    #[must_use]
    pub fn from_env(no_color: Option<String>) -> Self {
        Self {
            color: no_color.is_none_or(|v| v.is_empty()),
            light: false,
        }
    }

    /// Whether colours are drawn at all.
    #[must_use]
    pub fn colored(self) -> bool {
        self.color
    }

    /// The same theme with the colours for `background`.
    #[must_use]
    pub fn on(self, background: Background) -> Self {
        Self {
            light: background == Background::Light,
            ..self
        }
    }

    /// A colour for a dark background, or its counterpart for a light one.
    fn pick(self, dark: Color, light: Color) -> Style {
        self.fg(if self.light { light } else { dark })
    }

    /// A theme without colour, for snapshot tests and `NO_COLOR`.
    #[must_use]
    pub fn plain() -> Self {
        Self {
            color: false,
            light: false,
        }
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

    /// A step's short cue in the player: what to do, in the largest text a terminal has.
    #[must_use]
    pub fn cue(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary text: hints, tags, key help.
    #[must_use]
    pub fn muted(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// Titles and the name of the current step.
    #[must_use]
    pub fn title(self) -> Style {
        self.pick(Color::Cyan, Color::Blue)
            .add_modifier(Modifier::BOLD)
    }

    /// Headings of groups, such as a wardrobe on Home.
    #[must_use]
    pub fn heading(self) -> Style {
        self.pick(Color::Yellow, Color::Magenta)
            .add_modifier(Modifier::BOLD)
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
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The breathing pacer's body.
    #[must_use]
    pub fn pacer(self) -> Style {
        self.pick(Color::LightBlue, Color::Blue)
    }

    /// Overall progress of the session.
    #[must_use]
    pub fn gauge(self) -> Style {
        self.fg(Color::Green)
    }

    /// Things that need attention: paused, a question, a failed save.
    #[must_use]
    pub fn alert(self) -> Style {
        self.pick(Color::LightRed, Color::Red)
            .add_modifier(Modifier::BOLD)
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
        Style::new().add_modifier(Modifier::DIM)
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
    fn content_is_never_bright_white_or_dark_grey() {
        for background in [Background::Dark, Background::Light] {
            let theme = Theme::from_env(None).on(background);
            for style in [
                theme.text(),
                theme.muted(),
                theme.countdown(),
                theme.border(),
                theme.cue(),
                theme.title(),
                theme.heading(),
                theme.pacer(),
                theme.alert(),
            ] {
                assert!(
                    !matches!(style.fg, Some(Color::White | Color::DarkGray | Color::Gray)),
                    "{style:?}"
                );
            }
            assert_eq!(theme.countdown().fg, None, "the terminal's own foreground");
            assert!(theme.muted().add_modifier.contains(Modifier::DIM));
        }
        let light = Theme::from_env(None).on(Background::Light);
        assert_eq!(
            light.heading().fg,
            Some(Color::Magenta),
            "no yellow on white"
        );
    }

    #[test]
    fn an_empty_no_color_keeps_colour() {
        assert!(Theme::from_env(Some(String::new())).title().fg.is_some());
        assert!(Theme::from_env(None).title().fg.is_some());
    }
}
