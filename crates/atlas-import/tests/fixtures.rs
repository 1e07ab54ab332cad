//! Every file in `../shared/fixtures` imports, and what the importer says
//! about it (format, event count, first and last start in UTC, zone) is
//! checked against the file itself: the counts against the fixtures'
//! README, the times and zone against a plain text scan of the file.

use std::path::PathBuf;

use atlas_import::{check, detect, Format, ImportOptions};
use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};

fn fixtures() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures");
    assert!(
        dir.join("README.md").is_file(),
        "the shared fixtures are missing at {} (CI puts ../shared beside the checkout)",
        dir.display()
    );
    dir
}

/// The event counts the fixtures' README gives, by file name.
fn readme_counts() -> Vec<(String, usize)> {
    let readme = std::fs::read_to_string(fixtures().join("README.md")).unwrap();
    readme
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            if cells.len() < 5 || !cells[1].contains('.') || cells[1].ends_with('/') {
                return None;
            }
            let n: usize = cells[3].split_whitespace().next()?.parse().ok()?;
            Some((cells[1].to_string(), n))
        })
        .collect()
}

fn utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Start times found by scanning the text, not by the importer's parser.
fn scanned_starts(name: &str, text: &str) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    if name.ends_with(".xml") {
        for piece in text.split("<date>").skip(1) {
            let value = piece.split("</date>").next().unwrap();
            out.push(DateTime::parse_from_rfc3339(value.trim()).unwrap().with_timezone(&Utc));
        }
    } else if name.ends_with(".json") {
        for piece in text.split("\"date\": \"").skip(1) {
            let value = piece.split('"').next().unwrap();
            if value.contains('T') {
                out.push(DateTime::parse_from_rfc3339(value).unwrap().with_timezone(&Utc));
            }
        }
    } else {
        for line in text.lines().filter(|l| l.starts_with("DTSTART:")) {
            let v = line.trim_start_matches("DTSTART:").trim().trim_end_matches('Z');
            out.push(NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").unwrap().and_utc());
        }
    }
    out
}

fn scanned_zone(name: &str, text: &str) -> Option<String> {
    if name.ends_with(".xml") {
        text.split("<time_zone_name>").nth(1).map(|s| s.split('<').next().unwrap().trim().to_string())
    } else if name.ends_with(".json") {
        text.split("\"time_zone_name\": \"").nth(1).map(|s| s.split('"').next().unwrap().to_string())
    } else {
        text.lines().find(|l| l.starts_with("X-WR-TIMEZONE:")).map(|l| l[14..].trim().to_string())
    }
}

#[test]
fn every_fixture_imports_as_its_readme_and_text_say() {
    let counts = readme_counts();
    let files: Vec<_> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().unwrap() != "README.md")
        .collect();
    assert!(files.len() >= 4, "expected at least four fixtures, found {files:?}");
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let report = check(&bytes, &ImportOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected_count = counts.iter().find(|(f, _)| *f == name).unwrap_or_else(|| panic!("{name} is not in the README")).1;
        assert_eq!(report.events, expected_count, "{name}: event count");
        let starts = scanned_starts(&name, &text);
        assert_eq!(report.first_start_utc, starts.iter().min().map(|t| utc(*t)), "{name}: first start");
        assert_eq!(report.last_start_utc, starts.iter().max().map(|t| utc(*t)), "{name}: last start");
        assert_eq!(report.time_zone, scanned_zone(&name, &text), "{name}: time zone");
        let format = detect(&bytes).unwrap();
        let expected_format = match name.rsplit('.').next().unwrap() {
            "xml" => Format::FrabXml,
            "json" => Format::ScheduleJson,
            _ => Format::Ical,
        };
        assert_eq!(format, expected_format, "{name}: format from content");
        println!(
            "{name}: {} events, {:?}..{:?}, zone {:?}, {} warnings",
            report.events,
            report.first_start_utc,
            report.last_start_utc,
            report.time_zone,
            report.warnings.len()
        );
        for w in &report.warnings {
            println!("  {w}");
        }
    }
}
