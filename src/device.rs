//! This machine's name in a shared journal folder: its host name and a short random suffix,
//! made once and kept in poised's local state (never in the synced folder), so that two
//! machines with the same host name never append to the same file.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::io::{self, Write};
use std::path::Path;

/// The file in the local state folder that keeps the name.
pub const DEVICE_FILE: &str = "device";

/// The most characters taken from the host name.
const HOST_CHARS: usize = 24;

/// This machine's name, read from `state/device`, or made and kept there on first use.
pub fn device_name(state: &Path) -> io::Result<String> {
    let path = state.join(DEVICE_FILE);
    if let Some(name) = read_name(&path)? {
        return Ok(name);
    }
    std::fs::create_dir_all(state)?;
    let name = format!("{}-{}", host_part(&host_name()), random_suffix());
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(mut file) => {
            file.write_all(format!("{name}\n").as_bytes())?;
            file.sync_all()?;
            Ok(name)
        }
        // Another poised made it first: theirs is the name.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            read_name(&path)?.ok_or_else(|| invalid(&path))
        }
        Err(e) => Err(e),
    }
}

/// The kept name, when the file exists and holds one poised could have made.
fn read_name(path: &Path) -> io::Result<Option<String>> {
    let text = match std::fs::read_to_string(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        text => text?,
    };
    let name = text.trim();
    if is_device_name(name) {
        Ok(Some(name.to_string()))
    } else {
        Err(invalid(path))
    }
}

fn invalid(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "{} does not hold a machine name (letters, digits and dashes); delete it and poised makes a new one",
            path.display()
        ),
    )
}

/// Letters, digits and dashes only, so the name is safe in a file name on every system.
fn is_device_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn host_name() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

/// The host name lowercased, with anything but letters and digits turned into dashes.
fn host_part(host: &str) -> String {
    let short = host.split('.').next().unwrap_or_default();
    let mut part: String = short
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .take(HOST_CHARS)
        .collect();
    part = part.trim_matches('-').to_string();
    if part.is_empty() {
        "machine".to_string()
    } else {
        part
    }
}

/// Four hex digits from the randomly keyed hasher the standard library seeds from the system.
fn random_suffix() -> String {
    format!("{:04x}", RandomState::new().hash_one(0u8) & 0xffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_become_safe_file_name_parts() {
        assert_eq!(host_part("Sams-MacBook.local"), "sams-macbook");
        assert_eq!(host_part("desk_01"), "desk-01");
        assert_eq!(host_part("..."), "machine");
        assert_eq!(host_part(""), "machine");
    }

    #[test]
    fn the_name_is_made_once_and_kept() {
        let state = tempfile::tempdir().unwrap();
        let first = device_name(state.path()).unwrap();
        assert!(is_device_name(&first), "{first}");
        assert_eq!(device_name(state.path()).unwrap(), first);
    }

    #[test]
    fn a_damaged_name_file_is_an_error_that_says_what_to_do() {
        let state = tempfile::tempdir().unwrap();
        std::fs::write(state.path().join(DEVICE_FILE), "../../etc\n").unwrap();
        let error = device_name(state.path()).unwrap_err();
        assert!(error.to_string().contains("delete it"), "{error}");
    }
}
