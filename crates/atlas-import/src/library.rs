//! What the user has imported: schedules and at most one data pack, with
//! one step of undo. A `Library` is a value; the app stores it (through
//! `atlas-store`) and builds the `Atlas` it shows with [`Library::build`].
//! Every change makes a new `Library`, so a failed import changes nothing.

use std::collections::{BTreeMap, HashMap, HashSet};

use atlas_domain::model::{Dataset, Event, Person, Session, SessionKind, Source, SourceKind, Speaker, Status, TimePrecision};
use atlas_domain::time::ZonedDateTime;
use atlas_domain::{Atlas, DomainError};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::pack::{self, PackMode};
use crate::schedule::{rfc3339, Schedule};

/// The stored library's format version.
pub const LIBRARY_VERSION: u32 = 1;
/// Imported ids start with this, so they never meet the curated ones.
pub const IMPORTED_PREFIX: &str = "imp-";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredSchedule {
    pub file_name: String,
    pub imported_at: DateTime<Utc>,
    pub schedule: Schedule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPack {
    pub file_name: String,
    pub imported_at: DateTime<Utc>,
    pub mode: PackMode,
    pub dataset: Dataset,
}

/// The state before the last change, and what that change was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UndoStep {
    pub description: String,
    pub pack: Option<StoredPack>,
    pub schedules: Vec<StoredSchedule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Library {
    pub version: u32,
    pub pack: Option<StoredPack>,
    pub schedules: Vec<StoredSchedule>,
    pub undo: Option<Box<UndoStep>>,
}

impl Default for Library {
    fn default() -> Self {
        Library { version: LIBRARY_VERSION, pack: None, schedules: vec![], undo: None }
    }
}

/// A stored library is read only up to this size (it holds parsed
/// schedules, far smaller than their files): anything larger is not ours.
pub const MAX_LIBRARY_BYTES: u64 = 1 << 30;

impl atlas_store::Versioned for Library {
    const VERSION: u32 = LIBRARY_VERSION;
    const MAX_BYTES: u64 = MAX_LIBRARY_BYTES;

    fn check(&self) -> Result<(), String> {
        self.validate()
    }
}

/// A session whose time or existence changed between two versions of a schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionChange {
    pub id: String,
    pub title: String,
    /// `moved`, `cancelled` (gone from the file or marked cancelled) or `new`.
    pub change: &'static str,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportSummary {
    /// `schedule` or `pack`.
    pub kind: &'static str,
    pub format: &'static str,
    pub title: String,
    /// The event the schedule became (`imp-<key>`); the pack has none.
    pub event_id: Option<String>,
    /// Whether an earlier version of the same schedule was replaced.
    pub replaced_earlier: bool,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub removed: usize,
    /// Moved, cancelled and new sessions, by id; the app picks the starred ones.
    pub changes: Vec<SessionChange>,
    pub first_start_utc: Option<String>,
    pub last_start_utc: Option<String>,
    pub warnings: Vec<String>,
    /// The zone the schedule is shown in (IANA), and whether the file named
    /// it; when it did not, the app asks for the conference's zone.
    pub time_zone: Option<String>,
    pub zone_from_file: bool,
}

pub fn event_id(schedule_key: &str) -> String {
    format!("{IMPORTED_PREFIX}{schedule_key}")
}

pub fn session_id(schedule_key: &str, event: &str) -> String {
    format!("{IMPORTED_PREFIX}{schedule_key}--{event}")
}

impl Library {
    /// The dataset the app shows: the embedded one (or a pack), plus every schedule.
    pub fn dataset(&self, embedded: &Dataset) -> Dataset {
        let mut d = match &self.pack {
            None => embedded.clone(),
            Some(p) if p.mode == PackMode::Replace => p.dataset.clone(),
            Some(p) => pack::extend(embedded, &p.dataset),
        };
        for s in &self.schedules {
            merge_schedule(&mut d, s);
        }
        d
    }

    /// The indexed dataset; an error means the library cannot be shown.
    pub fn build(&self, embedded: &Dataset) -> Result<Atlas, DomainError> {
        Atlas::new(self.dataset(embedded))
    }

