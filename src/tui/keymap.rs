//! Which key does what on each screen. One table per screen serves both the dispatch and the
//! help overlay, so the help can never disagree with the keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for; the app decides what it means in its current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    StartFull,
    /// Scroll the details pane by lines.
    Scroll(i16),
    StartShort,
    /// "I have N minutes" (1 to 9); 0 clears the filter.
    Minutes(u8),
    Help,
    Quit,
    TogglePause,
    Skip,
    Back,
    Restart,
    AskEnd,
    EndNow,
    Yes,
    /// Any other key while a yes/no question is open.
    No,
    Painful,
    /// Speak the cues, or stop.
    ToggleVoice,
    Progress,
    Rest,
    Less,
    More,
    /// A digit typed on a 0-10 scale.
    Digit(u8),
    Confirm,
    SkipQuestion,
    Type(char),
    Backspace,
}

/// The screens and overlays that read keys differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Home,
    Player,
    ConfirmEnd,
    Summary,
    Rating,
    Note,
    Progress,
    Help,
}

/// A key as written in the tables.
#[derive(Debug, Clone, Copy)]
enum Key {
    Char(char),
    Code(KeyCode),
    Ctrl(char),
    Digit,
}

struct Binding {
    keys: &'static [Key],
    action: Action,
    /// How the key is named in the help overlay, and what it does.
    help: (&'static str, &'static str),
}

const fn bind(
    keys: &'static [Key],
    action: Action,
    name: &'static str,
    does: &'static str,
) -> Binding {
    Binding {
        keys,
        action,
        help: (name, does),
    }
}

use Key::{Char, Code, Ctrl, Digit};

const CTRL_C: Binding = bind(
    &[Ctrl('c')],
    Action::EndNow,
    "Ctrl-C",
    "quit at once (a finished session is saved)",
);

const HOME: &[Binding] = &[
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
    ),
    bind(
        &[Char('s')],
        Action::StartShort,
        "s",
        "start the short version",
    ),
    bind(
        &[Digit],
        Action::Minutes(0),
        "1-9",
        "I have N minutes: show what fits (0 clears)",
    ),
    bind(
        &[Char('g'), Code(KeyCode::Tab)],
        Action::Progress,
        "g/Tab",
        "progress",
    ),
    bind(&[Char('R')], Action::Rest, "R", "record a rest day"),
    bind(&[Char('?')], Action::Help, "?", "help"),
    bind(
        &[Char('q'), Code(KeyCode::Esc)],
        Action::Quit,
        "q/Esc",
        "quit",
    ),
    CTRL_C,
];

const PLAYER: &[Binding] = &[
    bind(
        &[Char(' ')],
        Action::TogglePause,
        "Space",
        "pause or resume",
    ),
    bind(
        &[Char('n'), Code(KeyCode::Right)],
        Action::Skip,
        "n/Right",
        "skip to the next step",
    ),
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
        "this hurts: mark the step and move on",
    ),
    bind(&[Char('?')], Action::Help, "?", "help"),
    bind(
        &[Char('q'), Code(KeyCode::Esc)],
        Action::AskEnd,
        "q/Esc",
        "end the session (asks first)",
    ),
    bind(
        &[Ctrl('c')],
        Action::EndNow,
        "Ctrl-C",
        "end the session at once",
    ),
];

const CONFIRM_END: &[Binding] = &[
    bind(&[Char('y'), Char('Y')], Action::Yes, "y", "end the session"),
    CTRL_C,
];

const SUMMARY: &[Binding] = &[
    bind(
        &[Char('q'), Code(KeyCode::Esc), Code(KeyCode::Enter)],
        Action::Quit,
        "q/Esc/Enter",
        "done",
    ),
    bind(&[Char('?')], Action::Help, "?", "help"),
    CTRL_C,
];

const RATING: &[Binding] = &[
    bind(
        &[Code(KeyCode::Left), Char('h')],
        Action::Less,
        "Left/h",
        "less stiff",
    ),
    bind(
        &[Code(KeyCode::Right), Char('l')],
        Action::More,
        "Right/l",
        "stiffer",
    ),
    bind(
        &[Digit],
        Action::Digit(0),
        "0-9",
        "set the rating (10: Right from 9)",
    ),
    bind(&[Code(KeyCode::Enter)], Action::Confirm, "Enter", "confirm"),
    bind(&[Char('s')], Action::SkipQuestion, "s", "skip the question"),
    bind(
        &[Code(KeyCode::Esc)],
        Action::Quit,
        "Esc",
        "back (before a session: do not start it)",
    ),
    bind(&[Char('?')], Action::Help, "?", "help"),
    CTRL_C,
];

