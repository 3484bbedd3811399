//! Reading a file back record by record, without holding it all in memory.

use super::records::{XEntry, XPerson, XProgramWeek, XTemplate, VERSION};
use crate::error::Result;
use crate::exchange::reading::FORMAT;
use crate::exchange::reading::{
    json_error, open_file, parse_json, EachElement, Lines, Stop, STOPPED,
};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

pub(super) enum Item {
    Settings(BTreeMap<String, String>),
    Entry(XEntry),
    Person(XPerson),
    ProgramWeek(XProgramWeek),
    Template(XTemplate),
}

pub(super) const TOP_FIELDS: &[&str] = &[
    "format",
    "version",
    "settings",
    "entries",
    "people",
    "program_weeks",
    "own_templates",
];

pub(super) struct DocSeed<'f, F> {
    pub(super) f: &'f mut F,
    pub(super) stopped: &'f mut Option<Stop>,
    pub(super) lines: &'f Lines,
}

impl<'de, F: FnMut(Item) -> Result<()>> DeserializeSeed<'de> for DocSeed<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(Item) -> Result<()>> Visitor<'de> for DocSeed<'_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Tillid export (an object with \"format\": \"tillid-export\")")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let DocSeed { f, stopped, lines } = self;
        let (mut format, mut version) = (false, false);
        let not_tillid = || {
            de::Error::custom(
                "this is not a Tillid export: it has no \"format\": \"tillid-export\"",
            )
        };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => {
                    let v: String = map.next_value()?;
                    if v != FORMAT {
                        return Err(de::Error::custom(format!(
                            "this is not a Tillid export: its format is \"{v}\", not \"{FORMAT}\""
                        )));
                    }
                    format = true;
                }
                "version" => {
                    let v: u32 = map.next_value()?;
                    if v > VERSION {
                        return Err(de::Error::custom(format!(
                            "it was written by a newer Tillid (format version {v}; this Tillid reads up to {VERSION}); install the latest Tillid to import it"
                        )));
                    }
                    if v == 0 {
                        return Err(de::Error::custom("format version 0 does not exist"));
                    }
                    version = true;
                }
                "settings" => {
                    let s: BTreeMap<String, String> = map.next_value()?;
                    if let Err(err) = f(Item::Settings(s)) {
                        *stopped = Some(Stop {
                            line: lines.current(),
                            err,
                        });
                        return Err(de::Error::custom(STOPPED));
                    }
                }
                "entries" => {
                    let mut g = |e: XEntry| f(Item::Entry(e));
                    map.next_value_seed(EachElement::new("entries", &mut g, &mut *stopped, lines))?;
                }
                "people" => {
                    let mut g = |p: XPerson| f(Item::Person(p));
                    map.next_value_seed(EachElement::new("people", &mut g, &mut *stopped, lines))?;
                }
                "program_weeks" => {
                    let mut g = |w: XProgramWeek| f(Item::ProgramWeek(w));
                    map.next_value_seed(EachElement::new(
                        "program weeks",
                        &mut g,
                        &mut *stopped,
                        lines,
                    ))?;
                }
                "own_templates" => {
                    let mut g = |t: XTemplate| f(Item::Template(t));
                    map.next_value_seed(EachElement::new(
                        "templates",
                        &mut g,
                        &mut *stopped,
                        lines,
                    ))?;
                }
                other if !format => {
                    let _ = other;
                    return Err(not_tillid());
                }
                other => return Err(de::Error::unknown_field(other, TOP_FIELDS)),
            }
        }
        if !format {
            return Err(not_tillid());
        }
        if !version {
            return Err(de::Error::missing_field("version"));
        }
        Ok(())
    }
}

pub(super) fn each_item(path: &Path, mut f: impl FnMut(Item) -> Result<()>) -> Result<()> {
    let mut stopped = None;
    let lines = Lines::default();
    let reader = open_file(path)?;
    let res = parse_json(
        reader,
        &lines,
        DocSeed {
            f: &mut f,
            stopped: &mut stopped,
            lines: &lines,
        },
    );
    res.map_err(|e| json_error(path, e, stopped.take()))
}
