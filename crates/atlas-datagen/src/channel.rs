//! The data channel's publishing commands:
//!
//! - `atlas-datagen keygen --out DIR [--password-env VAR]`: a new key pair
//!   in minisign's format (`channel.pub`, `channel.key`), the secret key
//!   encrypted with the password in VAR (a maintainer's) or not (tests).
//!   Never committed.
//! - `atlas-datagen pack PACK.json --key KEY --version N --summary TEXT
//!   [--date YYYY-MM-DD] [--min-app 0.1.0] [--password-env VAR] --out DIR`:
//!   checks the pack as the app's import will, then writes `pack-N.json`,
//!   its `.minisig`, `index.json` and its `.minisig` into DIR, ready to copy
//!   to the static host as they are.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use atlas_channel::publish::{generate_keypair_with, publish, Release};

use atlas_datagen::write_atomically;

pub fn keygen(args: &[String]) -> ExitCode {
    const USAGE: &str = "usage: atlas-datagen keygen --out DIR [--password-env VAR]";
    let (mut out, mut password_env) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match (arg.as_str(), it.next()) {
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            ("--password-env", Some(v)) => password_env = Some(v.clone()),
            _ => return usage(USAGE),
        }
    }
    let Some(out) = out else { return usage(USAGE) };
    let password = match password_env.map(|v| std::env::var(&v).map_err(|_| v)) {
        Some(Ok(p)) if !p.is_empty() => Some(p),
        Some(_) => return fail("the --password-env variable is not set or empty"),
        None => None,
    };
    let encrypted = password.is_some();
    let (public, secret) = match generate_keypair_with(password) {
        Ok(k) => k,
        Err(e) => return fail(&e.to_string()),
    };
    let key = out.join("channel.key");
    if key.exists() {
        return fail(&format!("{} exists: refusing to overwrite a key", key.display()));
    }
    for (path, text) in [(out.join("channel.pub"), public), (key, secret)] {
        if let Err(e) = write_atomically(&path, &text) {
            return fail(&format!("cannot write {}: {e}", path.display()));
        }
    }
    let how = if encrypted { "encrypted with the password" } else { "unencrypted: for tests" };
    println!("atlas-datagen: wrote {0}/channel.pub and {0}/channel.key ({how}); keep the key out of the repository", out.display());
    ExitCode::SUCCESS
}

pub fn pack(args: &[String]) -> ExitCode {
    const USAGE: &str = "usage: atlas-datagen pack PACK.json --key KEY --version N --summary TEXT [--date YYYY-MM-DD] [--min-app 0.1.0] [--password-env VAR] --out DIR";
    let (mut file, mut key, mut version, mut summary, mut out) = (None, None, None, None, None);
    let mut date = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let mut min_app = env!("CARGO_PKG_VERSION").to_string();
    let mut password_env = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let slot = match arg.as_str() {
            "--key" => &mut key,
            "--version" => &mut version,
            "--summary" => &mut summary,
            "--out" => &mut out,
            "--password-env" => &mut password_env,
            "--date" | "--min-app" => {
                let Some(v) = it.next() else { return usage(USAGE) };
                if arg == "--date" {
                    date = v.clone();
                } else {
                    min_app = v.clone();
                }
                continue;
            }
            other if file.is_none() && !other.starts_with("--") => {
                file = Some(other.to_string());
                continue;
            }
            _ => return usage(USAGE),
        };
        match it.next() {
            Some(v) => *slot = Some(v.clone()),
            None => return usage(USAGE),
        }
    }
    let (Some(file), Some(key), Some(version), Some(summary), Some(out)) = (file, key, version, summary, out) else { return usage(USAGE) };
    let Ok(version) = version.parse::<u64>() else { return fail("--version must be a whole number, larger than the last published") };
    let bytes = match std::fs::read(&file) {
        Ok(b) => b,
        Err(e) => return fail(&format!("cannot read {file}: {e}")),
    };
    // The pack must import: checked here as the app will check it.
    match atlas_import::check(&bytes, &Default::default()) {
        Ok(report) if report.format == "atlas-pack" => {}
        Ok(report) => return fail(&format!("{file} is a {} file, not a data pack", report.format)),
        Err(e) => return fail(&format!("{file} would not import: {e}")),
    }
    let secret = match std::fs::read_to_string(&key) {
        Ok(s) => s,
        Err(e) => return fail(&format!("cannot read the key {key}: {e}")),
    };
    let password = password_env.and_then(|v| std::env::var(v).ok());
    let name = format!("pack-{version}.json");
    let release = Release { file: &name, pack_version: version, date: &date, min_app_version: &min_app, summary: &summary };
    let publication = match publish(&bytes, &release, &secret, password) {
        Ok(p) => p,
        Err(e) => return fail(&e.to_string()),
    };
    let Ok(pack_text) = String::from_utf8(bytes) else { return fail(&format!("{file} is not UTF-8")) };
    let out = Path::new(&out);
    let files = [
        (out.join(&name), pack_text),
        (out.join(format!("{name}.minisig")), publication.pack_signature),
        (out.join("index.json"), publication.index_json),
        (out.join("index.json.minisig"), publication.index_signature),
    ];
    // The pack and its signature first, the index last: a host that serves
    // the new index always has the pack it names.
    for (path, text) in files {
        if let Err(e) = write_atomically(&path, &text) {
            return fail(&format!("cannot write {}: {e}", path.display()));
        }
    }
    println!(
        "atlas-datagen: published pack {version} ({} bytes, sha256 {}) into {}",
        publication.index.size,
        publication.index.sha256,
        out.display()
    );
    ExitCode::SUCCESS
}

fn usage(text: &str) -> ExitCode {
    eprintln!("atlas-datagen: {text}");
    ExitCode::from(2)
}

fn fail(text: &str) -> ExitCode {
    eprintln!("atlas-datagen: {text}; nothing was published");
    ExitCode::FAILURE
}
