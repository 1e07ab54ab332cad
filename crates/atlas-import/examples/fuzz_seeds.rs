//! Seeds for the `stored_state` fuzz target: real `library.json` and
//! `user-data.json` states and broken variants of them, made from the
//! importers themselves (nothing copied). `scripts/fuzz.sh` runs this.
//!
//!     cargo run --release -p atlas-import --example fuzz_seeds -- DIR

use atlas_import::library::Library;
use atlas_import::{parse, ImportOptions, Parsed};

fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(std::path::PathBuf::from) else {
        eprintln!("usage: fuzz_seeds DIR");
        std::process::exit(2);
    };
    std::fs::create_dir_all(&dir).expect("the seed folder can be made");
    let xml = atlas_import::synthetic::frab_xml(12, "seed");
    let Ok(Parsed::Schedule(schedule)) = parse(xml.as_bytes(), &ImportOptions::default()) else {
        panic!("the synthetic schedule imports");
    };
    let now = chrono::Utc::now();
    let (library, _) = Library::default().with_schedule("seed.xml", schedule, now);
    let good = serde_json::to_value(&library).expect("a library serialises");
    let mut seeds: Vec<(String, String)> = vec![("library-good.json".into(), good.to_string())];
    let mut variant = |name: &str, change: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        change(&mut v);
        seeds.push((format!("library-{name}.json"), v.to_string()));
    };
    variant("no-events", &|v| v["schedules"][0]["schedule"]["events"] = serde_json::json!([]));
    variant("far-start", &|v| v["schedules"][0]["schedule"]["events"][0]["start"] = "+262142-12-31T23:30:00Z".into());
    variant("year-10000", &|v| v["schedules"][0]["schedule"]["events"][0]["start"] = "+10000-01-01T00:00:00Z".into());
    variant("end-before-start", &|v| v["schedules"][0]["schedule"]["events"][0]["end"] = "1999-01-01T00:00:00Z".into());
    variant("duplicate-ids", &|v| {
        let first = v["schedules"][0]["schedule"]["events"][0]["id"].clone();
        v["schedules"][0]["schedule"]["events"][1]["id"] = first;
    });
    variant("bad-zone", &|v| v["schedules"][0]["schedule"]["zone"] = "Mars/Olympus".into());
    variant("unsafe-key", &|v| v["schedules"][0]["schedule"]["key"] = "../../etc".into());
    variant("newer-version", &|v| v["version"] = 99.into());
    variant("two-copies", &|v| {
        let s = v["schedules"][0].clone();
        v["schedules"].as_array_mut().expect("a list").push(s);
    });
    variant("non-ascii-names", &|v| v["schedules"][0]["schedule"]["events"][0]["persons"] = serde_json::json!(["Дмитрий", "会议", "😀"]));
    seeds.push(("user-data-good.json".into(), r#"{"version":1,"starred":[{"kind":"session","id":"cmm-0204-opening"}],"notes":{"country:PAK":"Résumé 会议"},"settings":{"time_zone":"Asia/Karachi"}}"#.into()));
    seeds.push(("user-data-v0.json".into(), r#"{"version":0,"starred_sessions":["a","b"]}"#.into()));
    seeds.push(("user-data-newer.json".into(), r#"{"version":7}"#.into()));
    seeds.push(("user-data-bom.json".into(), "\u{feff}{\"version\":1}".into()));
    for (name, text) in &seeds {
        std::fs::write(dir.join(name), text).expect("a seed is written");
    }
    println!("{} stored-state seeds in {}", seeds.len(), dir.display());
}
