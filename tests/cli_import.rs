//! `minerals-atlas import --check FILE`: the real binary, no window. One
//! JSON object on stdout and exit 0 for every shared fixture; a message on
//! stderr and a non-zero exit for bad input; nothing stored is touched.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    assert!(dir.is_dir(), "the shared fixtures are missing at {} (CI puts ../shared beside the checkout)", dir.display());
    dir
}

fn run(args: &[&str], data_dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_minerals-atlas"))
        .args(args)
        .env("MINERALS_ATLAS_DATA_DIR", data_dir)
        .output()
        .expect("the binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("atlas-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn every_fixture_checks_with_one_json_object_and_exit_0() {
    let data = scratch("ok");
    let mut seen = 0;
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() || path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let (code, stdout, stderr) = run(&["import", "--check", path.to_str().unwrap()], &data);
        assert_eq!(code, 0, "{}: {stderr}", path.display());
        assert_eq!(stdout.lines().count(), 1, "one line: {stdout}");
        let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        // The same answer as the library gives for the same bytes.
        let expected = atlas_import::check(&std::fs::read(&path).unwrap(), &Default::default()).unwrap();
        assert_eq!(v, serde_json::to_value(&expected).unwrap());
        for key in ["format", "events", "first_start_utc", "last_start_utc", "time_zone", "warnings"] {
            assert!(v.get(key).is_some(), "{key} in {stdout}");
        }
        assert!(["frab-xml", "schedule-json", "ical"].contains(&v["format"].as_str().unwrap()));
        seen += 1;
    }
    assert!(seen >= 4);
    assert_eq!(std::fs::read_dir(&data).unwrap().count(), 0, "--check stores nothing");
}

#[test]
fn a_zone_can_be_given_for_files_without_one() {
    let data = scratch("zone");
    let ics = data.join("floating.ics");
    std::fs::write(&ics, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nSUMMARY:Floating\nDTSTART:20260408T100000\nEND:VEVENT\nEND:VCALENDAR\n")
        .unwrap();
    let (code, stdout, _) = run(&["import", "--check", ics.to_str().unwrap(), "--zone", "Asia/Karachi"], &data);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["first_start_utc"], "2026-04-08T05:00:00Z");
    let (code, _, stderr) = run(&["import", "--check", ics.to_str().unwrap(), "--zone", "Nowhere/Else"], &data);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown time zone"), "{stderr}");
}

#[test]
fn bad_input_fails_with_a_message_on_stderr() {
    let data = scratch("bad");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.xml", vec![], "empty"),
        ("laughs.xml", b"<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY a \"aaaa\">]>\n<schedule>&a;</schedule>".to_vec(), "DTD"),
        ("cp1252.ics", b"BEGIN:VCALENDAR\nSUMMARY:Caf\xe9\n".to_vec(), "not UTF-8"),
        ("cut.json", b"{\"schedule\": {\"conference\": ".to_vec(), "malformed JSON"),
    ];
    for (name, bytes, needle) in cases {
        let path = data.join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, stdout, stderr) = run(&["import", "--check", path.to_str().unwrap()], &data);
        assert_eq!(code, 1, "{name}");
        assert!(stdout.is_empty(), "{name}: nothing on stdout");
        assert!(stderr.contains(needle), "{name}: {stderr}");
    }
    let (code, _, stderr) = run(&["import", "--check", data.join("nope.xml").to_str().unwrap()], &data);
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot read"), "{stderr}");
    let (code, _, stderr) = run(&["import", "--frobnicate"], &data);
    assert_eq!(code, 2);
    assert!(stderr.contains("usage"), "{stderr}");
    let (code, _, stderr) = run(&["import", data.to_str().unwrap()], &data);
    assert_eq!(code, 2, "importing without a window is not offered");
    assert!(stderr.contains("--check"), "{stderr}");
}

#[test]
fn the_command_line_never_panics_or_waits() {
    use std::os::unix::ffi::OsStrExt;
    let data = scratch("hostile-args");
    // An argument that is not UTF-8: a clear message and exit 2, not a panic.
    let out = Command::new(env!("CARGO_BIN_EXE_minerals-atlas"))
        .args([std::ffi::OsStr::new("import"), std::ffi::OsStr::new("--check"), std::ffi::OsStr::from_bytes(b"caf\xe9.ics")])
        .env("MINERALS_ATLAS_DATA_DIR", &data)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("not valid UTF-8") && !stderr.contains("panicked"), "{stderr}");
    // --zone with nothing after it is a usage error, not ignored.
    let ics = data.join("a.ics");
    std::fs::write(&ics, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nSUMMARY:A\nDTSTART:20260408T100000Z\nEND:VEVENT\nEND:VCALENDAR\n").unwrap();
    let (code, _, stderr) = run(&["import", "--check", ics.to_str().unwrap(), "--zone"], &data);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--zone needs"), "{stderr}");
    // A FIFO is refused without waiting for a writer.
    let fifo = data.join("pipe.ics");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_minerals-atlas"))
        .args(["import", "--check", fifo.to_str().unwrap()])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("--check on a FIFO hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(1));
    // A file whose first line is not ASCII: a reason, exit 1, no panic.
    let first = data.join("r.ics");
    std::fs::write(&first, "Расписание конференции\nBEGIN:VCALENDAR\n").unwrap();
    let (code, _, stderr) = run(&["import", "--check", first.to_str().unwrap()], &data);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("Расписание конференции") && !stderr.contains("panicked"), "{stderr}");
}
