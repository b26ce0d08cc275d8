//! Several machines, one history: two homes share a journal folder that a sync tool copies
//! between them, whole, in part and as conflict copies. After every step each side reads
//! every record written exactly once (or, while a file is still arriving, only whole records
//! and never one twice).

mod journal_support;

use std::collections::BTreeSet;
use std::path::Path;

use journal_support::machines::{Delivery, Machine, sync};
use journal_support::{at, numbered_session, poised};
use poised::journal::folder::FileKind;
use poised::journal::{CheckinRecord, Journal, Record, record_toml};

fn checkin(minute: u32, stiffness: u8) -> Record {
    Record::Checkin(CheckinRecord {
        at: at(&format!("2026-11-30T07:{minute:02}:00+01:00")),
        stiffness,
        note: None,
    })
}

fn as_set(written: &[Record]) -> BTreeSet<String> {
    written.iter().map(record_toml).collect()
}

/// Every record read is one that was written, and none is read twice.
fn assert_no_duplicate_or_invention(read: &[String], written: &[Record]) {
    let set: BTreeSet<&String> = read.iter().collect();
    assert_eq!(set.len(), read.len(), "a record was read twice: {read:#?}");
    let written = as_set(written);
    for record in read {
        assert!(
            written.contains(record),
            "read a record never written: {record}"
        );
    }
}

fn assert_reads_exactly(machine: &Machine, written: &[Record]) {
    let read = machine.read();
    assert_no_duplicate_or_invention(&read, written);
    assert_eq!(
        read.iter().cloned().collect::<BTreeSet<_>>(),
        as_set(written)
    );
}

#[test]
fn interleaved_appends_on_two_machines_read_the_same_after_each_sync() {
    let laptop = Machine::new("laptop-1a2b");
    let desk = Machine::new("desk-9f00");
    let mut written = Vec::new();
    for round in 0..12u32 {
        let on_laptop = checkin(round, u8::try_from(round % 11).unwrap());
        let on_desk = numbered_session(u64::from(round) + 100);
        laptop.append(&on_laptop);
        desk.append(&on_desk);
        written.extend([on_laptop, on_desk]);

        // Half of the laptop's file arrives first: only whole records count, none twice.
        let half = std::fs::metadata(laptop.own_file()).unwrap().len() as usize / 2;
        sync(&laptop, &desk, Delivery::Part(half));
        assert_no_duplicate_or_invention(&desk.read(), &written);

        sync(&laptop, &desk, Delivery::Whole);
        sync(&desk, &laptop, Delivery::Whole);
        assert_reads_exactly(&laptop, &written);
        assert_reads_exactly(&desk, &written);
    }
}

#[test]
fn a_file_cut_at_every_byte_never_shows_a_partial_record_or_a_double() {
    let laptop = Machine::new("laptop-1a2b");
    let desk = Machine::new("desk-9f00");
    let written: Vec<Record> = (0..3).map(|m| checkin(m, 5)).collect();
    for record in &written {
        laptop.append(record);
    }
    let len = std::fs::metadata(laptop.own_file()).unwrap().len() as usize;
    for cut in 0..=len {
        sync(&laptop, &desk, Delivery::Part(cut));
        assert_no_duplicate_or_invention(&desk.read(), &written);
    }
    assert_reads_exactly(&desk, &written);
}

#[test]
fn conflict_copies_of_every_sync_tool_add_nothing_twice_and_lose_nothing() {
    let laptop = Machine::new("laptop-1a2b");
    let desk = Machine::new("desk-9f00");
    let mut written = vec![checkin(0, 3), checkin(1, 4)];
    for record in &written {
        laptop.append(record);
    }
    sync(&laptop, &desk, Delivery::Whole);
    let older = std::fs::read(desk.synced.join("journal-laptop-1a2b.toml")).unwrap();
    // The laptop goes on; the desk's older copy meets the newer one as conflict copies.
    let later = checkin(2, 6);
    laptop.append(&later);
    written.push(later);
    sync(&laptop, &desk, Delivery::Whole);
    for name in [
        "journal-laptop-1a2b.sync-conflict-20261130-071500-ABCDEFG.toml",
        "journal-laptop-1a2b (Sam's conflicted copy 2026-11-30).toml",
        "journal-laptop-1a2b (conflicted copy 2026-11-30 071500).toml",
        "journal-laptop-1a2b.toml.orig",
    ] {
        std::fs::write(desk.synced.join(name), &older).unwrap();
    }
    let kinds: Vec<FileKind> = desk
        .paths
        .journal_files()
        .unwrap()
        .iter()
        .map(|f| f.kind)
        .collect();
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == FileKind::ConflictCopy)
            .count(),
        4
    );
    assert_reads_exactly(&desk, &written);

    // A record only a conflict copy holds (the newer side lost the race) still counts.
    let lost = checkin(30, 9);
    let mut copy = older.clone();
    copy.extend_from_slice(format!("\n{}", record_toml(&lost)).as_bytes());
    std::fs::write(
        desk.synced
            .join("journal-laptop-1a2b.sync-conflict-20261130-073000-XYZ.toml"),
        copy,
    )
    .unwrap();
    written.push(lost);
    assert_reads_exactly(&desk, &written);
}

