//! Builds the Minerals Atlas dataset from `shared/data/` (USGS MCS 2026,
//! participants, timeline, critical-mineral lists) and the project's curated
//! facts (`data/curated/`). Deterministic: the same inputs give the same bytes.
//! Nothing is written unless every input reads and every reference resolves.

pub mod curated;
pub mod input;
pub mod usgs;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use atlas_domain::model::*;
use atlas_domain::time::{ZoneName, ZonedDateTime};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use curated::*;
pub use input::GenError;
use input::{read_csv, read_text, TextInput};

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

const PARTICIPANT_COLUMNS: [&str; 16] = [
    "fact_sheet_name",
    "iso_a2",
    "iso_a3",
    "iso_n3",
    "name_en",
    "capital",
    "continent",
    "flag_emoji",
    "flag_svg",
    "in_world_atlas_110m",
    "in_world_atlas_50m",
    "gdp_usd_2023_worldbank",
    "mcs2026_world_rows",
    "mcs2026_top_critical_shares_2025",
    "mcs2026_top_any_shares_2025",
    "us_bilateral_status",
];

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
    let sd = &inputs.shared_data;
    let cd = &inputs.curated;

    // ---- read everything first: a bad file stops us before any work ----
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

    // ---- USGS ----
    let mut release = usgs::parse_release(&usgs_csv)?;
    let errata_applied = usgs::apply_errata(&mut release.world_rows, &errata_csv)?;

    // USGS country names → ISO.
    struct UsgsCountry {
        iso2: String,
        iso3: String,
        numeric: String,
        name: String,
    }
    let mut usgs_countries: BTreeMap<String, UsgsCountry> = BTreeMap::new();
    for (line, r) in read_csv(&countries_csv, &["usgs_name", "iso_a2", "iso_a3", "iso_n3", "name"])? {
        let f = |i: usize| r.get(i).unwrap_or("").trim().to_string();
        check_iso(&countries_csv, line, &f(1), &f(2), &f(3))?;
        usgs_countries.insert(f(0), UsgsCountry { iso2: f(1), iso3: f(2), numeric: f(3), name: f(4) });
    }
    let usgs_name_by_iso3: HashMap<String, String> = usgs_countries.iter().map(|(k, v)| (v.iso3.clone(), k.clone())).collect();

    // Minerals.
    let mut minerals: Vec<Mineral> = Vec::new();
    let mut mineral_by_commodity: HashMap<(String, String), String> = HashMap::new();
    for (line, r) in read_csv(&minerals_csv, &["mineral_id", "name", "usgs_chapter", "usgs_commodity"])? {
        let f = |i: usize| r.get(i).unwrap_or("").trim().to_string();
        let (id, name, chapter, commodity) = (f(0), f(1), f(2), f(3));
        if id.is_empty() || usgs::slug(&id) != id {
            return Err(GenError::new(&minerals_csv.path, Some(line), format!("mineral id \"{id}\" is not a slug")));
        }
        let Some(&critical) = release.chapter_critical.get(&chapter) else {
            return Err(GenError::new(&minerals_csv.path, Some(line), format!("chapter \"{chapter}\" is not in the USGS file")));
        };
        if minerals.iter().any(|x| x.id == id) {
            return Err(GenError::new(&minerals_csv.path, Some(line), format!("duplicate mineral id {id}")));
        }
        if !commodity.is_empty() {
            mineral_by_commodity.insert((chapter.clone(), commodity), id.clone());
        }
        minerals.push(Mineral {
            id,
            name,
            usgs_chapter: chapter,
            mcs_critical_2025: critical,
            usgs_list_2022: vec![],
            usgs_list_2025: vec![],
            eu_crma: None,
            eu_crma_names: vec![],
            sources: vec![usgs::USGS_SOURCE_ID.to_string()],
            status: Status::Confirmed,
        });
    }
    for chapter in &release.chapters {
        if !minerals.iter().any(|m| &m.usgs_chapter == chapter) {
            return Err(GenError::new(&minerals_csv.path, None, format!("USGS chapter \"{chapter}\" has no mineral")));
        }
    }

    apply_critical_lists(&mut minerals, &list_names_csv, &lists_csv, &eu_csv)?;

    let mut table_rules = Vec::new();
    for (line, r) in read_csv(&table_rules_csv, &["chapter", "table_key", "rule", "value", "reason"])? {
        let f = |i: usize| r.get(i).unwrap_or("").trim().to_string();
        let rule = match (f(2).as_str(), f(3)) {
            ("world_only", v) if v.is_empty() => usgs::TableRuleKind::WorldOnly,
            ("base", v) if !v.is_empty() => usgs::TableRuleKind::Base(usgs::table_key(&v)),
            (other, _) => {
                return Err(GenError::new(
                    &table_rules_csv.path,
                    Some(line),
                    format!("unknown rule \"{other}\" (world_only, or base with its value)"),
                ))
            }
        };
        if f(4).is_empty() {
            return Err(GenError::new(&table_rules_csv.path, Some(line), "a table rule needs its reason"));
        }
        table_rules.push(usgs::TableRule { line, chapter: f(0), table_key: usgs::table_key(&f(1)), rule, reason: f(4) });
    }
    let series = usgs::build_series(
        &release.world_rows,
        &usgs_csv.path,
        |chapter, commodity| mineral_by_commodity.get(&(chapter.to_string(), commodity.to_string())).cloned(),
        |name| usgs_countries.get(name).map(|c| c.iso3.clone()),
        &table_rules,
    )?;

    // ---- countries ----
    let mut countries: Vec<Country> = Vec::new();
    let mut participants: Vec<String> = Vec::new();
    for (line, r) in read_csv(&participants_csv, &PARTICIPANT_COLUMNS)? {
        let f = |i: usize| r.get(i).unwrap_or("").trim().to_string();
        let (iso2, iso3, numeric) = (f(1), f(2), f(3));
        check_iso(&participants_csv, line, &iso2, &iso3, &numeric)?;
        if let Some(u) = usgs_name_by_iso3.get(&iso3).and_then(|n| usgs_countries.get(n)) {
            if u.iso2 != iso2 || u.numeric != numeric {
                return Err(GenError::new(
                    &participants_csv.path,
                    Some(line),
                    format!("{iso3}: ISO codes disagree with data/curated/usgs_countries.csv"),
                ));
            }
        }
        let flag = Path::new(&f(8)).file_stem().map(|s| s.to_string_lossy().to_string());
        countries.push(Country {
            iso3: iso3.clone(),
            iso2,
            numeric: Some(numeric),
            name: f(4),
            kind: PartyKind::Country,
            usgs_name: usgs_name_by_iso3.get(&iso3).cloned(),
            capital: Some(f(5)).filter(|s| !s.is_empty()),
            region: Some(f(6)).filter(|s| !s.is_empty()),
            flag,
        });
        participants.push(iso3);
    }
    let mut add_party = |p: &PartyDef, kind: PartyKind| {
        countries.push(Country {
            iso3: p.iso3.clone(),
            iso2: p.iso2.clone(),
            numeric: p.numeric.clone(),
            name: p.name.clone(),
            kind,
            usgs_name: usgs_name_by_iso3.get(&p.iso3).cloned(),
            capital: p.capital.clone(),
            region: p.region.clone(),
            flag: p.flag.clone().or_else(|| Some(p.iso2.to_lowercase())),
        });
    };
    add_party(&m.host, PartyKind::Country);
    for o in &m.organisations {
        add_party(o, PartyKind::Organisation);
    }
    // Every other country USGS reports, for world context (China among them).
    let known: HashSet<String> = countries.iter().map(|c| c.iso3.clone()).collect();
    for (usgs_name, u) in &usgs_countries {
        if !known.contains(&u.iso3) {
            countries.push(Country {
                iso3: u.iso3.clone(),
                iso2: u.iso2.clone(),
                numeric: Some(u.numeric.clone()),
                name: u.name.clone(),
                kind: PartyKind::Country,
                usgs_name: Some(usgs_name.clone()),
                capital: None,
                region: None,
                flag: Some(u.iso2.to_lowercase()),
            });
        }
    }
    countries.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.iso3.cmp(&b.iso3)));

    // ---- sources ----
    let sources = sources_file.sources;
    let source_by_url: HashMap<&str, &str> = sources.iter().map(|s| (s.url.as_str(), s.id.as_str())).collect();
    for s in &sources {
        if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
            return Err(GenError::new(&sources_json.path, None, format!("source {} has no http(s) URL", s.id)));
        }
    }

    // ---- events ----
    let mut events = m.events.clone();
    for e in &events {
        if e.end < e.start {
            return Err(GenError::new(&ministerial_json.path, None, format!("event {} ends before it starts", e.id)));
        }
    }
    events.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));

    // ---- participations ----
    let mut participations: Vec<Participation> = participants
        .iter()
        .map(|iso3| Participation {
            event: MINISTERIAL_EVENT_ID.to_string(),
            party: iso3.clone(),
            role: Role::Participant,
            head_of_delegation: None,
            members: vec![],
            notes: None,
            status: Status::Confirmed,
            delegation_status: None,
            sources: vec!["state-factsheet".to_string()],
        })
        .collect();
    for d in &m.delegations {
        let existing = participations.iter_mut().find(|p| p.event == d.event && p.party == d.party);
        match existing {
            Some(p) => {
                if let Some(role) = d.role {
                    p.role = role;
                }
                p.head_of_delegation = d.head_of_delegation.clone();
                p.members = d.members.clone();
                p.notes = d.notes.clone();
                // The fact sheet confirms attendance; the delegation details carry their own status.
                p.delegation_status = Some(d.status);
                for s in &d.sources {
                    if !p.sources.contains(s) {
                        p.sources.push(s.clone());
                    }
                }
            }
            None => participations.push(Participation {
                event: d.event.clone(),
                party: d.party.clone(),
                role: d.role.unwrap_or(Role::Participant),
                head_of_delegation: d.head_of_delegation.clone(),
                members: d.members.clone(),
                notes: d.notes.clone(),
                status: d.status,
                delegation_status: Some(d.status),
                sources: d.sources.clone(),
            }),
        }
    }

    // ---- agreements ----
    let name_of = |iso3: &str| countries.iter().find(|c| c.iso3 == iso3).map(|c| c.name.clone());
    let mut agreements: Vec<Agreement> = Vec::new();
    let t = &m.ministerial_signing_template;
    for iso3 in &m.ministerial_signing_partners {
        let name = name_of(iso3)
            .ok_or_else(|| GenError::new(&ministerial_json.path, None, format!("signing partner {iso3} is not a known country")))?;
        agreements.push(Agreement {
            id: format!("us-{}-ministerial-{}", iso3.to_lowercase(), t.date),
            title: t.title.replace("{name}", &name),
            kind: t.kind,
            parties: vec!["USA".to_string(), iso3.clone()],
            date: Some(t.date),
            date_note: t.date_note.clone(),
            at_ministerial: true,
            summary: t.summary.clone(),
            status: t.status,
            sources: t.sources.clone(),
        });
    }
    agreements.extend(m.agreements.iter().cloned());
    agreements.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));

    // ---- sessions ----
    let mut sessions = Vec::new();
    for s in &m.sessions {
        let err = |msg: String| GenError::new(&ministerial_json.path, None, format!("session {}: {msg}", s.id));
        let event = events.iter().find(|e| e.id == s.event).ok_or_else(|| err(format!("unknown event {}", s.event)))?;
        let zone = event.time_zone;
        let (start, end, precision) = session_times(s, zone).map_err(err)?;
        let day = start.local().date_naive();
        if day < event.start || day > event.end {
            return Err(err(format!("{day} is outside its event ({} to {})", event.start, event.end)));
        }
        sessions.push(Session {
            id: s.id.clone(),
            event: s.event.clone(),
            title: s.title.clone(),
            kind: s.kind,
            start,
            end,
            time_precision: precision,
            venue: s.venue.clone(),
            speakers: s.speakers.clone(),
            countries: s.countries.clone(),
            summary: s.summary.clone(),
            outcomes: s.outcomes.clone(),
            status: s.status,
            status_note: s.status_note.clone(),
            sources: s.sources.clone(),
        });
    }
    sessions.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));

    // ---- timeline ----
    let mut timeline = build_timeline(
        &timeline_file,
        &timeline_json,
        &m.timeline,
        &ministerial_json,
        |name| usgs_countries.get(name).map(|c| c.iso3.clone()),
        &source_by_url,
    )?;
    for extra in &m.timeline_extra {
        timeline.push(curated_entry(extra, &ministerial_json)?);
    }
    timeline.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));

    let mut dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        dataset_version: String::new(),
        primary_event: MINISTERIAL_EVENT_ID.to_string(),
        provenance: Provenance {
            generator: format!("atlas-datagen {}", env!("CARGO_PKG_VERSION")),
            inputs: loaded.inputs,
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
        },
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

    if let Err(problems) = atlas_domain::validate::check_references(&dataset) {
        return Err(GenError::new(&ministerial_json.path, None, format!("broken references:\n  {}", problems.join("\n  "))));
    }
    if let Err(problems) = atlas_domain::validate::status_rule(&dataset) {
        return Err(GenError::new(
            &ministerial_json.path,
            None,
            format!(
                "statuses the sources do not support (lower them, or cite an official text or a second independent source):\n  {}",
                problems.join("\n  ")
            ),
        ));
    }
    Ok(dataset)
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

