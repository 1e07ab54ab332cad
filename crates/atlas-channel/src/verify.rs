//! Signatures against the one trusted key, and the whole offer (index and
//! pack) checked before anything is used.

use minisign_verify::{Error as MinisignError, PublicKey, Signature};
use sha2::{Digest, Sha256};

use crate::index::{parse_version, PackIndex};
use crate::ChannelError;

/// The public keys the app trusts (one, or two while a key is rotated),
/// each parsed from a minisign public key file's text (its comment line and
/// its base64 line) or the base64 line alone.
pub struct TrustedKey {
    keys: Vec<PublicKey>,
}

impl TrustedKey {
    /// Every key in `text`: one per line, comment lines skipped, so a
    /// rotation appends the new key's two lines to the file.
    pub fn parse(text: &str) -> Result<TrustedKey, ChannelError> {
        let lines = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("untrusted comment:"));
        let keys =
            lines.map(|l| PublicKey::from_base64(l).map_err(|e| ChannelError::BadKey(e.to_string()))).collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err(ChannelError::BadKey("no key in the text".into()));
        }
        Ok(TrustedKey { keys })
    }

    /// These keys and `other`'s: a signature by any of them verifies.
    pub fn and(mut self, other: TrustedKey) -> TrustedKey {
        self.keys.extend(other.keys);
        self
    }

    /// Checks `signature` (a `.minisig` file's text) over `bytes`. `what`
    /// names the file in the error ("index", "pack"). Only prehashed
    /// signatures (minisign's default since 0.8) are accepted. Returns the
    /// signature's trusted comment.
    pub fn verify(&self, what: &'static str, bytes: &[u8], signature: &str) -> Result<String, ChannelError> {
        if signature.len() > 4096 {
            return Err(ChannelError::MalformedSignature(format!("{} bytes, more than a signature can be", signature.len())));
        }
        let sig = Signature::decode(signature).map_err(|e| ChannelError::MalformedSignature(e.to_string()))?;
        // A key whose id is not the signature's is skipped; the first whose id matches decides.
        let mut outcome = Err(ChannelError::UnknownKey(what));
        for key in &self.keys {
            outcome = match key.verify(bytes, &sig, false) {
                Ok(()) => return Ok(sig.trusted_comment().to_string()),
                Err(MinisignError::UnexpectedKeyId) => continue,
                Err(MinisignError::UnexpectedAlgorithm | MinisignError::UnsupportedAlgorithm) => {
                    Err(ChannelError::MalformedSignature("a legacy (not prehashed) signature; sign with a current minisign".into()))
                }
                Err(_) => Err(ChannelError::BadSignature(what)),
            };
            break;
        }
        outcome
    }
}

/// A pack that passed every check, ready for the app's import path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedPack {
    pub index: PackIndex,
    pub bytes: Vec<u8>,
}

/// Everything an offered pack must pass, in order: the index's signature
/// and shape, the app's version, the pack's version against the installed
/// one, then the pack's size, hash and signature.
pub fn verify_offer(
    key: &TrustedKey,
    index_bytes: &[u8],
    index_signature: &str,
    pack_bytes: Vec<u8>,
    pack_signature: &str,
    installed_version: u64,
    app_version: &str,
) -> Result<VerifiedPack, ChannelError> {
    let index = verify_index(key, index_bytes, index_signature, installed_version, app_version)?;
    verify_pack(key, index, pack_bytes, pack_signature)
}

/// The index alone: signed, well formed, for this app, newer than what is installed.
pub fn verify_index(
    key: &TrustedKey,
    index_bytes: &[u8],
    index_signature: &str,
    installed_version: u64,
    app_version: &str,
) -> Result<PackIndex, ChannelError> {
    key.verify("index", index_bytes, index_signature)?;
    let index = PackIndex::parse(index_bytes)?;
    let needs = parse_version(&index.min_app_version);
    let have = parse_version(app_version);
    if let (Some(needs), Some(have)) = (needs, have) {
        if needs > have {
            return Err(ChannelError::AppTooOld { needs: index.min_app_version.clone(), have: app_version.to_string() });
        }
    }
    if index.pack_version <= installed_version {
        return Err(ChannelError::NotNewer { offered: index.pack_version, floor: installed_version });
    }
    Ok(index)
}

/// The pack against its (already verified) index and its own signature.
pub fn verify_pack(key: &TrustedKey, index: PackIndex, bytes: Vec<u8>, signature: &str) -> Result<VerifiedPack, ChannelError> {
    let got = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if got != index.size {
        return Err(ChannelError::SizeMismatch { got, want: index.size });
    }
    if sha256_hex(&bytes) != index.sha256 {
        return Err(ChannelError::HashMismatch);
    }
    key.verify("pack", &bytes, signature)?;
    Ok(VerifiedPack { index, bytes })
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// What a pack's own signature says of it (the publisher writes
/// "minerals-atlas pack N DATE FILE" as its trusted comment): the version
/// and date, for a pack that arrives as a file with its `.minisig`.
pub fn pack_comment(trusted_comment: &str) -> Result<(u64, String), ChannelError> {
    let mut words = trusted_comment.split_whitespace();
    match (words.next(), words.next(), words.next(), words.next()) {
        (Some("minerals-atlas"), Some("pack"), Some(version), Some(date)) => match version.parse::<u64>() {
            Ok(v) => Ok((v, date.chars().take(10).collect())),
            Err(_) => Err(ChannelError::MalformedSignature("the signature does not name a pack version".into())),
        },
        _ => Err(ChannelError::MalformedSignature("the signature is not a Minerals Atlas pack's".into())),
    }
}

/// A pack from a file with its signature beside it: signed by a trusted
/// key, and newer than the installed pack. Returns its version and date.
pub fn verify_file_pack(key: &TrustedKey, bytes: &[u8], signature: &str, installed_version: u64) -> Result<(u64, String), ChannelError> {
    let comment = key.verify("pack", bytes, signature)?;
    let (version, date) = pack_comment(&comment)?;
    if version <= installed_version {
        return Err(ChannelError::NotNewer { offered: version, floor: installed_version });
    }
    Ok((version, date))
}
