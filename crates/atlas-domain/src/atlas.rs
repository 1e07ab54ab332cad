//! The dataset parsed once and indexed, and every query the app answers.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::DomainError;
use crate::model::*;
use crate::time::{TimeView, ZoneName, ZonedDateTime};
use crate::validate;
use crate::value::ValueView;
use crate::views::*;

/// What a starred item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaKind {
    Session,
    Timeline,
}

/// Longest id or text argument a query accepts; longer ones are refused, not searched.
pub const MAX_ARGUMENT_LEN: usize = 256;

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
    search_index: crate::search::SearchIndex,
    usgs_citation: String,
    /// The clock statuses are read against: fixed in tests, the system's otherwise.
    now: Option<DateTime<Utc>>,
}

/// The series a mineral's map shows for a measure, by rule: the latest year;
/// within it the table with a world total (so shares exist), then the one
/// naming the most countries, then the first USGS lists (mine output before
/// refinery). Never by position alone.
pub fn headline_series<'a>(series: &[&'a StatSeries], statistic: Statistic) -> Option<&'a StatSeries> {
    let latest = series.iter().filter(|s| s.statistic == statistic).map(|s| s.year).max()?;
    let rank = |s: &StatSeries| (s.world_total.is_some(), s.rows.iter().filter(|r| r.country.is_some()).count());
    let mut best: Option<&'a StatSeries> = None;
    for s in series.iter().copied().filter(|s| s.statistic == statistic && s.year == latest) {
        if best.is_none_or(|b| rank(s) > rank(b)) {
            best = Some(s);
        }
    }
    best
}

/// When an entry is over: its end, else the end of its day (a day-precision
/// entry is not "past" at midnight of its own day), else its start.
fn entry_end(t: &TimelineEntry) -> DateTime<Utc> {
    match (t.end, t.time_precision) {
        (Some(end), _) => end.instant,
        (None, TimePrecision::Day) => t
            .start
            .local()
            .date_naive()
            .succ_opt()
            .and_then(|d| ZonedDateTime::start_of_day(d, t.start.zone).ok())
            .map_or(t.start.instant, |e| e.instant),
        (None, _) => t.start.instant,
    }
}

