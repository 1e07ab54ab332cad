//! Invariants of the shipped dataset, checked on the embedded copy.

use std::collections::{BTreeSet, HashSet};

use atlas_domain::model::*;
use atlas_domain::value::UsgsValue;
use atlas_domain::Atlas;

fn atlas() -> Atlas {
    Atlas::embedded().expect("the embedded dataset loads")
}

fn shared_data(file: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(file);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("this test needs {} (shared/ beside the checkout, as CI has it): {e}", path.display()))
}

#[test]
fn fifty_four_participants_the_commission_and_the_host() {
    let a = atlas();
    let d = a.dataset();
    let at = |role: Role| -> BTreeSet<String> {
        d.participations.iter().filter(|p| p.event == MINISTERIAL_EVENT_ID && p.role == role).map(|p| p.party.clone()).collect()
    };
    let participants = at(Role::Participant);
    let countries: BTreeSet<String> =
        participants.iter().filter(|p| d.countries.iter().any(|c| &c.iso3 == *p && c.kind == PartyKind::Country)).cloned().collect();
    // The founding brief's claim, which the app must show: 54 countries and the European Commission.
    assert_eq!(countries.len(), 54, "{countries:?}");
    assert!(participants.contains("EUC"), "the European Commission attended");
    assert_eq!(at(Role::Host), BTreeSet::from(["USA".to_string()]));

    // The same 54 as the fact-sheet file, by alpha-3.
    let csv = shared_data("ministerial_2026_participants.csv");
    let expected: BTreeSet<String> =
        csv.lines().skip(1).filter(|l| !l.is_empty()).map(|l| l.split(',').nth(2).unwrap().to_string()).collect();
    assert_eq!(countries, expected);
}

#[test]
fn every_attending_country_has_a_map_code() {
    let a = atlas();
    for p in a.dataset().participations.iter().filter(|p| p.event == MINISTERIAL_EVENT_ID) {
        let c = a.dataset().countries.iter().find(|c| c.iso3 == p.party).unwrap();
        if c.kind == PartyKind::Organisation {
            assert!(c.numeric.is_none(), "{} has no polygon", c.iso3);
            continue;
        }
        let n = c.numeric.as_deref().unwrap_or_else(|| panic!("{} has no ISO numeric code", c.iso3));
        assert!(n.len() == 3 && n.chars().all(|x| x.is_ascii_digit()), "{}: {n} is zero-padded text", c.iso3);
    }
    let numerics: Vec<&str> = a.dataset().countries.iter().filter_map(|c| c.numeric.as_deref()).collect();
    let unique: HashSet<&&str> = numerics.iter().collect();
    assert_eq!(unique.len(), numerics.len(), "numeric codes are unique");
}

#[test]
fn every_dated_record_has_sources_and_a_status() {
    let d = atlas().dataset().clone();
    // Every entry of the shared timeline is there, on its date (the project
    // may reword a title and add entries of its own beside them).
    let shared: serde_json::Value = serde_json::from_str(&shared_data("event_timeline.json")).unwrap();
    let mut per_day: std::collections::BTreeMap<String, usize> = Default::default();
    for e in shared["events"].as_array().unwrap() {
        let day = e["start"].as_str().unwrap().get(..10).unwrap().to_string();
        *per_day.entry(day).or_default() += 1;
    }
    for (day, n) in per_day {
        let here = d.timeline.iter().filter(|t| t.start.local().date_naive().to_string() == day).count();
        assert!(here >= n, "{day}: {n} shared entries, {here} in the timeline");
    }
    for t in &d.timeline {
        assert!(!t.sources.is_empty(), "timeline {} has no source", t.id);
    }
    for s in &d.sessions {
        assert!(!s.sources.is_empty(), "session {} has no source", s.id);
    }
    for a in &d.agreements {
        assert!(!a.sources.is_empty(), "agreement {} has no source", a.id);
    }
    for p in &d.people {
        assert!(!p.sources.is_empty(), "person {} has no source", p.id);
    }
    for s in &d.series {
        assert_eq!(s.sources, ["usgs-mcs2026"], "series {}", s.id);
    }
    for m in &d.minerals {
        assert!(m.sources.contains(&"usgs-mcs2026".to_string()), "mineral {}", m.id);
        // The EU lists were transcribed from secondary sources: never "confirmed".
        if m.eu_crma.is_some() {
            assert_eq!(m.status, Status::Reported, "mineral {}", m.id);
        }
    }
    // Status is an enum: a record without one would not have parsed. Check the
    // spread is real, not everything "confirmed".
    let statuses: HashSet<Status> = d.timeline.iter().map(|t| t.status).chain(d.sessions.iter().map(|s| s.status)).collect();
    assert!(statuses.len() >= 3, "{statuses:?}");
}

