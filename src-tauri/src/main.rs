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
    match args.first().map(String::as_str) {
        // Said without a window (no display is needed to ask).
        Some("-h" | "--help") => {
            println!(
                "Minerals Atlas {}: an offline atlas of the 2026 Critical Minerals Ministerial.\n\n\
                 usage: minerals-atlas                 open the window\n\
                 \x20      minerals-atlas brief ISO3 --out FILE.pdf [--zone IANA_ZONE] [--paper a4|letter]\n\
                 \x20      minerals-atlas import --check FILE [--zone IANA_ZONE]\n\
                 \x20      minerals-atlas --version",
                env!("CARGO_PKG_VERSION")
            );
            std::process::exit(0);
        }
        Some("-V" | "--version") => {
            println!("minerals-atlas {}", env!("CARGO_PKG_VERSION"));
            std::process::exit(0);
        }
        _ => {}
    }
    if args.first().map(String::as_str) == Some("brief") {
        // No window: write a country brief and exit.
        std::process::exit(minerals_atlas::cli::brief(args.get(1..).unwrap_or_default()));
    }
    minerals_atlas::run(started, &args);
}
