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

    let user = minerals_atlas::user::UserState::open(&dir);
    let notice = user.view().notice.expect("the user is told");
    assert!(notice.contains("closed unexpectedly"), "{notice}");
    assert!(minerals_atlas::user::UserState::open(&dir).view().notice.is_none(), "told once");
}