    /// A library read back from disk, checked as strictly as a fresh
    /// import: its version, each stored schedule (the undo step's too, so
    /// undo can never bring back what could not be shown), and one schedule
    /// per key. The merged dataset is then checked by [`Library::build`].
    pub fn validate(&self) -> Result<(), String> {
        if self.version != LIBRARY_VERSION {
            return Err(format!("version {} is not {LIBRARY_VERSION}", self.version));
        }
        for pack in self.pack.iter().chain(self.undo.as_deref().and_then(|u| u.pack.as_ref())) {
            crate::pack::times_in_range(&pack.dataset).map_err(|e| e.to_string())?;
        }
        let undo = self.undo.as_deref().map(|u| u.schedules.as_slice()).unwrap_or_default();
        for list in [self.schedules.as_slice(), undo] {
            let mut keys = HashSet::new();
            for stored in list {
                stored.schedule.validate()?;
                if !keys.insert(stored.schedule.head.key.as_str()) {
                    return Err(format!("two stored schedules share the key \"{}\"", stored.schedule.head.key));
                }
            }
        }
        Ok(())
    }

    /// Reads a stored library: JSON of this version (the store's gate),
    /// validated, and built over `embedded`. Any failure is a reason for
    /// the app to move the file aside and start with the built-in data;
    /// nothing here panics.
    pub fn load(bytes: &[u8], embedded: &Dataset) -> Result<(Library, Atlas), String> {
        let (library, _) = atlas_store::versioned::decode::<Library>(bytes)?;
        library.with_atlas(embedded)
    }

    /// The library with the atlas it gives, or why it cannot be shown.
    pub fn with_atlas(self, embedded: &Dataset) -> Result<(Library, Atlas), String> {
        let atlas = self.build(embedded).map_err(|e| e.to_string())?;
        Ok((self, atlas))
    }

    fn with_undo(&self, description: String) -> Library {
        Library {
            version: LIBRARY_VERSION,
            pack: self.pack.clone(),
            schedules: self.schedules.clone(),
            undo: Some(Box::new(UndoStep { description, pack: self.pack.clone(), schedules: self.schedules.clone() })),
        }
    }

    /// The library with `schedule` added, or replacing the version with the same key.
    pub fn with_schedule(&self, file_name: &str, schedule: Schedule, now: DateTime<Utc>) -> (Library, ImportSummary) {
        let old = self.schedules.iter().find(|s| s.schedule.head.key == schedule.head.key);
        let description = match old {
            Some(_) => format!("update of {} from {file_name}", schedule.head.title),
            None => format!("import of {} from {file_name}", schedule.head.title),
        };
        let summary = summarise(old.map(|s| &s.schedule), &schedule);
        let mut next = self.with_undo(description);
        let stored = StoredSchedule { file_name: file_name.to_string(), imported_at: now, schedule };
        match next.schedules.iter().position(|s| s.schedule.head.key == stored.schedule.head.key) {
            Some(i) => {
                if let Some(slot) = next.schedules.get_mut(i) {
                    *slot = stored;
                }
            }
            None => next.schedules.push(stored),
        }
        (next, summary)
    }

    pub fn with_pack(&self, file_name: &str, dataset: Dataset, mode: PackMode, now: DateTime<Utc>) -> (Library, ImportSummary) {
        let starts = dataset.sessions.iter().map(|s| s.start.instant);
        let summary = ImportSummary {
            kind: "pack",
            format: crate::Format::AtlasPack.name(),
            title: format!("Data pack {}", dataset.dataset_version),
            event_id: None,
            replaced_earlier: self.pack.is_some(),
            added: dataset.sessions.len(),
            updated: 0,
            unchanged: 0,
            removed: 0,
            changes: vec![],
            first_start_utc: starts.clone().min().map(rfc3339),
            last_start_utc: starts.max().map(rfc3339),
            warnings: vec![],
            time_zone: None,
            zone_from_file: true,
        };
        let mut next = self.with_undo(format!("data pack from {file_name}"));
        next.pack = Some(StoredPack { file_name: file_name.to_string(), imported_at: now, mode, dataset });
        (next, summary)
    }

