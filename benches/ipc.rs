//! The IPC round trip through Tauri's mock runtime (serialise the request,
//! dispatch the command on the async runtime, serialise the reply), against
//! the same query called directly: the ratio is what the IPC adds.
//! `cargo bench --bench ipc`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::json;

#[path = "../tests/support/mod.rs"]
mod support;

fn call(w: &tauri::WebviewWindow<tauri::test::MockRuntime>, cmd: &str, args: serde_json::Value) -> serde_json::Value {
    support::call(w, cmd, args).expect("the command succeeds")
}

fn ipc(c: &mut Criterion) {
    let direct = atlas_domain::Atlas::embedded().unwrap();
    let dir = support::scratch("bench");
    let (_app, w) = support::mock_app(&dir);

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
