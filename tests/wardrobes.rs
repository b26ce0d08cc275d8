//! The built-in wardrobes keep the promises the product makes about them.

use std::path::Path;
use std::time::Duration;

use poised::routine::load::{BUILTIN, Library, builtin_path, parse_text};
use poised::routine::{Routine, Variant};

fn builtin(id: &str) -> Routine {
    Library::load(Path::new("/nonexistent"))
        .get(id)
        .cloned()
        .unwrap_or_else(|| panic!("{id} is built in"))
}

#[test]
fn every_shipped_routine_validates() {
    for (id, text) in BUILTIN {
        if let Err(problems) = parse_text(&builtin_path(id), id, text) {
            panic!("{id}: {problems:?}");
        }
    }
    assert_eq!(BUILTIN.len(), 5);
}

#[test]
fn morning_is_exactly_seven_minutes_with_a_short_version_of_about_three() {
    let morning = builtin("morning");
    assert_eq!(morning.total(Variant::Full), Duration::from_secs(420));
    let short = morning.total(Variant::Short).as_secs();
    assert!((150..=210).contains(&short), "short morning is {short} s");
    let movements = morning.steps.len();
    assert!((4..=7).contains(&movements), "{movements} steps");
    assert!(morning.steps.iter().any(|s| s.per_side));
}

#[test]
fn evening_is_exactly_five_minutes_and_breathes_slowly() {
    let evening = builtin("evening");
    assert_eq!(evening.total(Variant::Full), Duration::from_secs(300));
    let breath = evening.breathing;
    assert!(breath.exhale > breath.inhale, "a slow, long breath out");
    assert!(breath.cycle() >= Duration::from_secs(10));
}

#[test]
fn office_fits_three_to_five_minutes() {
    let office = builtin("office").total(Variant::Full).as_secs();
    assert!((180..=300).contains(&office), "office is {office} s");
}

#[test]
fn travel_fits_five_to_eight_minutes_with_a_short_version() {
    let travel = builtin("travel");
    let full = travel.total(Variant::Full).as_secs();
    assert!((300..=480).contains(&full), "travel is {full} s");
    assert!(travel.has_short());
}

#[test]
fn reset_lies_between_thirty_and_sixty_seconds() {
    let reset = builtin("reset").total(Variant::Full).as_secs();
    assert!((30..=60).contains(&reset), "reset is {reset} s");
}

#[test]
fn each_short_version_is_shorter_than_its_full_one() {
    for routine in Library::load(Path::new("/nonexistent")).routines {
        if routine.has_short() {
            assert!(
                routine.total(Variant::Short) < routine.total(Variant::Full),
                "{}",
                routine.id
            );
        }
    }
}
