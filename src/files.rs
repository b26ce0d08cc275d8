//! Opening files poised reads (the journal, its cache, the config, routines): only regular
//! files, checked on the opened handle, so a FIFO, a device or a folder in their place is an
//! error that names it instead of a hang or an endless read, each with a size limit.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The largest journal poised reads: far beyond a hundred years of daily records.
pub const JOURNAL_MAX: u64 = 1 << 30;
/// The largest config file poised reads.
pub const CONFIG_MAX: u64 = 1 << 20;
/// The largest routine file poised reads.
pub const ROUTINE_MAX: u64 = 16 << 20;

/// Opens `path` for reading if it is a regular file. Opening does not wait for a writer
/// (a FIFO would block until one came); the check is made on the handle, not the path.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    regular(file)
}

/// The file, if it is a regular one: a folder, a FIFO or a device is an error that says so.
pub fn regular(file: File) -> io::Result<File> {
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        Ok(file)
    } else if kind.is_dir() {
        Err(io::ErrorKind::IsADirectory.into())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file but a device or a pipe",
        ))
    }
}

/// The whole file at `path` as text, if it is a regular file of at most `max` bytes.
pub fn read_text(path: &Path, max: u64) -> io::Result<String> {
    String::from_utf8(read_regular(path, max)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "it is not UTF-8 text"))
}

/// The whole file at `path` if it is a regular file of at most `max` bytes.
pub fn read_regular(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("it is larger than {max} bytes, more than poised reads"),
        ));
    }
    Ok(bytes)
}
