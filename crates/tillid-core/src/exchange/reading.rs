//! What every reader of a file into the store shares: progress reporting,
//! errors that name the file and line, and streaming a JSON array one
//! element at a time. Both the importers and the JSON export's restore stand
//! on it; neither stands on the other.

use crate::error::{CoreError, Result};
use serde::de::{self, DeserializeOwned, DeserializeSeed, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;
use std::path::Path;
use ts_rs::TS;

/// The `format` value of a Tillid export.
pub const FORMAT: &str = "tillid-export";

/// Entries (or, for Tillid's JSON, top-level records) done out of total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportSummary {
    /// Records added (notes; for Tillid's JSON every record: entries, people,
    /// conversations, agreements, feedback, expectations, program weeks,
    /// templates and settings).
    pub added: u32,
    /// Records already in the store (same stable id), left as they were.
    pub skipped: u32,
    /// Files that are not daily notes (Markdown files not named
    /// `YYYY-MM-DD.md`), left alone.
    pub ignored: u32,
}

/// Reports progress at most about 200 times, and always at the start and end.
pub(crate) struct Progress<'a> {
    f: &'a mut dyn FnMut(ImportProgress),
    done: u32,
    total: u32,
    step: u32,
}

impl<'a> Progress<'a> {
    pub(crate) fn new(f: &'a mut dyn FnMut(ImportProgress), total: u32) -> Self {
        f(ImportProgress { done: 0, total });
        Progress {
            f,
            done: 0,
            total,
            step: (total / 200).max(1),
        }
    }

    pub(crate) fn tick(&mut self) {
        self.done = self.done.saturating_add(1);
        if self.done.is_multiple_of(self.step) || self.done >= self.total {
            (self.f)(ImportProgress {
                done: self.done.min(self.total),
                total: self.total,
            });
        }
    }
}

/// An error about a file being imported.
pub(crate) fn file_error(
    path: &Path,
    line: Option<usize>,
    column: Option<usize>,
    reason: impl Into<String>,
) -> CoreError {
    CoreError::ImportFile {
        path: path.to_path_buf(),
        line,
        column,
        reason: reason.into(),
    }
}

/// Puts `err` in the context of `path` (and a position), unless it is about
/// the store itself (full disk, read-only folder, locked), which stays as it is.
pub(crate) fn in_file(
    path: &Path,
    line: Option<usize>,
    column: Option<usize>,
    err: CoreError,
) -> CoreError {
    match err {
        CoreError::DiskFull
        | CoreError::ReadOnly
        | CoreError::Busy
        | CoreError::ImportFile { .. } => err,
        other => file_error(path, line, column, other.to_string()),
    }
}

/// Like [`in_file`], naming the entry instead of a position.
pub(crate) fn in_entry(path: &Path, what: &str, err: CoreError) -> CoreError {
    match err {
        CoreError::DiskFull | CoreError::ReadOnly | CoreError::Busy => err,
        other => file_error(path, None, None, format!("{what}: {other}")),
    }
}

/// Turns a serde_json error into a file error with its line and column;
/// when the parse was stopped by a handler, that handler's error wins, at
/// the line where its record starts.
pub(crate) fn json_error(path: &Path, e: serde_json::Error, stopped: Option<Stop>) -> CoreError {
    if let Some(Stop { line, err }) = stopped {
        return in_file(path, Some(line), None, err);
    }
    let (line, column) = if e.line() > 0 {
        (Some(e.line()), Some(e.column()))
    } else {
        (None, None)
    };
    let full = e.to_string();
    let msg = full
        .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
        .unwrap_or(&full)
        .to_string();
    let reason = match e.classify() {
        serde_json::error::Category::Eof => {
            "the file ends too early; it may have been cut off".to_string()
        }
        serde_json::error::Category::Io => format!("could not be read: {msg}"),
        serde_json::error::Category::Syntax => format!("not valid JSON: {msg}"),
        serde_json::error::Category::Data => msg,
    };
    file_error(path, line, column, reason)
}

pub(crate) fn open_file(path: &Path) -> Result<std::io::BufReader<std::fs::File>> {
    let f = std::fs::File::open(path)
        .map_err(|e| file_error(path, None, None, format!("could not be opened: {e}")))?;
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(file_error(path, None, None, "is a folder, not a file"));
    }
    Ok(std::io::BufReader::with_capacity(1 << 16, f))
}

/// The message a handler's error carries through serde; the real error is
/// kept beside it and put back by [`json_error`].
pub(crate) const STOPPED: &str = "import stopped";

/// Why a handler stopped a parse, and the line of the record it was handling.
pub(crate) struct Stop {
    pub line: usize,
    pub err: CoreError,
}

/// Newlines read so far from the file being parsed. serde_json reads its
/// input one byte at a time, so this is exact: the line of the byte it is at.
#[derive(Default)]
pub(crate) struct Lines(Cell<usize>);

impl Lines {
    pub(crate) fn current(&self) -> usize {
        self.0.get() + 1
    }
}

struct Counting<'a, R> {
    inner: R,
    lines: &'a Lines,
}

impl<R: std::io::Read> std::io::Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let nl = buf[..n].iter().filter(|&&b| b == b'\n').count();
        self.lines.0.set(self.lines.0.get() + nl);
        Ok(n)
    }
}

/// Deserialises the elements of a JSON array one at a time, handing each to
/// `f`; the first error `f` returns stops the parse and is kept in
/// `stopped`, with the line where that element starts.
pub(crate) struct EachElement<'f, T, F> {
    f: &'f mut F,
    stopped: &'f mut Option<Stop>,
    lines: &'f Lines,
    what: &'static str,
    _t: PhantomData<fn() -> T>,
}

impl<'f, T, F> EachElement<'f, T, F> {
    pub(crate) fn new(
        what: &'static str,
        f: &'f mut F,
        stopped: &'f mut Option<Stop>,
        lines: &'f Lines,
    ) -> Self {
        EachElement {
            f,
            stopped,
            lines,
            what,
            _t: PhantomData,
        }
    }
}

impl<'de, T, F> DeserializeSeed<'de> for EachElement<'_, T, F>
where
    T: DeserializeOwned,
    F: FnMut(T) -> Result<()>,
{
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

/// An element with the line it starts on (serde_json has just read its
/// first byte when the seed runs).
struct StartLine<'a, T> {
    lines: &'a Lines,
    _t: PhantomData<fn() -> T>,
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for StartLine<'_, T> {
    type Value = (usize, T);
    fn deserialize<D: de::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<(usize, T), D::Error> {
        let line = self.lines.current();
        T::deserialize(d).map(|v| (line, v))
    }
}

impl<'de, T, F> Visitor<'de> for EachElement<'_, T, F>
where
    T: DeserializeOwned,
    F: FnMut(T) -> Result<()>,
{
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a list of {}", self.what)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some((line, item)) = seq.next_element_seed(StartLine::<T> {
            lines: self.lines,
            _t: PhantomData,
        })? {
            if let Err(err) = (self.f)(item) {
                *self.stopped = Some(Stop { line, err });
                return Err(de::Error::custom(STOPPED));
            }
        }
        Ok(())
    }
}

/// Runs `seed` over the whole JSON document in `reader` (trailing garbage is
/// an error too), counting its lines in `lines`.
pub(crate) fn parse_json<'de, R, S>(
    reader: R,
    lines: &Lines,
    seed: S,
) -> serde_json::Result<S::Value>
where
    R: std::io::Read,
    S: DeserializeSeed<'de>,
{
    let mut de = serde_json::Deserializer::from_reader(Counting {
        inner: reader,
        lines,
    });
    let v = seed.deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}
