//! Which key does what on each screen. One table per screen (in `tables`) serves the
//! dispatch, the help overlay and the footers, so neither can disagree with the keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::session::Side;

/// What a key asks for; the app decides what it means in its current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    StartFull,
    /// Scroll the details pane by lines.
    Scroll(i16),
    StartShort,
    /// Start a learning run: twice the get-ready, every detail shown.
    StartLearn,
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
    /// The usual version of a step played in its easier version.
    Usual,
    Progress,
    Rest,
    /// Take back the record just made (Home, after asking).
    Undo,
    Less,
    More,
    /// A digit typed on a 0-10 scale.
    Digit(u8),
    Confirm,
    SkipQuestion,
    Type(char),
    Backspace,
    /// Open "Before you start" (from the help).
    ShowSafety,
    /// After `!`: carry on with the step, more gently.
    Gently,
    /// After `!`: end the session.
    EndSession,
    /// After `!`: which side hurts.
    PickSide(Side),
    /// After `!` while getting ready: it is about the coming step.
    AboutStep,
    /// Desk mode: play the transition routine instead of the reset.
    Transition,
    /// Desk mode: ask again in ten minutes.
    Snooze,
    /// Desk mode: skip this reset.
    SkipReset,
}

/// The screens and overlays that read keys differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Home,
    Player,
    ConfirmEnd,
    /// "Record today as a rest day? (y/n)" over Home.
    ConfirmRest,
    /// "Take back …? (y/n)" over Home.
    ConfirmUndo,
    Summary,
    Rating,
    Note,
    Progress,
    Desk,
    Help,
    /// "Before you start", over any screen.
    Safety,
    /// The "this hurts" dialog over the player.
    Hurt,
    /// The calm note before a session when the back is much stiffer than usual.
    Calm,
}

mod dialogs;
mod tables;

use tables::Key::{self, Char, Code, Ctrl, Digit};
use tables::table;

/// The action a key press asks for on a screen, if any.
#[must_use]
pub fn action(context: Context, key: KeyEvent) -> Option<Action> {
    let found = table(context)
        .iter()
        .find_map(|b| b.keys.iter().find_map(|k| hit(*k, key, b.action)));
    match (found, context, key.code) {
        (Some(a), ..) => Some(a),
        (None, Context::ConfirmEnd | Context::ConfirmRest | Context::ConfirmUndo, _) => {
            Some(Action::No)
        }
        (None, Context::Note, KeyCode::Char(c))
            if !key.modifiers.contains(KeyModifiers::CONTROL) =>
        {
            Some(Action::Type(c))
        }
        _ => None,
    }
}

/// `action` when `key` is the table's `pattern`, a digit key carrying its value.
fn hit(pattern: Key, key: KeyEvent, action: Action) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let hit = match (pattern, key.code) {
        (Ctrl(c), KeyCode::Char(k)) => ctrl && k.eq_ignore_ascii_case(&c),
        (Char(c), KeyCode::Char(k)) => !ctrl && k == c,
        (Code(code), k) => !ctrl && k == code,
        (Digit, KeyCode::Char(k)) if !ctrl => {
            let digit = k.to_digit(10).and_then(|d| u8::try_from(d).ok())?;
            return match action {
                Action::Minutes(_) => Some(Action::Minutes(digit)),
                Action::Digit(_) => Some(Action::Digit(digit)),
                other => Some(other),
            };
        }
        _ => false,
    };
    hit.then_some(action)
}

/// A screen's footer, generated from the same table: each key that has a place there as
/// "key word" (the key by its first name), joined by " · ". `instead` may replace an
/// action's entry (given the key's name) with one that depends on the state, such as the
/// time filter on Home, or leave it out with an empty one (`u undo` when there is nothing
/// to take back).
#[must_use]
pub fn footer(context: Context, instead: impl Fn(Action, &str) -> Option<String>) -> String {
    table(context)
        .iter()
        .filter_map(|b| {
            let word = b.footer?;
            let key = b.help.0.split('/').next().unwrap_or(b.help.0);
            Some(instead(b.action, key).unwrap_or_else(|| format!("{key} {word}")))
        })
        .filter(|entry| !entry.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A footer no wider than `columns`: while it does not fit, the longest entry between the
/// first and the last two is left out, then the first (`? help` lists them all, and quitting
/// stays in sight); what still does not fit is cut with an ellipsis.
#[must_use]
pub fn fit_footer(footer: &str, columns: usize) -> String {
    let mut entries: Vec<&str> = footer.split(" · ").collect();
    while crate::text::width(&entries.join(" · ")) > columns && entries.len() > 2 {
        let middle = 1..entries.len() - 2;
        let longest = middle
            .max_by_key(|&i| crate::text::width(entries[i]))
            .unwrap_or(0);
        entries.remove(longest);
    }
    crate::text::fit(&entries.join(" · "), columns)
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
    fn footers_come_from_the_table() {
        assert_eq!(
            footer(Context::Player, |_, _| None),
            "Space pause · n skip · ! hurts · ? help · q end"
        );
        let home = footer(Context::Home, |a, _| match a {
            Action::Minutes(_) => Some("0 all".to_string()),
            Action::Undo => Some(String::new()),
            _ => None,
        });
        assert_eq!(
            home,
            "Enter start · s short · 0 all · g progress · ? help · q quit"
        );
        assert!(footer(Context::Home, |_, _| None).contains("s short · u undo · "));
    }

    #[test]
    fn a_footer_too_wide_leaves_out_its_longest_middle_keys_first_and_keeps_help_and_quit() {
        let keys =
            "Enter start · s short · u undo · 1-9 I have N min · g progress · ? help · q quit";
        assert_eq!(fit_footer(keys, 80), keys);
        assert_eq!(
            fit_footer(keys, 70),
            "Enter start · s short · u undo · g progress · ? help · q quit"
        );
        assert_eq!(fit_footer(keys, 30), "Enter start · ? help · q quit");
        assert_eq!(fit_footer(keys, 20), "? help · q quit");
        assert_eq!(fit_footer(keys, 10), "? help · …");
    }

    #[test]
    fn help_lists_every_binding() {
        assert_eq!(help(Context::Player).len(), tables::PLAYER.len());
        assert!(help(Context::Player).iter().any(|(k, _)| *k == "Space"));
    }
}
