//! Events, sessions and the timeline: the curated events and sessions in
//! their events' zones, and the shared timeline with the project's
//! annotations and additions.

use std::collections::{HashMap, HashSet};

use atlas_domain::model::*;
use atlas_domain::time::{ZoneName, ZonedDateTime};
use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::curated::*;
use crate::input::{GenError, TextInput};
use crate::usgs;

/// The curated events, by start; none may end before it starts.
pub fn events(m: &MinisterialFile, path: &std::path::Path) -> Result<Vec<Event>, GenError> {
    let mut events = m.events.clone();
    if let Some(e) = events.iter().find(|e| e.end < e.start) {
        return Err(GenError::new(path, None, format!("event {} ends before it starts", e.id)));
    }
    events.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    Ok(events)
}

/// The curated sessions in their events' zones, each within its event's days.
pub fn sessions(m: &MinisterialFile, events: &[Event], path: &std::path::Path) -> Result<Vec<Session>, GenError> {
    let mut sessions = Vec::new();
    for s in &m.sessions {
        let err = |msg: String| GenError::new(path, None, format!("session {}: {msg}", s.id));
        let event = events.iter().find(|e| e.id == s.event).ok_or_else(|| err(format!("unknown event {}", s.event)))?;
        let (start, end, precision) = session_times(s, event.time_zone).map_err(err)?;
        let day = start.local().date_naive();
        if day < event.start || day > event.end {
            return Err(err(format!("{day} is outside its event ({} to {})", event.start, event.end)));
        }
        sessions.push(Session {
            id: s.id.clone(),
            event: s.event.clone(),
            title: s.title.clone(),
            kind: s.kind,
            start,
            end,
            time_precision: precision,
            venue: s.venue.clone(),
            speakers: s.speakers.clone(),
            countries: s.countries.clone(),
            summary: s.summary.clone(),
            outcomes: s.outcomes.clone(),
            status: s.status,
            status_note: s.status_note.clone(),
            sources: s.sources.clone(),
        });
    }
    sessions.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    Ok(sessions)
}

fn session_times(s: &SessionDef, zone: ZoneName) -> Result<(ZonedDateTime, ZonedDateTime, TimePrecision), String> {
    let parse_local = |t: &str| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").map_err(|_| format!("bad time \"{t}\""));
    match s.time_precision.as_str() {
        "day" => {
            let d = NaiveDate::parse_from_str(&s.start, "%Y-%m-%d").map_err(|_| format!("bad date \"{}\"", s.start))?;
            let start = ZonedDateTime::start_of_day(d, zone).map_err(|e| e.to_string())?;
            let end = ZonedDateTime::start_of_day(d + Duration::days(1), zone).map_err(|e| e.to_string())?;
            Ok((start, end, TimePrecision::Day))
        }
        "start_only" => {
            let start = ZonedDateTime::from_local(parse_local(&s.start)?, zone).map_err(|e| e.to_string())?;
            let end = ZonedDateTime { instant: start.instant + Duration::hours(1), zone };
            Ok((start, end, TimePrecision::StartOnly))
        }
        "exact" => {
            let start = ZonedDateTime::from_local(parse_local(&s.start)?, zone).map_err(|e| e.to_string())?;
            let end_text = s.end.as_deref().ok_or("exact times need an end")?;
            let end = ZonedDateTime::from_local(parse_local(end_text)?, zone).map_err(|e| e.to_string())?;
            if end < start {
                return Err("ends before it starts".into());
            }
            Ok((start, end, TimePrecision::Exact))
        }
        other => Err(format!("unknown time_precision \"{other}\"")),
    }
}

