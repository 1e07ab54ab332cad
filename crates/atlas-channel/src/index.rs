//! The channel's index: which pack is current, how big it is, its SHA-256,
//! the app version it needs, and what changed in one line. A few hundred
//! bytes, so an unchanged check costs little; signed like a pack.

use serde::{Deserialize, Serialize};

use crate::ChannelError;

/// The format's name, checked on read.
pub const FORMAT: &str = "minerals-atlas-pack-index";
/// More than any index needs: a larger file is refused unread.
pub const MAX_INDEX_BYTES: usize = 16 * 1024;
/// The largest pack an index may offer (the import's own limit is 50 MiB).
pub const MAX_PACK_BYTES: u64 = 50 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackIndex {
    pub format: String,
    /// Increases with every pack published; the app refuses one not newer than its own.
    pub pack_version: u64,
    /// The day it was published (YYYY-MM-DD).
    pub date: String,
    /// The pack's file name beside the index (no folders).
    pub file: String,
    pub size: u64,
    /// Lower-case hex.
    pub sha256: String,
    /// The oldest app that reads the pack ("0.1.0").
    pub min_app_version: String,
    /// What changed, in one line.
    pub summary: String,
}

impl PackIndex {
    /// Reads an index, strictly: size-limited, known fields only, each checked.
    pub fn parse(bytes: &[u8]) -> Result<PackIndex, ChannelError> {
        if bytes.len() > MAX_INDEX_BYTES {
            return Err(ChannelError::MalformedIndex(format!("{} bytes, more than an index can be ({MAX_INDEX_BYTES})", bytes.len())));
        }
        let index: PackIndex = serde_json::from_slice(bytes).map_err(|e| ChannelError::MalformedIndex(e.to_string()))?;
        if index.format != FORMAT {
            return Err(ChannelError::MalformedIndex(format!("format is not \"{FORMAT}\"")));
        }
        let plain_name = !index.file.is_empty()
            && index.file.len() <= 128
            && index.file.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            && !index.file.starts_with('.');
        if !plain_name {
            return Err(ChannelError::MalformedIndex("the pack's file name must be a plain name (letters, digits, - _ .)".into()));
        }
        if index.sha256.len() != 64 || !index.sha256.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()) {
            return Err(ChannelError::MalformedIndex("sha256 must be 64 lower-case hex digits".into()));
        }
        if index.size > MAX_PACK_BYTES {
            return Err(ChannelError::MalformedIndex(format!(
                "a pack of {} bytes is more than the app takes ({MAX_PACK_BYTES})",
                index.size
            )));
        }
        if parse_version(&index.min_app_version).is_none() {
            return Err(ChannelError::MalformedIndex("min_app_version must look like 0.1.0".into()));
        }
        if chrono_like_date(&index.date).is_none() {
            return Err(ChannelError::MalformedIndex("date must be YYYY-MM-DD".into()));
        }
        if index.summary.chars().count() > 300 || index.summary.contains(['\n', '\r']) {
            return Err(ChannelError::MalformedIndex("the summary must be one line of at most 300 characters".into()));
        }
        Ok(index)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// "0.1.0" as (0, 1, 0); `None` for anything else.
pub fn parse_version(text: &str) -> Option<(u64, u64, u64)> {
    let mut parts = text.split('.').map(|p| if p.is_empty() || p.len() > 9 { None } else { p.parse::<u64>().ok() });
    let v = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(v)
}

fn chrono_like_date(text: &str) -> Option<(u32, u32, u32)> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> PackIndex {
        PackIndex {
            format: FORMAT.into(),
            pack_version: 3,
            date: "2026-12-07".into(),
            file: "pack-3.json".into(),
            size: 1234,
            sha256: "a".repeat(64),
            min_app_version: "0.1.0".into(),
            summary: "PMIF 2026 outcomes".into(),
        }
    }

    #[test]
    fn a_good_index_round_trips() {
        let i = good();
        assert_eq!(PackIndex::parse(i.to_json().as_bytes()).unwrap(), i);
    }

    #[test]
    fn a_bad_index_is_refused_with_the_reason() {
        let bad = |f: &dyn Fn(&mut PackIndex)| {
            let mut i = good();
            f(&mut i);
            PackIndex::parse(i.to_json().as_bytes()).unwrap_err().to_string()
        };
        assert!(bad(&|i| i.format = "other".into()).contains("format"));
        assert!(bad(&|i| i.file = "../etc/passwd".into()).contains("plain name"));
        assert!(bad(&|i| i.file = ".hidden".into()).contains("plain name"));
        assert!(bad(&|i| i.sha256 = "A".repeat(64)).contains("sha256"));
        assert!(bad(&|i| i.sha256 = "ab".into()).contains("sha256"));
        assert!(bad(&|i| i.min_app_version = "latest".into()).contains("min_app_version"));
        assert!(bad(&|i| i.date = "7 December".into()).contains("date"));
        assert!(bad(&|i| i.summary = "two\nlines".into()).contains("one line"));
        assert!(PackIndex::parse(b"not json").is_err());
        assert!(PackIndex::parse(br#"{"format":"minerals-atlas-pack-index"}"#).is_err(), "fields missing");
        let mut extra = serde_json::to_value(good()).unwrap();
        extra["url"] = "http://elsewhere".into();
        assert!(PackIndex::parse(extra.to_string().as_bytes()).is_err(), "unknown fields are refused");
        assert!(PackIndex::parse(&vec![b' '; MAX_INDEX_BYTES + 1]).unwrap_err().to_string().contains("more than"));
    }

    #[test]
    fn versions() {
        assert_eq!(parse_version("0.1.0"), Some((0, 1, 0)));
        assert_eq!(parse_version("10.20.30"), Some((10, 20, 30)));
        assert_eq!(parse_version("1.2"), None);
        assert_eq!(parse_version("1.2.3.4"), None);
        assert_eq!(parse_version("1..3"), None);
        assert_eq!(parse_version("99999999999999999999.0.0"), None);
    }
}
