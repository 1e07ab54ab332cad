//! Every command called through Tauri's IPC on the mock runtime: a success
//! and a failure each, and the error's wire shape `{ code, message }`.

mod support;

use serde_json::{json, Value};
use support::call;
use tauri::test::MockRuntime;
use tauri::{App, Manager, WebviewWindow};

fn app_window() -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    app_window_in(&scratch("default"))
}

fn app_window_in(data_dir: &std::path::Path) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    support::mock_app(data_dir)
}

use support::scratch;

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
    assert!(call(&w, "no_such_command", json!({})).is_err());
}

#[test]
fn search_ranks_and_bounds_its_input() {
    let (_app, w) = app_window();
    let r = call(&w, "search", json!({"query": "tshisekedi"})).unwrap();
    assert_eq!(r[0]["title"], "Félix Tshisekedi");
    assert_eq!(r[0]["kind"], "person");
    let none = call(&w, "search", json!({"query": ""})).unwrap();
    assert_eq!(none.as_array().unwrap().len(), 0);
    let huge = "é".repeat(200_000);
    assert!(call(&w, "search", json!({ "query": huge })).is_ok(), "cut, not a crash");
    let err = call(&w, "search", json!({"query": ["not", "a", "string"]})).expect_err("wrong type");
    assert!(err.to_string().contains("query"), "{err}");
}

#[test]
fn timeline_entry_and_time_zones() {
    let (_app, w) = app_window();
    let all = call(&w, "get_timeline", json!({})).unwrap();
    let id = all[0]["id"].as_str().unwrap().to_string();
    let one = call(&w, "get_timeline_entry", json!({"id": id, "zone": "Asia/Tokyo"})).unwrap();
    assert_eq!(one["viewer_start"]["zone"], "Asia/Tokyo");
    assert_not_found(call(&w, "get_timeline_entry", json!({"id": "tl-nothing"})), "tl-nothing");
    let zones = call(&w, "list_time_zones", json!({})).unwrap();
    let zones: Vec<&str> = zones.as_array().unwrap().iter().map(|z| z.as_str().unwrap()).collect();
    assert!(zones.contains(&"Asia/Karachi") && zones.contains(&"America/New_York"));
}

#[test]
fn stars_notes_and_zone_are_saved_and_validated() {
    let dir = scratch("user");
    {
        let (_app, w) = app_window_in(&dir);
        let fresh = call(&w, "get_user_data", json!({})).unwrap();
        assert_eq!(fresh["data"]["starred"].as_array().unwrap().len(), 0);
        assert!(fresh["notice"].is_null());
        call(&w, "set_star", json!({"kind": "session", "id": "cmm-0204-opening", "starred": true})).unwrap();
        assert_not_found(call(&w, "set_star", json!({"kind": "session", "id": "no-such", "starred": true})), "no-such");
        let err = call(&w, "set_star", json!({"kind": "planet", "id": "x", "starred": true})).expect_err("bad kind");
        let err = err.to_string();
        assert!(err.contains("kind") && err.contains("session") && err.contains("timeline"), "names the argument and what it takes: {err}");
        call(&w, "set_note", json!({"target": "country:PAK", "text": "Reko Diq"})).unwrap();
        let err = call(&w, "set_note", json!({"target": "../../etc", "text": "x"})).expect_err("bad target");
        assert_eq!(err["code"], "invalid_argument");
        let err = call(&w, "set_note", json!({"target": "country:PAK", "text": "x".repeat(30_000)})).expect_err("too long");
        assert_eq!(err["code"], "invalid_argument");
        call(&w, "set_time_zone", json!({"zone": "Asia/Karachi"})).unwrap();
        let err = call(&w, "set_time_zone", json!({"zone": "Mars/Base"})).expect_err("bad zone");
        assert_eq!(err["code"], "invalid_argument");
        let agenda = call(&w, "get_agenda", json!({"zone": "Asia/Karachi"})).unwrap();
        assert_eq!(agenda["items"][0]["viewer_start"]["clock"], "19:00");
        call(&w, "set_last_view", json!({"view": "#/map/mineral/cobalt/production/country/COD"})).unwrap();
        for bad in [json!("javascript:alert(1)"), json!("#/map\u{0}"), json!(format!("#/{}", "x".repeat(600))), json!("#/café")] {
            let err = call(&w, "set_last_view", json!({ "view": bad })).expect_err("not a view");
            assert_eq!(err["code"], "invalid_argument", "{bad}");
        }
    }
    // A new app on the same folder: everything that was accepted is there, nothing that was refused.
    let (_app, w) = app_window_in(&dir);
    let back = call(&w, "get_user_data", json!({})).unwrap();
    assert_eq!(back["data"]["starred"][0]["id"], "cmm-0204-opening");
    assert_eq!(back["data"]["starred"].as_array().unwrap().len(), 1);
    assert_eq!(back["data"]["notes"]["country:PAK"], "Reko Diq");
    assert_eq!(back["data"]["settings"]["time_zone"], "Asia/Karachi");
    assert_eq!(
        back["data"]["settings"]["last_view"], "#/map/mineral/cobalt/production/country/COD",
        "the last good view, none of the refused"
    );
}