pub fn build_timeline(
    file: &TimelineFile,
    input: &TextInput,
    annotations: &[TimelineAnnotation],
    annotations_input: &TextInput,
    country_of: impl Fn(&str) -> Option<String>,
    source_by_url: &HashMap<&str, &str>,
) -> Result<Vec<TimelineEntry>, GenError> {
    let mut used = vec![0usize; annotations.len()];
    let mut ids: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (i, e) in file.events.iter().enumerate() {
        let err = |msg: String| GenError::new(&input.path, None, format!("entry {} (\"{}\"): {msg}", i + 1, e.title));
        let matching: Vec<usize> = annotations.iter().enumerate().filter(|(_, a)| e.title.contains(&a.matches)).map(|(j, _)| j).collect();
        let j = match matching.as_slice() {
            [j] => *j,
            [] => return Err(err("no annotation in data/curated/ministerial.json matches it".into())),
            _ => return Err(err("more than one annotation matches it".into())),
        };
        used[j] += 1;
        let a = &annotations[j];
        let zone = ZoneName::parse(&a.time_zone).map_err(|x| err(x.to_string()))?;
        let (start, precision) = if e.start.contains('T') {
            let local = NaiveDateTime::parse_from_str(&e.start, "%Y-%m-%dT%H:%M").map_err(|_| err(format!("bad start \"{}\"", e.start)))?;
            (ZonedDateTime::from_local(local, zone).map_err(|x| err(x.to_string()))?, TimePrecision::StartOnly)
        } else {
            let d = NaiveDate::parse_from_str(&e.start, "%Y-%m-%d").map_err(|_| err(format!("bad start \"{}\"", e.start)))?;
            (ZonedDateTime::start_of_day(d, zone).map_err(|x| err(x.to_string()))?, TimePrecision::Day)
        };
        let end = match &e.end {
            None => None,
            Some(t) => {
                let d = NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| err(format!("bad end \"{t}\"")))?;
                let end = ZonedDateTime::start_of_day(d + Duration::days(1), zone).map_err(|x| err(x.to_string()))?;
                if end < start {
                    return Err(err("ends before it starts".into()));
                }
                Some(end)
            }
        };
        let country = country_of(&e.country_usgs_name).ok_or_else(|| err(format!("unknown country \"{}\"", e.country_usgs_name)))?;
        let mut countries = a.countries.clone();
        if !countries.contains(&country) {
            countries.insert(0, country.clone());
        }
        let sources = e
            .sources
            .iter()
            .map(|u| {
                source_by_url
                    .get(u.as_str())
                    .map(|s| s.to_string())
                    .ok_or_else(|| err(format!("source {u} is not in data/curated/sources.json")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut sources = sources;
        for extra in &a.extra_sources {
            if !source_by_url.values().any(|id| id == extra) {
                return Err(err(format!("extra source {extra} is not in data/curated/sources.json")));
            }
            if !sources.contains(extra) {
                sources.push(extra.clone());
            }
        }
        if sources.is_empty() {
            return Err(err("no sources".into()));
        }
        // The project may lower a status the shared timeline gives, never raise it.
        let (status, status_note) = match a.status {
            Some(lower) if status_rank(lower) > status_rank(e.status) => {
                return Err(err(format!("the annotation raises the status from {:?} to {lower:?}; add sources instead", e.status)))
            }
            Some(lower) => (lower, a.status_note.clone().or_else(|| e.status_note.clone())),
            None => (e.status, e.status_note.clone()),
        };
        let date = start.local().date_naive();
        let mut id = format!("tl-{}-{}", date.format("%Y%m%d"), truncate_slug(&usgs::slug(&e.title), 40));
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("tl-{}-{}-{n}", date.format("%Y%m%d"), truncate_slug(&usgs::slug(&e.title), 40));
            n += 1;
        }
        if a.title.is_some() && a.title_note.is_none() {
            return Err(err("a title the project rewords needs its title_note".into()));
        }
        out.push(TimelineEntry {
            id,
            title: a.title.clone().unwrap_or_else(|| e.title.clone()),
            kind: a.kind,
            start,
            end,
            time_precision: precision,
            country,
            countries,
            event: a.event.clone(),
            sessions: a.sessions.clone(),
            status,
            status_note,
            sources,
        });
    }
    if let Some(j) = used.iter().position(|n| *n == 0) {
        return Err(GenError::new(
            &annotations_input.path,
            None,
            format!("timeline annotation \"{}\" matches no entry", annotations[j].matches),
        ));
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    Ok(out)
}

/// A curated timeline entry as the model's own; references are checked with the rest.
pub fn curated_entry(e: &CuratedTimelineEntry, input: &TextInput) -> Result<TimelineEntry, GenError> {
    let err = |msg: String| GenError::new(&input.path, None, format!("timeline_extra \"{}\": {msg}", e.title));
    let zone = ZoneName::parse(&e.time_zone).map_err(|x| err(x.to_string()))?;
    let day = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| err(format!("bad date \"{t}\"")));
    let start = ZonedDateTime::start_of_day(day(&e.start)?, zone).map_err(|x| err(x.to_string()))?;
    let end = match &e.end {
        None => None,
        Some(t) => {
            let last = day(t)?;
            let end = ZonedDateTime::start_of_day(last.succ_opt().unwrap_or(last), zone).map_err(|x| err(x.to_string()))?;
            if end < start {
                return Err(err("ends before it starts".into()));
            }
            Some(end)
        }
    };
    let country = e.countries.first().cloned().ok_or_else(|| err("names no country".into()))?;
    if e.sources.is_empty() {
        return Err(err("no sources".into()));
    }
    Ok(TimelineEntry {
        id: format!("tl-{}-{}", start.local().date_naive().format("%Y%m%d"), truncate_slug(&usgs::slug(&e.title), 40)),
        title: e.title.clone(),
        kind: e.kind,
        start,
        end,
        time_precision: TimePrecision::Day,
        country,
        countries: e.countries.clone(),
        event: e.event.clone(),
        sessions: vec![],
        status: e.status,
        status_note: e.status_note.clone(),
        sources: e.sources.clone(),
    })
}

/// How much a status claims: confirmed claims most.
fn status_rank(s: Status) -> u8 {
    match s {
        Status::Confirmed => 3,
        Status::Scheduled => 2,
        Status::Reported => 1,
        Status::Uncertain => 0,
    }
}

fn truncate_slug(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    s[..max].trim_end_matches('-').to_string()
}
