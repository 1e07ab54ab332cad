//! The shapes of the project's curated files (data/curated/) and of the
//! shared JSON inputs. Unknown fields are refused so a typo cannot pass silently.

use atlas_domain::model::{Agreement, AgreementKind, Event, Person, Role, SessionKind, Source, Speaker, Status, TimelineKind};
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    #[serde(rename = "_note")]
    pub _note: Option<String>,
    pub sources: Vec<Source>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyDef {
    pub iso3: String,
    pub iso2: String,
    pub numeric: Option<String>,
    pub name: String,
    pub capital: Option<String>,
    pub region: Option<String>,
    pub flag: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DelegationDef {
    pub event: String,
    pub party: String,
    #[serde(default)]
    pub role: Option<Role>,
    pub head_of_delegation: Option<String>,
    #[serde(default)]
    pub members: Vec<String>,
    pub notes: Option<String>,
    pub status: Status,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SigningTemplate {
    pub title: String,
    pub kind: AgreementKind,
    pub date: NaiveDate,
    pub date_note: Option<String>,
    pub summary: String,
    pub status: Status,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionDef {
    pub id: String,
    pub event: String,
    pub title: String,
    pub kind: SessionKind,
    /// `YYYY-MM-DD` (precision `day`) or `YYYY-MM-DDTHH:MM` local to the event.
    pub start: String,
    #[serde(default)]
    pub end: Option<String>,
    pub time_precision: String,
    pub venue: Option<String>,
    pub speakers: Vec<Speaker>,
    pub countries: Vec<String>,
    pub summary: String,
    pub outcomes: Vec<String>,
    pub status: Status,
    pub status_note: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineAnnotation {
    /// Text that occurs in exactly one entry's title.
    #[serde(rename = "match")]
    pub matches: String,
    pub kind: TimelineKind,
    pub time_zone: String,
    pub countries: Vec<String>,
    #[serde(default)]
    pub event: Option<String>,
    #[serde(default)]
    pub sessions: Vec<String>,
    /// The project's own grade where the shared timeline's claims more than
    /// its sources allow: only ever lower than the shared status.
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub status_note: Option<String>,
    /// Sources the project holds for the same fact (ids in sources.json).
    #[serde(default)]
    pub extra_sources: Vec<String>,
    /// The title the app shows, where the shared one words a fact
    /// differently from the rest of the data (the id keeps the shared title),
    /// and why.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub title_note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinisterialFile {
    #[serde(rename = "_note")]
    pub _note: Option<String>,
    pub host: PartyDef,
    pub organisations: Vec<PartyDef>,
    pub people: Vec<Person>,
    /// Read as the model's own type: the zone is validated as it is read.
    pub events: Vec<Event>,
    pub delegations: Vec<DelegationDef>,
    pub ministerial_signing_partners: Vec<String>,
    pub agreements: Vec<Agreement>,
    pub ministerial_signing_template: SigningTemplate,
    pub sessions: Vec<SessionDef>,
    pub timeline: Vec<TimelineAnnotation>,
    /// Dated facts the project adds beside the shared timeline (the founding
    /// brief's claims, official reporting found later), each with its sources.
    #[serde(default)]
    pub timeline_extra: Vec<CuratedTimelineEntry>,
}

/// A timeline entry the project curates itself.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedTimelineEntry {
    pub title: String,
    pub kind: TimelineKind,
    /// The local date (YYYY-MM-DD).
    pub start: String,
    #[serde(default)]
    pub end: Option<String>,
    pub time_zone: String,
    /// The country it is filed under first, then the others it concerns.
    pub countries: Vec<String>,
    #[serde(default)]
    pub event: Option<String>,
    pub status: Status,
    #[serde(default)]
    pub status_note: Option<String>,
    /// Source ids in sources.json.
    pub sources: Vec<String>,
}

/// shared/data/event_timeline.json
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineFile {
    pub generated_note: Option<String>,
    pub events: Vec<RawTimelineEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTimelineEntry {
    pub start: String,
    pub end: Option<String>,
    pub title: String,
    pub country_usgs_name: String,
    pub sources: Vec<String>,
    pub status: Status,
    #[serde(default)]
    pub status_note: Option<String>,
}
