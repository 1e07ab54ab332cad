//! The webview stays locked down: this reads the configuration the app is
//! built from and fails if any of it regresses.

use serde_json::Value;

fn read(path: &str) -> Value {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    serde_json::from_str(&std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display())))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn csp() -> serde_json::Map<String, Value> {
    let conf = read("tauri.conf.json");
    conf["app"]["security"]["csp"].as_object().expect("a CSP is set (Tauri applies none otherwise)").clone()
}

#[test]
fn csp_allows_only_the_app_itself() {
    let csp = csp();
    let all: String = csp.values().map(|v| v.as_str().unwrap().to_string()).collect::<Vec<_>>().join(" ");
    for banned in ["unsafe-eval", "unsafe-inline", "http:", "https:", "*", "data: blob:", "ws:"] {
        assert!(!all.split_whitespace().any(|t| t.trim_matches('\'') == banned.trim_matches('\'')), "CSP contains {banned}: {all}");
    }
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'", "no inline script");
    assert_eq!(csp["style-src"], "'self'", "no inline style attributes");
    assert_eq!(csp["object-src"], "'none'");
    assert_eq!(csp["frame-src"], "'none'");
    assert_eq!(csp["base-uri"], "'none'");
    let connect: Vec<&str> = csp["connect-src"].as_str().unwrap().split_whitespace().collect();
    assert_eq!(connect, ["ipc:", "http://ipc.localhost"], "only the IPC origins");
    let img: Vec<&str> = csp["img-src"].as_str().unwrap().split_whitespace().collect();
    assert!(img.iter().all(|s| *s == "'self'" || *s == "data:"), "{img:?}");
}

#[test]
fn no_remote_url_is_ever_loaded() {
    let conf = read("tauri.conf.json");
    assert_eq!(conf["build"]["frontendDist"], "ui", "the UI is the bundled folder");
    assert!(conf["build"].get("devUrl").is_none(), "no dev server URL: assets are always embedded");
    for w in conf["app"]["windows"].as_array().unwrap() {
        assert!(w.get("url").is_none() || !w["url"].as_str().unwrap().contains("://"), "window {w} loads a remote URL");
    }
    assert_eq!(conf["app"]["security"]["freezePrototype"], true);
    assert!(conf["app"]["security"].get("dangerousDisableAssetCspModification").is_none());
}

/// The capability file is the IPC surface: the main window, and only it, is
/// granted each of the app's commands by name, listening for the menu's
/// events, and opening https links.
#[test]
fn the_capability_file_grants_the_registered_commands_to_the_main_window_only() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities");
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    assert_eq!(files.len(), 1, "one capability file: {files:?}");
    let cap = read("src-tauri/capabilities/main.json");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    assert!(cap.get("webviews").is_none() && cap.get("remote").is_none(), "no other webview and no remote origin");
    let perms = cap["permissions"].as_array().unwrap();
    let mut granted_commands: Vec<String> = Vec::new();
    let mut others: Vec<String> = Vec::new();
    for p in perms {
        match p.as_str() {
            Some(id) if id.starts_with("allow-") => granted_commands.push(id["allow-".len()..].replace('-', "_")),
            Some(id) => others.push(id.to_string()),
            None => {
                assert_eq!(p["identifier"], "opener:allow-open-url", "{p}");
                assert_eq!(p["allow"], serde_json::json!([{ "url": "https://*" }]));
                others.push("opener:allow-open-url".into());
            }
        }
    }
    others.sort();
    assert_eq!(others, ["core:event:allow-listen", "core:event:allow-unlisten", "opener:allow-open-url"], "nothing else is granted");
    let mut registered = registered_commands();
    let mut declared: Vec<String> = minerals_atlas::COMMANDS.iter().map(|c| c.to_string()).collect();
    registered.sort();
    declared.sort();
    granted_commands.sort();
    assert_eq!(registered, declared, "generate_handler! in lib.rs and command_names.rs list the same commands");
    assert_eq!(granted_commands, declared, "the capability grants exactly the declared commands");
}

/// The names in `generate_handler![...]` in lib.rs, read from the source.
fn registered_commands() -> Vec<String> {
    let lib = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src/lib.rs")).unwrap();
    let list = lib.split("generate_handler![").nth(1).and_then(|rest| rest.split(']').next()).expect("a generate_handler! list");
    list.split(',').map(str::trim).filter(|s| !s.is_empty()).map(|path| path.rsplit("::").next().unwrap().to_string()).collect()
}

#[path = "support/mod.rs"]
mod support;

/// On the mock runtime with the real configuration: every declared command
/// is reachable from the main window, and refused from any other window, from
/// a remote page, and where no capability grants it (a plugin command).
#[test]
fn the_acl_refuses_what_the_capability_does_not_grant() {
    use serde_json::json;
    use tauri::Manager;
    let dir = support::scratch("acl");
    let (app, main) = support::mock_app(&dir);
    let denied = |r: Result<Value, Value>| r.err().map(|e| e.to_string()).filter(|e| e.contains("not allowed")).is_some();
    // The dialogs are answered (with a folder, which no command can use), so none waits for a person.
    let stand_ins = app.state::<minerals_atlas::dialogs::StandIns>();
    *stand_ins.open.lock().unwrap() = Some(dir.clone());
    *stand_ins.save.lock().unwrap() = Some(dir.clone());
    for command in minerals_atlas::COMMANDS {
        // Arguments may be missing (that error comes from the command); the ACL must let it through.
        let result = support::call(&main, command, json!({}));
        assert!(!denied(result.clone()), "{command} is granted to the main window: {result:?}");
    }
    let other = tauri::WebviewWindowBuilder::new(&app, "other", Default::default()).build().expect("a second window");
    for command in minerals_atlas::COMMANDS {
        let result = support::call(&other, command, json!({}));
        assert!(denied(result.clone()), "{command} is refused to a window the capability does not name: {result:?}");
    }
    let remote = support::call_from(&main, "https://attacker.example/", "list_countries", json!({}));
    assert!(denied(remote.clone()), "a remote page reaches no command: {remote:?}");
    for plugin_command in ["plugin:dialog|open", "plugin:opener|open_path", "plugin:event|emit", "plugin:window|close"] {
        let result = support::call(&main, plugin_command, json!({}));
        assert!(denied(result.clone()), "{plugin_command} is not granted: {result:?}");
    }
}

#[test]
fn the_front_end_has_no_inline_script_or_remote_reference() {
    let html = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/index.html")).unwrap();
    for tag in html.split("<script").skip(1) {
        let head = &tag[..tag.find('>').unwrap()];
        assert!(head.contains("src=\""), "inline script: <script{head}>");
        let end = tag.find("</script>").unwrap();
        assert!(tag[tag.find('>').unwrap() + 1..end].trim().is_empty(), "a script with a body");
    }
    for path in walk(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui")) {
        if path.components().any(|c| c.as_os_str() == "vendor") {
            continue;
        }
        // The SVG namespace is a name, not a place.
        let text = std::fs::read_to_string(&path).unwrap_or_default().replace("http://www.w3.org/2000/svg", "");
        assert!(!text.contains("innerHTML"), "{} sets innerHTML", path.display());
        assert!(!text.contains("eval("), "{} calls eval", path.display());
        for bad in ["http://", "https://cdn", "https://fonts", "https://unpkg"] {
            assert!(!text.contains(bad), "{} references {bad}", path.display());
        }
    }
}

fn walk(dir: std::path::PathBuf) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()) {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(p));
        } else {
            out.push(p);
        }
    }
    out
}
