//! A step's words in the player: the short cue, large (bold), and under it the detail,
//! smaller (muted). When the room runs out the detail goes first, and the last line shown
//! ends with "…": nothing is cut without a mark. The wrapped words are kept between frames
//! ([`CueCache`]): a frame in which only the countdown or the pacer moved wraps nothing.

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::text::{mark_cut, sanitize, wrap};
use crate::tui::theme::Theme;

/// The cue and its detail, wrapped for one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueText {
    cue: Vec<String>,
    detail: Vec<String>,
    width: usize,
}

impl CueText {
    /// Wraps `cue` and `detail` (already sanitised) at `width` columns.
    #[must_use]
    pub fn new(cue: &str, detail: Option<&str>, width: u16) -> Self {
        let width = usize::from(width);
        Self {
            cue: wrap(cue, width),
            detail: detail.map(|d| wrap(d, width)).unwrap_or_default(),
            width,
        }
    }

    /// Rows the short cue needs.
    #[must_use]
    pub fn cue_rows(&self) -> u16 {
        u16::try_from(self.cue.len()).unwrap_or(u16::MAX)
    }

    /// Rows the cue and the detail need together (a blank row between them).
    #[must_use]
    pub fn rows(&self) -> u16 {
        let gap = usize::from(!self.detail.is_empty());
        u16::try_from(self.cue.len() + gap + self.detail.len()).unwrap_or(u16::MAX)
    }
}

/// The cue last wrapped, with the words it was wrapped from (as written in the routine, not
/// yet sanitised). Rendering takes the app by `&self`, so the one wrap kept lives in a cell;
/// it is wrapped anew only when the words or the width change.
#[derive(Debug, Default)]
pub struct CueCache(RefCell<Option<Wrapped>>);

#[derive(Debug)]
struct Wrapped {
    cue: String,
    detail: Option<String>,
    text: Rc<CueText>,
}

impl CueCache {
    /// `cue` and `detail` sanitised and wrapped at `width` columns, wrapped again only if
    /// they or the width differ from the last call's.
    pub fn get(&self, cue: &str, detail: Option<&str>, width: u16) -> Rc<CueText> {
        let mut slot = self.0.borrow_mut();
        if let Some(kept) = slot.as_ref().filter(|w| {
            w.cue == cue && w.detail.as_deref() == detail && w.text.width == usize::from(width)
        }) {
            return Rc::clone(&kept.text);
        }
        let detail_text = detail.map(sanitize);
        let text = Rc::new(CueText::new(&sanitize(cue), detail_text.as_deref(), width));
        *slot = Some(Wrapped {
            cue: cue.to_string(),
            detail: detail.map(str::to_string),
            text: Rc::clone(&text),
        });
        text
    }
}

/// Draws a [`CueText`] in the theme.
pub struct Cue<'a> {
    pub text: &'a CueText,
    pub theme: Theme,
}

impl Widget for Cue<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (text, theme) = (self.text, self.theme);
        let mut lines: Vec<(String, bool)> = text.cue.iter().map(|l| (l.clone(), true)).collect();
        if !text.detail.is_empty() {
            lines.push((String::new(), false));
            lines.extend(text.detail.iter().map(|l| (l.clone(), false)));
        }
        let room = usize::from(area.height);
        if lines.len() > room {
            lines.truncate(room);
            // A blank row left last would hide the mark: the line above takes it.
            while lines.last().is_some_and(|(l, _)| l.is_empty()) && lines.len() > 1 {
                lines.pop();
            }
            if let Some((last, _)) = lines.last_mut() {
                *last = mark_cut(last, text.width);
            }
        }
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|(l, cue)| {
                let style = if cue { theme.cue() } else { theme.muted() };
                Line::styled(l, style)
            })
            .collect();
        Paragraph::new(lines).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(text: &CueText, width: u16, height: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        Cue {
            text,
            theme: Theme::plain(),
        }
        .render(buf.area, &mut buf);
        buf
    }

    fn rows(buf: &Buffer) -> Vec<String> {
        let width = usize::from(buf.area.width);
        buf.content
            .chunks(width)
            .map(|row| row.iter().map(ratatui::buffer::Cell::symbol).collect())
            .collect()
    }

    #[test]
    fn the_cue_then_the_detail_when_there_is_room() {
        let text = CueText::new("Knees fall slowly.", Some("Lie on your back."), 12);
        assert_eq!((text.cue_rows(), text.rows()), (2, 5));
        let picture = rows(&draw(&text, 12, 5));
        assert_eq!(
            picture,
            [
                "Knees fall  ",
                "slowly.     ",
                "            ",
                "Lie on your ",
                "back.       "
            ]
        );
    }

    #[test]
    fn the_detail_goes_first_and_the_last_line_shown_ends_with_the_mark() {
        let text = CueText::new("Knees fall slowly.", Some("Lie on your back."), 12);
        assert_eq!(
            rows(&draw(&text, 12, 3)),
            ["Knees fall  ", "slowly.…    ", "            "]
        );
        assert_eq!(rows(&draw(&text, 12, 1)), ["Knees fall… "]);
    }

    #[test]
    fn the_cache_wraps_again_only_when_the_words_or_the_width_change() {
        let cache = CueCache::default();
        let first = cache.get("Knees fall slowly.", Some("Lie down."), 12);
        assert!(Rc::ptr_eq(
            &first,
            &cache.get("Knees fall slowly.", Some("Lie down."), 12)
        ));
        let wider = cache.get("Knees fall slowly.", Some("Lie down."), 20);
        assert_eq!(wider.cue_rows(), 1);
        assert!(!Rc::ptr_eq(&first, &wider));
        let other = cache.get("Knees fall slowly.", None, 20);
        assert_eq!(other.rows(), 1);
        let words = cache.get("Rest and breathe easily.", None, 20);
        assert_eq!(words.cue, ["Rest and breathe", "easily."]);
    }

    #[test]
    fn the_cache_sanitises_what_it_wraps() {
        let text = CueCache::default().get("Bend\x1b[31m", None, 20);
        assert_eq!(text.cue.len(), 1);
        assert!(!text.cue[0].contains('\x1b'));
    }

    #[test]
    fn nothing_is_drawn_in_no_room() {
        let text = CueText::new("Knees fall slowly.", None, 1);
        assert_eq!(rows(&draw(&text, 1, 1)), ["…"]);
        draw(&text, 0, 0);
    }
}
