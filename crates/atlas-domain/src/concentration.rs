//! How concentrated a USGS world table is: the largest producer's share, the
//! top three's, and the Herfindahl-Hirschman index (HHI), each stated as a
//! range where USGS gives no single figure.
//!
//! A table names some countries with numbers, some with markers (W, NA, a
//! range, a bound), and lumps the rest as "Other countries", an unknown
//! spread. So the HHI is a range: its low end spreads "Other countries" and
//! whatever the markers leave unaccounted thinly over many producers (adding
//! almost nothing); its high end gives that mass to one producer. A marked
//! country's share is a range too: `W` is anywhere from 0 to what the
//! numbers leave, `>v` at least v, `low - high` as USGS says. Pure: no atlas,
//! no I/O; `Atlas::series_view` applies it to each table.

use serde::Serialize;

use crate::value::{Bound, UsgsValue};

/// The HHI above which a market is highly concentrated.
pub const HIGHLY_CONCENTRATED_HHI: f64 = 1800.0;
/// One producer with everything: 100².
pub const MAX_HHI: f64 = 10_000.0;
/// Where [`HIGHLY_CONCENTRATED_HHI`] comes from, for the reader.
pub const HHI_THRESHOLD_SOURCE: &str =
    "US Department of Justice and Federal Trade Commission, Merger Guidelines (2023), Guideline 1: an HHI above 1,800 marks a highly concentrated market";
pub const HHI_THRESHOLD_URL: &str = "https://www.justice.gov/atr/merger-guidelines/applying-merger-guidelines/guideline-1";

/// One row of a table, as the computation needs it.
#[derive(Debug, Clone, Copy)]
pub struct ShareRow<'a> {
    /// Alpha-3; `None` for "Other countries".
    pub country: Option<&'a str>,
    pub value: &'a UsgsValue,
}

/// A range of percentages (or of HHI points); `low == high` when exact.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    pub low: f64,
    pub high: f64,
}

impl Range {
    /// A range that is one figure.
    pub fn exact(x: f64) -> Range {
        Range { low: x, high: x }
    }
}