const NOTE: &[Binding] = &[
    bind(
        &[Code(KeyCode::Enter)],
        Action::Confirm,
        "Enter",
        "save the note (empty: skip)",
    ),
    bind(
        &[Code(KeyCode::Backspace)],
        Action::Backspace,
        "Backspace",
        "delete a character",
    ),
    bind(
        &[Code(KeyCode::Esc)],
        Action::SkipQuestion,
        "Esc",
        "skip the note",
    ),
    CTRL_C,
];

const PROGRESS: &[Binding] = &[
    bind(
        &[Char('g'), Code(KeyCode::Tab), Code(KeyCode::Esc)],
        Action::Quit,
        "g/Tab/Esc",
        "back to Home",
    ),
    bind(&[Char('?')], Action::Help, "?", "help"),
    bind(&[Char('q')], Action::EndNow, "q", "quit"),
    CTRL_C,
];

const HELP: &[Binding] = &[
    bind(
        &[Char('?'), Code(KeyCode::Esc)],
        Action::Help,
        "?/Esc",
        "close help",
    ),
    CTRL_C,
];

fn table(context: Context) -> &'static [Binding] {
    match context {
        Context::Home => HOME,
        Context::Player => PLAYER,
        Context::ConfirmEnd => CONFIRM_END,
        Context::Summary => SUMMARY,
        Context::Rating => RATING,
        Context::Note => NOTE,
        Context::Progress => PROGRESS,
        Context::Help => HELP,
    }
}

/// The action a key press asks for on a screen, if any.
#[must_use]
pub fn action(context: Context, key: KeyEvent) -> Option<Action> {
    let found = table(context).iter().find_map(|b| {
        b.keys
            .iter()
            .find_map(|k| matches(*k, key))
            .map(|digit| match (b.action, digit) {
                (Action::Minutes(_), Some(d)) => Action::Minutes(d),
                (Action::Digit(_), Some(d)) => Action::Digit(d),
                (action, _) => action,
            })
    });
    match (found, context, key.code) {
        (Some(a), ..) => Some(a),
        (None, Context::ConfirmEnd, _) => Some(Action::No),
        (None, Context::Note, KeyCode::Char(c))
            if !key.modifiers.contains(KeyModifiers::CONTROL) =>
        {
            Some(Action::Type(c))
        }
        _ => None,
    }
}

/// `Some(Some(d))` for a matching digit key, `Some(None)` for another match, `None` for none.
fn matches(pattern: Key, key: KeyEvent) -> Option<Option<u8>> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let hit = match (pattern, key.code) {
        (Ctrl(c), KeyCode::Char(k)) => ctrl && k.eq_ignore_ascii_case(&c),
        (Char(c), KeyCode::Char(k)) => !ctrl && k == c,
        (Code(code), k) => !ctrl && k == code,
        (Digit, KeyCode::Char(k)) if !ctrl && k.is_ascii_digit() => {
            return Some(k.to_digit(10).and_then(|d| u8::try_from(d).ok()));
        }
        _ => false,
    };
    hit.then_some(None)
}

/// The keys of a screen for the help overlay: (key names, what they do).
#[must_use]
pub fn help(context: Context) -> Vec<(&'static str, &'static str)> {
    table(context).iter().map(|b| b.help).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn digits_carry_their_value() {
        assert_eq!(
            action(Context::Home, press(KeyCode::Char('5'))),
            Some(Action::Minutes(5))
        );
        assert_eq!(
            action(Context::Rating, press(KeyCode::Char('7'))),
            Some(Action::Digit(7))
        );
    }

    #[test]
    fn ctrl_c_ends_at_once_and_plain_c_does_nothing() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(Context::Player, ctrl_c), Some(Action::EndNow));
        assert_eq!(action(Context::Player, press(KeyCode::Char('c'))), None);
    }

    #[test]
    fn any_other_key_answers_no_to_the_end_question() {
        assert_eq!(
            action(Context::ConfirmEnd, press(KeyCode::Char('y'))),
            Some(Action::Yes)
        );
        assert_eq!(
            action(Context::ConfirmEnd, press(KeyCode::Char('x'))),
            Some(Action::No)
        );
        assert_eq!(
            action(Context::ConfirmEnd, press(KeyCode::Esc)),
            Some(Action::No)
        );
    }

    #[test]
    fn the_note_takes_typed_text_including_q() {
        assert_eq!(
            action(Context::Note, press(KeyCode::Char('q'))),
            Some(Action::Type('q'))
        );
    }

    #[test]
    fn help_lists_every_binding() {
        assert_eq!(help(Context::Player).len(), PLAYER.len());
        assert!(help(Context::Player).iter().any(|(k, _)| *k == "Space"));
    }
}