#[test]
fn the_ministerial_sessions_are_there() {
    let d = atlas().dataset().clone();
    let on = |date: &str| d.sessions.iter().filter(|s| s.start.local().date_naive().to_string() == date).count();
    assert!(on("2026-02-03") >= 2, "investment meetings and bilaterals on 3 February");
    assert!(on("2026-02-04") >= 6, "opening, Vance, press/FORGE, price, financing, signings on 4 February");
    assert_eq!(on("2026-02-12"), 1, "the follow-up briefing");
    let opening = d.sessions.iter().find(|s| s.id == "cmm-0204-opening").unwrap();
    assert_eq!(opening.start.to_rfc9557(), "2026-02-04T09:00:00-05:00[America/New_York]");
    for id in ["pmif-2025", "pmif-2026"] {
        assert!(d.events.iter().any(|e| e.id == id), "{id}");
    }
}

#[test]
fn shares_lie_in_range_and_add_up_within_rounding() {
    let d = atlas().dataset().clone();
    let mut checked = 0;
    for s in &d.series {
        for r in &s.rows {
            if let Some(share) = r.share {
                assert!((0.0..=100.0).contains(&share.percent) || share.at_most, "{} {}: {}", s.id, r.usgs_name, share.percent);
                assert!(share.percent >= 0.0);
            }
        }
        let exact_total = s.world_total.as_ref().and_then(UsgsValue::exact);
        if exact_total.is_none() {
            continue; // a bound or a marker: shares are upper bounds or absent
        }
        let sum: f64 = s.rows.iter().filter(|r| r.country.is_some()).filter_map(|r| r.share).map(|x| x.percent).sum();
        // USGS rounds world totals to about two significant figures; shares are rounded to 0.01.
        let t = exact_total.unwrap();
        let allowance = if t > 0.0 { 0.5 * 10f64.powi(t.log10().floor() as i32 - 1) / t * 100.0 } else { 0.0 };
        let limit = 100.0 + allowance + 0.01 * s.rows.len() as f64;
        if sum > limit {
            assert!(s.total_warning.is_some(), "{}: shares sum to {sum:.2}% with no warning", s.id);
        }
        checked += 1;
    }
    assert!(checked > 200, "only {checked} series had numeric totals");
}

#[test]
fn every_time_is_zone_aware() {
    let d = atlas().dataset().clone();
    for s in &d.sessions {
        let text = s.start.to_rfc9557();
        assert!(text.ends_with(']') && text.contains('['), "{text}");
        assert_eq!(s.start.zone, s.end.zone);
    }
    for t in &d.timeline {
        let text = t.start.to_rfc9557();
        let parsed = atlas_domain::time::ZonedDateTime::parse_rfc9557(&text).unwrap();
        assert_eq!(parsed, t.start);
    }
    let pmif = d.timeline.iter().find(|t| t.title.starts_with("PMIF 2026")).unwrap();
    assert_eq!(pmif.start.zone.name(), "Asia/Karachi");
}

#[test]
fn china_and_every_world_row_are_present() {
    let d = atlas().dataset().clone();
    let rows: usize = d.series.iter().map(|s| s.rows.len() + s.world_total.iter().count()).sum();
    // Count the world rows of the raw file independently: lines whose Section starts with "World".
    let raw = shared_data("usgs_mcs2026/usgs_mcs2026_commodities_data.utf8.csv");
    let count = second_fields(&raw).iter().filter(|section| section.starts_with("World")).count();
    assert_eq!(rows, count, "every world production, reserves and capacity row");
    let china = d.series.iter().flat_map(|s| &s.rows).filter(|r| r.country.as_deref() == Some("CHN")).count();
    assert!(china > 50, "China's rows give world context: {china}");
}

/// The second field of each CSV record, with quotes handled (no CSV crate here on purpose).
fn second_fields(text: &str) -> Vec<String> {
    let mut records = Vec::new();
    let (mut field, mut fields, mut in_quotes) = (String::new(), Vec::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if in_quotes && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => fields.push(std::mem::take(&mut field)),
            '\n' if !in_quotes => {
                fields.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut fields));
            }
            '\r' if !in_quotes => {}
            _ => field.push(c),
        }
    }
    records.into_iter().skip(1).map(|r: Vec<String>| r.get(1).cloned().unwrap_or_default()).collect()
}