#[test]
fn a_corrupt_user_file_is_reported_once_and_the_app_starts_clean() {
    let dir = scratch("corrupt");
    std::fs::write(dir.join("user-data.json"), b"{\"version\":1,\"starred\":[{").unwrap();
    let (_app, w) = app_window_in(&dir);
    let first = call(&w, "get_user_data", json!({})).unwrap();
    assert!(first["notice"].as_str().unwrap().contains("could not be read"), "{first}");
    assert_eq!(first["data"]["starred"].as_array().unwrap().len(), 0);
    let second = call(&w, "get_user_data", json!({})).unwrap();
    assert!(second["notice"].is_null(), "told once");
    let kept = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with("user-data.json.unreadable-"));
    assert!(kept, "the unreadable file is kept beside");
}

#[test]
fn export_refuses_an_empty_agenda_and_writes_a_starred_one() {
    let dir = scratch("export");
    let (_app, w) = app_window_in(&dir);
    let err = call(&w, "export_agenda_ics", json!({})).expect_err("empty agenda");
    assert_eq!(err["code"], "export");
    call(&w, "set_star", json!({"kind": "session", "id": "cmm-0204-opening", "starred": true})).unwrap();
    let target = dir.join("out.ics");
    // The save dialog is answered by the app's stand-in, as in automated runs.
    answer_save(&_app, &target);
    let path = call(&w, "export_agenda_ics", json!({})).unwrap();
    assert_eq!(path.as_str().unwrap(), target.display().to_string());
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.contains("UID:cmm-0204-opening@minerals-atlas"));
    // A place that cannot take a file: a clear error, nothing half-written.
    answer_save(&_app, &dir);
    let err = call(&w, "export_agenda_ics", json!({})).expect_err("a folder is not a file");
    assert_eq!(err["code"], "export");
    assert!(err["message"].as_str().unwrap().starts_with("cannot write"), "{err}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), text, "the earlier export is untouched");
}

#[test]
fn a_table_exports_as_csv_and_bad_ids_are_refused_by_name() {
    let dir = scratch("export-csv");
    let (app, w) = app_window_in(&dir);
    let cobalt = call(&w, "get_mineral", json!({"id": "cobalt"})).unwrap();
    let series = cobalt["headline_production"].as_str().unwrap().to_string();
    let target = dir.join("cobalt.csv");
    answer_save(&app, &target);
    let path = call(&w, "export_table_csv", json!({"seriesId": series})).unwrap();
    assert_eq!(path.as_str().unwrap(), target.display().to_string());
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.starts_with("mineral,table,year,unit,place,country,iso3"), "{text}");
    assert!(text.contains(",COD,"), "the DRC's row");
    // An id that names no table, and one too long to be an id: clear errors, nothing written.
    std::fs::remove_file(&target).unwrap();
    assert_not_found(call(&w, "export_table_csv", json!({"seriesId": "no-such-table"})), "no-such-table");
    let err = call(&w, "export_table_csv", json!({"seriesId": "x".repeat(100_000)})).expect_err("too long");
    assert_eq!(err["code"], "invalid_argument", "{err}");
    assert!(!target.exists(), "nothing written for a refused id");
}

