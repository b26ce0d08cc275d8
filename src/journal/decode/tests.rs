//! The one decoder held to plain `toml`: every cut and thousands of edits of a record.

use chrono::DateTime;

use super::*;
use crate::journal::note::one_line;
use crate::journal::raw;

fn read(bytes: &[u8]) -> Result<Content, Damage> {
    super::read(&mut Reader::default(), bytes)
}
use crate::journal::record_toml;

/// The one decoder against a plain `toml` parse of the same chunk: whatever `toml` rejects
/// is damage; whatever the decoder accepts, `toml` reads with the same value for every key
/// the record writes back.
fn agrees_with_toml(chunk: &str) {
    raw::tests::walk_agrees_with_document(chunk);
    let ours = read(chunk.as_bytes());
    let plain = toml::from_str::<toml::Table>(chunk);
    let Ok(Content::Record(record, ..)) = ours else {
        assert!(plain.is_ok() || ours.is_err(), "toml rejects {chunk:?}");
        return;
    };
    let plain = plain.unwrap_or_else(|e| panic!("decoder accepted {chunk:?}: {e}"));
    let again = toml::from_str::<toml::Table>(&record_toml(&record)).unwrap();
    let name = again.keys().next().unwrap();
    let table = |t: &toml::Table| t[name].as_array().unwrap()[0].as_table().unwrap().clone();
    let (written, found) = (table(&again), table(&plain));
    for (key, value) in &written {
        assert!(
            same(key, value, &found[key]),
            "{chunk:?}: `{key}` {value} != {}",
            found[key]
        );
    }
}

fn same(key: &str, written: &Value, found: &Value) -> bool {
    match (written, found) {
        (Value::Datetime(a), Value::Datetime(b)) => {
            datetime(written) == datetime(found) && a.date == b.date
        }
        (Value::String(a), Value::String(b)) if key == "note" || key == "reason" => {
            *a == one_line(b)
        }
        _ => written == found,
    }
}

const CANONICAL: &str = "[[session]]\nroutine = \"morning\"\ntitle = \"A \\\"b\\\" \\u00e9\"\n\
    variant = \"full\"\nstarted = 2026-11-21T07:02:11.5+01:00\nended = 2026-11-21T07:09:13Z\n\
    active_seconds = 420\ncompleted = true\nsteps_done = 6\nsteps_total = 6\n\
    stiffness_before = 6\nstiffness_after = 3\nnote = \"hip\"\npainful_steps = [\"a\", \"b\"]\n# done\n";

/// A record as poised appends it today: an id, the plan's steps, marks and an integrity
/// line.
fn sealed_session() -> String {
    seal::seal(
        "[[session]]\nid = \"0123456789abcdef\"\nroutine = \"morning\"\ntitle = \"Morning\"\n\
         variant = \"full\"\nstarted = 2026-11-21T07:02:11+01:00\nended = 2026-11-21T07:09:13+01:00\n\
         active_seconds = 420\ncompleted = false\nsteps_done = 5\nsteps_total = 6\n\
         work_seconds = 300\nwork_seconds_planned = 330\nreached_end = false\n\
         skipped_steps = [\"Cat-cow\"]\n\
         marks = [{ step = \"Bird-dog\", side = \"left\", choice = \"gentler\" }]\n\
         routine_version = \"071fd13b\"\n\
         steps = [{ name = \"Bird-dog\", reps = 6, per_side = true, easier = true }, \
         { name = \"Cat-cow\", seconds = 30 }]\n",
    )
}

#[test]
fn the_canonical_chunks_read_as_toml_reads_them() {
    for chunk in [CANONICAL.to_string(), sealed_session()] {
        assert!(matches!(read(chunk.as_bytes()), Ok(Content::Record(..))));
        assert!(raw::tests::is_walked(&chunk), "{chunk}");
        agrees_with_toml(&chunk);
    }
}

/// A record poised appends (format 2) reads whole or not at all: no cut reads as a record,
/// so `stiffness = 1` of `stiffness = 10` can never count.
#[test]
fn no_cut_of_a_sealed_record_reads_as_a_record() {
    let checkin = Record::Checkin(CheckinRecord {
        at: DateTime::parse_from_rfc3339("2026-11-22T07:00:00+01:00").unwrap(),
        stiffness: 10,
        note: Some("stiff".into()),
    });
    let sealed = crate::journal::sealed_toml(&checkin, "0123456789abcdef");
    let whole = sealed.trim_end().len();
    for cut in 0..sealed.len() {
        let read = read(&sealed.as_bytes()[..cut]);
        if cut < whole {
            assert!(
                !matches!(read, Ok(Content::Record(..))),
                "cut at {cut}: {read:?}"
            );
        } else {
            assert_eq!(
                read,
                Ok(Content::Record(
                    Box::new(checkin.clone()),
                    Some("0123456789abcdef".into()),
                    date_of(&sealed)
                ))
            );
        }
    }
    let by_hand = record_toml(&checkin).replacen('\n', "\nby_hand = true\n", 1);
    assert_eq!(
        read(by_hand.as_bytes()),
        Ok(Content::Record(Box::new(checkin), None, date_of(&by_hand)))
    );
}

/// Where the check-in's date starts: what a warning about the date names.
fn date_of(chunk: &str) -> usize {
    chunk.find("at = ").unwrap() + "at = ".len()
}

#[test]
fn every_cut_of_a_chunk_agrees_with_toml() {
    for chunk in [CANONICAL.to_string(), sealed_session()] {
        for cut in 0..=chunk.len() {
            if chunk.is_char_boundary(cut) {
                agrees_with_toml(&chunk[..cut]);
            }
        }
    }
}

/// Four thousand small edits of the canonical chunk (one character replaced, inserted or
/// removed) decode as plain `toml` reads them.
#[test]
fn small_edits_agree_with_toml() {
    let alphabet: Vec<char> = "\"\\ \t\n\r#=[],.-+:_TZz0129aefntuxU'{}é\u{7}\u{7f}"
        .chars()
        .collect();
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % bound as u64).unwrap()
    };
    for (round, base) in [CANONICAL.to_string(), sealed_session()].iter().enumerate() {
        let base: Vec<char> = base.chars().collect();
        edit_each(&base, 4_000 - round * 2_000, &alphabet, &mut next);
    }
}

fn edit_each(
    base: &[char],
    times: usize,
    alphabet: &[char],
    next: &mut impl FnMut(usize) -> usize,
) {
    for _ in 0..times {
        let mut chars = base.to_vec();
        let at = next(chars.len());
        match next(3) {
            0 => chars[at] = alphabet[next(alphabet.len())],
            1 => chars.insert(at, alphabet[next(alphabet.len())]),
            _ => drop(chars.remove(at)),
        }
        agrees_with_toml(&chars.into_iter().collect::<String>());
    }
}
