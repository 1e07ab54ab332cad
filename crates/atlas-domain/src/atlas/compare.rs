//! Two countries side by side: each one's page, and their USGS figures joined
//! table by table (the latest year of each table either of them is in), so
//! "who mines more cobalt, who holds more reserves" reads across one row.

use crate::error::DomainError;
use crate::views::{ComparedTable, Comparison, CountryStat};

use super::*;

impl Atlas {
    pub fn compare(&self, left: &str, right: &str) -> Result<Comparison, DomainError> {
        let left = self.country(left)?;
        let right = self.country(right)?;
        if left.country.iso3 == right.country.iso3 {
            return Err(DomainError::invalid("comparison", "choose two different countries"));
        }
        let minerals = compared_tables(&left.minerals.stats, &right.minerals.stats);
        Ok(Comparison { left, right, minerals })
    }
}

/// The tables either country has a row in, joined by table, each table's
/// latest year only, largest share (of either) first.
pub fn compared_tables(left: &[CountryStat], right: &[CountryStat]) -> Vec<ComparedTable> {
    let all: Vec<&CountryStat> = left.iter().chain(right).collect();
    let mut out: Vec<ComparedTable> = Vec::new();
    for s in &all {
        let latest = all.iter().filter(|o| o.same_table(s)).all(|o| o.year <= s.year);
        if !latest || out.iter().any(|t| t.series == s.series) {
            continue;
        }
        out.push(ComparedTable {
            series: s.series.clone(),
            mineral: s.mineral.clone(),
            mineral_name: s.mineral_name.clone(),
            critical: s.critical,
            statistic: s.statistic,
            detail: s.detail.clone(),
            unit: s.unit.clone(),
            year: s.year,
            left: left.iter().find(|l| l.series == s.series).cloned(),
            right: right.iter().find(|r| r.series == s.series).cloned(),
        });
    }
    let largest =
        |t: &ComparedTable| [&t.left, &t.right].into_iter().flatten().filter_map(|s| s.share.map(|x| x.percent)).fold(-1.0_f64, f64::max);
    out.sort_by(|a, b| {
        largest(b).total_cmp(&largest(a)).then_with(|| a.mineral_name.cmp(&b.mineral_name)).then_with(|| a.series.cmp(&b.series))
    });
    out
}
