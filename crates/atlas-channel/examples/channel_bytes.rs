//! Bytes on the wire for the channel, measured against the loopback HTTPS
//! server (`tests/channel/serve.mjs`, which gzips JSON as a CDN does):
//! a first check, an unchanged check (a `304`), and the download of a
//! typical pack (a few new facts) and of the whole dataset as a pack.
//!
//! cargo run --release -p atlas-channel --features fetch,publish --example channel_bytes

use std::path::Path;

use atlas_channel::check::{check, download, Found};
use atlas_channel::fetch::{FetchConfig, Fetcher};
use atlas_channel::loopback::LoopbackMirror;
use atlas_channel::publish::{generate_keypair, publish, Release};
use atlas_channel::TrustedKey;

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dataset = std::fs::read(repo.join("data/generated/atlas-dataset.json")).expect("the generated dataset");
    // A typical pack: the dataset's shape with one new timeline entry (a few KB).
    let mut typical: serde_json::Value = serde_json::from_slice(&dataset).expect("json");
    let entry = typical["timeline"][0].clone();
    for list in ["sources", "countries", "people", "events", "participations", "agreements", "minerals", "series", "sessions"] {
        typical[list] = serde_json::json!([]);
    }
    typical["timeline"] = serde_json::json!([entry]);
    let typical = serde_json::to_vec_pretty(&typical).expect("json");
    println!("{:<48} {:>12} {:>14} {:>14}", "what", "body bytes", "wire to client", "wire to mirror");
    for (name, pack) in [("typical pack (1 new entry)", typical), ("whole dataset as a pack", dataset)] {
        let dir = tempfile::tempdir().expect("tempdir");
        let (public, secret) = generate_keypair().expect("keys");
        let release = Release { file: "pack-2.json", pack_version: 2, date: "2026-12-07", min_app_version: "0.1.0", summary: "bytes" };
        let p = publish(&pack, &release, &secret, None).expect("publish");
        std::fs::write(dir.path().join("pack-2.json"), &pack).expect("write");
        std::fs::write(dir.path().join("pack-2.json.minisig"), &p.pack_signature).expect("write");
        std::fs::write(dir.path().join("index.json"), &p.index_json).expect("write");
        std::fs::write(dir.path().join("index.json.minisig"), &p.index_signature).expect("write");
        let certs = dir.path().join("certs");
        let mut mirror =
            LoopbackMirror::start(&repo.join("tests/channel/serve.mjs"), dir.path(), &certs, &["normal", "log"]).expect("the mirror");
        let mut config = FetchConfig::new(vec![mirror.url()]);
        config.extra_roots_pem = vec![std::fs::read(certs.join("ca.crt")).expect("ca")];
        let fetcher = Fetcher::new(config).expect("fetcher");
        let key = TrustedKey::parse(&public).expect("key");
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        // One line per closed connection: "conn WRITTEN READ".
        let mut wire = || {
            let line = mirror.next_line().unwrap_or_default();
            let mut n = line.split_whitespace().skip(1).map(|n| n.parse::<u64>().unwrap_or(0));
            (n.next().unwrap_or(0), n.next().unwrap_or(0))
        };
        let add = |a: (u64, u64), b: (u64, u64)| (a.0 + b.0, a.1 + b.1);
        let first = rt.block_on(check(&fetcher, &key, None, 0, "0.1.0")).expect("check");
        // Two requests (index, signature), each on its own connection: the pool keeps none.
        let first_wire = add(wire(), wire());
        let again = rt.block_on(check(&fetcher, &key, first.cache.as_ref(), 0, "0.1.0")).expect("check");
        let again_wire = wire();
        let Found::Offer(offer) = first.found else { panic!("no offer") };
        let (got, _) = rt.block_on(download(&fetcher, &key, &offer, 0, "0.1.0")).expect("download");
        let pack_wire = add(wire(), wire());
        for (what, body, (to_client, to_mirror)) in [
            ("first check", first.body_bytes, first_wire),
            ("unchanged check (304)", again.body_bytes, again_wire),
            ("download and signature", u64::try_from(got.bytes.len()).unwrap_or(0), pack_wire),
        ] {
            println!("{:<48} {:>12} {:>14} {:>14}", format!("{name}: {what}"), body, to_client, to_mirror);
        }
        drop(mirror);
    }
}
