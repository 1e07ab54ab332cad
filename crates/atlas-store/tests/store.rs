//! The user-data store: round trips, migration, recovery from bad files, and
//! SIGKILL at random moments during saves leaving the old or the new state.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use atlas_store::*;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn session(id: &str) -> ItemRef {
    ItemRef { kind: ItemKind::Session, id: id.to_string() }
}

#[test]
fn fresh_then_saved_then_loaded() {
    let dir = scratch("roundtrip");
    let store = Store::in_folder(&dir);
    let (mut data, outcome) = store.load().unwrap();
    assert_eq!(outcome, LoadOutcome::Fresh);
    data.set_star(session("cmm-0204-opening"), true).unwrap();
    data.set_star(session("cmm-0204-signings"), true).unwrap();
    data.set_star(session("cmm-0204-signings"), true).unwrap(); // idempotent
    data.set_note("country:PAK", "Ask about Reko Diq").unwrap();
    data.settings.time_zone = Some("Asia/Karachi".into());
    store.save(&data).unwrap();
    let (back, outcome) = store.load().unwrap();
    assert_eq!(outcome, LoadOutcome::Loaded);
    assert_eq!(back, data);
    assert_eq!(back.starred.len(), 2);
    // Unstar and clear a note.
    let mut next = back.clone();
    next.set_star(session("cmm-0204-opening"), false).unwrap();
    next.set_note("country:PAK", "  ").unwrap();
    store.save(&next).unwrap();
    let (back, _) = store.load().unwrap();
    assert_eq!(back.starred, vec![session("cmm-0204-signings")]);
    assert!(back.notes.is_empty());
    assert!(dir.join("user-data.json.bak").exists(), "the previous version is kept");
}

#[test]
fn bad_notes_and_targets_are_refused() {
    let mut d = UserData::default();
    assert!(d.set_note("country:PAK", &"x".repeat(MAX_NOTE_BYTES + 1)).is_err());
    assert!(d.set_note("../../etc/passwd", "x").is_err());
    assert!(d.set_note("country:", "x").is_err());
    assert!(d.set_note("planet:MARS", "x").is_err());
    assert!(d.notes.is_empty());
}

#[test]
fn corrupt_files_are_moved_aside_and_reported() {
    for (name, content) in [
        ("truncated", &b"{\"version\":1,\"starred\":[{\"kind\":\"sess"[..]),
        ("binary", &[0xff, 0xfe, 0x00, 0x13][..]),
        ("empty", &b""[..]),
        ("wrong-types", &b"{\"version\":1,\"starred\":\"everything\",\"notes\":{},\"settings\":{}}"[..]),
        ("no-version", &b"{\"starred\":[]}"[..]),
        ("newer", &b"{\"version\":99}"[..]),
    ] {
        let dir = scratch(name);
        std::fs::write(dir.join(FILE_NAME), content).unwrap();
        let store = Store::in_folder(&dir);
        let (data, outcome) = store.load().unwrap();
        assert_eq!(data, UserData::default(), "{name}: starts clean");
        match outcome {
            LoadOutcome::Recovered { moved_to, reason } => {
                assert_eq!(std::fs::read(&moved_to).unwrap(), content, "{name}: kept byte for byte");
                assert!(!reason.is_empty());
                if name == "newer" {
                    assert!(reason.contains("newer Minerals Atlas"), "{reason}");
                }
            }
            other => panic!("{name}: {other:?}"),
        }
        assert!(!dir.join(FILE_NAME).exists());
    }
}

