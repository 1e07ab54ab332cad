//! `atlas-datagen keygen` and `atlas-datagen pack`: a pack published with a
//! throwaway key verifies with the standard `minisign` tool and with the
//! app's own check; a file that would not import is refused unsigned.

use std::path::{Path, PathBuf};
use std::process::Command;

use atlas_channel::{verify_offer, TrustedKey};

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_atlas-datagen")).args(args).output().expect("the generator runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("atlas-publish-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn dataset() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/generated/atlas-dataset.json")
}

fn minisign_verifies(key: &Path, file: &Path) -> bool {
    let out = Command::new("minisign")
        .args(["-V", "-p"])
        .arg(key)
        .arg("-m")
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("minisign (Debian package minisign) checks the signatures: run scripts/setup.sh test ({e})"));
    out.status.success()
}

#[test]
fn a_pack_published_with_a_throwaway_key_verifies_everywhere() {
    let keys = scratch("keys");
    let out = scratch("out");
    let (code, _, err) = run(&["keygen", "--out", keys.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&["keygen", "--out", keys.to_str().unwrap()]);
    assert_eq!(code, 1, "a key is never overwritten");
    assert!(err.contains("refusing to overwrite"), "{err}");
    let (code, stdout, err) = run(&[
        "pack",
        dataset().to_str().unwrap(),
        "--key",
        keys.join("channel.key").to_str().unwrap(),
        "--version",
        "2",
        "--summary",
        "PMIF 2026 outcomes",
        "--date",
        "2026-12-07",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("published pack 2"), "{stdout}");
    for file in ["pack-2.json", "index.json"] {
        assert!(minisign_verifies(&keys.join("channel.pub"), &out.join(file)), "minisign -V {file}");
    }
    let key = TrustedKey::parse(&std::fs::read_to_string(keys.join("channel.pub")).unwrap()).unwrap();
    let read = |f: &str| std::fs::read(out.join(f)).unwrap();
    let text = |f: &str| std::fs::read_to_string(out.join(f)).unwrap();
    let ok =
        verify_offer(&key, &read("index.json"), &text("index.json.minisig"), read("pack-2.json"), &text("pack-2.json.minisig"), 1, "0.1.0")
            .unwrap();
    assert_eq!(ok.index.summary, "PMIF 2026 outcomes");
    assert_eq!(ok.bytes, std::fs::read(dataset()).unwrap(), "the pack is published byte for byte");
}

#[test]
fn a_file_that_would_not_import_is_not_signed() {
    let keys = scratch("keys-bad");
    let out = scratch("out-bad");
    assert_eq!(run(&["keygen", "--out", keys.to_str().unwrap()]).0, 0);
    let bad = keys.join("bad.json");
    std::fs::write(&bad, br#"{"schema_version": 1, "countries": "not a list"}"#).unwrap();
    let key = keys.join("channel.key");
    let (code, _, err) = run(&[
        "pack",
        bad.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
        "--version",
        "2",
        "--summary",
        "x",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("would not import") && err.contains("nothing was published"), "{err}");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0, "nothing written");
    let (code, _, err) = run(&[
        "pack",
        dataset().to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
        "--version",
        "two",
        "--summary",
        "x",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(run(&["pack", dataset().to_str().unwrap()]).0, 2, "a wrong command line");
}

#[test]
fn an_encrypted_key_signs_with_its_password_and_never_prompts() {
    let keys = scratch("encrypted");
    let out = scratch("encrypted-out");
    let run_env = |args: &[&str], password: Option<&str>| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_atlas-datagen"));
        c.args(args).stdin(std::process::Stdio::null());
        match password {
            Some(p) => c.env("ATLAS_TEST_KEY_PASSWORD", p),
            None => c.env_remove("ATLAS_TEST_KEY_PASSWORD"),
        };
        let o = c.output().unwrap();
        (o.status.code().unwrap_or(-1), String::from_utf8_lossy(&o.stderr).into_owned())
    };
    let (code, err) =
        run_env(&["keygen", "--out", keys.to_str().unwrap(), "--password-env", "ATLAS_TEST_KEY_PASSWORD"], Some("correct horse"));
    assert_eq!(code, 0, "{err}");
    let key = keys.join("channel.key");
    let args = |version: &'static str| {
        vec![
            "pack".to_string(),
            dataset().display().to_string(),
            "--key".into(),
            key.display().to_string(),
            "--version".into(),
            version.into(),
            "--summary".into(),
            "signed with an encrypted key".into(),
            "--password-env".into(),
            "ATLAS_TEST_KEY_PASSWORD".into(),
            "--out".into(),
            out.display().to_string(),
        ]
    };
    let a = args("6");
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let (code, err) = run_env(&a, None);
    assert_eq!(code, 1, "no password, no prompt: {err}");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0, "nothing written");
    let (code, err) = run_env(&a, Some("wrong"));
    assert_eq!(code, 1, "a wrong password: {err}");
    let (code, err) = run_env(&a, Some("correct horse"));
    assert_eq!(code, 0, "{err}");
    assert!(minisign_verifies(&keys.join("channel.pub"), &out.join("pack-6.json")));
    assert!(minisign_verifies(&keys.join("channel.pub"), &out.join("index.json")));
}
