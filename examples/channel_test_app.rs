//! The app as the real-window tests of the data channel drive it: the
//! shipped app in every way but its channel, which is read from the
//! environment (a loopback mirror, a test CA, a throwaway key, short
//! timeouts). Never bundled, never installed: the shipped binary
//! (`src-tauri/src/main.rs`) has no way to trust anything but the built-in
//! key and the system's roots.
//!
//! MINERALS_ATLAS_TEST_MIRRORS   space-separated https:// addresses
//! MINERALS_ATLAS_TEST_KEY       a minisign public key file
//! MINERALS_ATLAS_TEST_CA        a PEM file of extra roots
//! MINERALS_ATLAS_TEST_TIMEOUT   seconds (default 3)

use minerals_atlas::channel::ChannelSetup;

fn main() {
    let started = std::time::Instant::now();
    let env = |name: &str| std::env::var(name).unwrap_or_default();
    let read = |name: &str| {
        let path = env(name);
        std::fs::read(&path).unwrap_or_else(|e| {
            eprintln!("channel_test_app: {name}={path}: {e}");
            std::process::exit(2);
        })
    };
    let setup = ChannelSetup {
        mirrors: env("MINERALS_ATLAS_TEST_MIRRORS").split_whitespace().map(str::to_string).collect(),
        keys: vec![String::from_utf8_lossy(&read("MINERALS_ATLAS_TEST_KEY")).into_owned()],
        extra_roots_pem: vec![read("MINERALS_ATLAS_TEST_CA")],
        timeout: Some(std::time::Duration::from_secs(env("MINERALS_ATLAS_TEST_TIMEOUT").parse().unwrap_or(3))),
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    minerals_atlas::run_with_channel(started, &args, setup);
}
