//! What the queries return: records joined with what the front end shows
//! beside them (sources expanded, names resolved, times in two zones).

use serde::Serialize;

use crate::model::{
    Agreement, AgreementKind, Country, Event, Mineral, Person, Provenance, Role, SessionKind, Share, Source, Statistic, Status,
    TimePrecision, TimelineKind,
};
use crate::time::TimeView;
use crate::value::ValueView;

/// A source with the status of the fact that cites it.
#[derive(Debug, Clone, Serialize)]
pub struct CitedSource {
    #[serde(flatten)]
    pub source: Source,
    /// What the source supports here ("head of delegation", "agreement: …").
    pub supports: String,
    pub status: Status,
}

#[derive(Debug, Clone, Serialize)]
pub struct CountrySummary {
    pub iso3: String,
    pub iso2: String,
    pub numeric: Option<String>,
    pub name: String,
    pub kind: crate::model::PartyKind,
    /// Role at the ministerial; `None` for countries that did not attend.
    pub role: Option<Role>,
    pub flag: Option<String>,
    pub capital: Option<String>,
    pub region: Option<String>,
    pub head_of_delegation: Option<String>,
    /// Signed a framework or MOU with the US at the ministerial (4 February 2026).
    pub signed_at_ministerial: bool,
    /// Whether USGS reports the country separately in any world table.
    pub usgs_reported: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    #[serde(flatten)]
    pub person: Person,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParticipationView {
    pub event: String,
    pub event_title: String,
    pub role: Role,
    pub head_of_delegation: Option<Person>,
    pub members: Vec<Person>,
    pub notes: Option<String>,
    /// Attendance.
    pub status: Status,
    /// Set when a scheduled participation's event has passed.
    pub status_as_of: Option<String>,
    /// The delegation's details (head, members, notes).
    pub delegation_status: Option<Status>,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartyRef {
    pub iso3: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgreementView {
    pub id: String,
    pub title: String,
    pub kind: AgreementKind,
    pub parties: Vec<PartyRef>,
    pub date: Option<String>,
    pub date_note: Option<String>,
    pub at_ministerial: bool,
    pub summary: String,
    pub status: Status,
    pub sources: Vec<Source>,
}

impl AgreementView {
    pub fn new(a: &Agreement, parties: Vec<PartyRef>, sources: Vec<Source>) -> Self {
        AgreementView {
            id: a.id.clone(),
            title: a.title.clone(),
            kind: a.kind,
            parties,
            date: a.date.map(|d| d.to_string()),
            date_note: a.date_note.clone(),
            at_ministerial: a.at_ministerial,
            summary: a.summary.clone(),
            status: a.status,
            sources,
        }
    }
}

/// One of a country's USGS figures with its world context.
#[derive(Debug, Clone, Serialize)]
pub struct CountryStat {
    pub series: String,
    pub mineral: String,
    pub mineral_name: String,
    pub critical: bool,
    pub statistic: Statistic,
    pub detail: String,
    pub unit: String,
    pub year: i32,
    pub value: ValueView,
    pub share: Option<Share>,
    /// The country's place by share among the table's rows with numbers (1 = largest).
    pub rank: Option<usize>,
    /// How many of the table's countries have numbers: the places there are.
    pub ranked_among: usize,
    pub world_total: Option<ValueView>,
    pub qualifier: Option<String>,
    pub note: Option<String>,
    pub erratum: Option<String>,
    /// The table came from a data pack no trusted key signed: the figure says so.
    pub unverified: bool,
}

impl CountryStat {
    /// The same USGS table (mineral, figure, detail, unit), in any year, for
    /// any country. A row's qualifier is not part of it: two countries' rows
    /// in one table may count different things, and each says so.
    pub fn same_table(&self, other: &CountryStat) -> bool {
        self.mineral == other.mineral && self.statistic == other.statistic && self.detail == other.detail && self.unit == other.unit
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MineralProfile {
    /// False where USGS has no row for the country in any world table.
    pub usgs_reported: bool,
    /// The country's figures, largest world share first; figures without a share follow.
    pub stats: Vec<CountryStat>,
    /// What to tell the reader about gaps.
    pub gap_note: String,
    pub usgs_citation: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionSummary {
    pub id: String,
    pub event: String,
    pub title: String,
    pub kind: SessionKind,
    pub start: String,
    pub end: String,
    pub time_zone: &'static str,
    pub time_precision: TimePrecision,
    pub local_start: TimeView,
    pub local_end: TimeView,
    pub countries: Vec<String>,
    pub status: Status,
    /// Set when a scheduled session's date has passed (see `status_now`).
    pub status_as_of: Option<String>,
    /// From a data pack no trusted key signed: lists say "Unverified" beside its status.
    pub unverified: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineView {
    pub id: String,
    pub title: String,
    pub kind: TimelineKind,
    pub start: String,
    pub end: Option<String>,
    pub time_zone: &'static str,
    pub time_precision: TimePrecision,
    pub local_start: TimeView,
    /// Where the entry ends on a timeline: its end, else the end of its day
    /// (known only to the day), else an hour after its start.
    pub local_end: TimeView,
    /// The start in the zone the caller asked for (UTC when none).
    pub viewer_start: TimeView,
    pub country: String,
    pub countries: Vec<String>,
    pub event: Option<String>,
    pub sessions: Vec<String>,
    pub status: Status,
    /// Set when a scheduled entry's date has passed (see `status_now`).
    pub status_as_of: Option<String>,
    pub status_note: Option<String>,
    /// From a data pack no trusted key signed (as `SessionSummary::unverified`).
    pub unverified: bool,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CountryDetail {
    pub country: Country,
    pub role: Option<Role>,
    pub participation: Vec<ParticipationView>,
    pub agreements: Vec<AgreementView>,
    pub minerals: MineralProfile,
    pub sessions: Vec<SessionSummary>,
    pub timeline: Vec<TimelineView>,
    /// Every source cited on this page, with what it supports and its status.
    pub sources: Vec<CitedSource>,
}

/// Two countries side by side (see `Atlas::compare`).
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub left: CountryDetail,
    pub right: CountryDetail,
    /// Each USGS table either is in (its latest year), with each one's figure.
    pub minerals: Vec<ComparedTable>,
}

/// One USGS table with the two countries' rows in it; `None` where a
/// country has no row of its own ("not reported separately", never zero).
#[derive(Debug, Clone, Serialize)]
pub struct ComparedTable {
    pub series: String,
    pub mineral: String,
    pub mineral_name: String,
    pub critical: bool,
    pub statistic: Statistic,
    pub detail: String,
    pub unit: String,
    pub year: i32,
    pub left: Option<CountryStat>,
    pub right: Option<CountryStat>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MineralSummary {
    pub id: String,
    pub name: String,
    pub usgs_chapter: String,
    pub critical: bool,
    pub mcs_critical_2025: bool,
    pub on_usgs_list_2025: bool,
    pub eu_crma: Option<crate::model::EuCrmaClass>,
    pub has_production: bool,
    pub has_reserves: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeriesRowView {
    pub country: Option<String>,
    pub name: String,
    pub usgs_name: String,
    pub role: Option<Role>,
    pub value: ValueView,
    pub share: Option<Share>,
    /// The same row in the same table a year earlier, where USGS gives one.
    pub previous: Option<ValueView>,
    /// The change since then in percent, where both years are exact numbers
    /// (and the earlier is not zero).
    pub change_percent: Option<f64>,
    /// What USGS says the row counts where it differs from the table ("steatite").
    pub qualifier: Option<String>,
    pub note: Option<String>,
    pub erratum: Option<String>,
}

/// The ministerial's participants against the rest of the world, for one series.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipantsShare {
    /// Sum of the shares of the 54 participating countries.
    pub participants_percent: f64,
    /// The host's (United States) share; 0 when it has no number (see `host_value`).
    pub host_percent: f64,
    /// The host's own row: `None` when USGS has none, a marker (W, NA) when
    /// its figure is withheld or not available, so that 0 is never shown for it.
    pub host_value: Option<ValueView>,
    /// Participants and host together.
    pub ministerial_percent: f64,
    /// Everyone else, "Other countries" included: 100 − ministerial.
    pub rest_percent: f64,
    /// Attending countries whose value is withheld or not available: the
    /// ministerial's share is then a lower bound.
    pub unreported_attendees: Vec<String>,
    /// True when the world total is a lower bound, so shares are upper bounds.
    pub world_total_is_lower_bound: bool,
    pub largest_non_participant: Option<RankedCountry>,
    pub largest_participant: Option<RankedCountry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RankedCountry {
    pub iso3: String,
    pub name: String,
    pub percent: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeriesView {
    pub id: String,
    pub statistic: Statistic,
    pub detail: String,
    pub unit: String,
    pub year: i32,
    pub section: String,
    /// The year of the same table a year earlier, where USGS gives it: the
    /// rows' `previous` values are from it.
    pub previous_year: Option<i32>,
    pub world_total: Option<ValueView>,
    pub world_total_note: Option<String>,
    /// A USGS correction of the world total after v1.0.
    pub world_total_erratum: Option<String>,
    /// The country rows add up past the world total by more than rounding.
    pub total_warning: Option<String>,
    /// The shares add up past 100% through USGS's rounding of the total.
    pub sum_note: Option<String>,
    pub rows: Vec<SeriesRowView>,
    pub participants: Option<ParticipantsShare>,
    /// Top shares and the HHI range, where the world total allows.
    pub concentration: Option<crate::concentration::Concentration>,
    /// The table came from a data pack no trusted key signed.
    pub unverified: bool,
}

/// What the map says of one country for a mineral and measure: its row in
/// the headline table, or, where it has none there, its row in another
/// table of the same year ("reported under Rutile"). A country with no cell
/// has no USGS row for that mineral, measure and year.
#[derive(Debug, Clone, Serialize)]
pub struct MapCell {
    pub country: String,
    pub series: String,
    /// The table's name ("Mine production: Rutile").
    pub detail: String,
    pub in_headline: bool,
    pub value: ValueView,
    pub unit: String,
    pub share: Option<Share>,
    pub qualifier: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MineralDetail {
    pub mineral: Mineral,
    pub critical: bool,
    /// The latest mine (or primary) production series, where there is one.
    pub headline_production: Option<String>,
    /// The reserves series, where there is one.
    pub headline_reserves: Option<String>,
    /// Each country's cell on the map, for production and for reserves.
    pub cells_production: Vec<MapCell>,
    pub cells_reserves: Vec<MapCell>,
    pub series: Vec<SeriesView>,
    /// The supply chain's stages side by side, where USGS gives more than one.
    pub stages: Option<StageChain>,
    pub usgs_citation: String,
    /// The mineral's own record (name, lists) came from a data pack no trusted key signed.
    pub unverified: bool,
}

/// A supply chain's stages as USGS tables them, with each country's place at each.
#[derive(Debug, Clone, Serialize)]
pub struct StageChain {
    pub name: String,
    pub stages: Vec<Stage>,
    /// Attending countries with a row at some stage, and every stage's leaders; best share first.
    pub countries: Vec<StageCountry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stage {
    pub mineral: String,
    pub mineral_name: String,
    pub series: String,
    /// USGS's table header ("Refinery production").
    pub detail: String,
    pub year: i32,
    pub unit: String,
    /// The largest shares, largest first.
    pub leaders: Vec<StageLeader>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StageLeader {
    pub iso3: String,
    pub name: String,
    pub percent: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct StageCountry {
    pub iso3: String,
    pub name: String,
    pub role: Option<Role>,
    /// One per stage, in the chain's order: `None` where the country has no row in that stage's table.
    pub places: Vec<Option<StagePlace>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StagePlace {
    pub value: ValueView,
    pub share: Option<Share>,
    pub rank: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    #[serde(flatten)]
    pub event: Event,
    pub days: Vec<String>,
    /// Each day from its local midnight to the next, in the event's zone.
    pub day_spans: Vec<Span>,
    /// The whole event, first local midnight to the end of its last day.
    pub span: Option<Span>,
    /// The dataset's primary event.
    pub primary: bool,
    pub session_count: usize,
    pub sources_expanded: Vec<Source>,
    /// Set when a scheduled event's last day has passed (see `status_now`).
    pub status_as_of: Option<String>,
}

/// A stretch of time: RFC 3339 instants in UTC, and its local date.
#[derive(Debug, Clone, Serialize)]
pub struct Span {
    pub date: String,
    pub start_utc: String,
    pub end_utc: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpeakerView {
    pub person: Person,
    pub role: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionDetail {
    #[serde(flatten)]
    pub summary: SessionSummary,
    pub event_title: String,
    /// The event's days as the sources tell them, where they are not simply its dates.
    pub event_date_note: Option<String>,
    /// How sure the event's span of days is, where that differs from its status.
    pub event_date_status: Option<Status>,
    pub venue: Option<String>,
    pub speakers: Vec<SpeakerView>,
    pub country_refs: Vec<PartyRef>,
    pub summary_text: String,
    pub outcomes: Vec<String>,
    pub status_note: Option<String>,
    pub sources: Vec<Source>,
    /// The session's times in the zone the caller asked for (defaults to UTC).
    pub viewer_start: TimeView,
    pub viewer_end: TimeView,
}

#[derive(Debug, Clone, Serialize)]
pub struct DatasetInfo {
    /// The event the dataset is about.
    pub primary_event: String,
    /// The primary event's host.
    pub host: Option<PartyRef>,
    /// The clock statuses are read against, when it is fixed (the tests'
    /// `MINERALS_ATLAS_NOW`): the page reads "now" from here, never its own clock, then.
    pub fixed_now: Option<String>,
    pub schema_version: u32,
    pub dataset_version: String,
    pub provenance: Provenance,
    pub counts: DatasetCounts,
    /// Whether facts from a pack no trusted key signed are shown (their
    /// records cite a source of kind `unverified_pack`): the window says so
    /// in every view, not only beside those facts' sources.
    pub unverified_pack: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DatasetCounts {
    pub countries: usize,
    pub participants: usize,
    pub minerals: usize,
    pub series: usize,
    pub stat_rows: usize,
    pub sessions: usize,
    pub timeline: usize,
    pub sources: usize,
}

/// A starred item as My agenda lists it.
#[derive(Debug, Clone, Serialize)]
pub struct AgendaItem {
    /// `session` or `timeline`.
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    pub start: String,
    pub time_zone: &'static str,
    pub time_precision: TimePrecision,
    pub local_start: TimeView,
    pub viewer_start: TimeView,
    pub viewer_end: Option<TimeView>,
    pub status: Status,
    pub status_as_of: Option<String>,
    /// Ids of other starred items whose known times overlap this one.
    pub conflicts_with: Vec<String>,
    /// From a data pack no trusted key signed.
    pub unverified: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgendaView {
    pub items: Vec<AgendaItem>,
    /// Starred ids that no longer exist in the data (kept, shown as missing).
    pub missing: Vec<String>,
}
