//! `poised undo [--at TIME] [--yes]`: takes a record back by appending a void for it to this
//! machine's journal file, after showing what it takes back and asking. The journal is never
//! rewritten; the record may be in another machine's file.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use super::journal::read_ledger;
use super::not_saved;
use super::out::{err, out, out_saved, say};
use crate::clock::Clock;
use crate::journal::undo::{Choice, When, choose, exact_time};
use crate::journal::{Journal, Ledger, VoidRecord, log_line};
use crate::paths::Paths;

/// `poised undo [--at TIME] [--yes]`.
#[derive(Debug, clap::Args)]
pub struct UndoArgs {
    /// Take back the record at this time, as `poised log` shows it (2026-11-21 07:02; 07:02
    /// for today; 2026-11-21 for that day's rest day, or its one record), not the newest.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Do not ask first (for scripts).
    #[arg(long)]
    pub yes: bool,
}

/// Takes back the newest record that counts, or the one at `--at`.
pub fn undo(paths: &Paths, clock: &Clock, args: &UndoArgs) -> ExitCode {
    let when = match args.at.as_deref() {
        Some(text) => match When::parse(text, clock.local().date_naive()) {
            Ok(when) => Some(when),
            Err(message) => return fail(&message),
        },
        None => None,
    };
    let ledger = match read_ledger(paths) {
        Ok(ledger) => ledger,
        Err(error) => return fail(&error.to_string()),
    };
    let index = match choose(&ledger, when) {
        Choice::Take(index) => index,
        other => return explain(&ledger, &other, args.at.as_deref()),
    };
    let line = log_line(&ledger.records[index]);
    if !args.yes {
        match confirmed(&line) {
            Ok(true) => {}
            Ok(false) => return out("kept it: nothing was taken back\n"),
            Err(message) => return fail(&message),
        }
    }
    let void = VoidRecord {
        at: clock.local(),
        record: ledger.keys[index].clone(),
    };
    match Journal::new(&paths.journal).append_void(&void) {
        Ok(_) => out_saved(&format!("took back  {line}\n"), "undo"),
        Err(error) => fail(&not_saved("undo", &error)),
    }
}

fn fail(message: &str) -> ExitCode {
    say(message);
    ExitCode::FAILURE
}

/// Says why nothing is taken back: there is nothing, it was already, it is an undo, or the
/// time names several records (a record to take needs no explaining).
fn explain(ledger: &Ledger, choice: &Choice, at: Option<&str>) -> ExitCode {
    let at = at.unwrap_or_default();
    match choice {
        Choice::Take(_) => ExitCode::SUCCESS,
        Choice::Nothing if at.is_empty() => fail("there is nothing to take back: no record counts"),
        Choice::Nothing => fail(&format!(
            "no record at {at}; `poised log --all` shows each record's time"
        )),
        Choice::Already(index) => out(&format!(
            "already taken back: {}\n",
            log_line(&ledger.records[*index])
        )),
        Choice::Void(void) => {
            let of = ledger
                .keys
                .iter()
                .position(|key| *key == void.record)
                .map(|i| format!(" (it took back {})", log_line(&ledger.records[i])));
            fail(&format!(
                "{at} is when an undo was made{}; an undo cannot be taken back",
                of.unwrap_or_default()
            ))
        }
        Choice::Several(indices) => {
            let lines: String = indices
                .iter()
                .map(|&i| {
                    let record = &ledger.records[i];
                    format!(
                        "\n  {}  (--at \"{}\")",
                        log_line(record),
                        exact_time(record)
                    )
                })
                .collect();
            fail(&format!(
                "several records at {at}:{lines}\nto choose one, give its time with seconds, \
                 as shown beside it"
            ))
        }
    }
}

/// Asks on the terminal whether to take back the record `line` describes: y or yes.
/// Without a terminal, says to use `--yes`.
fn confirmed(line: &str) -> Result<bool, String> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(format!(
            "undo asks before it takes a record back, and there is no terminal to ask on; \
             to take back `{line}`, add --yes"
        ));
    }
    err(&format!("take back  {line}\nTake it back? (y/N) "));
    let mut answer = String::new();
    stdin
        .lock()
        .read_line(&mut answer)
        .map_err(|e| format!("could not read the answer: {e}"))?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}
