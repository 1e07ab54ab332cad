//! A panic leaves a report in the data folder, and the next start tells the user.

use std::process::Command;

/// The crashing half: installs the hook and panics. Run only by the test below.
#[test]
#[ignore = "helper process for crash_writes_a_report_and_the_next_start_says_so"]
fn crashing_child() {
    let dir = std::env::var("ATLAS_CRASH_DIR").expect("run by the parent test");
    minerals_atlas::crash::install(dir.into());
    let ids: Vec<&str> = vec![];
    // An out-of-bounds index, the kind of bug a hook must not hide.
    let _ = ids[std::hint::black_box(3)];
}

#[test]
fn crash_writes_a_report_and_the_next_start_says_so() {
    let dir = std::env::temp_dir().join(format!("atlas-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "crashing_child", "--nocapture", "--test-threads=1"])
        .env("ATLAS_CRASH_DIR", &dir)
        .output()
        .unwrap();
    assert!(!out.status.success(), "the child panicked");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("a crash report was written to"), "{stderr}");
    let reports: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    let text = std::fs::read_to_string(&reports[0]).unwrap();
    assert!(text.contains("index out of bounds"), "{text}");
    assert!(text.contains("crash_report.rs"), "names the place: {text}");
    assert!(text.contains("backtrace:"));

    // A start that ends before the page asks for the notice (another crash
    // at start-up) must not hide the report: it is marked shown only once told.
    drop(minerals_atlas::user::UserState::open(&dir));
    assert_eq!(minerals_atlas::crash::unseen(&dir).len(), 1, "still unseen after a start that told nobody");
    let user = minerals_atlas::user::UserState::open(&dir);
    let notice = user.view().notice.expect("the user is told");
    assert!(notice.contains("closed unexpectedly"), "{notice}");
    // The notice names the report where it is now (marked shown), so the user can open it.
    let named = notice.split("saved at ").nth(1).and_then(|rest| rest.split(';').next()).expect("a path in the notice");
    assert!(std::path::Path::new(named).is_file(), "{named} exists");
    assert!(minerals_atlas::crash::unseen(&dir).is_empty(), "marked shown once told");
    assert!(minerals_atlas::user::UserState::open(&dir).view().notice.is_none(), "told once");
}

/// The contained half: a panic inside `contain` becomes an error and writes no report.
#[test]
#[ignore = "helper process for a_contained_panic_is_an_error_not_a_crash"]
fn contained_child() {
    let dir = std::env::var("ATLAS_CRASH_DIR").expect("run by the parent test");
    minerals_atlas::crash::install(dir.into());
    let ids: Vec<&str> = vec![];
    let result = minerals_atlas::crash::contain(|| ids[std::hint::black_box(3)].len());
    let message = result.expect_err("the panic is caught");
    assert!(message.contains("index out of bounds"), "{message}");
    println!("CONTAINED-OK");
}

#[test]
fn a_contained_panic_is_an_error_not_a_crash() {
    let dir = std::env::temp_dir().join(format!("atlas-contained-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "contained_child", "--nocapture", "--test-threads=1"])
        .env("ATLAS_CRASH_DIR", &dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && stdout.contains("CONTAINED-OK"), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(minerals_atlas::crash::unseen(&dir).is_empty(), "no crash report for a contained panic");
}