fn check_iso(input: &TextInput, line: u64, iso2: &str, iso3: &str, numeric: &str) -> Result<(), GenError> {
    let ok = iso2.len() == 2
        && iso2.chars().all(|c| c.is_ascii_uppercase())
        && iso3.len() == 3
        && iso3.chars().all(|c| c.is_ascii_uppercase())
        && numeric.len() == 3
        && numeric.chars().all(|c| c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(GenError::new(
            &input.path,
            Some(line),
            format!("bad ISO codes \"{iso2}\" / \"{iso3}\" / \"{numeric}\" (need AA / AAA / zero-padded 000)"),
        ))
    }
}

fn session_times(s: &SessionDef, zone: ZoneName) -> Result<(ZonedDateTime, ZonedDateTime, TimePrecision), String> {
    let parse_local = |t: &str| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").map_err(|_| format!("bad time \"{t}\""));
    match s.time_precision.as_str() {
        "day" => {
            let d = NaiveDate::parse_from_str(&s.start, "%Y-%m-%d").map_err(|_| format!("bad date \"{}\"", s.start))?;
            let start = ZonedDateTime::start_of_day(d, zone).map_err(|e| e.to_string())?;
            let end = ZonedDateTime::start_of_day(d + Duration::days(1), zone).map_err(|e| e.to_string())?;
            Ok((start, end, TimePrecision::Day))
        }
        "start_only" => {
            let start = ZonedDateTime::from_local(parse_local(&s.start)?, zone).map_err(|e| e.to_string())?;
            let end = ZonedDateTime { instant: start.instant + Duration::hours(1), zone };
            Ok((start, end, TimePrecision::StartOnly))
        }
        "exact" => {
            let start = ZonedDateTime::from_local(parse_local(&s.start)?, zone).map_err(|e| e.to_string())?;
            let end_text = s.end.as_deref().ok_or("exact times need an end")?;
            let end = ZonedDateTime::from_local(parse_local(end_text)?, zone).map_err(|e| e.to_string())?;
            if end < start {
                return Err("ends before it starts".into());
            }
            Ok((start, end, TimePrecision::Exact))
        }
        other => Err(format!("unknown time_precision \"{other}\"")),
    }
}

