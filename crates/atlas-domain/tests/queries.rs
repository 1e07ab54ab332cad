//! Queries over the embedded dataset: answers computed from the data, checked
//! against the data, and errors for ids that name nothing.

use atlas_domain::model::{Role, Status};
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
    assert!(pak.minerals.gap_note.contains("Every USGS world-table row for this country is listed"), "{}", pak.minerals.gap_note);
    assert!(pak.minerals.gap_note.contains("not a zero"));
    // Pakistan's talc row is qualified "steatite" and now sits in the talc table, with its share.
    let talc = pak.minerals.stats.iter().find(|s| s.qualifier.as_deref() == Some("steatite") && s.year == 2025).expect("the steatite row");
    assert!(talc.share.is_some_and(|s| s.percent > 2.0 && s.percent < 4.0), "{:?}", talc.share);
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
    let expected: f64 = series.rows.iter().filter(|r| r.role == Some(Role::Participant)).filter_map(|r| r.share.map(|s| s.percent)).sum();
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
    assert_eq!(arc.len(), a.dataset().timeline.len(), "no bounds: every entry");
    let feb = a.timeline(Some("2026-02-01"), Some("2026-02-28")).unwrap();
    assert!(feb.iter().all(|t| t.local_start.date.starts_with("2026-02")));
    assert!(feb.len() > 5 && feb.len() < arc.len());
}

