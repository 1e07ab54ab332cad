//! Countries and parties: the list, and one country with everything about it.

use crate::error::DomainError;
use crate::model::*;
use crate::value::ValueView;
use crate::views::*;

use super::*;

// Indexes are positions in the atlas's own vectors (see `mod.rs`).
#[allow(clippy::indexing_slicing)]
impl Atlas {
    /// Every country and party in the dataset, with its role at the ministerial.
    pub fn countries(&self) -> Vec<CountrySummary> {
        self.data.countries.iter().map(|c| self.country_summary(c)).collect()
    }

    pub(crate) fn country_summary(&self, c: &Country) -> CountrySummary {
        let head = self
            .participations_by_party
            .get(&c.iso3)
            .and_then(|v| v.iter().map(|&i| &self.data.participations[i]).find(|p| p.event == self.data.primary_event))
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
        let id = check_id("country id", iso3)?.to_ascii_uppercase();
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

    pub(crate) fn mineral_profile(&self, iso3: &str) -> MineralProfile {
        let rows = self.stat_rows_by_country.get(iso3);
        let mut stats: Vec<CountryStat> = rows
            .into_iter()
            .flatten()
            .map(|&(si, ri)| {
                let s = &self.data.series[si];
                let r = &s.rows[ri];
                let m = self.mineral_ref(&s.mineral);
                let table = super::minerals::share_rows(s);
                CountryStat {
                    rank: crate::concentration::rank_of(&table, iso3),
                    ranked_among: table.iter().filter(|t| t.country.is_some() && t.value.exact().is_some()).count(),
                    series: s.id.clone(),
                    mineral: m.id.clone(),
                    mineral_name: m.name.clone(),
                    critical: m.is_critical(),
                    statistic: s.statistic,
                    detail: s.detail.clone(),
                    unit: s.unit.clone(),
                    year: s.year,
                    value: ValueView::of_row(&r.value, r.note.as_deref().or(s.note.as_deref())),
                    share: r.share,
                    world_total: s.world_total.as_ref().map(ValueView::from),
                    qualifier: r.qualifier.clone(),
                    note: r.note.clone(),
                    erratum: r.erratum.clone(),
                    unverified: self.cites_unverified(&s.sources),
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
}