fn build_timeline(
    file: &TimelineFile,
    input: &TextInput,
    annotations: &[TimelineAnnotation],
    annotations_input: &TextInput,
    country_of: impl Fn(&str) -> Option<String>,
    source_by_url: &HashMap<&str, &str>,
) -> Result<Vec<TimelineEntry>, GenError> {
    let mut used = vec![0usize; annotations.len()];
    let mut ids: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (i, e) in file.events.iter().enumerate() {
        let err = |msg: String| GenError::new(&input.path, None, format!("entry {} (\"{}\"): {msg}", i + 1, e.title));
        let matching: Vec<usize> = annotations.iter().enumerate().filter(|(_, a)| e.title.contains(&a.matches)).map(|(j, _)| j).collect();
        let j = match matching.as_slice() {
            [j] => *j,
            [] => return Err(err("no annotation in data/curated/ministerial.json matches it".into())),
            _ => return Err(err("more than one annotation matches it".into())),
        };
        used[j] += 1;
        let a = &annotations[j];
        let zone = ZoneName::parse(&a.time_zone).map_err(|x| err(x.to_string()))?;
        let (start, precision) = if e.start.contains('T') {
            let local = NaiveDateTime::parse_from_str(&e.start, "%Y-%m-%dT%H:%M").map_err(|_| err(format!("bad start \"{}\"", e.start)))?;
            (ZonedDateTime::from_local(local, zone).map_err(|x| err(x.to_string()))?, TimePrecision::StartOnly)
        } else {
            let d = NaiveDate::parse_from_str(&e.start, "%Y-%m-%d").map_err(|_| err(format!("bad start \"{}\"", e.start)))?;
            (ZonedDateTime::start_of_day(d, zone).map_err(|x| err(x.to_string()))?, TimePrecision::Day)
        };
        let end = match &e.end {
            None => None,
            Some(t) => {
                let d = NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| err(format!("bad end \"{t}\"")))?;
                let end = ZonedDateTime::start_of_day(d + Duration::days(1), zone).map_err(|x| err(x.to_string()))?;
                if end < start {
                    return Err(err("ends before it starts".into()));
                }
                Some(end)
            }
        };
        let country = country_of(&e.country_usgs_name).ok_or_else(|| err(format!("unknown country \"{}\"", e.country_usgs_name)))?;
        let mut countries = a.countries.clone();
        if !countries.contains(&country) {
            countries.insert(0, country.clone());
        }
        let sources = e
            .sources
            .iter()
            .map(|u| {
                source_by_url
                    .get(u.as_str())
                    .map(|s| s.to_string())
                    .ok_or_else(|| err(format!("source {u} is not in data/curated/sources.json")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut sources = sources;
        for extra in &a.extra_sources {
            if !source_by_url.values().any(|id| id == extra) {
                return Err(err(format!("extra source {extra} is not in data/curated/sources.json")));
            }
            if !sources.contains(extra) {
                sources.push(extra.clone());
            }
        }
        if sources.is_empty() {
            return Err(err("no sources".into()));
        }
        // The project may lower a status the shared timeline gives, never raise it.
        let (status, status_note) = match a.status {
            Some(lower) if status_rank(lower) > status_rank(e.status) => {
                return Err(err(format!("the annotation raises the status from {:?} to {lower:?}; add sources instead", e.status)))
            }
            Some(lower) => (lower, a.status_note.clone().or_else(|| e.status_note.clone())),
            None => (e.status, e.status_note.clone()),
        };
        let date = start.local().date_naive();
        let mut id = format!("tl-{}-{}", date.format("%Y%m%d"), truncate_slug(&usgs::slug(&e.title), 40));
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("tl-{}-{}-{n}", date.format("%Y%m%d"), truncate_slug(&usgs::slug(&e.title), 40));
            n += 1;
        }
        if a.title.is_some() && a.title_note.is_none() {
            return Err(err("a title the project rewords needs its title_note".into()));
        }
        out.push(TimelineEntry {
            id,
            title: a.title.clone().unwrap_or_else(|| e.title.clone()),
            kind: a.kind,
            start,
            end,
            time_precision: precision,
            country,
            countries,
            event: a.event.clone(),
            sessions: a.sessions.clone(),
            status,
            status_note,
            sources,
        });
    }
    if let Some(j) = used.iter().position(|n| *n == 0) {
        return Err(GenError::new(
            &annotations_input.path,
            None,
            format!("timeline annotation \"{}\" matches no entry", annotations[j].matches),
        ));
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    Ok(out)
}

/// A curated timeline entry as the model's own; references are checked with the rest.
fn curated_entry(e: &curated::CuratedTimelineEntry, input: &TextInput) -> Result<TimelineEntry, GenError> {
    let err = |msg: String| GenError::new(&input.path, None, format!("timeline_extra \"{}\": {msg}", e.title));
    let zone = ZoneName::parse(&e.time_zone).map_err(|x| err(x.to_string()))?;
    let day = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| err(format!("bad date \"{t}\"")));
    let start = ZonedDateTime::start_of_day(day(&e.start)?, zone).map_err(|x| err(x.to_string()))?;
    let end = match &e.end {
        None => None,
        Some(t) => {
            let last = day(t)?;
            let end = ZonedDateTime::start_of_day(last.succ_opt().unwrap_or(last), zone).map_err(|x| err(x.to_string()))?;
            if end < start {
                return Err(err("ends before it starts".into()));
            }
            Some(end)
        }
    };
    let country = e.countries.first().cloned().ok_or_else(|| err("names no country".into()))?;
    if e.sources.is_empty() {
        return Err(err("no sources".into()));
    }
    Ok(TimelineEntry {
        id: format!("tl-{}-{}", start.local().date_naive().format("%Y%m%d"), truncate_slug(&usgs::slug(&e.title), 40)),
        title: e.title.clone(),
        kind: e.kind,
        start,
        end,
        time_precision: TimePrecision::Day,
        country,
        countries: e.countries.clone(),
        event: e.event.clone(),
        sessions: vec![],
        status: e.status,
        status_note: e.status_note.clone(),
        sources: e.sources.clone(),
    })
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

/// How much a status claims: confirmed claims most.
fn status_rank(s: Status) -> u8 {
    match s {
        Status::Confirmed => 3,
        Status::Scheduled => 2,
        Status::Reported => 1,
        Status::Uncertain => 0,
    }
}

fn truncate_slug(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    s[..max].trim_end_matches('-').to_string()
}

fn apply_critical_lists(
    minerals: &mut [Mineral],
    names_csv: &TextInput,
    usgs_lists: &TextInput,
    eu_csv: &TextInput,
) -> Result<(), GenError> {
    // The shared lists, as published.
    let mut on_2022 = HashSet::new();
    let mut on_2025 = HashSet::new();
    for (line, r) in read_csv(usgs_lists, &["mineral", "on_2022_list", "on_2025_list", "added_2025"])? {
        let f = |i: usize| r.get(i).unwrap_or("").trim().to_string();
        let flag = |i: usize| match f(i).as_str() {
            "True" => Ok(true),
            "False" => Ok(false),
            other => Err(GenError::new(&usgs_lists.path, Some(line), format!("expected True or False, found \"{other}\""))),
        };
        if flag(1)? {
            on_2022.insert(f(0));
        }
        if flag(2)? {
            on_2025.insert(f(0));
        }
    }
    let mut eu: BTreeMap<String, (bool, bool)> = BTreeMap::new();
    for (line, r) in read_csv(eu_csv, &["raw_material", "list"])? {
        let f = |i: usize| r.get(i).unwrap_or("").trim().to_string();
        let entry = eu.entry(f(0)).or_default();
        match f(1).as_str() {
            "Annex I strategic" => entry.0 = true,
            "Annex II critical" => entry.1 = true,
            other => return Err(GenError::new(&eu_csv.path, Some(line), format!("unknown EU list \"{other}\""))),
        }
    }
    // The project's mapping of list names to minerals must cover both lists exactly.
    let mut mapped_usgs = HashSet::new();
    let mut mapped_eu = HashSet::new();
    for (line, r) in read_csv(names_csv, &["list", "name", "mineral_ids", "note"])? {
        let f = |i: usize| r.get(i).unwrap_or("").trim().to_string();
        let (list, name) = (f(0), f(1));
        let ids: Vec<String> = f(2).split_whitespace().map(str::to_string).collect();
        for id in &ids {
            if !minerals.iter().any(|m| &m.id == id) {
                return Err(GenError::new(&names_csv.path, Some(line), format!("unknown mineral id {id}")));
            }
        }
        match list.as_str() {
            "usgs" => {
                if !on_2022.contains(&name) && !on_2025.contains(&name) {
                    return Err(GenError::new(&names_csv.path, Some(line), format!("\"{name}\" is on neither USGS list")));
                }
                mapped_usgs.insert(name.clone());
                for m in minerals.iter_mut().filter(|m| ids.contains(&m.id)) {
                    if on_2022.contains(&name) {
                        m.usgs_list_2022.push(name.clone());
                    }
                    if on_2025.contains(&name) {
                        m.usgs_list_2025.push(name.clone());
                    }
                }
            }
            "eu" => {
                let Some(&(strategic, critical)) = eu.get(&name) else {
                    return Err(GenError::new(&names_csv.path, Some(line), format!("\"{name}\" is not in the EU CRMA annexes")));
                };
                mapped_eu.insert(name.clone());
                for m in minerals.iter_mut().filter(|m| ids.contains(&m.id)) {
                    m.eu_crma_names.push(name.clone());
                    let (s0, c0) = match m.eu_crma {
                        Some(EuCrmaClass::Strategic) => (true, false),
                        Some(EuCrmaClass::Critical) => (false, true),
                        Some(EuCrmaClass::StrategicAndCritical) => (true, true),
                        None => (false, false),
                    };
                    m.eu_crma = match (s0 || strategic, c0 || critical) {
                        (true, true) => Some(EuCrmaClass::StrategicAndCritical),
                        (true, false) => Some(EuCrmaClass::Strategic),
                        (false, true) => Some(EuCrmaClass::Critical),
                        (false, false) => None,
                    };
                }
            }
            other => return Err(GenError::new(&names_csv.path, Some(line), format!("unknown list \"{other}\""))),
        }
    }
    for name in on_2022.iter().chain(on_2025.iter()) {
        if !mapped_usgs.contains(name) {
            return Err(GenError::new(&names_csv.path, None, format!("USGS list name \"{name}\" is not mapped")));
        }
    }
    for name in eu.keys() {
        if !mapped_eu.contains(name) {
            return Err(GenError::new(&names_csv.path, None, format!("EU CRMA name \"{name}\" is not mapped")));
        }
    }
    for m in minerals.iter_mut() {
        if !m.usgs_list_2022.is_empty() {
            m.sources.push("usgs-critical-list-2022".to_string());
        }
        if !m.usgs_list_2025.is_empty() {
            m.sources.push("usgs-critical-list-2025".to_string());
        }
        if m.eu_crma.is_some() {
            m.sources.push("eu-crma-2024".to_string());
            m.status = Status::Reported;
        }
        m.usgs_list_2022.sort();
        m.usgs_list_2025.sort();
        m.eu_crma_names.sort();
    }
    Ok(())
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
