//! The USGS MCS 2026 data release: world tables into series, errata applied.

use std::collections::HashMap;

use atlas_domain::model::{AppliedErratum, Share, StatRow, StatSeries, Statistic};
use atlas_domain::value::{Bound, UsgsValue};
use chrono::NaiveDate;

use crate::input::{read_csv, GenError, TextInput};

pub const USGS_COLUMNS: [&str; 12] = [
    "MCS chapter",
    "Section",
    "Commodity",
    "Country",
    "Statistics",
    "Statistics_detail",
    "Unit",
    "Year",
    "Value",
    "Notes",
    "Is critical mineral 2025",
    "Other notes",
];

/// The id of the USGS data release in data/curated/sources.json.
pub const USGS_SOURCE_ID: &str = "usgs-mcs2026";

pub const ERRATA_COLUMNS: [&str; 9] =
    ["version", "date", "chapter", "country", "statistic", "year", "csv_value_v1_0", "corrected_value", "source"];

/// One world-table row of the raw file.
#[derive(Debug, Clone)]
pub struct RawRow {
    pub line: u64,
    pub chapter: String,
    pub section: String,
    pub commodity: String,
    pub country: String,
    pub statistic: String,
    pub detail: String,
    pub unit: String,
    pub year: i32,
    pub value: String,
    pub notes: String,
    pub erratum: Option<String>,
}

/// What the raw file says about chapters, beyond the world tables.
pub struct UsgsRelease {
    pub world_rows: Vec<RawRow>,
    /// Chapter → flagged "Is critical mineral 2025" = Yes on any row.
    pub chapter_critical: HashMap<String, bool>,
    /// Chapters in file order.
    pub chapters: Vec<String>,
}

pub fn parse_release(input: &TextInput) -> Result<UsgsRelease, GenError> {
    let rows = read_csv(input, &USGS_COLUMNS)?;
    let mut world_rows = Vec::new();
    let mut chapter_critical: HashMap<String, bool> = HashMap::new();
    let mut chapters = Vec::new();
    for (line, r) in rows {
        let field = |i: usize| r.get(i).unwrap_or("").trim().to_string();
        let chapter = field(0);
        if chapter.is_empty() {
            return Err(GenError::new(&input.path, Some(line), "empty MCS chapter"));
        }
        if !chapter_critical.contains_key(&chapter) {
            chapters.push(chapter.clone());
        }
        let critical = chapter_critical.entry(chapter.clone()).or_insert(false);
        *critical |= field(10) == "Yes";
        let section = field(1);
        if !section.starts_with("World") {
            continue;
        }
        let year_text = field(7);
        let year: i32 =
            year_text.parse().map_err(|_| GenError::new(&input.path, Some(line), format!("Year \"{year_text}\" is not a year")))?;
        if !(1900..=2100).contains(&year) {
            return Err(GenError::new(&input.path, Some(line), format!("Year {year} is out of range")));
        }
        world_rows.push(RawRow {
            line,
            chapter,
            section: section.trim_end_matches(':').to_string(),
            commodity: field(2),
            country: field(3),
            statistic: field(4),
            detail: field(5),
            unit: field(6),
            year,
            value: field(8),
            notes: field(9),
            erratum: None,
        });
    }
    if world_rows.is_empty() {
        return Err(GenError::new(&input.path, None, "no world production or reserves rows"));
    }
    Ok(UsgsRelease { world_rows, chapter_critical, chapters })
}

