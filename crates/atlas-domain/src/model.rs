//! The dataset's records, as stored in `data/generated/atlas-dataset.json` and
//! as held in memory. Every fact-bearing record carries `sources` (ids into
//! [`Dataset::sources`]) and a [`Status`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::time::{ZoneName, ZonedDateTime};
use crate::value::UsgsValue;

/// How sure the dataset is of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Two or more independent sources agree, or an official text was read.
    Confirmed,
    /// One secondary source.
    Reported,
    /// Sources conflict, or the record is an inference.
    Uncertain,
    /// Announced for the future; not yet known to have happened.
    Scheduled,
}

impl Status {
    /// The word for it, as serialised ("confirmed").
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Reported => "reported",
            Status::Uncertain => "uncertain",
            Status::Scheduled => "scheduled",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub url: String,
    pub publisher: String,
    pub title: String,
    /// What the source is, which decides what it can confirm on its own.
    #[serde(default)]
    pub kind: SourceKind,
    /// For an official text read through a copy: what the original is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
    /// Reprints of one report share this id and count as one source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
}

/// What a source is. `confirmed` needs an official text (read directly or
/// through a copy) or two independent sources ([`crate::validate::status_rule`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A government's or agency's own text, read at its source.
    Official,
    /// An official text read through a copy (a mirror, a reprint of a release).
    OfficialCopy,
    /// A news report (state news agencies included).
    Press,
    /// Commentary or analysis by a third party.
    Analysis,
    /// A file the user imported.
    ImportedFile,
    /// Added by the app to every record of a data pack whose signature did
    /// not verify (or that had none): the record's facts read "unverified".
    UnverifiedPack,
    /// Not said (data packs written before sources had a kind).
    #[default]
    Unclassified,
}

impl SourceKind {
    pub fn is_official(self) -> bool {
        matches!(self, SourceKind::Official | SourceKind::OfficialCopy)
    }
}

/// A country, or the European Commission (kind `organisation`, no ISO numeric code).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-3 (for the EC: `EUC`, not an ISO code). The id everywhere.
    pub iso3: String,
    pub iso2: String,
    /// ISO 3166-1 numeric as zero-padded text ("036"), as world-atlas keys its features.
    pub numeric: Option<String>,
    pub name: String,
    pub kind: PartyKind,
    /// The name USGS uses in its tables ("Congo (Kinshasa)"), where USGS reports the country.
    pub usgs_name: Option<String>,
    pub capital: Option<String>,
    /// Continent code (AF, AS, EU, NA, OC, SA) where known.
    pub region: Option<String>,
    /// Flag file in the flag-icons package, by lower-case alpha-2.
    pub flag: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    Country,
    Organisation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Host,
    Participant,
    Observer,
}

impl Role {
    /// The word for it, as serialised ("participant").
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Host => "host",
            Role::Participant => "participant",
            Role::Observer => "observer",
        }
    }
}

/// A party's presence at an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participation {
    pub event: String,
    pub party: String,
    pub role: Role,
    /// Person id of the head of delegation, where a source names one.
    pub head_of_delegation: Option<String>,
    /// Other named delegation members (person ids).
    #[serde(default)]
    pub members: Vec<String>,
    pub notes: Option<String>,
    /// Whether the party attended (the fact sheet confirms the ministerial's list).
    pub status: Status,
    /// How sure the delegation's details (its head, members, notes) are: a
    /// separate claim from attendance, often on other sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delegation_status: Option<Status>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// Title at the time of the events ("Federal Minister for Energy (Petroleum Division)").
    pub title: String,
    pub country: Option<String>,
    pub status: Status,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementKind {
    Framework,
    Mou,
    /// One of the two, and the sources do not say which.
    FrameworkOrMou,
    Declaration,
    Partnership,
    Initiative,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: String,
    pub title: String,
    pub kind: AgreementKind,
    /// Party ids (alpha-3 or `EUC`); company parties are named in `summary`.
    pub parties: Vec<String>,
    pub date: Option<NaiveDate>,
    /// Where the date is approximate or disputed, what the sources say.
    pub date_note: Option<String>,
    /// Signed at the ministerial on 4 February 2026.
    pub at_ministerial: bool,
    pub summary: String,
    pub status: Status,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EuCrmaClass {
    Strategic,
    Critical,
    StrategicAndCritical,
}

/// A mineral commodity, one per USGS world-table commodity (or per chapter
/// where the chapter has no world table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mineral {
    pub id: String,
    pub name: String,
    pub usgs_chapter: String,
    /// The chapter's "Is critical mineral 2025" flag in MCS 2026.
    pub mcs_critical_2025: bool,
    /// Names on the USGS 2022 list that this mineral covers ("cerium", …).
    pub usgs_list_2022: Vec<String>,
    /// Names on the USGS 2025 list that this mineral covers.
    pub usgs_list_2025: Vec<String>,
    pub eu_crma: Option<EuCrmaClass>,
    /// EU CRMA annex entries that map to this mineral.
    pub eu_crma_names: Vec<String>,
    /// The lists' sources: USGS MCS 2026, the USGS lists, the EU CRMA.
    pub sources: Vec<String>,
    /// Confirmed for USGS facts; the EU classification is transcribed from
    /// secondary sources and is `reported` where a mineral has one.
    pub status: Status,
}

