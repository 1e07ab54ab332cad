//! The app on Tauri's mock runtime, and one IPC call: shared by the IPC tests
//! (`tests/ipc_commands.rs`) and the IPC benchmark (`benches/ipc.rs`).

use std::path::Path;

use minerals_atlas::state::AtlasState;
use serde_json::Value;
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow};

/// The app as the desktop wires it (`minerals_atlas::app_builder`: state,
/// plugins, commands, the start-up steps) on the mock runtime, with the
/// real configuration and capabilities compiled in, so the ACL refuses what
/// the capability file does not grant. User data lives in `data_dir`.
#[allow(dead_code)] // not every test binary that shares this module calls it
pub fn mock_app(data_dir: &Path) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    mock_app_with_channel(data_dir, minerals_atlas::channel::ChannelSetup::built_in())
}

/// The same app with a data channel of the test's own (a loopback mirror, a test CA and key).
#[allow(dead_code)]
pub fn mock_app_with_channel(
    data_dir: &Path,
    channel: minerals_atlas::channel::ChannelSetup,
) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let (atlas, _) = AtlasState::load_embedded().expect("embedded dataset loads");
    let probe = minerals_atlas::probe::StartupProbe::from_args(std::time::Instant::now(), Vec::<String>::new());
    let wiring = minerals_atlas::Wiring {
        atlas,
        probe,
        data_folder: minerals_atlas::DataFolder::At(data_dir.to_path_buf()),
        dialogs: Default::default(),
        channel,
    };
    let mut app = minerals_atlas::app_builder(mock_builder(), wiring)
        .build(tauri::generate_context!("tauri.conf.json", test = true))
        .expect("mock app builds");
    // The start-up steps (the configured windows, then the app's `setup`)
    // run when the event loop first turns; one turn of the mock loop does
    // that and returns. (Deprecated for looping on a real runtime, which
    // this is not.)
    #[allow(deprecated)]
    app.run_iteration(|_, _| {});
    let window = app.get_webview_window("main").expect("the configured main window");
    (app, window)
}

/// A fresh scratch folder for one test's user data.
pub fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-ipc-{name}-{}-{:?}", std::process::id(), std::thread::current().id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Invokes a command as the webview would; the error is the serialised `{code, message}`.
pub fn call(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    call_from(window, "tauri://localhost", cmd, args)
}

/// Invokes a command as a page at `url` would.
pub fn call_from(window: &WebviewWindow<MockRuntime>, url: &str, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: url.parse().expect("a URL"),
        body: tauri::ipc::InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|b| b.deserialize::<Value>().expect("json body"))
}

/// Invokes a command with raw bytes as the body and the given headers, as
/// `invoke(cmd, Uint8Array, { headers })` does from the webview.
#[allow(dead_code)]
pub fn call_raw(window: &WebviewWindow<MockRuntime>, cmd: &str, body: Vec<u8>, headers: &[(&'static str, &str)]) -> Result<Value, Value> {
    let mut map = tauri::http::HeaderMap::new();
    for (k, v) in headers {
        map.insert(*k, v.parse().expect("header value"));
    }
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: tauri::ipc::InvokeBody::Raw(body),
        headers: map,
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|b| b.deserialize::<Value>().expect("json body"))
}
