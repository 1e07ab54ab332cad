//! Importing conference schedules and data packs into Minerals Atlas.
//!
//! Three schedule formats (frab/Pentabarf XML, frab/pretalx `schedule.json`,
//! iCalendar) are parsed into one [`Schedule`]; the app's own dataset format
//! is a [`pack`]. Parsing never touches stored data: a [`library::Library`]
//! holds what was imported, and [`library::Library::build`] merges it into
//! the dataset. Nothing here knows about Tauri.
//!
//! Every parser is lenient about what it can recover and strict about what
//! is unsafe: input over [`MAX_INPUT_BYTES`], a DTD or entity declaration, or
//! bytes that are not UTF-8 stop the import with an [`ImportError`]; anything
//! skipped or guessed is a [`Warning`] with its location.

mod error;
mod frab;
mod frab_xml;
mod ical;
pub mod library;
pub mod pack;
mod schedule;
mod schedule_json;
pub mod synthetic;
mod text;

pub use error::ImportError;
pub use schedule::{rfc3339, CheckReport, Format, Schedule, ScheduleEvent, Warning};

use std::io::Read;
use std::path::Path;

use atlas_domain::time::ZoneName;

/// Larger inputs are refused before parsing. The largest real schedules
/// (a congress of 400 talks) are a few MiB.
pub const MAX_INPUT_BYTES: u64 = 50 * 1024 * 1024;

/// What the user decides when a file leaves it open.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// The zone for times that carry none (floating iCalendar times, frab
    /// files without `time_zone_name`) and for showing a file that names no
    /// zone. UTC when not given, and a warning says so.
    pub zone: Option<ZoneName>,
}

/// What a file turned out to be.
#[derive(Debug)]
pub enum Parsed {
    Schedule(Schedule),
    // Boxed: a pack is a whole dataset, far larger than a schedule's handle.
    Pack(Box<pack::Pack>),
}

/// Reads a file, refusing anything over [`MAX_INPUT_BYTES`] before reading it.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ImportError> {
    let io = |source: std::io::Error| ImportError::Io { path: path.display().to_string(), message: source.to_string() };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(ImportError::Io { path: path.display().to_string(), message: "not a regular file".into() });
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { bytes: meta.len(), limit: MAX_INPUT_BYTES });
    }
    // The file may grow while it is read: never take more than the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() as u64, limit: MAX_INPUT_BYTES });
    }
    Ok(bytes)
}

/// The format, from the content alone (never the file name).
pub fn detect(bytes: &[u8]) -> Result<Format, ImportError> {
    match detect_quickly(bytes)? {
        Format::ScheduleJson | Format::AtlasPack => {
            let text = text::utf8(bytes)?;
            let value = parse_json(text.strip_prefix('\u{feff}').unwrap_or(text))?;
            Ok(if pack::is_pack(&value) { Format::AtlasPack } else { Format::ScheduleJson })
        }
        other => Ok(other),
    }
}

/// The format from the first bytes; JSON is told apart only by [`detect`].
fn detect_quickly(bytes: &[u8]) -> Result<Format, ImportError> {
    let text = text::utf8(bytes)?;
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.is_empty() {
        return Err(ImportError::Empty);
    }
    if start.starts_with('<') {
        return Ok(Format::FrabXml);
    }
    if start.len() >= 15 && start[..15].eq_ignore_ascii_case("BEGIN:VCALENDAR") {
        return Ok(Format::Ical);
    }
    if start.starts_with('{') {
        return Ok(Format::ScheduleJson);
    }
    Err(ImportError::UnknownFormat { starts_with: text::one_line(&start.chars().take(24).collect::<String>(), 24) })
}

/// Parses bytes of any supported format.
pub fn parse(bytes: &[u8], options: &ImportOptions) -> Result<Parsed, ImportError> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() as u64, limit: MAX_INPUT_BYTES });
    }
    let format = detect_quickly(bytes)?;
    let text = text::utf8(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        Format::FrabXml => frab_xml::parse(text, options).map(Parsed::Schedule),
        Format::Ical => ical::parse(text, options).map(Parsed::Schedule),
        // JSON is parsed once; its top-level keys say what it is.
        Format::ScheduleJson | Format::AtlasPack => {
            let value = parse_json(text)?;
            if pack::is_pack(&value) {
                pack::from_value(value).map(|p| Parsed::Pack(Box::new(p)))
            } else {
                schedule_json::from_value(value, options).map(Parsed::Schedule)
            }
        }
    }
}

/// JSON with the error's place.
fn parse_json(text: &str) -> Result<serde_json::Value, ImportError> {
    serde_json::from_str(text).map_err(|e| ImportError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string().split(" at line").next().unwrap_or_default().to_string(),
    })
}

/// `minerals-atlas import --check`: parse, change nothing, summarise.
pub fn check(bytes: &[u8], options: &ImportOptions) -> Result<CheckReport, ImportError> {
    match parse(bytes, options)? {
        Parsed::Schedule(s) => Ok(s.check_report()),
        Parsed::Pack(p) => p.check_report(),
    }
}

/// Entry points for the fuzz targets (`fuzz/`): each runs one parser on
/// arbitrary bytes and panics only if a result breaks what the parsers
/// promise (a schedule has events, unique ids, no end before its start).
#[doc(hidden)]
pub mod fuzzing {
    use super::*;

    fn checked(result: Result<Schedule, ImportError>) {
        if let Ok(s) = result {
            assert!(!s.events.is_empty(), "a schedule without events was accepted");
            let mut ids = std::collections::HashSet::new();
            for e in &s.events {
                assert!(ids.insert(e.id.as_str()), "duplicate id {}", e.id);
                assert!(!e.id.is_empty() && e.id.len() <= 80, "bad id {:?}", e.id);
                assert!(e.end.is_none_or(|end| end >= e.start), "end before start");
            }
            assert!(s.warnings.len() <= schedule::MAX_WARNINGS + 1);
        }
    }

    fn text(bytes: &[u8]) -> Option<&str> {
        std::str::from_utf8(bytes).ok()
    }

    pub fn frab_xml(bytes: &[u8]) {
        if let Some(t) = text(bytes) {
            checked(super::frab_xml::parse(t, &ImportOptions::default()));
        }
    }

    pub fn schedule_json(bytes: &[u8]) {
        if let Some(t) = text(bytes) {
            if let Ok(v) = serde_json::from_str(t) {
                checked(super::schedule_json::from_value(v, &ImportOptions::default()));
            }
        }
    }

    pub fn ical(bytes: &[u8]) {
        if let Some(t) = text(bytes) {
            checked(super::ical::parse(t, &ImportOptions::default()));
        }
    }

    /// Any bytes through detection and the matching parser, as the app does.
    pub fn any(bytes: &[u8]) {
        match super::parse(bytes, &ImportOptions::default()) {
            Ok(Parsed::Schedule(s)) => checked(Ok(s)),
            Ok(Parsed::Pack(p)) => {
                let _ = p.check_report();
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
}
