//! Publish with a throwaway key, verify as the app does, and refuse every
//! kind of bad offer; the standard `minisign` tool checks what was signed.

use std::process::Command;

use atlas_channel::publish::{generate_keypair, public_key_line, publish, sign, Release};
use atlas_channel::{verify_offer, ChannelError, TrustedKey};

const APP: &str = "0.1.0";

fn pack() -> Vec<u8> {
    atlas_domain_like_pack()
}

/// Any bytes can be a pack here; the app's import path checks the content.
fn atlas_domain_like_pack() -> Vec<u8> {
    br#"{"schema_version":1,"dataset_version":"test-pack","note":"Caf\u00e9 \u2014 fresh facts"}"#.to_vec()
}

struct Channel {
    public: String,
    secret: String,
}

fn channel() -> Channel {
    let (public, secret) = generate_keypair().unwrap();
    Channel { public, secret }
}

#[test]
fn a_published_pack_verifies_and_is_handed_over_whole() {
    let c = channel();
    let p = publish(
        &pack(),
        &Release { file: "pack-3.json", pack_version: 3, date: "2026-12-07", min_app_version: "0.1.0", summary: "PMIF 2026 outcomes" },
        &c.secret,
        None,
    )
    .unwrap();
    let key = TrustedKey::parse(&c.public).unwrap();
    let ok = verify_offer(&key, p.index_json.as_bytes(), &p.index_signature, pack(), &p.pack_signature, 2, APP).unwrap();
    assert_eq!(ok.bytes, pack());
    assert_eq!(ok.index.pack_version, 3);
    assert_eq!(ok.index.summary, "PMIF 2026 outcomes");
    // The key as its bare base64 line works too.
    let bare = TrustedKey::parse(&public_key_line(&c.public).unwrap()).unwrap();
    assert!(verify_offer(&bare, p.index_json.as_bytes(), &p.index_signature, pack(), &p.pack_signature, 0, APP).is_ok());
}