impl Mineral {
    pub fn is_critical(&self) -> bool {
        self.mcs_critical_2025 || !self.usgs_list_2025.is_empty() || !self.usgs_list_2022.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Statistic {
    Production,
    Reserves,
    Capacity,
}

impl Statistic {
    /// The word for it, as serialised ("production").
    pub fn as_str(self) -> &'static str {
        match self {
            Statistic::Production => "production",
            Statistic::Reserves => "reserves",
            Statistic::Capacity => "capacity",
        }
    }
}

/// One USGS world table column: a commodity, statistic, detail, unit and year,
/// with a row per country and the world total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatSeries {
    pub id: String,
    pub mineral: String,
    pub statistic: Statistic,
    /// USGS's Statistics_detail without the ": rounded" suffix ("Mine production").
    pub detail: String,
    pub unit: String,
    pub year: i32,
    /// USGS's section heading ("World Mine Production and Reserves").
    pub section: String,
    pub world_total: Option<UsgsValue>,
    pub world_total_note: Option<String>,
    /// Set when a USGS correction after v1.0 changed the world total itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub world_total_erratum: Option<String>,
    /// A note USGS gives on every row of the series (moved here once, not repeated).
    pub note: Option<String>,
    /// Set when USGS's country rows add up to more than its (rounded) world
    /// total, so that shares sum past 100%: a property of the source, shown as is.
    pub total_warning: Option<String>,
    /// Set when the shares, shown to one decimal, add up past 100% only
    /// because USGS rounds its world total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sum_note: Option<String>,
    /// Always the USGS MCS 2026 data release (with the corrections applied).
    pub sources: Vec<String>,
    pub status: Status,
    pub rows: Vec<StatRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatRow {
    /// Alpha-3 where USGS names a country; `None` for "Other countries".
    pub country: Option<String>,
    pub usgs_name: String,
    pub value: UsgsValue,
    /// Percent of the world total, where both are numbers; see [`Share`].
    pub share: Option<Share>,
    /// What USGS says this row counts, where it differs from the table's
    /// other rows ("steatite", "crude and beneficiated", "quicklime only").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    pub note: Option<String>,
    /// Set when a USGS correction after v1.0 changed this row.
    pub erratum: Option<String>,
}

/// A share of the world total in percent. `at_most` when the world total is a
/// lower bound (">75,000,000"), which makes the share an upper bound.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Share {
    pub percent: f64,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub at_most: bool,
}

/// A dated gathering: the ministerial, PMIF 2025, PMIF 2026.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub short_title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub time_zone: ZoneName,
    pub venue: Option<String>,
    /// Absent for an imported conference whose file does not say.
    pub city: Option<String>,
    /// Alpha-3; absent for an imported conference whose file does not say.
    pub country: Option<String>,
    pub summary: String,
    pub status: Status,
    /// How sure the span `start`..`end` is, where that differs from `status`
    /// (the ministerial: a day of meetings, then the ministerial itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_status: Option<Status>,
    /// The days as the sources tell them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    pub sources: Vec<String>,
    /// Read from a schedule the user imported (not curated).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub imported: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    Plenary,
    Remarks,
    Bilateral,
    Meeting,
    Signing,
    PressConference,
    Briefing,
    Forum,
    /// A talk or item from an imported conference schedule.
    Talk,
}

