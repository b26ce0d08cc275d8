//! The key tables of the questions and dialogs that open over a screen: the end and
//! rest-day confirmations, the ratings, the note, "this hurts", the calm note and "Before you
//! start".

use crossterm::event::KeyCode;

use super::Action;
use super::tables::{Binding, CTRL_C, Char, Code, Digit, bind};
use crate::session::Side;

pub(super) const CONFIRM_END: &[Binding] = &[
    bind(&[Char('y'), Char('Y')], Action::Yes, "y", "end the session"),
    CTRL_C,
];

pub(super) const CONFIRM_REST: &[Binding] = &[
    bind(
        &[Char('y'), Char('Y')],
        Action::Yes,
        "y",
        "record today as a rest day",
    ),
    CTRL_C,
];

pub(super) const CONFIRM_UNDO: &[Binding] = &[
    bind(
        &[Char('y'), Char('Y')],
        Action::Yes,
        "y",
        "take the record back",
    ),
    CTRL_C,
];

pub(super) const RATING: &[Binding] = &[
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
        "set the rating (10: 1 then 0, or Right from 9)",
    )
    .shown("(10: 1 0)"),
    bind(&[Code(KeyCode::Enter)], Action::Confirm, "Enter", "confirm").shown("confirm"),
    bind(&[Char('s')], Action::SkipQuestion, "s", "skip the question").shown("skip"),
    bind(
        &[Code(KeyCode::Esc)],
        Action::Quit,
        "Esc",
        "back (before a session: do not start it)",
    ),
    bind(&[Char('?')], Action::Help, "?", "help"),
    CTRL_C,
];

pub(super) const NOTE: &[Binding] = &[
    bind(
        &[Code(KeyCode::Enter)],
        Action::Confirm,
        "Enter",
        "save the note (empty: skip)",
    )
    .shown("save"),
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
    )
    .shown("skip"),
    CTRL_C,
];

pub(super) const HURT: &[Binding] = &[
    bind(
        &[Char('g'), Code(KeyCode::Enter)],
        Action::Gently,
        "g/Enter",
        "carry on more gently",
    ),
    bind(&[Char('s')], Action::Skip, "s", "skip this step"),
    bind(&[Char('e')], Action::EndSession, "e", "end the session"),
    bind(
        &[Code(KeyCode::Left), Char('h')],
        Action::PickSide(Side::Left),
        "Left/h",
        "left side",
    ),
    bind(
        &[Code(KeyCode::Right), Char('l')],
        Action::PickSide(Side::Right),
        "Right/l",
        "right side",
    ),
    bind(
        &[Char('c')],
        Action::AboutStep,
        "c",
        "getting ready: it is about the coming step",
    ),
    bind(
        &[Code(KeyCode::Esc)],
        Action::Quit,
        "Esc",
        "never mind: nothing is marked",
    ),
    bind(&[Char('?')], Action::Help, "?", "help"),
    CTRL_C,
];

pub(super) const CALM: &[Binding] = &[
    bind(&[Char('s')], Action::StartShort, "s", "the short version"),
    bind(
        &[Char('r'), Char('R')],
        Action::Rest,
        "r",
        "a rest day today",
    ),
    bind(
        &[Code(KeyCode::Enter)],
        Action::Confirm,
        "Enter",
        "carry on as planned",
    ),
    bind(
        &[Code(KeyCode::Esc), Char('q')],
        Action::Quit,
        "Esc",
        "back, start nothing",
    ),
    bind(&[Char('?')], Action::Help, "?", "help"),
    CTRL_C,
];

pub(super) const SAFETY: &[Binding] = &[
    bind(
        &[Code(KeyCode::Enter), Code(KeyCode::Esc), Char('q')],
        Action::Quit,
        "Enter/Esc",
        "continue",
    ),
    bind(
        &[Code(KeyCode::Down), Char('j'), Code(KeyCode::PageDown)],
        Action::Scroll(3),
        "Down/j",
        "read on",
    ),
    bind(
        &[Code(KeyCode::Up), Char('k'), Code(KeyCode::PageUp)],
        Action::Scroll(-3),
        "Up/k",
        "back up",
    ),
    CTRL_C,
];
