//! The c3voc "schedule2" draft (alpha-3), as the CCC hub writes it: one flat
//! `schedule.events[]` with RFC 3339 `start` and `end` (or an ISO 8601
//! `duration`), rooms and tracks as references to the conference's lists,
//! `participants` with roles, texts that may be localised maps, and a
//! `state` that may say the event is cancelled. Called by
//! [`crate::schedule_json`], which reads the conference head for both.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::frab;
use crate::schedule::{parse_iso_duration, ScheduleEvent, Warnings};
use crate::schedule_json::{person_names, string};
use crate::text::one_line;
use crate::when;

/// The events of a schedule2 file; what cannot be used is a warning with its path.
pub fn events(list: &[Value], conference: &Map<String, Value>, warnings: &mut Warnings) -> Vec<ScheduleEvent> {
    let rooms = names_by_reference(conference.get("rooms"), &["guid", "slug", "name"]);
    let tracks = names_by_reference(conference.get("tracks"), &["slug", "name"]);
    list.iter()
        .enumerate()
        .filter_map(|(i, ev)| {
            let path = format!("schedule.events[{i}]");
            let Some(ev) = ev.as_object() else {
                warnings.push(&path, "an event that is not an object; skipped");
                return None;
            };
            read_event(ev, &path, &rooms, &tracks, warnings)
        })
        .collect()
}

/// Names of the rooms (or tracks) by each of their reference keys.
fn names_by_reference(list: Option<&Value>, keys: &[&str]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for item in list.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default() {
        let Some(name) = item.get("name").and_then(Value::as_str).or_else(|| item.get("slug").and_then(Value::as_str)) else { continue };
        for key in keys {
            if let Some(reference) = item.get(*key).and_then(Value::as_str) {
                out.insert(reference.to_string(), one_line(name, 120));
            }
        }
    }
    out
}

/// A room or track: a reference object (`guid`, `slug`, `name`) or plain text.
fn reference(value: Option<&Value>, known: &HashMap<String, String>, keys: &[&str]) -> Option<String> {
    match value? {
        Value::String(s) => Some(known.get(s).cloned().unwrap_or_else(|| one_line(s, 120))),
        Value::Object(o) => keys
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str).and_then(|r| known.get(r).cloned()))
            .or_else(|| o.get("name").and_then(Value::as_str).map(|n| one_line(n, 120))),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

/// A LocalizableString: text, or a map of language to text (English first).
fn localized(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => map.get("en").or_else(|| map.values().next()).and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
    .filter(|s| !s.trim().is_empty())
}

fn instant(ev: &Map<String, Value>, key: &str, path: &str, warnings: &mut Warnings) -> Option<DateTime<Utc>> {
    let text = string(ev, key, path, warnings)?;
    match DateTime::parse_from_rfc3339(&text) {
        Ok(t) => {
            let t = when::in_range(t.with_timezone(&Utc));
            if t.is_none() {
                warnings.push(format!("{path}.{key}"), when::out_of_range(&format!("\"{}\"", one_line(&text, 40))));
            }
            t
        }
        Err(_) => {
            warnings.push(format!("{path}.{key}"), format!("\"{}\" is not an RFC 3339 date and time", one_line(&text, 40)));
            None
        }
    }
}

