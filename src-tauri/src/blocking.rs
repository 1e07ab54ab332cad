//! Work that blocks (reading and parsing a file, rebuilding the whole atlas,
//! saving with fsync, writing an export, a native dialog) leaves the async
//! runtime's workers the same way everywhere: on tokio's blocking pool, so
//! the window's other requests keep being answered meanwhile. Queries of
//! the in-memory atlas stay on the workers: they take microseconds.

use crate::error::{AppError, AppResult};

/// Runs `work` on the blocking pool; `what` names it if it never answers.
pub async fn run<T: Send + 'static>(what: &'static str, work: impl FnOnce() -> AppResult<T> + Send + 'static) -> AppResult<T> {
    tokio::task::spawn_blocking(work).await.map_err(|_| AppError::Interrupted(what))?
}
