//! Every command called through Tauri's IPC on the mock runtime: a success
//! and a failure each, and the error's wire shape `{ code, message }`.

use minerals_atlas::state::AtlasState;
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

fn app_window() -> (tauri::App<tauri::test::MockRuntime>, WebviewWindow<tauri::test::MockRuntime>) {
    let (atlas, _) = AtlasState::load_embedded().expect("embedded dataset loads");
    let probe = minerals_atlas::probe::StartupProbe::from_args(std::time::Instant::now(), Vec::<String>::new());
    let app = minerals_atlas::build(mock_builder(), atlas, probe)
        .build(mock_context(noop_assets()))
        .expect("mock app builds");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    (app, window)
}

fn call(window: &WebviewWindow<tauri::test::MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
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

fn assert_not_found(result: Result<Value, Value>, id: &str) {
    let err = result.expect_err("expected an error");
    assert_eq!(err["code"], "not_found", "{err}");
    assert!(err["message"].as_str().unwrap().contains(id), "message names the id: {err}");
}

#[test]
fn list_countries_includes_participants_and_context() {
    let (_app, w) = app_window();
    let countries = call(&w, "list_countries", json!({})).unwrap();
    let list = countries.as_array().unwrap();
    let role = |iso3: &str| list.iter().find(|c| c["iso3"] == iso3).map(|c| c["role"].clone());
    assert_eq!(role("PAK"), Some(json!("participant")));
    assert_eq!(role("USA"), Some(json!("host")));
    assert_eq!(role("CHN"), Some(Value::Null), "China is in the data for context, not a participant");
    // No arguments to be wrong with; a wrong-typed one is ignored by design.
}

#[test]
fn get_country_success_and_not_found() {
    let (_app, w) = app_window();
    let pak = call(&w, "get_country", json!({"iso3": "PAK"})).unwrap();
    assert_eq!(pak["country"]["name"], "Pakistan");
    let head = &pak["participation"][0]["head_of_delegation"]["name"];
    assert_eq!(head, "Ali Pervaiz Malik");
    assert!(!pak["sources"].as_array().unwrap().is_empty());
    assert_not_found(call(&w, "get_country", json!({"iso3": "XYZ"})), "XYZ");
}

#[test]
fn get_country_rejects_wrong_types_and_huge_ids() {
    let (_app, w) = app_window();
    let err = call(&w, "get_country", json!({"iso3": 42})).expect_err("a number is not an id");
    assert!(err.to_string().contains("iso3"), "{err}");
    let err = call(&w, "get_country", json!({})).expect_err("missing argument");
    assert!(err.to_string().contains("iso3"), "{err}");
    let huge = "A".repeat(100_000);
    let err = call(&w, "get_country", json!({ "iso3": huge })).expect_err("over-long id");
    assert_eq!(err["code"], "invalid_argument", "{err}");
    assert!(err["message"].as_str().unwrap().len() < 300, "the error does not echo the input");
}

#[test]
fn minerals_list_and_detail() {
    let (_app, w) = app_window();
    let list = call(&w, "list_minerals", json!({})).unwrap();
    let list = list.as_array().unwrap();
    assert!(list.iter().any(|m| m["id"] == "cobalt" && m["critical"] == true));
    // Critical minerals come first.
    let first_non_critical = list.iter().position(|m| m["critical"] == false).unwrap();
    assert!(list[first_non_critical..].iter().all(|m| m["critical"] == false));
    let cobalt = call(&w, "get_mineral", json!({"id": "cobalt"})).unwrap();
    assert_eq!(cobalt["mineral"]["id"], "cobalt");
    assert!(cobalt["headline_production"].as_str().unwrap().contains("2025"));
    assert_not_found(call(&w, "get_mineral", json!({"id": "unobtainium"})), "unobtainium");
}

#[test]
fn events_sessions_and_session() {
    let (_app, w) = app_window();
    let events = call(&w, "list_events", json!({})).unwrap();
    assert!(events.as_array().unwrap().iter().any(|e| e["id"] == "cmm-2026"));
    let day = call(&w, "list_sessions", json!({"event": "cmm-2026", "day": "2026-02-04"})).unwrap();
    let day = day.as_array().unwrap();
    assert!(!day.is_empty());
    assert!(day.iter().all(|s| s["local_start"]["date"] == "2026-02-04"));
    assert_not_found(call(&w, "list_sessions", json!({"event": "nope"})), "nope");
    let err = call(&w, "list_sessions", json!({"event": "cmm-2026", "day": "4 Feb"})).expect_err("bad date");
    assert_eq!(err["code"], "invalid_argument");

    let s = call(&w, "get_session", json!({"id": "cmm-0204-opening", "zone": "Asia/Karachi"})).unwrap();
    assert_eq!(s["local_start"]["clock"], "09:00");
    assert_eq!(s["viewer_start"]["clock"], "19:00");
    assert_not_found(call(&w, "get_session", json!({"id": "no-such-session"})), "no-such-session");
    let err = call(&w, "get_session", json!({"id": "cmm-0204-opening", "zone": "Mars/Base"})).expect_err("bad zone");
    assert_eq!(err["code"], "invalid_argument");
}

#[test]
fn timeline_range_and_bad_range() {
    let (_app, w) = app_window();
    let all = call(&w, "get_timeline", json!({})).unwrap();
    let feb4 = call(&w, "get_timeline", json!({"from": "2026-02-04", "to": "2026-02-04"})).unwrap();
    assert!(feb4.as_array().unwrap().len() < all.as_array().unwrap().len());
    assert!(feb4.as_array().unwrap().iter().all(|t| t["local_start"]["date"] == "2026-02-04"));
    let err = call(&w, "get_timeline", json!({"from": "2026-03-01", "to": "2026-02-01"})).expect_err("reversed");
    assert_eq!(err["code"], "invalid_argument");
}

#[test]
fn dataset_info_reports_provenance() {
    let (_app, w) = app_window();
    let info = call(&w, "dataset_info", json!({})).unwrap();
    assert_eq!(info["provenance"]["usgs_doi"], "10.5066/P1WKQ63T");
    assert!(info["counts"]["stat_rows"].as_u64().unwrap() > 0);
    assert_eq!(call(&w, "no_such_command", json!({})).is_err(), true);
}