/// Every country's cell for a mineral and measure in the headline's year:
/// its headline row, else its row in the first other table that has one.
pub fn map_cells(series: &[&StatSeries], statistic: Statistic) -> Vec<MapCell> {
    let Some(headline) = headline_series(series, statistic) else { return vec![] };
    let mut tables: Vec<&StatSeries> = vec![headline];
    tables.extend(series.iter().copied().filter(|s| s.statistic == statistic && s.year == headline.year && s.id != headline.id));
    let mut out: Vec<MapCell> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for s in tables {
        for r in &s.rows {
            let Some(country) = &r.country else { continue };
            if !seen.insert(country.clone()) {
                continue;
            }
            out.push(MapCell {
                country: country.clone(),
                series: s.id.clone(),
                detail: s.detail.clone(),
                in_headline: s.id == headline.id,
                value: ValueView::from(&r.value),
                unit: s.unit.clone(),
                share: r.share,
                qualifier: r.qualifier.clone(),
            });
        }
    }
    out
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
            if p.event == MINISTERIAL_EVENT_ID {
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

    fn check_id<'a>(&self, what: &'static str, id: &'a str) -> Result<&'a str, DomainError> {
        if id.len() > MAX_ARGUMENT_LEN {
            return Err(DomainError::invalid(what, format!("longer than {MAX_ARGUMENT_LEN} bytes")));
        }
        Ok(id.trim())
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

    // ---- countries -----------------------------------------------------

    /// Every country and party in the dataset, with its role at the ministerial.
    pub fn countries(&self) -> Vec<CountrySummary> {
        self.data.countries.iter().map(|c| self.country_summary(c)).collect()
    }

    fn country_summary(&self, c: &Country) -> CountrySummary {
        let head = self
            .participations_by_party
            .get(&c.iso3)
            .and_then(|v| v.iter().map(|&i| &self.data.participations[i]).find(|p| p.event == MINISTERIAL_EVENT_ID))
            .and_then(|p| p.head_of_delegation.as_deref())
            .and_then(|id| self.person(id))
            .map(|p| p.name.clone());
        CountrySummary {
            iso3: c.iso3.clone(),
            iso2: c.iso2.clone(),
            numeric: c.numeric.clone(),
            name: c.name.clone(),
            kind: c.kind,
            role: self.role_at_ministerial(&c.iso3),
            flag: c.flag.clone(),
            capital: c.capital.clone(),
            region: c.region.clone(),
            head_of_delegation: head,
            signed_at_ministerial: self.signed_at_ministerial(&c.iso3),
            usgs_reported: self.stat_rows_by_country.contains_key(&c.iso3),
        }
    }

    /// Everything about one country.
    pub fn country(&self, iso3: &str) -> Result<CountryDetail, DomainError> {
        let id = self.check_id("country id", iso3)?.to_ascii_uppercase();
        let &ci = self.country_by_id.get(&id).ok_or_else(|| DomainError::not_found("country", iso3))?;
        let country = &self.data.countries[ci];
        let mut cited: Vec<CitedSource> = Vec::new();
        let mut cite = |ids: &[String], supports: String, status: Status| {
            for s in self.sources(ids) {
                if !cited.iter().any(|c| c.source.id == s.id && c.supports == supports) {
                    cited.push(CitedSource { source: s, supports: supports.clone(), status });
                }
            }
        };

        let participation: Vec<ParticipationView> = self
            .participations_by_party
            .get(&id)
            .into_iter()
            .flatten()
            .map(|&i| {
                let p = &self.data.participations[i];
                let event_title = self.event_by_id.get(&p.event).map(|&e| self.data.events[e].title.clone()).unwrap_or_default();
                let head = p.head_of_delegation.as_deref().and_then(|h| self.person(h)).cloned();
                if let Some(h) = &head {
                    cite(&h.sources, format!("{}: {}", h.name, h.title), h.status);
                }
                cite(&p.sources, format!("participation: {event_title}"), p.status);
                ParticipationView {
                    event: p.event.clone(),
                    event_title,
                    role: p.role,
                    head_of_delegation: head,
                    members: p.members.iter().filter_map(|m| self.person(m)).cloned().collect(),
                    notes: p.notes.clone(),
                    status: p.status,
                    status_as_of: self.event_by_id.get(&p.event).and_then(|&e| self.event_status_as_of(&self.data.events[e], p.status)),
                    delegation_status: p.delegation_status,
                    sources: self.sources(&p.sources),
                }
            })
            .collect();

        let mut agreements: Vec<AgreementView> = self
            .agreements_by_party
            .get(&id)
            .into_iter()
            .flatten()
            .map(|&i| {
                let a = &self.data.agreements[i];
                cite(&a.sources, format!("agreement: {}", a.title), a.status);
                AgreementView::new(a, self.party_refs(&a.parties), self.sources(&a.sources))
            })
            .collect();
        agreements.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));

        let sessions: Vec<SessionSummary> = self
            .sessions_by_country
            .get(&id)
            .into_iter()
            .flatten()
            .map(|&i| {
                let s = &self.data.sessions[i];
                cite(&s.sources, format!("session: {}", s.title), s.status);
                self.session_summary(s)
            })
            .collect();
        let timeline: Vec<TimelineView> = self
            .timeline_by_country
            .get(&id)
            .into_iter()
            .flatten()
            .map(|&i| {
                let t = &self.data.timeline[i];
                cite(&t.sources, format!("timeline: {}", t.title), t.status);
                self.timeline_view(t)
            })
            .collect();

        let minerals = self.mineral_profile(&id);
        Ok(CountryDetail {
            country: country.clone(),
            role: self.role_at_ministerial(&id),
            participation,
            agreements,
            minerals,
            sessions,
            timeline,
            sources: cited,
        })
    }

    fn mineral_profile(&self, iso3: &str) -> MineralProfile {
        let rows = self.stat_rows_by_country.get(iso3);
        let mut stats: Vec<CountryStat> = rows
            .into_iter()
            .flatten()
            .map(|&(si, ri)| {
                let s = &self.data.series[si];
                let r = &s.rows[ri];
                let m = self.mineral_ref(&s.mineral);
                CountryStat {
                    series: s.id.clone(),
                    mineral: m.id.clone(),
                    mineral_name: m.name.clone(),
                    critical: m.is_critical(),
                    statistic: s.statistic,
                    detail: s.detail.clone(),
                    unit: s.unit.clone(),
                    year: s.year,
                    value: ValueView::from(&r.value),
                    share: r.share,
                    world_total: s.world_total.as_ref().map(ValueView::from),
                    qualifier: r.qualifier.clone(),
                    note: r.note.clone(),
                    erratum: r.erratum.clone(),
                }
            })
            .collect();
        stats.sort_by(|a, b| {
            let pa = a.share.map(|s| s.percent).unwrap_or(-1.0);
            let pb = b.share.map(|s| s.percent).unwrap_or(-1.0);
            pb.total_cmp(&pa)
                .then_with(|| a.mineral_name.cmp(&b.mineral_name))
                .then_with(|| b.year.cmp(&a.year))
                .then_with(|| a.series.cmp(&b.series))
        });
        let usgs_reported = !stats.is_empty();
        let is_organisation = self.country_by_id.get(iso3).is_some_and(|&i| self.data.countries[i].kind != PartyKind::Country);
        let gap_note = if is_organisation {
            "USGS reports countries, not organisations: the European Union's members appear one by one in \
             its world tables (open a member state on the map)."
                .to_string()
        } else if usgs_reported {
            "Every USGS world-table row for this country is listed here. A mineral not listed has no row of \
             its own: USGS counts any output under \"Other countries\"; that is not a zero."
                .to_string()
        } else {
            "Not reported separately by USGS: MCS 2026 has no world-table row for this country. \
             Any production it has is inside \"Other countries\"; that is not a zero."
                .to_string()
        };
        MineralProfile { usgs_reported, stats, gap_note, usgs_citation: self.usgs_citation.clone() }
    }

    // ---- minerals ------------------------------------------------------

    /// All minerals, critical ones first, then by name.
    pub fn minerals(&self) -> Vec<MineralSummary> {
        let mut out: Vec<MineralSummary> = self
            .data
            .minerals
            .iter()
            .map(|m| {
                let series = self.series_by_mineral.get(&m.id);
                let has = |st: Statistic| series.map(|v| v.iter().any(|&i| self.data.series[i].statistic == st)).unwrap_or(false);
                MineralSummary {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    usgs_chapter: m.usgs_chapter.clone(),
                    critical: m.is_critical(),
                    mcs_critical_2025: m.mcs_critical_2025,
                    on_usgs_list_2025: !m.usgs_list_2025.is_empty(),
                    eu_crma: m.eu_crma,
                    has_production: has(Statistic::Production),
                    has_reserves: has(Statistic::Reserves),
                }
            })
            .collect();
        out.sort_by(|a, b| b.critical.cmp(&a.critical).then_with(|| a.name.cmp(&b.name)));
        out
    }

    /// Who produces a mineral and who holds reserves, participants against the world.
    pub fn mineral(&self, id: &str) -> Result<MineralDetail, DomainError> {
        let key = self.check_id("mineral id", id)?.to_ascii_lowercase();
        let &mi = self.mineral_by_id.get(&key).ok_or_else(|| DomainError::not_found("mineral", id))?;
        let mineral = &self.data.minerals[mi];
        let indices = self.series_by_mineral.get(&key).cloned().unwrap_or_default();
        let series: Vec<SeriesView> = indices.iter().map(|&i| self.series_view(&self.data.series[i])).collect();
        let of_mineral: Vec<&StatSeries> = indices.iter().map(|&i| &self.data.series[i]).collect();
        let headline = |st: Statistic| headline_series(&of_mineral, st).map(|s| s.id.clone());
        Ok(MineralDetail {
            critical: mineral.is_critical(),
            headline_production: headline(Statistic::Production),
            headline_reserves: headline(Statistic::Reserves),
            cells_production: map_cells(&of_mineral, Statistic::Production),
            cells_reserves: map_cells(&of_mineral, Statistic::Reserves),
            mineral: mineral.clone(),
            series,
            usgs_citation: self.usgs_citation.clone(),
        })
    }

    fn series_view(&self, s: &StatSeries) -> SeriesView {
        let rows: Vec<SeriesRowView> = s
            .rows
            .iter()
            .map(|r| SeriesRowView {
                country: r.country.clone(),
                name: r.country.as_deref().map(|c| self.country_name(c)).unwrap_or_else(|| r.usgs_name.clone()),
                usgs_name: r.usgs_name.clone(),
                role: r.country.as_deref().and_then(|c| self.role_at_ministerial(c)),
                value: ValueView::from(&r.value),
                share: r.share,
                qualifier: r.qualifier.clone(),
                note: r.note.clone(),
                erratum: r.erratum.clone(),
            })
            .collect();
        SeriesView {
            id: s.id.clone(),
            statistic: s.statistic,
            detail: s.detail.clone(),
            unit: s.unit.clone(),
            year: s.year,
            section: s.section.clone(),
            world_total: s.world_total.as_ref().map(ValueView::from),
            world_total_note: s.world_total_note.clone(),
            world_total_erratum: s.world_total_erratum.clone(),
            total_warning: s.total_warning.clone(),
            sum_note: s.sum_note.clone(),
            participants: self.participants_share(s),
            rows,
        }
    }

    /// The ministerial's combined share of one series, where the world total is known.
    pub fn participants_share(&self, s: &StatSeries) -> Option<ParticipantsShare> {
        let total = s.world_total.as_ref()?;
        let world_total_is_lower_bound = matches!(total, crate::value::UsgsValue::Bound { bound: crate::value::Bound::GreaterThan, .. });
        if total.exact().is_none() && !world_total_is_lower_bound {
            return None;
        }
        let (mut participants, mut host) = (0.0, 0.0);
        let mut host_value = None;
        let mut unreported = Vec::new();
        let mut best_in: Option<RankedCountry> = None;
        let mut best_out: Option<RankedCountry> = None;
        for r in &s.rows {
            let role = r.country.as_deref().and_then(|c| self.role_at_ministerial(c));
            let pct = r.share.map(|x| x.percent);
            if role == Some(Role::Host) {
                host_value = Some(ValueView::from(&r.value));
            }
            match (role, pct) {
                (Some(Role::Host), Some(p)) => host += p,
                (Some(_), Some(p)) => participants += p,
                (Some(_), None) if r.value.exact().is_none() => unreported.push(r.country.clone().unwrap_or_default()),
                _ => {}
            }
            if let (Some(iso3), Some(p)) = (&r.country, pct) {
                let ranked = RankedCountry { iso3: iso3.clone(), name: self.country_name(iso3), percent: p };
                let slot = if role.is_some() { &mut best_in } else { &mut best_out };
                if slot.as_ref().map(|b| p > b.percent).unwrap_or(true) {
                    *slot = Some(ranked);
                }
            }
        }
        let round = |x: f64| (x * 100.0).round() / 100.0;
        let ministerial = round(participants + host);
        Some(ParticipantsShare {
            participants_percent: round(participants),
            host_percent: round(host),
            host_value,
            ministerial_percent: ministerial,
            rest_percent: round((100.0 - ministerial).max(0.0)),
            unreported_attendees: unreported,
            world_total_is_lower_bound,
            largest_non_participant: best_out,
            largest_participant: best_in,
        })
    }

    // ---- events, sessions, timeline ------------------------------------

    pub fn events(&self) -> Vec<EventView> {
        let mut out: Vec<EventView> = self
            .data
            .events
            .iter()
            .map(|e| {
                let days = e.start.iter_days().take_while(|d| *d <= e.end).map(|d| d.to_string()).collect();
                EventView {
                    event: e.clone(),
                    days,
                    session_count: self.data.sessions.iter().filter(|s| s.event == e.id).count(),
                    sources_expanded: self.sources(&e.sources),
                    status_as_of: self.event_status_as_of(e, e.status),
                }
            })
            .collect();
        out.sort_by_key(|a| a.event.start);
        out
    }

    fn session_summary(&self, s: &Session) -> SessionSummary {
        let date = s.start.local().date_naive();
        SessionSummary {
            id: s.id.clone(),
            event: s.event.clone(),
            title: s.title.clone(),
            kind: s.kind,
            start: s.start.to_rfc9557(),
            end: s.end.to_rfc9557(),
            time_zone: s.start.zone.name(),
            time_precision: s.time_precision,
            local_start: TimeView::new(s.start.instant, s.start.zone, date),
            local_end: TimeView::new(s.end.instant, s.end.zone, date),
            countries: s.countries.clone(),
            status: s.status,
            status_as_of: self.status_as_of(s.status, s.end.instant, !s.outcomes.is_empty()),
        }
    }

    /// Sessions of an event in time order, optionally of one day (a date in the event's zone).
    pub fn sessions(&self, event: &str, day: Option<&str>) -> Result<Vec<SessionSummary>, DomainError> {
        let event_id = self.check_id("event id", event)?;
        let &ei = self.event_by_id.get(event_id).ok_or_else(|| DomainError::not_found("event", event))?;
        let ev = &self.data.events[ei];
        let day = match day {
            Some(d) => Some(parse_date("day", d)?),
            None => None,
        };
        if let Some(d) = day {
            if d < ev.start || d > ev.end {
                return Err(DomainError::invalid("day", format!("{d} is outside {} ({} to {})", ev.short_title, ev.start, ev.end)));
            }
        }
        Ok(self
            .data
            .sessions
            .iter()
            .filter(|s| s.event == ev.id)
            .filter(|s| day.map(|d| s.start.in_zone(ev.time_zone).date_naive() == d).unwrap_or(true))
            .map(|s| self.session_summary(s))
            .collect())
    }

    /// One session, with its times also shown in `viewer_zone` (an IANA name; UTC when absent).
    pub fn session(&self, id: &str, viewer_zone: Option<&str>) -> Result<SessionDetail, DomainError> {
        let key = self.check_id("session id", id)?;
        let &si = self.session_by_id.get(key).ok_or_else(|| DomainError::not_found("session", id))?;
        let zone = viewer_zone_or_utc(viewer_zone)?;
        let s = &self.data.sessions[si];
        let date = s.start.local().date_naive();
        Ok(SessionDetail {
            summary: self.session_summary(s),
            event_title: self.event_by_id.get(&s.event).map(|&e| self.data.events[e].title.clone()).unwrap_or_default(),
            event_date_note: self.event_by_id.get(&s.event).and_then(|&e| self.data.events[e].date_note.clone()),
            event_date_status: self.event_by_id.get(&s.event).and_then(|&e| self.data.events[e].date_status),
            venue: s.venue.clone(),
            speakers: s
                .speakers
                .iter()
                .filter_map(|sp| self.person(&sp.person).map(|p| SpeakerView { person: p.clone(), role: sp.role.clone() }))
                .collect(),
            country_refs: self.party_refs(&s.countries),
            summary_text: s.summary.clone(),
            outcomes: s.outcomes.clone(),
            status_note: s.status_note.clone(),
            sources: self.sources(&s.sources),
            viewer_start: TimeView::new(s.start.instant, zone, date),
            viewer_end: TimeView::new(s.end.instant, zone, date),
        })
    }

    fn timeline_view(&self, t: &TimelineEntry) -> TimelineView {
        self.timeline_view_in(t, ZoneName(chrono_tz::UTC))
    }

    fn timeline_view_in(&self, t: &TimelineEntry, zone: ZoneName) -> TimelineView {
        TimelineView {
            viewer_start: TimeView::new(t.start.instant, zone, t.start.local().date_naive()),
            id: t.id.clone(),
            title: t.title.clone(),
            kind: t.kind,
            start: t.start.to_rfc9557(),
            end: t.end.map(|e| e.to_rfc9557()),
            time_zone: t.start.zone.name(),
            time_precision: t.time_precision,
            local_start: TimeView::new(t.start.instant, t.start.zone, t.start.local().date_naive()),
            country: t.country.clone(),
            countries: t.countries.clone(),
            event: t.event.clone(),
            sessions: t.sessions.clone(),
            status: t.status,
            status_as_of: self.status_as_of(t.status, entry_end(t), false),
            status_note: t.status_note.clone(),
            sources: self.sources(&t.sources),
        }
    }

    /// Timeline entries whose local start date lies in `from..=to` (either bound optional).
    pub fn timeline(&self, from: Option<&str>, to: Option<&str>) -> Result<Vec<TimelineView>, DomainError> {
        let from = from.map(|d| parse_date("from", d)).transpose()?;
        let to = to.map(|d| parse_date("to", d)).transpose()?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(DomainError::invalid("date range", format!("{f} is after {t}")));
            }
        }
        Ok(self
            .data
            .timeline
            .iter()
            .filter(|t| {
                let d = t.start.local().date_naive();
                from.map(|f| d >= f).unwrap_or(true) && to.map(|x| d <= x).unwrap_or(true)
            })
            .map(|t| self.timeline_view(t))
            .collect())
    }

    pub fn info(&self) -> DatasetInfo {
        DatasetInfo {
            schema_version: self.data.schema_version,
            dataset_version: self.data.dataset_version.clone(),
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

    /// One timeline entry.
    pub fn timeline_entry(&self, id: &str, viewer_zone: Option<&str>) -> Result<TimelineView, DomainError> {
        let key = self.check_id("timeline id", id)?;
        let &i = self.timeline_by_id.get(key).ok_or_else(|| DomainError::not_found("timeline entry", id))?;
        let zone = viewer_zone_or_utc(viewer_zone)?;
        Ok(self.timeline_view_in(&self.data.timeline[i], zone))
    }

    /// The starred items in time order, with overlaps flagged. Items known
    /// only to the day overlap nothing: their clock times are not known.
    pub fn agenda(&self, starred: &[(AgendaKind, String)], viewer_zone: Option<&str>) -> Result<AgendaView, DomainError> {
        let zone = viewer_zone_or_utc(viewer_zone)?;
        let mut items: Vec<(AgendaItem, crate::time::ZonedDateTime, crate::time::ZonedDateTime)> = Vec::new();
        let mut missing = Vec::new();
        for (kind, id) in starred {
            let found = match kind {
                AgendaKind::Session => self.session_by_id.get(id).map(|&i| {
                    let s = &self.data.sessions[i];
                    ("session", s.title.clone(), s.start, Some(s.end), s.time_precision, s.status)
                }),
                AgendaKind::Timeline => self.timeline_by_id.get(id).map(|&i| {
                    let t = &self.data.timeline[i];
                    ("timeline", t.title.clone(), t.start, t.end, t.time_precision, t.status)
                }),
            };
            let Some((kind_name, title, start, end, precision, status)) = found else {
                missing.push(id.clone());
                continue;
            };
            let end_or_hour = end.unwrap_or(crate::time::ZonedDateTime {
                instant: start.instant.checked_add_signed(chrono::Duration::hours(1)).unwrap_or(start.instant),
                zone: start.zone,
            });
            let date = start.local().date_naive();
            items.push((
                AgendaItem {
                    kind: kind_name,
                    id: id.clone(),
                    title,
                    start: start.to_rfc9557(),
                    time_zone: start.zone.name(),
                    time_precision: precision,
                    local_start: TimeView::new(start.instant, start.zone, date),
                    viewer_start: TimeView::new(start.instant, zone, date),
                    viewer_end: end.map(|e| TimeView::new(e.instant, zone, date)),
                    status,
                    status_as_of: self.status_as_of(status, end_or_hour.instant, false),
                    conflicts_with: vec![],
                },
                start,
                end_or_hour,
            ));
        }
        items.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.id.cmp(&b.0.id)));
        // Two timed items clash when each starts before the other ends.
        let timed: Vec<(String, DateTime<Utc>, DateTime<Utc>)> =
            items.iter().filter(|x| x.0.time_precision != TimePrecision::Day).map(|x| (x.0.id.clone(), x.1.instant, x.2.instant)).collect();
        for (item, start, end) in items.iter_mut().filter(|x| x.0.time_precision != TimePrecision::Day) {
            item.conflicts_with = timed
                .iter()
                .filter(|(id, s, e)| *id != item.id && start.instant < *e && *s < end.instant)
                .map(|(id, _, _)| id.clone())
                .collect();
        }
        Ok(AgendaView { items: items.into_iter().map(|x| x.0).collect(), missing })
    }

    /// The starred items as an iCalendar file, stamped with `stamp`.
    pub fn agenda_ics(&self, starred: &[(AgendaKind, String)], stamp: chrono::DateTime<chrono::Utc>) -> String {
        let mut events = Vec::new();
        for (kind, id) in starred {
            match kind {
                AgendaKind::Session => {
                    if let Some(&i) = self.session_by_id.get(id) {
                        let s = &self.data.sessions[i];
                        let speakers: Vec<String> =
                            s.speakers.iter().filter_map(|sp| self.person(&sp.person)).map(|p| p.name.clone()).collect();
                        let mut description = format!("{}\n\nStatus: {:?}", s.summary, s.status);
                        if !speakers.is_empty() {
                            description.push_str(&format!("\nSpeakers: {}", speakers.join(", ")));
                        }
                        if s.time_precision != TimePrecision::Exact {
                            description.push_str(match s.time_precision {
                                TimePrecision::Day => "\nOnly the date is known; the time was not published.",
                                _ => "\nThe end time was not published; one hour is shown.",
                            });
                        }
                        description.push_str("\nSources:");
                        for src in self.sources(&s.sources) {
                            description.push_str(&format!("\n- {}: {} {}", src.publisher, src.title, src.url));
                        }
                        let event = self.event_by_id.get(&s.event).map(|&e| &self.data.events[e]);
                        events.push(crate::ics::IcsEvent {
                            uid: s.id.clone(),
                            summary: s.title.clone(),
                            location: s.venue.clone().or_else(|| event.and_then(|e| e.city.clone())),
                            description,
                            start: s.start,
                            end: Some(s.end),
                            precision: s.time_precision,
                            status: s.status,
                        });
                    }
                }
                AgendaKind::Timeline => {
                    if let Some(&i) = self.timeline_by_id.get(id) {
                        let t = &self.data.timeline[i];
                        let mut description = format!("Status: {:?}", t.status);
                        if let Some(n) = &t.status_note {
                            description.push_str(&format!(" ({n})"));
                        }
                        description.push_str("\nSources:");
                        for src in self.sources(&t.sources) {
                            description.push_str(&format!("\n- {}: {} {}", src.publisher, src.title, src.url));
                        }
                        events.push(crate::ics::IcsEvent {
                            uid: t.id.clone(),
                            summary: t.title.clone(),
                            location: None,
                            description,
                            start: t.start,
                            end: t.end,
                            precision: t.time_precision,
                            status: t.status,
                        });
                    }
                }
            }
        }
        events.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.uid.cmp(&b.uid)));
        crate::ics::calendar(&events, stamp)
    }

    /// Party ids that attended the ministerial, sorted.
    pub fn ministerial_parties(&self) -> BTreeSet<String> {
        self.ministerial_role.keys().cloned().collect()
    }
}

/// The zone a caller asked to see times in; UTC when it asked for none.
fn viewer_zone_or_utc(zone: Option<&str>) -> Result<ZoneName, DomainError> {
    match zone {
        Some(z) => Ok(ZoneName::parse(z)?),
        None => Ok(ZoneName(chrono_tz::UTC)),
    }
}

fn parse_date(what: &'static str, text: &str) -> Result<NaiveDate, DomainError> {
    if text.len() > 32 {
        return Err(DomainError::invalid(what, "not a date (too long)"));
    }
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| DomainError::invalid(what, format!("\"{text}\" is not a date like 2026-02-04")))
}
