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

/// The key that ties the rows of one USGS table together. USGS writes a
/// total's detail with ": rounded" or ", rounded" (at the end or inside,
/// "Mine production: Usable ore, rounded") and sometimes in another case
/// ("ilmenite, rounded" against "Ilmenite"): case, a no-break space, every
/// "rounded" after a comma or colon and runs of spaces are not part of it.
pub fn table_key(detail: &str) -> String {
    let lower = detail.replace('\u{a0}', " ").to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("rounded") {
        let (before, after) = rest.split_at(at);
        let after = &after["rounded".len()..];
        let trimmed = before.trim_end();
        let at_word_end = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
        match trimmed.strip_suffix([',', ':']) {
            Some(kept) if at_word_end => out.push_str(kept),
            _ => {
                out.push_str(before);
                out.push_str("rounded");
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A detail as shown: USGS's words without the "rounded" marks.
fn display_detail(detail: &str) -> String {
    let key_words = table_key(detail);
    // Keep USGS's case: drop the marks from the original text the same way.
    let mut out = detail.replace('\u{a0}', " ");
    for mark in [", rounded", ": rounded", ",rounded", ":rounded"] {
        out = out.replace(mark, "");
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.to_lowercase() == key_words {
        out
    } else {
        key_words
    }
}

/// A qualified detail's base table and its qualifier: "Mine production:
/// steatite" is the "Mine production" table, qualified "steatite"; boron's
/// "Production—ulexite" is "Production", "ulexite".
fn split_qualifier(detail: &str) -> Option<(&str, &str)> {
    let at = detail.find([':', '—'])?;
    let (base, rest) = detail.split_at(at);
    let qualifier = rest.trim_start_matches([':', '—']).trim();
    (!qualifier.is_empty()).then_some((base.trim(), qualifier))
}

/// What the project states about USGS's tables where the file alone cannot
/// say (data/curated/usgs_tables.csv, each with its reason):
/// - `world_only`: a world total that USGS gives with no country rows,
///   although its block has country rows (soda ash "synthetic");
/// - `base`: a table whose key differs from the base its qualified rows
///   name (boron's "Production—All forms" is the table of "Production—ulexite").
#[derive(Debug, Clone)]
pub struct TableRule {
    pub line: u64,
    pub chapter: String,
    pub table_key: String,
    pub rule: TableRuleKind,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableRuleKind {
    WorldOnly,
    /// The table key of the base its qualified rows name.
    Base(String),
}

/// The path of the table rules, for messages.
pub const TABLE_RULES_FILE: &str = "data/curated/usgs_tables.csv";

/// One table of the release: a block (chapter, commodity, statistic, unit,
/// year) and the rows that share a table key, qualified rows included.
struct Table<'a> {
    key: String,
    world: Vec<&'a RawRow>,
    /// Country rows, each with its qualifier when it came in from a qualified detail.
    rows: Vec<(&'a RawRow, Option<String>)>,
}

type Block = (String, String, String, String, i32);

/// Groups world rows into USGS's tables, one series each. `mineral_of` maps
/// (chapter, commodity) to a mineral id; `country_of` maps a USGS country
/// name to alpha-3.
///
/// A world total belongs to the table whose rows share its [`table_key`]. A
/// group of country rows with no total of its own whose detail qualifies a
/// table's ("Mine production: steatite") is part of that table, each row
/// keeping its qualifier. Refused: two totals in one table, a qualified
/// detail that could belong to two tables, country rows left outside every
/// table of a block that has one, a country twice in one table, and a world
/// total with no country rows in a block that has them unless a `world_only`
/// rule lists it (and a rule that matches nothing: it is stale).
pub fn build_series(
    rows: &[RawRow],
    file: &std::path::Path,
    mineral_of: impl Fn(&str, &str) -> Option<String>,
    country_of: impl Fn(&str) -> Option<String>,
    rules: &[TableRule],
) -> Result<Vec<StatSeries>, GenError> {
    let err = |line: u64, message: String| GenError::new(file, Some(line), message);
    // Groups by block and table key, in file order.
    let mut blocks: Vec<Block> = Vec::new();
    let mut groups: HashMap<Block, Vec<Table>> = HashMap::new();
    for r in rows {
        let block = (r.chapter.clone(), r.commodity.clone(), r.statistic.clone(), r.unit.clone(), r.year);
        let key = table_key(&r.detail);
        let tables = groups.entry(block.clone()).or_insert_with(|| {
            blocks.push(block.clone());
            Vec::new()
        });
        let table = match tables.iter().position(|t| t.key == key) {
            Some(i) => &mut tables[i],
            None => {
                tables.push(Table { key, world: vec![], rows: vec![] });
                tables.last_mut().expect("just pushed")
            }
        };
        if r.country == "World total" {
            if let Some(first) = table.world.first() {
                return Err(err(r.line, format!("a second \"World total\" for the table of line {} (\"{}\")", first.line, r.detail)));
            }
            table.world.push(r);
        } else {
            table.rows.push((r, None));
        }
    }
    let mut used_rules = vec![false; rules.len()];
    let mut out = Vec::new();
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    for block in blocks {
        let mut tables = groups.remove(&block).unwrap_or_default();
        merge_qualified(&mut tables, &block.0, rules, &mut used_rules, &err)?;
        let block_has_rows = tables.iter().any(|t| !t.rows.is_empty());
        let block_has_total = tables.iter().any(|t| !t.world.is_empty());
        for table in &tables {
            if let (Some(world), true, true) = (table.world.first(), table.rows.is_empty(), block_has_rows) {
                match rules.iter().position(|w| w.rule == TableRuleKind::WorldOnly && w.chapter == block.0 && w.table_key == table.key) {
                    Some(i) => used_rules[i] = true,
                    None => {
                        return Err(err(
                            world.line,
                            format!(
                                "the \"World total\" \"{}\" has no country rows although its block has: a detached total (list it as world_only in {TABLE_RULES_FILE} only if USGS gives it as a world figure alone)",
                                world.detail
                            ),
                        ))
                    }
                }
            }
            if block_has_total && table.world.is_empty() {
                let (first, _) = table.rows[0];
                return Err(err(first.line, format!("country rows \"{}\" belong to no table of their block", first.detail)));
            }
            let mut seen: HashMap<&str, u64> = HashMap::new();
            for (r, _) in &table.rows {
                if r.country != "Other countries" {
                    if let Some(before) = seen.insert(r.country.as_str(), r.line) {
                        return Err(err(r.line, format!("{} appears twice in one table (also line {before})", r.country)));
                    }
                }
            }
            out.push(series_of(&block, table, file, &mineral_of, &country_of, &mut used_ids)?);
        }
    }
    if let Some(i) = used_rules.iter().position(|used| !used) {
        let w = &rules[i];
        return Err(GenError::new(
            std::path::Path::new(TABLE_RULES_FILE),
            Some(w.line),
            format!("the rule for \"{}\" in {} matches no table: it is stale", w.table_key, w.chapter),
        ));
    }
    Ok(out)
}

/// Moves each group of country rows without a total into the table its
/// detail qualifies: the table whose key is the detail's base, or the one a
/// `base` rule names for it. Nothing is matched by likeness alone: two
/// tables for one base are refused.
fn merge_qualified(
    tables: &mut Vec<Table>,
    chapter: &str,
    rules: &[TableRule],
    used_rules: &mut [bool],
    err: &impl Fn(u64, String) -> GenError,
) -> Result<(), GenError> {
    let mut i = 0;
    while i < tables.len() {
        let Some((base, _)) = split_qualifier(&tables[i].key).filter(|_| tables[i].world.is_empty()) else {
            i += 1;
            continue;
        };
        let base = base.to_string();
        let named_base = |key: &str| {
            rules.iter().position(|r| r.chapter == chapter && r.table_key == key && r.rule == TableRuleKind::Base(base.clone()))
        };
        let candidates: Vec<usize> = (0..tables.len())
            .filter(|&j| !tables[j].world.is_empty() && (tables[j].key == base || named_base(&tables[j].key).is_some()))
            .collect();
        match candidates.as_slice() {
            [] => i += 1,
            [target] => {
                let target = *target;
                if let Some(r) = named_base(&tables[target].key) {
                    used_rules[r] = true;
                }
                let moved = std::mem::take(&mut tables[i].rows);
                for (r, _) in moved {
                    let qualifier = split_qualifier(&display_detail(&r.detail)).map(|(_, q)| q.to_string());
                    tables[target].rows.push((r, qualifier));
                }
                tables[target].rows.sort_by_key(|(r, _)| r.line);
                tables.remove(i);
            }
            several => {
                let line = tables[i].rows.first().map(|(r, _)| r.line).unwrap_or(0);
                let keys: Vec<&str> = several.iter().map(|&j| tables[j].key.as_str()).collect();
                return Err(err(
                    line,
                    format!("the qualified detail \"{}\" could belong to several tables: {}", tables[i].key, keys.join(", ")),
                ));
            }
        }
    }
    Ok(())
}

fn series_of(
    block: &Block,
    table: &Table,
    file: &std::path::Path,
    mineral_of: &impl Fn(&str, &str) -> Option<String>,
    country_of: &impl Fn(&str) -> Option<String>,
    used_ids: &mut HashMap<String, usize>,
) -> Result<StatSeries, GenError> {
    let (chapter, commodity, statistic_text, unit, year) = block;
    let first = table.rows.first().map(|(r, _)| *r).or(table.world.first().copied()).expect("a table has a row");
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
        other => return Err(GenError::new(file, Some(first.line), format!("unknown statistic \"{other}\""))),
    };
    // The table's name as USGS writes it on its unqualified rows, else on its total.
    let named_by = table.rows.iter().find(|(_, q)| q.is_none()).map(|(r, _)| *r).or(table.world.first().copied()).unwrap_or(first);
    let detail = display_detail(&named_by.detail);
    let world = table.world.first();
    let world_total = world.map(|w| UsgsValue::parse(&w.value));
    let mut world_total_note = world.and_then(|w| (!w.notes.is_empty()).then(|| w.notes.clone()));
    let mut rows_out = Vec::new();
    for (r, qualifier) in &table.rows {
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
            qualifier: qualifier.clone(),
            note: (!r.notes.is_empty()).then(|| r.notes.clone()),
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
    let sum_note = if total_warning.is_none() { shares_past_hundred(&rows_out) } else { None };
    let base_id = format!("{mineral}-{}-{}-{year}", statistic_text.to_lowercase(), slug(&detail));
    let n = used_ids.entry(base_id.clone()).or_insert(0);
    *n += 1;
    let id = if *n == 1 { base_id } else { format!("{base_id}-{n}") };
    Ok(StatSeries {
        id,
        mineral,
        statistic,
        detail,
        unit: unit.clone(),
        year: *year,
        section: first.section.clone(),
        world_total,
        world_total_note,
        world_total_erratum: world.and_then(|w| w.erratum.clone()),
        note: shared_note,
        total_warning,
        sum_note,
        sources: vec![USGS_SOURCE_ID.to_string()],
        status: atlas_domain::model::Status::Confirmed,
        rows: rows_out,
    })
}

/// Where the shares of one table, as shown to one decimal, add up past 100%
/// (USGS rounds its world totals), the note that says so.
pub fn shares_past_hundred(rows: &[StatRow]) -> Option<String> {
    let sum: f64 = rows.iter().filter_map(|r| r.share).map(|s| s.percent).sum();
    let shown = (sum * 10.0).round() / 10.0;
    (shown > 100.0).then(|| format!("These shares add up to {shown:.1}%: USGS rounds its world total, not its country rows."))
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
