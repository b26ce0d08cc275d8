//! What the app shows: a small comparable [`View`], so the loop draws only when it changed
//! (Up on the first row draws nothing), and the pure render of the state.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::App;
use super::screen::Screen;
use crate::progress::ProgressModel;
use crate::session::Snapshot;
use crate::tui::live_session::LiveSession;
use crate::tui::screens::calm::Calm;
use crate::tui::screens::desk::DeskView;
use crate::tui::screens::home::Home;
use crate::tui::screens::hurt::Hurt;
use crate::tui::screens::rating::Rating;
use crate::tui::screens::safety::Safety;
use crate::tui::screens::summary::SessionSummary;
use crate::tui::screens::{
    calm, desk, help, home, hurt, message, note, player, progress, rating, safety, summary,
};

const ASK_BEFORE: &str = "How stiff is your back right now?";
const ASK_AFTER: &str = "How stiff is your back now, after the session?";
const ASK_MORNING: &str = "How does your back feel this morning?";

/// Everything a frame is drawn from besides what never changes (routines, theme, settings):
/// two equal views draw the same frame.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    screen: ScreenView,
    help_open: bool,
    safety: Option<Safety>,
    message: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum ScreenView {
    Home(Home),
    Question(&'static str, Rating),
    Calm(Calm),
    Note(String),
    Player {
        snapshot: Snapshot,
        confirm_end: bool,
        hurt: Option<Hurt>,
        notice: Option<String>,
        voice: bool,
    },
    Summary(SessionSummary),
    Progress(Box<ProgressModel>),
    Desk(Option<DeskView>),
}

impl View {
    /// What moved from this view, drawn, to `next`, when nothing but the player's moving
    /// parts did (its countdown, pacer and progress) and nothing lies over the player: then
    /// those parts alone can be drawn again. `None` when the whole screen must be.
    #[must_use]
    pub fn moved(&self, next: &View) -> Option<player::Moved> {
        let bare = |v: &View| v.help_open || v.safety.is_some() || v.message.is_some();
        if bare(self) || bare(next) {
            return None;
        }
        let (
            ScreenView::Player {
                snapshot: drawn,
                confirm_end: false,
                hurt: None,
                notice,
                voice,
            },
            ScreenView::Player {
                snapshot,
                confirm_end: false,
                hurt: None,
                notice: next_notice,
                voice: next_voice,
            },
        ) = (&self.screen, &next.screen)
        else {
            return None;
        };
        if (notice, voice) != (next_notice, next_voice) {
            return None;
        }
        player::Moved::between(drawn, snapshot)
    }
}

impl App {
    /// What the screen shows at `now`.
    #[must_use]
    pub fn view(&self, now: &crate::tui::protocol::Now) -> View {
        let screen = match &self.screen {
            Screen::Home => ScreenView::Home(self.home.clone()),
            Screen::CheckIn(r) => ScreenView::Question(ASK_MORNING, *r),
            Screen::Before(_, _, r) => ScreenView::Question(ASK_BEFORE, *r),
            Screen::After(_, r) => ScreenView::Question(ASK_AFTER, *r),
            Screen::Note(_, text) => ScreenView::Note(text.clone()),
            Screen::Calm(.., calm) => ScreenView::Calm(*calm),
            Screen::Player(session) => ScreenView::Player {
                snapshot: session.player.snapshot(now.mono),
                confirm_end: session.confirm_end,
                hurt: session.hurt.clone(),
                notice: session.overlay(false, false).notice.map(str::to_string),
                voice: self.speaking(),
            },
            Screen::Summary(s) => ScreenView::Summary(s.clone()),
            Screen::Progress(model) => ScreenView::Progress(model.clone()),
            Screen::Desk => ScreenView::Desk(self.desk.as_ref().map(|d| d.view(now.local))),
        };
        View {
            screen,
            help_open: self.help_open,
            safety: self.safety,
            message: self.message.clone(),
        }
    }

    /// Draws over the frame drawn last only the player's parts that `moved` (see
    /// [`View::moved`]), and gives their areas.
    pub fn render_moved(
        &self,
        buf: &mut Buffer,
        now: &crate::tui::protocol::Now,
        moved: player::Moved,
    ) -> Vec<Rect> {
        let Screen::Player(session) = &self.screen else {
            return Vec::new();
        };
        if message::too_small(buf.area) {
            // The frame drawn says so, whatever the player shows.
            return Vec::new();
        }
        let snap = session.player.snapshot(now.mono);
        self.player_view(session, &snap).render_moved(buf, moved)
    }

    /// What the player is drawn from at `snap`.
    fn player_view<'a>(
        &'a self,
        session: &'a LiveSession,
        snap: &'a Snapshot,
    ) -> player::Player<'a> {
        player::Player {
            timeline: session.player.timeline(),
            snap,
            overlay: session.overlay(self.settings.reduced_motion, self.speaking()),
            theme: self.theme,
            cues: &self.cues,
        }
    }

    /// Draws the whole app; reads nothing but the state and `now`.
    pub fn render(&self, frame: &mut Frame, now: &crate::tui::protocol::Now) {
        let area = frame.area();
        if message::too_small(area) {
            message::render_too_small(frame, area, self.theme);
            return;
        }
        let theme = self.theme;
        match &self.screen {
            Screen::Home => home::render(frame, area, &self.home, &self.routines, theme),
            Screen::CheckIn(r) => rating::render(frame, area, ASK_MORNING, *r, theme),
            Screen::Before(_, _, r) => rating::render(frame, area, ASK_BEFORE, *r, theme),
            Screen::After(_, r) => rating::render(frame, area, ASK_AFTER, *r, theme),
            Screen::Note(_, text) => note::render(frame, area, text, theme),
            Screen::Calm(.., c) => calm::render(frame, area, *c, theme),
            Screen::Player(session) => {
                let snap = session.player.snapshot(now.mono);
                self.player_view(session, &snap).render(frame, area);
                if let Some(state) = &session.hurt {
                    hurt::render(frame, area, state, theme);
                }
            }
            Screen::Summary(s) => summary::render(frame, area, s, theme),
            Screen::Progress(model) => progress::render(frame, area, model, theme),
            Screen::Desk => {
                if let Some(mode) = &self.desk {
                    desk::render(frame, area, &mode.view(now.local), theme);
                }
            }
        }
        if self.help_open {
            help::render(frame, area, self.screen_context(), theme);
        }
        if let Some(state) = self.safety {
            safety::render(frame, area, state, theme);
        }
        if let Some(message) = &self.message {
            message::render_message(frame, area, message, theme);
        }
    }
}
