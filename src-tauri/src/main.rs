// Prevents an extra console window on Windows in release.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    let started = std::time::Instant::now();
    // Arguments are read as the OS gives them: one that is not UTF-8 is a
    // clear error, never a panic.
    let args = match minerals_atlas::cli::utf8_args(std::env::args_os().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("minerals-atlas: {message}");
            std::process::exit(2);
        }
    };
    if args.first().map(String::as_str) == Some("import") {
        // No window: check a file and exit.
        std::process::exit(minerals_atlas::cli::import(args.get(1..).unwrap_or_default()));
    }
    if args.first().map(String::as_str) == Some("brief") {
        // No window: write a country brief and exit.
        std::process::exit(minerals_atlas::cli::brief(args.get(1..).unwrap_or_default()));
    }
    minerals_atlas::run(started, &args);
}
