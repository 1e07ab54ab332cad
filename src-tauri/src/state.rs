//! The state the commands share: the dataset, parsed once at start-up.

use std::sync::Arc;
use std::time::{Duration, Instant};

use atlas_domain::{Atlas, DomainError};

pub struct AtlasState(pub Arc<Atlas>);

impl AtlasState {
    /// Parses the embedded dataset; returns how long that took.
    pub fn load_embedded() -> Result<(AtlasState, Duration), DomainError> {
        let started = Instant::now();
        let atlas = Atlas::embedded()?;
        Ok((AtlasState(Arc::new(atlas)), started.elapsed()))
    }
}