#[test]
fn signers_at_the_ministerial_exclude_the_host() {
    let a = atlas();
    let signers: Vec<String> = a.countries().into_iter().filter(|c| c.signed_at_ministerial).map(|c| c.iso3).collect();
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

#[test]
fn search_is_accent_and_case_insensitive_and_ranked() {
    let a = atlas();
    let r = a.search("tshisekedi", None);
    assert!(!r.is_empty());
    assert_eq!(r[0].title, "Félix Tshisekedi", "the person ranks first: {:?}", r.iter().map(|x| &x.title).collect::<Vec<_>>());
    assert_eq!(r[0].country.as_deref(), Some("COD"));
    assert!(r.iter().any(|x| x.id == "cmm-0204-tshisekedi-exim"), "the session naming him");
    let accented = a.search("FÉLIX", None);
    assert_eq!(accented[0].title, "Félix Tshisekedi");
    // ISO codes and capitals find their country first.
    assert_eq!(a.search("pak", None)[0].id, "PAK");
    assert_eq!(a.search("Islamabad", None)[0].id, "PAK");
    assert_eq!(a.search("gb", None)[0].id, "GBR");
    // Several words must all match.
    let both = a.search("rubio jaishankar", None);
    assert_eq!(both[0].id, "cmm-0203-rubio-jaishankar");
    assert!(a.search("", None).is_empty());
    assert!(a.search("   ", None).is_empty());
    assert!(a.search("zzzzqqq", None).is_empty());
    // An absurd query is cut, not a crash.
    let _ = a.search(&"ä".repeat(100_000), None);
}

#[test]
fn search_forgives_a_typo_when_nothing_matches_as_typed() {
    let a = atlas();
    let r = a.search("tshisekdi", None);
    assert_eq!(r.first().map(|x| x.title.as_str()), Some("Félix Tshisekedi"), "{:?}", r.iter().map(|x| &x.title).collect::<Vec<_>>());
    assert_eq!(a.search("kazakstan", None).first().map(|x| x.id.as_str()), Some("KAZ"));
    assert_eq!(a.search("lithum", None).first().map(|x| x.id.as_str()), Some("lithium"));
    // A word found as typed is not widened: "iran" does not bring "Iraq".
    assert!(a.search("iran", None).iter().all(|x| x.id != "IRQ"));
    // Nothing close is still nothing.
    assert!(a.search("zzzzqqq", None).is_empty());
}

#[test]
fn search_knows_the_names_people_type_and_ranks_participants_first() {
    let a = atlas();
    for (query, iso3) in [
        ("DRC", "COD"),
        ("RDC", "COD"),
        ("UAE", "ARE"),
        ("ROK", "KOR"),
        ("EU", "EUC"),
        ("UK", "GBR"),
        ("پاکستان", "PAK"),
        ("대한민국", "KOR"),
        ("Deutschland", "DEU"),
    ] {
        let r = a.search(query, None);
        assert_eq!(r.first().map(|x| x.id.as_str()), Some(iso3), "{query}: {:?}", r.iter().map(|x| &x.id).collect::<Vec<_>>());
    }
    let korea = a.search("korea", None);
    let south = korea.iter().position(|x| x.id == "KOR");
    let north = korea.iter().position(|x| x.id == "PRK");
    assert!(
        south.is_some() && (north.is_none() || south < north),
        "the participant first: {:?}",
        korea.iter().map(|x| &x.id).collect::<Vec<_>>()
    );
}

#[test]
fn agreements_are_searchable_and_open_the_partner() {
    let a = atlas();
    let r = a.search("frontier works", None);
    let found = r.iter().find(|x| x.id == "ussm-fwo-mou-2025-09-08").expect("the FWO MoU is found");
    assert_eq!(found.country.as_deref(), Some("PAK"), "it opens Pakistan, not the host");
    assert!(found.subtitle.starts_with("Agreement · "), "{}", found.subtitle);
    let guinea = a.search("guinea framework", None);
    assert!(guinea.iter().any(|x| x.id == "us-gin-ministerial-2026-02-04"), "{:?}", guinea.iter().map(|x| &x.id).collect::<Vec<_>>());
}

#[test]
fn one_to_three_characters_find_something_reasonable() {
    let a = atlas();
    for q in ["c", "co", "cob"] {
        let r = a.search(q, None);
        assert!(!r.is_empty(), "{q}");
        assert!(r.len() <= 20);
    }
    assert!(a.search("cob", None).iter().any(|x| x.id == "cobalt"));
}

#[test]
fn agenda_orders_items_and_flags_overlaps_of_known_times_only() {
    use atlas_domain::item::{ItemKind, ItemRef};
    let star = |kind: ItemKind, id: &str| ItemRef { kind, id: id.to_string() };
    let a = atlas();
    let starred = vec![
        star(ItemKind::Session, "cmm-0204-signings"),
        star(ItemKind::Session, "cmm-0204-opening"),
        star(ItemKind::Session, "cmm-0203-rubio-jaishankar"),
        star(ItemKind::Session, "gone-session"),
    ];
    let view = a.agenda(&starred, Some("Asia/Karachi")).unwrap();
    let ids: Vec<&str> = view.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["cmm-0203-rubio-jaishankar", "cmm-0204-signings", "cmm-0204-opening"], "time order (day items start at midnight)");
    assert_eq!(view.missing, ["gone-session"]);
    assert!(view.items.iter().all(|i| i.conflicts_with.is_empty()), "day-only items overlap nothing");
    let opening = view.items.iter().find(|i| i.id == "cmm-0204-opening").unwrap();
    assert_eq!(opening.viewer_start.clock, "19:00");

    // Two timed items that overlap: the opening (09:00-10:00) and the same again as a timeline entry.
    let entry = a
        .timeline(Some("2026-02-04"), Some("2026-02-04"))
        .unwrap()
        .into_iter()
        .find(|t| t.sessions.contains(&"cmm-0204-opening".to_string()))
        .unwrap();
    let both = vec![star(ItemKind::Session, "cmm-0204-opening"), star(ItemKind::Timeline, &entry.id)];
    let view = a.agenda(&both, None).unwrap();
    assert_eq!(view.items[0].conflicts_with.len(), 1);
    assert_eq!(view.items[1].conflicts_with.len(), 1);
    assert!(a.agenda(&both, Some("Not/AZone")).is_err());
}