/// How precisely a time is known. Sources rarely give an end time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimePrecision {
    /// Start and end are published.
    Exact,
    /// The start is published, the end is not; `end` is drawn one hour later.
    StartOnly,
    /// Only the date is known; `start` and `end` span the local day.
    Day,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub person: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: String,
    pub event: String,
    pub title: String,
    pub kind: SessionKind,
    pub start: ZonedDateTime,
    pub end: ZonedDateTime,
    pub time_precision: TimePrecision,
    pub venue: Option<String>,
    pub speakers: Vec<Speaker>,
    pub countries: Vec<String>,
    pub summary: String,
    pub outcomes: Vec<String>,
    pub status: Status,
    pub status_note: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Forum,
    Signing,
    Meeting,
    Announcement,
    Session,
    Publication,
    /// A delegation's travel or arrival.
    Delegation,
}

/// A dated entry on the arc from 2025 to PMIF 2026.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub id: String,
    pub title: String,
    pub kind: TimelineKind,
    /// Start in the place's own zone; `time_precision` says whether the clock time is known.
    pub start: ZonedDateTime,
    pub end: Option<ZonedDateTime>,
    pub time_precision: TimePrecision,
    /// The country the source data files the entry under (alpha-3).
    pub country: String,
    /// Countries the entry concerns, including `country`.
    pub countries: Vec<String>,
    /// The event this entry belongs to, where it does.
    pub event: Option<String>,
    /// Sessions that this entry describes.
    pub sessions: Vec<String>,
    pub status: Status,
    pub status_note: Option<String>,
    pub sources: Vec<String>,
}

/// Where the dataset came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub generator: String,
    pub inputs: Vec<InputFile>,
    pub usgs_doi: String,
    pub usgs_citation: String,
    pub usgs_licence: String,
    pub usgs_version: String,
    pub errata_applied: Vec<AppliedErratum>,
    pub notes: Vec<String>,
    /// The latest date the data records (a correction, an entry, a session,
    /// an agreement): what "as of" means for everything it does not record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts_as_of: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputFile {
    /// Path relative to the source root (`shared/data/...` or `data/curated/...`).
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppliedErratum {
    pub version: String,
    pub date: NaiveDate,
    pub chapter: String,
    pub country: String,
    pub statistic: String,
    pub year: i32,
    pub before: String,
    pub after: String,
}

/// The whole dataset, as the generator writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub schema_version: u32,
    pub dataset_version: String,
    pub provenance: Provenance,
    pub sources: Vec<Source>,
    pub countries: Vec<Country>,
    pub people: Vec<Person>,
    pub events: Vec<Event>,
    pub participations: Vec<Participation>,
    pub agreements: Vec<Agreement>,
    pub minerals: Vec<Mineral>,
    pub series: Vec<StatSeries>,
    pub sessions: Vec<Session>,
    pub timeline: Vec<TimelineEntry>,
    /// The event the dataset is about (its participants are "the
    /// participants", its host "the host"). Packs written before this field
    /// existed are about the 2026 ministerial.
    #[serde(default = "default_primary_event")]
    pub primary_event: String,
}

impl Dataset {
    /// The ids of its sources of kind `unverified_pack`. A record citing one
    /// came from a pack no trusted key signed, and every place that shows it says so.
    pub fn unverified_source_ids(&self) -> std::collections::HashSet<&str> {
        self.sources.iter().filter(|s| s.kind == SourceKind::UnverifiedPack).map(|s| s.id.as_str()).collect()
    }
}

fn default_primary_event() -> String {
    MINISTERIAL_EVENT_ID.to_string()
}

/// The dataset format this build reads.
pub const SCHEMA_VERSION: u32 = 1;
/// The built-in dataset's primary event (see [`Dataset::primary_event`]).
pub const MINISTERIAL_EVENT_ID: &str = "cmm-2026";
