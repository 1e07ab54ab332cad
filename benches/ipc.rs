//! The IPC round trip through Tauri's mock runtime (serialise the request,
//! dispatch the command on the async runtime, serialise the reply), against
//! the same query called directly: the ratio is what the IPC adds.
//! `cargo bench --bench ipc`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use minerals_atlas::state::AtlasState;
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

fn call(w: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Value {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: tauri::ipc::InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(w, request).unwrap().deserialize::<Value>().unwrap()
}

fn ipc(c: &mut Criterion) {
    let (atlas, _) = AtlasState::load_embedded().unwrap();
    let direct = atlas.0.clone();
    let probe = minerals_atlas::probe::StartupProbe::from_args(std::time::Instant::now(), Vec::<String>::new());
    let app = minerals_atlas::build(mock_builder(), atlas, probe).build(mock_context(noop_assets())).unwrap();
    let w = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();

    c.bench_function("direct country(PAK) + serialise", |b| {
        b.iter(|| black_box(serde_json::to_value(direct.country("PAK").unwrap()).unwrap()))
    });
    c.bench_function("ipc get_country(PAK)", |b| b.iter(|| black_box(call(&w, "get_country", json!({"iso3": "PAK"})))));
    c.bench_function("direct session(opening) + serialise", |b| {
        b.iter(|| black_box(serde_json::to_value(direct.session("cmm-0204-opening", Some("Asia/Karachi")).unwrap()).unwrap()))
    });
    c.bench_function("ipc get_session(opening)", |b| {
        b.iter(|| black_box(call(&w, "get_session", json!({"id": "cmm-0204-opening", "zone": "Asia/Karachi"}))))
    });
    c.bench_function("ipc search(\"cob\")", |b| b.iter(|| black_box(call(&w, "search", json!({"query": "cob"})))));
    c.bench_function("ipc list_countries", |b| b.iter(|| black_box(call(&w, "list_countries", json!({})))));
}

criterion_group!(benches, ipc);
criterion_main!(benches);
