//! Unit tests of the progress logic, with literal dates and times.

mod consistency;
mod days;
mod easier;
pub(crate) mod fixtures;
mod hints;
mod ledger;
mod progress;
mod streak;
mod trends;
