//! Fresh data without reinstalling: data packs published on plain static
//! hosting, each with a detached minisign signature (Ed25519 over the file's
//! BLAKE2b-512, the format the standard `minisign` tool reads), listed in a
//! small signed index. The app trusts one public key, built in; a pack is
//! used only when the index and the pack verify against it, the pack's
//! bytes match the index's size and SHA-256, and its version is newer than
//! the one installed (a replayed older pack is refused).
//!
//! - [`index`]: the index's shape, read strictly and with a size limit.
//! - [`verify`]: signatures against the trusted key; the whole offer checked.
//! - `publish` (feature `publish`): key generation and signing, for the
//!   generator's `pack` command; never built into the app.
//!
//! - `fetch` and `check` (feature `fetch`, the app's): HTTPS from a list of
//!   mirrors with a size limit, timeouts and conditional requests; the
//!   check and the download, each verified before it is returned.
//! - `loopback` (feature `loopback`): the loopback HTTPS mirror that tests
//!   run against; test support, never the app's.
//!
//! Plain Rust: no Tauri. Without the `fetch` feature, no network.

// Bytes from the network or a USB stick: no byte-index slicing, unchecked
// indexing or unwrap on them.
#![cfg_attr(not(test), deny(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic))]

#[cfg(feature = "fetch")]
pub mod check;
#[cfg(feature = "fetch")]
pub mod fetch;
pub mod index;
#[cfg(feature = "loopback")]
pub mod loopback;
#[cfg(feature = "publish")]
pub mod publish;
pub mod verify;

pub use index::PackIndex;
pub use verify::{verify_file_pack, verify_offer, TrustedKey, VerifiedPack};

/// Why an offered pack is not used. Each says what to do, and none changes anything.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChannelError {
    #[error("the update index is not readable: {0}")]
    MalformedIndex(String),
    #[error("the signature file is not a minisign signature: {0}")]
    MalformedSignature(String),
    #[error("the {0} is signed with a key this app does not trust; nothing was changed")]
    UnknownKey(&'static str),
    #[error("the {0}'s signature does not verify: the file was altered or damaged; nothing was changed")]
    BadSignature(&'static str),
    #[error("the pack is {got} bytes but the index says {want}: it was cut short or replaced; nothing was changed")]
    SizeMismatch { got: u64, want: u64 },
    #[error("the pack's SHA-256 is not the index's: it was altered or replaced; nothing was changed")]
    HashMismatch,
    /// `floor`: the version an offer must exceed (newer than the installed
    /// pack, not older than the newest applied before).
    #[error("pack version {offered} is refused: this app takes only packs newer than version {floor} (an old pack offered again is refused); nothing was changed")]
    NotNewer { offered: u64, floor: u64 },
    #[error("this pack needs Minerals Atlas {needs} or newer (this is {have}): update the app first")]
    AppTooOld { needs: String, have: String },
    #[error("the trusted public key is not readable: {0}")]
    BadKey(String),
    #[error("signing failed: {0}")]
    Signing(String),
}