/// Applies USGS corrections published after v1.0. Each must match the row it
/// corrects exactly as v1.0 has it; otherwise the inputs have changed and
/// generation stops rather than guess.
pub fn apply_errata(rows: &mut [RawRow], errata: &TextInput) -> Result<Vec<AppliedErratum>, GenError> {
    let records = read_csv(errata, &ERRATA_COLUMNS)?;
    let mut applied = Vec::new();
    for (line, r) in records {
        let f = |i: usize| r.get(i).unwrap_or("").trim().to_string();
        let err = |m: String| GenError::new(&errata.path, Some(line), m);
        let (version, date_text, chapter, country, statistic, year_text, before, after) = (f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7));
        let date = NaiveDate::parse_from_str(&date_text, "%Y-%m-%d").map_err(|_| err(format!("date \"{date_text}\" is not YYYY-MM-DD")))?;
        let year: i32 = year_text.parse().map_err(|_| err(format!("year \"{year_text}\" is not a year")))?;
        let (base_statistic, is_note) = match statistic.strip_suffix(" (note)") {
            Some(b) => (b.to_string(), true),
            None => (statistic.clone(), false),
        };
        let row = rows
            .iter_mut()
            .find(|x| x.chapter == chapter && x.country == country && x.statistic == base_statistic && x.year == year)
            .ok_or_else(|| err(format!("no {chapter} / {country} / {base_statistic} / {year} row to correct")))?;
        let stamp = format!("USGS v{version} ({date}): ");
        if is_note {
            if let Some(removed) = quoted(&before).filter(|_| after.starts_with("note removed")) {
                if !row.notes.contains(&removed) {
                    return Err(err(format!("the note to remove is not on the row: {removed}")));
                }
                row.notes = row.notes.replace(&removed, "").trim().trim_matches('-').trim().to_string();
                row.erratum = Some(format!("{stamp}note removed: \"{removed}\""));
            } else if let Some(added) = quoted(&after) {
                row.notes = if row.notes.is_empty() { added.clone() } else { format!("{} -- {added}", row.notes) };
                row.erratum = Some(format!("{stamp}note added"));
            } else {
                return Err(err(format!("cannot read the note correction \"{after}\"")));
            }
        } else {
            if row.value != before {
                return Err(err(format!("expected v1.0 value \"{before}\" but the row (line {}) has \"{}\"", row.line, row.value)));
            }
            row.value = after.clone();
            row.erratum = Some(format!("{stamp}{before} → {after}"));
        }
        applied.push(AppliedErratum { version, date, chapter, country, statistic, year, before, after });
    }
    Ok(applied)
}

/// The text between the first pair of single quotes.
fn quoted(s: &str) -> Option<String> {
    let start = s.find('\'')? + 1;
    let end = s[start..].rfind('\'')? + start;
    (end > start).then(|| s[start..end].to_string())
}

