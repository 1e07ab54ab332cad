//! Brief generation against a baseline in the same run: writing the same
//! words to a plain text file. Alternating runs, medians, and the ratio; sizes
//! of both. `cargo run --release -p atlas-brief --example brief_timing [ISO3 ...]`

use std::time::{Duration, Instant};

use atlas_brief::{compose, write_brief, BriefContext, Paper};
use atlas_domain::time::ZoneName;
use atlas_domain::Atlas;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let countries: Vec<String> = std::env::args().skip(1).collect();
    let countries = if countries.is_empty() { vec!["PAK".into(), "COD".into(), "USA".into()] } else { countries };
    let atlas = Atlas::embedded().expect("built-in data");
    let info = atlas.info();
    let cx = BriefContext {
        info: &info,
        zone: ZoneName::parse("Asia/Karachi").unwrap(),
        written: atlas.now(),
        app_version: "bench",
        app_built: "bench",
    };
    let dir = std::env::temp_dir().join(format!("atlas-brief-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    println!("country  pages  pdf bytes  text bytes  pdf median  text median  ratio");
    for iso3 in countries {
        let detail = atlas.country(&iso3).expect("a country in the data");
        let text = format!("{:#?}", compose(&detail, &cx));
        let (mut pdf_times, mut text_times) = (Vec::new(), Vec::new());
        let mut last = None;
        for _ in 0..15 {
            let t = Instant::now();
            let brief = write_brief(&detail, &cx, Paper::A4).unwrap();
            std::fs::write(dir.join("brief.pdf"), &brief.pdf).unwrap();
            pdf_times.push(t.elapsed());
            last = Some(brief);
            let t = Instant::now();
            let words = format!("{:#?}", compose(&detail, &cx));
            std::fs::write(dir.join("brief.txt"), words.as_bytes()).unwrap();
            text_times.push(t.elapsed());
        }
        let brief = last.unwrap();
        let (p, t) = (median(pdf_times), median(text_times));
        println!(
            "{iso3:7}  {:5}  {:9}  {:10}  {:>10.2?}  {:>11.2?}  {:5.0}x",
            brief.pages,
            brief.pdf.len(),
            text.len(),
            p,
            t,
            p.as_secs_f64() / t.as_secs_f64()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