    /// The library without the schedule `key`; `None` when there is none.
    pub fn without_schedule(&self, key: &str) -> Option<Library> {
        let i = self.schedules.iter().position(|s| s.schedule.head.key == key)?;
        let mut next = self.with_undo(format!("removal of {}", self.schedules.get(i)?.schedule.head.title));
        next.schedules.remove(i);
        Some(next)
    }

    /// The library without its data pack.
    pub fn without_pack(&self) -> Option<Library> {
        self.pack.as_ref()?;
        let mut next = self.with_undo("removal of the data pack".into());
        next.pack = None;
        Some(next)
    }

    /// The state before the last change; `None` when there is nothing to undo.
    pub fn undone(&self) -> Option<Library> {
        let step = self.undo.as_ref()?;
        Some(Library { version: LIBRARY_VERSION, pack: step.pack.clone(), schedules: step.schedules.clone(), undo: None })
    }
}

fn summarise(old: Option<&Schedule>, new: &Schedule) -> ImportSummary {
    let key = &new.head.key;
    let when = |t: DateTime<Utc>| Some(rfc3339(t));
    let change =
        |e: &crate::ScheduleEvent, change, from, to| SessionChange { id: session_id(key, &e.id), title: e.title.clone(), change, from, to };
    let before: HashMap<&str, &crate::ScheduleEvent> =
        old.map(|o| o.events.iter().map(|e| (e.id.as_str(), e)).collect()).unwrap_or_default();
    let (mut added, mut updated, mut unchanged): (usize, usize, usize) = (0, 0, 0);
    let mut changes = Vec::new();
    for e in &new.events {
        match before.get(e.id.as_str()) {
            None => {
                added = added.saturating_add(1);
                if old.is_some() {
                    changes.push(change(e, "new", None, when(e.start)));
                }
            }
            Some(was) => {
                if e.cancelled && !was.cancelled {
                    changes.push(change(e, "cancelled", when(was.start), None));
                } else if was.start != e.start || was.end != e.end {
                    changes.push(change(e, "moved", when(was.start), when(e.start)));
                }
                if *was == e {
                    unchanged = unchanged.saturating_add(1)
                } else {
                    updated = updated.saturating_add(1)
                }
            }
        }
    }
    let now: std::collections::HashSet<&str> = new.events.iter().map(|e| e.id.as_str()).collect();
    let mut removed: usize = 0;
    if let Some(o) = old {
        for e in o.events.iter().filter(|e| !now.contains(e.id.as_str())) {
            removed = removed.saturating_add(1);
            changes.push(change(e, "cancelled", when(e.start), None));
        }
    }
    let report = new.check_report();
    ImportSummary {
        kind: "schedule",
        format: new.head.format.name(),
        title: new.head.title.clone(),
        event_id: Some(event_id(key)),
        replaced_earlier: old.is_some(),
        added,
        updated,
        unchanged,
        removed,
        changes,
        first_start_utc: report.first_start_utc,
        last_start_utc: report.last_start_utc,
        warnings: report.warnings,
        time_zone: Some(new.head.zone.name().to_string()),
        zone_from_file: new.head.declared_zone.is_some(),
    }
}

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
fn merge_schedule(d: &mut Dataset, stored: &StoredSchedule) {
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

/// One import, start to finish, changing nothing: parse `bytes`, make the
/// next library, and build the dataset it gives (every reference checked).
/// The caller stores the library and only then shows the atlas.
pub fn import(
    library: &Library,
    embedded: &Dataset,
    bytes: &[u8],
    file_name: &str,
    options: &crate::ImportOptions,
    pack_mode: PackMode,
    now: DateTime<Utc>,
) -> Result<(Library, Atlas, ImportSummary), crate::ImportError> {
    let (next, summary) = match crate::parse(bytes, options)? {
        crate::Parsed::Schedule(s) => library.with_schedule(file_name, s, now),
        crate::Parsed::Pack(p) => library.with_pack(file_name, p.dataset, pack_mode, now),
    };
    let atlas = next.build(embedded).map_err(|e| crate::ImportError::Structure(format!("the import would break the data: {e}")))?;
    Ok((next, atlas, summary))
}
