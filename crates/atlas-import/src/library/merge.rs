//! An imported schedule merged into the dataset: its event, people,
//! sessions and source, under ids that never meet the curated ones.

use std::collections::{BTreeMap, HashMap, HashSet};

use atlas_domain::model::{Dataset, Event, Person, Session, SessionKind, Source, SourceKind, Speaker, Status, TimePrecision};
use atlas_domain::time::ZonedDateTime;
use chrono::Duration;

use super::{event_id, session_id, StoredSchedule, IMPORTED_PREFIX};

/// Ids made unique by a numbered suffix. Each stem keeps its own next
/// number, so many names sharing one slug take linear time, not quadratic.
#[derive(Default)]
struct UniqueIds {
    taken: HashSet<String>,
    next: HashMap<String, u32>,
}

impl UniqueIds {
    fn claim(&mut self, stem: String) -> String {
        if self.taken.insert(stem.clone()) {
            return stem;
        }
        let n = self.next.entry(stem.clone()).or_insert(2);
        loop {
            let id = format!("{stem}-{n}");
            *n = n.saturating_add(1);
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// The most of an abstract the app keeps per session.
const MAX_SUMMARY_CHARS: usize = 20_000;

/// Adds one imported schedule to a dataset as an event, its sessions, its
/// speakers and one source (the file).
pub(super) fn merge_schedule(d: &mut Dataset, stored: &StoredSchedule) {
    let s = &stored.schedule;
    let zone = s.head.zone;
    let source_id = format!("{IMPORTED_PREFIX}{}-file", s.head.key);
    let event_id = event_id(&s.head.key);
    d.sources.push(Source {
        id: source_id.clone(),
        url: s.head.base_url.clone().unwrap_or_default(),
        publisher: format!("Imported file {}", stored.file_name),
        title: format!("{} ({}, imported {})", s.head.title, s.head.format.name(), stored.imported_at.format("%Y-%m-%d %H:%M UTC")),
        kind: SourceKind::ImportedFile,
        copy_of: None,
        report: None,
    });
    let local_dates = s.events.iter().map(|e| e.start.with_timezone(&zone.0).date_naive());
    let ends = s.events.iter().map(|e| e.end.unwrap_or(e.start).with_timezone(&zone.0).date_naive());
    // A stored schedule is validated before it is merged (it has events);
    // one that somehow has none adds nothing rather than stopping the app.
    let (Some(start), Some(end)) = (local_dates.clone().min(), ends.chain(local_dates).max()) else { return };
    d.events.push(Event {
        id: event_id.clone(),
        title: s.head.title.clone(),
        short_title: s.head.acronym.clone().unwrap_or_else(|| s.head.title.clone()),
        start,
        end,
        time_zone: zone,
        venue: None,
        city: None,
        country: None,
        summary: format!("Imported from {} ({}): {} sessions.", stored.file_name, s.head.format.name(), s.events.len()),
        status: Status::Reported,
        date_status: None,
        date_note: None,
        sources: vec![source_id.clone()],
        imported: true,
    });
    let mut people: BTreeMap<String, String> = BTreeMap::new();
    let mut person_ids = UniqueIds::default();
    for e in &s.events {
        let speakers = e
            .persons
            .iter()
            .map(|name| {
                let id = people.entry(name.clone()).or_insert_with(|| {
                    // Names that differ only in letters outside ASCII share a slug: number them.
                    let slug = crate::text::safe_id(name, 48);
                    person_ids.claim(format!("{IMPORTED_PREFIX}{}--p-{}", s.head.key, if slug.is_empty() { "speaker" } else { &slug }))
                });
                Speaker { person: id.clone(), role: "Speaker".into() }
            })
            .collect();
        let (start, end, precision) = match (e.all_day, e.end) {
            (true, end) => (e.start, end.or_else(|| crate::when::after(e.start, Duration::days(1))).unwrap_or(e.start), TimePrecision::Day),
            (false, Some(end)) => (e.start, end, TimePrecision::Exact),
            (false, None) => (e.start, crate::when::after(e.start, Duration::hours(1)).unwrap_or(e.start), TimePrecision::StartOnly),
        };
        let mut notes = Vec::new();
        if let Some(t) = &e.track {
            notes.push(format!("Track: {t}"));
        }
        if let Some(k) = &e.kind {
            notes.push(format!("Type: {k}"));
        }
        if e.cancelled {
            notes.push("Cancelled, according to the imported file".into());
        }
        let mut summary = match &e.subtitle {
            Some(sub) => format!("{sub}\n\n{}", e.text),
            None => e.text.clone(),
        };
        if summary.chars().count() > MAX_SUMMARY_CHARS {
            summary = summary.chars().take(MAX_SUMMARY_CHARS).collect::<String>() + "…";
        }
        let mut sources = vec![source_id.clone()];
        if let Some(url) = &e.url {
            let id = format!("{}-url", session_id(&s.head.key, &e.id));
            d.sources.push(Source {
                id: id.clone(),
                url: url.clone(),
                publisher: "Conference website".into(),
                title: e.title.clone(),
                kind: SourceKind::ImportedFile,
                copy_of: None,
                report: Some(source_id.clone()),
            });
            sources.push(id);
        }
        d.sessions.push(Session {
            id: session_id(&s.head.key, &e.id),
            event: event_id.clone(),
            title: e.title.clone(),
            kind: SessionKind::Talk,
            start: ZonedDateTime { instant: start, zone },
            end: ZonedDateTime { instant: end, zone },
            time_precision: precision,
            venue: e.room.clone(),
            speakers,
            countries: vec![],
            summary: summary.trim().to_string(),
            outcomes: vec![],
            status: if e.cancelled { Status::Uncertain } else { Status::Reported },
            status_note: (!notes.is_empty()).then(|| notes.join(" · ")),
            sources,
        });
    }
    for (name, id) in people {
        d.people.push(Person {
            id,
            name,
            title: format!("Speaker, {}", s.head.acronym.as_deref().unwrap_or(&s.head.title)),
            country: None,
            status: Status::Reported,
            sources: vec![source_id.clone()],
        });
    }
}