#[test]
fn export_country_brief_writes_a_pdf_or_refuses_with_nothing_written() {
    let dir = scratch("export-brief");
    let (app, w) = app_window_in(&dir);
    let target = dir.join("pakistan.pdf");
    answer_save(&app, &target);
    let path = call(&w, "export_country_brief", json!({"iso3": "PAK", "zone": "Asia/Karachi", "paper": "a4"})).unwrap();
    assert_eq!(path.as_str().unwrap(), target.display().to_string());
    let pdf = std::fs::read(&target).unwrap();
    assert!(pdf.starts_with(b"%PDF-") && pdf.len() > 5_000, "{} bytes", pdf.len());
    std::fs::remove_file(&target).unwrap();
    let refused = [
        (json!({"iso3": "XYZ", "zone": "UTC", "paper": "a4"}), "not_found"),
        (json!({"iso3": "Q".repeat(100_000), "zone": "UTC", "paper": "a4"}), "invalid_argument"),
        (json!({"iso3": "PAK", "zone": "Mars/Olympus", "paper": "a4"}), "invalid_argument"),
        (json!({"iso3": "PAK", "zone": "z".repeat(100_000), "paper": "a4"}), "invalid_argument"),
        (json!({"iso3": "PAK", "zone": "UTC", "paper": "legal"}), "invalid_argument"),
    ];
    for (args, code) in refused {
        let err = call(&w, "export_country_brief", args).expect_err("refused");
        assert_eq!(err["code"], code, "{err}");
        assert!(err["message"].as_str().unwrap().len() < 300, "the message does not echo the input: {err}");
    }
    assert!(!target.exists(), "nothing written for a refused request");
    // A folder where the file should go: a clear export error.
    answer_save(&app, &dir);
    let err = call(&w, "export_country_brief", json!({"iso3": "PAK", "zone": "UTC", "paper": "letter"})).expect_err("a folder");
    assert_eq!(err["code"], "export", "{err}");
}

#[test]
fn export_participants_csv_writes_the_list() {
    let dir = scratch("export-parties");
    let (app, w) = app_window_in(&dir);
    let target = dir.join("parties.csv");
    answer_save(&app, &target);
    let path = call(&w, "export_participants_csv", json!({})).unwrap();
    assert_eq!(path.as_str().unwrap(), target.display().to_string());
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.starts_with("country,iso3,kind,role"), "{text}");
    assert!(text.contains(",PAK,country,participant,"));
    answer_save(&app, &dir);
    let err = call(&w, "export_participants_csv", json!({})).expect_err("a folder is not a file");
    assert_eq!(err["code"], "export", "{err}");
}

#[test]
fn compare_countries_joins_two_pages_or_says_why_not() {
    let dir = scratch("compare");
    let (_app, w) = app_window_in(&dir);
    let cmp = call(&w, "compare_countries", json!({"left": "PAK", "right": "COD"})).unwrap();
    assert_eq!(cmp["left"]["country"]["iso3"], "PAK");
    assert_eq!(cmp["right"]["country"]["iso3"], "COD");
    let rows = cmp["minerals"].as_array().unwrap();
    assert!(rows.iter().any(|t| t["left"].is_null() && !t["right"].is_null()), "a table only the DRC is in");
    for (args, code) in [
        (json!({"left": "PAK", "right": "PAK"}), "invalid_argument"),
        (json!({"left": "PAK", "right": "XYZ"}), "not_found"),
        (json!({"left": "Q".repeat(100_000), "right": "PAK"}), "invalid_argument"),
    ] {
        let err = call(&w, "compare_countries", args).expect_err("refused");
        assert_eq!(err["code"], code, "{err}");
        assert!(err["message"].as_str().unwrap().len() < 300, "{err}");
    }
}

fn answer_save(app: &App<MockRuntime>, path: &std::path::Path) {
    *app.state::<minerals_atlas::dialogs::StandIns>().save.lock().unwrap() = Some(path.to_path_buf());
}

