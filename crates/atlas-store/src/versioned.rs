//! One mechanism for every versioned file the app keeps (`user-data.json`,
//! `library.json`): the version gate (a newer file is refused, an older one
//! migrated), the checks a file must pass, moving an unreadable file aside
//! (never deleting it) with a reason to tell the user once, and atomic saves
//! that keep a `.bak` of the last state.

use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::files::{move_aside, read_regular_file, write_keeping_backup};
use crate::StoreError;

/// A value stored as JSON with a top-level `"version"` number.
pub trait Versioned: Serialize + DeserializeOwned {
    /// The version this build writes.
    const VERSION: u32;
    /// A larger file is not ours, and is not read.
    const MAX_BYTES: u64;
    /// What a value read back must hold to (as strict as a change made in the app).
    fn check(&self) -> Result<(), String> {
        Ok(())
    }
    /// Written indented for a person to read (small files), or compact (large ones).
    const INDENTED: bool = true;
    /// An older version, brought up to [`Versioned::VERSION`].
    fn migrate(from: u32, _value: serde_json::Value) -> Result<Self, String> {
        Err(format!("unknown version {from}"))
    }
}

/// The gate: parses any version this build knows, checked; returns the
/// value and the version it was migrated from, if any.
pub fn decode<T: Versioned>(bytes: &[u8]) -> Result<(T, Option<u32>), String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| format!("not valid JSON ({e})"))?;
    let version = value.get("version").and_then(serde_json::Value::as_u64).ok_or_else(|| "no version number".to_string())?;
    let version = u32::try_from(version).map_err(|_| format!("version {version} is not one any Minerals Atlas wrote"))?;
    let (decoded, from) = if version == T::VERSION {
        (serde_json::from_value::<T>(value).map_err(|e| format!("version {version} but {e}"))?, None)
    } else if version > T::VERSION {
        return Err(format!("version {version} was written by a newer Minerals Atlas; this one reads up to {}", T::VERSION));
    } else {
        (T::migrate(version, value)?, Some(version))
    };
    decoded.check()?;
    Ok((decoded, from))
}

/// What reading found, before anything is moved.
#[derive(Debug)]
pub enum Read<U> {
    /// No file yet.
    Absent,
    /// Read and accepted, perhaps migrated from an older version.
    Accepted { value: U, migrated_from: Option<u32> },
    /// There is a file, but not one this app can use (content, version, a
    /// FIFO or folder in its place, too large); `reason` says why.
    Refused { reason: String },
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

/// A versioned file at a path.
#[derive(Debug)]
pub struct VersionedFile<T> {
    path: PathBuf,
    kind: PhantomData<fn() -> T>,
}

impl<T: Versioned> VersionedFile<T> {
    pub fn new(path: PathBuf) -> VersionedFile<T> {
        VersionedFile { path, kind: PhantomData }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads without changing anything; `accept` is the caller's last
    /// check (and can build what the value gives). An error is an I/O
    /// failure on a file that is there: it is left where it is.
    pub fn read<U>(&self, accept: impl FnOnce(T) -> Result<U, String>) -> Result<Read<U>, StoreError> {
        let bytes = match read_regular_file(&self.path, T::MAX_BYTES) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Read::Absent),
            // Something that is not our file (a FIFO, a folder, a huge file) is refused like bad content.
            Err(e) if matches!(e.kind(), std::io::ErrorKind::InvalidInput | std::io::ErrorKind::FileTooLarge) => {
                return Ok(Read::Refused { reason: e.to_string() })
            }
            Err(source) => return Err(StoreError::Read { path: self.path.clone(), source }),
        };
        Ok(match decode::<T>(&bytes).and_then(|(value, from)| accept(value).map(|v| (v, from))) {
            Ok((value, migrated_from)) => Read::Accepted { value, migrated_from },
            Err(reason) => Read::Refused { reason },
        })
    }

    /// Reads; a file that is refused is moved aside (never deleted) and the
    /// outcome says where it went and why.
    pub fn load_with<U>(&self, accept: impl FnOnce(T) -> Result<U, String>) -> Result<(Option<U>, LoadOutcome), StoreError> {
        Ok(match self.read(accept)? {
            Read::Absent => (None, LoadOutcome::Fresh),
            Read::Accepted { value, migrated_from: None } => (Some(value), LoadOutcome::Loaded),
            Read::Accepted { value, migrated_from: Some(from) } => (Some(value), LoadOutcome::Migrated { from }),
            Read::Refused { reason } => {
                let moved_to = move_aside(&self.path).map_err(|source| StoreError::Write { path: self.path.clone(), source })?;
                (None, LoadOutcome::Recovered { moved_to, reason })
            }
        })
    }

    /// Saves atomically, keeping the previous state as `.bak`.
    pub fn save(&self, value: &T) -> Result<(), StoreError> {
        let encoded = if T::INDENTED { serde_json::to_vec_pretty(value) } else { serde_json::to_vec(value) };
        let mut text = encoded.map_err(|e| StoreError::Invalid(e.to_string()))?;
        text.push(b'\n');
        write_keeping_backup(&self.path, &text).map_err(|source| StoreError::Write { path: self.path.clone(), source })
    }
}

impl<T: Versioned + Default> VersionedFile<T> {
    /// Loads; never fails on bad content (it is moved aside and reported,
    /// and the value starts empty). Fails only when the file cannot be read.
    pub fn load(&self) -> Result<(T, LoadOutcome), StoreError> {
        let (value, outcome) = self.load_with(Ok)?;
        Ok((value.unwrap_or_default(), outcome))
    }

    /// Reads without changing anything (for an app that does not hold the
    /// folder): the value, or an empty one and why the file could not be used.
    pub fn peek(&self) -> Result<(T, Option<String>), StoreError> {
        Ok(match self.read(Ok)? {
            Read::Absent => (T::default(), None),
            Read::Accepted { value, .. } => (value, None),
            Read::Refused { reason } => (T::default(), Some(reason)),
        })
    }
}