#[test]
fn ics_export_has_stable_uids_utc_times_and_all_day_dates() {
    use atlas_domain::item::{ItemKind, ItemRef};
    let star = |kind: ItemKind, id: &str| ItemRef { kind, id: id.to_string() };
    let a = atlas();
    let starred = vec![star(ItemKind::Session, "cmm-0204-opening"), star(ItemKind::Session, "cmm-0204-signings")];
    let stamp = chrono::DateTime::parse_from_rfc3339("2026-11-27T12:00:00Z").unwrap().with_timezone(&chrono::Utc);
    let ics = a.agenda_ics(&starred, &Default::default(), stamp);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.contains("UID:cmm-0204-opening@minerals-atlas\r\n"));
    assert!(ics.contains("DTSTART:20260204T140000Z\r\n"), "09:00 in Washington is 14:00 UTC");
    assert!(ics.contains("DTSTART;VALUE=DATE:20260204\r\nDTEND;VALUE=DATE:20260205\r\n"));
    assert!(ics.contains("DTSTAMP:20261127T120000Z"));
    assert!(ics.lines().all(|l| l.len() <= 75), "folded");
    assert_eq!(ics, a.agenda_ics(&starred, &Default::default(), stamp), "deterministic");
    assert!(!ics.contains("Your note"), "no note, no note line");
    // The user's note leads the event's description; a blank one is left out.
    let notes = std::collections::BTreeMap::from([
        ("session:cmm-0204-opening".to_string(), "Ask about the Pakistan MOU".to_string()),
        ("session:cmm-0204-signings".to_string(), "   ".to_string()),
    ]);
    let with_notes = a.agenda_ics(&starred, &notes, stamp).replace("\r\n ", "");
    assert!(with_notes.contains("DESCRIPTION:Your note: Ask about the Pakistan MOU\\n\\n"), "{with_notes}");
    assert_eq!(with_notes.matches("Your note").count(), 1);
}

/// Time-aware statuses through the queries, with the clock injected: PMIF
/// 2026 (8-9 April 2026) is scheduled before it and past after it.
#[test]
fn a_scheduled_forum_reads_as_past_once_its_days_are_over() {
    use chrono::TimeZone;
    let before = atlas().with_now(Some(chrono::Utc.with_ymd_and_hms(2026, 4, 1, 0, 0, 0).unwrap()));
    let after = atlas().with_now(Some(chrono::Utc.with_ymd_and_hms(2026, 12, 3, 0, 0, 0).unwrap()));
    let pmif = |a: &Atlas| a.events().into_iter().find(|e| e.event.id == "pmif-2026").unwrap();
    assert_eq!(pmif(&before).event.status, Status::Scheduled);
    assert_eq!(pmif(&before).status_as_of, None, "still ahead");
    let past = pmif(&after).status_as_of.expect("past in December");
    assert!(past.starts_with("Took place; outcomes not recorded in this data (as of "), "{past}");
    let sessions = after.sessions("pmif-2026", None).unwrap();
    assert!(!sessions.is_empty() && sessions.iter().all(|s| s.status_as_of.is_some()), "every scheduled session is past");
    let entries = after.timeline(Some("2026-04-08"), Some("2026-04-09")).unwrap();
    assert!(entries.iter().filter(|t| t.status == Status::Scheduled).all(|t| t.status_as_of.is_some()));
    // Records that are not scheduled are what their sources say, whatever the date.
    assert!(after.events().iter().filter(|e| e.event.status != Status::Scheduled).all(|e| e.status_as_of.is_none()));
}