fn answer_open(app: &App<MockRuntime>, path: &std::path::Path) {
    *app.state::<minerals_atlas::dialogs::StandIns>().open.lock().unwrap() = Some(path.to_path_buf());
}

#[test]
fn export_pack_writes_what_is_shown_and_refuses_a_folder() {
    let dir = scratch("export-pack");
    let (app, w) = app_window_in(&dir);
    let pack_path = dir.join("pack.json");
    answer_save(&app, &pack_path);
    let written = call(&w, "export_pack", json!({})).unwrap();
    assert_eq!(written.as_str().unwrap(), pack_path.display().to_string());
    let check = atlas_import::check(&std::fs::read(&pack_path).unwrap(), &Default::default()).unwrap();
    assert_eq!(check.format, "atlas-pack");
    answer_save(&app, &dir);
    let err = call(&w, "export_pack", json!({})).expect_err("a folder is not a file");
    assert_eq!(err["code"], "export", "{err}");
}

#[test]
fn import_from_dialog_imports_the_chosen_file_or_says_why_not() {
    let dir = scratch("import-dialog");
    let (app, w) = app_window_in(&dir);
    answer_open(&app, &shared_fixture("kielux-2020.ics"));
    let result = call(&w, "import_from_dialog", json!({"zone": "Europe/Berlin"})).unwrap();
    assert_eq!(result["summary"]["added"], 24, "{result}");
    assert_eq!(result["summary"]["time_zone"], "Europe/Berlin");
    let err = call(&w, "import_from_dialog", json!({"zone": "Mars/Olympus"})).expect_err("an unknown zone");
    assert_eq!(err["code"], "invalid_argument", "{err}");
    answer_open(&app, &dir.join("no-such-file.xml"));
    let err = call(&w, "import_from_dialog", json!({})).expect_err("a missing file");
    assert_eq!(err["code"], "import", "{err}");
    assert!(err["message"].as_str().unwrap().contains("no-such-file.xml"), "names the file: {err}");
}

#[test]
fn a_data_pack_is_imported_then_removed_once() {
    let dir = scratch("pack");
    let (app, w) = app_window_in(&dir);
    let err = call(&w, "remove_pack", json!({})).expect_err("no pack yet");
    assert_eq!(err["code"], "import", "{err}");
    let pack_path = dir.join("pack.json");
    answer_save(&app, &pack_path);
    call(&w, "export_pack", json!({})).unwrap();
    let imported = call(&w, "import_file", json!({"path": pack_path, "packMode": "replace"})).unwrap();
    assert_eq!(imported["library"]["pack"]["mode"], "replace", "{imported}");
    let removed = call(&w, "remove_pack", json!({})).unwrap();
    assert!(removed["pack"].is_null(), "{removed}");
    assert_eq!(call(&w, "remove_pack", json!({})).expect_err("already gone")["code"], "import");
}

#[test]
fn app_ready_is_a_no_op_without_the_probe() {
    let (_app, w) = app_window();
    assert_eq!(call(&w, "app_ready", json!({})).unwrap(), Value::Null);
    assert_eq!(call(&w, "app_ready", json!({})).unwrap(), Value::Null, "called again after a reload");
}

fn shared_fixture(name: &str) -> std::path::PathBuf {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures").join(name);
    assert!(path.is_file(), "the shared fixture {} is missing; CI puts ../shared beside the checkout", path.display());
    path
}

