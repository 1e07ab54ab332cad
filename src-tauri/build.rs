fn main() {
    // The day this program was built, printed on country briefs: from
    // SOURCE_DATE_EPOCH for reproducible builds, else today (UTC).
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let built = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .unwrap_or_else(chrono::Utc::now);
    println!("cargo:rustc-env=MINERALS_ATLAS_BUILT={}", built.format("%Y-%m-%d"));
    // The webview's libraries and geometry are generated from node_modules; an
    // app built without them would open to a broken map, so refuse to build.
    println!("cargo:rerun-if-changed=ui");
    if !std::path::Path::new("ui/vendor/.complete").exists() {
        panic!("ui/vendor is missing: run scripts/setup.sh (npm ci, then node scripts/vendor-ui.mjs)");
    }
    // The page runs ui/vendor/app.js, bundled from ui/js: never ship a stale one.
    let bundled = modified("ui/vendor/app.js").expect("ui/vendor/app.js is missing: run node scripts/vendor-ui.mjs");
    if let Some(newer) = newest("ui/js").filter(|(t, _)| *t > bundled) {
        panic!("{} changed after ui/vendor/app.js was bundled: run node scripts/vendor-ui.mjs", newer.1.display());
    }
    // The app's commands get `allow-<name>` permissions; with an app manifest
    // Tauri refuses any command no capability grants, so the capability
    // file in src-tauri/capabilities (not beside the root Cargo.toml) is the
    // IPC surface.
    println!("cargo:rerun-if-changed=src-tauri/src/command_names.rs");
    const COMMANDS: &[&str] = include!("src/command_names.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}

fn modified(path: impl AsRef<std::path::Path>) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The most recently changed file under `dir`.
fn newest(dir: &str) -> Option<(std::time::SystemTime, std::path::PathBuf)> {
    let mut best: Option<(std::time::SystemTime, std::path::PathBuf)> = None;
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Some(t) = modified(&path) {
                if best.as_ref().is_none_or(|(b, _)| t > *b) {
                    best = Some((t, path));
                }
            }
        }
    }
    best
}
