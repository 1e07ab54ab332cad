//! Writes a synthetic frab XML schedule: `synthetic N FILE [ACRONYM]`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(file)) = (args.first().and_then(|n| n.parse::<usize>().ok()), args.get(1)) else {
        eprintln!("usage: synthetic N FILE [ACRONYM]");
        std::process::exit(2);
    };
    let acronym = args.get(2).map(String::as_str).unwrap_or("synth");
    std::fs::write(file, atlas_import::synthetic::frab_xml(n, acronym)).expect("write");
}
