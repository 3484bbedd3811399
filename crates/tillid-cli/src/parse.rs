//! The bottom of the command line: the parse error and the small argument
//! helpers every subcommand's parser shares. It imports nothing from the
//! rest of the crate, so any module may use it.

use lexopt::prelude::*;
use std::ffi::OsString;
use std::path::PathBuf;

/// Why parsing stopped without a command to run.
#[derive(Debug)]
pub enum ArgError {
    /// `-h`/`--help`: print this text on stdout, exit 0.
    Help(&'static str),
    /// A usage error: print it on stderr, exit 2.
    Usage(String),
}

impl From<lexopt::Error> for ArgError {
    fn from(e: lexopt::Error) -> Self {
        ArgError::Usage(e.to_string())
    }
}

/// A usage error with this message.
pub fn usage(msg: impl Into<String>) -> ArgError {
    ArgError::Usage(msg.into())
}

/// An argument as a `String`; arguments must be valid UTF-8.
pub fn string(v: OsString) -> Result<String, ArgError> {
    v.into_string()
        .map_err(|_| usage("arguments must be valid UTF-8"))
}

/// The value of the current option, as a `String`.
pub fn text(p: &mut lexopt::Parser) -> Result<String, ArgError> {
    string(p.value()?)
}

/// The value of the option `name` as a whole number.
pub fn number(p: &mut lexopt::Parser, name: &str) -> Result<u32, ArgError> {
    let v = p.value()?;
    v.to_str()
        .and_then(|s| s.parse::<u32>().ok())
        .ok_or_else(|| usage(format!("{name} needs a whole number")))
}

/// The value of the option `name` as a date, `YYYY-MM-DD`.
pub fn date(p: &mut lexopt::Parser, name: &str) -> Result<String, ArgError> {
    let v = text(p)?;
    tillid_core::week::parse_date(&v)
        .map(|d| d.to_string())
        .map_err(|_| usage(format!("{name} needs a date as YYYY-MM-DD, not '{v}'")))
}

/// A person's ID, as `tillid people list` shows it.
pub fn id(v: OsString) -> Result<i64, ArgError> {
    string(v)?
        .parse()
        .map_err(|_| usage("ID must be a number (see tillid people list)"))
}

/// The options of a command that takes only `[--json] [--lang da|en]`.
#[derive(Debug)]
pub struct JsonAndLang {
    pub json: bool,
    pub lang: Option<String>,
}

/// Reads `[--json] [--lang da|en]` (and `--data-dir`, `-h`).
pub fn json_and_lang(
    p: &mut lexopt::Parser,
    data_dir: &mut Option<PathBuf>,
    help: &'static str,
) -> Result<JsonAndLang, ArgError> {
    let (mut json, mut lang) = (false, None);
    while let Some(a) = p.next()? {
        match a {
            Long("json") => json = true,
            Long("lang") => lang = Some(string(p.value()?)?),
            Long("data-dir") => *data_dir = Some(PathBuf::from(p.value()?)),
            Short('h') | Long("help") => return Err(ArgError::Help(help)),
            other => return Err(other.unexpected().into()),
        }
    }
    if lang.as_deref().is_some_and(|l| l != "da" && l != "en") {
        return Err(usage("--lang must be da or en"));
    }
    Ok(JsonAndLang { json, lang })
}