fn read_event(
    ev: &Map<String, Value>,
    path: &str,
    rooms: &HashMap<String, String>,
    tracks: &HashMap<String, String>,
    warnings: &mut Warnings,
) -> Option<ScheduleEvent> {
    let title = frab::title(string(ev, "title", path, warnings), path, warnings);
    let Some(start) = instant(ev, "start", path, warnings) else {
        warnings.push(path, format!("\"{title}\" has no usable start; skipped"));
        return None;
    };
    let end = match ev.get("end") {
        Some(Value::Null) | None => string(ev, "duration", path, warnings).and_then(|d| {
            let end = parse_iso_duration(&d).and_then(|len| when::after(start, len));
            if end.is_none() {
                warnings.push(format!("{path}.duration"), format!("\"{}\" is not a usable ISO 8601 duration", one_line(&d, 20)));
            }
            end
        }),
        Some(_) => instant(ev, "end", path, warnings),
    };
    let id_source = ["guid", "code", "slug", "id"].iter().find_map(|k| string(ev, k, path, warnings)).unwrap_or_default();
    let id = frab::event_id(&id_source, &title, start, path, warnings);
    let persons = person_names(ev.get("participants").or_else(|| ev.get("persons")), &format!("{path}.participants"), warnings);
    let state = ev.get("state").and_then(Value::as_str).unwrap_or_default().to_ascii_uppercase();
    Some(ScheduleEvent {
        id,
        title,
        subtitle: localized(ev.get("subtitle")).map(|s| one_line(&s, 300)),
        start,
        end,
        all_day: false,
        room: reference(ev.get("room"), rooms, &["guid", "slug", "name"]),
        track: reference(ev.get("track"), tracks, &["slug", "name"]),
        kind: string(ev, "type", path, warnings).map(|s| one_line(&s, 80)),
        persons,
        text: frab::text(localized(ev.get("abstract")), localized(ev.get("description"))),
        url: frab::web_url(string(ev, "url", path, warnings)),
        cancelled: matches!(state.as_str(), "CANCELED" | "CANCELLED"),
        location: path.to_string(),
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_flat_schedule2_file_imports_with_rooms_tracks_and_states() {
        let doc = serde_json::json!({
            "schedule": {
                "version": "1",
                "conference": {
                    "acronym": "hub-test", "title": "Hub Test", "time_zone_name": "Europe/Berlin",
                    "start": "2026-12-27T10:00:00+01:00", "end": "2026-12-30T18:00:00+01:00",
                    "days": [{"index": 1, "date": "2026-12-27", "start": "2026-12-27T10:00:00+01:00", "end": "2026-12-28T04:00:00+01:00"}],
                    "rooms": [{"name": "Saal 1", "guid": "r-1"}],
                    "tracks": [{"name": "Hardware", "slug": "hw"}]
                },
                "events": [
                    {"guid": "e-1", "title": "Opening", "start": "2026-12-27T10:30:00+01:00", "end": "2026-12-27T11:00:00+01:00",
                     "room": {"guid": "r-1"}, "track": {"slug": "hw"}, "abstract": {"de": "Eröffnung", "en": "Opening talk"},
                     "participants": [{"name": "Ada", "role": "SPEAKER"}]},
                    {"guid": "e-2", "title": "Workshop", "start": "2026-12-27T12:00:00+01:00", "duration": "PT1H30M", "state": "CANCELED"},
                    {"guid": "e-3", "title": "Far away", "start": "+262142-12-31T23:30:00Z"}
                ]
            }
        });
        let s = crate::schedule_json::from_value(doc, &crate::ImportOptions::default()).unwrap();
        assert_eq!(s.events.len(), 2, "{:?}", s.warnings);
        let opening = s.events.iter().find(|e| e.id == "e-1").unwrap();
        assert_eq!(crate::rfc3339(opening.start), "2026-12-27T09:30:00Z");
        assert_eq!(opening.end.map(crate::rfc3339).as_deref(), Some("2026-12-27T10:00:00Z"));
        assert_eq!(opening.room.as_deref(), Some("Saal 1"));
        assert_eq!(opening.track.as_deref(), Some("Hardware"));
        assert_eq!(opening.text, "Opening talk");
        assert_eq!(opening.persons, vec!["Ada".to_string()]);
        let workshop = s.events.iter().find(|e| e.id == "e-2").unwrap();
        assert!(workshop.cancelled);
        assert_eq!(workshop.end.map(crate::rfc3339).as_deref(), Some("2026-12-27T12:30:00Z"));
        assert!(s.warnings.iter().any(|w| w.message.contains("RFC 3339") && w.location.contains("events[2]")), "{:?}", s.warnings);
    }
}
