//! The generator: the committed dataset is what the inputs give; bad inputs
//! stop it with a message naming the file and line, and nothing is written.

use std::path::{Path, PathBuf};
use std::process::Command;

use atlas_datagen::{generate, render, Inputs};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn shared_data() -> PathBuf {
    let p = repo_root().join("../shared/data");
    assert!(p.join("usgs_mcs2026").is_dir(), "this test needs shared/data beside the checkout (CI has it): {} is missing", p.display());
    p
}

#[test]
fn committed_dataset_matches_a_fresh_generation() {
    let _ = shared_data();
    let dataset = generate(&Inputs::beside_checkout(&repo_root())).expect("generates");
    let fresh = render(&dataset);
    let committed = std::fs::read_to_string(repo_root().join("data/generated/atlas-dataset.json")).unwrap();
    assert!(fresh == committed, "data/generated/atlas-dataset.json is stale: run `cargo run -p atlas-datagen --release`");
    // Deterministic: twice gives the same bytes.
    let again = render(&generate(&Inputs::beside_checkout(&repo_root())).unwrap());
    assert_eq!(fresh, again);
}

#[test]
fn parsing_agrees_with_the_convenience_extract() {
    // shared/data's extract was made by other code from the same release:
    // cross-check country codes and values, and recompute each share from the
    // extract's own parsed numbers. (Its derived share column pairs some rare
    // gases with another gas's world total, so that column is not used.)
    let extract = std::fs::read_to_string(shared_data().join("usgs_mcs2026/mcs2026_world_production_reserves.utf8.csv")).unwrap();
    let dataset = generate(&Inputs::beside_checkout(&repo_root())).unwrap();
    let mut reader = csv::Reader::from_reader(extract.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (c_ch, c_com, c_country, c_iso3, c_stat, c_detail, c_unit, c_year, c_raw, c_value) = (
        col("mcs_chapter"),
        col("commodity"),
        col("country_usgs"),
        col("iso_a3"),
        col("statistic"),
        col("statistic_detail"),
        col("unit"),
        col("year"),
        col("value_raw"),
        col("value"),
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let key = |r: &csv::StringRecord| {
        (
            r[c_ch].to_string(),
            r[c_com].to_string(),
            r[c_stat].to_string(),
            r[c_detail].trim_end_matches(": rounded").to_string(),
            r[c_unit].trim().to_string(),
            r[c_year].to_string(),
        )
    };
    let totals: std::collections::HashMap<_, f64> = records
        .iter()
        .filter(|r| &r[c_country] == "World total")
        .filter_map(|r| r[c_value].parse::<f64>().ok().map(|v| (key(r), v)))
        .collect();
    let (mut compared, mut shares) = (0, 0);
    for rec in &records {
        let country = &rec[c_country];
        if country == "World total" || country == "Other countries" {
            continue;
        }
        let (chapter, commodity, statistic, detail, unit, year) = key(rec);
        let year: i32 = year.parse().unwrap();
        let mineral = dataset.minerals.iter().find(|m| m.usgs_chapter == chapter).map(|m| m.usgs_chapter.clone()).unwrap();
        // A row sits in the series of its own table: the same detail (without
        // USGS's "rounded" marks), or, for a qualified row ("Mine production:
        // steatite"), the table its detail qualifies.
        let row_key = plain_detail(&detail);
        let series: Vec<_> = dataset
            .series
            .iter()
            .filter(|s| s.year == year && s.unit == unit)
            .filter(|s| {
                let table = plain_detail(&s.detail);
                row_key == table
                    || row_key.starts_with(&format!("{table}:"))
                    || row_key.starts_with(&format!("{table}—"))
                    || table.starts_with("production—")
            })
            .filter(|s| format!("{:?}", s.statistic).eq_ignore_ascii_case(&statistic))
            .filter(|s| dataset.minerals.iter().any(|m| m.id == s.mineral && m.usgs_chapter == mineral))
            .collect();
        let rows: Vec<_> = series.iter().flat_map(|s| s.rows.iter().filter(|r| r.usgs_name == country)).collect();
        assert!(!rows.is_empty(), "{chapter} {commodity} {country} {detail} {year}");
        assert!(rows.iter().any(|r| r.country.as_deref() == Some(&rec[c_iso3])), "{country}: {}", &rec[c_iso3]);
        if rows.iter().all(|r| r.erratum.is_none()) {
            assert!(rows.iter().any(|r| r.value == atlas_domain::value::UsgsValue::parse(&rec[c_raw])));
            let value = rec[c_value].parse::<f64>().ok();
            let total = totals.get(&key(rec)).copied().filter(|t| *t > 0.0);
            if let (Some(v), Some(t)) = (value, total) {
                let expected = (v / t * 10_000.0).round() / 100.0;
                assert!(
                    rows.iter().any(|r| r.share.map(|s| (s.percent - expected).abs() < 0.011).unwrap_or(false)),
                    "{chapter} {commodity} {country} {year}: share {expected}"
                );
                shares += 1;
            }
        }
        compared += 1;
    }
    assert!(compared > 2500 && shares > 1500, "compared {compared} rows, {shares} shares");
}

/// A copy of shared/data in a temporary folder that a test may break.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("atlas-datagen-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(&shared_data(), &dir.join("data"));
        Scratch(dir)
    }
    fn data(&self) -> PathBuf {
        self.0.join("data")
    }
    fn out(&self) -> PathBuf {
        self.0.join("out/atlas-dataset.json")
    }
    fn run(&self) -> (bool, String) {
        let output = Command::new(env!("CARGO_BIN_EXE_atlas-datagen"))
            .arg("--shared-data")
            .arg(self.data())
            .arg("--out")
            .arg(self.out())
            .output()
            .unwrap();
        (output.status.success(), String::from_utf8_lossy(&output.stderr).to_string())
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            // Read and write rather than copy: shared/ is read-only and copy keeps the mode.
            std::fs::write(&target, std::fs::read(entry.path()).unwrap()).unwrap();
        }
    }
}

