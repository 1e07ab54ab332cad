fn main() {
    // Capabilities live in src-tauri/capabilities, not beside the root Cargo.toml.
    tauri_build::try_build(
        tauri_build::Attributes::new().capabilities_path_pattern("src-tauri/capabilities/**/*"),
    )
    .expect("tauri-build failed");
}
