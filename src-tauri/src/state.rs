//! The state the commands share: the atlas being shown. It starts as the
//! embedded dataset, parsed once; an import or an undo swaps in a new one
//! whole, so a query sees either the old data or the new, never a mix.

use std::sync::{Arc, OnceLock, RwLock};
use std::time::{Duration, Instant};

use atlas_domain::model::Dataset;
use atlas_domain::{Atlas, DomainError};

pub struct AtlasState {
    current: RwLock<Arc<Atlas>>,
    /// The embedded dataset, which imports extend; parsed again only when
    /// an import needs it, so start-up does not pay for a second copy.
    embedded: OnceLock<Arc<Dataset>>,
    /// A fixed "now" for statuses (`MINERALS_ATLAS_NOW`, RFC 3339): the
    /// tests' clock. Unset, the system clock is read at every query.
    fixed_now: Option<chrono::DateTime<chrono::Utc>>,
}

/// The test hook for the clock: an RFC 3339 time, or nothing (system clock).
fn clock_from_env() -> Option<chrono::DateTime<chrono::Utc>> {
    let text = std::env::var("MINERALS_ATLAS_NOW").ok()?;
    match chrono::DateTime::parse_from_rfc3339(text.trim()) {
        Ok(t) => Some(t.with_timezone(&chrono::Utc)),
        Err(e) => {
            eprintln!("minerals-atlas: MINERALS_ATLAS_NOW=\"{text}\" is not RFC 3339 ({e}); using the system clock");
            None
        }
    }
}

impl AtlasState {
    /// Parses the embedded dataset; returns how long that took.
    pub fn load_embedded() -> Result<(AtlasState, Duration), DomainError> {
        let started = Instant::now();
        let fixed_now = clock_from_env();
        let atlas = Atlas::embedded()?.with_now(fixed_now);
        Ok((AtlasState { current: RwLock::new(Arc::new(atlas)), embedded: OnceLock::new(), fixed_now }, started.elapsed()))
    }

    /// The atlas to answer from (cheap: a shared pointer).
    pub fn get(&self) -> Arc<Atlas> {
        self.current.read().map(|a| a.clone()).unwrap_or_else(|p| p.into_inner().clone())
    }

    pub fn replace(&self, atlas: Atlas) {
        let mut guard = self.current.write().unwrap_or_else(|p| p.into_inner());
        *guard = Arc::new(atlas.with_now(self.fixed_now));
    }

    pub fn embedded(&self) -> Arc<Dataset> {
        self.embedded
            .get_or_init(|| {
                Arc::new(serde_json::from_str(atlas_domain::EMBEDDED_DATASET).expect("the embedded dataset parsed at start-up"))
            })
            .clone()
    }
}