const USGS: &str = "usgs_mcs2026/usgs_mcs2026_commodities_data.utf8.csv";

#[test]
fn a_good_copy_generates() {
    let s = Scratch::new("good");
    let (ok, stderr) = s.run();
    assert!(ok, "{stderr}");
    assert!(s.out().is_file());
}

#[test]
fn truncated_csv_is_refused_with_file_and_line() {
    let s = Scratch::new("truncated");
    let path = s.data().join(USGS);
    let text = std::fs::read(&path).unwrap();
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    let (ok, stderr) = s.run();
    assert!(!ok);
    assert!(stderr.contains("usgs_mcs2026_commodities_data.utf8.csv:"), "{stderr}");
    assert!(stderr.contains("truncated"), "{stderr}");
    assert!(!s.out().exists(), "nothing is written");
}

#[test]
fn a_row_cut_short_is_refused_with_its_line() {
    let s = Scratch::new("short-row");
    let path = s.data().join(USGS);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.split("\r\n").collect();
    lines[10] = "COBALT,World Mine Production and Reserves,Cobalt";
    std::fs::write(&path, lines.join("\r\n")).unwrap();
    let (ok, stderr) = s.run();
    assert!(!ok);
    assert!(stderr.contains(":11: row has 3 fields where the header has 12"), "{stderr}");
    assert!(!s.out().exists());
}

#[test]
fn unknown_column_layout_is_refused() {
    let s = Scratch::new("layout");
    let path = s.data().join(USGS);
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replacen("MCS chapter,Section", "Chapter,Section", 1);
    std::fs::write(&path, changed).unwrap();
    let (ok, stderr) = s.run();
    assert!(!ok);
    assert!(stderr.contains(":1: unknown column layout"), "{stderr}");
    assert!(!s.out().exists());
}

#[test]
fn non_utf8_input_is_refused_with_its_line() {
    let s = Scratch::new("encoding");
    // The USGS original is Windows-1252: put it where the UTF-8 copy belongs.
    std::fs::write(s.data().join(USGS), std::fs::read(s.data().join("usgs_mcs2026/usgs_mcs2026_commodities_data.csv")).unwrap()).unwrap();
    let (ok, stderr) = s.run();
    assert!(!ok);
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    let line: u64 = stderr.split(".csv:").nth(1).unwrap().split(':').next().unwrap().parse().unwrap();
    assert!(line > 1, "names the line of the first bad byte: {stderr}");
    assert!(!s.out().exists());
}

