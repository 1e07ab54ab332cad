//! The app's side of the channel against a real HTTPS server on loopback
//! (`tests/channel/serve.mjs`, a test CA made with openssl and trusted only
//! through this test's `FetchConfig`): a check, an unchanged check that
//! costs no body, a download, and each way a network or mirror fails.

use std::path::{Path, PathBuf};
use std::time::Duration;

use atlas_channel::check::{check, download, Found, IndexCache, UpdateError};
use atlas_channel::fetch::{FetchConfig, Fetcher};
use atlas_channel::loopback::LoopbackMirror;
use atlas_channel::publish::{generate_keypair, publish, sign, Release};
use atlas_channel::TrustedKey;

const APP: &str = "0.1.0";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn serve(dir: &Path, certs: &Path, mode: &str) -> LoopbackMirror {
    LoopbackMirror::start(&repo().join("tests/channel/serve.mjs"), dir, certs, &[mode]).unwrap()
}

struct Published {
    dir: tempfile::TempDir,
    certs: PathBuf,
    key: String,
    secret: String,
    pack: Vec<u8>,
}

fn published(version: u64) -> Published {
    let dir = tempfile::tempdir().unwrap();
    let certs = dir.path().join("certs");
    let (public, secret) = generate_keypair().unwrap();
    let pack = format!("{{\"schema_version\":1,\"dataset_version\":\"test-{version}\",\"pad\":\"{}\"}}", "x".repeat(5000)).into_bytes();
    write_release(dir.path(), &pack, version, &secret);
    Published { dir, certs, key: public, secret, pack }
}

fn write_release(dir: &Path, pack: &[u8], version: u64, secret: &str) {
    let file = format!("pack-{version}.json");
    let release =
        Release { file: &file, pack_version: version, date: "2026-12-07", min_app_version: "0.1.0", summary: "PMIF 2026 outcomes" };
    let p = publish(pack, &release, secret, None).unwrap();
    std::fs::write(dir.join(&file), pack).unwrap();
    std::fs::write(dir.join(format!("{file}.minisig")), &p.pack_signature).unwrap();
    std::fs::write(dir.join("index.json"), &p.index_json).unwrap();
    std::fs::write(dir.join("index.json.minisig"), &p.index_signature).unwrap();
}

fn fetcher(p: &Published, mirrors: Vec<String>) -> Fetcher {
    let mut config = FetchConfig::new(mirrors);
    config.extra_roots_pem = vec![std::fs::read(p.certs.join("ca.crt")).unwrap()];
    config.small_timeout = Duration::from_secs(2);
    config.pack_timeout = Duration::from_secs(2);
    config.connect_timeout = Duration::from_secs(2);
    Fetcher::new(config).unwrap()
}

