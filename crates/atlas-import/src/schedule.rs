//! What every schedule parser produces: one conference's events as instants
//! in UTC, the zone to show them in, and what was skipped or guessed.

use std::collections::HashMap;

use atlas_domain::time::ZoneName;
use chrono::{DateTime, SecondsFormat, Utc};
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
            self.list[i].1 += 1;
        } else if self.list.len() < MAX_WARNINGS {
            self.by_message.insert(message.clone(), self.list.len());
            self.list.push((Warning { location: location.into(), message }, 0));
        } else {
            self.dropped += 1;
        }
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

/// The zone to show a schedule in, with a warning when the file gave none.
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

pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Schedule {
    /// Makes ids unique (a repeated id is kept apart, with a warning), drops
    /// an end before its start, and orders events by start.
    pub fn finish(mut head: Head, mut events: Vec<ScheduleEvent>, mut warnings: Warnings) -> Result<Schedule, ImportError> {
        if events.is_empty() {
            return Err(ImportError::NoEvents(match head.format {
                Format::Ical => "the calendar has no VEVENT with a usable start".into(),
                _ => "the schedule has no event with a usable date".into(),
            }));
        }
        let mut first_at: HashMap<String, String> = HashMap::new();
        let mut used: std::collections::HashSet<String> = events.iter().map(|e| e.id.clone()).collect();
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
                    let mut n = 2;
                    let fresh = loop {
                        let candidate = format!("{}-{n}", e.id);
                        if !used.contains(&candidate) {
                            break candidate;
                        }
                        n += 1;
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
    let seconds = match nums.as_slice() {
        [h, m] if *m < 60 => h * 3600 + m * 60,
        [h, m, s] if *m < 60 && *s < 60 => h * 3600 + m * 60 + s,
        _ => return None,
    };
    // A talk longer than a fortnight is a typo, not a talk.
    (seconds <= 14 * 86400).then(|| chrono::Duration::seconds(seconds))
}

/// `HH:MM` as minutes after midnight.
pub fn parse_clock(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.get(..2).unwrap_or(m).parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
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
