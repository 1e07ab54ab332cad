//! What every schedule parser produces: one conference's events as instants
//! in UTC, the zone to show them in, and what was skipped or guessed.

use std::collections::{HashMap, HashSet};

use atlas_domain::time::ZoneName;
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use crate::ImportError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    FrabXml,
    ScheduleJson,
    Ical,
    AtlasPack,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::FrabXml => "frab-xml",
            Format::ScheduleJson => "schedule-json",
            Format::Ical => "ical",
            Format::AtlasPack => "atlas-pack",
        }
    }
}

/// Something skipped or guessed, and where in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// "line 42" for XML and iCalendar; a JSON path for schedule.json.
    pub location: String,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// One talk, session or calendar event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduleEvent {
    /// Stable and unique within the schedule, from the file's guid or id;
    /// `[a-z0-9._-]` only.
    pub id: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub start: DateTime<Utc>,
    /// `None` when the file gives no usable end or duration.
    pub end: Option<DateTime<Utc>>,
    /// Known only to the day (iCalendar `VALUE=DATE`).
    pub all_day: bool,
    pub room: Option<String>,
    pub track: Option<String>,
    pub kind: Option<String>,
    pub persons: Vec<String>,
    /// Abstract and description as plain text (markup removed).
    pub text: String,
    pub url: Option<String>,
    pub cancelled: bool,
    /// Where the event is in the file, for messages.
    pub location: String,
}

/// What a schedule says about the conference itself: everything but its
/// events. A parser learns it first and hands it to [`Schedule::finish`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Head {
    pub format: Format,
    /// Identifies the conference across versions of its file: re-importing a
    /// schedule with the same key updates it in place.
    pub key: String,
    pub title: String,
    pub acronym: Option<String>,
    /// The zone the file names, if any.
    pub declared_zone: Option<ZoneName>,
    /// The zone the app shows the schedule in: the declared one, else the
    /// user's choice, else UTC.
    pub zone: ZoneName,
    pub base_url: Option<String>,
}

/// A parsed schedule. Stored in the library as one flat JSON object (the
/// head's fields beside `events` and `warnings`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    #[serde(flatten)]
    pub head: Head,
    pub events: Vec<ScheduleEvent>,
    pub warnings: Vec<Warning>,
}

/// The one JSON object `minerals-atlas import --check` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    pub format: &'static str,
    pub title: String,
    pub events: usize,
    pub first_start_utc: Option<String>,
    pub last_start_utc: Option<String>,
    pub time_zone: Option<String>,
    pub warnings: Vec<String>,
}

/// Real files can carry thousands of the same slip: the list keeps this many
/// and then says how many more there were.
pub const MAX_WARNINGS: usize = 200;

/// Collects warnings: the same message at many places is said once, with
/// the first place and how many more; distinct messages are capped.
#[derive(Debug, Default)]
pub struct Warnings {
    list: Vec<(Warning, usize)>,
    by_message: HashMap<String, usize>,
    dropped: usize,
}

impl Warnings {
    pub fn push(&mut self, location: impl Into<String>, message: impl Into<String>) {
        let message = message.into();
        if let Some(&i) = self.by_message.get(&message) {
            if let Some((_, more)) = self.list.get_mut(i) {
                *more = more.saturating_add(1);
            }
        } else if self.list.len() < MAX_WARNINGS {
            self.by_message.insert(message.clone(), self.list.len());
            self.list.push((Warning { location: location.into(), message }, 0));
        } else {
            self.dropped = self.dropped.saturating_add(1);
        }
    }
    /// The first warning that is not about the file as a whole (its zone).
    pub fn first(&self) -> Option<&Warning> {
        self.list.iter().map(|(w, _)| w).find(|w| w.location != "file")
    }

    pub fn finish(self) -> Vec<Warning> {
        let mut out: Vec<Warning> = self
            .list
            .into_iter()
            .map(|(mut w, more)| {
                if more > 0 {
                    w.location = format!("{} and {more} more {}", w.location, if more == 1 { "place" } else { "places" });
                }
                w
            })
            .collect();
        if self.dropped > 0 {
            out.push(Warning { location: "file".into(), message: format!("and {} more warnings", self.dropped) });
        }
        out
    }
}

