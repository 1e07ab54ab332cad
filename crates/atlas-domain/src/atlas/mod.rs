//! The dataset parsed once and indexed (`Atlas`), its clock, and the
//! lookups every query shares. The queries live beside it, one file per
//! subject: `countries`, `minerals`, `schedule` (events, sessions, the
//! timeline), `agenda` (the user's starred items), `arguments` (what the
//! webview may pass).

mod agenda;
mod arguments;
mod compare;
mod countries;
mod minerals;
mod schedule;
mod stages;
mod table_csv;

pub use arguments::MAX_ARGUMENT_LEN;
use arguments::*;
pub use minerals::{headline_series, map_cells};
pub use table_csv::TableCsv;

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::DomainError;
use crate::model::*;
use crate::time::ZonedDateTime;
use crate::validate;
use crate::views::*;

/// The dataset with its indexes. Built once at start-up; read-only afterwards.
#[derive(Debug)]
pub struct Atlas {
    data: Dataset,
    source_by_id: HashMap<String, usize>,
    country_by_id: HashMap<String, usize>,
    person_by_id: HashMap<String, usize>,
    event_by_id: HashMap<String, usize>,
    mineral_by_id: HashMap<String, usize>,
    session_by_id: HashMap<String, usize>,
    series_by_mineral: HashMap<String, Vec<usize>>,
    /// (series index, row index) of every row naming a country.
    stat_rows_by_country: HashMap<String, Vec<(usize, usize)>>,
    /// Role at the ministerial, by party id.
    ministerial_role: HashMap<String, Role>,
    participations_by_party: HashMap<String, Vec<usize>>,
    agreements_by_party: HashMap<String, Vec<usize>>,
    sessions_by_country: HashMap<String, Vec<usize>>,
    timeline_by_country: HashMap<String, Vec<usize>>,
    timeline_by_id: HashMap<String, usize>,
    /// The ids of the sources that mark a pack no trusted key signed.
    unverified_sources: std::collections::HashSet<String>,
    search_index: crate::search::SearchIndex,
    usgs_citation: String,
    /// The clock statuses are read against: fixed in tests, the system's otherwise.
    now: Option<DateTime<Utc>>,
}

// Every `usize` in the indexes above is a position in `data`'s own vectors,
// taken in `Atlas::new` from those same vectors, which nothing changes
// afterwards (the atlas is read-only and replaced whole). Indexing with them
// cannot go out of bounds, so the lint is allowed here and only here; ids
// from outside are looked up in the maps with `get`, never indexed.
#[allow(clippy::indexing_slicing)]
impl Atlas {
    /// Parses and checks a dataset; every reference must resolve.
    pub fn from_json(json: &str) -> Result<Atlas, DomainError> {
        let data: Dataset = serde_json::from_str(json).map_err(|e| DomainError::Dataset(format!("cannot parse: {e}")))?;
        Atlas::new(data)
    }

    /// The dataset compiled into this build.
    pub fn embedded() -> Result<Atlas, DomainError> {
        Atlas::from_json(crate::EMBEDDED_DATASET)
    }

