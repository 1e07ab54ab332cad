//! Minerals: the project's mapping of USGS chapters and commodities to
//! minerals, the rules for USGS tables the file alone cannot say, and the
//! critical-mineral lists (USGS 2022 and 2025, EU CRMA 2024).

use std::collections::{BTreeMap, HashMap, HashSet};

use atlas_domain::model::*;
use serde::Deserialize;

use crate::input::{read_rows, GenError, TextInput};
use crate::usgs;

/// A row of `data/curated/minerals.csv`.
#[derive(Debug, Deserialize)]
struct MineralRow {
    mineral_id: String,
    name: String,
    usgs_chapter: String,
    usgs_commodity: String,
}

/// Which mineral each USGS (chapter, commodity) is.
pub type MineralByCommodity = HashMap<(String, String), String>;

/// The minerals, and which mineral each (chapter, commodity) of USGS is.
pub fn minerals(input: &TextInput, release: &usgs::UsgsRelease) -> Result<(Vec<Mineral>, MineralByCommodity), GenError> {
    let mut minerals: Vec<Mineral> = Vec::new();
    let mut by_commodity = MineralByCommodity::new();
    for (line, r) in read_rows::<MineralRow>(input, &["mineral_id", "name", "usgs_chapter", "usgs_commodity"])? {
        let (id, chapter) = (r.mineral_id, r.usgs_chapter);
        if id.is_empty() || usgs::slug(&id) != id {
            return Err(GenError::new(&input.path, Some(line), format!("mineral id \"{id}\" is not a slug")));
        }
        let Some(&critical) = release.chapter_critical.get(&chapter) else {
            return Err(GenError::new(&input.path, Some(line), format!("chapter \"{chapter}\" is not in the USGS file")));
        };
        if minerals.iter().any(|x| x.id == id) {
            return Err(GenError::new(&input.path, Some(line), format!("duplicate mineral id {id}")));
        }
        if !r.usgs_commodity.is_empty() {
            by_commodity.insert((chapter.clone(), r.usgs_commodity), id.clone());
        }
        minerals.push(Mineral {
            id,
            name: r.name,
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
            return Err(GenError::new(&input.path, None, format!("USGS chapter \"{chapter}\" has no mineral")));
        }
    }
    Ok((minerals, by_commodity))
}

/// A row of `data/curated/usgs_tables.csv`.
#[derive(Debug, Deserialize)]
struct TableRuleRow {
    chapter: String,
    table_key: String,
    rule: String,
    value: String,
    reason: String,
}

/// What the USGS file alone cannot say about its tables, each with its reason.
pub fn table_rules(input: &TextInput) -> Result<Vec<usgs::TableRule>, GenError> {
    let mut rules = Vec::new();
    for (line, r) in read_rows::<TableRuleRow>(input, &["chapter", "table_key", "rule", "value", "reason"])? {
        let rule = match (r.rule.as_str(), r.value.as_str()) {
            ("world_only", "") => usgs::TableRuleKind::WorldOnly,
            ("base", v) if !v.is_empty() => usgs::TableRuleKind::Base(usgs::table_key(v)),
            (other, _) => {
                return Err(GenError::new(
                    &input.path,
                    Some(line),
                    format!("unknown rule \"{other}\" (world_only, or base with its value)"),
                ))
            }
        };
        if r.reason.is_empty() {
            return Err(GenError::new(&input.path, Some(line), "a table rule needs its reason"));
        }
        rules.push(usgs::TableRule { line, chapter: r.chapter, table_key: usgs::table_key(&r.table_key), rule, reason: r.reason });
    }
    Ok(rules)
}

#[derive(Debug, Deserialize)]
struct UsgsListRow {
    mineral: String,
    on_2022_list: String,
    on_2025_list: String,
}

#[derive(Debug, Deserialize)]
struct EuListRow {
    raw_material: String,
    list: String,
}

/// A row of `data/curated/critical_list_names.csv`.
#[derive(Debug, Deserialize)]
struct ListNameRow {
    list: String,
    name: String,
    mineral_ids: String,
}

pub fn apply_critical_lists(
    minerals: &mut [Mineral],
    names_csv: &TextInput,
    usgs_lists: &TextInput,
    eu_csv: &TextInput,
) -> Result<(), GenError> {
    // The shared lists, as published.
    let mut on_2022 = HashSet::new();
    let mut on_2025 = HashSet::new();
    for (line, r) in read_rows::<UsgsListRow>(usgs_lists, &["mineral", "on_2022_list", "on_2025_list", "added_2025"])? {
        let flag = |text: &str| match text {
            "True" => Ok(true),
            "False" => Ok(false),
            other => Err(GenError::new(&usgs_lists.path, Some(line), format!("expected True or False, found \"{other}\""))),
        };
        if flag(&r.on_2022_list)? {
            on_2022.insert(r.mineral.clone());
        }
        if flag(&r.on_2025_list)? {
            on_2025.insert(r.mineral);
        }
    }
    let mut eu: BTreeMap<String, (bool, bool)> = BTreeMap::new();
    for (line, r) in read_rows::<EuListRow>(eu_csv, &["raw_material", "list"])? {
        let entry = eu.entry(r.raw_material).or_default();
        match r.list.as_str() {
            "Annex I strategic" => entry.0 = true,
            "Annex II critical" => entry.1 = true,
            other => return Err(GenError::new(&eu_csv.path, Some(line), format!("unknown EU list \"{other}\""))),
        }
    }
    // The project's mapping of list names to minerals must cover both lists exactly.
    let mut mapped_usgs = HashSet::new();
    let mut mapped_eu = HashSet::new();
    for (line, r) in read_rows::<ListNameRow>(names_csv, &["list", "name", "mineral_ids", "note"])? {
        let (list, name) = (r.list, r.name);
        let ids: Vec<String> = r.mineral_ids.split_whitespace().map(str::to_string).collect();
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
