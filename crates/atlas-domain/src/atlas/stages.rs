//! Processing stages side by side: where USGS gives more than one stage of a
//! supply chain (copper mined and refined; bauxite, alumina, aluminium; iron
//! ore, pig iron, raw steel), each stage's table and each country's place at
//! every stage, so "mined here, refined there" shows where USGS says so and
//! nowhere else. A country absent from a stage's table has no row there:
//! not reported separately, never a zero.

use crate::concentration::rank_of;
use crate::model::*;
use crate::value::ValueView;
use crate::views::*;

use super::minerals::share_rows;
use super::*;

/// Chains that span several USGS chapters, in the order material moves
/// along them. A mineral with more than one stage in its own chapter
/// (copper: mine and refinery production) needs no entry: the data shows it.
const CHAINS: &[(&str, &[&str])] = &[
    ("Aluminium: bauxite, alumina, aluminium", &["bauxite", "alumina", "aluminum"]),
    ("Titanium: mineral concentrates, sponge metal", &["titanium-mineral-concentrates", "titanium-sponge-metal"]),
    ("Iron and steel: ore, pig iron, raw steel", &["iron-ore", "iron-and-steel"]),
    ("Magnesium: magnesite, metal", &["magnesium-compounds", "magnesium-metal"]),
];

/// How many leaders each stage names.
const LEADERS: usize = 3;

/// The processing stage a production table names, by USGS's whole words
/// ("mine", "refinery", "smelter"), or `None` when it names none (pig iron,
/// ferrosilicon, sheet mica): such a table is a product, not a stage.
fn stage_of(detail: &str) -> Option<&'static str> {
    let d = detail.to_lowercase();
    let words: Vec<&str> = d.split(|c: char| !c.is_alphanumeric()).collect();
    ["mine", "refinery", "smelter"].into_iter().find(|w| words.contains(w))
}

// Indexes are positions in the atlas's own vectors (see `mod.rs`).
#[allow(clippy::indexing_slicing)]
impl Atlas {
    /// The production tables of a mineral's latest year, in USGS's order,
    /// with a world total first. A table is left out only when another of
    /// its stage already names every country it names (iron ore's iron
    /// content beside its usable ore); one naming others (titanium's rutile
    /// beside ilmenite) is kept, so no country's row is lost.
    fn stage_tables(&self, mineral: &str) -> Vec<&StatSeries> {
        let tables: Vec<&StatSeries> = self
            .series_by_mineral
            .get(mineral)
            .into_iter()
            .flatten()
            .map(|&i| &self.data.series[i])
            .filter(|s| s.statistic == Statistic::Production)
            .collect();
        let Some(latest) = tables.iter().map(|s| s.year).max() else { return vec![] };
        let countries = |s: &StatSeries| s.rows.iter().filter_map(|r| r.country.clone()).collect::<Vec<_>>();
        let mut latest_tables: Vec<&StatSeries> = tables.into_iter().filter(|s| s.year == latest && !countries(s).is_empty()).collect();
        // Most countries first within the year, so the fuller table of a stage is the one kept.
        latest_tables.sort_by_key(|s| std::cmp::Reverse((s.world_total.is_some(), countries(s).len())));
        let mut kept: Vec<&StatSeries> = Vec::new();
        for s in latest_tables {
            let stage = stage_of(&s.detail);
            let covered =
                kept.iter().filter(|k| stage.is_some() && stage_of(&k.detail) == stage).flat_map(|k| countries(k)).collect::<Vec<_>>();
            if stage.is_none() || countries(s).iter().any(|c| !covered.contains(c)) {
                kept.push(s);
            }
        }
        // Back in USGS's order.
        let position = |s: &StatSeries| self.data.series.iter().position(|x| x.id == s.id);
        kept.sort_by_key(|s| position(s));
        kept
    }

    /// The stages of the chain a mineral belongs to, or `None` when USGS
    /// gives it only one stage.
    pub fn stage_chain(&self, mineral: &str) -> Option<StageChain> {
        let (name, members, listed): (String, Vec<&str>, bool) = match CHAINS.iter().find(|(_, ms)| ms.contains(&mineral)) {
            Some((name, ms)) => ((*name).to_string(), ms.to_vec(), true),
            None => (self.mineral_by_id.get(mineral).map(|&i| self.data.minerals[i].name.clone())?, vec![mineral], false),
        };
        let tables: Vec<&StatSeries> = members.iter().flat_map(|m| self.stage_tables(m)).collect();
        // A chapter of its own is a chain only when its tables name two
        // stages (copper: mine, refinery); two products (ferrosilicon and
        // silicon metal, sheet and scrap mica) are not.
        let mut stages_named: Vec<&str> = tables.iter().filter_map(|s| stage_of(&s.detail)).collect();
        stages_named.dedup();
        if tables.len() < 2 || (!listed && stages_named.len() < 2) {
            return None;
        }
        let stages: Vec<Stage> = tables
            .iter()
            .map(|s| {
                let mut leaders: Vec<StageLeader> = s
                    .rows
                    .iter()
                    .filter_map(|r| Some((r.country.as_deref()?, r.share?)))
                    .map(|(iso3, share)| StageLeader { iso3: iso3.to_string(), name: self.country_name(iso3), percent: share.percent })
                    .collect();
                leaders.sort_by(|a, b| b.percent.total_cmp(&a.percent).then_with(|| a.iso3.cmp(&b.iso3)));
                leaders.truncate(LEADERS);
                let m = self.mineral_ref(&s.mineral);
                Stage {
                    mineral: m.id.clone(),
                    mineral_name: m.name.clone(),
                    series: s.id.clone(),
                    detail: s.detail.clone(),
                    year: s.year,
                    unit: s.unit.clone(),
                    leaders,
                }
            })
            .collect();
        // The countries shown: every attending one with a row at some stage, and each stage's leaders.
        let mut iso3s: Vec<String> = Vec::new();
        for s in &tables {
            for r in &s.rows {
                let Some(iso3) = r.country.as_deref() else { continue };
                let leader = stages.iter().any(|st| st.leaders.iter().any(|l| l.iso3 == iso3));
                if (self.role_at_ministerial(iso3).is_some() || leader) && !iso3s.iter().any(|c| c == iso3) {
                    iso3s.push(iso3.to_string());
                }
            }
        }
        let mut countries: Vec<StageCountry> = iso3s
            .into_iter()
            .map(|iso3| {
                let places = tables
                    .iter()
                    .map(|s| {
                        let row = s.rows.iter().find(|r| r.country.as_deref() == Some(iso3.as_str()))?;
                        Some(StagePlace {
                            value: ValueView::of_row(&row.value, row.note.as_deref().or(s.note.as_deref())),
                            share: row.share,
                            rank: rank_of(&share_rows(s), &iso3),
                        })
                    })
                    .collect();
                StageCountry { name: self.country_name(&iso3), role: self.role_at_ministerial(&iso3), iso3, places }
            })
            .collect();
        let best = |c: &StageCountry| c.places.iter().flatten().filter_map(|p| p.share.map(|s| s.percent)).fold(-1.0, f64::max);
        countries.sort_by(|a, b| best(b).total_cmp(&best(a)).then_with(|| a.name.cmp(&b.name)));
        Some(StageChain { name, stages, countries })
    }
}
