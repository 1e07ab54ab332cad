//! frab/pretalx `schedule.json` (the c3voc schedule schema). Real files
//! stray from the schema (numbers as strings, nulls, extra fields): each
//! field is read for what it can be, and what cannot be used is a warning
//! with its JSON path.

use atlas_domain::time::{ZoneName, ZonedDateTime};
use chrono::{DateTime, NaiveDate, Timelike, Utc};
use serde_json::{Map, Value};

use crate::frab_xml::ClockCheck;
use crate::schedule::{display_zone, parse_clock, parse_duration, schedule_key, Format, Schedule, ScheduleEvent, Warnings};
use crate::text::{markup_to_text, one_line, safe_id};
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
    let declared = match string(conference, "time_zone_name", "schedule.conference", &mut warnings) {
        Some(name) => match ZoneName::parse(&name) {
            Ok(z) => Some(z),
            Err(e) => {
                warnings.push("schedule.conference.time_zone_name", e.to_string());
                None
            }
        },
        None => None,
    };
    let zone = display_zone(declared, options.zone, &mut warnings);
    let reading_zone = declared.or(options.zone).unwrap_or(ZoneName(chrono_tz::UTC));

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
        let day_date = day.get("date").and_then(Value::as_str).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let day_change = day
            .get("day_start")
            .and_then(Value::as_str)
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|s| s.with_timezone(&reading_zone.0).time().num_seconds_from_midnight() / 60);
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
                if let Some(e) = read_event(ev, &path, room_name, day_date, day_change, reading_zone, &mut clock, &mut warnings) {
                    events.push(e);
                }
            }
        }
    }
    clock.report(declared, &mut warnings);
    let key = schedule_key(acronym.as_deref(), &title, "schedule-json");
    Schedule::finish(Format::ScheduleJson, key, title, acronym, declared, zone, base_url, events, warnings)
}

/// A text field; numbers are accepted as text, other types are a warning.
fn string(obj: &Map<String, Value>, key: &str, path: &str, warnings: &mut Warnings) -> Option<String> {
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

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[allow(clippy::too_many_arguments)]
fn read_event(
    ev: &Map<String, Value>,
    path: &str,
    room_name: &str,
    day_date: Option<NaiveDate>,
    day_change: Option<u32>,
    zone: ZoneName,
    clock: &mut ClockCheck,
    warnings: &mut Warnings,
) -> Option<ScheduleEvent> {
    let title = match string(ev, "title", path, warnings) {
        Some(t) => one_line(&t, 300),
        None => {
            warnings.push(path, "event without a title; imported as \"(untitled)\"");
            "(untitled)".into()
        }
    };
    let start_clock = string(ev, "start", path, warnings).and_then(|s| parse_clock(&s));
    let start: DateTime<Utc> = match string(ev, "date", path, warnings).map(|d| (DateTime::parse_from_rfc3339(&d), d)) {
        Some((Ok(date), _)) => {
            clock.see(path, &date, start_clock, zone);
            date.with_timezone(&Utc)
        }
        other => {
            if let Some((Err(_), text)) = other {
                warnings.push(format!("{path}.date"), format!("\"{}\" is not RFC 3339; using the day and start instead", one_line(&text, 40)));
            }
            let (Some(date), Some(minutes)) = (day_date, start_clock) else {
                warnings.push(path, format!("\"{title}\" has no usable date or start time; skipped"));
                return None;
            };
            let date = if day_change.is_some_and(|c| minutes < c) { date.succ_opt()? } else { date };
            let local = date.and_hms_opt(minutes / 60, minutes % 60, 0)?;
            match ZonedDateTime::from_local(local, zone) {
                Ok(t) => t.instant,
                Err(e) => {
                    warnings.push(path, format!("\"{title}\": {e}; skipped"));
                    return None;
                }
            }
        }
    };
    let end = match string(ev, "duration", path, warnings) {
        Some(d) => match parse_duration(&d) {
            Some(len) => Some(start + len),
            None => {
                warnings.push(format!("{path}.duration"), format!("\"{}\" is not HH:MM; the end is not known", one_line(&d, 20)));
                None
            }
        },
        None => None,
    };
    let id_source = string(ev, "guid", path, warnings).or_else(|| string(ev, "id", path, warnings)).unwrap_or_default();
    let mut id = safe_id(&id_source, 64);
    if id.is_empty() {
        id = safe_id(&format!("{}-{}", title, start.timestamp()), 64);
        warnings.push(path, format!("\"{title}\" has no id or guid; its id is made from its title and start, so a later version may not match it"));
    }
    let persons = match ev.get("persons") {
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
            warnings.push(format!("{path}.persons"), format!("expected a list, found {}; no speakers imported", type_name(other)));
            vec![]
        }
    };
    let text: Vec<String> = [string(ev, "abstract", path, warnings), string(ev, "description", path, warnings)]
        .into_iter()
        .flatten()
        .map(|t| markup_to_text(&t))
        .filter(|t| !t.is_empty())
        .collect();
    let text = if text.len() == 2 && text[0] == text[1] { text[0].clone() } else { text.join("\n\n") };
    let url = string(ev, "url", path, warnings).filter(|u| u.starts_with("https://") || u.starts_with("http://"));
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
