//! Files the user asked for (the agenda's `.ics`, a data pack): written
//! atomically like the app's own files, so a failed export never leaves a
//! half-written file where an earlier one was.

use std::path::Path;

use crate::error::{AppError, AppResult};

pub fn write(path: &Path, bytes: &[u8]) -> AppResult<()> {
    atlas_store::write_atomically(path, bytes).map_err(|e| AppError::Export(format!("cannot write {}: {e}", path.display())))
}
