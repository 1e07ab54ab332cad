//! The user's own data: starred items, notes and settings, their limits,
//! and its file's versions (1 today; 0 from early builds is migrated).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::versioned::{Versioned, VersionedFile};
use crate::StoreError;

/// The format this build writes. Older versions are migrated on load.
pub const USER_DATA_VERSION: u32 = 1;
/// The user-data file inside the app's data folder.
pub const FILE_NAME: &str = "user-data.json";
/// Longest note kept; longer input is refused, not cut.
pub const MAX_NOTE_BYTES: usize = 20_000;
/// Most starred items kept.
pub const MAX_STARS: usize = 5_000;
/// The longest id a starred item may have (the app's ids are far shorter).
pub const MAX_ID_BYTES: usize = 256;
/// The user-data file is never larger than this (notes and stars at their
/// limits take about 100 MB less); a larger file is not ours.
const MAX_FILE_BYTES: u64 = 256 << 20;

/// What can be starred is the domain's: one type from the webview to the disk.
pub use atlas_domain::item::{ItemKind, ItemRef};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The IANA zone the user reads times in; `None` means the system's.
    pub time_zone: Option<String>,
    /// The view last shown (its URL hash, "#/map/country/PAK"), restored at
    /// the next start. Absent in files written before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_view: Option<String>,
    /// Whether the app checks for data updates when it starts. Off unless
    /// the user turns it on (absent in older files: off).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub check_updates_at_start: bool,
}

/// The longest view hash kept; the page's own hashes are far shorter.
pub const MAX_VIEW_BYTES: usize = 512;

/// A view hash the page could have written: "#/", then printable ASCII
/// (the page percent-encodes anything else), within its length.
pub fn valid_view(view: &str) -> bool {
    view.starts_with("#/") && view.len() <= MAX_VIEW_BYTES && view.bytes().all(|b| b.is_ascii_graphic())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserData {
    pub version: u32,
    /// Starred sessions and timeline entries, in the order starred.
    pub starred: Vec<ItemRef>,
    /// Notes by target: `country:PAK`, `session:cmm-0204-opening`.
    pub notes: BTreeMap<String, String>,
    pub settings: Settings,
}

impl Default for UserData {
    fn default() -> Self {
        UserData { version: USER_DATA_VERSION, starred: vec![], notes: BTreeMap::new(), settings: Settings::default() }
    }
}

impl UserData {
    /// What is read back from disk holds to the same limits as a change
    /// made in the app: stars within their number and ids within their
    /// length, notes on valid targets within their size.
    pub fn validate(&self) -> Result<(), String> {
        if self.starred.len() > MAX_STARS {
            return Err(format!("{} starred items, more than the {MAX_STARS} the app keeps", self.starred.len()));
        }
        if let Some(bad) = self.starred.iter().find(|s| s.id.is_empty() || s.id.len() > MAX_ID_BYTES) {
            return Err(format!("a starred item has an unusable id \"{}\"", shorten(&bad.id)));
        }
        if let Some((target, text)) = self.notes.iter().find(|(t, n)| !valid_target(t) || n.len() > MAX_NOTE_BYTES) {
            return Err(format!("the note on \"{}\" ({} bytes) is not one the app could have saved", shorten(target), text.len()));
        }
        if let Some(view) = self.settings.last_view.as_deref().filter(|v| !valid_view(v)) {
            return Err(format!("the last view \"{}\" is not one the app could have saved", shorten(view)));
        }
        Ok(())
    }

    pub fn is_starred(&self, item: &ItemRef) -> bool {
        self.starred.contains(item)
    }

    pub fn set_star(&mut self, item: ItemRef, starred: bool) -> Result<(), StoreError> {
        let present = self.is_starred(&item);
        if starred && !present {
            if self.starred.len() >= MAX_STARS {
                return Err(StoreError::Invalid(format!("at most {MAX_STARS} starred items")));
            }
            self.starred.push(item);
        } else if !starred && present {
            self.starred.retain(|x| x != &item);
        }
        Ok(())
    }

    /// Keeps the view to restore at the next start; `None` forgets it.
    pub fn set_last_view(&mut self, view: Option<&str>) -> Result<(), StoreError> {
        if let Some(v) = view.filter(|v| !valid_view(v)) {
            return Err(StoreError::Invalid(format!(
                "\"{}\" is not a view of the app (\"#/…\", at most {MAX_VIEW_BYTES} bytes)",
                shorten(v)
            )));
        }
        self.settings.last_view = view.map(str::to_string);
        Ok(())
    }

    /// An empty note removes it.
    pub fn set_note(&mut self, target: &str, text: &str) -> Result<(), StoreError> {
        if !valid_target(target) {
            return Err(StoreError::Invalid(format!("a note belongs to \"country:ISO3\" or \"session:id\", not \"{}\"", shorten(target))));
        }
        if text.len() > MAX_NOTE_BYTES {
            return Err(StoreError::Invalid(format!("a note may hold {MAX_NOTE_BYTES} bytes; this one has {}", text.len())));
        }
        if text.trim().is_empty() {
            self.notes.remove(target);
        } else {
            self.notes.insert(target.to_string(), text.to_string());
        }
        Ok(())
    }
}

fn shorten(s: &str) -> String {
    s.chars().take(60).collect()
}

fn valid_target(target: &str) -> bool {
    let Some((kind, id)) = target.split_once(':') else { return false };
    matches!(kind, "country" | "session" | "timeline")
        && !id.is_empty()
        && id.len() <= 128
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl Versioned for UserData {
    const VERSION: u32 = USER_DATA_VERSION;
    const MAX_BYTES: u64 = MAX_FILE_BYTES;

    fn check(&self) -> Result<(), String> {
        self.validate()
    }

    fn migrate(from: u32, value: serde_json::Value) -> Result<UserData, String> {
        match from {
            // Version 0 (early builds): a bare list of starred session ids.
            0 => {
                let ids: Vec<String> = value
                    .get("starred_sessions")
                    .and_then(|v| serde_json::from_value(v.clone()).ok())
                    .ok_or_else(|| "version 0 without starred_sessions".to_string())?;
                Ok(UserData { starred: ids.into_iter().map(|id| ItemRef { kind: ItemKind::Session, id }).collect(), ..UserData::default() })
            }
            other => Err(format!("unknown version {other}")),
        }
    }
}

/// The user's data file.
pub type Store = VersionedFile<UserData>;

impl Store {
    /// The user-data file in the app's data folder.
    pub fn in_folder(folder: &std::path::Path) -> Store {
        VersionedFile::new(folder.join(FILE_NAME))
    }
}

/// Parses any version this build knows; returns the data and the version it
/// migrated from, if any.
pub fn parse(bytes: &[u8]) -> Result<(UserData, Option<u32>), String> {
    crate::versioned::decode(bytes)
}