/// The zone a file names (`name`, found at `location`): an IANA zone, or a
/// warning and none. Every importer reads its file's zone through here.
pub fn declared_zone(name: Option<&str>, location: &str, warnings: &mut Warnings) -> Option<ZoneName> {
    let name = name.map(str::trim).filter(|n| !n.is_empty())?;
    match ZoneName::parse(name) {
        Ok(z) => Some(z),
        Err(e) => {
            warnings.push(location.to_string(), e.to_string());
            None
        }
    }
}

/// The one zone decision for an imported schedule: the zone the file
/// names, else the one the user chose, else UTC, with a warning when the
/// file named none. Times without an offset are read in it, and the
/// schedule is shown in it.
pub fn display_zone(declared: Option<ZoneName>, chosen: Option<ZoneName>, warnings: &mut Warnings) -> ZoneName {
    match (declared, chosen) {
        (Some(z), _) => z,
        (None, Some(z)) => {
            warnings.push("file", format!("the file names no time zone; shown in {}, as chosen", z.name()));
            z
        }
        (None, None) => {
            warnings.push("file", "the file names no time zone; shown in UTC (choose the conference's zone when importing)");
            ZoneName(chrono_tz::UTC)
        }
    }
}

/// The longest event id an importer makes: a 64-byte id and a `-N` suffix.
pub const MAX_EVENT_ID_BYTES: usize = 80;

/// `[a-z0-9._-]`, not empty, at most `max` bytes: what [`crate::text::safe_id`] makes.
pub fn is_safe_id(id: &str, max: usize) -> bool {
    !id.is_empty() && id.len() <= max && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
}

pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Schedule {
    /// Makes ids unique (a repeated id is kept apart, with a warning), drops
    /// an end before its start, and orders events by start.
    pub fn finish(mut head: Head, mut events: Vec<ScheduleEvent>, mut warnings: Warnings) -> Result<Schedule, ImportError> {
        if events.is_empty() {
            let what = match head.format {
                Format::Ical => "the calendar has no VEVENT with a usable start",
                _ => "the schedule has no event with a usable date",
            };
            // Say why: the first thing skipped is usually the reason for all.
            return Err(ImportError::NoEvents(match warnings.first() {
                Some(w) => format!("{what} (first problem, {w})"),
                None => what.to_string(),
            }));
        }
        let mut first_at: HashMap<String, String> = HashMap::new();
        let mut used: HashSet<String> = events.iter().map(|e| e.id.clone()).collect();
        // The next suffix to try for each repeated id: each id's counter only
        // goes up, so 20,000 events sharing one guid take linear time.
        let mut next_suffix: HashMap<String, u32> = HashMap::new();
        for e in &mut events {
            if let Some(e_end) = e.end {
                if e_end < e.start {
                    warnings.push(&e.location, format!("\"{}\" ends before it starts; the end is ignored", e.title));
                    e.end = None;
                }
            }
            match first_at.get(&e.id) {
                None => {
                    first_at.insert(e.id.clone(), e.location.clone());
                }
                Some(first) => {
                    let n = next_suffix.entry(e.id.clone()).or_insert(2);
                    let fresh = loop {
                        let candidate = format!("{}-{n}", e.id);
                        *n = n.saturating_add(1);
                        if !used.contains(&candidate) {
                            break candidate;
                        }
                    };
                    warnings
                        .push(&e.location, format!("id {} is used again (first at {first}); this event is kept apart as {fresh}", e.id));
                    used.insert(fresh.clone());
                    first_at.insert(fresh.clone(), e.location.clone());
                    e.id = fresh;
                }
            }
        }
        events.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
        if head.key.is_empty() {
            head.key = "schedule".to_string();
        }
        Ok(Schedule { head, events, warnings: warnings.finish() })
    }

    /// Checks a schedule read back from disk as strictly as a fresh import
    /// leaves it: events present, ids safe and unique, every time one the
    /// app shows, no end before its start. A stored file that fails is
    /// moved aside by the app, never shown.
    pub fn validate(&self) -> Result<(), String> {
        let title = crate::text::one_line(&self.head.title, 60);
        if self.events.is_empty() {
            return Err(format!("the stored schedule \"{title}\" has no events"));
        }
        if !is_safe_id(&self.head.key, 64) {
            return Err(format!("the stored schedule \"{title}\" has an unusable key"));
        }
        let mut ids = HashSet::new();
        for e in &self.events {
            let id = crate::text::one_line(&e.id, 40);
            if !is_safe_id(&e.id, MAX_EVENT_ID_BYTES) || !ids.insert(e.id.as_str()) {
                return Err(format!("the stored schedule \"{title}\" has an unusable or repeated event id \"{id}\""));
            }
            if crate::when::in_range(e.start).is_none() || e.end.is_some_and(|end| crate::when::in_range(end).is_none()) {
                return Err(format!("event \"{id}\": {}", crate::when::out_of_range("a stored time")));
            }
            if e.end.is_some_and(|end| end < e.start) {
                return Err(format!("event \"{id}\" ends before it starts"));
            }
        }
        Ok(())
    }

    pub fn check_report(&self) -> CheckReport {
        CheckReport {
            format: self.head.format.name(),
            title: self.head.title.clone(),
            events: self.events.len(),
            first_start_utc: self.events.iter().map(|e| e.start).min().map(rfc3339),
            last_start_utc: self.events.iter().map(|e| e.start).max().map(rfc3339),
            time_zone: self.head.declared_zone.map(|z| z.name().to_string()),
            warnings: self.warnings.iter().map(|w| w.to_string()).collect(),
        }
    }
}

