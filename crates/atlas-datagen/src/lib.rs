//! Builds the Minerals Atlas dataset from `shared/data/` (USGS MCS 2026,
//! participants, timeline, critical-mineral lists) and the project's curated
//! facts (`data/curated/`). Deterministic: the same inputs give the same bytes.
//! Nothing is written unless every input reads and every reference resolves.

pub mod curated;
pub mod input;
pub mod minerals;
pub mod parties;
pub mod schedule;
pub mod usgs;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use atlas_domain::model::*;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use curated::*;
pub use input::GenError;
use input::{read_text, TextInput};

/// Where the inputs live.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// `shared/data`.
    pub shared_data: PathBuf,
    /// `data/curated`.
    pub curated: PathBuf,
}

impl Inputs {
    /// The layout of a checkout with `shared/` beside it.
    pub fn beside_checkout(repo_root: &Path) -> Inputs {
        Inputs { shared_data: repo_root.join("..").join("shared").join("data"), curated: repo_root.join("data").join("curated") }
    }
}

pub const USGS_CSV: &str = "usgs_mcs2026/usgs_mcs2026_commodities_data.utf8.csv";
pub const USGS_ERRATA: &str = "usgs_mcs2026/mcs2026_known_errata_after_v1.0.csv";
pub const PARTICIPANTS_CSV: &str = "ministerial_2026_participants.csv";
pub const TIMELINE_JSON: &str = "event_timeline.json";
pub const USGS_LISTS_CSV: &str = "usgs_critical_minerals_lists.csv";
pub const EU_CRMA_CSV: &str = "eu_crma_2024_raw_materials.csv";

fn parse_json<T: DeserializeOwned>(input: &TextInput) -> Result<T, GenError> {
    serde_json::from_str(&input.text).map_err(|e| GenError::new(&input.path, Some(e.line() as u64), format!("invalid JSON: {e}")))
}

struct Loaded {
    inputs: Vec<InputFile>,
}

impl Loaded {
    fn shared(&mut self, dir: &Path, rel: &str) -> Result<TextInput, GenError> {
        let t = read_text(&dir.join(rel), &format!("shared/data/{rel}"))?;
        self.inputs.push(t.record.clone());
        Ok(t)
    }
    fn curated(&mut self, dir: &Path, rel: &str) -> Result<TextInput, GenError> {
        let t = read_text(&dir.join(rel), &format!("data/curated/{rel}"))?;
        self.inputs.push(t.record.clone());
        Ok(t)
    }
}

/// Reads every input and assembles the dataset.
pub fn generate(inputs: &Inputs) -> Result<Dataset, GenError> {
    let mut loaded = Loaded { inputs: Vec::new() };
    let (sd, cd) = (&inputs.shared_data, &inputs.curated);

    // Read everything first: a bad file stops us before any work.
    let usgs_csv = loaded.shared(sd, USGS_CSV)?;
    let errata_csv = loaded.shared(sd, USGS_ERRATA)?;
    let participants_csv = loaded.shared(sd, PARTICIPANTS_CSV)?;
    let timeline_json = loaded.shared(sd, TIMELINE_JSON)?;
    let lists_csv = loaded.shared(sd, USGS_LISTS_CSV)?;
    let eu_csv = loaded.shared(sd, EU_CRMA_CSV)?;
    let sources_json = loaded.curated(cd, "sources.json")?;
    let ministerial_json = loaded.curated(cd, "ministerial.json")?;
    let countries_csv = loaded.curated(cd, "usgs_countries.csv")?;
    let minerals_csv = loaded.curated(cd, "minerals.csv")?;
    let list_names_csv = loaded.curated(cd, "critical_list_names.csv")?;
    let table_rules_csv = loaded.curated(cd, "usgs_tables.csv")?;
    let sources_file: SourcesFile = parse_json(&sources_json)?;
    let m: MinisterialFile = parse_json(&ministerial_json)?;
    let timeline_file: TimelineFile = parse_json(&timeline_json)?;

    // USGS: the release with its corrections, minerals, and the world tables.
    let mut release = usgs::parse_release(&usgs_csv)?;
    let errata_applied = usgs::apply_errata(&mut release.world_rows, &errata_csv)?;
    let usgs_countries = parties::usgs_countries(&countries_csv)?;
    let (mut minerals, mineral_by_commodity) = minerals::minerals(&minerals_csv, &release)?;
    minerals::apply_critical_lists(&mut minerals, &list_names_csv, &lists_csv, &eu_csv)?;
    let series = usgs::build_series(
        &release.world_rows,
        &usgs_csv.path,
        |chapter, commodity| mineral_by_commodity.get(&(chapter.to_string(), commodity.to_string())).cloned(),
        |name| usgs_countries.get(name).map(|c| c.iso3.clone()),
        &minerals::table_rules(&table_rules_csv)?,
    )?;

    // Who: parties, their presence, their agreements, and the sources.
    let (countries, participants) = parties::countries(&participants_csv, &m, &usgs_countries)?;
    let participations = parties::participations(MINISTERIAL_EVENT_ID, &participants, &m);
    let agreements = parties::agreements(&m, &countries, &ministerial_json.path)?;
    let sources = sources_file.sources;
    if let Some(s) = sources.iter().find(|s| !(s.url.starts_with("https://") || s.url.starts_with("http://"))) {
        return Err(GenError::new(&sources_json.path, None, format!("source {} has no http(s) URL", s.id)));
    }

    // When: events, sessions, the timeline.
    let events = schedule::events(&m, &ministerial_json.path)?;
    let sessions = schedule::sessions(&m, &events, &ministerial_json.path)?;
    let source_by_url: HashMap<&str, &str> = sources.iter().map(|s| (s.url.as_str(), s.id.as_str())).collect();
    let mut timeline = schedule::build_timeline(
        &timeline_file,
        &timeline_json,
        &m.timeline,
        &ministerial_json,
        |name| usgs_countries.get(name).map(|c| c.iso3.clone()),
        &source_by_url,
    )?;
    for extra in &m.timeline_extra {
        timeline.push(schedule::curated_entry(extra, &ministerial_json)?);
    }
    timeline.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));

    let mut dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        dataset_version: String::new(),
        primary_event: MINISTERIAL_EVENT_ID.to_string(),
        provenance: provenance(loaded.inputs, errata_applied),
        sources,
        countries,
        people: m.people,
        events,
        participations,
        agreements,
        minerals,
        series,
        sessions,
        timeline,
    };
    dataset.dataset_version = version_of(&dataset.provenance.inputs);
    dataset.provenance.facts_as_of = latest_recorded_date(&dataset);
    check(&dataset, &ministerial_json.path)?;
    Ok(dataset)
}

