//! `minerals-atlas brief ISO3 --out FILE`: the real binary with no display
//! (so no window can open), read back with poppler's `pdftotext` and
//! `pdffonts`, tools independent of the code that wrote the PDF. What the
//! PDF must say is taken from the domain's own answers for the country.

use std::path::{Path, PathBuf};
use std::process::Command;

use atlas_domain::Atlas;

const NOW: &str = "2026-12-03T12:00:00Z";

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_minerals-atlas"))
        .args(args)
        .env("MINERALS_ATLAS_NOW", NOW)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_PAPER")
        .output()
        .expect("the binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("atlas-brief-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed to read the brief back: run scripts/setup.sh test ({e})"));
    assert!(out.status.success(), "{tool} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The PDF's text in drawing order with all white space removed: a table
/// cell or a URL wrapped over lines reads back whole.
fn squeezed_text(pdf: &Path) -> String {
    poppler("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]).split_whitespace().collect()
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect()
}

fn check_brief(iso3: &str, zone: &str) {
    let dir = scratch(iso3);
    let pdf = dir.join("brief.pdf");
    let (code, stdout, stderr) = run(&["brief", iso3, "--out", pdf.to_str().unwrap(), "--zone", zone]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("page(s)"), "{stdout}");
    let text = squeezed_text(&pdf);
    let atlas = Atlas::embedded().unwrap();
    let detail = atlas.country(iso3).unwrap();
    assert!(text.contains(&squeeze(&detail.country.name)), "the country's name");
    assert!(text.contains(&squeeze(&format!("Times in {zone}"))), "the zone");
    assert!(text.contains(&squeeze(&atlas.info().dataset_version)), "the dataset version");
    for p in &detail.participation {
        if let Some(head) = &p.head_of_delegation {
            assert!(text.contains(&squeeze(&head.name)), "head of delegation {}", head.name);
        }
        for m in &p.members {
            assert!(text.contains(&squeeze(&m.name)), "member {}", m.name);
        }
    }
    for a in &detail.agreements {
        assert!(text.contains(&squeeze(&a.title)), "agreement {}", a.title);
    }
    for s in &detail.minerals.stats {
        // Every figure USGS gives, as USGS prints it: a number with its unit,
        // a marker (W, NA) never as a zero.
        assert!(text.contains(&squeeze(&s.value.text)), "{} {} {}: {}", s.mineral_name, s.detail, s.year, s.value.text);
        // A table's place is given for its latest year; the year before is a value beside it.
        let latest = detail
            .minerals
            .stats
            .iter()
            .filter(|o| o.mineral == s.mineral && o.detail == s.detail && o.statistic == s.statistic && o.unit == s.unit)
            .all(|o| o.year <= s.year);
        if let Some(rank) = s.rank.filter(|_| latest) {
            let n = rank % 100;
            let suffix = if (11..=13).contains(&n) { "th" } else { ["th", "st", "nd", "rd"].get(rank % 10).copied().unwrap_or("th") };
            assert!(text.contains(&format!("{rank}{suffix}of{}withfigures", s.ranked_among)), "{} place {rank}", s.mineral_name);
        }
    }
    for c in &detail.sources {
        assert!(text.contains(&c.source.url), "source URL {}", c.source.url);
    }
    for s in &detail.sessions {
        assert!(text.contains(&squeeze(&s.title)), "session {}", s.title);
    }
    let fonts = poppler("pdffonts", &[pdf.to_str().unwrap()]);
    let embedded: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!embedded.is_empty(), "{fonts}");
    for line in embedded {
        assert!(line.contains("DejaVuSans") && line.contains(" yes yes yes "), "every font embedded, subset, with a Unicode map: {line}");
    }
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!((1..=2).contains(&pages), "{iso3}'s brief is one or two pages on A4: {pages}");
    assert!(info.contains("(A4)"), "en_GB prints on A4: {info}");
}

#[test]
fn pakistan_brief_reads_back() {
    check_brief("PAK", "Asia/Karachi");
}

#[test]
fn drc_brief_reads_back_with_accents() {
    check_brief("COD", "Africa/Kinshasa");
    let dir = scratch("cod-accents");
    let pdf = dir.join("drc.pdf");
    assert_eq!(run(&["brief", "cod", "--out", pdf.to_str().unwrap()]).0, 0, "lower case is accepted");
    let text = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    for name in ["Félix Tshisekedi", "Gécamines"] {
        assert!(text.contains(name), "{name} reads back with its accents");
    }
}

#[test]
fn paper_follows_the_flag_then_the_locale() {
    let dir = scratch("paper");
    let letter = dir.join("letter.pdf");
    assert_eq!(run(&["brief", "PAK", "--out", letter.to_str().unwrap(), "--paper", "letter"]).0, 0);
    assert!(poppler("pdfinfo", &[letter.to_str().unwrap()]).contains("(letter)"));
    let out = Command::new(env!("CARGO_BIN_EXE_minerals-atlas"))
        .args(["brief", "PAK", "--out", dir.join("us.pdf").to_str().unwrap()])
        .env("LC_PAPER", "en_US.UTF-8")
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(poppler("pdfinfo", &[dir.join("us.pdf").to_str().unwrap()]).contains("(letter)"), "en_US prints on Letter");
}

#[test]
fn bad_requests_exit_with_a_reason_and_write_nothing() {
    let dir = scratch("bad");
    let out = dir.join("x.pdf");
    let o = out.to_str().unwrap();
    let missing_folder = dir.join("no/such/folder/x.pdf");
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (vec!["brief", "XYZ", "--out", o], 1, "no country"),
        (vec!["brief", "PAK", "--out", missing_folder.to_str().unwrap()], 1, "does not exist"),
        (vec!["brief", "PAK", "--out", dir.to_str().unwrap()], 1, "is a folder"),
        (vec!["brief", "PAK", "--out", "/proc/version/x.pdf"], 1, "cannot write"),
        (vec!["brief", "PAK", "--out", o, "--zone", "Mars/Olympus"], 1, "time zone"),
        (vec!["brief", "PAK", "--out", o, "--paper", "legal"], 1, "a4 or letter"),
        (vec!["brief", "PAK"], 2, "--out"),
        (vec!["brief", "--out", o], 2, "name a country"),
        (vec!["brief", "PAK", "--out"], 2, "needs a value"),
        (vec!["brief", "PAK", "--out", o, "--colour"], 2, "unexpected argument"),
    ];
    let long_id = "Q".repeat(100_000);
    let mut cases = cases;
    cases.push((vec!["brief", &long_id, "--out", o], 1, "country id"));
    for (args, want, says) in &cases {
        let (code, _, stderr) = run(args);
        assert_eq!(code, *want, "{:?}: {stderr}", args.iter().map(|a| a.chars().take(30).collect::<String>()).collect::<Vec<_>>());
        assert!(stderr.contains(says), "{says:?} in {stderr}");
        assert!(stderr.len() < 2_000, "a short message");
        assert!(!out.exists(), "nothing written for {:?}", args.first());
    }
    assert!(!missing_folder.parent().unwrap().exists(), "no folder is created");
}

#[test]
fn help_and_version_need_no_window() {
    for flag in ["--help", "-h"] {
        let (code, stdout, stderr) = run(&[flag]);
        assert_eq!(code, 0, "{flag}: {stderr}");
        assert!(stdout.contains("minerals-atlas brief ISO3"), "{stdout}");
    }
    let (code, stdout, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("minerals-atlas "), "{stdout}");
}