/// `HH:MM` or `HH:MM:SS` (also `D:HH:MM:SS`?) as a duration; frab writes `00:45`.
pub fn parse_duration(text: &str) -> Option<chrono::Duration> {
    if !text.trim().chars().all(|c| c.is_ascii_digit() || c == ':') {
        return None;
    }
    let parts: Vec<&str> = text.trim().split(':').collect();
    let nums: Option<Vec<i64>> = parts.iter().map(|p| p.parse::<i64>().ok().filter(|n| *n >= 0 && *n < 100_000)).collect();
    let nums = nums?;
    // Each part is below 100,000, so this cannot overflow.
    let seconds: i64 = match nums.as_slice() {
        [h, m] if *m < 60 => h.saturating_mul(3600).saturating_add(m.saturating_mul(60)),
        [h, m, s] if *m < 60 && *s < 60 => h.saturating_mul(3600).saturating_add(m.saturating_mul(60)).saturating_add(*s),
        _ => return None,
    };
    // A talk longer than a fortnight is a typo, not a talk.
    (seconds <= 14 * 86_400).then(|| chrono::Duration::seconds(seconds))
}

/// An RFC 5545 / ISO 8601 duration (iCalendar DURATION, schedule2's `duration`): `P1W`, `P1DT2H`, `PT45M`, `-PT5M` (negative refused).
/// An event longer than a year is a typo, not an event.
const MAX_DURATION_SECONDS: i64 = 366 * 86_400;

pub fn parse_iso_duration(v: &str) -> Option<Duration> {
    let v = v.trim().strip_prefix('+').unwrap_or(v.trim());
    let rest = v.strip_prefix('P')?;
    let mut seconds: i64 = 0;
    let mut number = String::new();
    let mut in_time = false;
    for c in rest.chars() {
        match c {
            '0'..='9' => number.push(c),
            'T' => in_time = true,
            'W' | 'D' | 'H' | 'M' | 'S' => {
                let n: i64 = number.parse().ok().filter(|n| *n < 1_000_000)?;
                number.clear();
                let unit: i64 = match (c, in_time) {
                    ('W', false) => 604_800,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
                seconds = seconds.checked_add(n.checked_mul(unit)?)?;
            }
            _ => return None,
        }
    }
    (number.is_empty() && seconds <= MAX_DURATION_SECONDS).then(|| Duration::seconds(seconds))
}

/// `HH:MM` as minutes after midnight.
pub fn parse_clock(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.get(..2).unwrap_or(m).parse().ok()?);
    (h < 24 && m < 60).then_some(h.saturating_mul(60).saturating_add(m))
}

/// The conference key from an acronym or title.
pub fn schedule_key(acronym: Option<&str>, title: &str, fallback: &str) -> String {
    let from = acronym.filter(|a| !crate::text::safe_id(a, 40).is_empty()).unwrap_or(title);
    let key = crate::text::safe_id(from, 40);
    if key.is_empty() {
        fallback.to_string()
    } else {
        key
    }
}
