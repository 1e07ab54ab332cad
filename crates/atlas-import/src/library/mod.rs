//! What the user has imported: schedules and at most one data pack, with
//! one step of undo. A `Library` is a value; the app stores it (through
//! `atlas-store`) and builds the `Atlas` it shows with [`Library::build`].
//! Every change makes a new `Library`, so a failed import changes nothing.

use std::collections::HashSet;

use atlas_domain::model::Dataset;
use atlas_domain::{Atlas, DomainError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

mod diff;
mod merge;

use diff::summarise;
pub use diff::{ImportSummary, SessionChange};
use merge::merge_schedule;

use crate::pack::{self, PackMode};
use crate::schedule::{rfc3339, Schedule};

/// The stored library's format version.
pub const LIBRARY_VERSION: u32 = 1;
/// Imported ids start with this, so they never meet the curated ones.
pub const IMPORTED_PREFIX: &str = "imp-";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredSchedule {
    pub file_name: String,
    pub imported_at: DateTime<Utc>,
    pub schedule: Schedule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPack {
    pub file_name: String,
    pub imported_at: DateTime<Utc>,
    pub mode: PackMode,
    pub dataset: Dataset,
    /// The signature that vouched for the pack, checked against a key the
    /// app trusts. `None` (and in libraries saved before packs were
    /// signed): unverified, and every record of it says so.
    #[serde(default)]
    pub signed: Option<PackSignature>,
}

/// What a verified signature said of a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackSignature {
    /// The channel's pack version (never goes down: an older one is refused).
    pub pack_version: u64,
    /// Where it came from: "the update channel at data.example.org" or "the file pack-3.json and its .minisig".
    pub origin: String,
    /// The publication date from the signed index or comment (YYYY-MM-DD).
    pub date: String,
}

/// The state before the last change, and what that change was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UndoStep {
    pub description: String,
    pub pack: Option<StoredPack>,
    pub schedules: Vec<StoredSchedule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Library {
    pub version: u32,
    pub pack: Option<StoredPack>,
    pub schedules: Vec<StoredSchedule>,
    pub undo: Option<Box<UndoStep>>,
    /// The highest signed pack version ever applied here. Undo and removal
    /// never lower it, so an older signed pack cannot be brought back (a
    /// downgrade); the same version may be applied again once it is no
    /// longer installed.
    #[serde(default)]
    pub highest_pack_version: u64,
}

impl Default for Library {
    fn default() -> Self {
        Library { version: LIBRARY_VERSION, pack: None, schedules: vec![], undo: None, highest_pack_version: 0 }
    }
}

/// A stored library is read only up to this size (it holds parsed
/// schedules, far smaller than their files): anything larger is not ours.
pub const MAX_LIBRARY_BYTES: u64 = 1 << 30;

impl atlas_store::Versioned for Library {
    const VERSION: u32 = LIBRARY_VERSION;
    const MAX_BYTES: u64 = MAX_LIBRARY_BYTES;
    // It holds whole parsed schedules: compact, as it always was.
    const INDENTED: bool = false;

    fn check(&self) -> Result<(), String> {
        self.validate()
    }
}

pub fn event_id(schedule_key: &str) -> String {
    format!("{IMPORTED_PREFIX}{schedule_key}")
}

pub fn session_id(schedule_key: &str, event: &str) -> String {
    format!("{IMPORTED_PREFIX}{schedule_key}--{event}")
}

/// A stored pack's signed version (0: none, or not signed).
fn signed_version(pack: Option<&StoredPack>) -> u64 {
    pack.and_then(|p| p.signed.as_ref()).map_or(0, |s| s.pack_version)
}

impl Library {
    /// The dataset the app shows: the embedded one (or a pack), plus every schedule.
    pub fn dataset(&self, embedded: &Dataset) -> Dataset {
        self.dataset_marked(embedded, true)
    }

    /// The dataset, with an unverified pack's records marked or not (not:
    /// to say what a pack changed, without counting the marks as changes).
    fn dataset_marked(&self, embedded: &Dataset, mark: bool) -> Dataset {
        let marked;
        let pack_data = match &self.pack {
            Some(p) if mark && p.signed.is_none() => {
                let mut d = p.dataset.clone();
                pack::mark_unverified(&mut d, &p.file_name);
                marked = d;
                Some((p.mode, &marked))
            }
            Some(p) => Some((p.mode, &p.dataset)),
            None => None,
        };
        let mut d = match pack_data {
            None => embedded.clone(),
            Some((PackMode::Replace, data)) => data.clone(),
            Some((PackMode::Extend, data)) => pack::extend(embedded, data),
        };
        for s in &self.schedules {
            merge_schedule(&mut d, s);
        }
        d
    }

    /// The indexed dataset; an error means the library cannot be shown.
    pub fn build(&self, embedded: &Dataset) -> Result<Atlas, DomainError> {
        Atlas::new(self.dataset(embedded))
    }

    /// A library read back from disk, checked as strictly as a fresh
    /// import: its version, each stored schedule (the undo step's too, so
    /// undo can never bring back what could not be shown), and one schedule
    /// per key. The merged dataset is then checked by [`Library::build`].
    pub fn validate(&self) -> Result<(), String> {
        if self.version != LIBRARY_VERSION {
            return Err(format!("version {} is not {LIBRARY_VERSION}", self.version));
        }
        for pack in self.pack.iter().chain(self.undo.as_deref().and_then(|u| u.pack.as_ref())) {
            crate::pack::times_in_range(&pack.dataset).map_err(|e| e.to_string())?;
        }
        let undo = self.undo.as_deref().map(|u| u.schedules.as_slice()).unwrap_or_default();
        for list in [self.schedules.as_slice(), undo] {
            let mut keys = HashSet::new();
            for stored in list {
                stored.schedule.validate()?;
                if !keys.insert(stored.schedule.head.key.as_str()) {
                    return Err(format!("two stored schedules share the key \"{}\"", stored.schedule.head.key));
                }
            }
        }
        Ok(())
    }

    /// Reads a stored library: JSON of this version (the store's gate),
    /// validated, and built over `embedded`. Any failure is a reason for
    /// the app to move the file aside and start with the built-in data;
    /// nothing here panics.
    pub fn load(bytes: &[u8], embedded: &Dataset) -> Result<(Library, Atlas), String> {
        let (library, _) = atlas_store::versioned::decode::<Library>(bytes)?;
        library.with_atlas(embedded)
    }

    /// The library with the atlas it gives, or why it cannot be shown.
    pub fn with_atlas(self, embedded: &Dataset) -> Result<(Library, Atlas), String> {
        let atlas = self.build(embedded).map_err(|e| e.to_string())?;
        Ok((self, atlas))
    }

    fn with_undo(&self, description: String) -> Library {
        Library {
            version: LIBRARY_VERSION,
            pack: self.pack.clone(),
            schedules: self.schedules.clone(),
            undo: Some(Box::new(UndoStep { description, pack: self.pack.clone(), schedules: self.schedules.clone() })),
            highest_pack_version: self.highest_pack_version,
        }
    }

    /// The library with `schedule` added, or replacing the version with the same key.
    pub fn with_schedule(&self, file_name: &str, schedule: Schedule, now: DateTime<Utc>) -> (Library, ImportSummary) {
        let old = self.schedules.iter().find(|s| s.schedule.head.key == schedule.head.key);
        let description = match old {
            Some(_) => format!("update of {} from {file_name}", schedule.head.title),
            None => format!("import of {} from {file_name}", schedule.head.title),
        };
        let summary = summarise(old.map(|s| &s.schedule), &schedule);
        let mut next = self.with_undo(description);
        let stored = StoredSchedule { file_name: file_name.to_string(), imported_at: now, schedule };
        match next.schedules.iter().position(|s| s.schedule.head.key == stored.schedule.head.key) {
            Some(i) => {
                if let Some(slot) = next.schedules.get_mut(i) {
                    *slot = stored;
                }
            }
            None => next.schedules.push(stored),
        }
        (next, summary)
    }

    /// The installed pack's channel version: 0 when there is none or it is unverified.
    pub fn pack_version(&self) -> u64 {
        signed_version(self.pack.as_ref())
    }

    /// The version a signed pack must exceed to be applied: newer than the
    /// one installed, and not older than the newest ever applied here (in
    /// libraries saved before that was kept: the installed pack's or the
    /// undo step's).
    pub fn pack_version_floor(&self) -> u64 {
        let undone = signed_version(self.undo.as_deref().and_then(|u| u.pack.as_ref()));
        let highest = self.highest_pack_version.max(self.pack_version()).max(undone);
        self.pack_version().max(highest.saturating_sub(1))
    }

    pub fn with_pack(
        &self,
        file_name: &str,
        dataset: Dataset,
        mode: PackMode,
        signed: Option<PackSignature>,
        now: DateTime<Utc>,
    ) -> (Library, ImportSummary) {
        let starts = dataset.sessions.iter().map(|s| s.start.instant);
        let summary = ImportSummary {
            kind: "pack",
            format: crate::Format::AtlasPack.name(),
            title: format!("Data pack {}", dataset.dataset_version),
            event_id: None,
            replaced_earlier: self.pack.is_some(),
            added: dataset.sessions.len(),
            updated: 0,
            unchanged: 0,
            removed: 0,
            changes: vec![],
            pack_changes: vec![],
            first_start_utc: starts.clone().min().map(rfc3339),
            last_start_utc: starts.max().map(rfc3339),
            warnings: vec![],
            time_zone: None,
            zone_from_file: true,
        };
        let mut next = self.with_undo(format!("data pack from {file_name}"));
        if let Some(s) = &signed {
            next.highest_pack_version = next.highest_pack_version.max(s.pack_version);
        }
        next.pack = Some(StoredPack { file_name: file_name.to_string(), imported_at: now, mode, dataset, signed });
        (next, summary)
    }

    /// The library without the schedule `key`; `None` when there is none.
    pub fn without_schedule(&self, key: &str) -> Option<Library> {
        let i = self.schedules.iter().position(|s| s.schedule.head.key == key)?;
        let mut next = self.with_undo(format!("removal of {}", self.schedules.get(i)?.schedule.head.title));
        next.schedules.remove(i);
        Some(next)
    }

    /// The library without its data pack.
    pub fn without_pack(&self) -> Option<Library> {
        self.pack.as_ref()?;
        let mut next = self.with_undo("removal of the data pack".into());
        next.pack = None;
        Some(next)
    }

    /// The state before the last change; `None` when there is nothing to undo.
    pub fn undone(&self) -> Option<Library> {
        let step = self.undo.as_ref()?;
        Some(Library {
            version: LIBRARY_VERSION,
            pack: step.pack.clone(),
            schedules: step.schedules.clone(),
            undo: None,
            highest_pack_version: self.highest_pack_version,
        })
    }
}

/// How a pack in an import is taken: laid over the built-in data or
/// replacing it, and what signature vouched for it (none: unverified).
#[derive(Debug, Clone, Default)]
pub struct PackOptions {
    pub mode: PackMode,
    pub signed: Option<PackSignature>,
}

impl PackOptions {
    pub fn unsigned(mode: PackMode) -> PackOptions {
        PackOptions { mode, signed: None }
    }
}

/// One import, start to finish, changing nothing: parse `bytes`, make the
/// next library, and build the dataset it gives (every reference checked).
/// The caller stores the library and only then shows the atlas.
pub fn import(
    library: &Library,
    embedded: &Dataset,
    bytes: &[u8],
    file_name: &str,
    options: &crate::ImportOptions,
    pack: PackOptions,
    now: DateTime<Utc>,
) -> Result<(Library, Atlas, ImportSummary), crate::ImportError> {
    let PackOptions { mode: pack_mode, signed } = pack;
    // Checked again here, under the caller's lock: a pack verified against
    // an older state (a download while another import ran) is not a downgrade now.
    let floor = library.pack_version_floor();
    if let Some(s) = signed.as_ref().filter(|s| s.pack_version <= floor) {
        return Err(crate::ImportError::Pack(format!(
            "signed pack version {} is refused: this app takes only packs newer than version {floor} (an old pack offered again is refused); nothing was changed",
            s.pack_version
        )));
    }
    let (next, mut summary) = match crate::parse(bytes, options)? {
        crate::Parsed::Schedule(_) if signed.is_some() => {
            return Err(crate::ImportError::Pack("the signed file is a schedule, not a data pack; nothing was changed".into()))
        }
        crate::Parsed::Schedule(s) => library.with_schedule(file_name, s, now),
        crate::Parsed::Pack(p) => library.with_pack(file_name, p.dataset, pack_mode, signed, now),
    };
    let atlas = next.build(embedded).map_err(|e| crate::ImportError::Structure(format!("the import would break the data: {e}")))?;
    if summary.kind == "pack" {
        summary.pack_changes = pack::describe_changes(&library.dataset_marked(embedded, false), &next.dataset_marked(embedded, false));
    }
    Ok((next, atlas, summary))
}