#[test]
fn one_record_in_two_files_counts_once() {
    let laptop = Machine::new("laptop-1a2b");
    let record = checkin(5, 5);
    laptop.append(&record);
    std::fs::copy(
        laptop.own_file(),
        laptop.synced.join("journal-old-0000.toml"),
    )
    .unwrap();
    assert_eq!(laptop.read(), vec![record_toml(&record)]);
}

#[test]
fn nothing_is_written_to_another_machines_file() {
    let laptop = Machine::new("laptop-1a2b");
    let desk = Machine::new("desk-9f00");
    desk.append(&checkin(0, 2));
    sync(&desk, &laptop, Delivery::Whole);
    let theirs = laptop.synced.join("journal-desk-9f00.toml");
    let before = std::fs::read(&theirs).unwrap();
    laptop.append(&checkin(1, 3));
    assert_eq!(std::fs::read(&theirs).unwrap(), before);
    assert!(laptop.own_file().exists());
}

#[test]
fn journal_move_copies_the_journal_in_and_the_old_file_beside_it_counts_once() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("Sync/poised");
    let written = vec![checkin(0, 4), numbered_session(7)];
    for record in &written {
        Journal::new(home.path().join("journal.toml"))
            .append(record)
            .unwrap();
    }
    let moved = poised(home.path(), &["journal", "move", folder.to_str().unwrap()]);
    assert!(
        moved.status.success(),
        "{}",
        String::from_utf8_lossy(&moved.stderr)
    );
    let said = String::from_utf8_lossy(&moved.stdout);
    assert!(said.contains("copied 2 records"), "{said}");
    assert!(said.contains("journal_dir = "), "{said}");
    assert!(
        home.path().join("journal.toml").exists(),
        "the original stays"
    );

    // A second move refuses: this machine's file is already there.
    let again = poised(home.path(), &["journal", "move", folder.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    // The old journal copied into the folder too (as a person might) counts once.
    std::fs::copy(
        home.path().join("journal.toml"),
        folder.join("journal.toml"),
    )
    .unwrap();
    std::fs::write(
        home.path().join("config.toml"),
        "journal_dir = \"Sync/poised\"\n",
    )
    .unwrap();
    let exported = poised(home.path(), &["export", "--format", "toml"]);
    let text = String::from_utf8_lossy(&exported.stdout);
    assert_eq!(text.matches("[[session]]").count(), 1, "{text}");
    let paths = poised(home.path(), &["paths"]);
    let listed = String::from_utf8_lossy(&paths.stdout);
    assert!(listed.contains("journal folder: "), "{listed}");
    assert!(
        listed.contains("reads: ") && listed.contains("journal.toml"),
        "{listed}"
    );
}

#[test]
fn the_journal_folder_comes_from_the_environment_before_the_config() {
    let home = tempfile::tempdir().unwrap();
    let env_dir = home.path().join("from-env");
    std::fs::write(
        home.path().join("config.toml"),
        "journal_dir = \"from-config\"\n",
    )
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_poised"))
        .args(["checkin", "3"])
        .env("POISED_HOME", home.path())
        .env("POISED_JOURNAL_DIR", &env_dir)
        .output()
        .unwrap();
    assert!(output.status.success());
    let names: Vec<String> = std::fs::read_dir(&env_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1);
    assert!(
        names[0].starts_with("journal-")
            && std::path::Path::new(&names[0])
                .extension()
                .is_some_and(|e| e == "toml"),
        "{names:?}"
    );
    assert!(!home.path().join("from-config").exists());
    // The machine's name stays local, outside the synced folder.
    assert!(home.path().join("device").exists());
}

#[test]
fn streak_with_several_machines_counts_each_day_once_through_the_caches() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("Sync/poised");
    std::fs::write(
        home.path().join("config.toml"),
        "journal_dir = \"Sync/poised\"\n",
    )
    .unwrap();
    // Three days of sessions spread over two machines' files, written as a sync tool
    // would leave them.
    for (device, days) in [("laptop-1a2b", [27, 28]), ("desk-9f00", [29, 28])] {
        let journal = Journal::new(folder.join(format!("journal-{device}.toml")));
        for day in days {
            let Record::Session(mut session) = numbered_session(300) else {
                unreachable!()
            };
            session.completed = true;
            session.started = at(&format!("2026-11-{day}T07:00:00+01:00"));
            session.ended = at(&format!("2026-11-{day}T07:05:00+01:00"));
            journal.append(&Record::Session(session)).unwrap();
        }
    }
    let streak = |home: &Path| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_poised"))
            .arg("streak")
            .env("POISED_HOME", home)
            .env("POISED_NOW", "2026-11-29T20:00:00+01:00")
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let cold = streak(home.path());
    assert!(cold.starts_with("streak 3 days"), "{cold}");
    assert!(home.path().join("caches").read_dir().unwrap().count() >= 2);
    assert_eq!(
        streak(home.path()),
        cold,
        "the caches give the same figures"
    );
    // A conflict copy beside them repeats records: still three days, each counted once.
    let laptop = folder.join("journal-laptop-1a2b.toml");
    std::fs::copy(&laptop, folder.join("journal-laptop-1a2b.toml.orig")).unwrap();
    assert_eq!(streak(home.path()), cold);
}

