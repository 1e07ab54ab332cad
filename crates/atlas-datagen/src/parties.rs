//! Countries and parties: USGS names to ISO codes, the participants, the
//! host and organisations, every other country USGS reports; each party's
//! presence at the events; the agreements with the host.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use atlas_domain::model::*;
use serde::Deserialize;

use crate::curated::{MinisterialFile, PartyDef};
use crate::input::{read_rows, GenError, TextInput};

/// A row of `data/curated/usgs_countries.csv`.
#[derive(Debug, Deserialize)]
struct UsgsCountryRow {
    usgs_name: String,
    iso_a2: String,
    iso_a3: String,
    iso_n3: String,
    name: String,
}

/// A country as USGS names it, with its codes.
pub struct UsgsCountry {
    pub iso2: String,
    pub iso3: String,
    pub numeric: String,
    pub name: String,
}

/// USGS country names to ISO codes, by USGS name.
pub fn usgs_countries(input: &TextInput) -> Result<BTreeMap<String, UsgsCountry>, GenError> {
    let mut out = BTreeMap::new();
    for (line, r) in read_rows::<UsgsCountryRow>(input, &["usgs_name", "iso_a2", "iso_a3", "iso_n3", "name"])? {
        check_iso(input, line, &r.iso_a2, &r.iso_a3, &r.iso_n3)?;
        out.insert(r.usgs_name, UsgsCountry { iso2: r.iso_a2, iso3: r.iso_a3, numeric: r.iso_n3, name: r.name });
    }
    Ok(out)
}

/// The columns of `shared/data/ministerial_2026_participants.csv`.
pub const PARTICIPANT_COLUMNS: [&str; 16] = [
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

/// The columns of a participant row the dataset uses.
#[derive(Debug, Deserialize)]
struct ParticipantRow {
    iso_a2: String,
    iso_a3: String,
    iso_n3: String,
    name_en: String,
    capital: String,
    continent: String,
    flag_svg: String,
}

/// Every country and party, sorted by name, and the participants' codes.
pub fn countries(
    participants_csv: &TextInput,
    m: &MinisterialFile,
    usgs: &BTreeMap<String, UsgsCountry>,
) -> Result<(Vec<Country>, Vec<String>), GenError> {
    let usgs_name_by_iso3: HashMap<String, String> = usgs.iter().map(|(k, v)| (v.iso3.clone(), k.clone())).collect();
    let mut countries: Vec<Country> = Vec::new();
    let mut participants: Vec<String> = Vec::new();
    for (line, r) in read_rows::<ParticipantRow>(participants_csv, &PARTICIPANT_COLUMNS)? {
        check_iso(participants_csv, line, &r.iso_a2, &r.iso_a3, &r.iso_n3)?;
        if let Some(u) = usgs_name_by_iso3.get(&r.iso_a3).and_then(|n| usgs.get(n)) {
            if u.iso2 != r.iso_a2 || u.numeric != r.iso_n3 {
                return Err(GenError::new(
                    &participants_csv.path,
                    Some(line),
                    format!("{}: ISO codes disagree with data/curated/usgs_countries.csv", r.iso_a3),
                ));
            }
        }
        let flag = Path::new(&r.flag_svg).file_stem().map(|s| s.to_string_lossy().to_string());
        countries.push(Country {
            iso3: r.iso_a3.clone(),
            iso2: r.iso_a2,
            numeric: Some(r.iso_n3),
            name: r.name_en,
            kind: PartyKind::Country,
            usgs_name: usgs_name_by_iso3.get(&r.iso_a3).cloned(),
            capital: Some(r.capital).filter(|s| !s.is_empty()),
            region: Some(r.continent).filter(|s| !s.is_empty()),
            flag,
        });
        participants.push(r.iso_a3);
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
    for (usgs_name, u) in usgs {
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
    Ok((countries, participants))
}

/// Each participant at the primary event (attendance from the fact sheet),
/// with the curated delegations laid over it.
pub fn participations(primary_event: &str, participants: &[String], m: &MinisterialFile) -> Vec<Participation> {
    let mut participations: Vec<Participation> = participants
        .iter()
        .map(|iso3| Participation {
            event: primary_event.to_string(),
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
        match participations.iter_mut().find(|p| p.event == d.event && p.party == d.party) {
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
    participations
}

/// The frameworks signed at the ministerial (one template, one partner
/// each) and the other curated agreements, by date.
pub fn agreements(m: &MinisterialFile, countries: &[Country], path: &std::path::Path) -> Result<Vec<Agreement>, GenError> {
    let name_of = |iso3: &str| countries.iter().find(|c| c.iso3 == iso3).map(|c| c.name.clone());
    let mut agreements: Vec<Agreement> = Vec::new();
    let t = &m.ministerial_signing_template;
    for iso3 in &m.ministerial_signing_partners {
        let name = name_of(iso3).ok_or_else(|| GenError::new(path, None, format!("signing partner {iso3} is not a known country")))?;
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
    Ok(agreements)
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
