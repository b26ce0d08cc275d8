//! Why a summary cache was set aside and built again, in plain words: the one line that
//! `--verbose` prints. Without it, a cache in doubt is rebuilt silently.

use std::fmt;

/// What made a cache not to be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doubt {
    Unreadable,
    OtherVersion,
    Checksum,
    Malformed,
    OtherDayStart,
    LaterDay,
    Implausible,
    OtherJournal,
    JournalChanged,
    RecordsUnreadable,
    EditedWhereItStops,
    OldRecordAdded,
}

impl fmt::Display for Doubt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Unreadable => "it could not be read",
            Self::OtherVersion => "another version of poised wrote it",
            Self::Checksum => "its contents do not match their checksum (changed or damaged)",
            Self::Malformed => "it does not read back as a summary",
            Self::OtherDayStart => "it was made with another day_starts_at",
            Self::LaterDay => "it was made for a later day than today",
            Self::Implausible => "it holds values that no journal gives",
            Self::OtherJournal => "the journal is not the file it summarised",
            Self::JournalChanged => "the journal changed in the part it summarised",
            Self::RecordsUnreadable => "its recent records do not read back",
            Self::EditedWhereItStops => "the journal was edited where the summary stops",
            Self::OldRecordAdded => "a record dated more than two years ago was added",
        })
    }
}

/// The one line about a cache set aside.
#[must_use]
pub fn notice(cache: &std::path::Path, doubt: Doubt) -> String {
    format!(
        "did not use the summary cache {} ({doubt}); it was built again from the journal",
        cache.display()
    )
}
