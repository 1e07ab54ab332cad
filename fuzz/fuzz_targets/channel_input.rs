#![no_main]
// What the data channel reads from a mirror or beside a file: an index, a
// signature, a key file's text; each parsed or checked, never a panic.
const KEY: &str = include_str!("../../src-tauri/channel/minerals-atlas.pub");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = atlas_channel::PackIndex::parse(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = atlas_channel::TrustedKey::parse(text);
        let _ = atlas_channel::verify::pack_comment(text);
        if let Ok(key) = atlas_channel::TrustedKey::parse(KEY) {
            let _ = key.verify("index", data, text);
            let _ = atlas_channel::verify_file_pack(&key, data, text, 0);
        }
    }
});