    pub fn new(mut data: Dataset) -> Result<Atlas, DomainError> {
        if data.schema_version != SCHEMA_VERSION {
            return Err(DomainError::Dataset(format!(
                "schema version {} is not the {} this build reads",
                data.schema_version, SCHEMA_VERSION
            )));
        }
        validate::check_references(&data).map_err(|problems| {
            DomainError::Dataset(format!(
                "{} broken references, first: {}",
                problems.len(),
                problems.first().map(String::as_str).unwrap_or_default()
            ))
        })?;
        // Queries return items in time order without sorting each time.
        data.sessions.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
        data.timeline.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));

        fn index<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
            items.iter().enumerate().map(|(i, x)| (id(x).to_string(), i)).collect()
        }
        let mut series_by_mineral: HashMap<String, Vec<usize>> = HashMap::new();
        let mut stat_rows_by_country: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (si, s) in data.series.iter().enumerate() {
            series_by_mineral.entry(s.mineral.clone()).or_default().push(si);
            for (ri, r) in s.rows.iter().enumerate() {
                if let Some(c) = &r.country {
                    stat_rows_by_country.entry(c.clone()).or_default().push((si, ri));
                }
            }
        }
        let mut ministerial_role = HashMap::new();
        let mut participations_by_party: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in data.participations.iter().enumerate() {
            if p.event == data.primary_event {
                ministerial_role.insert(p.party.clone(), p.role);
            }
            participations_by_party.entry(p.party.clone()).or_default().push(i);
        }
        let mut agreements_by_party: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, a) in data.agreements.iter().enumerate() {
            for p in &a.parties {
                agreements_by_party.entry(p.clone()).or_default().push(i);
            }
        }
        let mut sessions_by_country: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, s) in data.sessions.iter().enumerate() {
            for c in &s.countries {
                sessions_by_country.entry(c.clone()).or_default().push(i);
            }
        }
        let mut timeline_by_country: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in data.timeline.iter().enumerate() {
            for c in &t.countries {
                timeline_by_country.entry(c.clone()).or_default().push(i);
            }
        }
        let usgs_citation = data.provenance.usgs_citation.clone();
        let search_index = crate::search::SearchIndex::build(&data);
        Ok(Atlas {
            unverified_sources: data.unverified_source_ids().into_iter().map(str::to_string).collect(),
            timeline_by_id: index(&data.timeline, |t| &t.id),
            search_index,
            source_by_id: index(&data.sources, |s| &s.id),
            country_by_id: index(&data.countries, |c| &c.iso3),
            person_by_id: index(&data.people, |p| &p.id),
            event_by_id: index(&data.events, |e| &e.id),
            mineral_by_id: index(&data.minerals, |m| &m.id),
            session_by_id: index(&data.sessions, |s| &s.id),
            series_by_mineral,
            stat_rows_by_country,
            ministerial_role,
            participations_by_party,
            agreements_by_party,
            sessions_by_country,
            timeline_by_country,
            usgs_citation,
            now: None,
            data,
        })
    }

    /// The same atlas read against a fixed clock (tests; the app's test hook).
    pub fn with_now(mut self, now: Option<DateTime<Utc>>) -> Atlas {
        self.now = now;
        self
    }

    /// Now, by the atlas's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.now.unwrap_or_else(Utc::now)
    }

    /// The date "as of" refers to: the latest date the data records.
    pub fn facts_as_of(&self) -> NaiveDate {
        self.data.provenance.facts_as_of.unwrap_or_else(|| self.data.events.iter().map(|e| e.end).max().unwrap_or_default())
    }

    /// A status tied to an event's dates: read against the end of its last day.
    fn event_status_as_of(&self, e: &Event, status: Status) -> Option<String> {
        let last_day_ends = ZonedDateTime::start_of_day(e.end.succ_opt().unwrap_or(e.end), e.time_zone).ok()?;
        self.status_as_of(status, last_day_ends.instant, false)
    }

    fn status_as_of(&self, status: Status, end: DateTime<Utc>, has_outcomes: bool) -> Option<String> {
        crate::status_now::status_as_of(status, end, has_outcomes, self.now(), self.facts_as_of())
    }

    pub fn dataset(&self) -> &Dataset {
        &self.data
    }

    // ---- lookups -------------------------------------------------------

    /// Whether a record cites a source of kind `unverified_pack`: it came
    /// from a pack no trusted key signed, and every list that shows it says so.
    pub(crate) fn cites_unverified(&self, ids: &[String]) -> bool {
        ids.iter().any(|id| self.unverified_sources.contains(id))
    }

    fn sources(&self, ids: &[String]) -> Vec<Source> {
        ids.iter().filter_map(|id| self.source_by_id.get(id)).map(|&i| self.data.sources[i].clone()).collect()
    }

    fn person(&self, id: &str) -> Option<&Person> {
        self.person_by_id.get(id).map(|&i| &self.data.people[i])
    }

    fn country_name(&self, iso3: &str) -> String {
        self.country_by_id.get(iso3).map(|&i| self.data.countries[i].name.clone()).unwrap_or_else(|| iso3.to_string())
    }

    fn party_refs(&self, ids: &[String]) -> Vec<PartyRef> {
        ids.iter().map(|id| PartyRef { iso3: id.clone(), name: self.country_name(id) }).collect()
    }

    pub fn role_at_ministerial(&self, iso3: &str) -> Option<Role> {
        self.ministerial_role.get(iso3).copied()
    }

    /// Signed a bilateral instrument with the host at the ministerial. The
    /// host itself is party to all of them, so it is never "a signer".
    fn signed_at_ministerial(&self, iso3: &str) -> bool {
        if self.role_at_ministerial(iso3) == Some(Role::Host) {
            return false;
        }
        self.agreements_by_party.get(iso3).map(|v| v.iter().any(|&i| self.data.agreements[i].at_ministerial)).unwrap_or(false)
    }

    fn mineral_ref(&self, id: &str) -> &Mineral {
        &self.data.minerals[self.mineral_by_id[id]]
    }

    pub fn info(&self) -> DatasetInfo {
        let host = self.ministerial_role.iter().find(|(_, role)| **role == Role::Host).map(|(id, _)| id.clone());
        DatasetInfo {
            primary_event: self.data.primary_event.clone(),
            host: host.map(|id| PartyRef { name: self.country_name(&id), iso3: id }),
            fixed_now: self.now.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            schema_version: self.data.schema_version,
            dataset_version: self.data.dataset_version.clone(),
            unverified_pack: self.data.sources.iter().any(|s| s.kind == crate::model::SourceKind::UnverifiedPack),
            provenance: self.data.provenance.clone(),
            counts: DatasetCounts {
                countries: self.data.countries.len(),
                participants: self.ministerial_role.values().filter(|r| **r == Role::Participant).count(),
                minerals: self.data.minerals.len(),
                series: self.data.series.len(),
                stat_rows: self.data.series.iter().map(|s| s.rows.len()).sum(),
                sessions: self.data.sessions.len(),
                timeline: self.data.timeline.len(),
                sources: self.data.sources.len(),
            },
        }
    }

    /// Ranked results for a query of any length (an empty query finds nothing).
    pub fn search(&self, query: &str, limit: Option<usize>) -> Vec<crate::search::SearchResult> {
        let limit = limit.unwrap_or(crate::search::DEFAULT_LIMIT).clamp(1, 100);
        self.search_index.search(query, limit)
    }

    /// Party ids that attended the ministerial, sorted.
    pub fn ministerial_parties(&self) -> BTreeSet<String> {
        self.ministerial_role.keys().cloned().collect()
    }
}