#[test]
fn two_sessions_alike_in_every_field_on_two_machines_both_count_by_their_ids() {
    let laptop = Machine::new("laptop-1a2b");
    let desk = Machine::new("desk-9f00");
    // The same session, field for field, done on each machine at the same minute.
    let alike = numbered_session(42);
    laptop.append(&alike);
    desk.append(&alike);
    sync(&laptop, &desk, Delivery::Whole);
    assert_eq!(desk.read().len(), 2, "two sessions, each with its own id");
    // A copy of the laptop's file under another name repeats the same ids: still two.
    std::fs::copy(
        desk.synced.join("journal-laptop-1a2b.toml"),
        desk.synced.join("journal-laptop-1a2b.toml.orig"),
    )
    .unwrap();
    assert_eq!(desk.read().len(), 2);
}

#[test]
fn records_from_before_ids_match_by_their_content() {
    let laptop = Machine::new("laptop-1a2b");
    let old = checkin(5, 5);
    // Format 1, as poised wrote it before records had ids: the same file twice (the old
    // journal.toml and its copy in the folder) counts once.
    let text = format!("format = 1\n\n{}", record_toml(&old));
    std::fs::create_dir_all(&laptop.synced).unwrap();
    std::fs::write(laptop.synced.join("journal.toml"), &text).unwrap();
    std::fs::write(laptop.synced.join("journal-old-0000.toml"), &text).unwrap();
    assert_eq!(laptop.read(), vec![record_toml(&old)]);
}

#[test]
fn undo_takes_back_another_machines_record_through_this_machines_own_file() {
    const NOW: &str = "2026-11-29T20:00:00+01:00";
    let laptop = Machine::new("laptop-1a2b");
    let desk = Machine::new("desk-9f00");
    for day in [28, 29] {
        let Record::Session(mut session) = numbered_session(300) else {
            unreachable!()
        };
        session.completed = true;
        session.started = at(&format!("2026-11-{day}T07:00:00+01:00"));
        session.ended = at(&format!("2026-11-{day}T07:05:00+01:00"));
        laptop.append(&Record::Session(session));
    }
    sync(&laptop, &desk, Delivery::Whole);
    let text = |output: std::process::Output| String::from_utf8(output.stdout).unwrap();
    let streak = |machine: &Machine| text(machine.run(NOW, &["streak"]));
    // Both caches are warm before the undo.
    assert!(streak(&laptop).starts_with("streak 2 days"));
    assert!(streak(&desk).starts_with("streak 2 days"));
    let laptop_file = desk.synced.join("journal-laptop-1a2b.toml");
    let before = std::fs::read(&laptop_file).unwrap();
    let undone = desk.run(NOW, &["undo", "--at", "2026-11-29 07:00", "--yes"]);
    assert!(undone.status.success(), "{undone:?}");
    assert!(text(undone).starts_with("took back  2026-11-29 07:00  evening (short)"));
    assert_eq!(
        std::fs::read(&laptop_file).unwrap(),
        before,
        "never written to"
    );
    assert!(
        std::fs::read_to_string(desk.own_file())
            .unwrap()
            .contains("[[void]]")
    );
    assert!(
        streak(&desk).starts_with("streak 1 day "),
        "{}",
        streak(&desk)
    );
    // Until the desk's file arrives the laptop still counts it; then it does not.
    assert!(streak(&laptop).starts_with("streak 2 days"));
    sync(&desk, &laptop, Delivery::Whole);
    assert!(streak(&laptop).starts_with("streak 1 day "));
    assert_eq!(laptop.read().len(), 1, "the union read leaves it out");
    let log = text(laptop.run(NOW, &["log"]));
    assert_eq!(log.lines().count(), 1, "{log}");
    let all = text(laptop.run(NOW, &["log", "--all"]));
    assert!(
        all.starts_with("2026-11-29 07:00  evening (short)  done"),
        "{all}"
    );
    assert!(
        all.lines().next().unwrap().ends_with("[taken back]"),
        "{all}"
    );
    let csv = text(laptop.run(NOW, &["export"]));
    assert_eq!(csv.lines().count(), 2, "the header and one session: {csv}");
}
