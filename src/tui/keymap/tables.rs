//! The key tables, one per screen: which keys, the action, how help names them, and the
//! word the screen's footer shows for the few that belong there.

use crossterm::event::KeyCode;

use super::dialogs::{CALM, CONFIRM_END, CONFIRM_REST, CONFIRM_UNDO, HURT, NOTE, RATING, SAFETY};
use super::{Action, Context};

/// A key as written in the tables.
#[derive(Debug, Clone, Copy)]
pub(super) enum Key {
    Char(char),
    Code(KeyCode),
    Ctrl(char),
    Digit,
}

pub(super) struct Binding {
    pub(super) keys: &'static [Key],
    pub(super) action: Action,
    /// How the key is named in the help overlay, and what it does.
    pub(super) help: (&'static str, &'static str),
    /// The word for it in the screen's footer, when it has a place there.
    pub(super) footer: Option<&'static str>,
}

impl Binding {
    /// Gives the key a place in the footer, as its first name and `word`.
    pub(super) const fn shown(self, word: &'static str) -> Self {
        Self {
            footer: Some(word),
            ..self
        }
    }
}

pub(super) const fn bind(
    keys: &'static [Key],
    action: Action,
    name: &'static str,
    does: &'static str,
) -> Binding {
    Binding {
        keys,
        action,
        help: (name, does),
        footer: None,
    }
}

pub(super) use Key::{Char, Code, Ctrl, Digit};

pub(super) const CTRL_C: Binding = bind(
    &[Ctrl('c')],
    Action::EndNow,
    "Ctrl-C",
    "quit at once (a finished session is saved)",
);

pub(super) const HOME: &[Binding] = &[
    bind(
        &[Code(KeyCode::Up), Char('k')],
        Action::Up,
        "Up/k",
        "previous routine",
    ),
    bind(
        &[Code(KeyCode::Down), Char('j')],
        Action::Down,
        "Down/j",
        "next routine",
    ),
    bind(
        &[Code(KeyCode::PageDown)],
        Action::Scroll(5),
        "PgDn",
        "scroll the steps down",
    ),
    bind(
        &[Code(KeyCode::PageUp)],
        Action::Scroll(-5),
        "PgUp",
        "scroll the steps up",
    ),
    bind(
        &[Code(KeyCode::Enter)],
        Action::StartFull,
        "Enter",
        "start the full version",
    )
    .shown("start"),
    bind(
        &[Char('s')],
        Action::StartShort,
        "s",
        "start the short version",
    )
    .shown("short"),
    bind(
        &[Char('u')],
        Action::Undo,
        "u",
        "take back the record just made (asks first; until the next key)",
    )
    .shown("undo"),
    bind(
        &[Char('l')],
        Action::StartLearn,
        "l",
        "start a learning run (slower, every detail shown)",
    ),
    bind(
        &[Digit],
        Action::Minutes(0),
        "1-9",
        "I have N minutes: show what fits (0 clears)",
    )
    .shown("I have N min"),
    bind(
        &[Char('g'), Code(KeyCode::Tab)],
        Action::Progress,
        "g/Tab",
        "progress",
    )
    .shown("progress"),
    bind(
        &[Char('R')],
        Action::Rest,
        "R",
        "record a rest day (asks first)",
    ),
    bind(&[Char('?')], Action::Help, "?", "help").shown("help"),
    bind(
        &[Char('q'), Code(KeyCode::Esc)],
        Action::Quit,
        "q/Esc",
        "quit",
    )
    .shown("quit"),
    CTRL_C,
];

pub(super) const PLAYER: &[Binding] = &[
    bind(
        &[Char(' ')],
        Action::TogglePause,
        "Space",
        "pause or resume",
    )
    .shown("pause"),
    bind(
        &[Char('n'), Code(KeyCode::Right)],
        Action::Skip,
        "n/Right",
        "skip to the next step",
    )
    .shown("skip"),
    bind(
        &[Char('p'), Code(KeyCode::Left)],
        Action::Back,
        "p/Left",
        "back to the start of the step (twice: previous step)",
    ),
    bind(&[Char('r')], Action::Restart, "r", "restart this step"),
    bind(
        &[Char('v')],
        Action::ToggleVoice,
        "v",
        "speak the cues, or stop",
    ),
    bind(
        &[Char('!')],
        Action::Painful,
        "!",
        "this hurts: carry on gently, skip, or end",
    )
    .shown("hurts"),
    bind(
        &[Char('u')],
        Action::Usual,
        "u",
        "the usual version of a step offered easier",
    ),
    bind(&[Char('?')], Action::Help, "?", "help").shown("help"),
    bind(
        &[Char('q'), Code(KeyCode::Esc)],
        Action::AskEnd,
        "q/Esc",
        "end the session (asks first)",
    )
    .shown("end"),
    bind(
        &[Ctrl('c')],
        Action::EndNow,
        "Ctrl-C",
        "end the session at once",
    ),
];

pub(super) const SUMMARY: &[Binding] = &[
    bind(
        &[Char('q'), Code(KeyCode::Esc), Code(KeyCode::Enter)],
        Action::Quit,
        "q/Esc/Enter",
        "done",
    )
    .shown("done"),
    bind(&[Char('?')], Action::Help, "?", "help"),
    CTRL_C,
];

pub(super) const PROGRESS: &[Binding] = &[
    bind(
        &[Char('g'), Code(KeyCode::Tab), Code(KeyCode::Esc)],
        Action::Quit,
        "g/Tab/Esc",
        "back to Home",
    )
    .shown("back"),
    bind(&[Char('?')], Action::Help, "?", "help").shown("help"),
    bind(&[Char('q')], Action::EndNow, "q", "quit").shown("quit"),
    CTRL_C,
];

pub(super) const DESK: &[Binding] = &[
    bind(
        &[Code(KeyCode::Enter)],
        Action::StartFull,
        "Enter",
        "play the reset (also before it is due)",
    )
    .shown("play"),
    bind(
        &[Char('t')],
        Action::Transition,
        "t",
        "play the transition routine instead",
    )
    .shown("transition"),
    bind(&[Char('z')], Action::Snooze, "z", "snooze 10 minutes").shown("snooze"),
    bind(&[Char('s')], Action::SkipReset, "s", "skip this reset").shown("skip"),
    bind(&[Char('?')], Action::Help, "?", "help").shown("help"),
    bind(
        &[Char('q'), Code(KeyCode::Esc)],
        Action::Quit,
        "q/Esc",
        "quit",
    )
    .shown("quit"),
    CTRL_C,
];

pub(super) const HELP: &[Binding] = &[
    bind(
        &[Char('?'), Code(KeyCode::Esc)],
        Action::Help,
        "?/Esc",
        "close help",
    ),
    bind(
        &[Char('w')],
        Action::ShowSafety,
        "w",
        "when to get help (before you start)",
    ),
    CTRL_C,
];

pub(super) fn table(context: Context) -> &'static [Binding] {
    match context {
        Context::Home => HOME,
        Context::Player => PLAYER,
        Context::ConfirmEnd => CONFIRM_END,
        Context::ConfirmRest => CONFIRM_REST,
        Context::ConfirmUndo => CONFIRM_UNDO,
        Context::Summary => SUMMARY,
        Context::Rating => RATING,
        Context::Note => NOTE,
        Context::Progress => PROGRESS,
        Context::Desk => DESK,
        Context::Help => HELP,
        Context::Safety => SAFETY,
        Context::Hurt => HURT,
        Context::Calm => CALM,
    }
}