#[test]
fn import_by_path_and_by_bytes_then_undo_and_remove() {
    let dir = scratch("import");
    let (_app, w) = app_window_in(&dir);
    let empty = call(&w, "get_library", json!({})).unwrap();
    assert_eq!(empty["schedules"].as_array().unwrap().len(), 0);
    assert!(empty["undo"].is_null());

    let path = shared_fixture("frab-camp2019_schedule.json");
    let result = call(&w, "import_file", json!({"path": path, "zone": null})).unwrap();
    assert_eq!(result["summary"]["added"], 79);
    assert_eq!(result["summary"]["format"], "schedule-json");
    assert_eq!(result["source_path"], path.display().to_string());
    assert_eq!(
        (result["summary"]["time_zone"].as_str(), result["summary"]["zone_from_file"].as_bool()),
        (Some("Europe/Berlin"), Some(true))
    );
    assert_eq!(result["library"]["schedules"][0]["event_id"], "imp-camp2019");
    // The imported sessions answer like any other: list, detail, search, star.
    let sessions = call(&w, "list_sessions", json!({"event": "imp-camp2019"})).unwrap();
    assert_eq!(sessions.as_array().unwrap().len(), 79);
    let id = sessions[0]["id"].as_str().unwrap().to_string();
    call(&w, "set_star", json!({"kind": "session", "id": id, "starred": true})).unwrap();
    let hits = call(&w, "search", json!({"query": "card10"})).unwrap();
    assert!(hits.as_array().unwrap().iter().any(|h| h["id"].as_str().unwrap().starts_with("imp-camp2019--")), "{hits}");
    assert!(dir.join("library.json").is_file(), "saved");

    // A dropped file: raw bytes, the name URI-encoded in a header, a zone chosen.
    let ics = std::fs::read(shared_fixture("kielux-2020.ics")).unwrap();
    let dropped = support::call_raw(&w, "import_bytes", ics, &[("x-file-name", "kielux%202020.ics"), ("x-zone", "Europe/Berlin")]).unwrap();
    assert_eq!(dropped["file_name"], "kielux 2020.ics");
    assert!(dropped["source_path"].is_null(), "a dropped file has no path");
    assert_eq!(dropped["summary"]["zone_from_file"], false, "the calendar names no zone: the page asks");
    assert_eq!(dropped["summary"]["added"], 24);
    let lib = &dropped["library"];
    assert_eq!(lib["schedules"].as_array().unwrap().len(), 2);
    assert_eq!(lib["schedules"][1]["time_zone"], "Europe/Berlin");

    // Undo takes back the last import only.
    let undone = call(&w, "undo_import", json!({})).unwrap();
    assert_eq!(undone["schedules"].as_array().unwrap().len(), 1);
    assert!(undone["undo"].is_null());
    let err = call(&w, "undo_import", json!({})).expect_err("nothing left to undo");
    assert_eq!(err["code"], "import");

    // A restart reads the library back, the star intact.
    _app.state::<minerals_atlas::DataFolderLock>().release();
    drop(w);
    drop(_app);
    let (_app2, w2) = app_window_in(&dir);
    assert_eq!(call(&w2, "list_sessions", json!({"event": "imp-camp2019"})).unwrap().as_array().unwrap().len(), 79);
    let agenda = call(&w2, "get_agenda", json!({})).unwrap();
    assert_eq!(agenda["items"][0]["id"], id);
    let removed = call(&w2, "remove_schedule", json!({"key": "camp2019"})).unwrap();
    assert_eq!(removed["schedules"].as_array().unwrap().len(), 0);
    assert_not_found(call(&w2, "list_sessions", json!({"event": "imp-camp2019"})), "imp-camp2019");
    let err = call(&w2, "remove_schedule", json!({"key": "camp2019"})).expect_err("already gone");
    assert_eq!(err["code"], "import");
}

#[test]
fn a_failed_import_says_why_and_changes_nothing() {
    let dir = scratch("import-bad");
    let (_app, w) = app_window_in(&dir);
    call(&w, "import_file", json!({"path": shared_fixture("debconf23_pentabarf.xml")})).unwrap();
    let saved = std::fs::read(dir.join("library.json")).unwrap();
    let before = call(&w, "get_library", json!({})).unwrap();
    let bad = |body: &[u8]| support::call_raw(&w, "import_bytes", body.to_vec(), &[("x-file-name", "bad")]).expect_err("refused");
    for (body, needle) in [
        (&b""[..], "empty"),
        (b"<!DOCTYPE x [<!ENTITY a \"b\">]><schedule/>", "DTD"),
        (b"<schedule><conference>", "truncated"),
        (b"{\"schedule\": {", "malformed JSON"),
        (b"<schedule>caf\xe9</schedule>", "not UTF-8"),
        (b"hello", "not a schedule"),
    ] {
        let err = bad(body);
        assert_eq!(err["code"], "import", "{err}");
        assert!(err["message"].as_str().unwrap().contains(needle), "{needle}: {err}");
    }
    let err = call(&w, "import_file", json!({"path": dir.join("missing.xml")})).expect_err("no file");
    assert!(err["message"].as_str().unwrap().starts_with("cannot read"), "{err}");
    let err = call(&w, "import_file", json!({"path": shared_fixture("kielux-2020.ics"), "zone": "Mars/Base"})).expect_err("bad zone");
    assert_eq!(err["code"], "invalid_argument");
    let err = call(&w, "import_file", json!({"path": shared_fixture("kielux-2020.ics"), "packMode": "merge"})).expect_err("bad mode");
    assert_eq!(err["code"], "invalid_argument");
    let err = call(&w, "import_bytes", json!({"path": "x"})).expect_err("json body");
    assert_eq!(err["code"], "invalid_argument");
    assert_eq!(call(&w, "get_library", json!({})).unwrap(), before);
    assert_eq!(std::fs::read(dir.join("library.json")).unwrap(), saved, "the stored library is untouched");
    assert_eq!(call(&w, "list_sessions", json!({"event": "imp-debconf23"})).unwrap().as_array().unwrap().len(), 117);
}