#[test]
fn every_table_with_a_world_total_states_its_concentration_consistently_with_its_rows() {
    let atlas = atlas();
    let mut checked = 0;
    for m in atlas.minerals() {
        let detail = atlas.mineral(&m.id).unwrap();
        for s in &detail.series {
            let Some(c) = &s.concentration else { continue };
            checked += 1;
            // Recomputed from the rows' own shares (rounded to 2 decimals there).
            // Where the rows add past USGS's rounded total, shares are of the rows' sum.
            let all: f64 = s.rows.iter().filter_map(|r| r.share.map(|x| x.percent)).sum();
            assert!(c.hhi.low <= c.hhi.high && c.hhi.high <= 10_000.0, "{}: {:?}", s.id, c.hhi);
            if c.total_from_rows && !c.marked.is_empty() {
                // The divisor then includes the marked rows' floors: checked by the unit tests.
                continue;
            }
            let factor = if c.total_from_rows { 100.0 / all } else { 1.0 };
            let named: Vec<f64> =
                s.rows.iter().filter(|r| r.country.is_some()).filter_map(|r| r.share.map(|x| x.percent * factor)).collect();
            let squares: f64 = named.iter().map(|p| p * p).sum();
            assert!(c.hhi.low <= c.hhi.high && c.hhi.high <= 10_000.0, "{}: {:?}", s.id, c.hhi);
            assert!(
                (c.hhi.low - squares).abs() <= 2.0 + squares * 0.001 || !c.marked.is_empty(),
                "{}: low {} against Σ share² {}",
                s.id,
                c.hhi.low,
                squares
            );
            let top = named.iter().cloned().fold(f64::NAN, f64::max);
            if let Some(t) = &c.top {
                assert!((t.percent - top).abs() < 0.02, "{}: top {} against the rows' largest {}", s.id, t.percent, top);
            }
            assert!(c.top_three_percent.low <= c.top_three_percent.high + 1e-9, "{}", s.id);
            assert!(c.top_three_percent.high <= 100.0 && c.top.as_ref().is_none_or(|t| t.percent <= 100.0), "{}: no share past 100%", s.id);
            assert!(
                !c.total_from_rows || all > 99.9 || !c.marked.is_empty(),
                "{}: the rows' sum is used only when they pass the total",
                s.id
            );
        }
    }
    assert!(checked > 50, "only {checked} tables had a concentration");
}

#[test]
fn cobalt_is_highly_concentrated_and_the_drc_leads_it() {
    let atlas = atlas();
    let cobalt = atlas.mineral("cobalt").unwrap();
    let headline = cobalt.headline_production.clone().unwrap();
    let s = cobalt.series.iter().find(|s| s.id == headline).unwrap();
    let c = s.concentration.as_ref().expect("cobalt production has a world total");
    assert_eq!(c.top.as_ref().map(|t| t.iso3.as_str()), Some("COD"));
    assert_eq!(c.level, atlas_domain::concentration::ConcentrationLevel::HighlyConcentrated);
    // The DRC's share alone squared is a floor for the HHI.
    let drc = c.top.as_ref().unwrap().percent;
    assert!(c.hhi.low >= drc * drc - 1.0);
}

#[test]
fn a_country_stat_has_its_place_in_the_table() {
    let atlas = atlas();
    let drc = atlas.country("COD").unwrap();
    let cobalt = drc.minerals.stats.iter().find(|s| s.mineral == "cobalt" && s.share.is_some()).expect("the DRC's cobalt row");
    assert_eq!(cobalt.rank, Some(1));
    assert!(cobalt.ranked_among >= 5);
    // A withheld figure has no place.
    let usa = atlas.country("USA").unwrap();
    assert!(usa.minerals.stats.iter().filter(|s| s.value.kind == "withheld").all(|s| s.rank.is_none()));
}