/// Where the data came from, and what a reader should know about it.
fn provenance(inputs: Vec<InputFile>, errata_applied: Vec<AppliedErratum>) -> Provenance {
    Provenance {
        generator: format!("atlas-datagen {}", env!("CARGO_PKG_VERSION")),
        inputs,
        usgs_doi: "10.5066/P1WKQ63T".to_string(),
        usgs_citation: "U.S. Geological Survey, 2026, Mineral Commodity Summaries 2026: U.S. Geological Survey data release, https://doi.org/10.5066/P1WKQ63T".to_string(),
        usgs_licence: "CC0 1.0 Universal (public domain), per the release's metadata".to_string(),
        usgs_version: format!(
            "v1.0 data release with {} later corrections applied (to v{})",
            errata_applied.len(),
            errata_applied.iter().map(|e| e.version.as_str()).max().unwrap_or("1.0")
        ),
        facts_as_of: None,
        errata_applied,
        notes: vec![
            "Sessions are rebuilt from remarks and press reports: no official agenda was published.".to_string(),
            "A missing USGS row is not a zero: the country is not reported separately.".to_string(),
            "Shares are of the USGS world total for the same commodity, statistic, unit and year; USGS rounds world totals.".to_string(),
        ],
    }
}

/// The generator refuses a dataset whose references do not resolve, or
/// whose statuses its sources do not support.
fn check(dataset: &Dataset, path: &Path) -> Result<(), GenError> {
    if let Err(problems) = atlas_domain::validate::check_references(dataset) {
        return Err(GenError::new(path, None, format!("broken references:\n  {}", problems.join("\n  "))));
    }
    if let Err(problems) = atlas_domain::validate::status_rule(dataset) {
        return Err(GenError::new(
            path,
            None,
            format!(
                "statuses the sources do not support (lower them, or cite an official text or a second independent source):\n  {}",
                problems.join("\n  ")
            ),
        ));
    }
    Ok(())
}

/// `1.<schema>.0+<12 hex of the inputs' hashes>`: changes whenever an input does.
fn version_of(inputs: &[InputFile]) -> String {
    let mut h = Sha256::new();
    for i in inputs {
        h.update(i.path.as_bytes());
        h.update(i.sha256.as_bytes());
    }
    format!("1.{SCHEMA_VERSION}.0+{}", &input::hex(&h.finalize())[..12])
}

/// The latest date any record of the data names, scheduled records aside
/// (a forum announced for April says nothing of April).
fn latest_recorded_date(d: &Dataset) -> Option<NaiveDate> {
    let errata = d.provenance.errata_applied.iter().map(|e| e.date);
    let timeline = d.timeline.iter().filter(|t| t.status != Status::Scheduled).map(|t| t.start.local().date_naive());
    let sessions = d.sessions.iter().filter(|s| s.status != Status::Scheduled).map(|s| s.start.local().date_naive());
    let agreements = d.agreements.iter().filter_map(|a| a.date);
    errata.chain(timeline).chain(sessions).chain(agreements).max()
}

/// The dataset's bytes: compact JSON with a final newline. Field order is the
/// structs' and every list is sorted, so the same inputs give the same bytes.
pub fn render(dataset: &Dataset) -> String {
    let mut s = serde_json::to_string(dataset).expect("the dataset is plain data");
    s.push('\n');
    s
}

/// Writes atomically: a temporary file beside the target, then a rename.
pub fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{}.tmp", path.file_name().and_then(|n| n.to_str()).unwrap_or("out")));
    std::fs::write(&tmp, contents)?;
    std::fs::rename(&tmp, path)
}
