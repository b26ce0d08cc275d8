//! The built-in wardrobes keep the promises the product makes about them.

use std::path::Path;
use std::time::Duration;

use poised::routine::load::{BUILTIN, Library, builtin_path, check_text};
use poised::routine::{Routine, Step, Variant, Work};

/// Words that set a limit of comfort; every moving cue carries one of them.
const COMFORT: &[&str] = &[
    "as far as",
    "as low as",
    "as high as",
    "less if",
    "stop before",
    "keep it small",
    "is easy",
    "stays easy",
    "feels easy",
    "is comfortable",
    "whenever you need",
];

/// The steps that do not move: breathing and settling.
const STILL: &[&str] = &[
    "Waking breaths",
    "Arrive",
    "4-7-8 breaths",
    "Settle in the chair",
    "Stand and breathe",
    "Arrive and breathe",
];

/// Back bends, twists and rounding of the low back: their cues say to stop when a leg
/// tingles or aches.
const LEG_STOP: &[&str] = &[
    "Pelvic tilts",
    "Open book",
    "Cat-camel",
    "Slow pelvic tilts",
    "Knee sways",
    "Supported child's pose",
    "Seated pelvic rocks",
    "Seated twist",
    "Standing pelvic tilts",
    "Standing back bend",
    "Standing rotation",
    "Lean back",
    "Look behind you",
];

/// The steps done lying down, which offer a cushion under the head.
const LYING: &[&str] = &[
    "Waking breaths",
    "Pelvic tilts",
    "Bridges",
    "Open book",
    "Clamshells",
    "Arrive",
    "Knee sways",
    "Bridge holds",
    "Toward a single-leg bridge",
];

fn library() -> Library {
    Library::load(Path::new("/nonexistent"))
}

fn builtin(id: &str) -> Routine {
    library()
        .get(id)
        .cloned()
        .unwrap_or_else(|| panic!("{id} is built in"))
}

/// Every step of every built-in routine, and its easier version, with the routine's id.
fn every_step() -> Vec<(String, Step)> {
    let mut all = Vec::new();
    for routine in library().routines {
        for step in &routine.steps {
            all.push((routine.id.clone(), step.clone()));
            if let Some(easier) = &step.easier {
                all.push((routine.id.clone(), (**easier).clone()));
            }
        }
    }
    all
}

fn names_in(routine: &Routine, variant: Variant) -> Vec<&str> {
    routine
        .steps_for(variant)
        .map(|s| s.name.as_str())
        .collect()
}

#[test]
fn every_shipped_routine_validates_without_a_warning() {
    for (id, text) in BUILTIN {
        match check_text(&builtin_path(id), id, text) {
            Ok(valid) => assert!(valid.warnings.is_empty(), "{id}: {:?}", valid.warnings),
            Err(problems) => panic!("{id}: {problems:?}"),
        }
    }
    assert_eq!(BUILTIN.len(), 6);
}

#[test]
fn morning_is_exactly_seven_minutes_with_four_to_six_movements() {
    let morning = builtin("morning");
    assert_eq!(morning.total(Variant::Full), Duration::from_secs(420));
    let short = morning.total(Variant::Short).as_secs();
    assert!((150..=210).contains(&short), "short morning is {short} s");
    let movements = morning
        .steps
        .iter()
        .filter(|s| !STILL.contains(&s.name.as_str()))
        .count();
    assert!((4..=6).contains(&movements), "{movements} movements");
    assert!(morning.steps.iter().any(|s| s.per_side));
}