#[test]
fn copper_is_mined_and_refined_side_by_side_with_each_stage_led_by_its_own_table() {
    let atlas = atlas();
    let copper = atlas.mineral("copper").unwrap();
    let chain = copper.stages.as_ref().expect("USGS gives copper two stages");
    let details: Vec<&str> = chain.stages.iter().map(|s| s.detail.as_str()).collect();
    assert_eq!(details, ["Mine production", "Refinery production"]);
    for (i, stage) in chain.stages.iter().enumerate() {
        // The leader is the table's largest share, read from the table itself.
        let table = copper.series.iter().find(|s| s.id == stage.series).unwrap();
        let largest = table
            .rows
            .iter()
            .filter(|r| r.country.is_some())
            .filter_map(|r| Some((r.country.clone()?, r.share?.percent)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        assert_eq!(stage.leaders[0].iso3, largest.0, "stage {i}");
        // Every country's place at this stage is its row there, or nothing: never a zero invented.
        for c in &chain.countries {
            let row = table.rows.iter().find(|r| r.country.as_deref() == Some(c.iso3.as_str()));
            assert_eq!(c.places[i].is_some(), row.is_some(), "{} at stage {i}", c.iso3);
        }
    }
    assert_ne!(chain.stages[0].leaders[0].iso3, chain.stages[1].leaders[0].iso3, "mined here, refined there");
    // Every attending country with a copper row is in the grid.
    for s in &copper.series {
        for r in s
            .rows
            .iter()
            .filter(|r| r.role.is_some() && s.statistic == atlas_domain::model::Statistic::Production && s.year == chain.stages[0].year)
        {
            assert!(chain.countries.iter().any(|c| Some(&c.iso3) == r.country.as_ref()), "{:?}", r.country);
        }
    }
}

#[test]
fn chains_across_chapters_follow_the_material_and_one_stage_is_no_chain() {
    let atlas = atlas();
    for id in ["bauxite", "alumina", "aluminum"] {
        let chain = atlas.mineral(id).unwrap().stages.expect("the aluminium chain");
        let minerals: Vec<&str> = chain.stages.iter().map(|s| s.mineral.as_str()).collect();
        assert_eq!(minerals, ["bauxite", "alumina", "aluminum"], "from {id}");
    }
    let iron = atlas.mineral("iron-ore").unwrap().stages.expect("the iron and steel chain");
    assert_eq!(iron.stages.len(), 3, "one ore stage (usable ore and iron content are one stage), pig iron, raw steel");
    assert!(atlas.mineral("cobalt").unwrap().stages.is_none(), "USGS tables one stage of cobalt");
    // Two products of one chapter are not stages of a chain.
    assert!(atlas.mineral("silicon").unwrap().stages.is_none(), "ferrosilicon and silicon metal");
    assert!(atlas.mineral("mica-natural").unwrap().stages.is_none(), "sheet and scrap mica");
    // Two tables of one stage that name different countries are both kept:
    // a country reported only for rutile keeps its row in the titanium grid.
    let titanium = atlas.mineral("titanium-mineral-concentrates").unwrap().stages.expect("titanium's chain");
    let details: Vec<&str> = titanium.stages.iter().map(|s| s.detail.as_str()).collect();
    assert!(details.contains(&"Mine production: Ilmenite") && details.contains(&"Mine production: Rutile"), "{details:?}");
    let rutile = titanium.stages.iter().position(|s| s.detail == "Mine production: Rutile").unwrap();
    let sierra_leone = titanium.countries.iter().find(|c| c.iso3 == "SLE").expect("Sierra Leone attends and mines rutile");
    assert!(sierra_leone.places[rutile].as_ref().and_then(|p| p.share).is_some());
}

#[test]
fn a_table_as_csv_has_every_row_its_markers_as_usgs_wrote_them_and_no_invented_zero() {
    let atlas = atlas();
    let lithium = atlas.mineral("lithium").unwrap();
    let id = lithium.headline_production.clone().unwrap();
    let table = lithium.series.iter().find(|s| s.id == id).unwrap();
    let csv = atlas.table_csv(&id).unwrap();
    assert!(csv.file_name.starts_with("lithium-production-") && csv.file_name.ends_with(".csv"));
    let lines: Vec<&str> = csv.text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines[0].starts_with("mineral,table,year,unit,place,country,iso3"));
    // One line per USGS row, and the world total.
    assert_eq!(lines.len(), 1 + table.rows.len() + usize::from(table.world_total.is_some()));
    // The host's withheld figure: W, its kind, an empty number and no share; never 0.
    let usa = lines.iter().find(|l| l.contains(",USA,")).expect("the host's row");
    assert!(usa.contains(",W,withheld,,,"), "{usa}");
    // A number is plain, without separators, and its share is the table's.
    for r in table.rows.iter().filter(|r| r.share.is_some() && r.value.kind == "number") {
        let iso3 = r.country.as_deref().unwrap_or("");
        let line = lines.iter().find(|l| l.contains(&format!(",{iso3},"))).unwrap();
        let number: f64 = r.value.text.replace(',', "").parse().unwrap();
        assert!(line.contains(&format!(",{number},")), "{line} has {number}");
        assert!(
            line.contains(&format!("\"{}\",number", r.value.text)) || line.contains(&format!(",{},number", r.value.text)),
            "USGS's text kept: {line}"
        );
    }
    assert!(matches!(atlas.table_csv("no-such-table"), Err(DomainError::NotFound { .. })));
}

#[test]
fn each_row_carries_the_year_before_and_the_change_only_between_numbers() {
    let atlas = atlas();
    let cobalt = atlas.mineral("cobalt").unwrap();
    let id = cobalt.headline_production.clone().unwrap();
    let now = cobalt.series.iter().find(|s| s.id == id).unwrap();
    let before = cobalt.series.iter().find(|s| s.statistic == now.statistic && s.detail == now.detail && s.year == now.year - 1).unwrap();
    assert_eq!(now.previous_year, Some(before.year));
    let mut changes = 0;
    for r in &now.rows {
        let then = before.rows.iter().find(|b| b.country == r.country && (r.country.is_some() || b.usgs_name == r.usgs_name));
        assert_eq!(r.previous.as_ref().map(|v| &v.text), then.map(|t| &t.value.text), "{}: the year before is USGS's own row", r.name);
        match (r.value.number.filter(|_| r.value.kind != "bound"), then.and_then(|t| t.value.number.filter(|_| t.value.kind != "bound"))) {
            (Some(a), Some(b)) if b > 0.0 => {
                let c = r.change_percent.expect("a change between two numbers");
                assert!((c - (a - b) / b * 100.0).abs() < 1e-9, "{}: {c}", r.name);
                changes += 1;
            }
            _ => assert_eq!(r.change_percent, None, "{}: no change without two numbers", r.name),
        }
    }
    assert!(changes > 5, "most cobalt producers have both years: {changes}");
    // Reserves are given for one year: no year before, no change.
    let reserves = cobalt.series.iter().find(|s| Some(&s.id) == cobalt.headline_reserves.as_ref()).unwrap();
    assert_eq!(reserves.previous_year, None);
    assert!(reserves.rows.iter().all(|r| r.previous.is_none() && r.change_percent.is_none()));
    // The CSV carries the same: the year before as USGS wrote it, and the change.
    let csv = atlas.table_csv(&id).unwrap();
    let header: Vec<&str> = csv.text.lines().next().unwrap().split(',').collect();
    assert_eq!(&header[header.len() - 3..], ["previous_year", "previous_usgs_value", "change_percent"]);
    let drc = csv.text.lines().find(|l| l.contains(",COD,")).unwrap();
    let row = now.rows.iter().find(|r| r.country.as_deref() == Some("COD")).unwrap();
    let change = (row.change_percent.unwrap() * 10.0).round() / 10.0;
    assert!(drc.ends_with(&format!(",{},\"{}\",{change}", before.year, row.previous.as_ref().unwrap().text)), "{drc}");
}

#[test]
fn two_countries_compared_table_by_table_with_no_invented_zero() {
    let atlas = atlas();
    let cmp = atlas.compare("PAK", "cod").unwrap();
    assert_eq!(cmp.left.country.iso3, "PAK");
    assert_eq!(cmp.right.country.iso3, "COD");
    let latest = |stats: &[atlas_domain::views::CountryStat], s: &atlas_domain::views::CountryStat| {
        stats
            .iter()
            .filter(|o| o.mineral == s.mineral && o.statistic == s.statistic && o.detail == s.detail && o.unit == s.unit)
            .all(|o| o.year <= s.year)
    };
    // Every latest-year figure of each is in the comparison, on its table's row.
    for (stats, pick) in [(&cmp.left.minerals.stats, 0), (&cmp.right.minerals.stats, 1)] {
        for s in stats.iter().filter(|s| latest(stats, s)) {
            let row = cmp.minerals.iter().find(|t| t.series == s.series).unwrap_or_else(|| panic!("{} is compared", s.series));
            let mine = if pick == 0 { &row.left } else { &row.right };
            assert_eq!(mine.as_ref().map(|m| &m.value.text), Some(&s.value.text));
        }
    }
    // A table only one of them is in: the other side is empty, not a zero.
    let cobalt = cmp.minerals.iter().find(|t| t.mineral == "cobalt" && t.right.is_some()).expect("the DRC's cobalt");
    assert!(cobalt.left.is_none(), "Pakistan has no cobalt row");
    assert!(cmp.minerals.iter().any(|t| t.left.is_some() && t.right.is_none()), "and a table only Pakistan is in");
    // One row per table, largest share first.
    let ids: std::collections::HashSet<_> = cmp.minerals.iter().map(|t| &t.series).collect();
    assert_eq!(ids.len(), cmp.minerals.len());
    let first = &cmp.minerals[0];
    assert_eq!(first.mineral, "cobalt", "the DRC's 74% of cobalt leads");
    assert!(matches!(atlas.compare("PAK", "pak"), Err(DomainError::InvalidArgument { .. })));
    assert!(matches!(atlas.compare("PAK", "XYZ"), Err(DomainError::NotFound { .. })));
    assert!(matches!(atlas.compare(&"Q".repeat(100_000), "PAK"), Err(DomainError::InvalidArgument { .. })));
}

#[test]
fn the_participation_map_as_csv_has_every_party_once_with_its_sources() {
    let atlas = atlas();
    let csv = atlas.participants_csv();
    assert_eq!(csv.file_name, "ministerial-participants.csv");
    let lines: Vec<&str> = csv.text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines[0].starts_with("country,iso3,kind,role,attendance_status,head_of_delegation"));
    let attending: Vec<_> = atlas.countries().into_iter().filter(|c| c.role.is_some()).collect();
    assert_eq!(lines.len() - 1, attending.len(), "a line per party at the ministerial");
    assert!(lines[1].contains(",USA,country,host,"), "the host first: {}", lines[1]);
    for c in &attending {
        let line = lines.iter().find(|l| l.contains(&format!(",{},", c.iso3))).unwrap_or_else(|| panic!("{}", c.iso3));
        if let Some(head) = &c.head_of_delegation {
            assert!(line.contains(head.as_str()), "{}: {head}", c.iso3);
        }
        assert!(line.contains(&format!(",{},", c.signed_at_ministerial)), "{line}");
        assert!(line.contains("http://") || line.contains("https://"), "{}: its sources URLs: {line}", c.iso3);
    }
    let euc = lines.iter().find(|l| l.contains(",EUC,")).unwrap();
    assert!(euc.contains(",organisation,"), "{euc}");
}

