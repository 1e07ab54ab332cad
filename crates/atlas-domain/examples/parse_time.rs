//! Measures how long parsing and indexing the embedded dataset takes.
//! `cargo run --release -p atlas-domain --example parse_time`
//! Prints the median and the spread over repeated runs, with a baseline in
//! the same run (serde_json parsing the same bytes into an untyped Value).

use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let runs = 30;
    let bytes = atlas_domain::EMBEDDED_DATASET.len();
    let mut atlas_ms = Vec::new();
    let mut value_ms = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let v: serde_json::Value = serde_json::from_str(atlas_domain::EMBEDDED_DATASET).unwrap();
        value_ms.push(t.elapsed().as_secs_f64() * 1e3);
        drop(v);
        let t = Instant::now();
        let a = atlas_domain::Atlas::embedded().unwrap();
        atlas_ms.push(t.elapsed().as_secs_f64() * 1e3);
        drop(a);
    }
    let (a, b) = (median(atlas_ms.clone()), median(value_ms));
    println!("dataset: {bytes} bytes");
    println!(
        "parse + validate + index (Atlas::embedded): median {a:.2} ms over {runs} runs (min {:.2}, max {:.2})",
        atlas_ms.iter().cloned().fold(f64::MAX, f64::min),
        atlas_ms.iter().cloned().fold(0.0, f64::max)
    );
    println!("baseline, serde_json::Value of the same bytes: median {b:.2} ms");
    println!("ratio Atlas / baseline: {:.2}x", a / b);
}
