use std::ffi::OsString;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::*;

fn script(dir: &Path, name: &str, body: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.to_string_lossy().into_owned()
}

/// Collects until nothing is left, as the loop does when children exit.
fn reap_all(speaker: &mut Speaker) -> Option<String> {
    for _ in 0..500 {
        if let Some(why) = speaker.reap() {
            return Some(why);
        }
        if speaker.running() == 0 {
            return None;
        }
        std::thread::yield_now();
        std::thread::park_timeout(std::time::Duration::from_millis(2));
    }
    panic!("speech processes never exited");
}

#[test]
fn a_new_utterance_ends_the_one_before_and_all_are_collected() {
    let dir = tempfile::tempdir().unwrap();
    let slow = script(dir.path(), "slow", "exec sleep 30");
    let mut speaker = Speaker::new(Some(vec![slow]));
    speaker.say("one").unwrap();
    speaker.say("two").unwrap();
    assert_eq!(speaker.running(), 2);
    speaker.hush();
    assert_eq!(reap_all(&mut speaker), None);
    assert_eq!(speaker.running(), 0);
    assert!(speaker.available());
}

#[test]
fn the_text_is_the_last_argument() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("said");
    let echo = script(
        dir.path(),
        "echo",
        &format!("echo \"$@\" > {}", out.display()),
    );
    let mut speaker = Speaker::new(Some(vec![echo, "-s".into(), "150".into()]));
    speaker.say("begin, out").unwrap();
    assert_eq!(reap_all(&mut speaker), None);
    assert_eq!(std::fs::read_to_string(out).unwrap(), "-s 150 begin, out\n");
}

#[test]
fn a_missing_program_turns_the_voice_off_with_one_line() {
    let mut speaker = Speaker::new(Some(vec!["/nonexistent/espeak-ng".into()]));
    let why = speaker.say("begin").unwrap_err();
    assert!(
        why.starts_with("Voice is off: cannot start `/nonexistent/espeak-ng`"),
        "{why}"
    );
    assert!(!why.contains('\n'));
    assert!(!speaker.available());
    assert_eq!(speaker.say("again"), Ok(()));
}

#[test]
fn a_failing_program_turns_the_voice_off_once_collected() {
    let dir = tempfile::tempdir().unwrap();
    let broken = script(dir.path(), "broken", "exit 3");
    let mut speaker = Speaker::new(Some(vec![broken]));
    speaker.say("begin").unwrap();
    let why = reap_all(&mut speaker).unwrap();
    assert!(why.contains("failed"), "{why}");
    assert!(!speaker.available());
}

#[test]
fn dropping_the_speaker_ends_what_it_says() {
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("pid");
    let slow = script(
        dir.path(),
        "slow",
        &format!("echo $$ > {}; exec sleep 30", pid_file.display()),
    );
    let mut speaker = Speaker::new(Some(vec![slow]));
    speaker.say("one").unwrap();
    while std::fs::read_to_string(&pid_file).map_or(true, |p| p.trim().is_empty()) {
        std::thread::yield_now();
    }
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    drop(speaker);
    assert!(!Path::new(&format!("/proc/{}", pid.trim())).exists());
}

#[test]
fn auto_takes_the_first_program_found_on_path() {
    let dir = tempfile::tempdir().unwrap();
    script(dir.path(), "espeak", "true");
    script(dir.path(), "say", "true");
    let path = OsString::from(format!("/nonexistent:{}", dir.path().display()));
    assert_eq!(
        VoiceSetting::Auto.command(Some(&path)),
        Some(vec!["espeak".to_string()])
    );
    assert_eq!(VoiceSetting::Auto.command(None), None);
    let own = VoiceSetting::Command(vec!["espeak-ng".into(), "-s".into(), "150".into()]);
    assert_eq!(own.command(Some(&path)).unwrap().len(), 3);
}

#[test]
fn the_setting_reads_off_auto_or_a_command_line() {
    #[derive(serde::Deserialize)]
    struct Holder {
        voice: VoiceSetting,
    }
    let read = |text: &str| toml::from_str::<Holder>(text).map(|h| h.voice);
    assert_eq!(read("voice = \"off\"").unwrap(), VoiceSetting::Off);
    assert_eq!(read("voice = \"auto\"").unwrap(), VoiceSetting::Auto);
    assert_eq!(
        read("voice = \"espeak-ng  -s 150\"").unwrap(),
        VoiceSetting::Command(vec!["espeak-ng".into(), "-s".into(), "150".into()])
    );
    assert!(read("voice = \" \"").is_err());
}
