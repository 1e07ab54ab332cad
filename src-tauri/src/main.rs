// Prevents an extra console window on Windows in release.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    let started = std::time::Instant::now();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("import") {
        // No window: check a file and exit.
        std::process::exit(minerals_atlas::cli::import(&args[1..]));
    }
    minerals_atlas::run(started);
}
