//! Writing a file so that it is either whole or not there: the course log,
//! the MUS documents, the access export and every other file she saves.

use crate::error::Result;
use std::path::Path;

/// Writes `bytes` to a hidden temporary file beside `path`, flushes it to
/// disk and renames it over `path`. On any failure the temporary file is
/// removed, so `path` holds either the old file or the whole new one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tillid-partial"));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    written
        .and_then(|()| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })?;
    Ok(())
}