#[test]
fn an_s_that_usgs_counts_elsewhere_says_where_not_less_than_half() {
    let atlas = atlas();
    let graphite = atlas.mineral("graphite").unwrap();
    let reserves = graphite.series.iter().find(|s| Some(&s.id) == graphite.headline_reserves.as_ref()).unwrap();
    let usa = reserves.rows.iter().find(|r| r.country.as_deref() == Some("USA")).unwrap();
    assert_eq!(usa.value.text, "s", "USGS's own text");
    assert_eq!(usa.value.kind, "included_elsewhere");
    assert!(usa.value.description.contains("World total"), "{}", usa.value.description);
    assert!(!usa.value.description.contains("not reported"), "USGS has a row: never \"not reported\"");
    assert!(usa.share.is_none());
    // The same in the country's own page and the CSV.
    let profile = atlas.country("USA").unwrap().minerals;
    let row = profile.stats.iter().find(|s| s.series == reserves.id).unwrap();
    assert_eq!(row.value.kind, "included_elsewhere");
    let csv = atlas.table_csv(&reserves.id).unwrap();
    assert!(csv.text.lines().any(|l| l.contains(",USA,") && l.contains(",s,included_elsewhere,")), "{}", csv.text);
    // A true "less than ½ unit" stays one.
    let helium = atlas.mineral("helium").unwrap();
    let small = helium.series.iter().flat_map(|s| &s.rows).find(|r| r.value.text == "s").expect("helium has an s row");
    assert_eq!(small.value.kind, "less_than_half_unit", "{}", small.name);
}
