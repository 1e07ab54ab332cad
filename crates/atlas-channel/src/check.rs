//! A check for data updates and the download of an offered pack: mirrors
//! tried in order, the index verified before anything is offered, the pack
//! verified before anything is returned. A mirror that fails or serves
//! something that does not verify is passed over for the next; when none
//! serves a good answer, every mirror's reason is returned.

use serde::{Deserialize, Serialize};

use crate::fetch::{host_of, FetchError, Fetcher, IndexAnswer};
use crate::index::PackIndex;
use crate::verify::{verify_index, verify_offer, TrustedKey, VerifiedPack};
use crate::ChannelError;

/// The last good index, kept so that the next check is a conditional
/// request (`If-None-Match`) answered `304` while nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexCache {
    pub mirror: String,
    pub etag: Option<String>,
    pub index: String,
    pub signature: String,
}

/// What a check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// The channel's pack is the installed one (or older).
    UpToDate { offered: u64 },
    /// A newer pack, its index verified.
    Offer(Box<Offer>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub mirror: String,
    pub index: PackIndex,
    pub index_bytes: Vec<u8>,
    pub index_signature: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub found: Found,
    /// The mirror that answered.
    pub mirror: String,
    /// Bytes of bodies received (headers not counted): 0 for an unchanged index.
    pub body_bytes: u64,
    /// The cache to keep for the next check.
    pub cache: Option<IndexCache>,
    /// Mirrors passed over before one answered, with why.
    pub passed_over: Vec<String>,
}

/// Why nothing came of a check or a download.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpdateError {
    #[error("no mirror is configured")]
    NoMirror,
    #[error("{}", words(.0))]
    AllFailed(Vec<String>),
}

fn words(reasons: &[String]) -> String {
    match reasons {
        [one] => format!("The update could not be used: {one}. Nothing was changed."),
        many => format!("No mirror gave a usable answer ({}). Nothing was changed.", many.join("; ")),
    }
}

/// "HOST: what happened", said once: the closing "Nothing was changed" is the message's own.
fn reason(mirror: &str, e: impl std::fmt::Display) -> String {
    let said = e.to_string();
    let text = said.strip_suffix("; nothing was changed").unwrap_or(&said).to_string();
    let host = host_of(mirror);
    if text.starts_with(&host) {
        text
    } else {
        format!("{host}: {text}")
    }
}

/// Asks each mirror in turn for the index; the first whose answer verifies decides.
pub async fn check(
    fetcher: &Fetcher,
    key: &TrustedKey,
    cache: Option<&IndexCache>,
    installed: u64,
    app_version: &str,
) -> Result<CheckReport, UpdateError> {
    if fetcher.mirrors().is_empty() {
        return Err(UpdateError::NoMirror);
    }
    let mut passed_over = vec![];
    for mirror in fetcher.mirrors() {
        let cached = cache.filter(|c| &c.mirror == mirror);
        match check_mirror(fetcher, key, mirror, cached, installed, app_version).await {
            Ok((found, body_bytes, cache)) => {
                return Ok(CheckReport { found, mirror: mirror.clone(), body_bytes, cache, passed_over });
            }
            Err(why) => passed_over.push(why),
        }
    }
    Err(UpdateError::AllFailed(passed_over))
}

async fn check_mirror(
    fetcher: &Fetcher,
    key: &TrustedKey,
    mirror: &str,
    cached: Option<&IndexCache>,
    installed: u64,
    app_version: &str,
) -> Result<(Found, u64, Option<IndexCache>), String> {
    let mut cached = cached;
    let mut body_bytes = 0u64;
    // At most twice: a second time only when the kept copy behind a 304 no
    // longer verifies (its signature replaced beside an unchanged index, a
    // key rotated), then unconditionally.
    let (index, etag, index_bytes, signature) = loop {
        let answer = fetcher.index(mirror, cached.and_then(|c| c.etag.as_deref())).await.map_err(|e| reason(mirror, e))?;
        let (index_bytes, signature, etag, from_cache) = match (answer, cached) {
            (IndexAnswer::Unchanged, Some(c)) => (c.index.as_bytes().to_vec(), c.signature.clone(), c.etag.clone(), true),
            (IndexAnswer::Unchanged, None) => return Err(reason(mirror, "answered 304 to a request that was not conditional")),
            (IndexAnswer::Changed { bytes, etag }, _) => {
                let signature = fetcher.signature(mirror, "index.json").await.map_err(|e| reason(mirror, e))?;
                let n = u64::try_from(bytes.len().saturating_add(signature.len())).unwrap_or(u64::MAX);
                body_bytes = body_bytes.saturating_add(n);
                (bytes, signature, etag, false)
            }
        };
        match verify_index(key, &index_bytes, &signature, installed, app_version) {
            Ok(index) => break (index, etag, index_bytes, signature),
            // Signed, well formed, and not newer: nothing to offer, and worth keeping for the next check.
            Err(ChannelError::NotNewer { offered, .. }) => {
                let cache = keep(mirror, etag, index_bytes, signature);
                return Ok((Found::UpToDate { offered }, body_bytes, cache));
            }
            Err(_) if from_cache => cached = None,
            Err(e) => return Err(reason(mirror, e)),
        }
    };
    let cache = keep(mirror, etag, index_bytes.clone(), signature.clone());
    Ok((Found::Offer(Box::new(Offer { mirror: mirror.to_string(), index, index_bytes, index_signature: signature })), body_bytes, cache))
}

fn keep(mirror: &str, etag: Option<String>, index: Vec<u8>, signature: String) -> Option<IndexCache> {
    let index = String::from_utf8(index).ok()?;
    Some(IndexCache { mirror: mirror.to_string(), etag, index, signature })
}

/// Downloads the offered pack (from the offer's mirror, then the others)
/// and verifies it whole against the offer's index. Returns it with the
/// mirror it came from.
pub async fn download(
    fetcher: &Fetcher,
    key: &TrustedKey,
    offer: &Offer,
    installed: u64,
    app_version: &str,
) -> Result<(VerifiedPack, String), UpdateError> {
    // The offer's index again first, against what is installed now: nothing is downloaded for an offer that went stale.
    verify_index(key, &offer.index_bytes, &offer.index_signature, installed, app_version)
        .map_err(|e| UpdateError::AllFailed(vec![reason(&offer.mirror, e)]))?;
    let order = std::iter::once(&offer.mirror).chain(fetcher.mirrors().iter().filter(|m| **m != offer.mirror));
    let mut reasons = vec![];
    for mirror in order {
        let fetched: Result<(Vec<u8>, String), FetchError> = async {
            let bytes = fetcher.pack(mirror, &offer.index.file, offer.index.size).await?;
            let signature = fetcher.signature(mirror, &offer.index.file).await?;
            Ok((bytes, signature))
        }
        .await;
        match fetched {
            Ok((bytes, signature)) => {
                match verify_offer(key, &offer.index_bytes, &offer.index_signature, bytes, &signature, installed, app_version) {
                    Ok(pack) => return Ok((pack, mirror.clone())),
                    Err(e) => reasons.push(reason(mirror, e)),
                }
            }
            Err(e) => reasons.push(reason(mirror, e)),
        }
    }
    Err(UpdateError::AllFailed(reasons))
}
