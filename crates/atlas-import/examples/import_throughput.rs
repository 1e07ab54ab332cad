//! Import time and throughput for each shared fixture and for a synthetic
//! 20,000-event schedule: the median of repeated parses, in events per
//! second and MB/s, beside a baseline run in the same invocation (the same
//! bytes tokenised only: UTF-8 check plus a bare quick-xml event scan, a
//! `serde_json::Value` parse, or a line split), and the merge into the
//! dataset (the whole import as the app does it).
//!
//!   cargo run --release -p atlas-import --example import_throughput

use std::time::{Duration, Instant};

use atlas_import::library::{import, Library};
use atlas_import::{check, ImportOptions};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time(reps: usize, mut f: impl FnMut()) -> Duration {
    f();
    median(
        (0..reps)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn baseline(name: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap();
    if name.ends_with(".xml") {
        let mut r = quick_xml::Reader::from_str(text);
        let mut n = 0usize;
        loop {
            match r.read_event() {
                Ok(quick_xml::events::Event::Eof) | Err(_) => break,
                Ok(_) => n += 1,
            }
        }
        std::hint::black_box(n);
    } else if name.ends_with(".json") {
        std::hint::black_box(serde_json::from_str::<serde_json::Value>(text).unwrap());
    } else {
        std::hint::black_box(text.lines().count());
    }
}

fn main() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures");
    let mut inputs: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the shared fixtures are missing at {} ({e})", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "md") && p.is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    inputs.sort();
    inputs.push(("synthetic-20000.xml".into(), atlas_import::synthetic::frab_xml(20_000, "synth").into_bytes()));
    let embedded: atlas_domain::model::Dataset = serde_json::from_str(atlas_domain::EMBEDDED_DATASET).unwrap();
    let opts = ImportOptions::default();
    println!(
        "{:<32} {:>7} {:>9} {:>10} {:>11} {:>8} {:>10} {:>9} {:>12}",
        "file", "events", "bytes", "parse ms", "events/s", "MB/s", "base ms", "ratio", "import ms"
    );
    for (name, bytes) in &inputs {
        let reps = if bytes.len() > 1_000_000 { 9 } else { 41 };
        let events = check(bytes, &opts).unwrap().events;
        let parse = time(reps, || {
            std::hint::black_box(check(bytes, &opts).unwrap());
        });
        let base = time(reps, || baseline(name, bytes));
        let whole = time(reps.min(9), || {
            std::hint::black_box(
                import(&Library::default(), &embedded, bytes, name, &opts, Default::default(), chrono::Utc::now()).unwrap(),
            );
        });
        let secs = parse.as_secs_f64();
        println!(
            "{:<32} {:>7} {:>9} {:>10.2} {:>11.0} {:>8.1} {:>10.2} {:>8.2}x {:>12.1}",
            name,
            events,
            bytes.len(),
            secs * 1e3,
            events as f64 / secs,
            bytes.len() as f64 / 1e6 / secs,
            base.as_secs_f64() * 1e3,
            secs / base.as_secs_f64(),
            whole.as_secs_f64() * 1e3,
        );
    }
    println!("parse: detect, decode, parse, time zones, warnings (median). base: the same bytes only tokenised. import: parse + merge into the dataset + index (what an import costs before saving).");
}
