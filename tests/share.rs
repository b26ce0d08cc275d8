//! Writing and sharing routines: `poised new`, `poised add`, `poised show --toml`, and how
//! `run` and `show` answer a name they cannot find.

mod common;

use common::{Home, fixture, stderr, stdout};

fn desk_stretch() -> String {
    std::fs::read_to_string(fixture("valid/desk-stretch.toml")).unwrap()
}

#[test]
fn new_writes_a_template_that_validates_and_refuses_to_overwrite() {
    let home = Home::new();
    let out = home.run(&["new", "mine"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let path = home.path().join("routines/mine.toml");
    let said = stdout(&out);
    assert!(
        said.contains(&format!("wrote {}", path.display())),
        "{said}"
    );
    assert!(
        said.contains(&format!("poised validate {}", path.display())),
        "{said}"
    );
    let checked = home.run(&["validate", path.to_str().unwrap()]);
    assert_eq!(checked.status.code(), Some(0), "{}", stderr(&checked));
    assert!(
        stdout(&home.run(&["list"]))
            .lines()
            .any(|l| l.starts_with("mine "))
    );

    std::fs::write(&path, "kept").unwrap();
    let again = home.run(&["new", "mine"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already exists, and poised does not overwrite it"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept");
}

#[test]
fn new_from_copies_a_built_in_or_your_own_routine() {
    let home = Home::new();
    let out = home.run(&["new", "my-morning", "--from", "morning"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let copy = std::fs::read_to_string(home.path().join("routines/my-morning.toml")).unwrap();
    assert_eq!(copy, stdout(&home.run(&["show", "morning", "--toml"])));
    home.add_routine("desk.toml", &desk_stretch());
    assert_eq!(
        home.run(&["new", "desk2", "--from", "desk"]).status.code(),
        Some(0)
    );
    let listed = stdout(&home.run(&["list"]));
    assert!(listed.lines().any(|l| l.starts_with("desk2 ")), "{listed}");
}

#[test]
fn new_refuses_a_bad_name_and_an_unknown_source() {
    let home = Home::new();
    let out = home.run(&["new", "My Routine"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("use lowercase letters, digits and `-`"));
    let out = home.run(&["new", "x", "--from", "mornin"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did you mean `morning`?"),
        "{}",
        stderr(&out)
    );
    assert!(!home.path().join("routines/x.toml").exists());
}

#[test]
fn new_edit_opens_the_editor_on_the_file() {
    let home = Home::new();
    let marker = home.path().join("edited");
    let editor = format!("touch {}", marker.display());
    // `touch MARKER PATH` stands in for an editor: it is run with the new file's path.
    let out = home.run_with_env(&["new", "mine", "--edit"], &[("VISUAL", &editor)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(marker.exists());
}

#[test]
fn show_toml_prints_any_routines_file() {
    let home = Home::new();
    let out = home.run(&["show", "reset", "--toml"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("title = \"Between meetings\""));
    home.add_routine("desk.toml", &desk_stretch());
    assert_eq!(
        stdout(&home.run(&["show", "desk", "--toml"])),
        desk_stretch()
    );
}

#[test]
fn add_copies_a_valid_file_and_says_where_and_how_long() {
    let home = Home::new();
    let file = fixture("valid/desk-stretch.toml");
    let out = home.run(&["add", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let target = home.path().join("routines/desk-stretch.toml");
    assert_eq!(
        stdout(&out),
        format!(
            "added `desk-stretch` (1:13, short 0:23) as {}\n",
            target.display()
        )
    );
    assert_eq!(std::fs::read_to_string(target).unwrap(), desk_stretch());
}

#[test]
fn add_reports_every_problem_and_copies_nothing() {
    let home = Home::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("two.toml");
    let text = desk_stretch()
        .replace("seconds = 20", "seconds = 0")
        .replace("reps = 5", "reps = 2.5");
    std::fs::write(&file, text).unwrap();
    let out = home.run(&["add", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}:11:8: reps must be a whole number",
            file.display()
        )),
        "{err}"
    );
    let out = home.run(&[
        "add",
        fixture("invalid/zero-seconds.toml").to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert!(
        err.contains("zero-seconds.toml:8:11: seconds is 0 here"),
        "{err}"
    );
    assert!(err.contains("nothing was added"), "{err}");
    assert!(!home.path().join("routines").exists());
}

#[test]
fn add_refuses_a_name_clash_unless_forced() {
    let home = Home::new();
    let mine = home.add_routine("desk-stretch.toml", "title = \"old\"");
    let file = fixture("valid/desk-stretch.toml");
    let out = home.run(&["add", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("you already have a routine `desk-stretch`"),
        "{err}"
    );
    assert!(err.contains("add --force to replace it"), "{err}");
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "title = \"old\"");
    let out = home.run(&["add", "--force", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), desk_stretch());
}

#[test]
fn add_refuses_a_built_in_name_unless_forced() {
    let home = Home::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("morning.toml");
    std::fs::write(&file, desk_stretch()).unwrap();
    let out = home.run(&["add", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("`morning` is the name of a built-in routine"));
    assert_eq!(
        home.run(&["add", "--force", file.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    assert!(stdout(&home.run(&["list"])).contains("Desk stretch"));
}

#[test]
fn add_reads_a_routine_pasted_on_standard_input() {
    let home = Home::new();
    let text = desk_stretch().replace("Desk stretch", "From my physio");
    let out = home.run_with_input(&["add", "-"], &text);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let target = home.path().join("routines/from-my-physio.toml");
    assert!(stdout(&out).contains(&format!("as {}", target.display())));
    assert_eq!(std::fs::read_to_string(target).unwrap(), text);

    let out = home.run_with_input(&["add", "-"], "[step]\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("<stdin>:1:1: use [[step]] (two brackets)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn run_and_show_suggest_a_near_name() {
    let home = Home::new();
    for args in [&["run", "Morning"][..], &["show", "mornin"][..]] {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("did you mean `morning`?"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn a_routine_whose_file_does_not_load_is_named_with_its_first_problem() {
    let home = Home::new();
    let path = home.add_routine(
        "typo.toml",
        &std::fs::read_to_string(fixture("invalid/zero-seconds.toml")).unwrap(),
    );
    for args in [&["run", "typo"][..], &["show", "typo"][..]] {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains("the routine `typo` does not load"), "{err}");
        assert!(
            err.contains(&format!("{}:8:11: seconds is 0 here", path.display())),
            "{err}"
        );
        assert!(!err.contains("there is no routine"), "{err}");
    }
}
