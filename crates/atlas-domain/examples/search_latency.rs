//! Search latency over the shipped dataset for every query of one to three
//! letters (a..z, aa..zz, aaa..zzz: 18,278 queries), with a baseline in the
//! same run: a plain substring scan over the same titles.
//! `cargo run --release -p atlas-domain --example search_latency`

use std::time::Instant;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let atlas = atlas_domain::Atlas::embedded().unwrap();
    let letters: Vec<char> = ('a'..='z').collect();
    let mut queries: Vec<String> = letters.iter().map(|c| c.to_string()).collect();
    for a in &letters {
        for b in &letters {
            queries.push(format!("{a}{b}"));
        }
    }
    for a in &letters {
        for b in &letters {
            for c in &letters {
                queries.push(format!("{a}{b}{c}"));
            }
        }
    }
    // Baseline: the titles the index covers, scanned with a lower-case contains.
    let d = atlas.dataset();
    let titles: Vec<String> = d
        .countries
        .iter()
        .map(|c| c.name.to_lowercase())
        .chain(d.people.iter().map(|p| p.name.to_lowercase()))
        .chain(d.sessions.iter().map(|s| s.title.to_lowercase()))
        .chain(d.timeline.iter().map(|t| t.title.to_lowercase()))
        .chain(d.minerals.iter().map(|m| m.name.to_lowercase()))
        .collect();
    for _ in 0..2 {
        for q in queries.iter().take(500) {
            std::hint::black_box(atlas.search(q, None));
        }
    }
    let mut times = Vec::with_capacity(queries.len());
    let mut base = Vec::with_capacity(queries.len());
    for q in &queries {
        let t = Instant::now();
        std::hint::black_box(atlas.search(q, None));
        times.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        std::hint::black_box(titles.iter().filter(|x| x.contains(q.as_str())).count());
        base.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    base.sort_by(f64::total_cmp);
    println!("search: {} queries of 1-3 letters over {} indexed titles", queries.len(), titles.len());
    println!("  median {:.4} ms, p99 {:.4} ms, worst {:.4} ms", percentile(&times, 0.5), percentile(&times, 0.99), times[times.len() - 1]);
    println!(
        "  baseline substring scan: median {:.4} ms; ratio search/baseline {:.1}x",
        percentile(&base, 0.5),
        percentile(&times, 0.5) / percentile(&base, 0.5)
    );
    println!("  target: under 2 ms for any 1-3 character query: {}", if times[times.len() - 1] < 2.0 { "PASS" } else { "MISS" });
}