#[test]
fn an_unreadable_library_is_moved_aside_and_reported() {
    let dir = scratch("library-corrupt");
    std::fs::write(dir.join("library.json"), b"{\"version\":1,\"schedules\":[{").unwrap();
    let (_app, w) = app_window_in(&dir);
    let lib = call(&w, "get_library", json!({})).unwrap();
    assert!(lib["notice"].as_str().unwrap().contains("could not be read"), "{lib}");
    assert_eq!(lib["schedules"].as_array().unwrap().len(), 0);
    let kept = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with("library.json.unreadable-"));
    assert!(kept);
    assert!(call(&w, "get_country", json!({"iso3": "PAK"})).is_ok(), "the built-in data is shown");
}

/// A library.json that parses but that the model refuses: each is moved
/// aside and reported once, and the app starts with the built-in data; it
/// never crashes at start (no crash loop).
#[test]
fn a_stored_library_the_model_refuses_is_moved_aside_never_a_crash() {
    // A real library, made by importing a fixture.
    let origin = scratch("library-origin");
    {
        let (_app, w) = app_window_in(&origin);
        call(&w, "import_file", json!({"path": shared_fixture("kielux-2020.ics")})).unwrap();
    }
    let good: Value = serde_json::from_slice(&std::fs::read(origin.join("library.json")).unwrap()).unwrap();
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Change)> = vec![
        ("no events", Box::new(|v| v["schedules"][0]["schedule"]["events"] = json!([]))),
        ("a start in year 262142", Box::new(|v| v["schedules"][0]["schedule"]["events"][0]["start"] = json!("+262142-12-31T23:30:00Z"))),
        ("a start in year 10000", Box::new(|v| v["schedules"][0]["schedule"]["events"][0]["start"] = json!("+10000-01-01T00:00:00Z"))),
        ("an end before its start", Box::new(|v| v["schedules"][0]["schedule"]["events"][0]["end"] = json!("1990-01-01T00:00:00Z"))),
        (
            "a repeated event id",
            Box::new(|v| v["schedules"][0]["schedule"]["events"][1]["id"] = v["schedules"][0]["schedule"]["events"][0]["id"].clone()),
        ),
        ("an unsafe key", Box::new(|v| v["schedules"][0]["schedule"]["key"] = json!("../x"))),
        (
            "the same schedule twice",
            Box::new(|v| {
                let s = v["schedules"][0].clone();
                v["schedules"].as_array_mut().unwrap().push(s);
            }),
        ),
        (
            "an undo step whose schedule has no events",
            Box::new(|v| {
                let mut stored = v["schedules"][0].clone();
                stored["schedule"]["events"] = json!([]);
                v["undo"] = json!({"description": "x", "pack": null, "schedules": [stored]});
            }),
        ),
    ];
    for (what, change) in cases {
        let dir = scratch("library-refused");
        let mut state = good.clone();
        change(&mut state);
        std::fs::write(dir.join("library.json"), serde_json::to_vec(&state).unwrap()).unwrap();
        let (_app, w) = app_window_in(&dir);
        let lib = call(&w, "get_library", json!({})).unwrap();
        let notice = lib["notice"].as_str().unwrap_or_else(|| panic!("{what}: no notice in {lib}"));
        assert!(notice.contains("could not be read"), "{what}: {notice}");
        assert_eq!(lib["schedules"].as_array().unwrap().len(), 0, "{what}");
        assert!(call(&w, "get_library", json!({})).unwrap()["notice"].is_null(), "{what}: told once");
        assert!(call(&w, "get_country", json!({"iso3": "PAK"})).is_ok(), "{what}: the built-in data is shown");
        let kept =
            std::fs::read_dir(&dir).unwrap().flatten().any(|e| e.file_name().to_string_lossy().starts_with("library.json.unreadable-"));
        assert!(kept, "{what}: the file is kept aside");
        assert!(!dir.join("library.json").exists(), "{what}: the next start is clean");
    }
}