#[test]
fn usgs_errata_are_applied_and_recorded() {
    let a = atlas();
    let d = a.dataset();
    let ree = d.series.iter().find(|s| s.mineral == "rare-earths" && s.statistic == Statistic::Reserves).unwrap();
    let brazil = ree.rows.iter().find(|r| r.country.as_deref() == Some("BRA")).unwrap();
    assert_eq!(brazil.value, UsgsValue::Number(11_000_000.0));
    assert!(brazil.erratum.as_deref().unwrap().contains("21,000,000 → 11,000,000"));
    assert_eq!(ree.world_total.as_ref().unwrap().to_usgs_text(), ">75,000,000");
    assert!(brazil.share.unwrap().at_most, "a share of a lower-bound total is an upper bound");
    // Every correction USGS published after v1.0 (one per row of the shared list) is applied and recorded.
    let errata =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/usgs_mcs2026/mcs2026_known_errata_after_v1.0.csv");
    let text = std::fs::read_to_string(&errata)
        .unwrap_or_else(|e| panic!("{} is missing ({e}); CI puts ../shared beside the checkout", errata.display()));
    let published = text.lines().skip(1).filter(|l| !l.trim().is_empty()).count();
    assert!(published > 0);
    assert_eq!(d.provenance.errata_applied.len(), published);
    assert!(d.provenance.inputs.iter().all(|i| i.sha256.len() == 64));
}

/// Issue 12: a country with a USGS row for a mineral, measure and year is
/// never shown as "not reported separately". The map shows the latest year;
/// every country with a row in any table of that mineral, measure and year
/// has a cell (its headline row, or its row in another table, named).
#[test]
fn a_country_with_a_usgs_row_always_has_a_cell_on_the_map() {
    let atlas = Atlas::embedded().unwrap();
    let data = atlas.dataset();
    let mut cells_checked = 0;
    for m in &data.minerals {
        let detail = atlas.mineral(&m.id).unwrap();
        for (statistic, cells) in [(Statistic::Production, &detail.cells_production), (Statistic::Reserves, &detail.cells_reserves)] {
            let of_kind: Vec<_> = data.series.iter().filter(|s| s.mineral == m.id && s.statistic == statistic).collect();
            let Some(latest) = of_kind.iter().map(|s| s.year).max() else {
                assert!(cells.is_empty(), "{} {statistic:?}: no table, no cells", m.id);
                continue;
            };
            let with_rows: std::collections::BTreeSet<&str> =
                of_kind.iter().filter(|s| s.year == latest).flat_map(|s| s.rows.iter().filter_map(|r| r.country.as_deref())).collect();
            let with_cells: std::collections::BTreeSet<&str> = cells.iter().map(|c| c.country.as_str()).collect();
            assert_eq!(with_rows, with_cells, "{} {statistic:?} {latest}", m.id);
            for c in cells {
                let s = data.series.iter().find(|s| s.id == c.series).unwrap();
                let row = s.rows.iter().find(|r| r.country.as_deref() == Some(c.country.as_str())).unwrap();
                assert_eq!(c.share, row.share, "{}: the cell shows the row's own share", c.series);
                assert_eq!(
                    c.in_headline,
                    Some(&c.series)
                        == detail
                            .headline_production
                            .as_ref()
                            .filter(|_| statistic == Statistic::Production)
                            .or(detail.headline_reserves.as_ref().filter(|_| statistic == Statistic::Reserves))
                );
                cells_checked += 1;
            }
        }
    }
    assert!(cells_checked > 1000, "{cells_checked} cells");
}

/// The headline table of a measure is chosen by rule: it has a world total
/// when any table of that year has one, and names no fewer countries than
/// any other table with a total.
#[test]
fn the_headline_table_is_chosen_by_rule() {
    let atlas = Atlas::embedded().unwrap();
    let data = atlas.dataset();
    for m in &data.minerals {
        let detail = atlas.mineral(&m.id).unwrap();
        for (statistic, id) in [(Statistic::Production, &detail.headline_production), (Statistic::Reserves, &detail.headline_reserves)] {
            let Some(id) = id else { continue };
            let headline = data.series.iter().find(|s| &s.id == id).unwrap();
            let peers: Vec<_> =
                data.series.iter().filter(|s| s.mineral == m.id && s.statistic == statistic && s.year == headline.year).collect();
            let named = |s: &atlas_domain::model::StatSeries| s.rows.iter().filter(|r| r.country.is_some()).count();
            if peers.iter().any(|s| s.world_total.is_some()) {
                assert!(headline.world_total.is_some(), "{id}: a table with a world total exists");
                assert!(peers.iter().filter(|s| s.world_total.is_some()).all(|s| named(s) <= named(headline)), "{id}: the most countries");
            }
        }
    }
}