fn url(s: &LoopbackMirror) -> String {
    s.url()
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

fn check_now(
    f: &Fetcher,
    p: &Published,
    cache: Option<&IndexCache>,
    installed: u64,
) -> Result<atlas_channel::check::CheckReport, UpdateError> {
    rt().block_on(check(f, &TrustedKey::parse(&p.key).unwrap(), cache, installed, APP))
}

fn failure(p: &Published, mode: &str) -> String {
    let server = serve(p.dir.path(), &p.certs, mode);
    let err = check_now(&fetcher(p, vec![url(&server)]), p, None, 0).unwrap_err();
    err.to_string()
}

#[test]
fn a_check_offers_a_newer_pack_an_unchanged_check_costs_no_body_and_the_download_verifies() {
    let p = published(3);
    let server = serve(p.dir.path(), &p.certs, "normal");
    let f = fetcher(&p, vec![url(&server)]);
    let first = check_now(&f, &p, None, 0).unwrap();
    let Found::Offer(offer) = &first.found else { panic!("{:?}", first.found) };
    assert_eq!(offer.index.pack_version, 3);
    assert_eq!(offer.index.summary, "PMIF 2026 outcomes");
    assert!(first.body_bytes > 300 && first.body_bytes < 2000, "index and signature: {} bytes", first.body_bytes);
    let cache = first.cache.clone().unwrap();
    assert!(cache.etag.is_some(), "the server's ETag is kept");
    // Unchanged: answered 304, no body, the same offer from the kept index.
    let again = check_now(&f, &p, Some(&cache), 0).unwrap();
    assert_eq!(again.body_bytes, 0);
    assert_eq!(again.found, first.found);
    // Installed already: up to date, not an error; an older installed one is offered.
    assert_eq!(check_now(&f, &p, Some(&cache), 3).unwrap().found, Found::UpToDate { offered: 3 });
    assert_eq!(check_now(&f, &p, Some(&cache), 5).unwrap().found, Found::UpToDate { offered: 3 }, "a replayed older pack is not offered");
    let (pack, from) = rt().block_on(download(&f, &TrustedKey::parse(&p.key).unwrap(), offer, 0, APP)).unwrap();
    assert_eq!(pack.bytes, p.pack);
    assert_eq!(from, url(&server));
    // The index's signature replaced beside an unchanged index (a key rotated):
    // the kept copy no longer verifies, and the check asks again without the ETag.
    let (public2, secret2) = generate_keypair().unwrap();
    let index = std::fs::read(p.dir.path().join("index.json")).unwrap();
    std::fs::write(p.dir.path().join("index.json.minisig"), sign(&index, &secret2, None, "minerals-atlas index 3 2026-12-07").unwrap())
        .unwrap();
    let rotated = TrustedKey::parse(&public2).unwrap();
    let answer = rt().block_on(check(&f, &rotated, Some(&cache), 0, APP)).unwrap();
    assert!(matches!(answer.found, Found::Offer(_)), "{:?}", answer.found);
    assert!(answer.body_bytes > 0, "fetched afresh");
}

#[test]
fn a_mirror_that_fails_is_passed_over_for_the_next_and_the_reason_kept() {
    let p = published(2);
    let server = serve(p.dir.path(), &p.certs, "normal");
    let report = check_now(&fetcher(&p, vec!["https://mirror.invalid/".into(), url(&server)]), &p, None, 0).unwrap();
    assert!(matches!(report.found, Found::Offer(_)));
    assert_eq!(report.mirror, url(&server));
    assert_eq!(report.passed_over.len(), 1);
    assert!(report.passed_over[0].contains("mirror.invalid"), "{:?}", report.passed_over);

    // The download falls back too: offered by A, whose pack is then gone, fetched from B.
    let second = tempfile::tempdir().unwrap();
    for f in ["index.json", "index.json.minisig", "pack-2.json", "pack-2.json.minisig"] {
        std::fs::copy(p.dir.path().join(f), second.path().join(f)).unwrap();
    }
    let b = serve(second.path(), &p.certs, "normal");
    let f = fetcher(&p, vec![url(&server), url(&b)]);
    let Found::Offer(offer) = check_now(&f, &p, None, 0).unwrap().found else { panic!("no offer") };
    assert_eq!(offer.mirror, url(&server));
    std::fs::remove_file(p.dir.path().join("pack-2.json")).unwrap();
    let (pack, from) = rt().block_on(download(&f, &TrustedKey::parse(&p.key).unwrap(), &offer, 0, APP)).unwrap();
    assert_eq!(pack.bytes, p.pack);
    assert_eq!(from, url(&b), "the mirror that served it, not the one that offered it");
}

#[test]
fn each_network_failure_is_a_sentence() {
    let p = published(2);
    let cases = [
        ("no-answer", "timed out"),
        ("redirect-http", "not HTTPS; refused"),
        ("truncate", "cut short"),
        ("oversize", "larger than 16384 bytes"),
        ("rogue-cert", "secure connection failed"),
        ("status-500", "answered 500"),
    ];
    for (mode, words) in cases {
        let said = failure(&p, mode);
        assert!(said.contains(words), "{mode}: {said}");
        assert!(said.contains("Nothing was changed"), "{mode}: {said}");
    }
    // DNS: a name that cannot resolve; offline: a port nobody listens on.
    let dns = check_now(&fetcher(&p, vec!["https://mirror.invalid/".into()]), &p, None, 0).unwrap_err().to_string();
    assert!(dns.contains("could not be found (DNS)"), "{dns}");
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let offline = check_now(&fetcher(&p, vec![format!("https://127.0.0.1:{port}/")]), &p, None, 0).unwrap_err().to_string();
    assert!(offline.contains("could not connect"), "{offline}");
}

#[test]
fn an_index_or_pack_that_does_not_verify_is_refused() {
    // The index signed by another key.
    let p = published(4);
    let (_, other) = generate_keypair().unwrap();
    let index = std::fs::read(p.dir.path().join("index.json")).unwrap();
    std::fs::write(p.dir.path().join("index.json.minisig"), sign(&index, &other, None, "minerals-atlas index 4 2026-12-07").unwrap())
        .unwrap();
    assert!(failure(&p, "normal").contains("key this app does not trust"));
    // A malformed index, properly signed.
    let garbage = b"{\"format\":\"something else\"}";
    std::fs::write(p.dir.path().join("index.json"), garbage).unwrap();
    std::fs::write(p.dir.path().join("index.json.minisig"), sign(garbage, &p.secret, None, "x").unwrap()).unwrap();
    assert!(failure(&p, "normal").contains("index is not readable"));
    // A pack with a flipped byte, and one re-signed by another key.
    let p = published(5);
    let server = serve(p.dir.path(), &p.certs, "normal");
    let f = fetcher(&p, vec![url(&server)]);
    let Found::Offer(offer) = check_now(&f, &p, None, 0).unwrap().found else { panic!() };
    let key = TrustedKey::parse(&p.key).unwrap();
    let mut flipped = p.pack.clone();
    flipped[40] ^= 1;
    std::fs::write(p.dir.path().join("pack-5.json"), &flipped).unwrap();
    let err = rt().block_on(download(&f, &key, &offer, 0, APP)).unwrap_err().to_string();
    assert!(err.contains("SHA-256 is not the index's"), "{err}");
    std::fs::write(p.dir.path().join("pack-5.json"), &p.pack).unwrap();
    std::fs::write(
        p.dir.path().join("pack-5.json.minisig"),
        sign(&p.pack, &other, None, "minerals-atlas pack 5 2026-12-07 pack-5.json").unwrap(),
    )
    .unwrap();
    let err = rt().block_on(download(&f, &key, &offer, 0, APP)).unwrap_err().to_string();
    assert!(err.contains("key this app does not trust"), "{err}");
    // A pack larger than its index says: refused as soon as it passes the size.
    std::fs::write(p.dir.path().join("pack-5.json"), [p.pack.as_slice(), b"    "].concat()).unwrap();
    let err = rt().block_on(download(&f, &key, &offer, 0, APP)).unwrap_err().to_string();
    assert!(err.contains("larger than"), "{err}");
    // A pack cut short on the wire.
    write_release(p.dir.path(), &p.pack, 5, &p.secret);
    drop(server);
    let server = serve(p.dir.path(), &p.certs, "truncate");
    let f = fetcher(&p, vec![url(&server)]);
    let err = rt().block_on(download(&f, &key, &offer, 0, APP)).unwrap_err().to_string();
    assert!(err.contains("cut short"), "{err}");
}