#[test]
fn the_standard_minisign_tool_verifies_what_was_signed() {
    let c = channel();
    let p = publish(
        &pack(),
        &Release { file: "pack-1.json", pack_version: 1, date: "2026-12-07", min_app_version: "0.1.0", summary: "first" },
        &c.secret,
        None,
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("atlas-channel-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("pack-1.json"), pack()).unwrap();
    std::fs::write(dir.join("pack-1.json.minisig"), &p.pack_signature).unwrap();
    std::fs::write(dir.join("index.json"), &p.index_json).unwrap();
    std::fs::write(dir.join("index.json.minisig"), &p.index_signature).unwrap();
    std::fs::write(dir.join("key.pub"), &c.public).unwrap();
    for file in ["pack-1.json", "index.json"] {
        let out = Command::new("minisign")
            .args(["-V", "-p"])
            .arg(dir.join("key.pub"))
            .arg("-m")
            .arg(dir.join(file))
            .output()
            .unwrap_or_else(|e| panic!("minisign (Debian package minisign) checks the signatures: run scripts/setup.sh test ({e})"));
        assert!(
            out.status.success(),
            "minisign -V {file}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("Signature and comment signature verified"));
    }
    // And refuses a flipped byte, as the app does.
    let mut flipped = pack();
    flipped[5] ^= 0x01;
    std::fs::write(dir.join("pack-1.json"), &flipped).unwrap();
    let out = Command::new("minisign").args(["-V", "-p"]).arg(dir.join("key.pub")).arg("-m").arg(dir.join("pack-1.json")).output().unwrap();
    assert!(!out.status.success(), "minisign refuses the altered file");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_bad_offer_is_refused_with_its_reason() {
    let c = channel();
    let other = channel();
    let key = TrustedKey::parse(&c.public).unwrap();
    let p = publish(
        &pack(),
        &Release { file: "pack-3.json", pack_version: 3, date: "2026-12-07", min_app_version: "0.1.0", summary: "three" },
        &c.secret,
        None,
    )
    .unwrap();
    let offer = |index: &[u8], index_sig: &str, bytes: Vec<u8>, sig: &str, installed: u64| {
        verify_offer(&key, index, index_sig, bytes, sig, installed, APP)
    };

    // A flipped byte in the pack: its hash no longer matches the index.
    let mut flipped = pack();
    flipped[10] ^= 0x20;
    assert_eq!(offer(p.index_json.as_bytes(), &p.index_signature, flipped, &p.pack_signature, 0), Err(ChannelError::HashMismatch));
    // Cut short.
    let short = pack()[..20].to_vec();
    assert!(matches!(
        offer(p.index_json.as_bytes(), &p.index_signature, short, &p.pack_signature, 0),
        Err(ChannelError::SizeMismatch { .. })
    ));
    // A flipped byte in the index: its signature fails.
    let mut index = p.index_json.clone().into_bytes();
    let at = index.iter().position(|&b| b == b'3').unwrap();
    index[at] = b'9';
    assert_eq!(offer(&index, &p.index_signature, pack(), &p.pack_signature, 0), Err(ChannelError::BadSignature("index")));
    // Signed by another key: index, or pack.
    let theirs = publish(
        &pack(),
        &Release { file: "pack-3.json", pack_version: 3, date: "2026-12-07", min_app_version: "0.1.0", summary: "three" },
        &other.secret,
        None,
    )
    .unwrap();
    assert_eq!(
        offer(theirs.index_json.as_bytes(), &theirs.index_signature, pack(), &theirs.pack_signature, 0),
        Err(ChannelError::UnknownKey("index"))
    );
    assert_eq!(
        offer(p.index_json.as_bytes(), &p.index_signature, pack(), &theirs.pack_signature, 0),
        Err(ChannelError::UnknownKey("pack"))
    );
    // A replayed older (or the same) pack.
    assert_eq!(
        offer(p.index_json.as_bytes(), &p.index_signature, pack(), &p.pack_signature, 3),
        Err(ChannelError::NotNewer { offered: 3, floor: 3 })
    );
    assert_eq!(
        offer(p.index_json.as_bytes(), &p.index_signature, pack(), &p.pack_signature, 7),
        Err(ChannelError::NotNewer { offered: 3, floor: 7 })
    );
    // A signature that is not one, and a signed index that is not an index.
    assert!(matches!(offer(p.index_json.as_bytes(), "garbage", pack(), &p.pack_signature, 0), Err(ChannelError::MalformedSignature(_))));
    assert!(matches!(
        offer(p.index_json.as_bytes(), &"x".repeat(100_000), pack(), &p.pack_signature, 0),
        Err(ChannelError::MalformedSignature(_))
    ));
    let not_index = b"{\"hello\": 1}";
    let not_index_sig = sign(not_index, &c.secret, None, "t").unwrap();
    assert!(matches!(offer(not_index, &not_index_sig, pack(), &p.pack_signature, 0), Err(ChannelError::MalformedIndex(_))));
    // A pack for a newer app.
    let newer = publish(
        &pack(),
        &Release { file: "pack-4.json", pack_version: 4, date: "2026-12-07", min_app_version: "9.0.0", summary: "needs a newer app" },
        &c.secret,
        None,
    )
    .unwrap();
    assert!(matches!(
        verify_offer(&key, newer.index_json.as_bytes(), &newer.index_signature, pack(), &newer.pack_signature, 0, APP),
        Err(ChannelError::AppTooOld { .. })
    ));
    // Each reason is a sentence a person can act on.
    for e in [ChannelError::HashMismatch, ChannelError::UnknownKey("pack"), ChannelError::NotNewer { offered: 1, floor: 2 }] {
        assert!(e.to_string().len() > 30, "{e}");
    }
}

#[test]
fn a_key_that_is_not_one_is_a_clear_error() {
    assert!(matches!(TrustedKey::parse(""), Err(ChannelError::BadKey(_))));
    assert!(matches!(TrustedKey::parse("untrusted comment: x\nnot base64!"), Err(ChannelError::BadKey(_))));
    assert!(matches!(public_key_line("junk"), Err(ChannelError::BadKey(_))));
}

#[test]
fn a_key_file_with_two_keys_trusts_both_while_a_key_is_rotated() {
    let (old_public, old_secret) = generate_keypair().unwrap();
    let (new_public, new_secret) = generate_keypair().unwrap();
    let both = TrustedKey::parse(&format!("{old_public}{new_public}")).unwrap();
    let bytes = b"a pack";
    for secret in [&old_secret, &new_secret] {
        let signature = sign(bytes, secret, None, "minerals-atlas pack 1 2026-12-07 pack-1.json").unwrap();
        assert!(both.verify("pack", bytes, &signature).is_ok());
    }
    let (_, stranger) = generate_keypair().unwrap();
    let signature = sign(bytes, &stranger, None, "x").unwrap();
    assert_eq!(both.verify("pack", bytes, &signature), Err(ChannelError::UnknownKey("pack")));
    assert!(TrustedKey::parse("untrusted comment: only a comment\n").is_err());
    assert!(TrustedKey::parse(&format!("{old_public}not a key\n")).is_err(), "a bad line is an error, not skipped");
}
