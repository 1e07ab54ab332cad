//! What the app keeps on disk: the user's own data (`user_data`), the one
//! mechanism for versioned files (`versioned`: version gate, migration,
//! move-aside, atomic save), and safe file operations (`files`). Every save
//! is atomic (temporary file, fsync, rename, fsync of the folder), so a crash
//! or power loss leaves the old state or the new one, never a broken file.

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

mod files;
mod user_data;
pub mod versioned;

pub use files::{move_aside, read_regular_file, write_atomically, write_keeping_backup, FolderLock, LOCK_FILE_NAME};
pub use user_data::*;
pub use versioned::{LoadOutcome, Read, Versioned, VersionedFile};

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot save your data in {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("cannot read your data in {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Invalid(String),
}