#[test]
fn an_erratum_that_no_longer_matches_stops_generation() {
    let s = Scratch::new("errata");
    let path = s.data().join("usgs_mcs2026/mcs2026_known_errata_after_v1.0.csv");
    let text = std::fs::read_to_string(&path).unwrap().replace("\"21,000,000\"", "\"22,000,000\"");
    std::fs::write(&path, text).unwrap();
    let (ok, stderr) = s.run();
    assert!(!ok);
    assert!(stderr.contains("expected v1.0 value \"22,000,000\""), "{stderr}");
    assert!(!s.out().exists());
}

#[test]
fn broken_timeline_json_names_its_line() {
    let s = Scratch::new("json");
    let path = s.data().join("event_timeline.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, &text[..text.len() - 40]).unwrap();
    let (ok, stderr) = s.run();
    assert!(!ok);
    assert!(stderr.contains("event_timeline.json:") && stderr.contains("invalid JSON"), "{stderr}");
    assert!(!s.out().exists());
}

/// USGS's detail without its "rounded" marks, case or spacing: written here
/// on its own terms, not with the generator's code.
fn plain_detail(detail: &str) -> String {
    let mut d = detail.replace('\u{a0}', " ").to_lowercase();
    for mark in [", rounded", ": rounded", ",rounded", ":rounded"] {
        d = d.replace(mark, "");
    }
    d.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Issue 12, section 1: walks the whole USGS file (not through the
/// generator's grouping) and proves that every "World total" row of a table
/// with country rows is the `world_total` of the series that holds that
/// table's country rows, or is listed as a world-only figure.
#[test]
fn every_world_total_is_the_total_of_the_series_holding_its_country_rows() {
    let text = std::fs::read_to_string(shared_data().join(USGS)).unwrap();
    let dataset = generate(&Inputs::beside_checkout(&repo_root())).unwrap();
    let world_only: Vec<(String, String)> = csv::Reader::from_path(repo_root().join("data/curated/usgs_tables.csv"))
        .unwrap()
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[2] == "world_only")
        .map(|r| (r[0].to_string(), plain_detail(&r[1])))
        .collect();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let h = reader.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    let (ch, com, country, stat, detail, unit, year, value) = (
        col("MCS chapter"),
        col("Commodity"),
        col("Country"),
        col("Statistics"),
        col("Statistics_detail"),
        col("Unit"),
        col("Year"),
        col("Value"),
    );
    let section = col("Section");
    // The world tables: USGS's "World ..." sections (the rest are US salient statistics).
    let records: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| r[section].starts_with("World") && ["Production", "Reserves", "Capacity"].contains(&&r[stat]))
        .collect();
    let block = |r: &csv::StringRecord| {
        (r[ch].to_string(), r[com].to_string(), r[stat].to_string(), r[unit].trim().to_string(), r[year].to_string())
    };
    let (mut checked, mut listed) = (0, 0);
    for w in records.iter().filter(|r| &r[country] == "World total") {
        let peers: Vec<&csv::StringRecord> = records.iter().filter(|r| &r[country] != "World total" && block(r) == block(w)).collect();
        if peers.is_empty() {
            continue; // a world estimate with no table of countries (slag, scandium, yttrium)
        }
        let key = plain_detail(&w[detail]);
        // The project's map of USGS chapter and commodity to a mineral (one chapter may hold several).
        let minerals: Vec<String> = csv::Reader::from_path(repo_root().join("data/curated/minerals.csv"))
            .unwrap()
            .records()
            .map(|r| r.unwrap())
            .filter(|r| r[2] == w[ch] && (r[3] == w[com] || r[3].is_empty()))
            .map(|r| r[0].to_string())
            .collect();
        let holders: Vec<_> = dataset
            .series
            .iter()
            .filter(|s| minerals.contains(&s.mineral) && s.year.to_string() == w[year] && s.unit == w[unit].trim())
            .filter(|s| format!("{:?}", s.statistic).eq_ignore_ascii_case(&w[stat]) && plain_detail(&s.detail) == key)
            .collect();
        assert_eq!(holders.len(), 1, "{} {}: one series for the table \"{}\"", &w[ch], &w[year], &w[detail]);
        let series = holders[0];
        let total = atlas_domain::value::UsgsValue::parse(&w[value]);
        assert!(
            series.world_total.as_ref() == Some(&total) || series.world_total_erratum.is_some(),
            "{}: the total {:?} is the series' own (it has {:?})",
            series.id,
            total,
            series.world_total
        );
        // Every country row with the same detail is in that series.
        let own: Vec<_> = peers.iter().filter(|r| plain_detail(&r[detail]) == key).collect();
        for r in &own {
            assert!(series.rows.iter().any(|x| x.usgs_name == r[country]), "{}: {} is in the series of its total", series.id, &r[country]);
        }
        if series.rows.is_empty() {
            assert!(
                world_only.contains(&(w[ch].to_string(), key.clone())),
                "{}: a total without country rows must be listed as world-only",
                series.id
            );
            listed += 1;
        } else {
            assert!(series.world_total.is_some());
        }
        checked += 1;
    }
    assert!(checked > 240, "{checked} world totals checked");
    assert_eq!(listed, 9, "the nine world-only figures (soda ash synthetic and sums, titanium sums)");
    // And no series with country rows lacks a total where its block has one.
    for s in dataset.series.iter().filter(|s| !s.rows.is_empty() && s.world_total.is_none()) {
        let block_has_total = dataset.series.iter().any(|o| {
            o.mineral == s.mineral && o.year == s.year && o.statistic == s.statistic && o.unit == s.unit && o.world_total.is_some()
        });
        assert!(!block_has_total, "{}: country rows left outside their table", s.id);
    }
}

#[test]
fn a_world_total_detached_from_its_table_is_refused() {
    let s = Scratch::new("detached");
    let path = s.data().join(USGS);
    // The palladium total names a table no country row belongs to.
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "Mine production: Palladium, rounded",
        "Mine production: Palladium metal, rounded",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let (ok, stderr) = s.run();
    assert!(!ok);
    assert!(stderr.contains("usgs_mcs2026_commodities_data.utf8.csv:"), "names the file and line: {stderr}");
    assert!(stderr.contains("belong to no table") || stderr.contains("detached total"), "{stderr}");
    assert!(!s.out().exists());
}

#[test]
fn a_qualified_row_joins_its_table_and_one_naming_no_table_is_refused() {
    // Joins: Pakistan's talc row is qualified "steatite" and carries a share of the world total.
    let dataset = generate(&Inputs::beside_checkout(&repo_root())).unwrap();
    let talc = dataset.minerals.iter().find(|m| m.usgs_chapter.starts_with("TALC")).unwrap();
    let series = dataset
        .series
        .iter()
        .find(|s| s.mineral == talc.id && s.year == 2025 && matches!(s.statistic, atlas_domain::model::Statistic::Production))
        .unwrap();
    let pak = series.rows.iter().find(|r| r.country.as_deref() == Some("PAK")).expect("Pakistan is in the talc table");
    assert_eq!(pak.qualifier.as_deref(), Some("steatite"));
    assert!(pak.share.is_some() && series.world_total.is_some());
    // Refused: a qualified detail whose base names no table of its block.
    let s = Scratch::new("ambiguous");
    let path = s.data().join(USGS);
    let text = std::fs::read_to_string(&path).unwrap();
    // A row of iron ore's "usable ore" table renamed to a qualifier of a
    // table that does not exist ("Mine production: pellets"): it is matched
    // by no rule (never by likeness) and refused with its line.
    let changed = text.replacen(",Mine production: Usable ore,", ",Mine production: pellets,", 1);
    assert_ne!(changed, text);
    std::fs::write(&path, changed).unwrap();
    let (ok, stderr) = s.run();
    assert!(!ok);
    assert!(stderr.contains("\"Mine production: pellets\" belong to no table of their block"), "{stderr}");
    assert!(!s.out().exists());
}

#[test]
fn a_status_the_sources_do_not_support_is_refused() {
    let s = Scratch::new("over-claimed");
    let path = s.data().join("event_timeline.json");
    let mut timeline: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    // The minister's arrival has one report (the founding brief): claim it confirmed.
    let entry = timeline["events"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["title"].as_str().unwrap().contains("arrives in Washington"))
        .expect("the arrival entry");
    assert_eq!(entry["status"], "reported");
    entry["status"] = "confirmed".into();
    std::fs::write(&path, serde_json::to_string_pretty(&timeline).unwrap()).unwrap();
    let (ok, stderr) = s.run();
    assert!(!ok);
    assert!(stderr.contains("statuses the sources do not support"), "{stderr}");
    assert!(stderr.contains("arrives in Washington"), "names the record: {stderr}");
    assert!(!s.out().exists());
}
