//! The user's own data: starred items, notes and settings. One writer, one
//! file, versioned JSON. Every save is atomic (temporary file, fsync, rename,
//! fsync of the folder), so a crash or power loss leaves the old state or the
//! new one, never a broken file. A file that cannot be read is moved aside,
//! the caller is told, and the store starts clean.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The format this build writes. Older versions are migrated on load.
pub const USER_DATA_VERSION: u32 = 1;
/// The user-data file inside the app's data folder.
pub const FILE_NAME: &str = "user-data.json";
/// Longest note kept; longer input is refused, not cut.
pub const MAX_NOTE_BYTES: usize = 20_000;
/// Most starred items kept.
pub const MAX_STARS: usize = 5_000;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot save your data in {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("cannot read your data in {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Invalid(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Session,
    Timeline,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ItemRef {
    pub kind: ItemKind,
    pub id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The IANA zone the user reads times in; `None` means the system's.
    pub time_zone: Option<String>,
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

/// What loading found.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadOutcome {
    /// No file yet: a clean start.
    Fresh,
    /// Read as it was.
    Loaded,
    /// Read and brought up from an older version.
    Migrated { from: u32 },
    /// Unreadable: moved to `moved_to`; starting clean. `reason` says why.
    Recovered { moved_to: PathBuf, reason: String },
}

pub struct Store {
    path: PathBuf,
}

impl Store {
    pub fn in_folder(folder: &Path) -> Store {
        Store { path: folder.join(FILE_NAME) }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Loads the user's data. Never fails on bad content: a broken file is
    /// moved aside and reported. Fails only when the folder cannot be read.
    pub fn load(&self) -> Result<(UserData, LoadOutcome), StoreError> {
        let bytes = match fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((UserData::default(), LoadOutcome::Fresh)),
            Err(source) => return Err(StoreError::Read { path: self.path.clone(), source }),
        };
        match parse(&bytes) {
            Ok((data, None)) => Ok((data, LoadOutcome::Loaded)),
            Ok((data, Some(from))) => Ok((data, LoadOutcome::Migrated { from })),
            Err(reason) => {
                let moved_to = self.move_aside()?;
                Ok((UserData::default(), LoadOutcome::Recovered { moved_to, reason }))
            }
        }
    }

    fn move_aside(&self) -> Result<PathBuf, StoreError> {
        move_aside(&self.path).map_err(|source| StoreError::Write { path: self.path.clone(), source })
    }

    /// Saves atomically (see [`write_atomically`]); the previous version is kept as `.bak`.
    pub fn save(&self, data: &UserData) -> Result<(), StoreError> {
        let mut text = serde_json::to_vec_pretty(data).map_err(|e| StoreError::Invalid(e.to_string()))?;
        text.push(b'\n');
        write_atomically(&self.path, &text).map_err(|source| StoreError::Write { path: self.path.clone(), source })
    }
}

/// Writes `bytes` to `path` so that a crash at any moment leaves either the
/// old file or the new one: a temporary file beside it, fsync, a copy of the
/// old file as `.bak` (for a person to restore by hand), rename, fsync of the
/// folder. Every file the app keeps goes through here.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("data");
    fs::create_dir_all(folder)?;
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = OpenOptions::new().write(true).create(true).truncate(true).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        if path.exists() {
            let _ = fs::copy(path, path.with_file_name(format!("{name}.bak")));
        }
        fs::rename(&tmp, path)?;
        File::open(folder)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Moves an unreadable file aside (never deletes it) and returns where it went.
pub fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("data");
    let target = path.with_file_name(format!("{name}.unreadable-{stamp}"));
    fs::rename(path, &target)?;
    Ok(target)
}

/// Parses any version this build knows; returns the data and the version it
/// migrated from, if any.
pub fn parse(bytes: &[u8]) -> Result<(UserData, Option<u32>), String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| format!("not valid JSON ({e})"))?;
    let version = value.get("version").and_then(|v| v.as_u64()).ok_or_else(|| "no version number".to_string())? as u32;
    match version {
        USER_DATA_VERSION => {
            let data: UserData = serde_json::from_value(value).map_err(|e| format!("version {version} but {e}"))?;
            Ok((data, None))
        }
        0 => {
            // Version 0 (early builds): a bare list of starred session ids.
            let ids: Vec<String> = value
                .get("starred_sessions")
                .and_then(|v| serde_json::from_value(v.clone()).ok())
                .ok_or_else(|| "version 0 without starred_sessions".to_string())?;
            let data =
                UserData { starred: ids.into_iter().map(|id| ItemRef { kind: ItemKind::Session, id }).collect(), ..UserData::default() };
            Ok((data, Some(0)))
        }
        newer if newer > USER_DATA_VERSION => {
            Err(format!("version {newer} was written by a newer Minerals Atlas; this one reads up to {USER_DATA_VERSION}"))
        }
        other => Err(format!("unknown version {other}")),
    }
}
