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

// Outside data never panics here: no byte-index slicing of text, no
// unchecked indexing, unwrap, expect, panic or overflowing arithmetic in
// non-test code. Each remaining `allow` says why it cannot fail.
#![cfg_attr(
    not(test),
    deny(
        clippy::string_slice,
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::arithmetic_side_effects
    )
)]

mod error;
mod frab;
mod frab_xml;
mod ical;
pub mod library;
pub mod pack;
mod schedule;
mod schedule2;
mod schedule_json;
pub mod synthetic;
mod text;
pub mod when;

pub use error::ImportError;
pub use schedule::{rfc3339, CheckReport, Format, Schedule, ScheduleEvent, Warning};

use std::path::Path;

use atlas_domain::time::ZoneName;

/// Markup to plain text, as abstracts are shown (for tests of the text rules).
#[doc(hidden)]
pub fn markup_to_text_for_tests(input: &str) -> String {
    text::markup_to_text(input)
}

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

/// Reads a file, refusing anything over [`MAX_INPUT_BYTES`] before reading
/// it, and anything that is not a regular file (a FIFO would block) before
/// opening it for a read.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ImportError> {
    atlas_store::read_regular_file(path, MAX_INPUT_BYTES).map_err(|e| match e.kind() {
        std::io::ErrorKind::FileTooLarge => ImportError::TooLarge {
            bytes: std::fs::metadata(path).map_or(MAX_INPUT_BYTES.saturating_add(1), |m| m.len()),
            limit: MAX_INPUT_BYTES,
        },
        _ => ImportError::Io { path: path.display().to_string(), message: e.to_string() },
    })
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
/// Read from the bytes, so that a calendar folded inside a character
/// (RFC 5545 folds octets) is recognised before it is decoded.
fn detect_quickly(bytes: &[u8]) -> Result<Format, ImportError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ImportError::Utf16);
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = body.trim_ascii_start();
    if start.get(..15).is_some_and(|head| head.eq_ignore_ascii_case(b"BEGIN:VCALENDAR")) {
        return Ok(Format::Ical);
    }
    let text = text::utf8(bytes)?;
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.is_empty() {
        return Err(ImportError::Empty);
    }
    if start.starts_with('<') {
        return Ok(Format::FrabXml);
    }
    if start.starts_with('{') {
        return Ok(Format::ScheduleJson);
    }
    Err(ImportError::UnknownFormat { starts_with: text::one_line(&start.chars().take(24).collect::<String>(), 24) })
}

/// Parses bytes of any supported format.
pub fn parse(bytes: &[u8], options: &ImportOptions) -> Result<Parsed, ImportError> {
    if u64::try_from(bytes.len()).map_or(true, |n| n > MAX_INPUT_BYTES) {
        return Err(ImportError::TooLarge { bytes: bytes.len() as u64, limit: MAX_INPUT_BYTES });
    }
    let format = detect_quickly(bytes)?;
    if format == Format::Ical {
        return ical::parse_bytes(bytes, options).map(Parsed::Schedule);
    }
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
// The fuzz targets' oracle: a panic here is how libFuzzer is told that a
// parser broke its promise. Never called by the app.
#[allow(clippy::panic)]
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
            // What an importer accepts, the library accepts when it is read back.
            if let Err(e) = s.validate() {
                panic!("an imported schedule fails the stored-state check: {e}");
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

    /// From the bytes, as the app reads a calendar (unfolded before decoding).
    pub fn ical(bytes: &[u8]) {
        checked(super::ical::parse_bytes(bytes, &ImportOptions::default()));
    }

    /// Arbitrary bytes as the app's stored state: `library.json` through
    /// the same load, validation and build the app runs at start, and
    /// `user-data.json` through the store's parser. Either may fail; neither
    /// may panic.
    pub fn stored_state(bytes: &[u8]) {
        static EMBEDDED: std::sync::OnceLock<Option<atlas_domain::model::Dataset>> = std::sync::OnceLock::new();
        if let Some(embedded) = EMBEDDED.get_or_init(|| serde_json::from_str(atlas_domain::EMBEDDED_DATASET).ok()) {
            let _ = library::Library::load(bytes, embedded);
        }
        let _ = atlas_store::parse(bytes);
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
