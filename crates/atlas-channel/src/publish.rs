//! The publisher's side: a throwaway or real key pair, and signatures in
//! minisign's format (prehashed Ed25519), so that `minisign -V` checks what
//! this writes. The secret key stays with the maintainer: never in the
//! repository (see `docs/data-channel.md` for rotation).

use std::io::Cursor;

use minisign::{KeyPair, PublicKey, PublicKeyBox, SecretKey, SecretKeyBox};

use crate::index::{PackIndex, FORMAT};
use crate::verify::sha256_hex;
use crate::ChannelError;

/// A new key pair; the secret key encrypted with `password` when given (a
/// maintainer's), else unencrypted (tests). Returns the public and secret
/// key files' text, in minisign's format.
pub fn generate_keypair_with(password: Option<String>) -> Result<(String, String), ChannelError> {
    let pair = match password {
        Some(p) => KeyPair::generate_encrypted_keypair(Some(p)),
        None => KeyPair::generate_unencrypted_keypair(),
    }
    .map_err(|e| ChannelError::Signing(e.to_string()))?;
    let public = pair.pk.to_box().map_err(|e| ChannelError::Signing(e.to_string()))?.to_string();
    let secret = pair.sk.to_box(None).map_err(|e| ChannelError::Signing(e.to_string()))?.to_string();
    Ok((public, secret))
}

/// A new unencrypted key pair, for tests.
pub fn generate_keypair() -> Result<(String, String), ChannelError> {
    generate_keypair_with(None)
}

/// Signs `bytes` with the secret key file's text (`password` for an
/// encrypted one); the `.minisig` file's text.
pub fn sign(bytes: &[u8], secret_key: &str, password: Option<String>, trusted_comment: &str) -> Result<String, ChannelError> {
    let sk_box = SecretKeyBox::from_string(secret_key).map_err(|e| ChannelError::Signing(e.to_string()))?;
    // Never a prompt: an encrypted key needs its password given.
    let sk = match password {
        Some(password) => SecretKey::from_box(sk_box, Some(password)),
        None => SecretKey::from_unencrypted_box(sk_box),
    }
    .map_err(|e| ChannelError::Signing(format!("{e} (an encrypted key needs its password)")))?;
    let signature = minisign::sign(None, &sk, Cursor::new(bytes), Some(trusted_comment), Some("Minerals Atlas data channel"))
        .map_err(|e| ChannelError::Signing(e.to_string()))?;
    Ok(signature.to_string())
}

/// The public key of a public key file's text, checked.
pub fn public_key_line(public_key: &str) -> Result<String, ChannelError> {
    let pk_box = PublicKeyBox::from_string(public_key).map_err(|e| ChannelError::BadKey(e.to_string()))?;
    let pk = PublicKey::from_box(pk_box).map_err(|e| ChannelError::BadKey(e.to_string()))?;
    Ok(pk.to_base64())
}

/// What a publication writes beside each other on the channel.
pub struct Publication {
    pub index: PackIndex,
    pub index_json: String,
    pub index_signature: String,
    pub pack_signature: String,
}

/// What the index says of a pack, besides its size and hash.
pub struct Release<'a> {
    pub file: &'a str,
    pub pack_version: u64,
    pub date: &'a str,
    pub min_app_version: &'a str,
    pub summary: &'a str,
}

/// Signs a pack and writes its index (signed too).
pub fn publish(pack: &[u8], release: &Release, secret_key: &str, password: Option<String>) -> Result<Publication, ChannelError> {
    let (pack_version, date, file) = (release.pack_version, release.date, release.file);
    let index = PackIndex {
        format: FORMAT.into(),
        pack_version,
        date: date.into(),
        file: file.into(),
        size: u64::try_from(pack.len()).unwrap_or(u64::MAX),
        sha256: sha256_hex(pack),
        min_app_version: release.min_app_version.into(),
        summary: release.summary.into(),
    };
    let index_json = index.to_json();
    // The index is checked as the app will read it before anything is signed.
    PackIndex::parse(index_json.as_bytes())?;
    let comment = format!("minerals-atlas pack {pack_version} {date} {file}");
    let pack_signature = sign(pack, secret_key, password.clone(), &comment)?;
    let index_signature = sign(index_json.as_bytes(), secret_key, password, &format!("minerals-atlas index {pack_version} {date}"))?;
    Ok(Publication { index, index_json, index_signature, pack_signature })
}
