//! Data packs: the app's own dataset format (`atlas_domain::model::Dataset`,
//! documented in `docs/data-pack.md`), exported from the running app and
//! imported to replace or extend the embedded dataset. A pack is used only
//! after it parses, names a schema this build reads, and passes every
//! reference check.

use std::collections::HashMap;

use atlas_domain::model::{Dataset, Source, SourceKind, SCHEMA_VERSION};
use atlas_domain::Atlas;
use serde::{Deserialize, Serialize};

use crate::schedule::{rfc3339, CheckReport};
use crate::ImportError;

/// How a pack is combined with the embedded dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PackMode {
    /// Records with the pack's ids replace the embedded ones; others are added.
    #[default]
    Extend,
    /// The pack is the whole dataset.
    Replace,
}

#[derive(Debug, Clone)]
pub struct Pack {
    pub dataset: Dataset,
}

/// A data pack names its schema at the top; a schedule.json has a "schedule" object.
pub fn is_pack(value: &serde_json::Value) -> bool {
    value.get("schema_version").is_some() && value.get("schedule").is_none()
}

/// The pack's shape and schema version. References are checked where the
/// pack is used: alone (replace), or laid over the embedded data (extend).
pub fn from_value(value: serde_json::Value) -> Result<Pack, ImportError> {
    match value.get("schema_version").and_then(|v| v.as_u64()) {
        Some(v) if v == SCHEMA_VERSION as u64 => {}
        Some(v) if v > SCHEMA_VERSION as u64 => {
            return Err(ImportError::Pack(format!(
                "it was written for schema {v} by a newer Minerals Atlas; this one reads schema {SCHEMA_VERSION}"
            )))
        }
        Some(v) => return Err(ImportError::Pack(format!("schema {v} is not one this build reads ({SCHEMA_VERSION})"))),
        None => return Err(ImportError::Pack("schema_version is missing or not a number".into())),
    }
    let dataset: Dataset = serde_json::from_value(value).map_err(|e| ImportError::Pack(e.to_string()))?;
    times_in_range(&dataset)?;
    Ok(Pack { dataset })
}

/// A pack's times pass the same check as every importer's (years 1900 to 2200).
pub(crate) fn times_in_range(d: &Dataset) -> Result<(), ImportError> {
    let sessions = d.sessions.iter().flat_map(|s| [(s.id.as_str(), s.start.instant), (s.id.as_str(), s.end.instant)]);
    let timeline =
        d.timeline.iter().flat_map(|t| std::iter::once((t.id.as_str(), t.start.instant)).chain(t.end.map(|e| (t.id.as_str(), e.instant))));
    match sessions.chain(timeline).find(|(_, t)| crate::when::in_range(*t).is_none()) {
        Some((id, _)) => Err(ImportError::Pack(format!("\"{}\": {}", crate::text::one_line(id, 60), crate::when::out_of_range("a time")))),
        None => Ok(()),
    }
}

/// Every check the app runs when it loads a dataset.
pub fn validate(dataset: &Dataset) -> Result<(), ImportError> {
    Atlas::new(dataset.clone()).map(|_| ()).map_err(|e| ImportError::Pack(e.to_string()))
}

