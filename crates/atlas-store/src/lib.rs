//! The user's own data: starred items, notes and settings. One writer, one
//! file, versioned JSON. Every save is atomic (temporary file, fsync, rename,
//! fsync of the folder), so a crash or power loss leaves the old state or the
//! new one, never a broken file. A file that cannot be read is moved aside,
//! the caller is told, and the store starts clean.

// Outside data never panics here: no byte-index slicing of text, no
// unchecked indexing, unwrap, expect, panic or overflowing arithmetic in
// non-test code. Each remaining `allow` says why it cannot fail.
#![cfg_attr(
    not(test),
    deny(
        clippy::string_slice,
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::arithmetic_side_effects
    )
)]

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
/// The longest id a starred item may have (the app's ids are far shorter).
pub const MAX_ID_BYTES: usize = 256;
/// The user-data file is never larger than this (notes and stars at their
/// limits take about 100 MB less); a larger file is not ours.
const MAX_FILE_BYTES: u64 = 256 << 20;

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
        let bytes = match read_regular_file(&self.path, MAX_FILE_BYTES) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((UserData::default(), LoadOutcome::Fresh)),
            // Something that is not our file (a FIFO, a folder, a huge file) is moved aside like bad content.
            Err(e) if matches!(e.kind(), std::io::ErrorKind::InvalidInput | std::io::ErrorKind::FileTooLarge) => {
                let moved_to = self.move_aside()?;
                return Ok((UserData::default(), LoadOutcome::Recovered { moved_to, reason: e.to_string() }));
            }
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

    /// Reads without changing anything (for an app that does not hold the
    /// folder): the data, or a clean start and why the file could not be read.
    pub fn peek(&self) -> Result<(UserData, Option<String>), StoreError> {
        match read_regular_file(&self.path, MAX_FILE_BYTES) {
            Ok(bytes) => Ok(match parse(&bytes) {
                Ok((data, _)) => (data, None),
                Err(reason) => (UserData::default(), Some(reason)),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((UserData::default(), None)),
            Err(e) if matches!(e.kind(), std::io::ErrorKind::InvalidInput | std::io::ErrorKind::FileTooLarge) => {
                Ok((UserData::default(), Some(e.to_string())))
            }
            Err(source) => Err(StoreError::Read { path: self.path.clone(), source }),
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
///
/// Links are never followed when writing: the temporary files are created
/// new (a link planted in their place makes the save fail, not write
/// elsewhere), and the `.bak` is renamed into place, which replaces a link
/// there instead of writing through it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("data");
    fs::create_dir_all(folder)?;
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = create_new(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        if fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
            // The backup is best effort: a failure here must not stop the save.
            let _ = back_up(path, &path.with_file_name(format!("{name}.bak")));
        }
        fs::rename(&tmp, path)?;
        File::open(folder)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A file created for writing that did not exist before (a stale one of
/// ours is removed first; a link is removed, never followed).
fn create_new(path: &Path) -> std::io::Result<File> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    OpenOptions::new().write(true).create_new(true).open(path)
}

/// Copies `path` to `bak` through a new temporary file renamed into place.
fn back_up(path: &Path, bak: &Path) -> std::io::Result<()> {
    let name = bak.file_name().and_then(|n| n.to_str()).unwrap_or("data.bak");
    let tmp = bak.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let copied = (|| {
        let mut out = create_new(&tmp)?;
        std::io::copy(&mut File::open(path)?, &mut out)?;
        out.sync_all()?;
        fs::rename(&tmp, bak)
    })();
    if copied.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    copied
}

/// Reads `path` when it is a regular file of at most `limit` bytes. A FIFO,
/// device or folder in its place is refused before it could block a read
/// (`InvalidInput`), and a larger file is refused before it is read
/// (`FileTooLarge`); a file that grows while it is read is cut at the limit
/// and refused too.
pub fn read_regular_file(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let not_regular = || std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file");
    if !fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // If a FIFO took the file's place after the check, opening it does not wait for a writer.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let too_large = |bytes: u64| std::io::Error::new(std::io::ErrorKind::FileTooLarge, format!("{bytes} bytes, over the limit of {limit}"));
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::io::Read::read_to_end(&mut std::io::Read::take(file, limit.saturating_add(1)), &mut bytes)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(too_large(read));
    }
    Ok(bytes)
}

/// The app's hold on its data folder: one running app writes it. Held for
/// as long as the value lives (the operating system releases it when the
/// process ends, however it ends). This holds even where the single-instance
/// plugin cannot work (no D-Bus session bus).
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
}

/// The lock file inside the data folder.
pub const LOCK_FILE_NAME: &str = ".minerals-atlas.lock";

impl FolderLock {
    /// Takes the folder's lock, or says that another process holds it
    /// (`Ok(None)`). An error means the lock file cannot be made at all.
    pub fn try_acquire(folder: &Path) -> std::io::Result<Option<FolderLock>> {
        fs::create_dir_all(folder)?;
        let path = folder.join(LOCK_FILE_NAME);
        let file = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(FolderLock { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }
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
    let version = value.get("version").and_then(|v| v.as_u64()).ok_or_else(|| "no version number".to_string())?;
    let version = u32::try_from(version).map_err(|_| format!("version {version} is not one any Minerals Atlas wrote"))?;
    match version {
        USER_DATA_VERSION => {
            let data: UserData = serde_json::from_value(value).map_err(|e| format!("version {version} but {e}"))?;
            data.validate()?;
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
            data.validate()?;
            Ok((data, Some(0)))
        }
        newer if newer > USER_DATA_VERSION => {
            Err(format!("version {newer} was written by a newer Minerals Atlas; this one reads up to {USER_DATA_VERSION}"))
        }
        other => Err(format!("unknown version {other}")),
    }
}