/// A named country whose figure is a marker, with the share it can have.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarkedShare {
    pub iso3: String,
    /// USGS's own notation ("W", ">75,000", "330 - 390").
    pub usgs_text: String,
    pub percent: Range,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedShare {
    pub iso3: String,
    pub percent: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConcentrationLevel {
    /// The whole HHI range lies above the threshold.
    HighlyConcentrated,
    /// The whole range lies at or below it.
    BelowThreshold,
    /// What USGS does not say decides it: the range spans the threshold.
    Undetermined,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Concentration {
    /// The largest producer with a number.
    pub top: Option<RankedShare>,
    /// True when a marked figure could be larger than `top`'s.
    pub top_may_be_marked: bool,
    /// The three largest shares together.
    pub top_three_percent: Range,
    /// On percentage shares, 0 to 10,000.
    pub hhi: Range,
    pub level: ConcentrationLevel,
    /// True when the rows add past USGS's rounded world total: shares here
    /// are then of the rows' sum, so that none passes 100%.
    pub total_from_rows: bool,
    pub threshold: f64,
    pub threshold_source: &'static str,
    pub threshold_url: &'static str,
    /// "Other countries", where USGS gives it a number.
    pub others_percent: Option<f64>,
    /// What no row accounts for: markers, and the world total's rounding.
    pub unaccounted_percent: f64,
    pub marked: Vec<MarkedShare>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The share a marker allows, in percent of `total`, given `free` percent left by the numbers.
fn marked_range(value: &UsgsValue, total: f64, free: f64) -> Range {
    let pct = |v: f64| v / total * 100.0;
    match value {
        UsgsValue::Range { low, high } => Range { low: pct(*low), high: pct(*high) },
        UsgsValue::Bound { bound: Bound::GreaterThan, value } => Range { low: pct(*value), high: pct(*value) + free },
        UsgsValue::Bound { bound: Bound::LessThan, value } => Range { low: 0.0, high: pct(*value).min(free) },
        UsgsValue::LessThanHalfUnit => Range { low: 0.0, high: pct(0.5).min(free) },
        // W, NA and words: anything from nothing to all that the numbers leave.
        _ => Range { low: 0.0, high: free },
    }
}

/// The sum of the `n` largest of `xs`.
fn sum_of_largest(mut xs: Vec<f64>, n: usize) -> f64 {
    xs.sort_by(|a, b| b.total_cmp(a));
    xs.into_iter().take(n).sum()
}

/// The concentration of one table, or `None` when it has no usable world
/// total (none, a marker, zero) or its total is only a lower bound (">"):
/// then every share is an upper bound and no HHI range can be stated.
pub fn concentration(rows: &[ShareRow], world_total: Option<&UsgsValue>) -> Option<Concentration> {
    let stated = world_total?.exact().filter(|t| *t > 0.0)?;
    // USGS rounds its world total, and its rows can add past it (cobalt by
    // 1.5%, gallium's one producer alone). Shares of a total smaller than
    // the rows would square too large, and the "low" end would not be a
    // lower bound: divide by whichever is larger, the total or the rows.
    let marked_floor = |v: &UsgsValue| match v {
        UsgsValue::Range { low, .. } => *low,
        UsgsValue::Bound { bound: Bound::GreaterThan, value } => *value,
        _ => 0.0,
    };
    let rows_sum: f64 = rows.iter().map(|r| r.value.exact().unwrap_or_else(|| marked_floor(r.value))).sum();
    let total = stated.max(rows_sum);
    let total_from_rows = rows_sum > stated;
    let pct = |v: f64| v / total * 100.0;
    let mut exact: Vec<RankedShare> = Vec::new();
    let mut others: Option<f64> = None;
    let mut marked_rows: Vec<(&str, &UsgsValue)> = Vec::new();
    for r in rows {
        match (r.country, r.value.exact()) {
            (Some(iso3), Some(v)) => exact.push(RankedShare { iso3: iso3.to_string(), percent: pct(v) }),
            (Some(iso3), None) => marked_rows.push((iso3, r.value)),
            (None, Some(v)) => others = Some(others.unwrap_or(0.0) + pct(v)),
            // "Other countries" as a marker: its mass is simply unaccounted.
            (None, None) => {}
        }
    }
    let named: f64 = exact.iter().map(|s| s.percent).sum();
    // What the numbers leave: markers' mass, and the total's rounding.
    let mut free = (100.0 - named - others.unwrap_or(0.0)).max(0.0);
    let lows: f64 = marked_rows.iter().map(|(_, v)| marked_range(v, total, f64::INFINITY).low).sum();
    free = (free - lows).max(0.0);
    let marked: Vec<MarkedShare> = marked_rows
        .iter()
        .map(|(iso3, v)| MarkedShare { iso3: (*iso3).to_string(), usgs_text: v.to_usgs_text(), percent: marked_range(v, total, free) })
        .collect();

    let squares: f64 = exact.iter().map(|s| s.percent * s.percent).sum();
    let marked_squares: f64 = marked.iter().map(|m| m.percent.low * m.percent.low).sum();
    let others_mass = others.unwrap_or(0.0);
    // Low: "Other countries" and the unaccounted mass spread thinly.
    let hhi_low = squares + marked_squares;
    // High: that mass as one producer, either beside "Other countries" or
    // added to the marked country that already holds most.
    let largest_low = marked.iter().map(|m| m.percent.low).fold(0.0, f64::max);
    let as_others = hhi_low + (others_mass + free).powi(2);
    let as_marked = hhi_low - largest_low.powi(2) + (largest_low + free).powi(2) + others_mass.powi(2);
    let hhi = Range { low: hhi_low.round().min(MAX_HHI), high: as_others.max(as_marked).round().min(MAX_HHI) };

    exact.sort_by(|a, b| b.percent.total_cmp(&a.percent).then_with(|| a.iso3.cmp(&b.iso3)));
    let top = exact.first().cloned();
    let top_may_be_marked = top.as_ref().map(|t| marked.iter().any(|m| m.percent.high > t.percent)).unwrap_or(!marked.is_empty());
    let top_three_low = sum_of_largest(exact.iter().map(|s| s.percent).chain(marked.iter().map(|m| m.percent.low)).collect(), 3);
    let top_three_high =
        sum_of_largest(exact.iter().map(|s| s.percent).chain(marked.iter().map(|m| m.percent.high)).collect(), 3).min(100.0);
    let level = if hhi.low > HIGHLY_CONCENTRATED_HHI {
        ConcentrationLevel::HighlyConcentrated
    } else if hhi.high <= HIGHLY_CONCENTRATED_HHI {
        ConcentrationLevel::BelowThreshold
    } else {
        ConcentrationLevel::Undetermined
    };
    Some(Concentration {
        top: top.map(|t| RankedShare { percent: round2(t.percent), ..t }),
        top_may_be_marked,
        top_three_percent: Range { low: round2(top_three_low), high: round2(top_three_high.max(top_three_low)) },
        hhi,
        level,
        total_from_rows,
        threshold: HIGHLY_CONCENTRATED_HHI,
        threshold_source: HHI_THRESHOLD_SOURCE,
        threshold_url: HHI_THRESHOLD_URL,
        others_percent: others.map(round2),
        unaccounted_percent: round2(free),
        marked: marked
            .into_iter()
            .map(|m| MarkedShare { percent: Range { low: round2(m.percent.low), high: round2(m.percent.high) }, ..m })
            .collect(),
    })
}

/// A country's place in a table by share, 1 for the largest (ties share a
/// place), among the rows with numbers; `None` when its row has none.
pub fn rank_of(rows: &[ShareRow], iso3: &str) -> Option<usize> {
    let own = rows.iter().find(|r| r.country == Some(iso3))?.value.exact()?;
    Some(rows.iter().filter(|r| r.country.is_some() && r.value.exact().is_some_and(|v| v > own)).count().saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(x: f64) -> UsgsValue {
        UsgsValue::Number(x)
    }

    fn rows<'a>(named: &'a [(&'a str, UsgsValue)], others: Option<&'a UsgsValue>) -> Vec<ShareRow<'a>> {
        let mut out: Vec<ShareRow> = named.iter().map(|(c, v)| ShareRow { country: Some(c), value: v }).collect();
        if let Some(o) = others {
            out.push(ShareRow { country: None, value: o });
        }
        out
    }

    #[test]
    fn every_share_known_gives_one_hhi() {
        // 50, 30, 20 of 100: HHI = 2,500 + 900 + 400 = 3,800, nothing unaccounted.
        let named = [("AAA", n(50.0)), ("BBB", n(30.0)), ("CCC", n(20.0))];
        let c = concentration(&rows(&named, None), Some(&n(100.0))).expect("a total");
        assert_eq!(c.hhi, Range::exact(3800.0));
        assert_eq!(c.level, ConcentrationLevel::HighlyConcentrated);
        assert_eq!(c.top, Some(RankedShare { iso3: "AAA".into(), percent: 50.0 }));
        assert_eq!(c.top_three_percent, Range::exact(100.0));
        assert!(!c.top_may_be_marked);
        assert_eq!(c.unaccounted_percent, 0.0);
    }

    #[test]
    fn other_countries_spread_thinly_or_as_one() {
        // 40 and 20 named, 40 "Other countries": low 1,600 + 400 = 2,000; high adds 40² = 1,600.
        let named = [("AAA", n(400.0)), ("BBB", n(200.0))];
        let others = n(400.0);
        let c = concentration(&rows(&named, Some(&others)), Some(&n(1000.0))).expect("a total");
        assert_eq!(c.hhi, Range { low: 2000.0, high: 3600.0 });
        assert_eq!(c.others_percent, Some(40.0));
        assert_eq!(c.level, ConcentrationLevel::HighlyConcentrated);
        assert_eq!(c.top_three_percent, Range::exact(60.0), "\"Other countries\" is not a producer");
    }

    #[test]
    fn a_range_straddling_the_threshold_is_undetermined() {
        // 30 named, 70 others: low 900, high 900 + 4,900 = 5,800.
        let named = [("AAA", n(30.0))];
        let others = n(70.0);
        let c = concentration(&rows(&named, Some(&others)), Some(&n(100.0))).expect("a total");
        assert_eq!(c.hhi, Range { low: 900.0, high: 5800.0 });
        assert_eq!(c.level, ConcentrationLevel::Undetermined);
        // Ten equal producers: 10 × 10² = 1,000, below the threshold whatever.
        let ten: Vec<(String, UsgsValue)> = (0..10).map(|i| (format!("C{i:02}"), n(10.0))).collect();
        let named: Vec<(&str, UsgsValue)> = ten.iter().map(|(c, v)| (c.as_str(), v.clone())).collect();
        let c = concentration(&rows(&named, None), Some(&n(100.0))).expect("a total");
        assert_eq!(c.hhi, Range::exact(1000.0));
        assert_eq!(c.level, ConcentrationLevel::BelowThreshold);
    }

    #[test]
    fn a_withheld_figure_is_a_bound_not_a_zero() {
        // 60 named, W for BBB, 20 others: 20 unaccounted, which BBB may hold.
        let named = [("AAA", n(60.0)), ("BBB", UsgsValue::Withheld)];
        let others = n(20.0);
        let c = concentration(&rows(&named, Some(&others)), Some(&n(100.0))).expect("a total");
        assert_eq!(c.marked, vec![MarkedShare { iso3: "BBB".into(), usgs_text: "W".into(), percent: Range { low: 0.0, high: 20.0 } }]);
        assert_eq!(c.unaccounted_percent, 20.0);
        // Low: 3,600. High: the 20 with "Other countries" as one producer, 3,600 + 40² = 5,200.
        assert_eq!(c.hhi, Range { low: 3600.0, high: 5200.0 });
        assert_eq!(c.top_three_percent, Range { low: 60.0, high: 80.0 });
        assert!(!c.top_may_be_marked, "W can hold at most 20, less than the top's 60");
    }

    #[test]
    fn bounds_and_ranges_keep_what_usgs_says() {
        // ">30" for AAA, "10 - 20" for BBB, 40 named for CCC, total 100.
        let named = [
            ("AAA", UsgsValue::Bound { bound: Bound::GreaterThan, value: 30.0 }),
            ("BBB", UsgsValue::Range { low: 10.0, high: 20.0 }),
            ("CCC", n(40.0)),
        ];
        let c = concentration(&rows(&named, None), Some(&n(100.0))).expect("a total");
        // Left by the numbers and the lower bounds: 100 − 40 − 30 − 10 = 20.
        assert_eq!(c.unaccounted_percent, 20.0);
        let aaa = c.marked.iter().find(|m| m.iso3 == "AAA").expect("AAA");
        assert_eq!(aaa.percent, Range { low: 30.0, high: 50.0 });
        assert_eq!(aaa.usgs_text, ">30");
        let bbb = c.marked.iter().find(|m| m.iso3 == "BBB").expect("BBB");
        assert_eq!(bbb.percent, Range { low: 10.0, high: 20.0 });
        // Low: 40² + 30² + 10² = 2,600. High: the free 20 on AAA: 1,600 + 50² + 100 = 4,200.
        assert_eq!(c.hhi, Range { low: 2600.0, high: 4200.0 });
        assert!(c.top_may_be_marked, "AAA may reach 50, above CCC's 40");
        assert_eq!(c.top.map(|t| t.iso3), Some("CCC".to_string()));
    }

    #[test]
    fn no_usable_world_total_no_concentration() {
        let named = [("AAA", n(50.0))];
        let r = rows(&named, None);
        assert!(concentration(&r, None).is_none());
        assert!(concentration(&r, Some(&UsgsValue::Withheld)).is_none());
        assert!(concentration(&r, Some(&UsgsValue::Zero)).is_none(), "a zero total divides nothing");
        let lower = UsgsValue::Bound { bound: Bound::GreaterThan, value: 100.0 };
        assert!(concentration(&r, Some(&lower)).is_none(), "a lower-bound total makes every share an upper bound");
    }

    #[test]
    fn rounded_totals_never_make_a_negative_remainder() {
        // Rows past a rounded total: shares of their sum (105), nothing unaccounted, not less than nothing.
        let named = [("AAA", n(63.0)), ("BBB", n(42.0)), ("CCC", UsgsValue::Withheld)];
        let c = concentration(&rows(&named, None), Some(&n(100.0))).expect("a total");
        assert_eq!(c.unaccounted_percent, 0.0);
        assert_eq!(c.marked.first().map(|m| m.percent), Some(Range::exact(0.0)));
        // 60% and 40%: 3,600 + 1,600.
        assert_eq!(c.hhi, Range::exact(5200.0));
        assert_eq!(c.top_three_percent, Range::exact(100.0));
    }

    #[test]
    fn rows_adding_past_a_rounded_total_are_shares_of_their_sum() {
        // Gallium's shape: one large producer and small ones, adding past the rounded total.
        let named = [("CHN", n(990.0)), ("RUS", n(6.0)), ("JPN", n(4.0)), ("KOR", n(10.0))];
        let c = concentration(&rows(&named, None), Some(&n(1000.0))).expect("a total");
        assert!(c.total_from_rows);
        // Of 1,010: 98.02%, 0.99%, 0.59%, 0.40%: HHI 9,608 + 1 + 0 + 0.
        assert_eq!(c.hhi, Range::exact(9609.0));
        assert!(c.top_three_percent.high <= 100.0 && c.top_three_percent.low <= 100.0);
        assert_eq!(c.top.map(|t| t.percent), Some(98.02));
        // A total the rows do not pass is USGS's own.
        let named = [("AAA", n(50.0))];
        assert!(!concentration(&rows(&named, None), Some(&n(100.0))).expect("a total").total_from_rows);
    }

    #[test]
    fn places_by_share_with_ties_sharing_one() {
        let named = [("AAA", n(50.0)), ("BBB", n(30.0)), ("CCC", n(30.0)), ("DDD", UsgsValue::Withheld), ("EEE", n(5.0))];
        let others = n(100.0);
        let r = rows(&named, Some(&others));
        assert_eq!(rank_of(&r, "AAA"), Some(1));
        assert_eq!(rank_of(&r, "CCC"), Some(2));
        assert_eq!(rank_of(&r, "BBB"), Some(2));
        assert_eq!(rank_of(&r, "EEE"), Some(4), "\"Other countries\" takes no place");
        assert_eq!(rank_of(&r, "DDD"), None, "a withheld figure has no place");
        assert_eq!(rank_of(&r, "ZZZ"), None);
    }
}
