//! The domain's one error type. The app maps it onto its IPC error one to one.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// An id the caller gave names nothing in the dataset.
    #[error("no {kind} with id \"{id}\"")]
    NotFound { kind: &'static str, id: String },
    /// An argument is malformed (a bad date, an over-long string, a bad zone).
    #[error("invalid {what}: {why}")]
    InvalidArgument { what: &'static str, why: String },
    /// The dataset itself is unreadable or inconsistent.
    #[error("dataset error: {0}")]
    Dataset(String),
}

impl DomainError {
    pub fn not_found(kind: &'static str, id: &str) -> DomainError {
        // Ids come from the webview: never echo an unbounded string back.
        let shown: String = id.chars().take(80).collect();
        DomainError::NotFound { kind, id: shown }
    }
    pub fn invalid(what: &'static str, why: impl Into<String>) -> DomainError {
        DomainError::InvalidArgument { what, why: why.into() }
    }
}

impl From<crate::time::TimeError> for DomainError {
    fn from(e: crate::time::TimeError) -> Self {
        DomainError::invalid("time", e.to_string())
    }
}