/// Groups world rows into series. `mineral_of` maps (chapter, commodity) to a
/// mineral id; `country_of` maps a USGS country name to alpha-3.
pub fn build_series(
    rows: &[RawRow],
    file: &std::path::Path,
    mineral_of: impl Fn(&str, &str) -> Option<String>,
    country_of: impl Fn(&str) -> Option<String>,
) -> Result<Vec<StatSeries>, GenError> {
    // One series: chapter, commodity, statistic, detail, unit, year.
    type SeriesKey = (String, String, String, String, String, i32);
    let mut order: Vec<SeriesKey> = Vec::new();
    let mut groups: HashMap<SeriesKey, Vec<&RawRow>> = HashMap::new();
    for r in rows {
        let detail = r.detail.strip_suffix(": rounded").unwrap_or(&r.detail).trim().to_string();
        let key = (r.chapter.clone(), r.commodity.clone(), r.statistic.clone(), detail, r.unit.clone(), r.year);
        if !groups.contains_key(&key) {
            order.push(key.clone());
        }
        groups.entry(key).or_default().push(r);
    }
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for key in order {
        let members = &groups[&key];
        let (chapter, commodity, statistic_text, detail, unit, year) = &key;
        let first = members[0];
        let mineral = mineral_of(chapter, commodity).ok_or_else(|| {
            GenError::new(
                file,
                Some(first.line),
                format!("no mineral for chapter \"{chapter}\", commodity \"{commodity}\": add it to data/curated/minerals.csv"),
            )
        })?;
        let statistic = match statistic_text.as_str() {
            "Production" => Statistic::Production,
            "Reserves" => Statistic::Reserves,
            "Capacity" => Statistic::Capacity,
            other => {
                return Err(GenError::new(file, Some(first.line), format!("unknown statistic \"{other}\"")));
            }
        };
        let mut world_total = None;
        let mut world_total_note = None;
        let mut rows_out = Vec::new();
        for r in members {
            let note = (!r.notes.is_empty()).then(|| r.notes.clone());
            if r.country == "World total" {
                world_total = Some(UsgsValue::parse(&r.value));
                world_total_note = note;
                continue;
            }
            let country = if r.country == "Other countries" {
                None
            } else {
                Some(country_of(&r.country).ok_or_else(|| {
                    GenError::new(
                        file,
                        Some(r.line),
                        format!("unknown USGS country name \"{}\": add it to data/curated/usgs_countries.csv", r.country),
                    )
                })?)
            };
            rows_out.push(StatRow {
                country,
                usgs_name: r.country.clone(),
                value: UsgsValue::parse(&r.value),
                share: None,
                note,
                erratum: r.erratum.clone(),
            });
        }
        // A note on every row (and the total) is the series' note, stored once.
        let shared_note =
            rows_out.first().and_then(|r| r.note.clone()).filter(|n| rows_out.iter().all(|r| r.note.as_deref() == Some(n.as_str())));
        if let Some(n) = &shared_note {
            for r in &mut rows_out {
                r.note = None;
            }
            if world_total_note.as_deref() == Some(n.as_str()) {
                world_total_note = None;
            }
        }
        if let Some(total) = &world_total {
            for r in &mut rows_out {
                r.share = share_of(&r.value, total);
            }
        }
        let total_warning = world_total.as_ref().and_then(|t| excess_over_total(&rows_out, t));
        let base_id = format!("{mineral}-{}-{}-{year}", statistic_text.to_lowercase(), slug(detail));
        let n = used_ids.entry(base_id.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base_id } else { format!("{base_id}-{n}") };
        out.push(StatSeries {
            id,
            mineral,
            statistic,
            detail: detail.clone(),
            unit: unit.clone(),
            year: *year,
            section: first.section.clone(),
            world_total,
            world_total_note,
            note: shared_note,
            total_warning,
            sources: vec![USGS_SOURCE_ID.to_string()],
            status: atlas_domain::model::Status::Confirmed,
            rows: rows_out,
        });
    }
    Ok(out)
}

/// USGS rounds world totals to about two significant figures. Where the
/// country rows exceed the total by more than that rounding allows, say so.
pub fn excess_over_total(rows: &[StatRow], total: &UsgsValue) -> Option<String> {
    let t = total.exact().filter(|t| *t > 0.0)?;
    let sum: f64 = rows.iter().filter_map(|r| r.value.exact()).sum();
    if sum <= t + rounding_allowance(t) {
        return None;
    }
    Some(format!(
        "USGS's country rows add up to {} against a published world total of {}: shares here sum to {:.1}%.",
        atlas_domain::value::format_number(sum),
        atlas_domain::value::format_number(t),
        sum / t * 100.0
    ))
}

/// Half a unit of the second significant figure: 1,700,000 → 50,000.
pub fn rounding_allowance(total: f64) -> f64 {
    if total <= 0.0 {
        return 0.0;
    }
    0.5 * 10f64.powi(total.log10().floor() as i32 - 1)
}

/// A row's percent of the world total, to two decimals. Only exact numbers
/// make a share; a lower-bound world total makes the share an upper bound.
pub fn share_of(value: &UsgsValue, total: &UsgsValue) -> Option<Share> {
    let v = value.exact()?;
    let (t, at_most) = match total {
        UsgsValue::Number(t) => (*t, false),
        UsgsValue::Bound { bound: Bound::GreaterThan, value } => (*value, true),
        _ => return None,
    };
    if t <= 0.0 {
        return None;
    }
    let percent = (v / t * 10_000.0).round() / 100.0;
    Some(Share { percent, at_most })
}

pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