/// The pack file for the data the app shows now, imports included.
pub fn export(dataset: &Dataset) -> Result<String, ImportError> {
    let mut text = serde_json::to_string_pretty(dataset).map_err(|e| ImportError::Pack(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

impl Pack {
    /// Checks the pack alone, then (if that fails) laid over the embedded data.
    pub fn check_report(&self) -> Result<CheckReport, ImportError> {
        let mut warnings = vec![];
        if let Err(alone) = validate(&self.dataset) {
            let embedded: Dataset =
                serde_json::from_str(atlas_domain::EMBEDDED_DATASET).map_err(|e| ImportError::Pack(format!("the built-in data: {e}")))?;
            validate(&extend(&embedded, &self.dataset)).map_err(|_| alone.clone())?;
            warnings.push(format!("file: {alone}; it is valid only to extend the built-in data, not to replace it"));
        }
        let starts = self.dataset.sessions.iter().map(|s| s.start.instant);
        Ok(CheckReport {
            format: crate::Format::AtlasPack.name(),
            title: format!("Minerals Atlas data pack {}", self.dataset.dataset_version),
            events: self.dataset.sessions.len(),
            first_start_utc: starts.clone().min().map(rfc3339),
            last_start_utc: starts.max().map(rfc3339),
            time_zone: None,
            warnings,
        })
    }
}

/// The embedded dataset with the pack's records laid over it, by id.
pub fn extend(base: &Dataset, pack: &Dataset) -> Dataset {
    fn lay<T: Clone, K: std::hash::Hash + Eq>(base: &mut Vec<T>, over: &[T], key: impl Fn(&T) -> K) {
        let mut at: std::collections::HashMap<K, usize> = base.iter().enumerate().map(|(i, b)| (key(b), i)).collect();
        for item in over {
            match at.get(&key(item)).and_then(|&i| base.get_mut(i)) {
                Some(slot) => *slot = item.clone(),
                None => {
                    at.insert(key(item), base.len());
                    base.push(item.clone());
                }
            }
        }
    }
    let mut d = base.clone();
    lay(&mut d.sources, &pack.sources, |x| x.id.clone());
    lay(&mut d.countries, &pack.countries, |x| x.iso3.clone());
    lay(&mut d.people, &pack.people, |x| x.id.clone());
    lay(&mut d.events, &pack.events, |x| x.id.clone());
    lay(&mut d.participations, &pack.participations, |x| (x.event.clone(), x.party.clone()));
    lay(&mut d.agreements, &pack.agreements, |x| x.id.clone());
    lay(&mut d.minerals, &pack.minerals, |x| x.id.clone());
    lay(&mut d.series, &pack.series, |x| x.id.clone());
    lay(&mut d.sessions, &pack.sessions, |x| x.id.clone());
    lay(&mut d.timeline, &pack.timeline, |x| x.id.clone());
    d.dataset_version = format!("{}+{}", base.dataset_version, pack.dataset_version);
    d.provenance.notes.push(format!("Extended by data pack {}.", pack.dataset_version));
    d
}

/// The source the app adds to every record of a pack that is not signed by
/// a key it trusts, so that "unverified" shows wherever those facts show.
pub const UNVERIFIED_SOURCE_ID: &str = "imp-pack-unverified";

/// Marks every record of an unverified pack: one source of kind
/// `unverified_pack`, cited by each record that cites anything. A source
/// of that id in the pack itself is replaced, so a pack cannot word its
/// own mark.
pub fn mark_unverified(d: &mut Dataset, file_name: &str) {
    d.sources.retain(|s| s.id != UNVERIFIED_SOURCE_ID);
    d.sources.push(Source {
        id: UNVERIFIED_SOURCE_ID.into(),
        url: String::new(),
        publisher: format!("Data pack {file_name}"),
        title: "not signed by a key this app trusts: unverified".into(),
        kind: SourceKind::UnverifiedPack,
        copy_of: None,
        report: None,
    });
    let mark = |sources: &mut Vec<String>| {
        sources.retain(|s| s != UNVERIFIED_SOURCE_ID);
        sources.push(UNVERIFIED_SOURCE_ID.into());
    };
    d.participations.iter_mut().for_each(|x| mark(&mut x.sources));
    d.people.iter_mut().for_each(|x| mark(&mut x.sources));
    d.agreements.iter_mut().for_each(|x| mark(&mut x.sources));
    d.minerals.iter_mut().for_each(|x| mark(&mut x.sources));
    d.series.iter_mut().for_each(|x| mark(&mut x.sources));
    d.events.iter_mut().for_each(|x| mark(&mut x.sources));
    d.sessions.iter_mut().for_each(|x| mark(&mut x.sources));
    d.timeline.iter_mut().for_each(|x| mark(&mut x.sources));
}

/// What a pack changed in the data the app shows, a line per kind of
/// record: "2 sessions added", "1 agreement changed", "1 timeline entry removed".
pub fn describe_changes(before: &Dataset, after: &Dataset) -> Vec<String> {
    fn count<T: PartialEq, K: std::hash::Hash + Eq>(
        out: &mut Vec<String>,
        (one, many): (&str, &str),
        before: &[T],
        after: &[T],
        key: impl Fn(&T) -> K,
    ) {
        let old: HashMap<K, &T> = before.iter().map(|x| (key(x), x)).collect();
        let new: HashMap<K, &T> = after.iter().map(|x| (key(x), x)).collect();
        let added = new.keys().filter(|k| !old.contains_key(*k)).count();
        let removed = old.keys().filter(|k| !new.contains_key(*k)).count();
        let changed = new.iter().filter(|(k, v)| old.get(*k).is_some_and(|o| o != *v)).count();
        for (n, what) in [(added, "added"), (changed, "changed"), (removed, "removed")] {
            if n > 0 {
                out.push(format!("{n} {} {what}", if n == 1 { one } else { many }));
            }
        }
    }
    let mut out = vec![];
    count(&mut out, ("party", "parties"), &before.countries, &after.countries, |x| x.iso3.clone());
    count(&mut out, ("delegation", "delegations"), &before.participations, &after.participations, |x| (x.event.clone(), x.party.clone()));
    count(&mut out, ("person", "people"), &before.people, &after.people, |x| x.id.clone());
    count(&mut out, ("agreement", "agreements"), &before.agreements, &after.agreements, |x| x.id.clone());
    count(&mut out, ("event", "events"), &before.events, &after.events, |x| x.id.clone());
    count(&mut out, ("session", "sessions"), &before.sessions, &after.sessions, |x| x.id.clone());
    count(&mut out, ("timeline entry", "timeline entries"), &before.timeline, &after.timeline, |x| x.id.clone());
    count(&mut out, ("mineral", "minerals"), &before.minerals, &after.minerals, |x| x.id.clone());
    count(&mut out, ("USGS table", "USGS tables"), &before.series, &after.series, |x| x.id.clone());
    count(&mut out, ("source", "sources"), &before.sources, &after.sources, |x| x.id.clone());
    out
}
