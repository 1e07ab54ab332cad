//! The data channel's commands through the real wiring on the mock runtime,
//! against the loopback HTTPS mirror (`tests/channel/serve.mjs`): check,
//! apply through the library, the kept index (an unchanged check costs no
//! body), undo, and the same pack refused as a replay.

mod support;

use std::path::Path;

use atlas_channel::loopback::LoopbackMirror;
use atlas_channel::publish::{generate_keypair, publish, Release};
use minerals_atlas::channel::ChannelSetup;
use serde_json::json;
use support::{call, mock_app_with_channel, scratch};

const ENTRY: &str = "tl-20261120-ipc-channel-test";

fn serve(dir: &Path) -> LoopbackMirror {
    LoopbackMirror::start(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/channel/serve.mjs"), dir, &dir.join("certs"), &[]).unwrap()
}

/// A pack of the built-in data's shape that adds one timeline entry with its own source.
fn pack() -> Vec<u8> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/generated/atlas-dataset.json")).unwrap();
    let mut d: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut entry = d["timeline"][0].clone();
    entry["id"] = json!(ENTRY);
    entry["title"] = json!("IPC channel test entry");
    entry["sessions"] = json!([]);
    entry["status"] = json!("reported");
    entry["sources"] = json!(["src-ipc-channel-test"]);
    for list in ["countries", "people", "events", "participations", "agreements", "minerals", "series", "sessions"] {
        d[list] = json!([]);
    }
    d["sources"] = json!([{ "id": "src-ipc-channel-test", "url": "https://example.org/ipc", "publisher": "Test Press", "title": "IPC test", "kind": "press" }]);
    d["timeline"] = json!([entry]);
    serde_json::to_vec(&d).unwrap()
}

#[test]
fn check_apply_keep_the_index_undo_and_refuse_the_replay() {
    let dir = scratch("channel");
    let published = dir.join("published");
    std::fs::create_dir_all(&published).unwrap();
    let (public, secret) = generate_keypair().unwrap();
    let bytes = pack();
    let release = Release { file: "pack-2.json", pack_version: 2, date: "2026-12-05", min_app_version: "0.1.0", summary: "IPC test pack" };
    let p = publish(&bytes, &release, &secret, None).unwrap();
    std::fs::write(published.join("pack-2.json"), &bytes).unwrap();
    std::fs::write(published.join("pack-2.json.minisig"), &p.pack_signature).unwrap();
    std::fs::write(published.join("index.json"), &p.index_json).unwrap();
    std::fs::write(published.join("index.json.minisig"), &p.index_signature).unwrap();
    let mirror = serve(&published);
    let setup = ChannelSetup {
        mirrors: vec![mirror.url()],
        keys: vec![public],
        extra_roots_pem: vec![std::fs::read(published.join("certs/ca.crt")).unwrap()],
        timeout: Some(std::time::Duration::from_secs(3)),
    };
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let (_app, w) = mock_app_with_channel(&data, setup);

    let offer = call(&w, "check_data_updates", json!({})).unwrap();
    assert_eq!(offer["status"], "offer", "{offer}");
    assert_eq!(offer["offered_version"], 2);
    assert_eq!(offer["summary"], "IPC test pack");
    assert!(data.join("channel-index.json").is_file(), "the index is kept for the next check");
    assert!(call(&w, "get_timeline_entry", json!({"id": ENTRY})).is_err(), "a check changes nothing");

    let applied = call(&w, "apply_data_update", json!({})).unwrap();
    assert_eq!(applied["library"]["pack"]["signed"]["pack_version"], 2, "{applied}");
    assert_eq!(applied["summary"]["pack_changes"], json!(["1 timeline entry added", "1 source added"]));
    let entry = call(&w, "get_timeline_entry", json!({"id": ENTRY})).unwrap();
    assert_eq!(entry["status"], "reported");
    assert_eq!(entry["sources"][0]["url"], "https://example.org/ipc");
    assert!(!entry.to_string().contains("unverified_pack"), "a verified pack is not marked");

    let again = call(&w, "check_data_updates", json!({})).unwrap();
    assert_eq!(again["status"], "up_to_date", "{again}");
    assert_eq!(again["body_bytes"], 0, "an unchanged index is a 304 with no body");
    assert!(call(&w, "apply_data_update", json!({})).is_err(), "nothing on offer");

    call(&w, "undo_import", json!({})).unwrap();
    assert!(call(&w, "get_timeline_entry", json!({"id": ENTRY})).is_err(), "undo took the entry away");
    // Undone, the same pack is offered again (it is not older than the newest applied)...
    let again = call(&w, "check_data_updates", json!({})).unwrap();
    assert_eq!(again["status"], "offer", "{again}");
    call(&w, "apply_data_update", json!({})).unwrap();
    // ...and once it is installed again, it is not.
    let installed = call(&w, "check_data_updates", json!({})).unwrap();
    assert_eq!(installed["status"], "up_to_date", "{installed}");
    assert_eq!(installed["newer_than"], 2);
}
