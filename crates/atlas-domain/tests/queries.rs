//! Queries over the embedded dataset: answers computed from the data, checked
//! against the data, and errors for ids that name nothing.

use atlas_domain::model::Role;
use atlas_domain::{Atlas, DomainError};

fn atlas() -> Atlas {
    Atlas::embedded().expect("the embedded dataset loads")
}

#[test]
fn pakistan_panel_has_its_delegation_and_honest_gaps() {
    let a = atlas();
    let pak = a.country("pak").unwrap();
    assert_eq!(pak.role, Some(Role::Participant));
    let ministerial = pak.participation.iter().find(|p| p.event == "cmm-2026").unwrap();
    assert_eq!(ministerial.head_of_delegation.as_ref().unwrap().name, "Ali Pervaiz Malik");
    assert!(pak.sources.iter().all(|s| s.source.url.starts_with("http")));
    assert!(pak.minerals.usgs_reported);
    // Copper is not reported separately for Pakistan: it is absent, not zero.
    assert!(!pak.minerals.stats.iter().any(|s| s.mineral == "copper"));
    assert!(pak.minerals.gap_note.contains("not reported separately"));
    assert!(pak.agreements.iter().any(|a| a.id == "ussm-fwo-mou-2025-09-08"));
}

#[test]
fn a_country_without_usgs_rows_says_so() {
    let a = atlas();
    for iso3 in ["COK", "SGP", "PRY", "ROU", "DOM"] {
        let c = a.country(iso3).unwrap();
        assert!(!c.minerals.usgs_reported, "{iso3}");
        assert!(c.minerals.stats.is_empty());
        assert!(c.minerals.gap_note.starts_with("Not reported separately by USGS"));
    }
}

#[test]
fn country_stats_are_sorted_by_share() {
    let a = atlas();
    let cod = a.country("COD").unwrap();
    let shares: Vec<f64> = cod.minerals.stats.iter().filter_map(|s| s.share.map(|x| x.percent)).collect();
    assert!(shares.windows(2).all(|w| w[0] >= w[1]), "{shares:?}");
    assert_eq!(cod.minerals.stats[0].mineral, "cobalt", "the DRC's largest world share is cobalt");
}

#[test]
fn cobalt_participants_against_the_world() {
    let a = atlas();
    let cobalt = a.mineral("cobalt").unwrap();
    let id = cobalt.headline_production.clone().unwrap();
    let series = cobalt.series.iter().find(|s| s.id == id).unwrap();
    let p = series.participants.as_ref().unwrap();
    // Recompute from the rows: participants are the rows whose role is participant.
    let expected: f64 = series
        .rows
        .iter()
        .filter(|r| r.role == Some(Role::Participant))
        .filter_map(|r| r.share.map(|s| s.percent))
        .sum();
    assert!((p.participants_percent - expected).abs() < 0.011, "{} vs {expected}", p.participants_percent);
    assert_eq!(p.largest_participant.as_ref().unwrap().iso3, "COD");
    let best_out = p.largest_non_participant.as_ref().unwrap();
    let max_out = series
        .rows
        .iter()
        .filter(|r| r.role.is_none() && r.country.is_some())
        .filter_map(|r| r.share.map(|s| s.percent))
        .fold(0.0, f64::max);
    assert_eq!(best_out.percent, max_out);
    assert!((p.ministerial_percent + p.rest_percent - 100.0).abs() < 0.011);
}

#[test]
fn rare_earths_largest_non_participant_is_china() {
    let a = atlas();
    let ree = a.mineral("rare-earths").unwrap();
    let id = ree.headline_production.unwrap();
    let series = ree.series.iter().find(|s| s.id == id).unwrap();
    assert_eq!(series.participants.as_ref().unwrap().largest_non_participant.as_ref().unwrap().iso3, "CHN");
}

#[test]
fn not_found_names_the_id_and_long_ids_are_refused() {
    let a = atlas();
    match a.country("ATL") {
        Err(DomainError::NotFound { kind: "country", id }) => assert_eq!(id, "ATL"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(a.mineral("kryptonite"), Err(DomainError::NotFound { .. })));
    assert!(matches!(a.session("x", None), Err(DomainError::NotFound { .. })));
    assert!(matches!(a.sessions("x", None), Err(DomainError::NotFound { .. })));
    assert!(matches!(a.country(&"x".repeat(10_000)), Err(DomainError::InvalidArgument { .. })));
    assert!(matches!(a.sessions("cmm-2026", Some("2026-03-01")), Err(DomainError::InvalidArgument { .. })));
}

#[test]
fn sessions_of_a_day_in_time_order() {
    let a = atlas();
    let all = a.sessions("cmm-2026", None).unwrap();
    let feb4 = a.sessions("cmm-2026", Some("2026-02-04")).unwrap();
    assert!(feb4.len() < all.len());
    let starts: Vec<&str> = all.iter().map(|s| s.local_start.local.as_str()).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
}

#[test]
fn timeline_range_filters_by_local_date() {
    let a = atlas();
    let arc = a.timeline(None, None).unwrap();
    assert_eq!(arc.len(), 29);
    let feb = a.timeline(Some("2026-02-01"), Some("2026-02-28")).unwrap();
    assert!(feb.iter().all(|t| t.local_start.date.starts_with("2026-02")));
    assert!(feb.len() > 5 && feb.len() < arc.len());
}

#[test]
fn signers_at_the_ministerial_exclude_the_host() {
    let a = atlas();
    let signers: Vec<String> =
        a.countries().into_iter().filter(|c| c.signed_at_ministerial).map(|c| c.iso3).collect();
    assert!(!signers.contains(&"USA".to_string()));
    // Everyone flagged is party to an agreement dated on the ministerial day.
    for iso3 in &signers {
        let c = a.country(iso3).unwrap();
        assert!(c.agreements.iter().any(|x| x.at_ministerial && x.date.as_deref() == Some("2026-02-04")), "{iso3}");
    }
    for iso3 in ["ARG", "GIN", "MAR", "GBR"] {
        assert!(signers.contains(&iso3.to_string()), "{iso3}");
    }
    assert!(!signers.contains(&"PAK".to_string()));
}
