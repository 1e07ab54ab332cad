//! The one error type commands return. Serialised for the webview as
//! `{ "code": "not_found", "message": "no country with id \"XYZ\"" }`.

use atlas_domain::DomainError;
use serde::ser::SerializeStruct;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error(transparent)]
    Store(#[from] atlas_store::StoreError),
    #[error("{0}")]
    Export(String),
    #[error(transparent)]
    Import(#[from] atlas_import::ImportError),
    /// Another running Minerals Atlas holds the data folder: this one saves nothing.
    #[error("{0}")]
    FolderInUse(String),
    /// Work on the blocking pool stopped without an answer (it panicked or
    /// the runtime is shutting down). Nothing was changed.
    #[error("{0} stopped unexpectedly; nothing was changed")]
    Interrupted(&'static str),
    /// The data channel or the app updater: a fetch, a signature, an offer.
    #[error("{0}")]
    Channel(String),
}

impl AppError {
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Domain(DomainError::NotFound { .. }) => "not_found",
            AppError::Domain(DomainError::InvalidArgument { .. }) => "invalid_argument",
            AppError::Domain(DomainError::Dataset(_)) => "dataset",
            AppError::Store(atlas_store::StoreError::Invalid(_)) => "invalid_argument",
            AppError::Store(_) => "storage",
            AppError::Export(_) => "export",
            AppError::Import(_) => "import",
            AppError::FolderInUse(_) => "folder_in_use",
            AppError::Interrupted(_) => "interrupted",
            AppError::Channel(_) => "channel",
        }
    }
}

impl serde::Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("AppError", 2)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("message", &self.to_string())?;
        st.end()
    }
}

pub type AppResult<T> = Result<T, AppError>;
