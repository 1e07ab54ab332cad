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

#[test]
fn the_window_may_only_open_https_links() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities");
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    assert_eq!(files.len(), 1, "one capability file: {files:?}");
    let cap = read("src-tauri/capabilities/main.json");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    assert!(cap.get("remote").is_none(), "no remote origin may use the IPC");
    let perms = cap["permissions"].as_array().unwrap();
    assert_eq!(perms.len(), 1, "{perms:?}");
    assert_eq!(perms[0]["identifier"], "opener:allow-open-url");
    assert_eq!(perms[0]["allow"], serde_json::json!([{ "url": "https://*" }]));
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
