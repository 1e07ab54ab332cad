fn main() {
    // The webview's libraries and geometry are generated from node_modules; an
    // app built without them would open to a broken map, so refuse to build.
    println!("cargo:rerun-if-changed=ui");
    if !std::path::Path::new("ui/vendor/.complete").exists() {
        panic!("ui/vendor is missing: run scripts/setup.sh (npm ci, then node scripts/vendor-ui.mjs)");
    }
    // Capabilities live in src-tauri/capabilities, not beside the root Cargo.toml.
    tauri_build::try_build(
        tauri_build::Attributes::new().capabilities_path_pattern("src-tauri/capabilities/**/*"),
    )
    .expect("tauri-build failed");
}
