//! Widgets that screens compose: each draws one thing and holds no state.

pub mod countdown;
pub mod cue;
pub mod heatmap;
pub mod pacer;
pub mod stiffness;

use ratatui::layout::Rect;

/// A `width` x `height` rectangle in the middle of `area`, shrunk to fit.
#[must_use]
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