#[test]
fn version_zero_is_migrated() {
    let dir = scratch("migrate");
    std::fs::write(dir.join(FILE_NAME), br#"{"version":0,"starred_sessions":["cmm-0204-opening"]}"#).unwrap();
    let (data, outcome) = Store::in_folder(&dir).load().unwrap();
    assert_eq!(outcome, LoadOutcome::Migrated { from: 0 });
    assert_eq!(data.starred, vec![session("cmm-0204-opening")]);
    assert_eq!(data.version, USER_DATA_VERSION);
}

#[test]
fn a_failed_write_gives_a_clear_error_and_keeps_what_was_saved() {
    // A directory where the temporary file must go makes the write fail, even
    // for root (these tests run as root in CI, where permission bits do not bite).
    let dir = scratch("failed-write");
    let store = Store::in_folder(&dir);
    let mut data = UserData::default();
    data.set_star(session("a"), true).unwrap();
    store.save(&data).unwrap();
    let squatter = dir.join(format!(".{FILE_NAME}.tmp-{}", std::process::id()));
    std::fs::create_dir(&squatter).unwrap();
    data.set_star(session("b"), true).unwrap();
    let err = store.save(&data).expect_err("the temporary file cannot be created");
    assert!(err.to_string().contains("cannot save your data"), "{err}");
    let (back, outcome) = store.load().unwrap();
    assert_eq!(outcome, LoadOutcome::Loaded);
    assert_eq!(back.starred, vec![session("a")], "what was saved is intact");
    std::fs::remove_dir(&squatter).unwrap();
    store.save(&data).unwrap();
    assert_eq!(store.load().unwrap().0.starred.len(), 2, "saving works again once the fault is gone");
}

/// The writer half of the kill test: saves forever, each state one star more.
/// Run only as a child of `sigkill_during_saves_never_breaks_the_file`.
#[test]
#[ignore = "helper process for the SIGKILL test"]
fn writer_child() {
    let dir = PathBuf::from(std::env::var("ATLAS_STORE_WRITER_DIR").expect("run by the kill test"));
    let store = Store::in_folder(&dir);
    let (mut data, _) = store.load().unwrap();
    for n in data.starred.len().. {
        data.set_star(session(&format!("s{n}")), true).unwrap();
        data.set_note(&format!("session:s{n}"), &"note ".repeat(200)).unwrap();
        store.save(&data).unwrap();
    }
}

#[test]
fn sigkill_during_saves_never_breaks_the_file() {
    let runs: usize = std::env::var("ATLAS_KILL_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let dir = scratch("sigkill");
    let exe = std::env::current_exe().unwrap();
    let mut seed: u64 = 0x9e3779b97f4a7c15 ^ std::process::id() as u64;
    let mut last_count = 0;
    let started = Instant::now();
    for run in 0..runs {
        let mut child = Command::new(&exe)
            .args(["--ignored", "--exact", "writer_child", "--nocapture", "--test-threads=1"])
            .env("ATLAS_STORE_WRITER_DIR", &dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // xorshift: a kill moment between 2 and 40 ms after start.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(2_000 + seed % 38_000));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let (data, outcome) = Store::in_folder(&dir).load().unwrap();
        assert!(matches!(outcome, LoadOutcome::Loaded | LoadOutcome::Fresh), "run {run}: the file was broken: {outcome:?}");
        // Old or new: the count never goes back, and every state is whole.
        assert!(data.starred.len() >= last_count, "run {run}: lost saved stars");
        for (i, item) in data.starred.iter().enumerate() {
            assert_eq!(item.id, format!("s{i}"), "run {run}: a state in between");
            assert!(data.notes.contains_key(&format!("session:s{i}")), "run {run}: star without its note");
        }
        last_count = data.starred.len();
    }
    assert!(last_count > 0, "the writer saved something in {runs} runs");
    eprintln!("{runs} SIGKILLs during saves in {:?}: {last_count} states saved, none broken", started.elapsed());
}

/// Runs `fault_child` in a private mount namespace on a 64 KiB tmpfs.
fn run_fault(mode: &str) -> String {
    assert!(nix_is_root(), "the fault tests need root for a private tmpfs mount: run them as root (scripts/test-all.sh does)");
    let dir = scratch(&format!("fault-{mode}"));
    let exe = std::env::current_exe().unwrap();
    let script = format!(
        "mount -t tmpfs -o size=64k tmpfs '{d}' && exec '{exe}' --ignored --exact fault_child --nocapture --test-threads=1",
        d = dir.display(),
        exe = exe.display()
    );
    let out = Command::new("unshare")
        .args(["--mount", "--propagation", "private", "sh", "-c", &script])
        .env("ATLAS_FAULT_MODE", mode)
        .env("ATLAS_FAULT_DIR", &dir)
        .output()
        .expect("unshare (util-linux) runs");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{text}");
    text
}

fn nix_is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .map(|s| s.lines().any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0")))
        .unwrap_or(false)
}

#[test]
#[ignore = "helper process for the full-disk and read-only tests"]
fn fault_child() {
    let dir = PathBuf::from(std::env::var("ATLAS_FAULT_DIR").expect("run by a fault test"));
    let mode = std::env::var("ATLAS_FAULT_MODE").unwrap();
    let store = Store::in_folder(&dir);
    let mut data = UserData::default();
    data.set_star(session("kept"), true).unwrap();
    data.set_note("session:kept", "saved before the fault").unwrap();
    store.save(&data).unwrap();
    match mode.as_str() {
        "full" => {
            // Fill the tmpfs to the last block.
            let mut filler = std::fs::File::create(dir.join("filler")).unwrap();
            let chunk = vec![0u8; 1024];
            while std::io::Write::write_all(&mut filler, &chunk).is_ok() {}
            let _ = filler.sync_all();
        }
        "readonly" => {
            let status = Command::new("mount").args(["-o", "remount,ro"]).arg(&dir).status().unwrap();
            assert!(status.success(), "remount read-only");
        }
        other => panic!("unknown mode {other}"),
    }
    for n in 0..20 {
        data.set_note(&format!("session:s{n}"), &"x".repeat(4000)).unwrap();
    }
    let err = store.save(&data).expect_err("the save cannot succeed");
    let message = err.to_string();
    assert!(message.starts_with("cannot save your data in"), "{message}");
    let (back, outcome) = store.load().unwrap();
    assert_eq!(outcome, LoadOutcome::Loaded, "the file is whole");
    assert_eq!(back.starred, vec![session("kept")], "nothing saved is lost");
    assert_eq!(back.notes.get("session:kept").map(String::as_str), Some("saved before the fault"));
    let leftovers: Vec<_> =
        std::fs::read_dir(&dir).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().contains(".tmp-")).collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
    println!("{mode}-OK: {message}");
}

/// Tests that need root (a private tmpfs mount). Ignored by a plain
/// `cargo test`, so a run without root reports them as not run rather than
/// passed; `scripts/test-all.sh` runs them as root with
/// `-- --ignored root_only::`, and CI runs as root.
mod root_only {
    use super::run_fault;

    #[test]
    #[ignore = "needs root: scripts/test-all.sh runs it with --ignored as root"]
    fn a_full_disk_gives_a_clear_error_and_loses_nothing() {
        let out = run_fault("full");
        assert!(out.contains("full-OK"), "{out}");
        assert!(out.contains("No space left on device"), "{out}");
    }

    #[test]
    #[ignore = "needs root: scripts/test-all.sh runs it with --ignored as root"]
    fn a_read_only_folder_gives_a_clear_error_and_loses_nothing() {
        let out = run_fault("readonly");
        assert!(out.contains("readonly-OK"), "{out}");
        assert!(out.contains("Read-only file system"), "{out}");
    }
}

fn mkfifo(path: &std::path::Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Runs `work` on a thread and fails the test if it has not returned in 10 s (a hang).
fn within_seconds<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    rx.recv_timeout(Duration::from_secs(10)).unwrap_or_else(|_| panic!("{what} hung"))
}

#[test]
fn a_fifo_in_place_of_the_file_is_moved_aside_not_read() {
    let dir = scratch("fifo");
    let store = Store::in_folder(&dir);
    mkfifo(store.path());
    let path = store.path().to_path_buf();
    let (data, outcome) = within_seconds("loading a FIFO", move || Store::in_folder(path.parent().unwrap()).load().unwrap());
    assert_eq!(data, UserData::default());
    match outcome {
        LoadOutcome::Recovered { moved_to, reason } => {
            assert!(reason.contains("not a regular file"), "{reason}");
            assert!(std::fs::symlink_metadata(moved_to).is_ok(), "kept aside, never deleted");
        }
        other => panic!("expected the FIFO to be moved aside, got {other:?}"),
    }
    // And the store goes on saving.
    store.save(&data).unwrap();
    assert_eq!(store.load().unwrap().1, LoadOutcome::Loaded);
}

#[test]
fn reading_refuses_fifos_and_oversized_files_before_reading() {
    let dir = scratch("read-regular");
    let fifo = dir.join("pipe");
    mkfifo(&fifo);
    let err = within_seconds("reading a FIFO", move || read_regular_file(&fifo, 100).unwrap_err());
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    let big = dir.join("big");
    std::fs::write(&big, vec![b'x'; 101]).unwrap();
    assert_eq!(read_regular_file(&big, 100).unwrap_err().kind(), std::io::ErrorKind::FileTooLarge);
    assert_eq!(read_regular_file(&big, 101).unwrap().len(), 101);
    assert_eq!(read_regular_file(&dir, 100).unwrap_err().kind(), std::io::ErrorKind::InvalidInput, "a folder");
}

#[test]
fn saves_never_write_through_a_link_planted_as_the_backup_or_temporary_file() {
    let dir = scratch("symlink");
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let store = Store::in_folder(&dir);
    store.save(&UserData::default()).unwrap();
    // A link where the backup goes, and where the next temporary file goes.
    std::os::unix::fs::symlink(&victim, dir.join(format!("{FILE_NAME}.bak"))).unwrap();
    std::os::unix::fs::symlink(&victim, dir.join(format!(".{FILE_NAME}.tmp-{}", std::process::id()))).unwrap();
    let mut data = UserData::default();
    data.set_note("country:PAK", "second save").unwrap();
    store.save(&data).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me", "the link's target is untouched");
    let bak = dir.join(format!("{FILE_NAME}.bak"));
    assert!(std::fs::symlink_metadata(&bak).unwrap().is_file(), "the link was replaced by a real backup");
    assert!(parse(&std::fs::read(&bak).unwrap()).is_ok(), "the backup holds the previous state");
    assert_eq!(store.load().unwrap().0, data);
}

#[test]
fn one_process_holds_the_data_folder() {
    let dir = scratch("lock");
    let first = FolderLock::try_acquire(&dir).unwrap().expect("the first takes the lock");
    // A second open file description, as a second app would have, is refused.
    assert!(FolderLock::try_acquire(&dir).unwrap().is_none(), "held by the first");
    drop(first);
    assert!(FolderLock::try_acquire(&dir).unwrap().is_some(), "free again once the first lets go");
}

#[test]
fn a_file_the_app_could_not_have_written_is_moved_aside() {
    let dir = scratch("strict");
    let store = Store::in_folder(&dir);
    let long_note = format!(
        r#"{{"version":1,"starred":[],"notes":{{"country:PAK":"{}"}},"settings":{{"time_zone":null}}}}"#,
        "x".repeat(MAX_NOTE_BYTES + 1)
    );
    let bad_target = r#"{"version":1,"starred":[],"notes":{"../../etc":"x"},"settings":{"time_zone":null}}"#.to_string();
    let long_id = format!(
        r#"{{"version":1,"starred":[{{"kind":"session","id":"{}"}}],"notes":{{}},"settings":{{"time_zone":null}}}}"#,
        "a".repeat(300)
    );
    for (what, text) in [("a note over the limit", long_note), ("a note on no target", bad_target), ("an id over the limit", long_id)] {
        std::fs::write(store.path(), text).unwrap();
        match store.load().unwrap() {
            (data, LoadOutcome::Recovered { reason, .. }) => {
                assert_eq!(data, UserData::default(), "{what}");
                assert!(!reason.is_empty(), "{what}");
            }
            other => panic!("{what}: expected it moved aside, got {other:?}"),
        }
    }
}

#[test]
fn the_last_view_is_kept_only_when_the_page_could_have_written_it() {
    let mut d = UserData::default();
    d.set_last_view(Some("#/timeline/axis/session/cmm-0204-opening")).unwrap();
    assert_eq!(d.settings.last_view.as_deref(), Some("#/timeline/axis/session/cmm-0204-opening"));
    for bad in ["", "map", "#map", "#/a b", "#/\u{7f}", "#/été", "javascript:x"] {
        assert!(d.set_last_view(Some(bad)).is_err(), "{bad:?}");
    }
    assert!(d.set_last_view(Some(&format!("#/{}", "x".repeat(MAX_VIEW_BYTES)))).is_err());
    assert_eq!(d.settings.last_view.as_deref(), Some("#/timeline/axis/session/cmm-0204-opening"), "a refusal changes nothing");
    d.set_last_view(None).unwrap();
    assert_eq!(d.settings.last_view, None);
    // A file that says otherwise is not one the app wrote.
    d.settings.last_view = Some("no hash".into());
    assert!(d.validate().is_err());
    // A file from before the view was kept reads as none.
    let old: UserData = serde_json::from_str(r#"{"version": 1, "starred": [], "notes": {}, "settings": {"time_zone": null}}"#).unwrap();
    assert_eq!(old.settings.last_view, None);
}
