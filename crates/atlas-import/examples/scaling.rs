//! Work in proportion to the input: each hostile shape is imported at n and
//! 4n, and the time ratio printed (linear work gives about 4; quadratic
//! about 16). Exits 1 when a ratio passes 8. A ratio of two runs in the
//! same process, never a single absolute time, so a loaded machine slows
//! both sides alike.
//!
//!     cargo run --release -p atlas-import --example scaling

use std::time::{Duration, Instant};

use atlas_import::library::Library;
use atlas_import::{parse, ImportOptions, Parsed};

/// The most a ratio may reach before the shape counts as growing faster than the input.
const LIMIT: f64 = 8.0;

fn schedule_json(events: &[serde_json::Value]) -> Vec<u8> {
    serde_json::json!({"schedule": {"version": "s", "conference": {"acronym": "scale", "title": "Scale", "time_zone_name": "Europe/Berlin",
        "days": [{"index": 1, "date": "2026-06-01", "day_start": "2026-06-01T08:00:00+02:00", "rooms": {"A": events}}]}}})
    .to_string()
    .into_bytes()
}

fn event(i: usize, extra: serde_json::Value) -> serde_json::Value {
    let mut e = serde_json::json!({"id": i, "guid": format!("g-{i}"), "date": "2026-06-01T10:00:00+02:00", "start": "10:00",
        "duration": "00:30", "room": "A", "title": format!("Talk {i}")});
    if let (Some(e), Some(extra)) = (e.as_object_mut(), extra.as_object()) {
        e.extend(extra.clone());
    }
    e
}

/// The input for a shape at size `n`.
fn input(shape: &str, n: usize) -> Vec<u8> {
    match shape {
        "entities \"R&D Q&A\"" => schedule_json(&[event(1, serde_json::json!({"abstract": "R&D Q&A ".repeat(n)}))]),
        "a run of &" => schedule_json(&[event(1, serde_json::json!({"abstract": "&".repeat(n)}))]),
        "<script> tags" => schedule_json(&[event(1, serde_json::json!({"description": "<script>x".repeat(n)}))]),
        "lone <" => schedule_json(&[event(1, serde_json::json!({"description": "< ".repeat(n)}))]),
        "one guid for all" => schedule_json(&(0..n).map(|i| event(i, serde_json::json!({"guid": "same"}))).collect::<Vec<_>>()),
        "non-ASCII speakers" => schedule_json(
            &(0..n)
                .map(|i| {
                    // Distinct names with no ASCII letter or digit: every one slugs to
                    // the same stem, the case that was quadratic.
                    let name = format!("Дмитрий {}", char::from_u32(0x4e00 + (i as u32 % 20000)).unwrap_or('x'));
                    event(i, serde_json::json!({"persons": [{"public_name": name}]}))
                })
                .collect::<Vec<_>>(),
        ),
        other => panic!("unknown shape {other}"),
    }
}

/// Imports as the app does: parse, add to a library, build the atlas.
fn import(bytes: &[u8], embedded: &atlas_domain::model::Dataset) -> usize {
    let Ok(Parsed::Schedule(s)) = parse(bytes, &ImportOptions::default()) else { panic!("the shape imports") };
    let events = s.events.len();
    let (library, _) = Library::default().with_schedule("scale.json", s, chrono::Utc::now());
    library.build(embedded).expect("the library builds");
    events
}

fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let embedded: atlas_domain::model::Dataset = serde_json::from_str(atlas_domain::EMBEDDED_DATASET).expect("the dataset parses");
    let shapes: [(&str, usize); 6] = [
        ("entities \"R&D Q&A\"", 65_536),
        ("a run of &", 524_288),
        ("<script> tags", 65_536),
        ("lone <", 262_144),
        ("one guid for all", 2_500),
        ("non-ASCII speakers", 2_500),
    ];
    let mut worst: f64 = 0.0;
    println!("{:<22} {:>10} {:>11} {:>11} {:>7} {:>12} {:>9}", "shape", "n", "time n", "time 4n", "ratio", "events/s 4n", "MB/s 4n");
    for (shape, n) in shapes {
        let (small, large) = (input(shape, n), input(shape, n * 4));
        let mut events = 0;
        let t1 = best_of(5, || events = import(&small, &embedded));
        let t4 = best_of(5, || events = import(&large, &embedded));
        let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        worst = worst.max(ratio);
        println!(
            "{shape:<22} {n:>10} {:>9.1}ms {:>9.1}ms {ratio:>7.2} {:>12.0} {:>9.1}",
            t1.as_secs_f64() * 1e3,
            t4.as_secs_f64() * 1e3,
            events as f64 / t4.as_secs_f64(),
            large.len() as f64 / 1e6 / t4.as_secs_f64()
        );
    }
    println!("worst ratio {worst:.2} (linear about 4, quadratic about 16; limit {LIMIT})");
    if worst > LIMIT {
        std::process::exit(1);
    }
}
