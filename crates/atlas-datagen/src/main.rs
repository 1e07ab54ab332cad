//! `atlas-datagen [--shared-data DIR] [--curated DIR] [--out FILE] [--check]`
//! (and `atlas-datagen keygen` / `atlas-datagen pack`: see `channel.rs`)
//!
//! Writes the app's dataset (default `data/generated/atlas-dataset.json`) from
//! `../shared/data` and `data/curated`. With `--check`, writes nothing and
//! exits 1 if the committed file differs from what the inputs give.

use std::path::PathBuf;
use std::process::ExitCode;

use atlas_datagen::{generate, render, write_atomically, Inputs};

mod channel;

fn main() -> ExitCode {
    let all: Vec<String> = std::env::args().skip(1).collect();
    match all.first().map(String::as_str) {
        Some("keygen") => return channel::keygen(all.get(1..).unwrap_or_default()),
        Some("pack") => return channel::pack(all.get(1..).unwrap_or_default()),
        _ => {}
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = manifest.canonicalize().unwrap_or(manifest);
    let mut inputs = Inputs::beside_checkout(&root);
    let mut out = root.join("data/generated/atlas-dataset.json");
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().map(PathBuf::from).ok_or_else(|| format!("{name} needs a value"));
        let parsed = match arg.as_str() {
            "--shared-data" => value("--shared-data").map(|v| inputs.shared_data = v),
            "--curated" => value("--curated").map(|v| inputs.curated = v),
            "--out" => value("--out").map(|v| out = v),
            "--check" => {
                check = true;
                Ok(())
            }
            "-h" | "--help" => {
                println!("usage: atlas-datagen [--shared-data DIR] [--curated DIR] [--out FILE] [--check]");
                return ExitCode::SUCCESS;
            }
            other => Err(format!("unknown argument {other}")),
        };
        if let Err(e) = parsed {
            eprintln!("atlas-datagen: {e}");
            return ExitCode::from(2);
        }
    }
    let dataset = match generate(&inputs) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("atlas-datagen: error: {e}");
            eprintln!("atlas-datagen: nothing was written");
            return ExitCode::FAILURE;
        }
    };
    let text = render(&dataset);
    if check {
        let current = std::fs::read_to_string(&out).unwrap_or_default();
        if current == text {
            println!("atlas-datagen: {} is up to date ({} bytes)", out.display(), text.len());
            return ExitCode::SUCCESS;
        }
        eprintln!("atlas-datagen: {} differs from what the inputs give; run atlas-datagen", out.display());
        return ExitCode::FAILURE;
    }
    if let Err(e) = write_atomically(&out, &text) {
        eprintln!("atlas-datagen: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "atlas-datagen: wrote {} ({} bytes; {} series, {} countries, {} sessions, {} timeline entries, {} errata applied)",
        out.display(),
        text.len(),
        dataset.series.len(),
        dataset.countries.len(),
        dataset.sessions.len(),
        dataset.timeline.len(),
        dataset.provenance.errata_applied.len()
    );
    ExitCode::SUCCESS
}