#[test]
fn evening_is_exactly_five_minutes_with_a_short_version_of_about_three() {
    let evening = builtin("evening");
    assert_eq!(evening.total(Variant::Full), Duration::from_secs(300));
    let short = evening.total(Variant::Short).as_secs();
    assert!((165..=195).contains(&short), "short evening is {short} s");
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
fn travel_is_seven_minutes_at_most_with_a_short_version() {
    let travel = builtin("travel");
    let full = travel.total(Variant::Full).as_secs();
    assert!(
        full == 420 || (300..=400).contains(&full),
        "travel is {full} s"
    );
    assert!(travel.has_short());
}

#[test]
fn reset_lies_between_thirty_and_sixty_seconds() {
    let reset = builtin("reset").total(Variant::Full).as_secs();
    assert!((30..=60).contains(&reset), "reset is {reset} s");
}

#[test]
fn capacity_is_an_opt_in_phase_two_routine_of_six_to_eight_minutes() {
    let capacity = builtin("capacity");
    let total = capacity.total(Variant::Full).as_secs();
    assert!((360..=480).contains(&total), "capacity is {total} s");
    assert_eq!(capacity.wardrobe, "capacity");
    assert_eq!(capacity.phase.map(|p| p.number()), Some(2));
    let others = library()
        .routines
        .into_iter()
        .filter(|r| r.id != "capacity");
    assert!(others.into_iter().all(|r| r.wardrobe != "capacity"));
    let names = names_in(&capacity, Variant::Full);
    for movement in [
        "Bridge holds",
        "Toward a single-leg bridge",
        "Side plank on the knees",
        "Bird-dog holds",
        "Supported split squat",
    ] {
        assert!(names.contains(&movement), "{movement} missing: {names:?}");
    }
}

#[test]
fn each_short_version_keeps_the_movements_it_is_for() {
    let morning = builtin("morning");
    assert!(names_in(&morning, Variant::Short).contains(&"Open book"));
    let travel = builtin("travel");
    assert!(names_in(&travel, Variant::Short).contains(&"Supported split squat"));
    for routine in library().routines {
        if routine.has_short() {
            assert!(
                routine.total(Variant::Short) < routine.total(Variant::Full),
                "{}",
                routine.id
            );
        }
    }
}

#[test]
fn every_moving_cue_carries_a_limit_of_comfort() {
    for (id, step) in every_step() {
        if STILL.contains(&step.name.as_str()) {
            continue;
        }
        let cue = step.cue.to_lowercase();
        assert!(
            COMFORT.iter().any(|w| cue.contains(w)),
            "{id} / {}: no limit of comfort in {cue:?}",
            step.name
        );
    }
}

#[test]
fn back_bends_twists_and_rounding_stop_when_a_leg_complains() {
    for (id, step) in every_step() {
        if LEG_STOP.contains(&step.name.as_str()) && !step.eased {
            let cue = step.cue.to_lowercase();
            assert!(
                cue.contains("stop if") && cue.contains("leg"),
                "{id} / {}: {cue:?}",
                step.name
            );
        }
    }
}

#[test]
fn the_first_morning_movements_keep_the_rounding_small() {
    let morning = builtin("morning");
    for name in ["Pelvic tilts", "Cat-camel"] {
        let step = morning.steps.iter().find(|s| s.name == name).unwrap();
        assert!(
            step.cue.contains("small") && step.cue.contains("waking"),
            "{name}"
        );
    }
}

#[test]
fn lying_steps_offer_a_cushion_under_the_head() {
    for (id, step) in every_step() {
        if LYING.contains(&step.name.as_str()) && !step.eased {
            let words = format!("{} {}", step.cue, step.detail.clone().unwrap_or_default());
            assert!(words.contains("cushion"), "{id} / {}", step.name);
        }
    }
}

#[test]
fn every_counted_step_breathes_out_on_its_effort() {
    for (id, step) in every_step() {
        if matches!(step.work, Work::Reps { .. }) {
            let cue = step.cue.to_lowercase();
            assert!(
                cue.contains("breathing out"),
                "{id} / {}: {cue:?}",
                step.name
            );
        }
    }
}

#[test]
fn per_side_steps_name_each_side_in_their_own_words() {
    for (id, step) in every_step() {
        if step.per_side {
            let [left, right] = &step.sides;
            assert_ne!(left, right, "{id} / {}", step.name);
            assert!(
                left.contains("left") && right.contains("right"),
                "{id} / {}",
                step.name
            );
            let cue = step.cue.to_lowercase();
            assert!(
                cue.contains("named") || cue.contains("top"),
                "{id} / {}: the cue should say which side the screen names",
                step.name
            );
        }
    }
}

#[test]
fn the_steps_with_a_standard_easier_version_have_one() {
    let wanted = [
        ("morning", "Bird-dog"),
        ("morning", "Bridges"),
        ("morning", "Cat-camel"),
        ("evening", "Supported child's pose"),
        ("office", "Seated twist"),
        ("office", "Balance at the desk"),
        ("travel", "Supported split squat"),
        ("travel", "Single-leg balance"),
        ("capacity", "Bird-dog holds"),
    ];
    for (id, name) in wanted {
        let routine = builtin(id);
        let step = routine.steps.iter().find(|s| s.name == name).unwrap();
        let easier = step
            .easier
            .as_deref()
            .unwrap_or_else(|| panic!("{id} / {name}"));
        assert!(easier.eased);
        assert_ne!(easier.cue, step.cue, "{id} / {name}");
    }
}

#[test]
fn office_has_a_thoracic_extension_and_explicit_core_activation() {
    let names = builtin("office")
        .steps
        .iter()
        .map(|s| s.name.to_lowercase())
        .collect::<Vec<_>>();
    assert!(
        names.iter().any(|n| n.contains("thoracic extension")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.contains("core activation")),
        "{names:?}"
    );
    let morning = builtin("morning");
    assert!(morning.steps.iter().any(|s| s.name == "Clamshells"));
}

#[test]
fn every_routine_file_opens_with_the_principle_each_step_serves() {
    for (id, text) in BUILTIN {
        let header: String = text
            .lines()
            .take_while(|l| l.starts_with('#') || l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(header.contains("principle"), "{id}");
        for step in &builtin(id).steps {
            assert!(
                header.contains(&format!("- {}:", step.name)),
                "{id}: the header does not name {}",
                step.name
            );
        }
    }
}
