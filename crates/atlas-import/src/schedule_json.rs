//! frab/pretalx `schedule.json` (the c3voc schedule schema). Real files
//! stray from the schema (numbers as strings, nulls, extra fields): each
//! field is read for what it can be, and what cannot be used is a warning
//! with its JSON path.

use serde_json::{Map, Value};

use crate::frab::{self, ClockCheck};
use crate::schedule::{declared_zone, display_zone, schedule_key, Format, Head, Schedule, ScheduleEvent, Warnings};
use crate::schedule2;
use crate::text::one_line;
use crate::{ImportError, ImportOptions};

pub fn from_value(root: Value, options: &ImportOptions) -> Result<Schedule, ImportError> {
    let mut warnings = Warnings::default();
    let schedule = root
        .get("schedule")
        .and_then(Value::as_object)
        .ok_or_else(|| ImportError::Structure("no \"schedule\" object at the top: not a frab/pretalx schedule.json".into()))?;
    let conference = schedule
        .get("conference")
        .and_then(Value::as_object)
        .ok_or_else(|| ImportError::Structure("schedule.conference is missing or not an object".into()))?;
    let title = string(conference, "title", "schedule.conference", &mut warnings).unwrap_or_else(|| "Imported schedule".into());
    let acronym = string(conference, "acronym", "schedule.conference", &mut warnings);
    let base_url = string(schedule, "base_url", "schedule", &mut warnings);
    let zone_name = string(conference, "time_zone_name", "schedule.conference", &mut warnings);
    let declared = declared_zone(zone_name.as_deref(), "schedule.conference.time_zone_name", &mut warnings);
    // Times without an offset are read in it too.
    let zone = display_zone(declared, options.zone, &mut warnings);
    let key = schedule_key(acronym.as_deref(), &title, "schedule-json");
    let head = Head { format: Format::ScheduleJson, key, title, acronym, declared_zone: declared, zone, base_url };

    // The c3voc "schedule2" draft: one flat list of events with RFC 3339
    // start and end, rooms and tracks by reference.
    if let Some(list) = schedule.get("events") {
        let Some(list) = list.as_array() else {
            return Err(ImportError::Structure("schedule.events is not a list (c3voc schedule2 draft)".into()));
        };
        let events = schedule2::events(list, conference, &mut warnings);
        return Schedule::finish(head, events, warnings);
    }

    let days = match conference.get("days") {
        Some(Value::Array(days)) => days.as_slice(),
        _ => return Err(ImportError::Structure("schedule.conference.days is missing or not a list".into())),
    };
    let mut events = Vec::new();
    let mut clock = ClockCheck::default();
    for (di, day) in days.iter().enumerate() {
        let day_path = format!("schedule.conference.days[{di}]");
        let Some(day) = day.as_object() else {
            warnings.push(&day_path, "a day that is not an object; skipped");
            continue;
        };
        let day_of_events = frab::Day::new(day.get("date").and_then(Value::as_str), day.get("day_start").and_then(Value::as_str), zone);
        let Some(rooms) = day.get("rooms").and_then(Value::as_object) else {
            warnings.push(format!("{day_path}.rooms"), "missing or not an object; the day is skipped");
            continue;
        };
        for (room_name, list) in rooms {
            let room_path = format!("{day_path}.rooms[{}]", serde_json::to_string(room_name).unwrap_or_default());
            let Some(list) = list.as_array() else {
                warnings.push(&room_path, "not a list of events; skipped");
                continue;
            };
            for (ei, ev) in list.iter().enumerate() {
                let path = format!("{room_path}[{ei}]");
                let Some(ev) = ev.as_object() else {
                    warnings.push(&path, "an event that is not an object; skipped");
                    continue;
                };
                if let Some(e) = read_event(ev, &path, room_name, day_of_events, &mut clock, &mut warnings) {
                    events.push(e);
                }
            }
        }
    }
    clock.report(declared, &mut warnings);
    Schedule::finish(head, events, warnings)
}

/// A text field; numbers are accepted as text, other types are a warning.
pub(crate) fn string(obj: &Map<String, Value>, key: &str, path: &str, warnings: &mut Warnings) -> Option<String> {
    match obj.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            warnings.push(format!("{path}.{key}"), format!("expected text, found {}; ignored", type_name(other)));
            None
        }
    }
}

pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn read_event(
    ev: &Map<String, Value>,
    path: &str,
    room_name: &str,
    day: frab::Day,
    clock: &mut ClockCheck,
    warnings: &mut Warnings,
) -> Option<ScheduleEvent> {
    let title = frab::title(string(ev, "title", path, warnings), path, warnings);
    let (date_at, duration_at) = (format!("{path}.date"), format!("{path}.duration"));
    let times = frab::EventTimes {
        date: string(ev, "date", path, warnings),
        start: string(ev, "start", path, warnings),
        duration: string(ev, "duration", path, warnings),
        date_at: &date_at,
        duration_at: &duration_at,
    };
    let (start, end) = frab::instants(times, day, &title, path, clock, warnings)?;
    let id_source = string(ev, "guid", path, warnings).or_else(|| string(ev, "id", path, warnings)).unwrap_or_default();
    let id = frab::event_id(&id_source, &title, start, path, warnings);
    let persons = person_names(ev.get("persons"), &format!("{path}.persons"), warnings);
    let text = frab::text(string(ev, "abstract", path, warnings), string(ev, "description", path, warnings));
    let url = frab::web_url(string(ev, "url", path, warnings));
    Some(ScheduleEvent {
        id,
        title,
        subtitle: string(ev, "subtitle", path, warnings).map(|s| one_line(&s, 300)),
        start,
        end,
        all_day: false,
        room: string(ev, "room", path, warnings).or_else(|| Some(room_name.to_string())).map(|r| one_line(&r, 120)),
        track: string(ev, "track", path, warnings).map(|s| one_line(&s, 120)),
        kind: string(ev, "type", path, warnings).map(|s| one_line(&s, 80)),
        persons,
        text,
        url,
        cancelled: false,
        location: path.to_string(),
    })
}

/// Speakers' names from a JSON list of people (objects with `public_name`,
/// `name` or `full_public_name`, or bare names), as both c3voc formats give
/// them; anything else is a warning at `at` and no speakers.
pub(crate) fn person_names(list: Option<&Value>, at: &str, warnings: &mut Warnings) -> Vec<String> {
    match list {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|p| match p {
                Value::Object(o) => o
                    .get("public_name")
                    .or_else(|| o.get("name"))
                    .or_else(|| o.get("full_public_name"))
                    .and_then(Value::as_str)
                    .map(|s| one_line(s, 120)),
                Value::String(s) => Some(one_line(s, 120)),
                _ => None,
            })
            .filter(|n| !n.is_empty())
            .collect(),
        None | Some(Value::Null) => vec![],
        Some(other) => {
            warnings.push(at.to_string(), format!("expected a list, found {}; no speakers imported", type_name(other)));
            vec![]
        }
    }
}
