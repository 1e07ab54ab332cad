//! Minerals: the list, one mineral with its tables, and the map's cells.

use crate::error::DomainError;
use crate::model::*;
use crate::value::ValueView;
use crate::views::*;

use super::*;

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

/// A row's counterpart in the same table a year earlier: the same country
/// (or, for "Other countries", the same USGS name) with the same qualifier.
pub fn previous_row<'a>(previous: &'a StatSeries, r: &StatRow) -> Option<&'a StatRow> {
    previous.rows.iter().find(|p| match (&r.country, &p.country) {
        (Some(a), Some(b)) => a == b && p.qualifier == r.qualifier,
        (None, None) => p.usgs_name == r.usgs_name,
        _ => false,
    })
}

/// A table's rows as the concentration measures read them.
pub fn share_rows(s: &StatSeries) -> Vec<crate::concentration::ShareRow<'_>> {
    s.rows.iter().map(|r| crate::concentration::ShareRow { country: r.country.as_deref(), value: &r.value }).collect()
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
                value: ValueView::of_row(&r.value, r.note.as_deref().or(s.note.as_deref())),
                unit: s.unit.clone(),
                share: r.share,
                qualifier: r.qualifier.clone(),
            });
        }
    }
    out
}

// Indexes are positions in the atlas's own vectors (see `mod.rs`).
#[allow(clippy::indexing_slicing)]
impl Atlas {
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
        let key = check_id("mineral id", id)?.to_ascii_lowercase();
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
            stages: self.stage_chain(&key),
            usgs_citation: self.usgs_citation.clone(),
            unverified: self.cites_unverified(&mineral.sources),
        })
    }

    /// The same table (mineral, statistic, detail, unit) a year earlier.
    pub(crate) fn previous_year_series(&self, s: &StatSeries) -> Option<&StatSeries> {
        let earlier = s.year.checked_sub(1)?;
        self.series_by_mineral
            .get(&s.mineral)?
            .iter()
            .map(|&i| &self.data.series[i])
            .find(|p| p.year == earlier && p.statistic == s.statistic && p.detail == s.detail && p.unit == s.unit)
    }

    pub(crate) fn series_view(&self, s: &StatSeries) -> SeriesView {
        let previous_series = self.previous_year_series(s);
        let rows: Vec<SeriesRowView> = s
            .rows
            .iter()
            .map(|r| {
                let previous = previous_series.and_then(|p| previous_row(p, r).map(|row| (row, p)));
                (r, previous)
            })
            .map(|(r, previous)| SeriesRowView {
                previous: previous.map(|(p, table)| ValueView::of_row(&p.value, p.note.as_deref().or(table.note.as_deref()))),
                change_percent: previous.and_then(|(p, _)| r.value.change_from(&p.value)),
                country: r.country.clone(),
                name: r.country.as_deref().map(|c| self.country_name(c)).unwrap_or_else(|| r.usgs_name.clone()),
                usgs_name: r.usgs_name.clone(),
                role: r.country.as_deref().and_then(|c| self.role_at_ministerial(c)),
                value: ValueView::of_row(&r.value, r.note.as_deref().or(s.note.as_deref())),
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
            previous_year: previous_series.map(|p| p.year),
            world_total: s.world_total.as_ref().map(ValueView::from),
            world_total_note: s.world_total_note.clone(),
            world_total_erratum: s.world_total_erratum.clone(),
            total_warning: s.total_warning.clone(),
            sum_note: s.sum_note.clone(),
            participants: self.participants_share(s),
            concentration: crate::concentration::concentration(&share_rows(s), s.world_total.as_ref()),
            unverified: self.cites_unverified(&s.sources),
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
                host_value = Some(ValueView::of_row(&r.value, r.note.as_deref().or(s.note.as_deref())));
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
}
