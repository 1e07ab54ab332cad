//! Criterion benchmarks of every query on the shipped dataset, and of search.
//! `cargo bench -p atlas-domain --bench queries`
//! Target (issue 7): every query under 1 ms at the 99th percentile; search
//! under 2 ms for any query of one to three characters.

use atlas_domain::item::{ItemKind, ItemRef};
use atlas_domain::Atlas;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn queries(c: &mut Criterion) {
    let atlas = Atlas::embedded().unwrap();
    c.bench_function("parse+index the dataset (start-up)", |b| b.iter(|| Atlas::embedded().unwrap()));
    c.bench_function("countries()", |b| b.iter(|| black_box(atlas.countries())));
    c.bench_function("country(PAK)", |b| b.iter(|| black_box(atlas.country("PAK").unwrap())));
    c.bench_function("country(USA) (largest)", |b| b.iter(|| black_box(atlas.country("USA").unwrap())));
    c.bench_function("minerals()", |b| b.iter(|| black_box(atlas.minerals())));
    c.bench_function("mineral(cobalt)", |b| b.iter(|| black_box(atlas.mineral("cobalt").unwrap())));
    c.bench_function("events()", |b| b.iter(|| black_box(atlas.events())));
    c.bench_function("sessions(cmm-2026, 2026-02-04)", |b| b.iter(|| black_box(atlas.sessions("cmm-2026", Some("2026-02-04")).unwrap())));
    c.bench_function("session(opening, Asia/Karachi)", |b| {
        b.iter(|| black_box(atlas.session("cmm-0204-opening", Some("Asia/Karachi")).unwrap()))
    });
    c.bench_function("timeline(all)", |b| b.iter(|| black_box(atlas.timeline(None, None).unwrap())));
    let starred: Vec<ItemRef> = atlas.dataset().sessions.iter().map(|s| ItemRef { kind: ItemKind::Session, id: s.id.clone() }).collect();
    c.bench_function("agenda(all sessions starred)", |b| b.iter(|| black_box(atlas.agenda(&starred, Some("UTC")).unwrap())));
    // A typo ("tshisekdi") and a miss ("zzzzqqqzzz") take the second, forgiving pass.
    for q in ["c", "co", "cob", "tshisekedi", "rubio jaishankar", "tshisekdi", "zzzzqqqzzz", "پاکستان"] {
        c.bench_function(&format!("search({q:?})"), |b| b.iter(|| black_box(atlas.search(q, None))));
    }
}

criterion_group!(benches, queries);
criterion_main!(benches);