/// A FIFO where library.json or user-data.json should be: neither read (a
/// read would wait for a writer forever) nor fatal.
#[test]
fn a_fifo_in_place_of_the_stored_files_does_not_hang_the_start() {
    let dir = scratch("fifo-state");
    for name in ["library.json", "user-data.json"] {
        assert!(std::process::Command::new("mkfifo").arg(dir.join(name)).status().unwrap().success());
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let folder = dir.clone();
    std::thread::spawn(move || {
        let (_app, w) = app_window_in(&folder);
        let _ = tx.send((call(&w, "get_library", json!({})).unwrap(), call(&w, "get_user_data", json!({})).unwrap()));
    });
    let (lib, user) = rx.recv_timeout(std::time::Duration::from_secs(20)).expect("the app starts; no read waits on a FIFO");
    assert!(lib["notice"].as_str().unwrap().contains("not a regular file"), "{lib}");
    assert!(user["notice"].as_str().unwrap().contains("not a regular file"), "{user}");
}

/// A second app that finds the data folder held (no D-Bus, so the
/// single-instance plugin could not hand over) shows the data, says why it
/// saves nothing, refuses every change, and changes no file in the folder:
/// not a broken file (it is not moved aside), not an old version (it is not
/// migrated), not the other app's crash report (it is not marked shown).
#[test]
fn a_second_app_on_a_held_data_folder_changes_nothing_there() {
    let dir = scratch("held-folder");
    std::fs::write(dir.join("library.json"), b"{\"version\":1,\"schedules\":[{").unwrap();
    std::fs::write(dir.join("user-data.json"), br#"{"version":0,"starred_sessions":["cmm-0204-opening"]}"#).unwrap();
    std::fs::write(dir.join("crash-report-1-1.txt"), "Minerals Atlas crashed.").unwrap();
    let listing = |d: &std::path::Path| {
        let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(d)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name() != atlas_store::LOCK_FILE_NAME)
            .map(|e| (e.file_name().to_string_lossy().to_string(), std::fs::read(e.path()).unwrap_or_default()))
            .collect();
        v.sort();
        v
    };
    let before = listing(&dir);
    let _first = atlas_store::FolderLock::try_acquire(&dir).unwrap().expect("the first app holds the folder");
    // The second app, wired as the desktop wires it, finds the folder held.
    let (_app, w) = app_window_in(&dir);
    let view = call(&w, "get_user_data", json!({})).unwrap();
    let notice = view["notice"].as_str().expect("told at start");
    assert!(notice.starts_with("Another Minerals Atlas window is using your data folder"), "{notice}");
    assert_eq!(view["data"]["starred"].as_array().unwrap().len(), 1, "the old version is read, not migrated on disk");
    let err = call(&w, "set_note", json!({"target": "country:PAK", "text": "x"})).expect_err("no save");
    assert_eq!(err["code"], "folder_in_use", "{err}");
    let library = call(&w, "get_library", json!({})).unwrap();
    assert!(library["notice"].as_str().is_some_and(|n| n.contains("could not be read here")), "{library}");
    let err = call(&w, "import_file", json!({"path": shared_fixture("kielux-2020.ics")})).expect_err("no import");
    assert_eq!(err["code"], "folder_in_use", "{err}");
    assert_eq!(listing(&dir), before, "no file in the held folder was changed, moved or added");
}

/// The native menu's choices reach the page as the `atlas-menu` event, sent
/// to the main window; ids that are not menu items are dropped.
#[test]
fn a_menu_choice_reaches_the_main_window_as_an_event() {
    use std::sync::{Arc, Mutex};
    use tauri::Listener;
    let (app, w) = app_window();
    let heard: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = heard.clone();
    w.listen(minerals_atlas::menu::EVENT, move |e| sink.lock().unwrap().push(e.payload().to_string()));
    assert!(minerals_atlas::menu::choose(app.handle(), "import").unwrap());
    assert!(minerals_atlas::menu::choose(app.handle(), "export-pack").unwrap());
    assert!(!minerals_atlas::menu::choose(app.handle(), "'); alert(1); ('").unwrap(), "not an item");
    assert_eq!(*heard.lock().unwrap(), ["\"import\"", "\"export-pack\""]);
}

/// Applying without a check says so, and changes nothing.
#[test]
fn apply_data_update_needs_a_check_first() {
    let (_app, w) = app_window();
    let err = call(&w, "apply_data_update", json!({})).expect_err("nothing on offer");
    assert_eq!(err["code"], "channel", "{err}");
    assert!(err["message"].as_str().unwrap().contains("check for data updates first"), "{err}");
    assert!(call(&w, "get_library", json!({})).unwrap()["pack"].is_null());
}

/// A pack exported from the app and imported back: with no signature beside
/// it, it is unverified and its records cite the unverified mark; with a
/// signature that is not a trusted key's, or that is not a signature, or too
/// large to be one, it is refused and nothing changes.
#[test]
fn a_pack_from_a_file_is_unverified_without_a_signature_and_refused_with_a_bad_one() {
    let dir = scratch("file-pack");
    let (app, w) = app_window_in(&dir);
    let pack_path = dir.join("pack.json");
    answer_save(&app, &pack_path);
    call(&w, "export_pack", json!({})).unwrap();
    let imported = call(&w, "import_file", json!({"path": pack_path})).unwrap();
    assert!(imported["library"]["pack"]["signed"].is_null(), "{imported}");
    let entry = call(&w, "get_country", json!({"iso3": "PAK"})).unwrap();
    assert!(entry.to_string().contains("unverified_pack"), "PAK's facts cite the unverified mark");
    call(&w, "undo_import", json!({})).unwrap();
    let before = call(&w, "get_library", json!({})).unwrap();
    let signature = dir.join("pack.json.minisig");
    let (_, other) = atlas_channel::publish::generate_keypair().unwrap();
    let bytes = std::fs::read(&pack_path).unwrap();
    let cases: [(&str, Vec<u8>); 3] = [
        (
            "does not trust",
            atlas_channel::publish::sign(&bytes, &other, None, "minerals-atlas pack 9 2026-12-07 pack.json").unwrap().into_bytes(),
        ),
        ("not a minisign signature", b"untrusted comment: x\nnot base64 at all\n".to_vec()),
        ("cannot be read", vec![b'a'; 10_000]),
    ];
    for (words, sig) in cases {
        std::fs::write(&signature, sig).unwrap();
        let err = call(&w, "import_file", json!({"path": pack_path})).expect_err(words);
        assert_eq!(err["code"], "channel", "{err}");
        assert!(err["message"].as_str().unwrap().contains(words), "{words}: {err}");
        assert_eq!(call(&w, "get_library", json!({})).unwrap()["pack"], before["pack"], "{words}: nothing changed");
    }
    // A schedule with a signature beside it (an organiser's, not ours to judge) imports as a schedule.
    let calendar = dir.join("kielux.ics");
    std::fs::copy(shared_fixture("kielux-2020.ics"), &calendar).unwrap();
    std::fs::write(dir.join("kielux.ics.minisig"), b"untrusted comment: the organiser's own\nnot ours\n").unwrap();
    let imported = call(&w, "import_file", json!({"path": calendar})).unwrap();
    assert_eq!(imported["summary"]["kind"], "schedule", "{imported}");
}
