//! The app on Tauri's mock runtime, and one IPC call: shared by the IPC tests
//! (`tests/ipc_commands.rs`) and the IPC benchmark (`benches/ipc.rs`).

use std::path::Path;

use minerals_atlas::state::AtlasState;
use serde_json::Value;
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow};

/// The app with its commands and state, and its main window. With a data
/// folder, the user's data lives there; without, user-data commands are absent.
pub fn mock_app(data_dir: Option<&Path>) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let (atlas, _) = AtlasState::load_embedded().expect("embedded dataset loads");
    let probe = minerals_atlas::probe::StartupProbe::from_args(std::time::Instant::now(), Vec::<String>::new());
    let mut builder = minerals_atlas::build(mock_builder(), atlas, probe);
    if let Some(dir) = data_dir {
        builder = builder.manage(minerals_atlas::user::UserState::open(dir));
    }
    let app = builder.build(mock_context(noop_assets())).expect("mock app builds");
    if let Some(dir) = data_dir {
        use tauri::Manager;
        let library = minerals_atlas::library::LibraryState::open(dir, &app.state::<AtlasState>());
        app.manage(library);
    }
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    (app, window)
}

/// Invokes a command as the webview would; the error is the serialised `{code, message}`.
pub fn call(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
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
